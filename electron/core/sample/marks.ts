/**
 * Deterministic, believable marks for the sample: each entry has an underlying quality, each juror
 * a severity, each mark a little noise; the same seed always gives the same marks.
 */

/** mulberry32: a tiny, well-known seeded generator; good enough for sample data, not for security. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** marks[entry][juror][criterion] as whole numbers in 0–100. */
export function sampleMarks(entries: number, jurors: number, criteria: number, seed = 2026): number[][][] {
  const random = seededRandom(seed);
  const quality = Array.from({ length: entries }, () => 62 + random() * 30);
  const severity = Array.from({ length: jurors }, () => (random() - 0.5) * 8);
  return quality.map((q) =>
    severity.map((s) =>
      Array.from({ length: criteria }, () => Math.max(0, Math.min(100, Math.round(q + s + (random() - 0.5) * 12)))),
    ),
  );
}
