/**
 * Reads of finalised result snapshots (table result_snapshots, migration 010). Finalising and
 * reopening write them (services/finalise.ts); documents, exports and verification read them here.
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '@shared/api/errors';

export interface ResultSnapshot {
  id: number;
  stageId: number;
  /** 1 for the first finalisation, +1 after each reopening. */
  version: number;
  /** Canonical JSON: the stage's ruang-juri/scoring@1 file with its "results". */
  body: string;
  /** SHA-256 (hex) of body. */
  hash: string;
  finalisedBy: string;
  finalisedAt: string;
  reopenedBy: string | null;
  reopenedAt: string | null;
  reopenReason: string | null;
}

const COLUMNS = `id, stage_id AS stageId, version, body, hash, finalised_by AS finalisedBy, finalised_at AS finalisedAt,
  reopened_by AS reopenedBy, reopened_at AS reopenedAt, reopen_reason AS reopenReason`;

/** The stage's newest snapshot, reopened or not; null when it was never finalised. */
export function latestSnapshot(db: Database, stageId: number): ResultSnapshot | null {
  return (db.prepare(`SELECT ${COLUMNS} FROM result_snapshots WHERE stage_id = ? ORDER BY version DESC LIMIT 1`).get(stageId) as ResultSnapshot | undefined) ?? null;
}

/** The snapshot the stage's result currently stands on: the newest one, unless it was reopened. */
export function finalSnapshot(db: Database, stageId: number): ResultSnapshot | null {
  const latest = latestSnapshot(db, stageId);
  return latest && latest.reopenedAt === null ? latest : null;
}

/** For verification: the snapshot a document's hash names, if this database has it. */
export function snapshotByHash(db: Database, hash: string): ResultSnapshot | null {
  return (db.prepare(`SELECT ${COLUMNS} FROM result_snapshots WHERE hash = ?`).get(hash) as ResultSnapshot | undefined) ?? null;
}

/** Scores of a final stage are frozen: changing them needs the chair to reopen the stage first. */
export function assertStageNotFinal(db: Database, stageId: number): void {
  const final = finalSnapshot(db, stageId);
  if (final) throw new AppError('LOCKED', 'stageFinal', { version: final.version });
}
