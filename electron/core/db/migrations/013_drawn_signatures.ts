import type { Migration } from '../migrate';

/**
 * Drawn signatures of jurors and the chair for the signature blocks of documents (issue 6). One
 * signature per juror per stage: signing attests that stage's sheets and Berita Acara, so a juror
 * signs again in the next stage. Drawing again replaces it. The image is a PNG data URL; the audit
 * log holds only its SHA-256.
 */
export const drawnSignatures: Migration = {
  version: 13,
  name: '013_drawn_signatures',
  up(db) {
    db.exec(`
      CREATE TABLE drawn_signatures (
        stage_id INTEGER NOT NULL REFERENCES stages (id) ON DELETE CASCADE,
        juror_id INTEGER NOT NULL REFERENCES jurors (id) ON DELETE CASCADE,
        png_data_url TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        drawn_by TEXT NOT NULL,
        drawn_at TEXT NOT NULL,
        PRIMARY KEY (stage_id, juror_id)
      );
    `);
  },
};
