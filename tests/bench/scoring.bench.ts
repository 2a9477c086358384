/**
 * `npm run bench`: the scoring engine on a KIPP-sized stage — 3,000 entries × 7 jurors × 10 criteria
 * (210,000 marks) — beside a naive float baseline doing the same arithmetic in the same run.
 * Figures are printed, never asserted (this machine: 2 cores; the goal is < 150 ms for a full
 * recompute and < 1 s for the quality figures).
 */
import { documentFromStage, evaluate, prepare, qualityFigures, readScoringFile, scoreDocument, stageEntriesJson, writeScoringFile } from '@shared/scoring';
import { fixedText } from '@shared/scoring/text';
import { rational } from '@shared/scoring/rational';
import type { Method, ScoringMark, StageInput } from '@shared/scoring/types';

const ENTRIES = 3000;
const JURORS = 7;
const CRITERIA = 10;
const RUNS = 5;

/** Deterministic marks (mulberry32), 0–100 in steps of 0.5, a juror bias so quality figures have work. */
function makeStage(): { input: StageInput; floats: Float64Array; weights: number[] } {
  let seed = 20240613;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const weightsBp = [1000, 1500, 500, 1500, 1000, 1000, 500, 1500, 1000, 500];
  const criteria = weightsBp.map((bp, c) => ({ id: `c${c + 1}`, weight: rational(bp, 10_000), min: rational(0), max: rational(100) }));
  const jurors = Array.from({ length: JURORS }, (_, j) => ({ id: `j${j + 1}` }));
  const entries = Array.from({ length: ENTRIES }, (_, e) => ({ id: `e${e + 1}`, category: ['Umum', 'Khusus', 'Replikasi'][e % 3] }));
  const marks: ScoringMark[] = [];
  const floats = new Float64Array(ENTRIES * JURORS * CRITERIA);
  for (let e = 0; e < ENTRIES; e++) {
    const quality = 55 + random() * 35;
    for (let j = 0; j < JURORS; j++) {
      const bias = (j - 3) * 1.5;
      for (let c = 0; c < CRITERIA; c++) {
        const halfPoints = Math.max(0, Math.min(200, Math.round((quality + bias + (random() - 0.5) * 16) * 2)));
        marks.push({ entry: entries[e].id, juror: jurors[j].id, criterion: criteria[c].id, value: rational(halfPoints, 2) });
        floats[(e * JURORS + j) * CRITERIA + c] = halfPoints / 2;
      }
    }
  }
  const method: Method = {
    level: 'total',
    aggregate: 'mean',
    trim: 1,
    normalize: 'none',
    minJurors: 3,
    rounding: { aggregate: null, weighted: null, juror: null, total: 2 },
    tieBreak: ['median', 'headToHead'],
  };
  return { input: { criteria, jurors, entries, marks, conflicts: [], method }, floats, weights: weightsBp.map((bp) => bp / 10_000) };
}

/** The same computation in plain floats: weighted totals, trimmed mean, round, rank per category. */
function naiveFloat(floats: Float64Array, weights: number[], categories: string[]): { ranks: number[]; totals: Float64Array } {
  const totals = new Float64Array(ENTRIES);
  const jurorTotals = new Float64Array(JURORS);
  for (let e = 0; e < ENTRIES; e++) {
    for (let j = 0; j < JURORS; j++) {
      let t = 0;
      for (let c = 0; c < CRITERIA; c++) t += weights[c] * floats[(e * JURORS + j) * CRITERIA + c];
      jurorTotals[j] = t;
    }
    const sorted = Array.from(jurorTotals).sort((a, b) => a - b).slice(1, -1);
    totals[e] = Math.round((sorted.reduce((a, b) => a + b, 0) / sorted.length) * 100) / 100;
  }
  const ranks = new Array<number>(ENTRIES);
  for (const category of new Set(categories)) {
    const members = categories.flatMap((c, e) => (c === category ? [e] : [])).sort((a, b) => totals[b] - totals[a]);
    members.forEach((e, i) => (ranks[e] = i > 0 && totals[members[i - 1]] === totals[e] ? ranks[members[i - 1]] : i + 1));
  }
  return { ranks, totals };
}

function time<T>(run: () => T): { ms: number; value: T } {
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    value = run();
    times.push(performance.now() - start);
  }
  return { ms: times.sort((a, b) => a - b)[RUNS >> 1], value };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const row = (label: string, ms: number, note = '') => console.log(`${label.padEnd(48)} ${ms.toFixed(1).padStart(9)} ms  ${note}`);

const { input, floats, weights } = makeStage();
console.log(`Scoring bench: ${ENTRIES} entries × ${JURORS} jurors × ${CRITERIA} criteria (${input.marks.length} marks), median of ${RUNS} runs`);
console.log(`Method: level total, trimmed mean (1 at each end), totals to 2 decimals, tie-break median then head-to-head\n`);

const prepared = time(() => prepare(input));
row('read marks into exact cells (prepare)', prepared.ms);
const scored = time(() => evaluate(prepared.value, input.method));
row('score + rank + explanations (evaluate)', scored.ms);
row('full recompute (prepare + evaluate)', prepared.ms + scored.ms, 'goal < 150 ms');
const explained = time(() => stageEntriesJson(scored.value));
row('explanations as result@1 text', explained.ms);
const lean = time(() => evaluate(prepared.value, input.method, { explain: false }));
row('evaluate without explanations (used by quality)', lean.ms);
const criterionLevel = time(() => evaluate(prepared.value, { ...input.method, level: 'criterion' }));
row('evaluate at level criterion', criterionLevel.ms);
row('full recompute at level criterion', prepared.ms + criterionLevel.ms, 'goal < 150 ms');
const zScore = time(() => evaluate(prepared.value, { ...input.method, normalize: 'z-score' }));
row('evaluate with z-score normalisation', zScore.ms);
const naive = time(() => naiveFloat(floats, weights, input.entries.map((e) => e.category!)));
row('naive float baseline (same arithmetic, no explanations)', naive.ms);

const quality = time(() => qualityFigures(prepared.value, input.method, scored.value));
row('quality figures (all)', quality.ms, 'goal < 1 s');
const text = writeScoringFile(documentFromStage(input));
const fromFile = time(() => scoreDocument(readScoringFile(text), { quality: false }));
row(`from file text (${(text.length / 1024 / 1024).toFixed(1)} MB): read, validate, score, result@1`, fromFile.ms, 'what `ruang-juri score` does');

const totalsDiffer = scored.value.entries.filter((e, i) => fixedText(e.total!, 2) !== naive.value.totals[i].toFixed(2)).length;
const ranksDiffer = scored.value.entries.filter((e, i) => e.rank !== naive.value.ranks[i]).length;
console.log(`\nprinted totals that differ from the float baseline (float rounding): ${totalsDiffer}`);
console.log(`ranks that differ (mostly ties the engine breaks by median / head-to-head, which the baseline shares): ${ranksDiffer}`);
console.log(`unresolved ties: ${scored.value.entries.filter((e) => e.tie).length}, outlier marks: ${quality.value.outliers.length}`);
const usage = process.resourceUsage();
const memory = process.memoryUsage();
console.log(`peak resident memory (maxRSS): ${mb(usage.maxRSS * 1024)}; heap used now: ${mb(memory.heapUsed)}; rss now: ${mb(memory.rss)}`);
