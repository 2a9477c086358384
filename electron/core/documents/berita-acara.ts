/**
 * Berita Acara Hasil Penilaian: the signed minutes that fix the result — number; "Pada hari ini …
 * tanggal … bertempat di …"; the jurors present; what was assessed and how; the ranked result with
 * totals and awards; the decisions taken (ties, conflicts, absences, reopenings); the closing
 * formula; a signature block for every juror (chair first) and "Mengetahui" for the official.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatDate, formatDecimal } from '@shared/format';
import { translate } from '@shared/i18n';
import { describeStageMethod } from '@shared/format-method';
import type { DocumentModel } from './model';
import {
  contentWidthOf,
  documentFrame,
  documentText,
  hasLetterhead,
  letterheadBlock,
  signatureBlock,
  signatureGrid,
  titleBlock,
  frameVerifyBlock,
  type DocumentFrame,
  type Translate,
} from './parts';
import { juryRole, resultTables } from './result-table';
import { dateInWords } from './words';

/** Scoring jurors with no submitted sheet in the stage, while others did submit: absent. */
export function absentJurorIds(model: DocumentModel): Set<number> {
  const submitted = new Set(model.sheets.filter((s) => s.submitted).map((s) => s.jurorId));
  if (submitted.size === 0) return new Set();
  return new Set(model.jurors.filter((j) => j.role !== 'secretary' && !submitted.has(j.id)).map((j) => j.id));
}

/** Every decision and event the minutes must record, in words. */
export function decisionLines(model: DocumentModel, t: Translate): string[] {
  const { locale } = model;
  const lines: string[] = [];
  for (const category of model.results.categories) {
    const tied = new Map<number, typeof category.rows>();
    for (const row of category.rows) if (row.tied && row.rank !== null) tied.set(row.rank, [...(tied.get(row.rank) ?? []), row]);
    for (const [rank, rows] of tied)
      lines.push(
        t('decisionTie', {
          category: category.name,
          entries: rows.map((r) => `${r.code ? `${r.code} ` : ''}${r.title}`).join(', '),
          total: formatDecimal(rows[0].total ?? '0', locale, model.results.method.decimals),
          rank,
        }),
      );
  }
  const jurorName = new Map(model.jurors.map((j) => [j.id, j.name]));
  const entryById = new Map(model.entries.map((e) => [e.id, e]));
  for (const conflict of model.conflicts) {
    const entry = conflict.entryId === null ? null : entryById.get(conflict.entryId);
    if (conflict.entryId !== null && !entry) continue; // an entry of another stage
    const target = entry ? `${entry.code ? `${entry.code} ` : ''}${entry.title}` : t('decisionConflictUnit', { unit: conflict.unit ?? '' });
    lines.push(t('decisionConflict', { juror: jurorName.get(conflict.jurorId) ?? '', target, reason: conflict.reason ? ` (${conflict.reason})` : '' }));
  }
  for (const d of model.tieDecisions) lines.push(t('decisionTieDecided', { category: d.category, entries: d.entries.join(', '), reason: d.reason }));
  for (const o of model.overrides) lines.push(t('decisionOverride', { entry: o.entry, label: o.label || t('decisionNoAward'), reason: o.reason }));
  for (const id of absentJurorIds(model)) lines.push(t('decisionAbsent', { juror: jurorName.get(id) ?? '' }));
  for (const r of model.reopenings) lines.push(t('decisionReopened', { version: r.version, date: formatDate(r.reopenedAt, locale, false), reason: r.reason }));
  return lines;
}

export function buildBeritaAcaraDocument(model: DocumentModel, frame: DocumentFrame): TDocumentDefinitions {
  const { locale } = model;
  const t = documentText(locale);
  const width = contentWidthOf('portrait');
  // The minutes are dated on the day the result was fixed; before that, on the printing day.
  const day = model.snapshot ? new Date(model.snapshot.finalisedAt) : frame.generatedAt;
  const absent = absentJurorIds(model);
  const present = model.jurors.filter((j) => !absent.has(j.id));
  const ordered = [...present].sort((a, b) => Number(b.role === 'chair') - Number(a.role === 'chair'));
  const place = model.competition.place || t('baPlaceBlank');
  const decisions = decisionLines(model, t);
  const paragraph = (text: string): Content => ({ text, alignment: 'justify', margin: [0, 0, 0, 8] });
  const signedText = (key: string, params?: Record<string, number>) => translate(locale, `signaturePad.document.${key}`, params);

  const presentTable: Content = {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [18, '*', '*', 84, 90, 58],
      body: [
        [t('sheetNo'), t('baName'), t('baPosition'), t('baRole'), 'NIP', signedText('signedColumn')].map((text) => ({ text, bold: true, fillColor: '#e4e4e4' })),
        ...ordered.map((j, i) => [
          String(i + 1),
          j.name,
          [j.position, j.institution].filter(Boolean).join(', '),
          juryRole(j.role, t),
          j.nip,
          j.role === 'secretary' ? '' : signedText(model.signatureImages.has(j.id) ? 'signedMark' : 'notSignedMark'),
        ]),
      ],
    },
    layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6 },
    fontSize: 8.5,
    margin: [0, 2, 0, 10],
  };

  const criteriaList = model.criteria.map((c) => c.name).join(', ');
  const signers = ordered.filter((j) => j.role !== 'secretary');
  const signatures = signers.map((j) => signatureBlock({ heading: juryRole(j.role, t), name: j.name, nip: j.nip, image: model.signatureImages.get(j.id) }, t, 40));
  const signedCount = signers.filter((j) => model.signatureImages.has(j.id)).length;

  return {
    ...documentFrame(frame, `${t('baTitle')} — ${model.competition.name} — ${model.stage.name}`, 'portrait'),
    content: [
      ...(hasLetterhead(frame.letterhead) ? letterheadBlock(frame.letterhead, width, locale) : []),
      titleBlock(t('baTitle'), frame.stamp, t, [model.competition.name.toLocaleUpperCase(locale === 'id' ? 'id-ID' : 'en-GB')]),
      paragraph(
        t('baOpening', {
          ...dateInWords(day, locale),
          date: formatDate(day, locale, false),
          place,
          competition: model.competition.name,
          stage: model.stage.name,
        }),
      ),
      { text: t('baPresent') },
      presentTable,
      paragraph(t('baAssessed', { entries: model.entries.length, count: model.criteria.length, criteria: criteriaList })),
      paragraph(describeStageMethod(model.results.method, locale, model.criterionNames)),
      ...(model.results.method.tieBreak.length === 0 ? [paragraph(`${t('tieBreak')}: ${t('tieBreakNone')}`)] : []),
      { text: t('baDecide'), bold: true, margin: [0, 0, 0, 4] },
      ...resultTables(model, t),
      { text: t('baDecisions'), bold: true, margin: [0, 4, 0, 2] },
      decisions.length ? { ol: decisions, margin: [0, 0, 0, 8] } : paragraph(t('baNoDecisions')),
      paragraph(t('baClosing')),
      { text: `${place}, ${formatDate(day, locale, false)}`, alignment: 'right', margin: [0, 0, 0, 6] },
      { text: t('baSignHeading'), bold: true, margin: [0, 0, 0, 2] },
      { text: signedText('signedCount', { signed: signedCount, total: signers.length }), fontSize: 8.5, margin: [0, 0, 0, 6] },
      signatureGrid(signatures, 3),
      {
        columns: [
          { width: '*', stack: [frameVerifyBlock(frame, t)] },
          { width: 220, stack: [signatureBlock({ above: t('knownBy'), heading: t('officialTitle'), name: '', nip: '' }, t)] },
        ],
        unbreakable: true,
        margin: [0, 6, 0, 0],
      },
    ],
  };
}
