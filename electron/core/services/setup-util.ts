/** Small helpers shared by the setup handlers (structure: categories, stages, criteria, scales). */
import type { Database } from 'better-sqlite3';
import { AppError } from '@shared/api/errors';
import type { CompetitionDetail } from '@shared/domain/schemas';
import type { HandlerContext } from '../registry';
import { assertCompetition, loadCompetitionDetail } from './load';

/** Names compare without regard to case, as people read them ("Kelompok Umum" = "kelompok umum"). */
const nameKey = (name: string): string => name.trim().toLocaleLowerCase('id-ID');

/** Refuses `name` when another row of the same scope (not `selfId`) already has it. */
export function refuseDuplicateName(existing: readonly { id: number; name: string }[], name: string, selfId?: number): void {
  const key = nameKey(name);
  if (existing.some((row) => row.id !== selfId && nameKey(row.name) === key)) throw new AppError('CONFLICT', 'duplicateName', { name });
}

/** Refuses a list that repeats a name (a preset appended to criteria of the same names, band labels …). */
export function refuseRepeatedNames(names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(nameKey(name))) throw new AppError('CONFLICT', 'duplicateName', { name });
    seen.add(nameKey(name));
  }
}

/** After a change: one audit row, one push event, and the competition as it now is. */
export function changed(ctx: HandlerContext, competitionId: number, action: string, details: Record<string, unknown>): CompetitionDetail {
  ctx.audit(action, { competitionId, ...details });
  ctx.emit('competition.changed', { competitionId });
  return loadCompetitionDetail(ctx.db, competitionId);
}

/** Tables whose rows are ordered by a `position` within a scope column. */
type Ordered = { table: 'categories'; scope: 'competition_id' } | { table: 'stages'; scope: 'competition_id' } | { table: 'criteria'; scope: 'stage_id' };

const orderedIds = (db: Database, o: Ordered, scopeId: number): number[] =>
  (db.prepare(`SELECT id FROM ${o.table} WHERE ${o.scope} = ? ORDER BY position, id`).all(scopeId) as { id: number }[]).map((r) => r.id);

function writePositions(db: Database, o: Ordered, ids: readonly number[]): void {
  const update = db.prepare(`UPDATE ${o.table} SET position = ? WHERE id = ?`);
  ids.forEach((id, position) => update.run(position, id));
}

/** Positions 0..n-1 in the current order (after a delete). */
export function renumber(db: Database, o: Ordered, scopeId: number): void {
  writePositions(db, o, orderedIds(db, o, scopeId));
}

/** The order after moving `id` to `position` (clamped to the end), without writing it. */
export function orderAfterMove(db: Database, o: Ordered, scopeId: number, id: number, position: number): number[] {
  const ids = orderedIds(db, o, scopeId).filter((other) => other !== id);
  ids.splice(Math.min(position, ids.length), 0, id);
  return ids;
}

export const applyOrder = writePositions;

export const nextPosition = (db: Database, o: Ordered, scopeId: number): number =>
  (db.prepare(`SELECT COUNT(*) AS n FROM ${o.table} WHERE ${o.scope} = ?`).get(scopeId) as { n: number }).n;

export interface StageRow {
  id: number;
  competition_id: number;
  name: string;
  position: number;
}

/** The stage, in a competition the actor may reach. */
export function requireStage(ctx: HandlerContext, stageId: number): StageRow {
  const stage = ctx.db.prepare('SELECT id, competition_id, name, position FROM stages WHERE id = ?').get(stageId) as StageRow | undefined;
  if (!stage) throw new AppError('NOT_FOUND', 'stageNotFound');
  assertCompetition(ctx.db, ctx.actor, stage.competition_id);
  return stage;
}

export const count = (db: Database, sql: string, ...params: unknown[]): number => (db.prepare(sql).get(...params) as { n: number }).n;

export const stageMarkCount = (db: Database, stageId: number): number => count(db, 'SELECT COUNT(*) AS n FROM marks WHERE stage_id = ?', stageId);
export const stageSessionCount = (db: Database, stageId: number): number => count(db, 'SELECT COUNT(*) AS n FROM sessions WHERE stage_id = ?', stageId);

/** Refuses a change that would rewrite a stage jurors have already scored. */
export function refuseScoredStage(db: Database, stage: { id: number; name: string }): void {
  if (stageMarkCount(db, stage.id) > 0) throw new AppError('CONFLICT', 'stageHasMarks', { name: stage.name });
}

/** Aspects are created on the fly by name; one no criterion uses any more goes away. */
export function dropUnusedAspects(db: Database, stageId: number): void {
  db.prepare('DELETE FROM aspects WHERE stage_id = ? AND id NOT IN (SELECT aspect_id FROM criteria WHERE aspect_id IS NOT NULL)').run(stageId);
}
