/**
 * Drawn signatures (issue 6): a juror or the chair draws their signature on their device, or the
 * organiser captures it on the laptop. One per juror per stage (see migration 013); it goes into
 * that juror's signature blocks of the stage's score sheets and Berita Acara. The audit log records
 * the image's SHA-256, never the image.
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { AppError } from '@shared/api/errors';
import { SIGNATURE_MAX_BYTES, type DrawnSignatureView } from '@shared/api/signature-pad-commands';
import { actorLabel, type Actor } from '@shared/domain/actor';
import { decodePng, hasInk } from '../documents/images';
import type { HandlerContext, HandlerMap } from '../registry';
import { activeStage, assertCompetition } from './load';

interface Target {
  competitionId: number;
  stageId?: number;
  jurorId?: number;
}

/** The stage asked for (default: the active one), checked to belong to the competition. */
function resolveStage(db: Database, actor: Actor, competitionId: number, wanted: number | undefined): number {
  assertCompetition(db, actor, competitionId);
  const stageId = wanted ?? activeStage(db, competitionId)?.id;
  if (!stageId || !db.prepare('SELECT 1 FROM stages WHERE id = ? AND competition_id = ?').get(stageId, competitionId))
    throw new AppError('NOT_FOUND', 'signatureStageNotFound');
  return stageId;
}

/** The stage and the juror; a juror or chair device always means itself. */
function resolveTarget(db: Database, actor: Actor, target: Target): { stageId: number; jurorId: number } {
  const stageId = resolveStage(db, actor, target.competitionId, target.stageId);
  const jurorId = actor.role === 'juror' || actor.role === 'chair' ? actor.jurorId : target.jurorId;
  if (jurorId === undefined) throw new AppError('VALIDATION', 'signatureJurorRequired');
  if (!db.prepare('SELECT 1 FROM jurors WHERE id = ? AND competition_id = ?').get(jurorId, target.competitionId))
    throw new AppError('NOT_FOUND', 'signatureJurorNotFound');
  return { stageId, jurorId };
}

const VIEW_COLUMNS = 'stage_id AS stageId, juror_id AS jurorId, sha256, drawn_by AS drawnBy, drawn_at AS drawnAt';

/** The PNG bytes of a data URL, refused unless it is a PNG within the size limit with something drawn on it. */
export function validSignaturePng(dataUrl: string): Buffer {
  const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  if (bytes.length > SIGNATURE_MAX_BYTES) throw new AppError('VALIDATION', 'signatureTooLarge', { max: SIGNATURE_MAX_BYTES / 1024 });
  const png = decodePng(bytes);
  if (!png) throw new AppError('VALIDATION', 'signatureNotPng');
  if (!hasInk(png)) throw new AppError('VALIDATION', 'signatureEmpty');
  return bytes;
}

/** Drawn signatures of a stage's jurors, juror id → PNG data URL (for the documents). */
export function stageSignatureImages(db: Database, stageId: number): Map<number, string> {
  const rows = db.prepare('SELECT juror_id AS jurorId, png_data_url AS dataUrl FROM drawn_signatures WHERE stage_id = ?').all(stageId) as {
    jurorId: number;
    dataUrl: string;
  }[];
  return new Map(rows.map((r) => [r.jurorId, r.dataUrl]));
}

function save(ctx: HandlerContext, input: Target & { dataUrl: string }): DrawnSignatureView {
  const { stageId, jurorId } = resolveTarget(ctx.db, ctx.actor, input);
  const sha256 = createHash('sha256').update(validSignaturePng(input.dataUrl)).digest('hex');
  const drawnBy = actorLabel(ctx.actor);
  ctx.db
    .prepare(
      `INSERT INTO drawn_signatures (stage_id, juror_id, png_data_url, sha256, drawn_by, drawn_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (stage_id, juror_id) DO UPDATE SET png_data_url = excluded.png_data_url, sha256 = excluded.sha256,
         drawn_by = excluded.drawn_by, drawn_at = excluded.drawn_at`,
    )
    .run(stageId, jurorId, input.dataUrl, sha256, drawnBy, ctx.now);
  ctx.audit('signatures.drawn', { competitionId: input.competitionId, stageId, jurorId, sha256 });
  return { stageId, jurorId, sha256, drawnBy, drawnAt: ctx.now };
}

export const drawnSignatureHandlers: HandlerMap = {
  'signatures.save': save,

  'signatures.get'(ctx, input) {
    const { stageId, jurorId } = resolveTarget(ctx.db, ctx.actor, input);
    const row = ctx.db
      .prepare(`SELECT ${VIEW_COLUMNS}, png_data_url AS dataUrl FROM drawn_signatures WHERE stage_id = ? AND juror_id = ?`)
      .get(stageId, jurorId) as (DrawnSignatureView & { dataUrl: string }) | undefined;
    return { signature: row ?? null };
  },

  'signatures.remove'(ctx, input) {
    const { stageId, jurorId } = resolveTarget(ctx.db, ctx.actor, input);
    const { changes } = ctx.db.prepare('DELETE FROM drawn_signatures WHERE stage_id = ? AND juror_id = ?').run(stageId, jurorId);
    if (changes > 0) ctx.audit('signatures.removed', { competitionId: input.competitionId, stageId, jurorId });
    return { removed: changes > 0 };
  },

  'signatures.list'(ctx, input) {
    const stageId = resolveStage(ctx.db, ctx.actor, input.competitionId, input.stageId);
    const signatures = ctx.db.prepare(`SELECT ${VIEW_COLUMNS} FROM drawn_signatures WHERE stage_id = ? ORDER BY juror_id`).all(stageId) as DrawnSignatureView[];
    return { stageId, signatures };
  },
};
