/**
 * `ruang-juri/result@1`: what the engine computed, as JSON text values. Totals and values at a
 * rounding point carry exactly the configured decimals; unrounded values are exact, or 6 decimals
 * and "…" when they do not terminate. Every entry explains itself: counted and excluded jurors,
 * kept and dropped marks, each rounding step, and the tie-break rules applied.
 */
import type { CombinedScore } from '../combine';
import { describeMethod } from '../describe';
import type { Rational } from '../rational';
import { exactText, fixedText, pointText } from '../text';
import type { EntryScore, Method, StageScore } from '../types';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export const methodJson = (method: Method): JsonObject => ({
  level: method.level,
  aggregate: method.aggregate,
  trim: method.trim,
  normalize: method.normalize,
  minJurors: method.minJurors,
  rounding: { ...method.rounding },
  tieBreak: [...method.tieBreak],
  description: describeMethod(method),
});

const textMap = (map: Map<string, Rational> | undefined, text: (v: Rational) => string): JsonObject =>
  Object.fromEntries([...(map ?? [])].map(([k, v]) => [k, text(v)]));

function roundingSteps(e: EntryScore, method: Method): JsonObject[] {
  const r = method.rounding;
  const steps: JsonObject[] = [];
  for (const c of e.criteria ?? []) {
    if (r.aggregate !== null) steps.push({ point: 'aggregate', criterion: c.id, exact: exactText(c.aggregateExact), rounded: fixedText(c.aggregate, r.aggregate) });
    if (r.weighted !== null) steps.push({ point: 'weighted', criterion: c.id, exact: exactText(c.weightedExact), rounded: fixedText(c.weighted, r.weighted) });
  }
  for (const [juror, exact] of e.jurorTotalsExact ?? []) steps.push({ point: 'juror', juror, exact: exactText(exact), rounded: fixedText(e.jurorTotals.get(juror)!, r.juror!) });
  if (e.totalExact && e.total) steps.push({ point: 'total', exact: exactText(e.totalExact), rounded: fixedText(e.total, r.total) });
  return steps;
}

/** Ranked entries by category (in order of first appearance) and rank; incomplete ones last in their category. */
export function orderForPrinting<T extends EntryScore>(entries: readonly T[]): T[] {
  const categories = [...new Set(entries.map((e) => e.category))];
  const index = new Map(entries.map((e, i) => [e, i]));
  return [...entries].sort(
    (a, b) => categories.indexOf(a.category) - categories.indexOf(b.category) || (a.rank ?? Infinity) - (b.rank ?? Infinity) || index.get(a)! - index.get(b)!,
  );
}

const common = (e: EntryScore, decimals: number): JsonObject => ({
  entry: e.entry,
  category: e.category,
  status: e.status,
  ...(e.reason ? { reason: e.reason } : {}),
  rank: e.rank,
  total: e.total && fixedText(e.total, decimals),
  tie: e.tie,
});

export function entryJson(e: EntryScore, method: Method): JsonObject {
  const r = method.rounding;
  const json: JsonObject = {
    ...common(e, r.total),
    ...(e.totalExact ? { totalExact: exactText(e.totalExact) } : {}),
    jurors: { counted: e.counted, excluded: e.excluded.map((x) => ({ juror: x.juror, reason: x.reason })) },
    jurorTotals: textMap(e.jurorTotals, (v) => (method.aggregate === 'skating' ? exactText(v) : pointText(v, method.level === 'total' ? r.juror : null))),
  };
  if (e.jurorWeighted) json.weighted = Object.fromEntries([...e.jurorWeighted].map(([j, values]) => [j, values.map((v) => fixedText(v, r.weighted!))]));
  if (e.normalized)
    json.normalized = Object.fromEntries([...e.normalized].map(([j, v]) => [j, Array.isArray(v) ? v.map(exactText) : exactText(v as Rational)]));
  if (e.criteria)
    json.criteria = Object.fromEntries(
      e.criteria.map((c) => [c.id, { aggregate: pointText(c.aggregate, r.aggregate), weighted: pointText(c.weighted, r.weighted), kept: c.kept, dropped: c.dropped }]),
    );
  if (e.aggregate) json.aggregate = { kept: e.aggregate.kept, dropped: e.aggregate.dropped };
  if (e.skating) json.skating = { ...e.skating, placements: { ...e.skating.placements } };
  json.rounding = roundingSteps(e, method);
  json.tieBreak = e.tieBreak.map((t) => ({ rule: t.rule, tiedWith: t.tiedWith, ...(t.value !== undefined ? { value: t.value } : {}), decided: t.decided }));
  return json;
}

export const stageEntriesJson = (score: StageScore): JsonObject[] => orderForPrinting(score.entries).map((e) => entryJson(e, score.method));

/** `stageDecimals`: each stage's total decimals, so stage totals print as on that stage's recap. */
export function combinedEntriesJson(combined: CombinedScore, stageDecimals: ReadonlyMap<string, number>): JsonObject[] {
  const r = combined.method.rounding;
  return orderForPrinting(combined.entries).map((e) => ({
    ...common(e, r.total),
    ...(e.totalExact ? { totalExact: exactText(e.totalExact) } : {}),
    stages: Object.fromEntries(
      e.stages.map((p) => [p.stage, { total: p.total && fixedText(p.total, stageDecimals.get(p.stage) ?? 2), weighted: p.weighted && pointText(p.weighted, r.weighted) }]),
    ),
    rounding: [
      ...(r.weighted === null ? [] : e.stages.filter((p) => p.weightedExact).map((p) => ({ point: 'weighted', stage: p.stage, exact: exactText(p.weightedExact!), rounded: fixedText(p.weighted!, r.weighted!) }))),
      ...(e.totalExact && e.total ? [{ point: 'total', exact: exactText(e.totalExact), rounded: fixedText(e.total, r.total) }] : []),
    ],
    tieBreak: e.tieBreak.map((t) => ({ rule: t.rule, tiedWith: t.tiedWith, ...(t.value !== undefined ? { value: t.value } : {}), decided: t.decided })),
  }));
}
