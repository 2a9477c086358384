/**
 * Panels split a big jury into teams (desk evaluation of hundreds of proposals): an entry of a
 * stage assigned to a panel is scored by that panel's members only; an entry with no panel by every
 * chair and member.
 */
import { AppError } from '@shared/api/errors';
import type { HandlerContext, HandlerMap } from '../registry';
import { requireJuror } from './jurors';
import { assertCompetition, loadCompetitionDetail } from './load';
import { refuseDuplicateName, requireStage } from './setup-util';

function requirePanel(ctx: HandlerContext, panelId: number, competitionId?: number): { id: number; competition_id: number; name: string } {
  const row = ctx.db.prepare('SELECT id, competition_id, name FROM panels WHERE id = ?').get(panelId) as
    | { id: number; competition_id: number; name: string }
    | undefined;
  if (!row || (competitionId !== undefined && row.competition_id !== competitionId)) throw new AppError('NOT_FOUND', 'panelNotFound');
  assertCompetition(ctx.db, ctx.actor, row.competition_id);
  return row;
}

export const panelHandlers: HandlerMap = {
  'panel.save'(ctx, { competitionId, id, name, jurorIds }) {
    const { db } = ctx;
    assertCompetition(db, ctx.actor, competitionId);
    const existing = id === undefined ? null : requirePanel(ctx, id, competitionId);
    refuseDuplicateName(db.prepare('SELECT id, name FROM panels WHERE competition_id = ?').all(competitionId) as { id: number; name: string }[], name, id);
    const members = [...new Set(jurorIds)].map((jurorId) => requireJuror(ctx, jurorId, competitionId));
    const secretary = members.find((j) => j.role === 'secretary');
    if (secretary) throw new AppError('CONFLICT', 'secretaryInPanel', { name: secretary.name });

    let panelId: number;
    if (existing) {
      db.prepare('UPDATE panels SET name = ? WHERE id = ?').run(name, existing.id);
      panelId = existing.id;
    } else {
      panelId = Number(db.prepare('INSERT INTO panels (competition_id, name) VALUES (?, ?)').run(competitionId, name).lastInsertRowid);
    }
    db.prepare('DELETE FROM panel_members WHERE panel_id = ?').run(panelId);
    const insert = db.prepare('INSERT INTO panel_members (panel_id, juror_id) VALUES (?, ?)');
    for (const juror of members) insert.run(panelId, juror.id);

    ctx.audit(existing ? 'panel.update' : 'panel.create', { competitionId, panelId, name, jurorIds: members.map((j) => j.id) });
    ctx.emit('competition.changed', { competitionId });
    return loadCompetitionDetail(db, competitionId);
  },

  /** The panel's entries fall back to "no panel" (every chair and member scores them). */
  'panel.delete'(ctx, { panelId }) {
    const panel = requirePanel(ctx, panelId);
    ctx.db.prepare('DELETE FROM panels WHERE id = ?').run(panelId);
    ctx.audit('panel.delete', { competitionId: panel.competition_id, panelId, name: panel.name });
    ctx.emit('competition.changed', { competitionId: panel.competition_id });
    return loadCompetitionDetail(ctx.db, panel.competition_id);
  },

  'stage.assignPanel'(ctx, { stageId, panelId, entryIds }) {
    const { db } = ctx;
    const stage = requireStage(ctx, stageId);
    if (panelId !== null) requirePanel(ctx, panelId, stage.competition_id);
    const inStage = new Set(
      (db.prepare('SELECT entry_id FROM stage_entries WHERE stage_id = ?').all(stageId) as { entry_id: number }[]).map((r) => r.entry_id),
    );
    const targets = entryIds === undefined ? [...inStage] : [...new Set(entryIds)];
    const outside = targets.find((entryId) => !inStage.has(entryId));
    if (outside !== undefined) throw new AppError('NOT_FOUND', 'entryNotInStage');
    const update = db.prepare('UPDATE stage_entries SET panel_id = ? WHERE stage_id = ? AND entry_id = ?');
    for (const entryId of targets) update.run(panelId, stageId, entryId);

    ctx.audit('stage.assignPanel', { competitionId: stage.competition_id, stageId, panelId, entryIds: targets });
    ctx.emit('competition.changed', { competitionId: stage.competition_id });
    return loadCompetitionDetail(db, stage.competition_id);
  },
};
