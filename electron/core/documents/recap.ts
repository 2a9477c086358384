/**
 * Rekapitulasi Nilai: every juror's total per entry, the final score and the rank, per category.
 * `buildRecapDocument` is a pure function of the results (no I/O, no clock): the same results and
 * options give the same definition, so it can be tested without rendering.
 */
import type { Content, ContentTable, CustomTableLayout, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { DocumentStamp } from '@shared/documents/stamp';
import type { ResultRow, Results } from '@shared/domain/schemas';
import { formatDate, formatDecimal, intlLocale } from '@shared/format';
import { describeStageMethod } from '@shared/format-method';
import type { Locale } from '@shared/i18n';
import {
  contentWidthOf,
  documentFrame,
  documentText,
  doubleRule,
  hasLetterhead,
  letterheadBlock,
  MARGIN,
  RULE,
  verifyBlock,
  type ElectronicSigner,
  type Letterhead,
} from './parts';
import { renderPdf } from './pdf';

export interface RecapOptions {
  locale: Locale;
  /** Printed in the footer and the signature block; also the PDF's creation date. */
  generatedAt: Date;
  /** Names of the stage's criteria by id, for criterion tie-breaks in the method sentence. */
  criterionNames?: ReadonlyMap<number, string>;
  /** Where it is signed ("Palembang"); none: a dotted line to fill in. */
  place?: string;
  /** Kop surat above the title; none: the title stands alone over a double rule. */
  letterhead?: Letterhead | null;
  /** Number, version and hash printed in the footer and as a QR code; none: an unnumbered draft. */
  stamp?: DocumentStamp | null;
  /** Award or grade per entry id; given (even empty), the table gets an award column. */
  awards?: ReadonlyMap<number, string>;
  /** The PDF is signed digitally after rendering: the visible line names the signer. */
  signedBy?: ElectronicSigner | null;
}

/** Shown where a juror has not submitted. */
export const NOT_SUBMITTED = '–';
/** More jurors than this and the page turns to landscape. */
export const PORTRAIT_MAX_JURORS = 4;

const HEADER_FILL = '#e4e4e4';
const CATEGORY_FILL = '#c9d3df';
const AWARD_WIDTH = 62;

/** Ranked rows by rank (then code, then title); entries without a rank last, by code. */
export function recapRowOrder(rows: readonly ResultRow[]): ResultRow[] {
  const byCode = (a: ResultRow, b: ResultRow) =>
    a.code.localeCompare(b.code, 'id', { numeric: true }) || a.title.localeCompare(b.title, 'id') || a.entryId - b.entryId;
  return [...rows].sort((a, b) => {
    if (a.rank === null || b.rank === null) return a.rank === b.rank ? byCode(a, b) : a.rank === null ? 1 : -1;
    return a.rank - b.rank || byCode(a, b);
  });
}

/**
 * Table font size and column widths (content widths; pdfmake adds the cell padding) shrink as the panel
 * grows (KIPP panels have up to 12 jurors). A juror column holds "100,00" at the table font size.
 */
function tableMetrics(jurorCount: number) {
  if (jurorCount <= 6)
    return { fontSize: 8.5, jurorWidth: 34, finalWidth: 40, unitWidth: jurorCount > PORTRAIT_MAX_JURORS ? 105 : 82 };
  if (jurorCount <= 9) return { fontSize: 7.5, jurorWidth: 30, finalWidth: 40, unitWidth: 90 };
  return { fontSize: 7, jurorWidth: 27, finalWidth: 38, unitWidth: 80 };
}

const gridLayout = (headerRows: number): CustomTableLayout => ({
  hLineWidth: (i, node) => (i === 0 || i === node.table.body.length || i === headerRows ? 1 : 0.5),
  vLineWidth: (i, node) => (i === 0 || i === (node.table.widths?.length ?? 0) ? 1 : 0.5),
  hLineColor: () => RULE,
  vLineColor: () => RULE,
  fillColor: (rowIndex) => (rowIndex === 0 ? CATEGORY_FILL : rowIndex < headerRows ? HEADER_FILL : null),
  paddingLeft: () => 3,
  paddingRight: () => 3,
  paddingTop: () => 2.5,
  paddingBottom: () => 2.5,
});

export function buildRecapDocument(results: Results, options: RecapOptions): TDocumentDefinitions {
  const { locale, generatedAt, criterionNames, awards } = options;
  const stamp = options.stamp ?? null;
  const letterhead = options.letterhead ?? null;
  const t = documentText(locale);
  const decimals = results.method.decimals;
  const number = (total: string | null) => (total === null ? NOT_SUBMITTED : formatDecimal(total, locale, decimals));

  const jurors = results.jurors;
  // The award column takes about one juror column's room.
  const landscape = jurors.length > PORTRAIT_MAX_JURORS - (awards ? 1 : 0);
  const orientation = landscape ? 'landscape' : 'portrait';
  const contentWidth = contentWidthOf(orientation);
  const metrics = tableMetrics(jurors.length);
  const jurorCode = (index: number) => t('jurorColumn', { n: index + 1 });

  const used = { notSubmitted: false, tied: false, incomplete: false };

  const titleLines: Content[] = [
    { text: t('recapTitle'), style: 'title' },
    ...(stamp ? [{ text: t('numberLine', { number: stamp.number }), style: 'stageLine' }] : []),
    { text: results.competitionName.toLocaleUpperCase(intlLocale(locale)), style: 'subtitle' },
    { text: `${t('stage')}: ${results.stageName}`, style: 'stageLine' },
  ];
  // With a letterhead the double rule sits under it (kop surat); without, under the title.
  const heading: Content[] = hasLetterhead(letterhead)
    ? [...letterheadBlock(letterhead, contentWidth, locale), ...titleLines, { text: '', margin: [0, 0, 0, 8] }]
    : [...titleLines, doubleRule(contentWidth)];

  // The panel as a legend for the J1…Jn columns; long panels (KIPP has 10–12) flow into side-by-side columns.
  const jurorTable = (from: number, group: Results['jurors']): Content => ({
    table: {
      body: group.map((juror, offset) => [
        { text: jurorCode(from + offset), bold: true },
        { text: juror.name },
        { text: juror.role === 'chair' ? t('jurorChair') : t('jurorMember'), color: '#333333' },
      ]),
    },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: () => 0,
      paddingLeft: (i) => (i === 0 ? 0 : 4),
      paddingRight: () => 6,
      paddingTop: () => 0,
      paddingBottom: () => 1.5,
    },
  });
  const JURY_ROWS = 6;
  const juryGroups = Array.from({ length: Math.ceil(jurors.length / JURY_ROWS) }, (_, g) =>
    jurorTable(g * JURY_ROWS, jurors.slice(g * JURY_ROWS, (g + 1) * JURY_ROWS)),
  );
  const juryList: Content =
    juryGroups.length === 0
      ? { text: NOT_SUBMITTED }
      : juryGroups.length === 1
        ? juryGroups[0]
        : { columns: juryGroups.map((group) => ({ width: 'auto' as const, stack: [group] })), columnGap: 18 };

  const particulars: Content = {
    table: {
      widths: [110, 8, '*'],
      body: [
        [t('competition'), ':', { text: results.competitionName, bold: true }],
        [t('stage'), ':', results.stageName],
        [t('method'), ':', describeStageMethod(results.method, locale, criterionNames)],
        ...(results.method.tieBreak.length === 0 ? [[t('tieBreak'), ':', t('tieBreakNone')]] : []),
        [t('jury'), ':', juryList],
      ],
    },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: () => 0,
      paddingLeft: () => 0,
      paddingRight: () => 2,
      paddingTop: () => 1,
      paddingBottom: () => 1,
    },
    fontSize: 9,
    margin: [0, 0, 0, 12],
  };

  const columnCount = 5 + jurors.length + (awards ? 1 : 0);
  const headerCell = (text: string, extra: Partial<Record<'rowSpan' | 'colSpan', number>> = {}): TableCell => ({
    text,
    style: 'tableHeader',
    ...extra,
  });

  // Same column widths in every category's table: the code column is estimated from the longest code
  // (DejaVu Sans averages about 0.62 em per character); a longer code simply wraps.
  // Bold header text is wider (about 0.72 em): the column must also hold its own label.
  const longestCode = Math.max(0, ...results.categories.flatMap((c) => c.rows.map((row) => row.code.length)));
  const codeWidth = Math.min(
    80,
    Math.ceil(Math.max(longestCode * 0.62, t('code').length * 0.72) * metrics.fontSize) + 2,
  );

  const categoryTable = (category: Results['categories'][number]): ContentTable => {
    const titleRow: TableCell[] = [
      { text: `${t('category')}: ${category.name}`, style: 'categoryHeader', colSpan: columnCount },
      ...Array.from({ length: columnCount - 1 }, () => ({})),
    ];
    const hasJurors = jurors.length > 0;
    const span = hasJurors ? { rowSpan: 2 } : {};
    const columnRow: TableCell[] = [
      headerCell(t('rank'), span),
      headerCell(t('code'), span),
      headerCell(t('entry'), span),
      headerCell(t('unit'), span),
      ...(hasJurors
        ? [headerCell(t('jurorScores'), { colSpan: jurors.length }), ...jurors.slice(1).map(() => ({}))]
        : []),
      headerCell(t('finalScore'), span),
      ...(awards ? [headerCell(t('award'), span)] : []),
    ];
    const jurorRow: TableCell[] = hasJurors
      ? [{}, {}, {}, {}, ...jurors.map((_, index) => headerCell(jurorCode(index))), {}, ...(awards ? [{}] : [])]
      : [];
    const header = hasJurors ? [titleRow, columnRow, jurorRow] : [titleRow, columnRow];

    const rows = recapRowOrder(category.rows).map((row): TableCell[] => {
      const totals = new Map(row.jurorTotals.map((entry) => [entry.jurorId, entry.total]));
      const jurorCells = jurors.map((juror): TableCell => {
        const total = totals.get(juror.id) ?? null;
        if (total === null) used.notSubmitted = true;
        return { text: number(total), alignment: 'center', verticalAlignment: 'middle' };
      });
      const ranked = row.rank !== null;
      if (!ranked) used.incomplete = true;
      if (ranked && row.tied) used.tied = true;
      const rankCell: TableCell = ranked
        ? {
            text: row.tied
              ? [{ text: String(row.rank), bold: true }, { text: `\n${t('tied')}`, italics: true, fontSize: Math.max(6, metrics.fontSize - 1.5) }]
              : [{ text: String(row.rank), bold: true }],
            alignment: 'center',
            verticalAlignment: 'middle',
          }
        : { text: NOT_SUBMITTED, alignment: 'center', verticalAlignment: 'middle' };
      const finalCell: TableCell = ranked
        ? { text: number(row.total), bold: true, alignment: 'center', verticalAlignment: 'middle' }
        : { text: t('incomplete'), italics: true, alignment: 'center', verticalAlignment: 'middle', fontSize: Math.max(6, metrics.fontSize - 1.5) };
      const awardCells: TableCell[] = awards
        ? [{ text: awards.get(row.entryId) ?? '', bold: true, alignment: 'center', verticalAlignment: 'middle' }]
        : [];
      return [rankCell, { text: row.code }, { text: row.title }, { text: row.unit }, ...jurorCells, finalCell, ...awardCells];
    });

    const body: TableCell[][] = rows.length
      ? rows
      : [
          [
            { text: t('noEntries'), italics: true, alignment: 'center', colSpan: columnCount },
            ...Array.from({ length: columnCount - 1 }, () => ({})),
          ],
        ];

    return {
      table: {
        headerRows: header.length,
        keepWithHeaderRows: 1,
        dontBreakRows: true,
        widths: [
          'auto',
          codeWidth,
          '*',
          metrics.unitWidth,
          ...jurors.map(() => metrics.jurorWidth),
          metrics.finalWidth,
          ...(awards ? [AWARD_WIDTH] : []),
        ],
        body: [...header, ...body],
      },
      layout: gridLayout(header.length),
      fontSize: metrics.fontSize,
      margin: [0, 0, 0, 14],
    };
  };

  const tables = results.categories.map(categoryTable);

  const noteLines = [
    used.notSubmitted ? t('noteNotSubmitted') : null,
    used.tied ? t('noteTied') : null,
    used.incomplete ? t('noteIncomplete') : null,
  ].filter((line): line is string => line !== null);
  const notes: Content = {
    stack: [
      { text: `${t('notes')}:`, bold: true },
      ...(noteLines.length ? [{ ul: noteLines, margin: [0, 1, 0, 2] as [number, number, number, number] }] : []),
      ...(stamp && stamp.hash !== null ? [] : [{ text: t('provisionalNote'), italics: true, bold: true }]),
    ],
    fontSize: 8,
    margin: [0, 0, 0, 14],
  };

  const signature: Content = {
    columns: [
      { width: '*', stack: [verifyBlock(stamp, t, { by: options.signedBy, locale })] },
      {
        width: 230,
        stack: [
          {
            text: options.place
              ? `${options.place}, ${formatDate(generatedAt, locale, false)}`
              : t('placeDate', { date: formatDate(generatedAt, locale, false) }),
          },
          { text: t('secretariat'), margin: [0, 2, 0, 0] },
          { text: t('signatureName'), margin: [0, 52, 0, 0] },
          { text: t('nip'), margin: [0, 2, 0, 0] },
        ],
        fontSize: 9.5,
      },
    ],
  };
  // Notes and signature travel together: a signature block alone on the last page is no use.
  const closing: Content = { stack: [notes, signature], unbreakable: true };

  const frame = documentFrame(
    { locale, generatedAt, letterhead, stamp, signedBy: options.signedBy },
    `${t('recapTitle')} — ${results.competitionName} — ${results.stageName}`,
    orientation,
  );
  const running = t('runningHeader', { title: t('recapTitle'), competition: results.competitionName, stage: results.stageName });

  return {
    ...frame,
    info: { subject: results.stageName, ...frame.info },
    defaultStyle: { ...frame.defaultStyle, fontSize: 9.5, lineHeight: 1.1 },
    // From page 2 on, a running head says which recap the page belongs to (the table header repeats by itself).
    header: (currentPage) =>
      currentPage > 1 ? { text: running, fontSize: 7.5, color: '#333333', margin: [MARGIN.left, 18, MARGIN.right, 0] } : null,
    styles: {
      title: { fontSize: 15, bold: true, alignment: 'center', characterSpacing: 0.5 },
      subtitle: { fontSize: 11.5, bold: true, alignment: 'center', margin: [0, 3, 0, 0] },
      stageLine: { fontSize: 10, alignment: 'center', margin: [0, 2, 0, 0] },
      tableHeader: { bold: true, alignment: 'center' },
      categoryHeader: { bold: true, fontSize: 9.5 },
    },
    content: [...heading, particulars, ...tables, closing],
  };
}

export function renderRecapPdf(results: Results, options: RecapOptions): Promise<Buffer> {
  return renderPdf(buildRecapDocument(results, options));
}
