import type { Migration } from '../migrate';

/** Each stage's scoring method as JSON (shared/domain/method.ts); NULL reads as the default method. */
export const stageMethod: Migration = {
  version: 3,
  name: '003_stage_method',
  up(db) {
    db.exec(`ALTER TABLE stages ADD COLUMN method_json TEXT`);
  },
};
