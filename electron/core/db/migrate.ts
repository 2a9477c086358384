/**
 * Numbered migrations against PRAGMA user_version (Signal Desktop's pattern): every pending
 * migration runs in ONE transaction, so a failure leaves the database as it was; a database
 * written by a newer version is refused instead of being damaged.
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '@shared/api/errors';

export interface Migration {
  /** 1, 2, 3 … with no gaps; the database's user_version after it ran. */
  version: number;
  name: string;
  up(db: Database): void;
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Refuses a database from a newer version before anything (even a pragma) touches it. */
export function assertNotNewer(db: Database, migrations: readonly Migration[]): void {
  const found = schemaVersion(db);
  if (found > migrations.length) throw new AppError('CONFLICT', 'databaseTooNew', { found, supported: migrations.length });
}

export function runMigrations(db: Database, migrations: readonly Migration[]): { from: number; to: number } {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`migration ${migration.name} must have version ${index + 1}`);
  });
  assertNotNewer(db, migrations);
  const supported = migrations.length;
  const from = schemaVersion(db);
  if (from === supported) return { from, to: from };
  db.transaction(() => {
    for (const migration of migrations.slice(from)) {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
  return { from, to: supported };
}
