/**
 * What a sheet carries besides its marks (issue 5): the juror's comments per criterion and overall,
 * and a late submission waiting for the chair (or declined by them). Reads attach them to sheets
 * loaded by services/sheets.ts; writeSheet stores the comments in the same transaction as the marks.
 */
import type { Database } from 'better-sqlite3';
import { milliToText, parseMilli } from '@shared/domain/decimal';
import type { Sheet } from '@shared/domain/schemas';
import { loadSheets, toSheet } from './sheets';

export interface SheetComments {
  /** Per criterion; an empty text removes that criterion's comment. Criteria not listed are unchanged. */
  criteria?: readonly { criterionId: number; text: string }[];
  /** The overall comment; '' removes it, undefined leaves it unchanged. */
  overall?: string;
}

interface SheetKey {
  stageId: number;
  entryId: number;
  jurorId: number;
}

/** From the command's optional fields; undefined when the juror sent no comment at all. */
export function sheetComments(criteria: SheetComments['criteria'], overall: string | undefined): SheetComments | undefined {
  return criteria === undefined && overall === undefined ? undefined : { criteria, overall };
}

/** Stores the comments of a sheet whose row exists already (writeSheet upserts it first). */
export function writeComments(db: Database, key: SheetKey, comments: SheetComments | undefined): void {
  if (!comments) return;
  const { stageId, entryId, jurorId } = key;
  if (comments.overall !== undefined)
    db.prepare('UPDATE sheets SET comment = ? WHERE stage_id = ? AND entry_id = ? AND juror_id = ?').run(comments.overall || null, stageId, entryId, jurorId);
  const remove = db.prepare('DELETE FROM mark_comments WHERE stage_id = ? AND entry_id = ? AND juror_id = ? AND criterion_id = ?');
  const upsert = db.prepare(
    `INSERT INTO mark_comments (stage_id, entry_id, juror_id, criterion_id, comment) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (stage_id, entry_id, juror_id, criterion_id) DO UPDATE SET comment = excluded.comment`,
  );
  for (const { criterionId, text } of comments.criteria ?? []) {
    if (text) upsert.run(stageId, entryId, jurorId, criterionId, text);
    else remove.run(stageId, entryId, jurorId, criterionId);
  }
}

interface LateRow {
  id: number;
  entry_id: number;
  juror_id: number;
  status: 'pending' | 'declined';
  submitted_at: string;
  reason: string | null;
  payload_json: string;
}

/** What a late submission holds until the chair decides. */
export interface LatePayload {
  marks: readonly { criterionId: number; value: string }[];
  comments?: SheetComments;
}

/** The sheet as it will be if the chair approves: the held marks and comments over the stored ones. */
function withHeld(sheet: Sheet, payload: LatePayload): Sheet {
  const marks = new Map(sheet.marks.map((m) => [m.criterionId, m.value]));
  for (const m of payload.marks) marks.set(m.criterionId, milliToText(parseMilli(m.value)!));
  const comments = new Map((sheet.comments ?? []).map((c) => [c.criterionId, c.text]));
  for (const c of payload.comments?.criteria ?? []) comments.set(c.criterionId, c.text);
  const overall = payload.comments?.overall;
  return {
    ...sheet,
    marks: [...marks].map(([criterionId, value]) => ({ criterionId, value })),
    comments: [...comments].filter(([, text]) => text).map(([criterionId, text]) => ({ criterionId, text })),
    comment: overall === undefined ? (sheet.comment ?? null) : overall || null,
  };
}

/**
 * Attaches comments and the latest pending or declined late submission to sheets of one stage; a
 * late submission without a stored sheet (nothing saved before the window closed) shows as an empty sheet.
 */
export function withExtras(db: Database, stageId: number, sheets: Sheet[], filter: { jurorId?: number; entryId?: number } = {}): Sheet[] {
  const where = ['stage_id = @stageId'];
  if (filter.jurorId !== undefined) where.push('juror_id = @jurorId');
  if (filter.entryId !== undefined) where.push('entry_id = @entryId');
  const params = { stageId, ...filter };
  const matching = where.join(' AND ');
  const key = (entryId: number, jurorId: number) => `${entryId}:${jurorId}`;
  // One sheet (every mark save answers with one): a single read says which extras it has at all.
  const one = filter.jurorId !== undefined && filter.entryId !== undefined ? probeOne(db, matching, params) : null;
  const oneKey = { entry_id: filter.entryId!, juror_id: filter.jurorId! };
  const rows = <T>(sql: string, needed = true): T[] => (needed ? (db.prepare(sql).all(params) as T[]) : []);

  const overall = new Map(
    (one ? [{ ...oneKey, comment: one.comment }] : rows<{ entry_id: number; juror_id: number; comment: string | null }>(`SELECT entry_id, juror_id, comment FROM sheets WHERE ${matching}`)).map(
      (r) => [key(r.entry_id, r.juror_id), r.comment],
    ),
  );
  const perCriterion = new Map<string, { criterionId: number; text: string }[]>();
  const commentRows = rows<{ entry_id: number; juror_id: number; criterion_id: number; comment: string }>(
    `SELECT entry_id, juror_id, criterion_id, comment FROM mark_comments WHERE ${matching} ORDER BY criterion_id`,
    !one || one.hasComments,
  );
  for (const r of commentRows) {
    const k = key(r.entry_id, r.juror_id);
    perCriterion.set(k, [...(perCriterion.get(k) ?? []), { criterionId: r.criterion_id, text: r.comment }]);
  }
  // The newest late submission per sheet that still matters to the juror (approved ones are the sheet now).
  const late = new Map<string, LateRow>();
  const lateRows = rows<LateRow>(
    `SELECT id, entry_id, juror_id, status, submitted_at, reason, payload_json FROM late_submissions WHERE ${matching} AND status != 'approved' ORDER BY id`,
    !one || one.hasLate,
  );
  for (const r of lateRows) late.set(key(r.entry_id, r.juror_id), r);
  const reopenedRows = one ? (one.reopened ? [oneKey] : []) : rows<{ entry_id: number; juror_id: number }>(`SELECT DISTINCT entry_id, juror_id FROM sheet_reopenings WHERE ${matching}`);
  const reopened = new Set(reopenedRows.map((r) => key(r.entry_id, r.juror_id)));
  const byKey = new Map(sheets.map((s) => [key(s.entryId, s.jurorId), s]));
  for (const [k, r] of late)
    if (!byKey.has(k)) byKey.set(k, { entryId: r.entry_id, jurorId: r.juror_id, status: 'empty', marks: [], updatedAt: null });
  return [...byKey.entries()].map(([k, s]) => {
    const l = late.get(k);
    const sheet: Sheet = { ...s, comments: perCriterion.get(k) ?? [], comment: overall.get(k) ?? null, late: null, reopened: reopened.has(k) };
    // A late row older than a submitted sheet is history (the window was extended and the juror submitted).
    if (!l || s.status === 'submitted') return sheet;
    const lateView = { id: l.id, status: l.status, submittedAt: l.submitted_at, reason: l.reason };
    return l.status === 'pending' ? { ...withHeld(sheet, JSON.parse(l.payload_json) as LatePayload), late: lateView } : { ...sheet, late: lateView };
  });
}

/** Which extras one sheet has: its overall comment, and whether comments, a late submission or a reopening exist. */
function probeOne(db: Database, matching: string, params: object): { comment: string | null; hasComments: boolean; hasLate: boolean; reopened: boolean } {
  const row = db
    .prepare(
      `SELECT (SELECT comment FROM sheets WHERE ${matching}) AS comment,
              EXISTS (SELECT 1 FROM mark_comments WHERE ${matching}) AS hasComments,
              EXISTS (SELECT 1 FROM late_submissions WHERE ${matching} AND status != 'approved') AS hasLate,
              EXISTS (SELECT 1 FROM sheet_reopenings WHERE ${matching}) AS reopened`,
    )
    .get(params) as { comment: string | null; hasComments: number; hasLate: number; reopened: number };
  return { comment: row.comment, hasComments: row.hasComments === 1, hasLate: row.hasLate === 1, reopened: row.reopened === 1 };
}

/** One sheet as the juror sees it, with its extras; an empty sheet when nothing is stored. */
export function sheetView(db: Database, key: SheetKey): Sheet {
  const { stageId, entryId, jurorId } = key;
  const stored = loadSheets(db, stageId, { jurorId, entryId }).map(toSheet);
  const [sheet] = withExtras(db, stageId, stored, { jurorId, entryId });
  return sheet ?? { entryId, jurorId, status: 'empty', marks: [], updatedAt: null, comments: [], comment: null, late: null };
}
