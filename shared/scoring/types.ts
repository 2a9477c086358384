/**
 * The engine's vocabulary. Identifiers are strings (the open file format's ids; the core passes its
 * numeric ids as text). Every number is an exact rational: marks and weights come from decimal text.
 */
import type { Rational } from './rational';

export type Level = 'criterion' | 'total';
export type AggregateKind = 'mean' | 'sum' | 'median' | 'skating';
export type Normalize = 'none' | 'z-score';
/** `criterion:<id>` · `median` · `headToHead` · `chair` · (stage combination only) `stage:<id>`. */
export type TieBreakRule = string;

/**
 * Rounding points, each a number of decimals (half-up) or null for "not rounded here".
 * Level `criterion`: aggregate = each criterion's aggregate across jurors; weighted = weight × aggregate.
 * Level `total`: weighted = each juror's weight × mark (the "nilai" on a score sheet); juror = each juror's total.
 * total (always): the entry's total, which is what is printed and ranked.
 */
export interface Rounding {
  aggregate: number | null;
  weighted: number | null;
  juror: number | null;
  total: number;
}

export interface Method {
  level: Level;
  aggregate: AggregateKind;
  /** Marks dropped at each end (exactly one copy of the highest and one of the lowest per k). */
  trim: number;
  normalize: Normalize;
  /** Fewer counted jurors than this: the entry is incomplete and not ranked. */
  minJurors: number;
  rounding: Rounding;
  tieBreak: readonly TieBreakRule[];
}

export interface ScoringCriterion {
  id: string;
  name?: string;
  /** A plain multiplier: 0.3 for 30 %; a factor such as 1.67 or a diving degree of difficulty 2.8. */
  weight: Rational;
  min?: Rational | null;
  max?: Rational | null;
}
export interface ScoringJuror {
  id: string;
  name?: string;
}
export interface ScoringEntry {
  id: string;
  name?: string;
  category: string | null;
}
export interface ScoringMark {
  entry: string;
  juror: string;
  criterion: string;
  /** For `skating`, the juror's placement of the entry (1 = best). */
  value: Rational;
}
export interface ScoringConflict {
  entry: string;
  juror: string;
}
/** The chair's recorded decision for a tie: `order` lists the tied entries best first. */
export interface ChairDecision {
  order: readonly string[];
  note?: string;
}

export interface StageInput {
  criteria: readonly ScoringCriterion[];
  jurors: readonly ScoringJuror[];
  entries: readonly ScoringEntry[];
  marks: readonly ScoringMark[];
  conflicts: readonly ScoringConflict[];
  method: Method;
  decisions?: readonly ChairDecision[];
}

export type ExclusionReason = 'conflict' | 'absent' | 'incomplete-sheet' | 'not-placing-everyone';

export interface Kept {
  kept: string[];
  dropped: string[];
}

export interface CriterionScore extends Kept {
  id: string;
  /** The aggregate across jurors before its rounding point, and after it (the same value when not rounded). */
  aggregateExact: Rational;
  aggregate: Rational;
  weightedExact: Rational;
  weighted: Rational;
}

export interface SkatingExplanation {
  /** Placements by juror, in juror id order. */
  placements: Record<string, number>;
  majority: number;
  /** Column ("1st to n-th") at which the place was decided, with the count and sum there. */
  column: number | null;
  count: number | null;
  sum: number | null;
  rule: 5 | 6 | 7 | 8;
}

export interface TieBreakStep {
  rule: string;
  tiedWith: string[];
  /** The value this entry had under the rule (as text), when the rule compares values. */
  value?: string;
  decided: boolean;
}

export interface EntryScore {
  entry: string;
  category: string | null;
  status: 'ranked' | 'incomplete';
  /** Why an entry is incomplete. */
  reason?: string;
  counted: string[];
  excluded: { juror: string; reason: ExclusionReason }[];
  /** Each counted juror's total Σ weight × mark, after the `weighted` and `juror` rounding points (level total). */
  jurorTotals: Map<string, Rational>;
  /** Level total with a `juror` rounding point: each juror's total before it. */
  jurorTotalsExact?: Map<string, Rational>;
  /** Level total with rounded weighted values: each juror's weight × mark as rounded. */
  jurorWeighted?: Map<string, Rational[]>;
  /** Z-score normalised values (advisory): per juror, the juror total (level total) or per criterion marks. */
  normalized?: Map<string, Rational | Rational[]>;
  /** Level criterion: the per-criterion explanation. */
  criteria?: CriterionScore[];
  /** Level total: which juror totals were kept and which dropped. */
  aggregate?: Kept;
  skating?: SkatingExplanation;
  /** The total before the final rounding, and the printed total (null while incomplete). */
  totalExact: Rational | null;
  total: Rational | null;
  /** Rank within the category (shared Skating System places may be fractional); null when incomplete. */
  rank: number | null;
  tie: boolean;
  tieBreak: TieBreakStep[];
}

export interface StageScore {
  method: Method;
  entries: EntryScore[];
  warnings: string[];
}
