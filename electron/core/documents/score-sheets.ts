/**
 * Lembar Penilaian: one page per juror per entry — the entry's identity, the table No / Kriteria /
 * Bobot / Skor / Nilai, the juror's total, comments, place and date, the juror's signature block.
 * A sheet not yet submitted prints with empty scores: the paper form the juror can fill in.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { milliToText } from '@shared/domain/decimal';
import { formatDate, formatDecimal, formatPercentBp } from '@shared/format';
import { rational } from '@shared/scoring/rational';
import { fixedText } from '@shared/scoring/text';
import type { DocumentModel, SheetMarks } from './model';
import {
  contentWidthOf,
  documentFrame,
  documentText,
  hasLetterhead,
  letterheadBlock,
  particularsTable,
  signatureBlock,
  titleBlock,
  frameVerifyBlock,
  type DocumentFrame,
} from './parts';

export interface ScoreSheetPage {
  jurorId: number;
  entryId: number;
  sheet: SheetMarks | null;
}

/** The pages in order: per juror (competition order), the entries they may score (stage order). */
export function scoreSheetPages(model: DocumentModel, filter: { jurorId?: number; entryIds?: readonly number[] } = {}): ScoreSheetPage[] {
  const wanted = filter.entryIds ? new Set(filter.entryIds) : null;
  const sheetOf = new Map(model.sheets.map((s) => [`${s.jurorId}:${s.entryId}`, s]));
  return model.jurors
    .filter((j) => j.role !== 'secretary' && (filter.jurorId === undefined || j.id === filter.jurorId))
    .flatMap((juror) =>
      model.entries
        .filter((e) => model.applicable.has(`${juror.id}:${e.id}`) && (!wanted || wanted.has(e.id)))
        .map((entry) => ({ jurorId: juror.id, entryId: entry.id, sheet: sheetOf.get(`${juror.id}:${entry.id}`) ?? null })),
    );
}

export function buildScoreSheetsDocument(model: DocumentModel, frame: DocumentFrame, pages: readonly ScoreSheetPage[]): TDocumentDefinitions {
  const { locale } = model;
  const t = documentText(locale);
  const width = contentWidthOf('portrait');
  const weightSum = model.criteria.reduce((sum, c) => sum + c.weightBp, 0);
  const jurorById = new Map(model.jurors.map((j) => [j.id, j]));
  const entryById = new Map(model.entries.map((e) => [e.id, e]));
  const jurorTotal = new Map<string, string | null>();
  for (const category of model.results.categories)
    for (const row of category.rows) for (const jt of row.jurorTotals) jurorTotal.set(`${jt.jurorId}:${row.entryId}`, jt.total);
  const number = (text: string) => formatDecimal(text, locale);
  const place = model.competition.place || t('baPlaceBlank');

  const page = ({ jurorId, entryId, sheet }: ScoreSheetPage, index: number): Content => {
    const juror = jurorById.get(jurorId)!;
    const entry = entryById.get(entryId)!;
    const counted = sheet?.submitted ? sheet : null;
    const rows: TableCell[][] = model.criteria.map((criterion, i) => {
      const mark = counted?.marks.get(criterion.id);
      const value =
        mark === undefined || weightSum === 0
          ? ''
          : number(fixedText(rational(BigInt(criterion.weightBp) * BigInt(mark), BigInt(weightSum) * 1000n), 2));
      return [
        { text: String(i + 1), alignment: 'center' },
        { text: criterion.aspect ? [criterion.name, { text: `\n${criterion.aspect}`, fontSize: 7.5, color: '#444444' }] : criterion.name },
        { text: formatPercentBp(criterion.effectiveWeightBp, locale), alignment: 'center' },
        { text: mark === undefined ? '' : number(milliToText(mark)), alignment: 'center' },
        { text: value, alignment: 'right' },
      ];
    });
    const total = counted ? jurorTotal.get(`${jurorId}:${entryId}`) ?? null : null;
    const header = [t('sheetNo'), t('sheetCriterion'), t('sheetWeight'), t('sheetScore'), t('sheetValue')].map((text) => ({ text, bold: true, alignment: 'center' as const, fillColor: '#e4e4e4' }));
    const totalRow: TableCell[] = [
      { text: t('sheetTotal'), bold: true, colSpan: 4, alignment: 'right' },
      {},
      {},
      {},
      { text: total === null ? '' : formatDecimal(total, locale, model.results.method.decimals), bold: true, alignment: 'right' },
    ];
    return {
      stack: [
        ...(hasLetterhead(frame.letterhead) ? letterheadBlock(frame.letterhead, width, locale) : []),
        titleBlock(t('sheetTitle'), frame.stamp, t, [model.competition.name.toLocaleUpperCase(locale === 'id' ? 'id-ID' : 'en-GB')]),
        particularsTable([
          [t('stage'), model.stage.name],
          [t('category'), entry.categoryName],
          [t('code'), entry.code],
          [t('entry'), { text: entry.title, bold: true }],
          [t('unit'), entry.unit],
          ...(entry.presenters ? [[t('sheetPresenters'), entry.presenters] as [string, Content]] : []),
          [t('sheetAssessorLabel'), juror.name],
        ]),
        {
          table: { headerRows: 1, dontBreakRows: true, widths: [24, '*', 52, 52, 60], body: [header, ...rows, totalRow] },
          layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6, paddingTop: () => 4, paddingBottom: () => 4 },
          margin: [0, 0, 0, 6],
        },
        { text: t('sheetValueNote'), fontSize: 7.5, italics: true, color: '#333333', margin: [0, 0, 0, 8] },
        ...(sheet && !sheet.submitted ? [{ text: t('sheetDraft'), fontSize: 8.5, bold: true, margin: [0, 0, 0, 8] as [number, number, number, number] }] : []),
        { text: t('sheetComments'), bold: true },
        {
          table: { widths: ['*'], heights: [60], body: [[{ text: counted?.comment || (counted ? t('sheetNoComments') : ''), italics: !counted?.comment }]] },
          layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6 },
          margin: [0, 2, 0, 14],
        },
        {
          columns: [
            { width: '*', stack: [frameVerifyBlock(frame, t)] },
            {
              width: 220,
              stack: [signatureBlock({ above: `${place}, ${formatDate(frame.generatedAt, locale, false)}`, heading: t('sheetAssessor'), name: juror.name, nip: juror.nip, image: model.signatureImages.get(jurorId) }, t)],
            },
          ],
          unbreakable: true,
        },
      ],
      ...(index > 0 ? { pageBreak: 'before' as const } : {}),
    };
  };

  return {
    ...documentFrame(frame, `${t('sheetTitle')} — ${model.competition.name} — ${model.stage.name}`, 'portrait'),
    content: pages.map(page),
  };
}
