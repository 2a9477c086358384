import type { Migration } from '../migrate';

/** Document numbers issued for official documents (issue 6). */
export const documentRegister: Migration = {
  version: 11,
  name: '011_document_register',
  up(_db) {
    // filled in by the work on this area
  },
};
