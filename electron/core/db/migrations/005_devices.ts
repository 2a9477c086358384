import type { Migration } from '../migrate';

/**
 * Juror devices (issue 5): a pairing token may carry a short code to type instead of scanning its
 * QR code (only its SHA-256 hash is stored, like the token's; cleared when the token is spent), and
 * a device remembers when it was last seen.
 */
export const devices: Migration = {
  version: 5,
  name: '005_devices',
  up(db) {
    db.exec(`
      ALTER TABLE pairing_tokens ADD COLUMN code_hash TEXT;
      CREATE UNIQUE INDEX pairing_tokens_code ON pairing_tokens (code_hash) WHERE code_hash IS NOT NULL;
      ALTER TABLE devices ADD COLUMN last_seen_at TEXT;
      CREATE INDEX devices_competition ON devices (competition_id);
    `);
  },
};
