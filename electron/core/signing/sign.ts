/**
 * PDF signing: an incremental update with a signature field (@signpdf/placeholder-plain), then a
 * PKCS#7 detached signature over the byte range (@signpdf/signpdf with the PKCS#12 signer).
 */
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import { SUBFILTER_ADOBE_PKCS7_DETACHED } from '@signpdf/utils';
import { AppError } from '@shared/api/errors';
import { DOCUMENT_CREATOR } from '../documents/pdf';
import { findSignatureRanges } from './verify';

export interface PdfSigner {
  /** The PKCS#12 file and the passphrase that opens it. */
  p12: Buffer;
  passphrase: string;
}

export interface SignOptions {
  reason: string;
  location: string;
  /** The signer's name as the signature dictionary records it. */
  name: string;
  signingTime: Date;
  contactInfo?: string;
}

/** Room for the PKCS#7 blob: the certificates in it are at most what the PKCS#12 file carries. */
const signatureLength = (p12: Buffer): number => Math.max(8192, p12.length + 4096);

/** Refuses what signPdf cannot sign: not a PDF, or already signed. */
export function assertSignable(pdf: Buffer): void {
  if (!pdf.subarray(0, 5).equals(Buffer.from('%PDF-'))) throw new AppError('VALIDATION', 'signingNotPdf');
  // placeholder-plain only finds the first signature field; a second signature would sign the wrong range.
  if (findSignatureRanges(pdf).length > 0) throw new AppError('CONFLICT', 'signingAlreadySigned');
}

export async function signPdf(pdf: Buffer, signer: PdfSigner, options: SignOptions): Promise<Buffer> {
  assertSignable(pdf);
  let withPlaceholder: Buffer;
  try {
    withPlaceholder = plainAddPlaceholder({
      pdfBuffer: pdf,
      reason: options.reason,
      location: options.location,
      name: options.name,
      contactInfo: options.contactInfo ?? '',
      signingTime: options.signingTime,
      signatureLength: signatureLength(signer.p12),
      subFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
      // Written as a PDF name (/App /Name …), which cannot hold a space: "Ruang Juri" made poppler report a syntax error.
      appName: DOCUMENT_CREATOR.replace(/\s+/g, ''),
    });
  } catch {
    // placeholder-plain reads classic cross-reference tables (as pdfmake writes), not object streams.
    throw new AppError('VALIDATION', 'signingUnreadablePdf');
  }
  const p12Signer = new P12Signer(signer.p12, { passphrase: signer.passphrase });
  return new SignPdf().sign(withPlaceholder, p12Signer, options.signingTime);
}
