import type { Migration } from '../migrate';

/**
 * Chair and secretariat dashboard (issue 5): each time a submitted sheet is turned back to draft,
 * with the reason, who did it and when (the audit log holds the same, hash-chained).
 */
export const dashboard: Migration = {
  version: 7,
  name: '007_dashboard',
  up(db) {
    db.exec(`
      CREATE TABLE sheet_reopenings (
        id INTEGER PRIMARY KEY,
        stage_id INTEGER NOT NULL REFERENCES stages (id) ON DELETE CASCADE,
        entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        juror_id INTEGER NOT NULL REFERENCES jurors (id) ON DELETE CASCADE,
        reason TEXT NOT NULL,
        reopened_by TEXT NOT NULL,
        reopened_at TEXT NOT NULL
      );
      CREATE INDEX sheet_reopenings_stage ON sheet_reopenings (stage_id);
    `);
  },
};
