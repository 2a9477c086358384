import { parseMilli, parsePercentToBasisPoints } from '@shared/domain/decimal';
import { translate } from '@shared/i18n';
import type { HandlerMap } from '../registry';
import { refuseRepeatedNames } from './setup-util';
import { assertCompetition, loadCompetitionDetail } from './load';

export const competitionHandlers: HandlerMap = {
  'competition.create'(ctx, draft) {
    refuseRepeatedNames(draft.categories.map((c) => c.name));
    refuseRepeatedNames(draft.criteria.map((c) => c.name));
    refuseRepeatedNames(draft.jurors.map((j) => j.name));
    const codes = draft.entries.map((e, index) => e.code || String(index + 1).padStart(3, '0'));
    refuseRepeatedNames(codes);
    const { db } = ctx;
    const competitionId = Number(
      db.prepare('INSERT INTO competitions (name, created_at) VALUES (?, ?)').run(draft.name, ctx.now).lastInsertRowid,
    );
    const categoryIds = new Map<string, number>();
    draft.categories.forEach((c, position) => {
      const info = db.prepare('INSERT INTO categories (competition_id, name, position) VALUES (?, ?, ?)').run(competitionId, c.name, position);
      categoryIds.set(c.name, Number(info.lastInsertRowid));
    });
    const stageId = Number(
      db
        .prepare('INSERT INTO stages (competition_id, name, position) VALUES (?, ?, 0)')
        .run(competitionId, translate(ctx.locale, 'defaults.stageName')).lastInsertRowid,
    );
    const insertCriterion = db.prepare(
      `INSERT INTO criteria (stage_id, name, weight_bp, min_milli, max_milli, step_milli, position)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    draft.criteria.forEach((c, position) => {
      // The schema has already checked that these parse; the non-null assertions only restate it.
      insertCriterion.run(stageId, c.name, parsePercentToBasisPoints(c.weight)!, parseMilli(c.min)!, parseMilli(c.max)!, parseMilli(c.step)!, position);
    });
    const insertJuror = db.prepare('INSERT INTO jurors (competition_id, name, role, position) VALUES (?, ?, ?, ?)');
    draft.jurors.forEach((j, position) => insertJuror.run(competitionId, j.name, j.role, position));
    const insertEntry = db.prepare(
      'INSERT INTO entries (competition_id, category_id, code, title, unit, position) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const joinStage = db.prepare('INSERT INTO stage_entries (stage_id, entry_id) VALUES (?, ?)');
    draft.entries.forEach((e, position) => {
      const entry = insertEntry.run(competitionId, categoryIds.get(e.category)!, codes[position], e.title, e.unit, position);
      joinStage.run(stageId, Number(entry.lastInsertRowid));
    });
    ctx.audit('competition.create', { competitionId, draft });
    ctx.emit('competition.changed', { competitionId });
    return loadCompetitionDetail(db, competitionId);
  },

  'competition.list'(ctx) {
    return ctx.db
      .prepare(
        `SELECT c.id, c.name, c.created_at AS createdAt, COUNT(e.id) AS entryCount
         FROM competitions c LEFT JOIN entries e ON e.competition_id = c.id
         GROUP BY c.id ORDER BY c.created_at DESC, c.id DESC`,
      )
      .all() as { id: number; name: string; createdAt: string; entryCount: number }[];
  },

  'competition.get'(ctx, { competitionId }) {
    assertCompetition(ctx.db, ctx.actor, competitionId);
    return loadCompetitionDetail(ctx.db, competitionId);
  },
};
