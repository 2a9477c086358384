/**
 * Would the result change? Leave-one-juror-out: the stage recomputed without each juror in turn
 * (as if absent). Method sensitivity: recomputed under mean, trimmed mean (1 at each end), median and
 * z-score mean, with the same level, rounding, minimum and tie-break rules. Both compare, per
 * category, the podium (entries ranked 1–3, with their ranks) and the set of the top N.
 */
import { evaluate } from '../compute';
import type { Prepared } from '../prepare';
import type { EntryScore, Method, StageScore } from '../types';

export interface Placing {
  entry: string;
  rank: number;
}

export interface CategoryChange {
  category: string | null;
  podium: Placing[];
  podiumChanged: boolean;
  topChanged: boolean;
}

export interface LeaveOneOut {
  juror: string;
  changed: boolean;
  categories: CategoryChange[];
}

export interface Sensitivity {
  method: string;
  changed: boolean;
  categories: CategoryChange[];
}

const categoriesOf = (entries: readonly EntryScore[]) => [...new Set(entries.map((e) => e.category))];

function podium(entries: readonly EntryScore[], category: string | null, upTo: number): Placing[] {
  return entries
    .filter((e) => e.category === category && e.rank !== null && e.rank <= upTo)
    .map((e) => ({ entry: e.entry, rank: e.rank! }))
    .sort((a, b) => a.rank - b.rank || (a.entry < b.entry ? -1 : 1));
}

const same = (a: Placing[], b: Placing[]) => a.length === b.length && a.every((p, i) => p.entry === b[i].entry && p.rank === b[i].rank);
const sameSet = (a: Placing[], b: Placing[]) => a.length === b.length && a.every((p) => b.some((q) => q.entry === p.entry));

function compareTo(base: StageScore, other: StageScore, top: number): CategoryChange[] {
  return categoriesOf(base.entries).map((category) => {
    const [was, now] = [podium(base.entries, category, 3), podium(other.entries, category, 3)];
    return {
      category,
      podium: now,
      podiumChanged: !same(was, now),
      topChanged: !sameSet(podium(base.entries, category, top), podium(other.entries, category, top)),
    };
  });
}

export function leaveOneOut(prep: Prepared, method: Method, base: StageScore, top: number): LeaveOneOut[] {
  return prep.jurors.map((juror) => {
    const categories = compareTo(base, evaluate(prep, method, { without: juror, explain: false }), top);
    return { juror, changed: categories.some((c) => c.podiumChanged || c.topChanged), categories };
  });
}

export function methodSensitivity(prep: Prepared, method: Method, base: StageScore, top: number): Sensitivity[] {
  if (method.aggregate === 'skating') return [];
  const variants: [string, Partial<Method>][] = [
    ['mean', { aggregate: 'mean', trim: 0, normalize: 'none' }],
    ['trimmed mean (1 at each end)', { aggregate: 'mean', trim: 1, normalize: 'none' }],
    ['median', { aggregate: 'median', trim: 0, normalize: 'none' }],
    ['z-score mean (advisory)', { aggregate: 'mean', trim: 0, normalize: 'z-score' }],
  ];
  return variants.map(([name, change]) => {
    const categories = compareTo(base, evaluate(prep, { ...method, ...change }, { explain: false }), top);
    return { method: name, changed: categories.some((c) => c.podiumChanged || c.topChanged), categories };
  });
}
