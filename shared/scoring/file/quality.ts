/** Quality figures as JSON text values (advisory: never part of a result, never checked by --check). */
import type { QualityReport } from '../quality';
import { fixedText, exactText, REPEATING_MARK } from '../text';
import { isqrt, reduce, sqrtTo, type Rational } from '../rational';
import type { Json } from './result';

/** √variance: exact when the variance is a perfect square, else 6 decimals and "…". */
export function sqrtText(variance: Rational): string {
  const v = reduce(variance);
  const [rn, rd] = [isqrt(v.num), isqrt(v.den)];
  if (rn * rn === v.num && rd * rd === v.den) return exactText({ num: rn, den: rd });
  return fixedText(sqrtTo(v, 12), 6) + REPEATING_MARK;
}

const maybe = (value: Rational | null, text: (v: Rational) => string = exactText) => (value === null ? null : text(value));

export function qualityJson(q: QualityReport): Json {
  return {
    advisory: true,
    outlierThreshold: exactText(q.outlierThreshold),
    top: q.top,
    jurors: q.jurors.map((j) => ({
      juror: j.juror,
      entries: j.entries,
      shared: j.shared,
      severity: maybe(j.severity),
      spread: maybe(j.variance, sqrtText),
      outliers: j.outliers,
    })),
    outliers: q.outliers.map((o) => ({
      entry: o.entry,
      juror: o.juror,
      criterion: o.criterion,
      value: exactText(o.value),
      othersMedian: exactText(o.othersMedian),
      deviation: exactText(o.deviation),
    })),
    agreement: {
      kendallW: q.kendallW.map((k) => ({ category: k.category, jurors: k.jurors, entries: k.entries, w: maybe(k.w) })),
      krippendorffAlpha: { metric: 'interval', units: q.krippendorffAlpha.units, alpha: maybe(q.krippendorffAlpha.alpha) },
    },
    leaveOneOut: q.leaveOneOut.map((l) => ({ juror: l.juror, changed: l.changed, categories: l.categories.map((c) => ({ ...c, podium: c.podium.map((p) => ({ ...p })) })) })),
    sensitivity: q.sensitivity.map((s) => ({ method: s.method, changed: s.changed, categories: s.categories.map((c) => ({ ...c, podium: c.podium.map((p) => ({ ...p })) })) })),
  };
}
