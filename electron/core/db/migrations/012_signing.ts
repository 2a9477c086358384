import type { Migration } from '../migrate';

/**
 * Signing certificates (issue 6), one current per competition. Replaced or removed ones stay
 * (without their key) so documents they signed are still recognised as this database's.
 * The PKCS#12 bytes are encrypted with the organiser's passphrase, which is never stored.
 */
export const signing: Migration = {
  version: 12,
  name: '012_signing',
  up(db) {
    db.exec(`
      CREATE TABLE signing_certificates (
        id INTEGER PRIMARY KEY,
        competition_id INTEGER NOT NULL REFERENCES competitions (id) ON DELETE CASCADE,
        source TEXT NOT NULL CHECK (source IN ('imported', 'created')),
        -- the PKCS#12 file; NULL once the certificate is retired
        p12 BLOB,
        common_name TEXT NOT NULL,
        organization TEXT NOT NULL,
        subject TEXT NOT NULL,
        issuer TEXT NOT NULL,
        self_signed INTEGER NOT NULL,
        serial TEXT NOT NULL,
        -- SHA-256 (hex) of the certificate's DER bytes
        fingerprint TEXT NOT NULL,
        not_before TEXT NOT NULL,
        not_after TEXT NOT NULL,
        installed_by TEXT NOT NULL,
        installed_at TEXT NOT NULL,
        retired_at TEXT
      );
      CREATE UNIQUE INDEX signing_certificates_current ON signing_certificates (competition_id) WHERE retired_at IS NULL;
      CREATE INDEX signing_certificates_fingerprint ON signing_certificates (fingerprint);
    `);
  },
};
