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
      -- The chair's order for entries the tie-break rules left equal (the engine's "chair" rule).
      -- One decision per stage, category and set of entries: recording it again replaces it.
      CREATE TABLE tie_decisions (
        id INTEGER PRIMARY KEY,
        stage_id INTEGER NOT NULL REFERENCES stages (id) ON DELETE CASCADE,
        category_id INTEGER NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
        -- the entries' ids sorted ascending and joined by ",": identifies the tie
        tie_key TEXT NOT NULL,
        -- JSON array of entry ids, best first
        order_json TEXT NOT NULL,
        reason TEXT NOT NULL,
        decided_by TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        UNIQUE (stage_id, category_id, tie_key)
      );
      -- Which award scale (by rank) and grade scale (by total) a stage's result uses.
      CREATE TABLE stage_award_schemes (
        stage_id INTEGER PRIMARY KEY REFERENCES stages (id) ON DELETE CASCADE,
        award_scale_id INTEGER REFERENCES grade_scales (id) ON DELETE SET NULL,
        grade_scale_id INTEGER REFERENCES grade_scales (id) ON DELETE SET NULL
      );
      -- The chair's manual award for an entry, replacing the scheme's; label '' = no award.
      CREATE TABLE award_overrides (
        stage_id INTEGER NOT NULL REFERENCES stages (id) ON DELETE CASCADE,
        entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        label TEXT NOT NULL,
        reason TEXT NOT NULL,
        decided_by TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        PRIMARY KEY (stage_id, entry_id)
      );
    `);
  },
};
