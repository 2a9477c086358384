import type { Migration } from '../migrate';

/** Scoring window per slot, extensions and late-submission approvals; comments on sheets (issue 5). */
export const scoringWindow: Migration = {
  version: 8,
  name: '008_scoring_window',
  up(_db) {
    // filled in by the work on this area
  },
};
