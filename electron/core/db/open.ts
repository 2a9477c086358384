import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrations } from './migrations';
import { assertNotNewer, runMigrations, type Migration } from './migrate';

export const DATABASE_FILE = 'ruang-juri.sqlite';

/**
 * Opens (or creates) the installation's database: WAL, synchronous=FULL so an acknowledged score
 * survives a power cut, foreign keys on, an integrity check, then the pending migrations.
 */
export function openDatabase(dataDir: string, list: readonly Migration[] = migrations): Database.Database {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, DATABASE_FILE));
  try {
    assertNotNewer(db, list);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`database integrity check failed: ${String(integrity)}`);
    runMigrations(db, list);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
