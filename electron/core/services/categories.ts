/** Categories (Kelompok / Klaster): entries are ranked within one. */
import { AppError } from '@shared/api/errors';
import type { HandlerMap } from '../registry';
import { assertCompetition } from './load';
import { changed, count, nextPosition, refuseDuplicateName, renumber } from './setup-util';

const CATEGORIES = { table: 'categories', scope: 'competition_id' } as const;

export const categoryHandlers: HandlerMap = {
  'category.save'(ctx, { competitionId, id, name }) {
    assertCompetition(ctx.db, ctx.actor, competitionId);
    const existing = ctx.db.prepare('SELECT id, name FROM categories WHERE competition_id = ?').all(competitionId) as { id: number; name: string }[];
    if (id !== undefined && !existing.some((c) => c.id === id)) throw new AppError('NOT_FOUND', 'categoryNotFound');
    refuseDuplicateName(existing, name, id);
    let categoryId = id;
    if (categoryId === undefined) {
      const info = ctx.db
        .prepare('INSERT INTO categories (competition_id, name, position) VALUES (?, ?, ?)')
        .run(competitionId, name, nextPosition(ctx.db, CATEGORIES, competitionId));
      categoryId = Number(info.lastInsertRowid);
    } else {
      ctx.db.prepare('UPDATE categories SET name = ? WHERE id = ?').run(name, categoryId);
    }
    return changed(ctx, competitionId, 'category.save', { categoryId, name, created: id === undefined });
  },

  'category.delete'(ctx, { categoryId }) {
    const category = ctx.db.prepare('SELECT id, competition_id, name FROM categories WHERE id = ?').get(categoryId) as
      | { id: number; competition_id: number; name: string }
      | undefined;
    if (!category) throw new AppError('NOT_FOUND', 'categoryNotFound');
    assertCompetition(ctx.db, ctx.actor, category.competition_id);
    const used = count(ctx.db, 'SELECT COUNT(*) AS n FROM entries WHERE category_id = ?', categoryId);
    if (used > 0) throw new AppError('CONFLICT', 'categoryInUse', { name: category.name, count: used });
    ctx.db.prepare('DELETE FROM categories WHERE id = ?').run(categoryId);
    renumber(ctx.db, CATEGORIES, category.competition_id);
    return changed(ctx, category.competition_id, 'category.delete', { categoryId, name: category.name });
  },
};
