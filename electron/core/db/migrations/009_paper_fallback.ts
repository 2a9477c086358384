import type { Migration } from '../migrate';

/** Kiosk sessions and paper sheets typed twice (issue 5). */
export const paperFallback: Migration = {
  version: 9,
  name: '009_paper_fallback',
  up(_db) {
    // filled in by the work on this area
  },
};
