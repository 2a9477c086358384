/**
 * Finalising a stage (issue 6): the chair freezes its result into a snapshot — body = the canonical
 * `ruang-juri/scoring@1` file with "results" and "awards", hash = SHA-256 of the body — refused while
 * sheets are missing or drafts, or a tie sits on an award boundary. Reopening needs the chair and a
 * reason; the next finalisation gets the next version. Also the stage's exports.
 */
import { AppError } from '@shared/api/errors';
import { actorLabel } from '@shared/domain/actor';
import { translate } from '@shared/i18n';
import { afterCommit, type HandlerContext, type HandlerMap } from '../registry';
import { buildResultsCsv, buildResultsXlsx, resultsExportData } from '../transfer/results-export';
import { CSV_MIME, slug, XLSX_MIME } from '../transfer/write';
import { activeStage, assertCompetition } from './load';
import { sha256, stageOutcome, type StageResults } from './stage-outcome';

/** At most this many items are named in a refusal; the rest are counted. */
const LISTED = 8;

function listed(items: string[], locale: HandlerContext['locale']): string {
  const shown = items.slice(0, LISTED).join('; ');
  return items.length > LISTED ? `${shown}; ${translate(locale, 'results.andMore', { count: items.length - LISTED })}` : shown;
}

/** Why the stage cannot be finalised now, as an error naming what is missing; null when it can. */
export function finaliseRefusal(view: StageResults, locale: HandlerContext['locale']): AppError | null {
  if (view.status.final) return new AppError('CONFLICT', 'stageAlreadyFinal', { version: view.status.version! });
  const { sheets } = view.blockers;
  if (sheets.length) {
    const items = sheets.map((s) => `${s.code} – ${s.jurorName} (${translate(locale, `results.sheetStatus.${s.status}`)})`);
    return new AppError('CONFLICT', 'finaliseMissingSheets', { count: sheets.length, list: listed(items, locale) });
  }
  const boundary = view.ties.filter((t) => t.atBoundary);
  if (boundary.length) {
    const codeOf = new Map(view.categories.flatMap((c) => c.rows.map((r) => [r.entryId, r.code || r.title])));
    const items = boundary.map((t) => t.entryIds.map((id) => codeOf.get(id)).join(' = '));
    return new AppError('CONFLICT', 'finaliseBoundaryTies', { count: boundary.length, list: listed(items, locale) });
  }
  if (!view.categories.some((c) => c.rows.some((r) => r.status === 'ranked'))) return new AppError('CONFLICT', 'finaliseNothingRanked');
  return null;
}

export const finaliseHandlers: HandlerMap = {
  'results.stage'(ctx, { competitionId, stageId }) {
    // The competition (and the actor's right to it) is checked before its active stage is looked up.
    assertCompetition(ctx.db, ctx.actor, competitionId);
    return stageOutcome(ctx.db, ctx.actor, competitionId, stageId ?? activeStage(ctx.db, competitionId).id).view;
  },

  'finalise.stage'(ctx, { competitionId, stageId }) {
    const outcome = stageOutcome(ctx.db, ctx.actor, competitionId, stageId);
    const refusal = finaliseRefusal(outcome.view, ctx.locale);
    if (refusal) throw refusal;
    const version = outcome.view.status.nextVersion;
    const body = outcome.bodyFor(version);
    const hash = sha256(body);
    ctx.db
      .prepare('INSERT INTO result_snapshots (stage_id, version, body, hash, finalised_by, finalised_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(stageId, version, body, hash, actorLabel(ctx.actor), ctx.now);
    ctx.audit('finalise.stage', { competitionId, stageId, version, hash });
    ctx.emit('results.changed', { competitionId, stageId });
    return stageOutcome(ctx.db, ctx.actor, competitionId, stageId).view;
  },

  'finalise.reopen'(ctx, { competitionId, stageId, reason }) {
    const { view, latest } = stageOutcome(ctx.db, ctx.actor, competitionId, stageId);
    if (!view.status.final || !latest) throw new AppError('CONFLICT', 'stageNotFinal');
    ctx.db.prepare('UPDATE result_snapshots SET reopened_by = ?, reopened_at = ?, reopen_reason = ? WHERE id = ?').run(actorLabel(ctx.actor), ctx.now, reason, latest.id);
    ctx.audit('finalise.reopen', { competitionId, stageId, version: latest.version, hash: latest.hash, reason });
    ctx.emit('results.changed', { competitionId, stageId });
    return stageOutcome(ctx.db, ctx.actor, competitionId, stageId).view;
  },

  /** Final: the snapshot's own body and the version in the name; before that the live result, marked SEMENTARA. */
  'results.export'(ctx, { competitionId, stageId, format }) {
    const outcome = stageOutcome(ctx.db, ctx.actor, competitionId, stageId);
    const { view, latest, detail, stage } = outcome;
    const locale = detail.details.documentLocale;
    const name = `hasil-${slug(detail.name)}-${slug(stage.name)}-${view.status.final ? `v${view.status.version}` : 'sementara'}`;
    if (format === 'bundle') {
      const body = view.status.final ? latest!.body : outcome.bodyFor(null);
      return { filename: `${name}.json`, mimeType: 'application/json', base64: Buffer.from(body, 'utf8').toString('base64') };
    }
    const data = resultsExportData(outcome, locale);
    if (format === 'csv') return { filename: `${name}.csv`, mimeType: CSV_MIME, base64: buildResultsCsv(data).toString('base64') };
    return afterCommit(async () => ({ filename: `${name}.xlsx`, mimeType: XLSX_MIME, base64: (await buildResultsXlsx(data)).toString('base64') }));
  },
};
