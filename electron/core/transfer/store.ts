/**
 * Reads the competition's side of an import and inserts checked rows, in the caller's
 * transaction. The same columns and rules as entry.save / juror.save: a new entry joins the
 * first stage, last in order; a new juror comes last, without a PIN.
 */
import type { Database } from 'better-sqlite3';
import type { EntryRecord, ImportTarget, JurorRecord } from './analyse';
import type { ImportKind } from './columns';

export function loadTarget(db: Database, competitionId: number, kind: ImportKind): ImportTarget {
  const categories = db.prepare('SELECT id, name FROM categories WHERE competition_id = ? ORDER BY position, id').all(competitionId) as {
    id: number;
    name: string;
  }[];
  const existing = (
    kind === 'entries'
      ? db.prepare('SELECT code AS value FROM entries WHERE competition_id = ?').all(competitionId)
      : db.prepare('SELECT name AS value FROM jurors WHERE competition_id = ?').all(competitionId)
  ) as { value: string }[];
  const { entryCount } = db.prepare('SELECT COUNT(*) AS entryCount FROM entries WHERE competition_id = ?').get(competitionId) as { entryCount: number };
  return { competitionId, categories, existing: existing.map((r) => r.value), entryCount };
}

const nextPosition = (db: Database, table: 'entries' | 'jurors', competitionId: number): number =>
  (db.prepare(`SELECT COALESCE(MAX(position) + 1, 0) AS next FROM ${table} WHERE competition_id = ?`).get(competitionId) as { next: number }).next;

export function insertEntries(db: Database, competitionId: number, entries: readonly EntryRecord[]): void {
  const stage = db.prepare('SELECT id FROM stages WHERE competition_id = ? ORDER BY position, id LIMIT 1').get(competitionId) as { id: number } | undefined;
  const insert = db.prepare(
    `INSERT INTO entries (competition_id, category_id, code, title, unit, presenters, contact, notes, position)
     VALUES (@competitionId, @categoryId, @code, @title, @unit, @presenters, @contact, @notes, @position)`,
  );
  const join = db.prepare('INSERT INTO stage_entries (stage_id, entry_id) VALUES (?, ?)');
  let position = nextPosition(db, 'entries', competitionId);
  for (const e of entries) {
    const { code, title, unit, categoryId, presenters, contact, notes } = e;
    const id = Number(insert.run({ competitionId, categoryId, code, title, unit, presenters, contact, notes, position: position++ }).lastInsertRowid);
    if (stage) join.run(stage.id, id);
  }
}

export function insertJurors(db: Database, competitionId: number, jurors: readonly JurorRecord[]): void {
  // `position_title` is the juror's job title; `position` is their order in the list.
  const insert = db.prepare(
    `INSERT INTO jurors (competition_id, name, title, nip, position_title, institution, role, position)
     VALUES (@competitionId, @name, @title, @nip, @positionTitle, @institution, @role, @position)`,
  );
  let position = nextPosition(db, 'jurors', competitionId);
  for (const j of jurors) {
    insert.run({ competitionId, name: j.name, title: j.title, nip: j.nip, positionTitle: j.position, institution: j.institution, role: j.role, position: position++ });
  }
}
