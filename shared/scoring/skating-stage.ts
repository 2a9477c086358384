/**
 * A stage scored by the Skating System: one criterion whose marks are placements. Per category, a
 * juror takes part only when they placed every entry of the category and have no conflict with any
 * of them (a final is ranked by the whole panel); the others are listed as excluded. With fewer
 * jurors than minJurors the category's entries are incomplete.
 */
import type { EvaluateOptions } from './compute';
import type { Prepared } from './prepare';
import { majorityOf, skatingPlaces } from './skating';
import type { EntryScore, Method, StageScore } from './types';

export function scoreSkating(prep: Prepared, method: Method, options: EvaluateOptions, warnings: string[]): StageScore {
  if (prep.criteria.length !== 1) throw new RangeError('the Skating System takes exactly one criterion (one dance)');
  const byCategory = new Map<string | null, number[]>();
  prep.entries.forEach((entry, e) => byCategory.set(entry.category, [...(byCategory.get(entry.category) ?? []), e]));
  const entries: EntryScore[] = prep.entries.map((entry) => ({
    entry: entry.id,
    category: entry.category,
    status: 'incomplete',
    counted: [],
    excluded: [],
    jurorTotals: new Map(),
    totalExact: null,
    total: null,
    rank: null,
    tie: false,
    tieBreak: [],
  }));
  for (const [category, members] of byCategory) {
    const placing: number[] = [];
    const excluded: EntryScore['excluded'] = [];
    prep.jurors.forEach((juror, j) => {
      const statuses = members.map((e) => (juror === options.without ? 'absent' : prep.status[e][j]));
      if (statuses.every((s) => s === 'counted')) return placing.push(j);
      const reason = statuses.includes('conflict') ? 'conflict' : statuses.every((s) => s === 'absent') ? 'absent' : 'not-placing-everyone';
      if (reason !== 'absent') warnings.push(`juror ${juror} is left out of ${category ?? 'the'} placements: ${reason === 'conflict' ? 'a conflict with one of the entries' : 'not every entry is placed'}`);
      excluded.push({ juror, reason });
    });
    const placementsOf = (e: number) => placing.map((j) => Number(prep.cells[e][j]![0]! / prep.markDen));
    for (const j of placing) {
      const given = members.map((e) => Number(prep.cells[e][j]![0]! / prep.markDen)).sort((a, b) => a - b);
      if (given.some((p, i) => p !== i + 1)) warnings.push(`juror ${prep.jurors[j]} did not place the ${members.length} entries as 1 to ${members.length} without ties`);
    }
    for (const e of members) {
      entries[e].excluded = excluded;
      entries[e].counted = placing.map((j) => prep.jurors[j]);
      entries[e].jurorTotals = new Map(placing.map((j, i) => [prep.jurors[j], { num: BigInt(placementsOf(e)[i]), den: 1n }]));
    }
    if (placing.length < Math.max(method.minJurors, 1)) {
      for (const e of members) entries[e].reason = `${placing.length} juror(s) placed every entry; the method needs at least ${method.minJurors}`;
      continue;
    }
    const places = skatingPlaces(members.map((e) => ({ entry: prep.entries[e].id, placements: placementsOf(e) })));
    members.forEach((e, i) => {
      const { place, rule, column, count, sum } = places[i];
      const shared = rule === 8;
      Object.assign(entries[e], {
        status: 'ranked',
        rank: Number(place.num) / Number(place.den),
        tie: shared,
        skating: {
          placements: Object.fromEntries(placing.map((j, k) => [prep.jurors[j], placementsOf(e)[k]])),
          majority: majorityOf(placing.length),
          column,
          count,
          sum,
          rule,
        },
      });
      if (shared) warnings.push(`Skating System rule 8: ${prep.entries[e].id} shares place ${entries[e].rank}`);
    });
  }
  return { method, entries, warnings };
}
