/**
 * Lembar Verifikasi Pengaturan: the setup the jury approves and signs before judging starts —
 * criteria with weights and scales, the method with its roundings and tie rule, the jurors and the
 * conflicts of interest — with the SHA-256 of that setup printed large, so any later change shows.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatDate, formatPercentBp, formatRange, formatDecimal } from '@shared/format';
import { describeStageMethod } from '@shared/format-method';
import type { DocumentModel } from './model';
import {
  contentWidthOf,
  documentFrame,
  documentText,
  electronicSignatureLine,
  hasLetterhead,
  letterheadBlock,
  particularsTable,
  signatureBlock,
  signatureGrid,
  qrStamp,
  titleBlock,
  type DocumentFrame,
} from './parts';
import { juryRole } from './result-table';

export function buildSetupSheetDocument(model: DocumentModel, frame: DocumentFrame): TDocumentDefinitions {
  const { locale } = model;
  const t = documentText(locale);
  const width = contentWidthOf('portrait');
  const grid = { hLineWidth: () => 0.6, vLineWidth: () => 0.6, paddingTop: () => 2.5, paddingBottom: () => 2.5 };
  const head = (labels: string[]) => labels.map((text) => ({ text, bold: true, fillColor: '#e4e4e4' }));
  const section = (text: string): Content => ({ text, bold: true, fontSize: 10.5, margin: [0, 6, 0, 4] });
  const weightTotal = model.criteria.reduce((sum, c) => sum + c.weightBp, 0);
  const jurorName = new Map(model.jurors.map((j) => [j.id, j.name]));
  const entryById = new Map(model.entries.map((e) => [e.id, e]));
  const place = model.competition.place || t('baPlaceBlank');

  const criteria: Content = {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [18, '*', 90, 46, 80],
      body: [
        head([t('sheetNo'), t('sheetCriterion'), t('setupAspect'), t('sheetWeight'), t('setupScale')]),
        ...model.criteria.map((c, i) => [
          String(i + 1),
          c.name,
          c.aspect,
          { text: formatPercentBp(c.weightBp, locale), alignment: 'right' as const },
          `${formatRange(c.min, c.max, locale)} (${t('setupStep', { step: formatDecimal(c.step, locale) })})`,
        ]),
        [{ text: t('setupWeightTotal'), colSpan: 3, bold: true, alignment: 'right' as const }, {}, {}, { text: formatPercentBp(weightTotal, locale), bold: true, alignment: 'right' as const }, ''],
      ],
    },
    layout: grid,
    fontSize: 8.5,
  };
  const jurors: Content = {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [18, '*', '*', 90, 96],
      body: [
        head([t('sheetNo'), t('baName'), t('baPosition'), t('baRole'), 'NIP']),
        ...model.jurors.map((j, i) => [String(i + 1), j.name, [j.position, j.institution].filter(Boolean).join(', '), juryRole(j.role, t), j.nip]),
      ],
    },
    layout: grid,
    fontSize: 8.5,
  };
  const conflicts = model.conflicts.map((c) => {
    const entry = c.entryId === null ? null : entryById.get(c.entryId);
    const target = entry ? `${entry.code ? `${entry.code} ` : ''}${entry.title}` : t('decisionConflictUnit', { unit: c.unit ?? '' });
    return `${jurorName.get(c.jurorId) ?? ''} — ${target}${c.reason ? ` (${c.reason})` : ''}`;
  });
  const signers = model.jurors.map((j) => signatureBlock({ heading: juryRole(j.role, t), name: j.name, nip: j.nip }, t, 36));

  return {
    ...documentFrame(frame, `${t('setupTitle')} — ${model.competition.name} — ${model.stage.name}`, 'portrait'),
    content: [
      ...(hasLetterhead(frame.letterhead) ? letterheadBlock(frame.letterhead, width, locale) : []),
      titleBlock(t('setupTitle'), frame.stamp, t, [model.competition.name.toLocaleUpperCase(locale === 'id' ? 'id-ID' : 'en-GB')]),
      particularsTable([
        [t('competition'), model.competition.name],
        [t('stage'), model.stage.name],
      ]),
      { text: t('setupIntro'), alignment: 'justify', margin: [0, 0, 0, 4] },
      section(t('setupCriteria')),
      criteria,
      section(t('setupMethod')),
      { text: describeStageMethod(model.results.method, locale, model.criterionNames), alignment: 'justify' },
      ...(model.results.method.tieBreak.length === 0 ? [{ text: `${t('tieBreak')}: ${t('tieBreakNone')}`, margin: [0, 2, 0, 0] as [number, number, number, number] }] : []),
      section(t('setupJurors')),
      jurors,
      section(t('setupConflicts')),
      conflicts.length ? { ol: conflicts, fontSize: 9 } : { text: t('setupNoConflicts'), italics: true },
      {
        columns: [
          { width: '*', stack: [section(t('setupHash')), { text: model.setupHash, bold: true, fontSize: 9.5, characterSpacing: 0.3 }] },
          { width: 'auto', stack: frame.stamp ? [qrStamp(frame.stamp, 64)] : [] },
        ],
        columnGap: 10,
        margin: [0, 0, 0, 8],
        unbreakable: true,
      },
      ...(frame.signedBy ? [electronicSignatureLine(frame.signedBy, locale)] : []),
      { text: `${place}, ${formatDate(frame.generatedAt, locale, false)}`, alignment: 'right', margin: [0, 0, 0, 4] },
      { text: t('setupApproval'), bold: true, margin: [0, 0, 0, 6] },
      signatureGrid(signers, 3),
    ],
  };
}
