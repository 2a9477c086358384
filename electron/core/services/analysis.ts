/**
 * Results analysis (issue 6): one stage's result explained entry by entry, and the engine's quality
 * figures for the analysis page's plots. Both score the stage from the sheets that count exactly as
 * results.compute does (submitted, applicable), with the stage's own method, through the same engine.
 */
import type { CommandOutput } from '@shared/api/contract';
import { milliToText } from '@shared/domain/decimal';
import { formatDecimal } from '@shared/format';
import { describeStageMethod } from '@shared/format-method';
import { translate, type Locale } from '@shared/i18n';
import { evaluate, exactText, fixedText, pointText, qualityFigures } from '@shared/scoring';
import { aggregateSorted, type JurorValue } from '@shared/scoring/aggregate';
import { sqrtText } from '@shared/scoring/file/quality';
import { mul, rational, type Rational } from '@shared/scoring/rational';
import type { EntryScore, StageScore } from '@shared/scoring/types';
import type { HandlerMap } from '../registry';
import type { StageScope } from './eligibility';
import type { CriterionRow } from './load';
import { scoreStageFromDb } from './stage-score';

type StageAnalysis = CommandOutput<'analysis.stage'>;
type StageQuality = CommandOutput<'analysis.quality'>;
type AnalysisJuror = StageAnalysis['entries'][number]['jurors'][number];


type Scored = ReturnType<typeof scoreStageFromDb>;

const percentText = (weight: Rational) => exactText(mul(weight, rational(100)));

/** Why a juror is not counted for an entry, from the judging rules first, then the engine. */
function exclusionReason(scope: StageScope, jurorId: number, entryId: number, engineReason: string | undefined): AnalysisJuror['reason'] {
  const refusal = scope.refusal(jurorId, entryId);
  if (refusal === 'conflicted' || refusal === 'notInPanel') return refusal;
  if (refusal !== null) return null;
  return engineReason === 'incomplete-sheet' ? 'incompleteSheet' : 'noSheet';
}

/**
 * Per criterion: the method's aggregate of the kept jurors' marks. At level criterion that is the
 * engine's own value; at level total the engine aggregates juror totals, so the same aggregate of the
 * marks of the jurors it kept is shown for reading (it adds up to the total for mean and sum).
 */
function criterionBreakdown(s: Scored, es: EntryScore, e: number) {
  const { prep, stage, jurorIndex } = s;
  const r = stage.method.rounding;
  const normalized = stage.method.normalize === 'z-score';
  return prep.criteria.map((criterion, c) => {
    const base = { criterionId: Number(criterion.id), weightPercent: percentText(criterion.weight) };
    const engine = es.criteria?.[c];
    if (engine) return { ...base, aggregate: pointText(engine.aggregate, r.aggregate), weighted: pointText(engine.weighted, r.weighted) };
    if (!es.aggregate || normalized) return { ...base, aggregate: null, weighted: null };
    const kept: JurorValue[] = es.aggregate.kept
      .map((juror) => ({ juror, value: prep.cells[e][jurorIndex.get(juror)!]![c]! }))
      .sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    const aggregate = aggregateSorted(stage.method.aggregate, kept, prep.markDen);
    return { ...base, aggregate: exactText(aggregate), weighted: exactText(mul(criterion.weight, aggregate)) };
  });
}

function entryJurors(s: Scored, es: EntryScore, e: number, entryId: number): AnalysisJuror[] {
  const { prep, stage, scope } = s;
  const atTotal = stage.method.level === 'total';
  const droppedAtTotal = new Set(es.aggregate?.dropped ?? []);
  const excluded = new Map(es.excluded.map((x) => [x.juror, x.reason]));
  return prep.jurors.map((juror, j) => {
    const jurorId = Number(juror);
    if (!es.counted.includes(juror))
      return { jurorId, status: 'excluded', reason: exclusionReason(scope, jurorId, entryId, excluded.get(juror)), total: null, marks: [] };
    const total = es.jurorTotals.get(juror)!;
    return {
      jurorId,
      status: droppedAtTotal.has(juror) ? 'dropped' : 'counted',
      reason: null,
      total: pointText(total, atTotal ? stage.method.rounding.juror : null),
      marks: prep.criteria.map((criterion, c) => ({
        criterionId: Number(criterion.id),
        value: exactText(rational(prep.cells[e][j]![c]!, prep.markDen)),
        dropped: droppedAtTotal.has(juror) || (es.criteria?.[c].dropped.includes(juror) ?? false),
      })),
    };
  });
}

/** The engine's explanation of one entry, in words. */
function explain(s: Scored, es: EntryScore, e: number, entry: StageAnalysis['entries'][number], locale: Locale, names: ReadonlyMap<string, string>): string[] {
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, `analysis.steps.${key}`, params);
  const num = (text: string) => formatDecimal(text, locale);
  const method = s.stage.method;
  const r = method.rounding;
  const jurorName = (id: string) => names.get(`j${id}`) ?? id;
  const list = (items: readonly string[]) => items.join('; ');
  const totalText = (id: string) => num(pointText(es.jurorTotals.get(id)!, method.level === 'total' ? r.juror : null));
  const steps: string[] = [];

  if (entry.status === 'inactive') {
    const status = s.scope.entries.find((x) => x.id === entry.entryId)!.status;
    return [t(status === 'withdrawn' ? 'withdrawn' : 'disqualified')];
  }
  steps.push(es.counted.length ? t('counted', { n: es.counted.length, names: es.counted.map(jurorName).join(', ') }) : t('noneCounted'));
  for (const juror of entry.jurors)
    if (juror.status === 'excluded' && juror.reason)
      steps.push(t('excluded', { name: jurorName(String(juror.jurorId)), reason: translate(locale, `analysis.reasons.${juror.reason}`) }));
  if (es.status === 'incomplete' || es.totalExact === null || es.total === null) {
    steps.push(t('incomplete', { n: es.counted.length, min: Math.max(method.minJurors, 2 * method.trim + 1, 1) }));
    return steps;
  }
  if (method.normalize === 'z-score') steps.push(t('zScore'));

  const aggregateWord = t(method.aggregate);
  if (method.level === 'total') {
    if (r.weighted !== null) steps.push(t('weightedRounded', { places: r.weighted }));
    if (es.jurorTotalsExact) {
      const rounded = [...es.jurorTotalsExact].map(([id, exact]) => `${jurorName(id)}: ${num(exactText(exact))} → ${totalText(id)}`);
      steps.push(t('jurorRounded', { places: r.juror!, list: list(rounded) }));
    } else steps.push(t('jurorTotals', { list: list(es.counted.map((id) => `${jurorName(id)}: ${totalText(id)}`)) }));
    const dropped = es.aggregate?.dropped ?? [];
    if (dropped.length) steps.push(t('trimmedTotals', { k: method.trim, list: list(dropped.map((id) => `${jurorName(id)}: ${totalText(id)}`)) }));
    steps.push(t('aggregateTotals', { aggregate: aggregateWord, n: es.aggregate?.kept.length ?? 0, value: num(exactText(es.totalExact)) }));
  } else {
    s.prep.criteria.forEach((criterion, c) => {
      const cs = es.criteria![c];
      const markOf = (id: string) => num(exactText(rational(s.prep.cells[e][s.jurorIndex.get(id)!]![c]!, s.prep.markDen)));
      const roundedText = (exact: Rational, rounded: Rational, point: number | null) =>
        point === null ? num(exactText(exact)) : `${num(exactText(exact))} → ${num(pointText(rounded, point))}`;
      steps.push(
        t('criterionLine', {
          criterion: names.get(`c${criterion.id}`) ?? criterion.id,
          aggregate: aggregateWord,
          dropped: cs.dropped.length ? t('criterionDropped', { list: list(cs.dropped.map((id) => `${jurorName(id)}: ${markOf(id)}`)) }) : '',
          value: roundedText(cs.aggregateExact, cs.aggregate, r.aggregate),
          weight: num(percentText(criterion.weight)),
          weighted: roundedText(cs.weightedExact, cs.weighted, r.weighted),
        }),
      );
    });
    steps.push(t('sumCriteria', { value: num(exactText(es.totalExact)) }));
  }
  const exact = exactText(es.totalExact);
  const rounded = pointText(es.total, r.total);
  steps.push(exact === rounded ? t('totalExact', { rounded: num(rounded) }) : t('totalRounded', { exact: num(exact), places: r.total, rounded: num(rounded) }));

  for (const step of es.tieBreak) {
    const rule = tieRuleWords(step.rule, locale, names);
    const numeric = step.rule === 'median' || step.rule.startsWith('criterion:');
    const value = numeric && step.value !== undefined ? t('tieValue', { value: num(step.value) }) : '';
    const others = step.tiedWith.map((id) => names.get(`e${id}`) ?? id).join(', ');
    steps.push(t(step.decided ? 'tieDecided' : 'tieUndecided', { others, rule, value }));
  }
  if (es.tie) steps.push(t('tieShared', { rank: es.rank! }));
  steps.push(t('rank', { rank: es.rank!, category: names.get(`k${es.category}`) ?? '' }));
  return steps;
}

/** A tie-break rule in words, with the phrases the method description uses. */
function tieRuleWords(rule: string, locale: Locale, names: ReadonlyMap<string, string>): string {
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, `method.${key}`, params);
  if (rule.startsWith('criterion:')) {
    const id = rule.slice('criterion:'.length);
    return t('tieCriterion', { name: names.get(`c${id}`) ?? t('criterionUnknown', { id }) });
  }
  return t(rule === 'median' ? 'tieMedian' : rule === 'headToHead' ? 'tieHeadToHead' : 'tieChair');
}

/** Category order of the competition, then rank (unranked last), then the entries' own order. */
function byCategoryAndRank<T extends { categoryId: number; rank: number | null }>(rows: T[], categoryOrder: readonly number[]): T[] {
  const index = new Map(rows.map((row, i) => [row, i]));
  return [...rows].sort(
    (a, b) => categoryOrder.indexOf(a.categoryId) - categoryOrder.indexOf(b.categoryId) || (a.rank ?? Infinity) - (b.rank ?? Infinity) || index.get(a)! - index.get(b)!,
  );
}

function analyseStage(s: Scored, locale: Locale, categoryId: number | undefined): StageAnalysis {
  const { detail, stage, scope, rows, prep, score } = s;
  const names = new Map<string, string>([
    ...scope.scoringJurors.map((j) => [`j${j.id}`, j.name] as const),
    ...rows.map((r) => [`c${r.id}`, r.name] as const),
    ...scope.entries.map((x) => [`e${x.id}`, x.code ? `${x.code} ${x.title}` : x.title] as const),
    ...detail.categories.map((k) => [`k${k.id}`, k.name] as const),
  ]);
  const entries = scope.entries.flatMap((x, e) => {
    if (categoryId !== undefined && x.categoryId !== categoryId) return [];
    const es = score.entries[e];
    const row: StageAnalysis['entries'][number] = {
      entryId: x.id,
      code: x.code,
      title: x.title,
      unit: x.unit,
      categoryId: x.categoryId,
      status: x.status !== 'active' ? 'inactive' : es.status,
      rank: es.rank,
      tie: es.tie,
      total: es.total && pointText(es.total, stage.method.rounding.total),
      totalExact: es.totalExact && exactText(es.totalExact),
      criteria: criterionBreakdown(s, es, e),
      jurors: entryJurors(s, es, e, x.id),
      steps: [],
    };
    row.steps = explain(s, es, e, row, locale, names);
    return [row];
  });
  return {
    competitionId: detail.id,
    competitionName: detail.name,
    stageId: stage.id,
    stageName: stage.name,
    stages: detail.stages.map((st) => ({ id: st.id, name: st.name })),
    categories: detail.categories.map((k) => ({ id: k.id, name: k.name })),
    method: stage.method,
    methodText: describeStageMethod(stage.method, locale, new Map(rows.map((r) => [r.id, r.name]))),
    advisory: stage.method.normalize === 'z-score',
    breakdownIsReading: stage.method.level === 'total',
    criteria: rows.map((r: CriterionRow, c) => ({
      id: r.id,
      name: r.name,
      weightPercent: percentText(prep.criteria[c].weight),
      min: milliToText(r.min_milli),
      max: milliToText(r.max_milli),
    })),
    jurors: scope.scoringJurors.map((j) => ({ id: j.id, name: j.name })),
    entries: byCategoryAndRank(entries, detail.categories.map((k) => k.id)),
  };
}

const SENSITIVITY_KEYS: Record<string, StageQuality['sensitivity'][number]['method']> = {
  mean: 'mean',
  'trimmed mean (1 at each end)': 'trimmed',
  median: 'median',
  'z-score mean (advisory)': 'zScore',
};

const toPodium = (podium: readonly { entry: string; rank: number }[]) => podium.map((p) => ({ entryId: Number(p.entry), rank: p.rank }));
function toChanges(categories: readonly { category: string | null; podium: { entry: string; rank: number }[]; podiumChanged: boolean; topChanged: boolean }[]) {
  return categories.map((c) => ({ categoryId: Number(c.category), podium: toPodium(c.podium), podiumChanged: c.podiumChanged, topChanged: c.topChanged }));
}

/** Entries whose rank differs between two scorings of the same stage. */
function rankMoves(base: StageScore, other: StageScore) {
  return base.entries.flatMap((es, e) => {
    const without = other.entries[e].rank;
    return es.rank === without ? [] : [{ entryId: Number(es.entry), rank: es.rank, rankWithout: without }];
  });
}

function analyseQuality(s: Scored): StageQuality {
  const { prep, stage, score, scope } = s;
  const q = qualityFigures(prep, stage.method, score);
  const jurorName = new Map(scope.scoringJurors.map((j) => [String(j.id), j.name]));
  const categories = [...new Set(score.entries.map((es) => es.category))];
  return {
    stageId: stage.id,
    advisory: true,
    outlierThreshold: exactText(q.outlierThreshold),
    top: q.top,
    jurors: q.jurors.map((j) => ({
      jurorId: Number(j.juror),
      name: jurorName.get(j.juror) ?? j.juror,
      entries: j.entries,
      shared: j.shared,
      severity: j.severity && exactText(j.severity),
      severityRounded: j.severity && fixedText(j.severity, 2),
      spread: j.variance && sqrtText(j.variance),
      outliers: j.outliers,
    })),
    outliers: q.outliers.map((o) => ({
      entryId: Number(o.entry),
      jurorId: Number(o.juror),
      criterionId: Number(o.criterion),
      value: exactText(o.value),
      othersMedian: exactText(o.othersMedian),
      deviation: exactText(o.deviation),
    })),
    kendallW: q.kendallW.map((k) => ({ categoryId: Number(k.category), jurors: k.jurors, entries: k.entries, w: k.w && exactText(k.w) })),
    krippendorffAlpha: { units: q.krippendorffAlpha.units, alpha: q.krippendorffAlpha.alpha && exactText(q.krippendorffAlpha.alpha) },
    leaveOneOut: q.leaveOneOut.map((l) => ({
      jurorId: Number(l.juror),
      changed: l.changed,
      categories: toChanges(l.categories),
      // The same recomputation the engine's leave-one-out makes, kept whole to show every rank that moves.
      moves: rankMoves(score, evaluate(prep, stage.method, { without: l.juror, explain: false })),
    })),
    podium: categories.map((category) => ({
      categoryId: Number(category),
      podium: toPodium(
        score.entries
          .filter((es) => es.category === category && es.rank !== null && es.rank <= 3)
          .map((es) => ({ entry: es.entry, rank: es.rank! }))
          .sort((a, b) => a.rank - b.rank),
      ),
    })),
    sensitivity: q.sensitivity.map((v) => ({ method: SENSITIVITY_KEYS[v.method], changed: v.changed, categories: toChanges(v.categories) })),
  };
}

export const analysisHandlers: HandlerMap = {
  'analysis.stage': (ctx, { competitionId, stageId, categoryId }) => analyseStage(scoreStageFromDb(ctx.db, ctx.actor, competitionId, stageId), ctx.locale, categoryId),
  'analysis.quality': (ctx, { competitionId, stageId }) => analyseQuality(scoreStageFromDb(ctx.db, ctx.actor, competitionId, stageId)),
};
