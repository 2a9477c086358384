/**
 * Reading `ruang-juri/scoring@1`: exact JSON → shape (zod) → cross-checks → the engine's inputs.
 * Any problem raises ScoringFileError whose message names each field ("marks[3].juror: unknown juror").
 */
import type { ChairDecision, Method, ScoringEntry, StageInput } from '../types';
import type { Rational } from '../rational';
import { checkDocument, type FileIssue } from './checks';
import { parseExactJson } from './json';
import { scoringFile, type MethodDocument, type ScoringDocument } from './schema';

export class ScoringFileError extends Error {
  constructor(readonly issues: FileIssue[]) {
    super(issues.map((i) => `${fieldName(i.path)}: ${i.message}`).join('\n'));
  }
}

/** ["marks", 3, "juror"] → "marks[3].juror"; the root is "(file)". */
export function fieldName(path: readonly (string | number | symbol)[]): string {
  const text = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  return text.replace(/^\./, '') || '(file)';
}

/** Reads file text (or an already parsed object) into a checked document. */
export function readScoringFile(source: string | unknown): ScoringDocument {
  const raw = typeof source === 'string' ? parseExactJson(source) : source;
  const parsed = scoringFile.safeParse(raw);
  if (!parsed.success) throw new ScoringFileError(parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message })));
  const issues = checkDocument(parsed.data);
  if (issues.length) throw new ScoringFileError(issues);
  // Published results are compared, not computed with: keep their JSON types (a rank is a number,
  // a total a string) so differences are reported as the file has them.
  if (typeof source === 'string' && parsed.data.results !== undefined) parsed.data.results = (JSON.parse(source) as { results?: unknown }).results;
  return parsed.data;
}

const toMethod = (m: MethodDocument): Method => ({ ...m, rounding: { ...m.rounding } });

export interface EngineInputs {
  entries: ScoringEntry[];
  /** One stage (a file without stages has a single stage with id ""). */
  stages: { id: string; name?: string; weight: Rational | null; input: StageInput }[];
  combine: ScoringDocument['combine'] | null;
  decisions: ChairDecision[];
}

export function toEngineInputs(doc: ScoringDocument): EngineInputs {
  const entries: ScoringEntry[] = doc.entries.map((e) => ({ id: e.id, name: e.name, category: e.category ?? null }));
  const jurors = doc.jurors.map((j) => ({ id: j.id, name: j.name }));
  const decisionsFor = (stage: string | undefined) => doc.decisions.filter((d) => d.stage === stage).map((d) => ({ order: d.order, note: d.note }));
  if (!doc.stages) {
    return {
      entries,
      stages: [
        {
          id: '',
          weight: null,
          input: { criteria: doc.criteria!, jurors, entries, marks: doc.marks, conflicts: doc.conflicts, method: toMethod(doc.method!), decisions: decisionsFor(undefined) },
        },
      ],
      combine: null,
      decisions: [],
    };
  }
  return {
    entries,
    stages: doc.stages.map((s) => ({
      id: s.id,
      name: s.name,
      weight: s.weight,
      input: {
        criteria: s.criteria,
        jurors,
        entries: s.entries ? entries.filter((e) => s.entries!.includes(e.id)) : entries,
        marks: s.marks,
        conflicts: s.conflicts,
        method: toMethod(s.method),
        decisions: decisionsFor(s.id),
      },
    })),
    combine: doc.combine ?? { rounding: { weighted: null, total: 2 }, tieBreak: [] },
    decisions: decisionsFor(undefined),
  };
}
