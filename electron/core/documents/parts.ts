/**
 * The parts every official document shares, so they look and verify the same: the letterhead (kop
 * surat: logo, institution, unit, address, double rule), the title block, the footer ("Halaman X
 * dari Y", the number and the snapshot hash), the QR stamp, the "SEMENTARA" watermark while the
 * result is provisional, and signature blocks. Pure functions returning pdfmake content.
 */
import type { Content, ContentQr, DynamicContent, PageOrientation, TDocumentDefinitions, Watermark } from 'pdfmake/interfaces';
import { encodeVerifyText, type DocumentStamp } from '@shared/documents/stamp';
import { formatDate } from '@shared/format';
import { translate, type Locale } from '@shared/i18n';
import { DOCUMENT_CREATOR, DOCUMENT_FONT } from './pdf';

export interface Letterhead {
  /** data:image/png|jpeg;base64,… or null. */
  logo: string | null;
  institution: string;
  unit: string;
  address: string;
}

/** What frames every page: language, printing time, letterhead, and the verification stamp. */
export interface DocumentFrame {
  locale: Locale;
  /** The printing time: footer and PDF dates. */
  generatedAt: Date;
  letterhead: Letterhead | null;
  /** Absent only for previews and old callers: then no number, hash or QR is printed. */
  stamp: DocumentStamp | null;
  /** Set when the PDF is signed digitally after rendering: the visible line names the signer. */
  signedBy?: ElectronicSigner | null;
}

/** Who a digitally signed document names: the certificate's holder and their position or organisation. */
export interface ElectronicSigner {
  name: string;
  position: string;
}

/** "Ditandatangani secara elektronik oleh NAME, POSITION" in the document's language. */
export function electronicSignatureLine(signer: ElectronicSigner, locale: Locale): Content {
  const text = signer.position
    ? translate(locale, 'signaturePad.document.eSignedByPosition', { name: signer.name, position: signer.position })
    : translate(locale, 'signaturePad.document.eSignedBy', { name: signer.name });
  return { text, fontSize: 7.5, italics: true, color: '#1f3a5f', margin: [0, 4, 0, 0] };
}

export type Translate = (key: string, params?: Record<string, string | number>) => string;
export const documentText =
  (locale: Locale): Translate =>
  (key, params) =>
    translate(locale, `documents.${key}`, params);

export const A4 = { width: 595.28, height: 841.89 };
export const MARGIN = { left: 42, top: 40, right: 42, bottom: 62 };
export const RULE = '#000000';

export const pageWidth = (orientation: PageOrientation): number => (orientation === 'landscape' ? A4.height : A4.width);
export const contentWidthOf = (orientation: PageOrientation, margins = MARGIN): number => pageWidth(orientation) - margins.left - margins.right;

/** The two lines under a letterhead: a thick one and a thin one. */
export function doubleRule(width: number, margin: [number, number, number, number] = [0, 6, 0, 10]): Content {
  return {
    canvas: [
      { type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 2, lineColor: RULE },
      { type: 'line', x1: 0, y1: 3, x2: width, y2: 3, lineWidth: 0.6, lineColor: RULE },
    ],
    margin,
  };
}

export const hasLetterhead = (letterhead: Letterhead | null): letterhead is Letterhead =>
  !!letterhead && !!(letterhead.logo || letterhead.institution || letterhead.unit || letterhead.address);

/** Kop surat: logo left, the institution and unit in capitals, the address, then the double rule. */
export function letterheadBlock(letterhead: Letterhead, width: number, locale: Locale): Content[] {
  const upper = (text: string) => text.toLocaleUpperCase(locale === 'id' ? 'id-ID' : 'en-GB');
  const lines: Content[] = [
    letterhead.institution ? { text: upper(letterhead.institution), fontSize: 12.5, bold: true } : null,
    letterhead.unit ? { text: upper(letterhead.unit), fontSize: 14, bold: true } : null,
    letterhead.address ? { text: letterhead.address, fontSize: 8.5 } : null,
  ].filter((line): line is NonNullable<typeof line> => line !== null);
  const LOGO = 58;
  const text: Content = { stack: lines, alignment: 'center', margin: letterhead.logo ? [0, 2, LOGO, 0] : [0, 2, 0, 0] };
  return [
    letterhead.logo ? { columns: [{ image: letterhead.logo, fit: [LOGO, LOGO], width: LOGO }, { width: '*', stack: [text] }], columnGap: 8 } : text,
    doubleRule(width),
  ];
}

/** Centred title, the document number under it, then any further lines. */
export function titleBlock(title: string, stamp: DocumentStamp | null, t: Translate, lines: readonly string[] = []): Content {
  return {
    stack: [
      { text: title, fontSize: 14, bold: true, characterSpacing: 0.4 },
      ...(stamp ? [{ text: t('numberLine', { number: stamp.number }), fontSize: 10, margin: [0, 2, 0, 0] as [number, number, number, number] }] : []),
      ...lines.map((line) => ({ text: line, fontSize: 10.5, bold: true, margin: [0, 2, 0, 0] as [number, number, number, number] })),
    ],
    alignment: 'center',
    margin: [0, 0, 0, 12],
  };
}

/** The QR code the verify screen reads: the same text as the PDF's Keywords. */
export const qrStamp = (stamp: DocumentStamp, fit = 72): ContentQr => ({ qr: encodeVerifyText(stamp), fit, eccLevel: 'M' });

/** QR with the verification hint beside it, and the electronic signature line when the PDF is signed. */
export function verifyBlock(stamp: DocumentStamp | null, t: Translate, signed?: { by: ElectronicSigner | null | undefined; locale: Locale }): Content {
  const qr: Content = stamp
    ? {
        columns: [
          { width: 'auto', stack: [qrStamp(stamp)] },
          { width: 150, text: t('verifyHint'), fontSize: 7, color: '#333333', margin: [0, 8, 0, 0] },
        ],
        columnGap: 6,
      }
    : { text: '' };
  return signed?.by ? { stack: [qr, electronicSignatureLine(signed.by, signed.locale)] } : qr;
}

/** verifyBlock for a document frame. */
export const frameVerifyBlock = (frame: DocumentFrame, t: Translate): Content => verifyBlock(frame.stamp, t, { by: frame.signedBy, locale: frame.locale });

/** Diagonal "SEMENTARA" while the stamp names no finalised snapshot. */
export function provisionalWatermark(stamp: DocumentStamp | null, t: Translate): Watermark | undefined {
  if (stamp && stamp.hash !== null) return undefined;
  return { text: t('provisional'), color: '#9b1c1c', opacity: 0.09, bold: true };
}

/** "No. …, versi …, SHA-256 …", or the provisional notice. */
export function stampLine(stamp: DocumentStamp, t: Translate): string {
  return stamp.hash === null
    ? t('footerProvisional', { number: stamp.number })
    : t('footerFinal', { number: stamp.number, version: stamp.version, hash: stamp.hash });
}

export function stampFooter(frame: DocumentFrame, width: number, margins = MARGIN): DynamicContent {
  const t = documentText(frame.locale);
  const printed = t('printed', { date: formatDate(frame.generatedAt, frame.locale) });
  return (currentPage, pageCount) => ({
    margin: [margins.left, 14, margins.right, 0],
    stack: [
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 0.5, lineColor: '#777777' }] },
      {
        columns: [
          { text: `${printed} · ${DOCUMENT_CREATOR}`, alignment: 'left' },
          { text: t('page', { page: currentPage, pages: pageCount }), alignment: 'right', width: 'auto' },
        ],
        margin: [0, 4, 0, 0],
      },
      ...(frame.stamp ? [{ text: stampLine(frame.stamp, t), fontSize: 6.5, margin: [0, 1, 0, 0] as [number, number, number, number] }] : []),
    ],
    fontSize: 7.5,
    color: '#333333',
  });
}

export interface Signatory {
  /** "Ketua Dewan Juri", "Penilai,", … */
  heading: string;
  name: string;
  nip: string;
  /** A line above the heading, e.g. "Palembang, 9 November 2022". */
  above?: string;
  /** The drawn signature (PNG data URL, already checked to decode), put in the room to sign. */
  image?: string | null;
}

/** Heading, room to sign (or the drawn signature in it), the name underlined and bold, the NIP (dotted when unknown). */
export function signatureBlock(who: Signatory, t: Translate, space = 46): Content {
  const signed: Content[] = who.image ? [{ image: who.image, fit: [140, space - 4], margin: [0, 2, 0, 2] }] : [];
  return {
    stack: [
      ...(who.above ? [{ text: who.above }] : []),
      { text: who.heading },
      ...signed,
      { text: who.name || t('signatureName'), bold: true, decoration: who.name ? 'underline' : undefined, margin: [0, who.image ? 0 : space, 0, 0] },
      { text: who.nip ? t('nipLine', { nip: who.nip }) : t('nip') },
    ],
    unbreakable: true,
  } as Content;
}

/** Signature blocks in rows of `perRow`, kept together with nothing else. */
export function signatureGrid(blocks: readonly Content[], perRow: number): Content {
  const rows: Content[] = [];
  for (let i = 0; i < blocks.length; i += perRow) {
    const row = blocks.slice(i, i + perRow);
    while (row.length < perRow) row.push({ text: '' });
    rows.push({ columns: row.map((block) => ({ width: '*', stack: [block] })), columnGap: 14, margin: [0, 0, 0, 14], unbreakable: true });
  }
  return { stack: rows };
}

/** Page set-up, metadata, watermark, footer and fonts every official document uses. */
export function documentFrame(
  frame: DocumentFrame,
  title: string,
  orientation: PageOrientation,
  margins = MARGIN,
): Pick<TDocumentDefinitions, 'pageSize' | 'pageOrientation' | 'pageMargins' | 'info' | 'watermark' | 'footer' | 'defaultStyle'> {
  const t = documentText(frame.locale);
  const watermark = provisionalWatermark(frame.stamp, t);
  return {
    pageSize: 'A4',
    pageOrientation: orientation,
    pageMargins: [margins.left, margins.top, margins.right, margins.bottom],
    info: {
      title,
      creator: DOCUMENT_CREATOR,
      creationDate: frame.generatedAt,
      modDate: frame.generatedAt,
      ...(frame.stamp ? { keywords: encodeVerifyText(frame.stamp), subject: frame.stamp.number } : {}),
    },
    ...(watermark ? { watermark } : {}),
    footer: stampFooter(frame, contentWidthOf(orientation, margins), margins),
    defaultStyle: { font: DOCUMENT_FONT, fontSize: 10, lineHeight: 1.15 },
  };
}

/** Borderless key : value rows ("Kompetisi : …"). */
export function particularsTable(rows: readonly [string, Content][], labelWidth = 110): Content {
  return {
    table: { widths: [labelWidth, 8, '*'], body: rows.map(([label, value]) => [label, ':', value]) },
    layout: 'noBorders',
    margin: [0, 0, 0, 10],
  };
}
