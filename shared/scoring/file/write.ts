/**
 * Writing `ruang-juri/scoring@1`: marks, weights and scales as exact JSON numbers, so reading the file
 * back gives the same document. `documentFromStage` turns an engine input (e.g. a stage exported
 * from the core, optionally with its published results) into a document.
 */
import type { StageInput } from '../types';
import { stringifyExact } from './json';
import type { ScoringDocument } from './schema';

const defined = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

export function documentFromStage(input: StageInput, results?: unknown): ScoringDocument {
  return {
    format: 'ruang-juri/scoring@1',
    criteria: input.criteria.map((c) => defined({ id: c.id, name: c.name, weight: c.weight, min: c.min ?? undefined, max: c.max ?? undefined })),
    jurors: input.jurors.map((j) => defined({ id: j.id, name: j.name })),
    entries: input.entries.map((e) => defined({ id: e.id, name: e.name, category: e.category ?? undefined })),
    marks: input.marks.map((m) => ({ entry: m.entry, juror: m.juror, criterion: m.criterion, value: m.value })),
    conflicts: input.conflicts.map((c) => ({ entry: c.entry, juror: c.juror })),
    method: { ...input.method, rounding: { ...input.method.rounding }, tieBreak: [...input.method.tieBreak] },
    decisions: (input.decisions ?? []).map((d) => defined({ order: [...d.order], note: d.note })),
    ...(results === undefined ? {} : { results }),
  };
}

/** The document as file text (2-space JSON, exact numbers). */
export function writeScoringFile(doc: ScoringDocument): string {
  const { format, criteria, jurors, entries, marks, conflicts, method, stages, combine, decisions, quality, results } = doc;
  return `${stringifyExact(defined({ format, criteria, jurors, entries, marks: stages ? undefined : marks, conflicts: stages ? undefined : conflicts, method, stages, combine, decisions, quality, results }))}\n`;
}
