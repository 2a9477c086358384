import type { Migration } from '../migrate';

/**
 * The phase timer per competition (issue 5): the state every client derives its countdown from,
 * with a version that refuses stale presses, and the time each phase of a slot really took.
 */
export const timer: Migration = {
  version: 4,
  name: '004_timer',
  up(db) {
    db.exec(`
      CREATE TABLE timers (
        competition_id INTEGER PRIMARY KEY REFERENCES competitions(id) ON DELETE CASCADE,
        phases_json TEXT NOT NULL,
        phase_index INTEGER NOT NULL DEFAULT 0,
        started_at INTEGER,
        accumulated_ms INTEGER NOT NULL DEFAULT 0,
        added_ms INTEGER NOT NULL DEFAULT 0,
        running INTEGER NOT NULL DEFAULT 0 CHECK (running IN (0, 1)),
        version INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE timer_phase_log (
        id INTEGER PRIMARY KEY,
        competition_id INTEGER NOT NULL REFERENCES competitions(id) ON DELETE CASCADE,
        session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
        entry_id INTEGER REFERENCES entries(id) ON DELETE SET NULL,
        phase_index INTEGER NOT NULL,
        phase_name TEXT NOT NULL,
        planned_ms INTEGER NOT NULL,
        elapsed_ms INTEGER NOT NULL,
        overtime_ms INTEGER NOT NULL,
        recorded_at TEXT NOT NULL
      );
      CREATE INDEX timer_phase_log_entry ON timer_phase_log (competition_id, entry_id);
    `);
  },
};
