import type { Migration } from '../migrate';

/**
 * Scoring window per slot, extensions and late-submission approvals; comments on sheets (issue 5).
 * The window itself is not stored: it is derived from the timer, the schedule and these rows.
 */
export const scoringWindow: Migration = {
  version: 8,
  name: '008_scoring_window',
  up(db) {
    db.exec(`
      ALTER TABLE sheets ADD COLUMN comment TEXT;
      CREATE TABLE mark_comments (
        stage_id INTEGER NOT NULL,
        entry_id INTEGER NOT NULL,
        juror_id INTEGER NOT NULL,
        criterion_id INTEGER NOT NULL REFERENCES criteria(id) ON DELETE CASCADE,
        comment TEXT NOT NULL,
        PRIMARY KEY (stage_id, entry_id, juror_id, criterion_id),
        FOREIGN KEY (stage_id, entry_id, juror_id) REFERENCES sheets(stage_id, entry_id, juror_id) ON DELETE CASCADE
      );
      CREATE TABLE scoring_window_rules (
        competition_id INTEGER PRIMARY KEY REFERENCES competitions(id) ON DELETE CASCADE,
        open_phase_index INTEGER NOT NULL,
        grace_seconds INTEGER NOT NULL,
        updated_at TEXT NOT NULL
      );
      -- Each extension keeps the entry's window open until until_ms (core time, ms).
      CREATE TABLE scoring_window_extensions (
        id INTEGER PRIMARY KEY,
        stage_id INTEGER NOT NULL REFERENCES stages(id) ON DELETE CASCADE,
        entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        minutes INTEGER NOT NULL,
        until_ms INTEGER NOT NULL,
        granted_by TEXT NOT NULL,
        granted_at TEXT NOT NULL
      );
      CREATE INDEX scoring_window_extensions_entry ON scoring_window_extensions (stage_id, entry_id);
      -- A submission after close, held until the chair decides; payload_json holds marks and comments.
      CREATE TABLE late_submissions (
        id INTEGER PRIMARY KEY,
        stage_id INTEGER NOT NULL REFERENCES stages(id) ON DELETE CASCADE,
        entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        juror_id INTEGER NOT NULL REFERENCES jurors(id) ON DELETE CASCADE,
        op_id TEXT NOT NULL,
        payload_json TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'declined')),
        submitted_at TEXT NOT NULL,
        decided_by TEXT,
        decided_at TEXT,
        reason TEXT
      );
      CREATE UNIQUE INDEX one_pending_late_submission ON late_submissions (stage_id, entry_id, juror_id) WHERE status = 'pending';
      CREATE INDEX late_submissions_stage ON late_submissions (stage_id, status);
    `);
  },
};
