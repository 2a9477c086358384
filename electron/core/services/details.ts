/** The competition's own details (names and places printed on documents) and deleting it. */
import { AppError } from '@shared/api/errors';
import type { HandlerMap } from '../registry';
import { assertCompetition } from './load';
import { changed, count } from './setup-util';

export const detailsHandlers: HandlerMap = {
  'competition.updateDetails'(ctx, input) {
    const { competitionId, logo, ...rest } = input;
    assertCompetition(ctx.db, ctx.actor, competitionId);
    ctx.db
      .prepare(
        `UPDATE competitions SET name = ?, institution = ?, unit = ?, address = ?, place = ?, start_date = ?, end_date = ?,
           document_locale = ?, logo = ?, weights_must_total_100 = ? WHERE id = ?`,
      )
      .run(
        input.name,
        input.institution,
        input.unit,
        input.address,
        input.place,
        input.startDate,
        input.endDate,
        input.documentLocale,
        logo,
        input.weightsMustTotal100 ? 1 : 0,
        competitionId,
      );
    // The logo itself (up to a megabyte) stays out of the audit log; its size says whether it changed.
    return changed(ctx, competitionId, 'competition.updateDetails', { ...rest, logoLength: logo?.length ?? null });
  },

  'competition.delete'(ctx, { competitionId }) {
    const competition = assertCompetition(ctx.db, ctx.actor, competitionId);
    const open = count(
      ctx.db,
      `SELECT COUNT(*) AS n FROM sessions s JOIN stages t ON t.id = s.stage_id WHERE t.competition_id = ? AND s.status = 'open'`,
      competitionId,
    );
    if (open > 0) throw new AppError('CONFLICT', 'competitionSessionOpen');
    // Sessions point at entries without a cascade; drop them first so the one cascading delete is clean.
    ctx.db.prepare('DELETE FROM sessions WHERE stage_id IN (SELECT id FROM stages WHERE competition_id = ?)').run(competitionId);
    ctx.db.prepare('DELETE FROM competitions WHERE id = ?').run(competitionId);
    ctx.audit('competition.delete', { competitionId, name: competition.name });
    ctx.emit('competition.changed', { competitionId });
    return { ok: true as const };
  },
};
