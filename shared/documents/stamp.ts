/**
 * What every official document carries so that it can be verified: its kind and number, the
 * competition and stage, the version of the finalised result and the SHA-256 of its snapshot
 * (null while the result is provisional — the document then shows "SEMENTARA").
 *
 * The same text is printed as the document's QR code and stored in the PDF's metadata
 * (Keywords), so the verify screen and `ruang-juri verify` read one format.
 */
export const DOCUMENT_KINDS = ['recap', 'score-sheets', 'berita-acara', 'decree', 'certificates', 'setup', 'draw'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface DocumentStamp {
  kind: DocumentKind;
  /** The document number as printed, e.g. "007/BA/RJ/XI/2026". */
  number: string;
  competitionId: number;
  stageId: number | null;
  /** Snapshot version: 1 for the first finalisation, +1 after each reopening; 0 while provisional. */
  version: number;
  /** SHA-256 hex of the snapshot (or, for the setup sheet, of the setup); null while provisional. */
  hash: string | null;
}

const PREFIX = 'ruangjuri:verify?';
const HEX64 = /^[0-9a-f]{64}$/;

export function encodeVerifyText(stamp: DocumentStamp): string {
  const params = new URLSearchParams({
    v: '1',
    kind: stamp.kind,
    no: stamp.number,
    c: String(stamp.competitionId),
    s: stamp.stageId === null ? '' : String(stamp.stageId),
    ver: String(stamp.version),
    hash: stamp.hash ?? '',
  });
  return PREFIX + params.toString();
}

const positiveInt = (text: string | null): number | null => (text !== null && /^\d{1,9}$/.test(text) ? Number(text) : null);

/** The stamp in a QR/metadata text, or null when the text is not one of ours (or is damaged). */
export function parseVerifyText(text: string): DocumentStamp | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith(PREFIX)) return null;
  const params = new URLSearchParams(trimmed.slice(PREFIX.length));
  if (params.get('v') !== '1') return null;
  const kind = params.get('kind') as DocumentKind | null;
  if (!kind || !DOCUMENT_KINDS.includes(kind)) return null;
  const number = params.get('no');
  const competitionId = positiveInt(params.get('c'));
  const version = positiveInt(params.get('ver'));
  const stageText = params.get('s');
  const stageId = stageText === '' ? null : positiveInt(stageText);
  const hash = params.get('hash') || null;
  if (!number || competitionId === null || version === null || (stageText !== '' && stageId === null)) return null;
  if (hash !== null && !HEX64.test(hash)) return null;
  return { kind, number, competitionId, stageId, version, hash };
}
