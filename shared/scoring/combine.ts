/**
 * Stage combination: total = Σ stage weight × the stage's printed total (what each stage's recap
 * shows), optionally rounding each weighted value, always rounding the total. An entry without a
 * total in every weighted stage (not a finalist, or incomplete there) is incomplete in the combination.
 * Ties: `stage:<id>` (the higher printed total of that stage) and `chair`, in the configured order.
 */
import { rankByCategory } from './compute';
import { addLazy, mulLazy, roundTo, ZERO, type Rational } from './rational';
import type { ChairDecision, EntryScore, ScoringEntry, StageScore } from './types';

export interface WeightedStage {
  id: string;
  weight: Rational;
  score: StageScore;
}

export interface CombineMethod {
  rounding: { weighted: number | null; total: number };
  tieBreak: readonly string[];
}

export interface StagePart {
  stage: string;
  total: Rational | null;
  weightedExact: Rational | null;
  weighted: Rational | null;
}

export type CombinedEntry = EntryScore & { stages: StagePart[] };

export interface CombinedScore {
  method: CombineMethod;
  entries: CombinedEntry[];
  warnings: string[];
}

export function combineStages(
  entries: readonly ScoringEntry[],
  stages: readonly WeightedStage[],
  method: CombineMethod,
  decisions: readonly ChairDecision[] = [],
): CombinedScore {
  for (const stage of stages)
    if (stage.score.method.aggregate === 'skating') throw new RangeError(`stage ${stage.id}: Skating System places cannot be combined by weight`);
  const lookups = stages.map((stage) => new Map(stage.score.entries.map((e) => [e.entry, e])));
  const warnings: string[] = [];
  const combined = entries.map((entry): CombinedEntry => {
    const parts: StagePart[] = stages.map((stage, s) => {
      const total = lookups[s].get(entry.id)?.total ?? null;
      const weightedExact = total && mulLazy(stage.weight, total);
      const weighted = weightedExact && (method.rounding.weighted === null ? weightedExact : roundTo(weightedExact, method.rounding.weighted));
      return { stage: stage.id, total, weightedExact, weighted };
    });
    const missing = parts.filter((p) => p.total === null).map((p) => p.stage);
    const totalExact = missing.length ? null : parts.reduce((acc, p) => addLazy(acc, p.weighted!), ZERO);
    return {
      entry: entry.id,
      category: entry.category,
      status: missing.length ? 'incomplete' : 'ranked',
      ...(missing.length ? { reason: `no total in stage ${missing.join(', ')}` } : {}),
      counted: [],
      excluded: [],
      jurorTotals: new Map(),
      totalExact,
      total: totalExact && roundTo(totalExact, method.rounding.total),
      rank: null,
      tie: false,
      tieBreak: [],
      stages: parts,
    };
  });
  rankByCategory(combined, (e) => e.total!, method.tieBreak, {
    decisions,
    warnings,
    valueOf(rule, entry) {
      if (!rule.startsWith('stage:')) return null;
      return (entry as CombinedEntry).stages.find((p) => p.stage === rule.slice('stage:'.length))?.total ?? null;
    },
  });
  return { method, entries: combined, warnings };
}
