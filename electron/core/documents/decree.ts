/**
 * Draft Surat Keputusan naming the winners: the Menimbang / Mengingat / Memutuskan / Menetapkan
 * skeleton the secretariat completes (legal basis, issuing official), and an attachment listing the
 * winners per category. Marked as a draft at the top; numbered and stamped like every document.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatDate } from '@shared/format';
import type { DocumentModel } from './model';
import {
  contentWidthOf,
  documentFrame,
  documentText,
  hasLetterhead,
  letterheadBlock,
  signatureBlock,
  frameVerifyBlock,
  type DocumentFrame,
} from './parts';
import { resultTables } from './result-table';

export function buildDecreeDocument(model: DocumentModel, frame: DocumentFrame): TDocumentDefinitions {
  const { locale } = model;
  const t = documentText(locale);
  const upper = (text: string) => text.toLocaleUpperCase(locale === 'id' ? 'id-ID' : 'en-GB');
  const width = contentWidthOf('portrait');
  const issuer = upper(model.letterhead.unit || model.letterhead.institution) || t('skIssuerBlank');
  const competition = upper(model.competition.name);
  const place = model.competition.place || t('baPlaceBlank');
  const date = formatDate(frame.generatedAt, locale, false);
  const numberText = frame.stamp ? t('numberLine', { number: frame.stamp.number }).toLocaleUpperCase() : '';

  // Label : lettered or numbered points, the way a decree's considerations are laid out.
  const clause = (label: string, points: readonly string[], marker: 'a' | '1'): Content => ({
    table: {
      widths: [80, 8, 16, '*'],
      body: points.map((point, i) => [
        i === 0 ? label : '',
        i === 0 ? ':' : '',
        marker === 'a' ? `${String.fromCharCode(97 + i)}.` : `${i + 1}.`,
        { text: point, alignment: 'justify' },
      ]),
    },
    layout: 'noBorders',
    margin: [0, 0, 0, 8],
  });
  const dictum = (label: string, text: string): TableCell[][] => [[label, ':', { text, alignment: 'justify' }]];
  const winners = resultTables(model, t, true);

  return {
    ...documentFrame(frame, `${t('skTitle', { issuer })} — ${model.competition.name}`, 'portrait'),
    content: [
      { text: t('skDraft'), italics: true, color: '#9b1c1c', alignment: 'center', fontSize: 8.5, margin: [0, 0, 0, 6] },
      ...(hasLetterhead(frame.letterhead) ? letterheadBlock(frame.letterhead, width, locale) : []),
      {
        stack: [t('skTitle', { issuer }), numberText, t('skAbout'), t('skSubject', { competition })].filter(Boolean),
        bold: true,
        alignment: 'center',
        margin: [0, 0, 0, 14],
      },
      clause(t('skConsidering'), [t('skConsideringA', { competition: model.competition.name }), t('skConsideringB', { stage: model.stage.name, competition: model.competition.name })], 'a'),
      clause(t('skRecalling'), [t('skRecallingBlank'), t('skRecallingBlank')], '1'),
      { text: t('skDecide'), bold: true, alignment: 'center', margin: [0, 4, 0, 8] },
      {
        table: {
          widths: [80, 8, '*'],
          body: [
            [t('skEstablish'), ':', { text: `${t('skTitle', { issuer })} ${t('skAbout')} ${t('skSubject', { competition })}.`, bold: true }],
            ...dictum(t('skFirst'), t('skFirstText', { competition: model.competition.name })),
            ...dictum(t('skSecond'), t('skSecondText')),
            ...dictum(t('skThird'), t('skThirdText')),
          ],
        },
        layout: { defaultBorder: false, paddingBottom: () => 6 },
        margin: [0, 0, 0, 16],
      },
      {
        columns: [
          { width: '*', stack: [frameVerifyBlock(frame, t)] },
          {
            width: 230,
            stack: [
              { text: t('skEnactedAt', { place }) },
              { text: t('skEnactedOn', { date }), margin: [0, 0, 0, 6] },
              signatureBlock({ heading: t('officialTitle'), name: '', nip: '' }, t),
            ],
          },
        ],
        unbreakable: true,
      },
      {
        stack: [t('skAttachment', { issuer }), numberText, t('skAbout'), t('skSubject', { competition })].filter(Boolean),
        fontSize: 8.5,
        margin: [260, 0, 0, 14],
        pageBreak: 'before',
      },
      { text: `${t('skWinners')} ${competition}`, bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
      { text: `${t('stage')}: ${model.stage.name}`, alignment: 'center', margin: [0, 0, 0, 10] },
      ...(winners.length ? winners : [{ text: t('skNoWinners'), italics: true }]),
    ],
  };
}
