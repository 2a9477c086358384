/**
 * Official document numbers, written the way Indonesian offices number their letters:
 * "<sequence>/<kind code>/RJ/<month in Roman numerals>/<year>", e.g. "007/BA/RJ/XI/2026" — the 7th
 * document issued in 2026 (one sequence per year for the whole database), a Berita Acara, issued in
 * November. "RJ" marks numbers issued by Ruang Juri, so they never collide with the office's own agenda.
 */
import type { DocumentKind } from '@shared/documents/stamp';

export const KIND_CODES: Record<DocumentKind, string> = {
  recap: 'REKAP',
  'score-sheets': 'LP',
  'berita-acara': 'BA',
  decree: 'SK',
  certificates: 'PIAGAM',
  setup: 'VP',
  draw: 'UNDI',
};

const ROMAN: readonly [number, string][] = [
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** 1–12 → I–XII. */
export function romanMonth(month: number): string {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month ${month}`);
  let rest = month;
  let text = '';
  for (const [value, letters] of ROMAN)
    while (rest >= value) {
      text += letters;
      rest -= value;
    }
  return text;
}

/** `issuedAt` is an ISO timestamp; the month and year are read in UTC like every stored time. */
export function formatDocumentNumber(sequence: number, kind: DocumentKind, issuedAt: string): string {
  const date = new Date(issuedAt);
  return `${String(sequence).padStart(3, '0')}/${KIND_CODES[kind]}/RJ/${romanMonth(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}
