/** The ranked result per category (rank, code, entry, unit, final score, award) as printed in the Berita Acara and the decree's attachment. */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { formatDecimal } from '@shared/format';
import type { DocumentModel } from './model';
import type { Translate } from './parts';
import { NOT_SUBMITTED, recapRowOrder } from './recap';

export function resultTables(model: DocumentModel, t: Translate, onlyAwarded = false): Content[] {
  const { locale } = model;
  const decimals = model.results.method.decimals;
  return model.results.categories.flatMap((category) => {
    const rows = recapRowOrder(category.rows).filter((row) => !onlyAwarded || model.awards.has(row.entryId));
    if (onlyAwarded && rows.length === 0) return [];
    const header: TableCell[] = [t('rank'), t('code'), t('entry'), t('unit'), t('finalScore'), t('award')].map((text) => ({ text, bold: true, alignment: 'center', fillColor: '#e4e4e4' }));
    const body: TableCell[][] = rows.map((row) => [
      { text: row.rank === null ? NOT_SUBMITTED : `${row.rank}${row.tied ? ` (${t('tied')})` : ''}`, alignment: 'center' },
      row.code,
      row.title,
      row.unit,
      { text: row.total === null ? t('incomplete') : formatDecimal(row.total, locale, decimals), alignment: 'center', bold: row.total !== null },
      { text: model.awards.get(row.entryId) ?? '', alignment: 'center' },
    ]);
    const tables: Content[] = [
      { text: `${t('category')}: ${category.name}`, bold: true, margin: [0, 4, 0, 3] },
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: [52, 'auto', '*', 96, 50, 70],
          body: [header, ...(body.length ? body : [[{ text: t('noEntries'), italics: true, colSpan: 6, alignment: 'center' as const }, {}, {}, {}, {}, {}]])],
        },
        layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6, paddingTop: () => 2.5, paddingBottom: () => 2.5 },
        fontSize: 8.5,
        margin: [0, 0, 0, 8],
      },
    ];
    return tables;
  });
}

/** "Ketua Dewan Juri" / "Anggota Dewan Juri" / "Sekretaris Dewan Juri". */
export const juryRole = (role: 'chair' | 'member' | 'secretary', t: Translate): string =>
  t(role === 'chair' ? 'chairOfJury' : role === 'member' ? 'memberOfJury' : 'secretaryOfJury');
