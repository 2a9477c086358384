import type { Migration } from '../migrate';

/** Kiosk sessions and paper sheets typed twice (issue 5). */
export const paperFallback: Migration = {
  version: 9,
  name: '009_paper_fallback',
  up(db) {
    db.exec(`
      -- A juror switched in on the organiser's laptop; only the token's SHA-256 is kept.
      CREATE TABLE kiosk_sessions (
        id INTEGER PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        competition_id INTEGER NOT NULL REFERENCES competitions(id) ON DELETE CASCADE,
        juror_id INTEGER NOT NULL REFERENCES jurors(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('chair', 'juror')),
        started_at TEXT NOT NULL,
        last_used_at TEXT NOT NULL,
        ended_at TEXT
      );
      CREATE INDEX kiosk_sessions_open ON kiosk_sessions (competition_id) WHERE ended_at IS NULL;
      -- The two typings of one juror's paper sheet (slot 1 and 2, by different people).
      CREATE TABLE paper_typings (
        stage_id INTEGER NOT NULL REFERENCES stages(id) ON DELETE CASCADE,
        entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        juror_id INTEGER NOT NULL REFERENCES jurors(id) ON DELETE CASCADE,
        slot INTEGER NOT NULL CHECK (slot IN (1, 2)),
        typist TEXT NOT NULL,
        marks_json TEXT NOT NULL,
        typed_at TEXT NOT NULL,
        PRIMARY KEY (stage_id, entry_id, juror_id, slot)
      );
    `);
  },
};
