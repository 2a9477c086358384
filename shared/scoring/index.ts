/**
 * The scoring engine's public face: score a stage, combine stages, read and write the open file
 * format `ruang-juri/scoring@1` and produce `ruang-juri/result@1`. Pure TypeScript (no Node, no DOM),
 * so the renderer previews and the core certifies with the same code.
 */
import { combineStages } from './combine';
import { evaluate } from './compute';
import { describeCombination } from './describe';
import { diffResults } from './file/diff';
import { qualityJson } from './file/quality';
import { readScoringFile, toEngineInputs } from './file/read';
import { combinedEntriesJson, methodJson, stageEntriesJson, type Json } from './file/result';
import type { ScoringDocument } from './file/schema';
import { prepare } from './prepare';
import { qualityFigures } from './quality';
import { exactText } from './text';

export { scoreStage, evaluate, type EvaluateOptions } from './compute';
export { combineStages } from './combine';
export { prepare } from './prepare';
export { qualityFigures } from './quality';
export { describeMethod } from './describe';
export { readScoringFile, toEngineInputs, ScoringFileError, fieldName } from './file/read';
export { stringifyExact, parseExactJson, JsonSyntaxError } from './file/json';
export { diffResults } from './file/diff';
export { documentFromStage, writeScoringFile } from './file/write';
export { entryJson, stageEntriesJson, methodJson } from './file/result';
export { qualityJson } from './file/quality';
export { parseDecimal, exactText, fixedText, pointText } from './text';
export type * from './types';
export type { Rational } from './rational';
export type { ScoringDocument } from './file/schema';

export const ADVISORY_Z = 'z-score normalisation changes the jurors\' values: this result is advisory, not an official ranking';

export interface ResultFile {
  format: 'ruang-juri/result@1';
  entries: Json[];
  stages?: { stage: string; entries: Json[]; [key: string]: Json }[];
  [key: string]: Json | undefined;
}

/** Scores a checked document into `ruang-juri/result@1` (quality figures unless `quality: false`). */
export function scoreDocument(doc: ScoringDocument, options: { quality?: boolean } = {}): ResultFile {
  const inputs = toEngineInputs(doc);
  const withQuality = options.quality ?? true;
  const qualityOptions = { outlierThreshold: doc.quality?.outlierThreshold, top: doc.quality?.top };
  const stages = inputs.stages.map((stage) => {
    const prepared = prepare(stage.input);
    const score = evaluate(prepared, stage.input.method);
    const quality = withQuality ? qualityJson(qualityFigures(prepared, stage.input.method, score, qualityOptions)) : null;
    return { stage, score, quality };
  });
  const advisory = stages.some((s) => s.stage.input.method.normalize === 'z-score') ? { advisory: ADVISORY_Z } : {};
  if (!inputs.combine) {
    const [{ stage, score, quality }] = stages;
    return {
      format: 'ruang-juri/result@1',
      method: methodJson(stage.input.method),
      ...advisory,
      entries: stageEntriesJson(score),
      ...(quality ? { quality } : {}),
      warnings: score.warnings,
    };
  }
  const combine = inputs.combine;
  const combined = combineStages(
    inputs.entries,
    stages.map((s) => ({ id: s.stage.id, weight: s.stage.weight!, score: s.score })),
    combine,
    inputs.decisions,
  );
  const decimals = new Map(stages.map((s) => [s.stage.id, s.stage.input.method.rounding.total]));
  return {
    format: 'ruang-juri/result@1',
    combine: {
      rounding: { ...combine.rounding },
      tieBreak: [...combine.tieBreak],
      description: describeCombination(combine, stages.map((s) => ({ id: s.stage.id, weight: exactText(s.stage.weight!) }))),
    },
    ...advisory,
    entries: combinedEntriesJson(combined, decimals),
    stages: stages.map(({ stage, score, quality }) => ({
      stage: stage.id,
      ...(stage.name ? { name: stage.name } : {}),
      weight: exactText(stage.weight!),
      method: methodJson(stage.input.method),
      entries: stageEntriesJson(score),
      ...(quality ? { quality } : {}),
      warnings: score.warnings,
    })),
    warnings: combined.warnings,
  };
}

/** Reads, scores and (when the file carries results) checks a scoring file's text. */
export function scoreFileText(text: string, options: { quality?: boolean } = {}): { result: ResultFile; differences: string[] | null } {
  const doc = readScoringFile(text);
  const result = scoreDocument(doc, options);
  return { result, differences: doc.results === undefined ? null : diffResults(doc.results, result) };
}
