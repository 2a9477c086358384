import type { CompetitionDraft } from '@shared/domain/schemas';
import { parsePercentToBasisPoints } from '@shared/domain/decimal';

export type JurorRole = 'chair' | 'member';

export interface CategoryRow {
  key: number;
  name: string;
}
export interface CriterionRow {
  key: number;
  name: string;
  weight: string;
  min: string;
  max: string;
  step: string;
}
export interface JurorRow {
  key: number;
  name: string;
  role: JurorRole;
}
export interface EntryRow {
  key: number;
  code: string;
  title: string;
  unit: string;
  /** The category's name, as the draft refers to categories by name. */
  category: string;
}
export interface SetupForm {
  name: string;
  categories: CategoryRow[];
  criteria: CriterionRow[];
  jurors: JurorRow[];
  entries: EntryRow[];
}

let nextKey = 1;
export const rowKey = (): number => nextKey++;

export const newCategory = (): CategoryRow => ({ key: rowKey(), name: '' });
export const newCriterion = (): CriterionRow => ({ key: rowKey(), name: '', weight: '', min: '0', max: '100', step: '1' });
export const newJuror = (role: JurorRole = 'member'): JurorRow => ({ key: rowKey(), name: '', role });
export const newEntry = (category = ''): EntryRow => ({ key: rowKey(), code: '', title: '', unit: '', category });

/** One row of each, the first juror chairing the panel. */
export function emptyForm(): SetupForm {
  return { name: '', categories: [newCategory()], criteria: [newCriterion()], jurors: [newJuror('chair')], entries: [newEntry()] };
}

/** The `competition.create` input, as typed: decimal text goes to the core unchanged ("12,5"). */
export function buildDraft(form: SetupForm): CompetitionDraft {
  return {
    name: form.name,
    categories: form.categories.map((c) => ({ name: c.name })),
    criteria: form.criteria.map((c) => ({ name: c.name, weight: c.weight, min: c.min, max: c.max, step: c.step })),
    jurors: form.jurors.map((j) => ({ name: j.name, role: j.role })),
    entries: form.entries.map((e) => ({ code: e.code, title: e.title, unit: e.unit, category: e.category })),
  };
}

export interface WeightSummary {
  /** Sum of the readable weights in basis points. */
  totalBp: number;
  /** Per criterion: its weight in bp (null when unreadable) and its effective share in bp of the sum. */
  rows: { weightBp: number | null; effectiveBp: number | null }[];
  allReadable: boolean;
}

/** Weights need not add up to 100 %: each criterion's effective share is its weight over the sum. */
export function weightSummary(criteria: readonly Pick<CriterionRow, 'weight'>[]): WeightSummary {
  const parsed = criteria.map((c) => {
    const bp = c.weight.trim() === '' ? null : parsePercentToBasisPoints(c.weight);
    return bp !== null && bp > 0 ? bp : null;
  });
  const totalBp = parsed.reduce<number>((acc, bp) => acc + (bp ?? 0), 0);
  return {
    totalBp,
    allReadable: parsed.every((bp) => bp !== null),
    // Rounded half-up to a basis point (0,01 %) for display only; the core computes with exact weights.
    rows: parsed.map((bp) => ({ weightBp: bp, effectiveBp: bp === null || totalBp === 0 ? null : Math.floor((bp * 10_000 * 2 + totalBp) / (2 * totalBp)) })),
  };
}

const SECTION_PREFIX: Record<string, string> = {
  categories: 'category',
  criteria: 'criterion',
  jurors: 'juror',
  entries: 'entry',
};

/** Splits an issue path in any common form ("criteria.0.weight", "criteria[0].weight", "criteria/0/weight"). */
export function pathSegments(path: string): string[] {
  return path.split(/[.[\]/]+/).filter(Boolean);
}

/** The test id (and DOM id) of the field an issue points to, e.g. "criterion-weight-0"; null if none. */
export function fieldIdForIssue(path: string): string | null {
  const [section, index, field] = pathSegments(path);
  if (section === 'name' && index === undefined) return 'competition-name';
  const prefix = SECTION_PREFIX[section ?? ''];
  if (!prefix || index === undefined || !/^\d+$/.test(index)) return null;
  return `${prefix}-${field ?? 'name'}-${index}`;
}
