/** signing commands and push events: PDF signing certificates, signing and verifying (issue 6). Spread into shared/api/contract.ts. */
import { z } from 'zod';
import * as s from '../domain/schemas';
import { DOCUMENT_KINDS } from '../documents/stamp';
import { command, type CommandDef, type EventDef } from './define';

const CONTROL = ['organiser', 'chair'] as const;
const ORGANISER = ['organiser'] as const;

const byCompetition = z.object({ competitionId: s.id }).strict();
const passphrase = z.string().min(1, 'validation.required').max(256, 'validation.tooLong');
/** A new certificate's passphrase guards the key in the database file (the handler refuses fewer than this many characters). */
export const MIN_NEW_PASSPHRASE = 8;
/** Base64 of a PDF; 60 MB of text is far beyond any document Ruang Juri prints. */
const pdfBase64 = z.string().min(1, 'validation.required').max(60_000_000, 'validation.tooLong');

export const certificateInfo = z.object({
  commonName: z.string(),
  organization: z.string(),
  subject: z.string(),
  issuer: z.string(),
  selfSigned: z.boolean(),
  serial: z.string(),
  /** SHA-256 (hex) of the certificate. */
  fingerprint: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
});
export type CertificateInfoView = z.infer<typeof certificateInfo>;

export const signingCertificate = certificateInfo.extend({
  competitionId: s.id,
  source: z.enum(['imported', 'created']),
  installedAt: z.string(),
  /** The passphrase was given since the app started, so documents are signed without asking again. */
  unlocked: z.boolean(),
});
export type SigningCertificate = z.infer<typeof signingCertificate>;

export const documentStamp = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  number: z.string(),
  competitionId: z.number().int(),
  stageId: z.number().int().nullable(),
  version: z.number().int(),
  hash: z.string().nullable(),
});

export const MATCH_STATUSES = ['finalised', 'superseded', 'provisional', 'notFound', 'noStamp'] as const;
/** What this database says about the result a document names. */
export const stampMatch = z.object({
  /** finalised: the current result; superseded: reopened since; provisional: printed before finalising. */
  status: z.enum(MATCH_STATUSES),
  competitionName: z.string().nullable(),
  stageName: z.string().nullable(),
  version: z.number().int().nullable(),
  finalisedAt: z.string().nullable(),
});
export type StampMatch = z.infer<typeof stampMatch>;

export const VERIFY_PROBLEMS = ['unsigned', 'unreadableSignature', 'unsupportedAlgorithm', 'noSignerCertificate', 'digestMismatch', 'badSignature'] as const;
export const VERDICTS = ['valid', 'changedAfterSigning', 'invalid', 'unsigned'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const documentVerification = z.object({
  /** valid: signed, the signature verifies and nothing was added after it; the one answer that counts. */
  verdict: z.enum(VERDICTS),
  signed: z.boolean(),
  signatureValid: z.boolean(),
  problem: z.enum(VERIFY_PROBLEMS).nullable(),
  coversWholeFile: z.boolean(),
  signer: certificateInfo.nullable(),
  signedAt: z.string().nullable(),
  /** The signing certificate is (or was) one of this database's competition certificates. */
  certificateKnown: z.boolean(),
  stamp: documentStamp.nullable(),
  match: stampMatch,
});
export type DocumentVerification = z.infer<typeof documentVerification>;

export const signingCommands = {
  'signing.certificate': command({ input: byCompetition, output: signingCertificate.nullable(), roles: CONTROL }),
  'signing.importCertificate': command({
    input: z.object({ competitionId: s.id, p12Base64: z.string().min(1, 'validation.required').max(2_000_000, 'validation.tooLong'), passphrase }).strict(),
    output: signingCertificate,
    roles: ORGANISER,
  }),
  'signing.createCertificate': command({
    input: z.object({ competitionId: s.id, passphrase }).strict(),
    output: signingCertificate,
    roles: ORGANISER,
  }),
  /** Keeps the passphrase in memory (never on disk) until the app stops or `signing.lock`. */
  'signing.unlock': command({ input: z.object({ competitionId: s.id, passphrase }).strict(), output: signingCertificate, roles: CONTROL }),
  'signing.lock': command({ input: byCompetition, output: signingCertificate.nullable(), roles: CONTROL }),
  /** Retires the current certificate: its key is erased, its fingerprint kept for verification. */
  'signing.removeCertificate': command({ input: byCompetition, output: z.null(), roles: ORGANISER }),
  /** Signs a rendered PDF with the competition's certificate; without a passphrase it must be unlocked. */
  'signing.signPdf': command({
    input: z.object({ competitionId: s.id, base64: pdfBase64, passphrase: passphrase.optional() }).strict(),
    output: z.object({ base64: z.string() }),
    roles: CONTROL,
  }),
  'signing.verify': command({ input: z.object({ base64: pdfBase64 }).strict(), output: documentVerification, roles: CONTROL }),
  /** A pasted or scanned QR text: no signature to check, only what the database says about its result. */
  'signing.verifyText': command({
    input: z.object({ text: z.string().min(1, 'validation.required').max(2000, 'validation.tooLong') }).strict(),
    output: z.object({ stamp: documentStamp.nullable(), match: stampMatch }),
    roles: CONTROL,
  }),
} satisfies Record<string, CommandDef>;

export const signingEvents = {} satisfies Record<string, EventDef>;
