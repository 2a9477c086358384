/**
 * Group commit (electron/core/dispatch.ts): commands arriving together share one durable COMMIT,
 * each in its own savepoint. What must hold: a failing command rolls back alone; nobody is answered
 * before the shared commit is visible to another connection; a failed commit answers nobody with success.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { groupCommit } from '../../../electron/core/dispatch';

function twoConnections() {
  const file = join(mkdtempSync(join(tmpdir(), 'rj-group-')), 'db.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.exec(`CREATE TABLE parent (id INTEGER PRIMARY KEY);
           CREATE TABLE marks (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED, note TEXT);`);
  const observer = new Database(file, { readonly: true });
  const committed = () => (observer.prepare('SELECT id FROM marks ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  return { db, committed };
}

describe('group commit', () => {
  it('runs commands queued together in one transaction, and a failing one rolls back alone', async () => {
    const { db, committed } = twoConnections();
    const commit = groupCommit(db);
    let seenBySecond: number[] | null = null;
    const first = commit(() => db.prepare('INSERT INTO marks (id) VALUES (1)').run());
    const second = commit(() => {
      // Same transaction as the first: its row is written but not yet committed for anyone else.
      seenBySecond = committed();
      db.prepare('INSERT INTO marks (id) VALUES (2)').run();
      throw new Error('mark out of scale');
    });
    const third = commit(() => db.prepare('INSERT INTO marks (id) VALUES (3)').run());
    const outcomes = await Promise.allSettled([first, second, third]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toEqual(new Error('mark out of scale'));
    expect(seenBySecond).toEqual([]);
    expect(committed()).toEqual([1, 3]);
  });

  it('answers only after the commit is visible to another connection', async () => {
    const { db, committed } = twoConnections();
    const commit = groupCommit(db);
    const visibleAtAnswer = await Promise.all([1, 2].map((id) => commit(() => db.prepare('INSERT INTO marks (id) VALUES (?)').run(id)).then(() => committed())));
    expect(visibleAtAnswer).toEqual([
      [1, 2],
      [1, 2],
    ]);
  });

  it('answers nobody with success when the shared commit fails, and keeps nothing of the group', async () => {
    const { db, committed } = twoConnections();
    const commit = groupCommit(db);
    // A deferred foreign key is checked only at COMMIT: the savepoint succeeds, the commit does not.
    const valid = commit(() => db.prepare('INSERT INTO marks (id) VALUES (1)').run());
    const dangling = commit(() => db.prepare('INSERT INTO marks (id, parent_id) VALUES (2, 99)').run());
    const outcomes = await Promise.allSettled([valid, dangling]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(committed()).toEqual([]);
    // The queue goes on working afterwards.
    await commit(() => db.prepare('INSERT INTO marks (id) VALUES (3)').run());
    expect(committed()).toEqual([3]);
  });
});
