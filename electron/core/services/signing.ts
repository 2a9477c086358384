/**
 * Signing certificates per competition, PDF signing and verification (issue 6).
 *
 * The PKCS#12 file is stored in the database (encrypted by its own passphrase); the passphrase is
 * never written anywhere. Giving it (import, create, unlock, or a signPdf call) keeps it in this
 * process's memory until the app stops or `signing.lock`, so a day's documents are signed without
 * asking again while a copied database file alone cannot sign anything.
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { AppError } from '@shared/api/errors';
import { MIN_NEW_PASSPHRASE, type DocumentVerification, type SigningCertificate, type StampMatch, type Verdict } from '@shared/api/signing-commands';
import { actorCompetitionId } from '@shared/domain/actor';
import { parseVerifyText, type DocumentStamp } from '@shared/documents/stamp';
import { translate, type Locale } from '@shared/i18n';
import { assertSignable, assertUsableForSigning, createCertificate, openPkcs12, readStamp, signPdf, verifyPdf, type OpenedPkcs12, type PdfVerification } from '../signing';
import { afterCommit, type HandlerContext, type HandlerMap } from '../registry';
import { assertCompetition } from './load';
import { snapshotByHash } from './snapshots';

interface CertificateRow {
  id: number;
  competitionId: number;
  source: 'imported' | 'created';
  p12: Buffer;
  commonName: string;
  organization: string;
  subject: string;
  issuer: string;
  selfSigned: number;
  serial: string;
  fingerprint: string;
  notBefore: string;
  notAfter: string;
  installedAt: string;
}

const COLUMNS = `id, competition_id AS competitionId, source, p12, common_name AS commonName, organization, subject, issuer,
  self_signed AS selfSigned, serial, fingerprint, not_before AS notBefore, not_after AS notAfter, installed_at AS installedAt`;

function currentCertificate(db: Database, competitionId: number): CertificateRow | null {
  return (db.prepare(`SELECT ${COLUMNS} FROM signing_certificates WHERE competition_id = ? AND retired_at IS NULL`).get(competitionId) as CertificateRow | undefined) ?? null;
}

/** Passphrases given since the app started, per core (its database) and certificate row; memory only. */
const unlocked = new WeakMap<Database, Map<number, string>>();
const unlockedFor = (db: Database): Map<number, string> => {
  let map = unlocked.get(db);
  if (!map) unlocked.set(db, (map = new Map()));
  return map;
};

function toView(db: Database, row: CertificateRow): SigningCertificate {
  return {
    competitionId: row.competitionId,
    source: row.source,
    commonName: row.commonName,
    organization: row.organization,
    subject: row.subject,
    issuer: row.issuer,
    selfSigned: row.selfSigned === 1,
    serial: row.serial,
    fingerprint: row.fingerprint,
    notBefore: row.notBefore,
    notAfter: row.notAfter,
    installedAt: row.installedAt,
    unlocked: unlockedFor(db).has(row.id),
  };
}

/** Retires the current certificate (erasing its key) and installs a new one; the audit row names it, never its secret. */
function install(ctx: HandlerContext, competitionId: number, source: CertificateRow['source'], p12: Buffer, opened: OpenedPkcs12, passphrase: string): SigningCertificate {
  ctx.db.prepare('UPDATE signing_certificates SET retired_at = ?, p12 = NULL WHERE competition_id = ? AND retired_at IS NULL').run(ctx.now, competitionId);
  const { info } = opened;
  const { lastInsertRowid } = ctx.db
    .prepare(
      `INSERT INTO signing_certificates (competition_id, source, p12, common_name, organization, subject, issuer, self_signed, serial,
        fingerprint, not_before, not_after, installed_by, installed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(competitionId, source, p12, info.commonName, info.organization, info.subject, info.issuer, info.selfSigned ? 1 : 0, info.serial,
      info.fingerprint, info.notBefore, info.notAfter, ctx.actor.role, ctx.now);
  ctx.audit(source === 'created' ? 'signing.certificateCreated' : 'signing.certificateImported', {
    competitionId,
    subject: info.subject,
    issuer: info.issuer,
    fingerprint: info.fingerprint,
    notAfter: info.notAfter,
  });
  unlockedFor(ctx.db).set(Number(lastInsertRowid), passphrase);
  return toView(ctx.db, currentCertificate(ctx.db, competitionId)!);
}

function requireCertificate(db: Database, competitionId: number): CertificateRow {
  const row = currentCertificate(db, competitionId);
  if (!row) throw new AppError('NOT_FOUND', 'signingNoCertificateInstalled');
  return row;
}

interface CompetitionIdentity {
  name: string;
  institution: string;
  unit: string;
  place: string;
  locale: Locale;
}
const competitionIdentity = (db: Database, competitionId: number): CompetitionIdentity =>
  db.prepare('SELECT name, institution, unit, place, document_locale AS locale FROM competitions WHERE id = ?').get(competitionId) as CompetitionIdentity;

const NO_MATCH: StampMatch = { status: 'notFound', competitionName: null, stageName: null, version: null, finalisedAt: null };

/**
 * What this database says about the result a stamp names. A device actor (the chair) only learns
 * about its own competition; anything else reads as not found.
 */
export function matchStamp(db: Database, stamp: DocumentStamp | null, ownCompetitionId: number | null = null): StampMatch {
  if (!stamp) return { ...NO_MATCH, status: 'noStamp' };
  if (ownCompetitionId !== null && ownCompetitionId !== stamp.competitionId) return NO_MATCH;
  if (stamp.hash === null) {
    const competition = db.prepare('SELECT name FROM competitions WHERE id = ?').get(stamp.competitionId) as { name: string } | undefined;
    if (!competition) return NO_MATCH;
    const stage = db.prepare('SELECT name FROM stages WHERE id = ? AND competition_id = ?').get(stamp.stageId, stamp.competitionId) as { name: string } | undefined;
    return { ...NO_MATCH, status: 'provisional', competitionName: competition.name, stageName: stage?.name ?? null };
  }
  const snapshot = snapshotByHash(db, stamp.hash);
  if (!snapshot || snapshot.version !== stamp.version || (stamp.stageId !== null && snapshot.stageId !== stamp.stageId)) return NO_MATCH;
  const where = db
    .prepare('SELECT s.name AS stageName, c.name AS competitionName, c.id AS competitionId FROM stages s JOIN competitions c ON c.id = s.competition_id WHERE s.id = ?')
    .get(snapshot.stageId) as { stageName: string; competitionName: string; competitionId: number } | undefined;
  if (!where || where.competitionId !== stamp.competitionId) return NO_MATCH;
  return {
    status: snapshot.reopenedAt === null ? 'finalised' : 'superseded',
    competitionName: where.competitionName,
    stageName: where.stageName,
    version: snapshot.version,
    finalisedAt: snapshot.finalisedAt,
  };
}

export const verdictOf = (v: PdfVerification): Verdict =>
  !v.signed ? 'unsigned' : !v.valid ? 'invalid' : v.coversWholeFile ? 'valid' : 'changedAfterSigning';

/** The full verification answer; `db` is null when there is no database to compare with (the CLI without one). */
export function assessDocument(db: Database | null, pdf: Buffer, ownCompetitionId: number | null = null): DocumentVerification {
  const v = verifyPdf(pdf);
  const fingerprint = v.signer?.fingerprint;
  const certificateKnown = Boolean(db && fingerprint && db.prepare('SELECT 1 FROM signing_certificates WHERE fingerprint = ?').get(fingerprint));
  return {
    verdict: verdictOf(v),
    signed: v.signed,
    signatureValid: v.valid,
    problem: v.problem,
    coversWholeFile: v.coversWholeFile,
    signer: v.signer,
    signedAt: v.signedAt,
    certificateKnown,
    stamp: v.stamp,
    match: db ? matchStamp(db, v.stamp, ownCompetitionId) : { ...NO_MATCH, status: v.stamp ? 'notFound' : 'noStamp' },
  };
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * For `documents.render` (issue 6), which signs what it renders after its commit: the competition's
 * certificate holder and a signing function, or null when it has no certificate. Checked now, inside
 * the render's transaction: `signingLocked` while its passphrase was not given, and an expired or
 * non-signing certificate refused before anything is rendered.
 */
export function documentSigner(ctx: HandlerContext, competitionId: number): { name: string; organization: string; fingerprint: string; sign(pdf: Buffer): Promise<Buffer> } | null {
  const row = currentCertificate(ctx.db, competitionId);
  if (!row) return null;
  const secret = unlockedFor(ctx.db).get(row.id);
  if (secret === undefined) throw new AppError('LOCKED', 'signingLocked');
  const signingTime = new Date(ctx.now);
  assertUsableForSigning(openPkcs12(row.p12, secret), signingTime);
  const identity = competitionIdentity(ctx.db, competitionId);
  const p12 = row.p12;
  return {
    name: row.commonName,
    organization: row.organization,
    fingerprint: row.fingerprint,
    sign(pdf) {
      const stamp = readStamp(pdf);
      const reason = stamp
        ? translate(identity.locale, 'signing.reasonDocument', { number: stamp.number, competition: identity.name })
        : translate(identity.locale, 'signing.reason', { competition: identity.name });
      return signPdf(pdf, { p12, passphrase: secret }, { reason, location: identity.place, name: row.commonName, signingTime });
    },
  };
}

export const signingHandlers: HandlerMap = {
  'signing.certificate'(ctx, { competitionId }) {
    assertCompetition(ctx.db, ctx.actor, competitionId);
    const row = currentCertificate(ctx.db, competitionId);
    return row ? toView(ctx.db, row) : null;
  },

  'signing.importCertificate'(ctx, { competitionId, p12Base64, passphrase }) {
    assertCompetition(ctx.db, ctx.actor, competitionId);
    const p12 = Buffer.from(p12Base64, 'base64');
    const opened = openPkcs12(p12, passphrase);
    assertUsableForSigning(opened, new Date(ctx.now));
    return install(ctx, competitionId, 'imported', p12, opened, passphrase);
  },

  'signing.createCertificate'(ctx, { competitionId, passphrase }) {
    assertCompetition(ctx.db, ctx.actor, competitionId);
    if (passphrase.length < MIN_NEW_PASSPHRASE) throw new AppError('VALIDATION', 'signingPassphraseTooShort', { min: MIN_NEW_PASSPHRASE });
    const identity = competitionIdentity(ctx.db, competitionId);
    const p12 = createCertificate({
      commonName: translate(identity.locale, 'signing.certificateSubject', { competition: identity.name }),
      organization: identity.institution || undefined,
      unit: identity.unit || undefined,
      passphrase,
      now: new Date(ctx.now),
    });
    return install(ctx, competitionId, 'created', p12, openPkcs12(p12, passphrase), passphrase);
  },

  'signing.unlock'(ctx, { competitionId, passphrase }) {
    assertCompetition(ctx.db, ctx.actor, competitionId);
    const row = requireCertificate(ctx.db, competitionId);
    openPkcs12(row.p12, passphrase);
    unlockedFor(ctx.db).set(row.id, passphrase);
    return toView(ctx.db, row);
  },

  'signing.lock'(ctx, { competitionId }) {
    assertCompetition(ctx.db, ctx.actor, competitionId);
    const row = currentCertificate(ctx.db, competitionId);
    if (!row) return null;
    unlockedFor(ctx.db).delete(row.id);
    return toView(ctx.db, row);
  },

  'signing.removeCertificate'(ctx, { competitionId }) {
    assertCompetition(ctx.db, ctx.actor, competitionId);
    const row = requireCertificate(ctx.db, competitionId);
    ctx.db.prepare('UPDATE signing_certificates SET retired_at = ?, p12 = NULL WHERE id = ?').run(ctx.now, row.id);
    unlockedFor(ctx.db).delete(row.id);
    ctx.audit('signing.certificateRemoved', { competitionId, fingerprint: row.fingerprint });
    return null;
  },

  'signing.signPdf'(ctx, { competitionId, base64, passphrase }) {
    assertCompetition(ctx.db, ctx.actor, competitionId);
    const row = requireCertificate(ctx.db, competitionId);
    const secret = passphrase ?? unlockedFor(ctx.db).get(row.id);
    if (secret === undefined) throw new AppError('LOCKED', 'signingLocked');
    const opened = openPkcs12(row.p12, secret);
    const signingTime = new Date(ctx.now);
    assertUsableForSigning(opened, signingTime);
    const pdf = Buffer.from(base64, 'base64');
    assertSignable(pdf);
    unlockedFor(ctx.db).set(row.id, secret);
    const stamp = readStamp(pdf);
    const identity = competitionIdentity(ctx.db, competitionId);
    ctx.audit('signing.signed', {
      competitionId,
      fingerprint: row.fingerprint,
      document: stamp ? `${stamp.kind} ${stamp.number}` : null,
      unsignedSha256: sha256(pdf),
    });
    const reason = stamp
      ? translate(identity.locale, 'signing.reasonDocument', { number: stamp.number, competition: identity.name })
      : translate(identity.locale, 'signing.reason', { competition: identity.name });
    const p12 = row.p12;
    return afterCommit(async () => {
      const signed = await signPdf(pdf, { p12, passphrase: secret }, { reason, location: identity.place, name: row.commonName, signingTime });
      return { base64: signed.toString('base64') };
    });
  },

  'signing.verify'(ctx, { base64 }) {
    return assessDocument(ctx.db, Buffer.from(base64, 'base64'), actorCompetitionId(ctx.actor));
  },

  'signing.verifyText'(ctx, { text }) {
    const stamp = parseVerifyText(text);
    return { stamp, match: matchStamp(ctx.db, stamp, actorCompetitionId(ctx.actor)) };
  },
};
