/**
 * The draw sheet ("Berita acara pengundian urutan presentasi"): competition, block, seed, the
 * method in words and the resulting order, with signature lines. A pure pdfmake definition.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatDateTime } from '@shared/format';
import { translate, type Locale } from '@shared/i18n';
import { renderPdf } from './pdf';
import { fitText } from './text-fit';

export interface DrawSheetInput {
  competitionName: string;
  stageName: string;
  /** e.g. "Hari 1 · Ruang A" */
  blockName: string;
  seed: number;
  drawnAt: string;
  /** The drawn order: entry code, title and unit. */
  order: readonly { code: string; title: string; unit: string }[];
  /** Names printed under the signature lines (chair, secretary); blank lines when absent. */
  signatories: readonly { role: string; name: string }[];
  locale: Locale;
}

export function buildDrawSheetDocument(input: DrawSheetInput): TDocumentDefinitions {
  const t = (key: string, params?: Record<string, string | number>) => translate(input.locale, `schedule.${key}`, params);
  const signature = (who: { role: string; name: string }): Content => ({
    stack: [
      { text: who.role, margin: [0, 0, 0, 40] },
      { text: who.name || '(..............................)', bold: true },
    ],
    alignment: 'center',
  });
  return {
    info: { title: t('sheetTitle'), creationDate: new Date(input.drawnAt) },
    pageSize: 'A4',
    pageMargins: [48, 40, 48, 40],
    content: [
      { text: t('sheetTitle'), style: 'title' },
      { text: fitText(input.competitionName), style: 'subtitle' },
      {
        table: {
          widths: [110, '*'],
          body: [
            [t('sheetStage'), input.stageName],
            [t('sheetBlock'), input.blockName],
            [t('sheetDrawnAt'), formatDateTime(input.drawnAt, input.locale)],
            [t('sheetSeed'), { text: String(input.seed), bold: true }],
          ],
        },
        layout: 'noBorders',
        margin: [0, 12, 0, 8],
      },
      { text: t('sheetMethod', { seed: input.seed, count: input.order.length }), margin: [0, 0, 0, 10], alignment: 'justify' },
      {
        table: {
          headerRows: 1,
          widths: [40, 60, '*', '*'],
          body: [
            [t('sheetOrder'), t('sheetCode'), t('sheetTitleColumn'), t('sheetUnit')].map((text) => ({ text, bold: true })),
            // Titles may run to 2,000 characters: clipped as in every other document (text-fit.ts).
            ...input.order.map((entry, index) => [String(index + 1), fitText(entry.code, 40), fitText(entry.title), fitText(entry.unit)]),
          ],
        },
        layout: 'lightHorizontalLines',
      },
      {
        unbreakable: true,
        stack: [
          { text: t('sheetAttest'), margin: [0, 16, 0, 24] },
          { columns: input.signatories.map(signature), columnGap: 24 },
        ],
      },
    ],
    styles: {
      title: { fontSize: 13, bold: true, alignment: 'center' },
      subtitle: { fontSize: 11, alignment: 'center', margin: [0, 4, 0, 0] },
    },
    defaultStyle: { fontSize: 9 },
  };
}

export const renderDrawSheetPdf = (input: DrawSheetInput): Promise<Buffer> => renderPdf(buildDrawSheetDocument(input));
