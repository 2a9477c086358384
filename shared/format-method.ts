/**
 * A stage's scoring method in words (Indonesian or English), from the structured method: the one
 * description used by the renderer's results note and the recap PDF. Pure; phrases in the `method`
 * catalog section. The structured method stays the reference (shared/scoring/describe.ts is the engine's).
 */
import type { StageMethod } from './domain/method';
import { translate, type Locale } from './i18n';

/** `criterion:<id>` tie-breaks are named from this map; an unknown id is shown as "criterion #id". */
export function describeStageMethod(method: StageMethod, locale: Locale, criterionNames: ReadonlyMap<number, string> = new Map()): string {
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, `method.${key}`, params);
  const places = (n: number) => t(n === 1 ? 'placesOne' : 'places', { n });
  const aggregate = t(method.aggregate);
  const trim = method.trim > 0 ? t('trim', { n: method.trim }) : '';
  const r = method.rounding;

  const clauses = [t(method.level === 'criterion' ? 'criterionLevel' : 'totalLevel', { aggregate, trim })];
  if (method.normalize === 'z-score') clauses.push(t('zScore'));
  const intermediate =
    method.level === 'criterion'
      ? [
          r.aggregate === null ? null : t('aggregateRounded', { aggregate, places: places(r.aggregate) }),
          r.weighted === null ? null : t('criterionWeightedRounded', { places: places(r.weighted) }),
        ]
      : [
          r.weighted === null ? null : t('weightedRounded', { places: places(r.weighted) }),
          r.juror === null ? null : t('jurorRounded', { places: places(r.juror) }),
        ];
  const steps = intermediate.filter((c): c is string => c !== null);
  clauses.push(...steps);
  clauses.push(t(steps.length ? 'finalRounded' : 'rounded', { places: places(r.total) }));
  if (method.minJurors > 1) clauses.push(t('minJurors', { n: Math.max(method.minJurors, 2 * method.trim + 1) }));
  if (method.tieBreak.length) {
    const rules = method.tieBreak.map((rule) => {
      if (rule.startsWith('criterion:')) {
        const id = Number(rule.slice('criterion:'.length));
        return t('tieCriterion', { name: criterionNames.get(id) ?? t('criterionUnknown', { id }) });
      }
      return t(rule === 'median' ? 'tieMedian' : rule === 'headToHead' ? 'tieHeadToHead' : 'tieChair');
    });
    clauses.push(t('tieBreak', { rules: rules.join(t('then')) }));
  }
  clauses.push(t('ranked'));
  return `${clauses.join('; ')}.`;
}
