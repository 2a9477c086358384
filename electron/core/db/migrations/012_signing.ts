import type { Migration } from '../migrate';

/** Signing certificates (issue 6). */
export const signing: Migration = {
  version: 12,
  name: '012_signing',
  up(_db) {
    // filled in by the work on this area
  },
};
