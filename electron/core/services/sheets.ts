/** Score sheets of one stage: reads shared by scoring, progress and results. */
import type { Database } from 'better-sqlite3';
import { milliToText } from '@shared/domain/decimal';
import type { Sheet } from '@shared/domain/schemas';

export interface StoredSheet {
  entryId: number;
  jurorId: number;
  status: 'draft' | 'submitted';
  updatedAt: string;
  /** criterionId → milli-points */
  marks: Map<number, number>;
}

export function loadSheets(db: Database, stageId: number, filter: { jurorId?: number; entryId?: number } = {}): StoredSheet[] {
  const where = ['stage_id = @stageId'];
  if (filter.jurorId !== undefined) where.push('juror_id = @jurorId');
  if (filter.entryId !== undefined) where.push('entry_id = @entryId');
  const params = { stageId, ...filter };
  const sheets = db
    .prepare(`SELECT entry_id, juror_id, status, updated_at FROM sheets WHERE ${where.join(' AND ')}`)
    .all(params) as { entry_id: number; juror_id: number; status: 'draft' | 'submitted'; updated_at: string }[];
  const marks = db
    .prepare(`SELECT entry_id, juror_id, criterion_id, value_milli FROM marks WHERE ${where.join(' AND ')}`)
    .all(params) as { entry_id: number; juror_id: number; criterion_id: number; value_milli: number }[];
  const byKey = new Map<string, StoredSheet>();
  for (const s of sheets)
    byKey.set(`${s.entry_id}:${s.juror_id}`, { entryId: s.entry_id, jurorId: s.juror_id, status: s.status, updatedAt: s.updated_at, marks: new Map() });
  for (const m of marks) byKey.get(`${m.entry_id}:${m.juror_id}`)?.marks.set(m.criterion_id, m.value_milli);
  return [...byKey.values()];
}

export const toSheet = (sheet: StoredSheet): Sheet => ({
  entryId: sheet.entryId,
  jurorId: sheet.jurorId,
  status: sheet.status,
  updatedAt: sheet.updatedAt,
  marks: [...sheet.marks].map(([criterionId, milli]) => ({ criterionId, value: milliToText(milli) })),
});
