/**
 * A method in words, for the result documents (Berita Acara: "what was assessed and how"). English
 * here; the renderer and documents may translate from the structured method, which stays the reference.
 */
import type { CombineMethod } from './combine';
import type { Method } from './types';

const points = (n: number) => `${n} decimal${n === 1 ? '' : 's'}`;

function tieBreakText(rules: readonly string[]): string {
  if (!rules.length) return 'Equal totals share the rank.';
  const words = rules.map((r) =>
    r.startsWith('criterion:')
      ? `the higher ${r.slice(10)} value`
      : r.startsWith('stage:')
        ? `the higher ${r.slice(6)} stage total`
        : r === 'median'
          ? "the higher median of the jurors' totals"
          : r === 'headToHead'
            ? 'the majority of jurors who scored both'
            : "the chair's recorded decision",
  );
  return `Equal totals are separated by ${words.join(', then ')}; entries still equal share the rank.`;
}

export function describeMethod(method: Method): string {
  if (method.aggregate === 'skating')
    return `Skating System rules 5–8 on the jurors' placements; inseparable entries share the mean of their places. At least ${method.minJurors} juror(s).`;
  const trimmed = method.trim ? ` after dropping the ${method.trim} highest and ${method.trim} lowest` : '';
  const what = method.aggregate === 'median' ? 'median' : method.aggregate === 'sum' ? 'sum' : 'mean';
  const r = method.rounding;
  const parts =
    method.level === 'criterion'
      ? [
          `For each criterion, the ${what} of the jurors' marks${trimmed}${r.aggregate === null ? '' : ` (rounded to ${points(r.aggregate)})`}`,
          `times its weight${r.weighted === null ? '' : ` (rounded to ${points(r.weighted)})`}; the total is the sum over the criteria`,
        ]
      : [
          `Each juror's total is the sum of weight × mark${r.weighted === null ? '' : ` (each rounded to ${points(r.weighted)})`}${r.juror === null ? '' : `, rounded to ${points(r.juror)}`}`,
          `the entry's total is the ${what} of the jurors' totals${trimmed}`,
        ];
  const normalized = method.normalize === 'z-score' ? " Each juror's values are first z-score normalised to the panel's scale (advisory)." : '';
  return `${parts.join('; ')}.${normalized} Totals are rounded half-up to ${points(r.total)}; an entry needs at least ${Math.max(method.minJurors, 2 * method.trim + 1)} counted juror(s), conflicts excluded. ${tieBreakText(method.tieBreak)}`;
}

export function describeCombination(method: CombineMethod, stages: readonly { id: string; weight: string }[]): string {
  const terms = stages.map((s) => `${s.weight} × ${s.id}`).join(' + ');
  return `Combined total = ${terms} (each stage's printed total)${method.rounding.weighted === null ? '' : `, each term rounded to ${points(method.rounding.weighted)}`}, rounded half-up to ${points(method.rounding.total)}. ${tieBreakText(method.tieBreak)}`;
}
