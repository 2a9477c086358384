import { AppError } from '@shared/api/errors';
import type { HandlerContext, HandlerMap } from '../registry';
import { loadStageScope, pairRefusal, unitKey } from './eligibility';
import { activeStage, currentSession, loadCriteria, loadJurors, requireEntry, requireOpenSession } from './load';
import { acceptsScores } from '@shared/window';
import { sheetComments, sheetView, withExtras } from './sheet-extras';
import { writeSheet, type SheetWrite } from './sheet-write';
import { loadSheets, toSheet } from './sheets';
import { holdLateSubmission, windowsOf } from './window';
import { assertStageNotFinal } from './snapshots';

/**
 * Only jurors and chairs reach these handlers (the contract's roles), so the actor has a juror id.
 * A secretary pairs like a juror (for the documents) but does not score.
 */
export function scorer(ctx: HandlerContext): { competitionId: number; jurorId: number; role: string } {
  if (ctx.actor.role !== 'juror' && ctx.actor.role !== 'chair') throw new AppError('FORBIDDEN', 'forbidden');
  const { competitionId, jurorId } = ctx.actor;
  const juror = ctx.db.prepare('SELECT role FROM jurors WHERE id = ? AND competition_id = ?').get(jurorId, competitionId) as { role: string } | undefined;
  if (!juror) throw new AppError('NOT_FOUND', 'jurorNotFound');
  if (juror.role === 'secretary') throw new AppError('FORBIDDEN', 'secretaryDoesNotScore');
  return { competitionId, jurorId, role: juror.role };
}

export const scoringHandlers: HandlerMap = {
  'scoring.myAssignment'(ctx) {
    const { competitionId, jurorId } = scorer(ctx);
    const { db } = ctx;
    const competition = db.prepare('SELECT id, name FROM competitions WHERE id = ?').get(competitionId) as { id: number; name: string };
    const juror = loadJurors(db, competitionId).find((j) => j.id === jurorId)!;
    const categoryNames = new Map(
      (db.prepare('SELECT id, name FROM categories WHERE competition_id = ?').all(competitionId) as { id: number; name: string }[]).map((c) => [c.id, c.name]),
    );
    const stage = activeStage(db, competitionId);
    // Only what this juror scores in this stage: entries of other panels, withdrawn or disqualified
    // entries and entries they are conflicted with are left out (with their sheets, if any).
    const scope = loadStageScope(db, competitionId, stage.id);
    const entries = scope.entries.filter((e) => scope.applies(jurorId, e.id));
    const listed = new Set(entries.map((e) => e.id));
    // Why the entries this juror is conflicted with are not listed: the entry conflict, else the unit's.
    const declared = db.prepare('SELECT entry_id, unit, reason, declared_by FROM conflicts WHERE juror_id = ? ORDER BY id').all(jurorId) as {
      entry_id: number | null;
      unit: string | null;
      reason: string;
      declared_by: 'organiser' | 'juror';
    }[];
    const conflicts = scope.entries
      .filter((e) => scope.refusal(jurorId, e.id) === 'conflicted')
      .map((e) => {
        const c = declared.find((d) => d.entry_id === e.id) ?? declared.find((d) => d.unit !== null && unitKey(d.unit) === unitKey(e.unit))!;
        return { entryId: e.id, code: e.code, title: e.title, reason: c.reason, declaredBy: c.declared_by };
      });
    return {
      competition,
      juror,
      session: currentSession(db, competitionId),
      criteria: loadCriteria(db, competitionId).filter((c) => c.stageId === stage.id),
      entries: entries.map((e) => ({ ...e, categoryName: categoryNames.get(e.categoryId)! })),
      sheets: withExtras(db, stage.id, loadSheets(db, stage.id, { jurorId }).map(toSheet), { jurorId }).filter((sheet) => listed.has(sheet.entryId)),
      conflicts,
    };
  },

  'scoring.saveSheet'(ctx, { opId, entryId, marks, submit, comments, comment }) {
    const { competitionId, jurorId, role } = scorer(ctx);
    const { db } = ctx;
    const session = requireOpenSession(db, competitionId);
    const stageId = session.stageId;
    assertStageNotFinal(db, stageId);
    const refusal = pairRefusal(db, competitionId, stageId, jurorId, entryId, role);
    // The rules look the entry up in this competition's stage; one that is not there may not exist at all.
    if (refusal === 'entryNotInStage') requireEntry(db, competitionId, entryId);
    if (refusal) throw new AppError('FORBIDDEN', refusal);
    const write: SheetWrite = { competitionId, stageId, entryId, jurorId, opId, marks, submit, source: 'juror', comments: sheetComments(comments, comment) };
    // Outside the entry's scoring window only the chair lets a sheet in (services/window.ts); a sheet
    // the chair or organiser reopened (logged, with a reason) is that permission already.
    const [window] = windowsOf(db, session, Date.parse(ctx.now), entryId);
    if (!acceptsScores(window) && !sheetView(db, { stageId, entryId, jurorId }).reopened) return holdLateSubmission(ctx, write, window);
    return writeSheet(ctx, write);
  },
};
