/** What the verify screen shows: a checked PDF file, or a pasted/scanned QR text. */
import type { DocumentVerification, StampMatch } from '@shared/api/signing-commands';
import type { DocumentStamp } from '@shared/documents/stamp';

export type VerifyResult =
  | { source: 'file'; fileName: string; verification: DocumentVerification }
  | { source: 'text'; stamp: DocumentStamp | null; match: StampMatch };

export type Tone = 'ok' | 'warn' | 'bad';

/** Green only for what can be trusted: a valid, unchanged signature, or a QR text naming a current final result. */
export function toneOf(result: VerifyResult): Tone {
  if (result.source === 'file') {
    const { verdict } = result.verification;
    return verdict === 'valid' ? 'ok' : verdict === 'unsigned' ? 'warn' : 'bad';
  }
  if (!result.stamp) return 'bad';
  return result.match.status === 'finalised' ? 'ok' : 'warn';
}
