/**
 * Reads a stage's marks once into integer cells that share one denominator, and decides for every
 * entry and juror whether the juror counts. The explicit rules:
 * - a conflict (recusal) excludes all of that juror's marks for that entry (a warning when marks exist);
 * - a juror with no mark for an entry is absent;
 * - a juror who marked some criteria of an entry but not all is excluded for that entry (warning):
 *   a partial sheet never counts, whatever the level.
 */
import { lcm, type Rational } from './rational';
import type { ExclusionReason, ScoringCriterion, ScoringEntry, StageInput } from './types';

export type CellStatus = 'counted' | Exclude<ExclusionReason, 'not-placing-everyone'>;

export interface Prepared {
  input: StageInput;
  criteria: readonly ScoringCriterion[];
  jurors: string[];
  entries: readonly ScoringEntry[];
  /** Common denominator of all marks, and of all weights. */
  markDen: bigint;
  weightDen: bigint;
  /** Weight numerators over weightDen, by criterion index. */
  weights: bigint[];
  /** cells[entry][juror][criterion]: mark numerator over markDen; null when the juror gave the entry no mark. */
  cells: (Array<bigint | undefined> | null)[][];
  status: CellStatus[][];
  warnings: string[];
}

const commonDen = (values: readonly Rational[]): bigint => values.reduce((den, v) => lcm(den, v.den), 1n);
const scaleTo = (value: Rational, den: bigint): bigint => (value.den === den ? value.num : value.num * (den / value.den));

function indexById<T extends { id: string }>(items: readonly T[], what: string): Map<string, number> {
  const index = new Map<string, number>();
  items.forEach((item, i) => {
    if (index.has(item.id)) throw new RangeError(`${what}: duplicate id "${item.id}"`);
    index.set(item.id, i);
  });
  return index;
}

function lookup(index: Map<string, number>, id: string, what: string): number {
  const i = index.get(id);
  if (i === undefined) throw new RangeError(`${what}: unknown id "${id}"`);
  return i;
}

export function prepare(input: StageInput): Prepared {
  const entryIndex = indexById(input.entries, 'entries');
  const jurorIndex = indexById(input.jurors, 'jurors');
  const criterionIndex = indexById(input.criteria, 'criteria');
  for (const c of input.criteria) if (c.weight.den <= 0n) throw new RangeError(`criterion ${c.id}: weight needs a positive denominator`);
  const markDen = commonDen(input.marks.map((m) => m.value));
  const weightDen = commonDen(input.criteria.map((c) => c.weight));
  const nJurors = input.jurors.length;
  const cells: Prepared['cells'] = input.entries.map(() => new Array(nJurors).fill(null));
  for (const mark of input.marks) {
    const e = lookup(entryIndex, mark.entry, 'marks');
    const j = lookup(jurorIndex, mark.juror, 'marks');
    const c = lookup(criterionIndex, mark.criterion, 'marks');
    const sheet = (cells[e][j] ??= new Array(input.criteria.length));
    if (sheet[c] !== undefined) throw new RangeError(`marks: two marks for entry "${mark.entry}", juror "${mark.juror}", criterion "${mark.criterion}"`);
    sheet[c] = scaleTo(mark.value, markDen);
  }
  const conflicted = new Set(input.conflicts.map((c) => `${lookup(entryIndex, c.entry, 'conflicts')}:${lookup(jurorIndex, c.juror, 'conflicts')}`));
  const warnings: string[] = [];
  const status = cells.map((row, e) =>
    row.map((sheet, j): CellStatus => {
      const [entry, juror] = [input.entries[e].id, input.jurors[j].id];
      if (conflicted.has(`${e}:${j}`)) {
        if (sheet) warnings.push(`marks of juror ${juror} for entry ${entry} are excluded: the juror has a conflict with the entry`);
        return 'conflict';
      }
      if (!sheet) return 'absent';
      let filled = 0;
      for (let c = 0; c < input.criteria.length; c++) if (sheet[c] !== undefined) filled++;
      if (filled < input.criteria.length) {
        warnings.push(`juror ${juror} marked ${filled} of ${input.criteria.length} criteria for entry ${entry}: the partial sheet is not counted`);
        return 'incomplete-sheet';
      }
      return 'counted';
    }),
  );
  return {
    input,
    criteria: input.criteria,
    jurors: input.jurors.map((j) => j.id),
    entries: input.entries,
    markDen,
    weightDen,
    weights: input.criteria.map((c) => scaleTo(c.weight, weightDen)),
    cells,
    status,
    warnings,
  };
}
