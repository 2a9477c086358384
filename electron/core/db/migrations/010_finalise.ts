import type { Migration } from '../migrate';

/** Finalised result snapshots, awards, tie decisions (issue 6). */
export const finalise: Migration = {
  version: 10,
  name: '010_finalise',
  up(db) {
    db.exec(`
      CREATE TABLE result_snapshots (
        id INTEGER PRIMARY KEY,
        stage_id INTEGER NOT NULL REFERENCES stages (id) ON DELETE CASCADE,
        -- 1 for the first finalisation, +1 after each reopening
        version INTEGER NOT NULL,
        -- canonical JSON: the ruang-juri/scoring@1 file of the stage with its "results"
        body TEXT NOT NULL,
        -- SHA-256 (hex) of body
        hash TEXT NOT NULL,
        finalised_by TEXT NOT NULL,
        finalised_at TEXT NOT NULL,
        reopened_by TEXT,
        reopened_at TEXT,
        reopen_reason TEXT,
        UNIQUE (stage_id, version)
      );
    `);
  },
};
