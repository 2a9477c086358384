import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/api/errors';
import { DATABASE_FILE, openDatabase } from '../../../electron/core/db/open';
import { migrations } from '../../../electron/core/db/migrations';
import { runMigrations, schemaVersion, type Migration } from '../../../electron/core/db/migrate';
import { errorBody } from '../../../electron/core/dispatch';
import { tempDir } from '../helpers';

const tables = (db: Database.Database) =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((t) => t.name);

describe('migrations', () => {
  it('bring a new database to the latest version with WAL, synchronous=FULL and foreign keys', () => {
    const db = openDatabase(tempDir());
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(tables(db)).toEqual(expect.arrayContaining(['competitions', 'criteria', 'marks', 'sheets', 'audit_log', 'operations']));
    db.close();
  });

  it('are not re-run on a database that is up to date', () => {
    const dir = tempDir();
    openDatabase(dir).close();
    let ran = 0;
    const counting = migrations.map((m) => ({ ...m, up: (db: Database.Database) => (ran++, m.up(db)) }));
    openDatabase(dir, counting).close();
    expect(ran).toBe(0);
  });

  it('refuse a database written by a newer version, with a clear translated message, and leave it untouched', () => {
    const dir = tempDir();
    const raw = new Database(join(dir, DATABASE_FILE));
    raw.pragma(`user_version = ${migrations.length + 5}`);
    raw.close();

    let caught: unknown;
    try {
      openDatabase(dir);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).key).toBe('databaseTooNew');
    expect(errorBody(caught, 'id').message).toContain(`skema ${migrations.length + 5}`);
    expect(errorBody(caught, 'en').message).toMatch(/newer Ruang Juri/);

    const after = new Database(join(dir, DATABASE_FILE));
    expect(schemaVersion(after)).toBe(migrations.length + 5);
    expect(tables(after)).toEqual([]);
    after.close();
  });

  it('run all pending migrations in one transaction: a failing one leaves nothing behind', () => {
    const db = new Database(':memory:');
    const failing: Migration[] = [
      { version: 1, name: 'one', up: (d) => d.exec('CREATE TABLE first (id INTEGER)') },
      {
        version: 2,
        name: 'two',
        up: () => {
          throw new Error('boom');
        },
      },
    ];
    expect(() => runMigrations(db, failing)).toThrow('boom');
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);
  });

  it('refuse a list with a gap in its numbering', () => {
    const db = new Database(':memory:');
    expect(() => runMigrations(db, [{ version: 2, name: 'two', up: () => {} }])).toThrow(/version 1/);
  });
});
