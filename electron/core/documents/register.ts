/** The document register (migration 011): issues numbers, and gives the same number back when the same document is printed again. */
import type { Database } from 'better-sqlite3';
import type { DocumentKind } from '@shared/documents/stamp';
import { formatDocumentNumber } from './numbering';

export interface RegisterRequest {
  competitionId: number;
  stageId: number | null;
  kind: DocumentKind;
  subject: string;
  version: number;
  hash: string | null;
}

export interface RegisteredNumber {
  number: string;
  /** false when an earlier print of the same document already had this number. */
  issued: boolean;
}

export function registerDocument(db: Database, request: RegisterRequest, issuedAt: string, issuedBy: string): RegisteredNumber {
  const existing = db
    .prepare(
      `SELECT number FROM document_register WHERE competition_id = ? AND kind = ? AND stage_id IS ? AND subject = ? AND version = ? AND hash IS ?`,
    )
    .get(request.competitionId, request.kind, request.stageId, request.subject, request.version, request.hash) as { number: string } | undefined;
  if (existing) return { number: existing.number, issued: false };
  const year = new Date(issuedAt).getUTCFullYear();
  const { next } = db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM document_register WHERE year = ?').get(year) as { next: number };
  const number = formatDocumentNumber(next, request.kind, issuedAt);
  db.prepare(
    `INSERT INTO document_register (competition_id, stage_id, kind, subject, year, seq, number, version, hash, issued_at, issued_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(request.competitionId, request.stageId, request.kind, request.subject, year, next, number, request.version, request.hash, issuedAt, issuedBy);
  return { number, issued: true };
}
