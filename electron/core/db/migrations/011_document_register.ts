import type { Migration } from '../migrate';

/**
 * The register of official document numbers (issue 6). One sequence per calendar year for the whole
 * database, so a number never repeats across competitions: "007/BA/RJ/XI/2026" is the 7th document
 * issued in 2026, a Berita Acara, issued in November. Printing the same document again (same kind,
 * competition, stage, subject, result version and hash) reuses its number.
 */
export const documentRegister: Migration = {
  version: 11,
  name: '011_document_register',
  up(db) {
    db.exec(`
      CREATE TABLE document_register (
        id INTEGER PRIMARY KEY,
        competition_id INTEGER NOT NULL REFERENCES competitions (id) ON DELETE CASCADE,
        stage_id INTEGER REFERENCES stages (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        -- what distinguishes documents of one kind: a juror's score sheets, a batch of certificates ('' for none)
        subject TEXT NOT NULL DEFAULT '',
        year INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        number TEXT NOT NULL UNIQUE,
        -- result snapshot version (0 while provisional) and its SHA-256 (the setup's for the setup sheet)
        version INTEGER NOT NULL,
        hash TEXT,
        issued_at TEXT NOT NULL,
        issued_by TEXT NOT NULL,
        UNIQUE (year, seq)
      );
      CREATE INDEX document_register_lookup ON document_register (competition_id, kind, stage_id, subject, version);
    `);
  },
};
