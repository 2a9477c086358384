import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cacheStatements } from '../../../electron/core/dispatch';

function database() {
  const db = new Database(':memory:');
  db.exec("CREATE TABLE marks (id INTEGER PRIMARY KEY, value INTEGER NOT NULL); INSERT INTO marks (value) VALUES (10), (20)");
  cacheStatements(db);
  return db;
}

describe('the statement cache the dispatcher puts on its database', () => {
  it('compiles each SQL text once and still reads the current rows', () => {
    const db = database();
    const sql = 'SELECT value FROM marks ORDER BY id';
    const first = db.prepare(sql);
    expect(db.prepare(sql)).toBe(first);
    db.prepare('INSERT INTO marks (value) VALUES (?)').run(30);
    expect(db.prepare(sql).all()).toEqual([{ value: 10 }, { value: 20 }, { value: 30 }]);
  });

  it('keeps a reconfigured statement to its caller: the next caller gets plain rows again', () => {
    const db = database();
    const sql = 'SELECT value FROM marks WHERE id = ?';
    expect(db.prepare(sql).pluck().get(1)).toBe(10);
    expect(db.prepare(sql).get(1)).toEqual({ value: 10 });
    const bound = db.prepare(sql).bind(2);
    expect(bound.get()).toEqual({ value: 20 });
    expect(db.prepare(sql).get(1)).toEqual({ value: 10 });
  });

  it('hands out a fresh statement while the cached one is still iterating', () => {
    const db = database();
    const sql = 'SELECT value FROM marks ORDER BY id';
    const seen: number[] = [];
    for (const row of db.prepare(sql).iterate() as Iterable<{ value: number }>) {
      seen.push(row.value, (db.prepare(sql).all() as { value: number }[]).length);
    }
    expect(seen).toEqual([10, 2, 20, 2]);
  });
});
