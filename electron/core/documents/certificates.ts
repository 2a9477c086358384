/**
 * Piagam Penghargaan: a landscape certificate per winner (and, when asked, per ranked participant),
 * signed by the chair of the jury and the authorised official. Names are printed without academic
 * titles, as the competition rules require.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatDate } from '@shared/format';
import type { DocumentModel } from './model';
import { stripAcademicTitles } from './names';
import { recapRowOrder } from './recap';
import {
  contentWidthOf,
  documentFrame,
  documentText,
  electronicSignatureLine,
  hasLetterhead,
  letterheadBlock,
  qrStamp,
  signatureBlock,
  type DocumentFrame,
} from './parts';
import { fitText } from './text-fit';

/** A certificate stays on one page: the title is clipped shorter than in tables and set smaller when long. */
const CERTIFICATE_TITLE_MAX = 220;
const titleSize = (title: string): number => (title.length > 120 ? 11 : title.length > 60 ? 13 : 15);

export interface CertificateRecipient {
  entryId: number;
  code: string;
  title: string;
  unit: string;
  /** Presenters without academic titles. */
  presenters: string;
  category: string;
  /** null: a participant's certificate. */
  award: string | null;
}

/** Winners per category in rank order, then (when asked) every other ranked entry. */
export function certificateRecipients(model: DocumentModel, options: { includeParticipants?: boolean; entryIds?: readonly number[] } = {}): CertificateRecipient[] {
  const wanted = options.entryIds ? new Set(options.entryIds) : null;
  const presenters = new Map(model.entries.map((e) => [e.id, e.presenters]));
  const rows = model.results.categories.flatMap((category) => recapRowOrder(category.rows).map((row) => ({ row, category: category.name })));
  const recipient = ({ row, category }: (typeof rows)[number]): CertificateRecipient => ({
    entryId: row.entryId,
    code: row.code,
    title: row.title,
    unit: row.unit,
    presenters: (presenters.get(row.entryId) ?? '')
      .split(/[;\n]/)
      .map((name) => stripAcademicTitles(name.trim()))
      .filter(Boolean)
      .join(', '),
    category,
    award: model.awards.get(row.entryId) ?? null,
  });
  const winners = rows.filter(({ row }) => model.awards.has(row.entryId)).map(recipient);
  const participants = options.includeParticipants ? rows.filter(({ row }) => row.rank !== null && !model.awards.has(row.entryId)).map(recipient) : [];
  return [...winners, ...participants].filter((r) => !wanted || wanted.has(r.entryId));
}

export function buildCertificatesDocument(model: DocumentModel, frame: DocumentFrame, recipients: readonly CertificateRecipient[]): TDocumentDefinitions {
  const { locale } = model;
  const t = documentText(locale);
  const margins = { left: 56, top: 36, right: 56, bottom: 54 };
  const width = contentWidthOf('landscape', margins);
  const chair = model.jurors.find((j) => j.role === 'chair');
  const place = model.competition.place || t('baPlaceBlank');
  const date = formatDate(model.snapshot?.finalisedAt ?? frame.generatedAt, locale, false);

  const certificate = (r: CertificateRecipient, index: number): Content => ({
    stack: [
      ...(hasLetterhead(frame.letterhead) ? letterheadBlock(frame.letterhead, width, locale) : []),
      { text: t('certTitle'), fontSize: 28, bold: true, characterSpacing: 2, alignment: 'center', color: '#1f3a5f', margin: [0, 22, 0, 4] },
      ...(frame.stamp ? [{ text: `${t('numberLine', { number: frame.stamp.number })}${r.code ? ` · ${r.code}` : ''}`, alignment: 'center' as const, fontSize: 9 }] : []),
      { text: t('certGivenTo'), alignment: 'center', italics: true, margin: [0, 26, 0, 6] },
      { text: fitText(r.unit || r.title, CERTIFICATE_TITLE_MAX), fontSize: (r.unit || r.title).length > 80 ? 14 : 20, bold: true, alignment: 'center' },
      ...(r.presenters ? [{ text: r.presenters, alignment: 'center' as const, fontSize: 11, margin: [0, 2, 0, 0] as [number, number, number, number] }] : []),
      { text: t('certFor'), alignment: 'center', italics: true, margin: [0, 16, 0, 4] },
      { text: `“${fitText(r.title, CERTIFICATE_TITLE_MAX)}”`, fontSize: titleSize(r.title), bold: true, alignment: 'center' },
      {
        text: r.award ? t('certAs', { award: r.award, category: r.category }) : t('certAsParticipant', { stage: model.stage.name }),
        fontSize: 14,
        bold: !!r.award,
        alignment: 'center',
        margin: [0, 16, 0, 4],
      },
      { text: t('certIn', { competition: model.competition.name }), alignment: 'center', fontSize: 11 },
      {
        columns: [
          {
            width: 150,
            stack: [...(frame.stamp ? [qrStamp(frame.stamp, 64)] : []), ...(frame.signedBy ? [electronicSignatureLine(frame.signedBy, locale)] : [])],
          },
          {
            width: '*',
            stack: [signatureBlock({ above: `${place}, ${date}`, heading: t('chairOfJury'), name: chair ? stripAcademicTitles(chair.name) : '', nip: chair?.nip ?? '', image: chair && model.signatureImages.get(chair.id) }, t, 40)],
            alignment: 'center',
          },
          { width: '*', stack: [signatureBlock({ above: t('knownBy'), heading: t('officialTitle'), name: '', nip: '' }, t, 40)], alignment: 'center' },
        ],
        margin: [0, 30, 0, 0],
        unbreakable: true,
      },
    ],
    ...(index > 0 ? { pageBreak: 'before' as const } : {}),
  });

  return {
    ...documentFrame(frame, `${t('certTitle')} — ${model.competition.name}`, 'landscape', margins),
    content: recipients.map(certificate),
  };
}
