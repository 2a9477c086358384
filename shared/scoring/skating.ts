/**
 * The Skating System, rules 5–8 (one dance; Arthur Dawson's system as used in DanceSport finals).
 * Jurors place every entry (1 = best). Columns are read left to right, "1st", "1st–2nd", "1st–3rd"…,
 * each once, counting for every unplaced entry how many jurors placed it that high or higher:
 * - rule 5: an entry with an absolute majority in the column takes the next place;
 * - rule 6: several majorities — the larger majority takes the place, the next the following one;
 * - rule 7: equal majorities — the lower sum of the placements forming the majority wins (a); if the
 *   sums are equal too, the next column decides between those entries only (b);
 * - rule 8: entries still inseparable after the last column share the places: each gets their mean.
 */
import { rational, type Rational } from './rational';

export interface SkatingRow {
  entry: string;
  /** One placement per counted juror, in the same juror order for every row. */
  placements: readonly number[];
}

export interface SkatingPlace {
  entry: string;
  place: Rational;
  rule: 5 | 6 | 7 | 8;
  /** The column that decided, with this entry's count and sum there (null for a shared place). */
  column: number | null;
  count: number | null;
  sum: number | null;
}

export const majorityOf = (jurors: number): number => Math.floor(jurors / 2) + 1;

export function skatingPlaces(rows: readonly SkatingRow[]): SkatingPlace[] {
  if (rows.length === 0) return [];
  const jurors = rows[0].placements.length;
  const majority = majorityOf(jurors);
  const lastColumn = Math.max(rows.length, ...rows.flatMap((r) => r.placements));
  const count = (row: SkatingRow, column: number) => row.placements.filter((p) => p <= column).length;
  const sum = (row: SkatingRow, column: number) => row.placements.reduce((acc, p) => (p <= column ? acc + p : acc), 0);
  const places = new Map<string, SkatingPlace>();

  const assign = (row: SkatingRow, place: number, rule: 5 | 6 | 7, column: number) =>
    places.set(row.entry, { entry: row.entry, place: rational(place), rule, column, count: count(row, column), sum: sum(row, column) });

  /** Orders entries that all hold a majority at `column`, giving them places from `first` on. */
  const resolve = (group: SkatingRow[], column: number, first: number, firstColumn: boolean): void => {
    if (column > lastColumn) {
      // Rule 8: inseparable; share the mean of the places first … first + n − 1.
      const shared = rational(2 * first + group.length - 1, 2);
      for (const row of group) places.set(row.entry, { entry: row.entry, place: shared, rule: 8, column: null, count: null, sum: null });
      return;
    }
    const key = (row: SkatingRow) => [count(row, column), sum(row, column)] as const;
    const sorted = [...group].sort((a, b) => key(b)[0] - key(a)[0] || key(a)[1] - key(b)[1]);
    let place = first;
    for (let i = 0; i < sorted.length; ) {
      const [c, s] = key(sorted[i]);
      let end = i + 1;
      while (end < sorted.length && key(sorted[end])[0] === c && key(sorted[end])[1] === s) end++;
      const run = sorted.slice(i, end);
      if (run.length === 1) {
        const uniqueCount = sorted.filter((row) => key(row)[0] === c).length === 1;
        assign(run[0], place, firstColumn && uniqueCount ? 6 : 7, column);
      } else {
        resolve(run, column + 1, place, false);
      }
      place += run.length;
      i = end;
    }
  };

  let remaining = [...rows];
  let place = 1;
  for (let column = 1; column <= lastColumn && remaining.length; column++) {
    const withMajority = remaining.filter((row) => count(row, column) >= majority);
    if (withMajority.length === 0) continue;
    if (withMajority.length === 1) assign(withMajority[0], place, 5, column);
    else resolve(withMajority, column, place, true);
    place += withMajority.length;
    remaining = remaining.filter((row) => !withMajority.includes(row));
  }
  // Only reachable with placements beyond the last column's reach (e.g. missing ones): share what is left.
  if (remaining.length) resolve(remaining, lastColumn + 1, place, false);
  return rows.map((row) => places.get(row.entry)!);
}
