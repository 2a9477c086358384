/**
 * Quality figures for the chair — advisory, never part of the result: juror severity and spread,
 * outlier marks, agreement (Kendall's W per category, Krippendorff's alpha over the stage),
 * leave-one-juror-out robustness and method sensitivity.
 */
import type { Prepared } from '../prepare';
import { rational, type Rational } from '../rational';
import type { Method, StageScore } from '../types';
import { kendallW, krippendorffAlphaInterval } from './agreement';
import { jurorFigures, outlierMarks, type JurorFigures, type OutlierMark } from './jurors';
import { leaveOneOut, methodSensitivity, type LeaveOneOut, type Sensitivity } from './robustness';

export interface QualityOptions {
  /** Outlier threshold as a fraction of the criterion's range (default 1/5: 20 points on 0–100). */
  outlierThreshold?: Rational;
  /** The N of "top N" in robustness figures (default 3). */
  top?: number;
}

export interface AgreementInCategory {
  category: string | null;
  jurors: number;
  entries: number;
  w: Rational | null;
}

export interface QualityReport {
  outlierThreshold: Rational;
  top: number;
  jurors: JurorFigures[];
  outliers: OutlierMark[];
  kendallW: AgreementInCategory[];
  krippendorffAlpha: { units: number; alpha: Rational | null };
  leaveOneOut: LeaveOneOut[];
  sensitivity: Sensitivity[];
}

/**
 * Kendall's W needs every juror to rank every entry: per category it uses the jurors counted on all
 * of the category's entries that have any counted juror (Krippendorff's alpha takes the rest).
 */
function concordance(score: StageScore, skating: boolean): AgreementInCategory[] {
  const categories = [...new Set(score.entries.map((e) => e.category))];
  return categories.map((category) => {
    const entries = score.entries.filter((e) => e.category === category && e.jurorTotals.size > 0);
    const jurors = entries.length ? [...entries[0].jurorTotals.keys()].filter((j) => entries.every((e) => e.jurorTotals.has(j))) : [];
    const rows = entries.map((e) => jurors.map((j) => e.jurorTotals.get(j)!));
    return { category, jurors: jurors.length, entries: entries.length, w: kendallW(rows, !skating) };
  });
}

export function qualityFigures(prep: Prepared, method: Method, score: StageScore, options: QualityOptions = {}): QualityReport {
  const outlierThreshold = options.outlierThreshold ?? rational(1, 5);
  const top = options.top ?? 3;
  const skating = method.aggregate === 'skating';
  const outliers = skating ? [] : outlierMarks(prep, score.entries, outlierThreshold);
  const units = score.entries.map((e) => [...e.jurorTotals.values()]);
  return {
    outlierThreshold,
    top,
    jurors: skating ? [] : jurorFigures(prep.jurors, score.entries, outliers),
    outliers,
    kendallW: concordance(score, skating),
    krippendorffAlpha: { units: units.filter((u) => u.length >= 2).length, alpha: krippendorffAlphaInterval(units) },
    leaveOneOut: leaveOneOut(prep, method, score, top),
    sensitivity: methodSensitivity(prep, method, score, top),
  };
}
