import type { Migration } from '../migrate';

/**
 * The first schema. Marks are integers in milli-points, weights in basis points; every row that a
 * juror device writes carries the operation id that produced it (idempotent retries).
 */
export const initial: Migration = {
  version: 1,
  name: '001_initial',
  up(db) {
    db.exec(`
      CREATE TABLE competitions (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE categories (
        id INTEGER PRIMARY KEY,
        competition_id INTEGER NOT NULL REFERENCES competitions(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        position INTEGER NOT NULL,
        UNIQUE (competition_id, name)
      );
      CREATE TABLE stages (
        id INTEGER PRIMARY KEY,
        competition_id INTEGER NOT NULL REFERENCES competitions(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        position INTEGER NOT NULL
      );
      CREATE TABLE criteria (
        id INTEGER PRIMARY KEY,
        stage_id INTEGER NOT NULL REFERENCES stages(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        weight_bp INTEGER NOT NULL CHECK (weight_bp > 0),
        min_milli INTEGER NOT NULL,
        max_milli INTEGER NOT NULL,
        step_milli INTEGER NOT NULL CHECK (step_milli > 0),
        position INTEGER NOT NULL,
        CHECK (min_milli < max_milli)
      );
      CREATE TABLE jurors (
        id INTEGER PRIMARY KEY,
        competition_id INTEGER NOT NULL REFERENCES competitions(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('chair', 'member', 'secretary')),
        position INTEGER NOT NULL
      );
      CREATE TABLE entries (
        id INTEGER PRIMARY KEY,
        competition_id INTEGER NOT NULL REFERENCES competitions(id) ON DELETE CASCADE,
        category_id INTEGER NOT NULL REFERENCES categories(id),
        code TEXT NOT NULL,
        title TEXT NOT NULL,
        unit TEXT NOT NULL,
        position INTEGER NOT NULL
      );
      CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        stage_id INTEGER NOT NULL REFERENCES stages(id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
        opened_at TEXT NOT NULL,
        closed_at TEXT,
        current_entry_id INTEGER REFERENCES entries(id)
      );
      CREATE UNIQUE INDEX one_open_session_per_stage ON sessions(stage_id) WHERE status = 'open';
      CREATE TABLE sheets (
        stage_id INTEGER NOT NULL REFERENCES stages(id) ON DELETE CASCADE,
        entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        juror_id INTEGER NOT NULL REFERENCES jurors(id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
        updated_at TEXT NOT NULL,
        submitted_at TEXT,
        PRIMARY KEY (stage_id, entry_id, juror_id)
      );
      CREATE TABLE marks (
        stage_id INTEGER NOT NULL,
        entry_id INTEGER NOT NULL,
        juror_id INTEGER NOT NULL,
        criterion_id INTEGER NOT NULL REFERENCES criteria(id) ON DELETE CASCADE,
        value_milli INTEGER NOT NULL,
        op_id TEXT NOT NULL,
        PRIMARY KEY (stage_id, entry_id, juror_id, criterion_id),
        FOREIGN KEY (stage_id, entry_id, juror_id) REFERENCES sheets(stage_id, entry_id, juror_id) ON DELETE CASCADE
      );
      CREATE TABLE devices (
        id INTEGER PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('organiser', 'chair', 'juror', 'display')),
        competition_id INTEGER REFERENCES competitions(id) ON DELETE CASCADE,
        juror_id INTEGER REFERENCES jurors(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        revoked_at TEXT
      );
      CREATE TABLE pairing_tokens (
        token_hash TEXT PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('organiser', 'chair', 'juror', 'display')),
        competition_id INTEGER REFERENCES competitions(id) ON DELETE CASCADE,
        juror_id INTEGER REFERENCES jurors(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT
      );
      CREATE TABLE operations (
        op_id TEXT NOT NULL,
        actor TEXT NOT NULL,
        command TEXT NOT NULL,
        output_json TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (actor, op_id)
      );
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        details_json TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
    `);
  },
};
