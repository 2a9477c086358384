/**
 * Drawing lots, reproducibly. mulberry32 (Tommy Ettinger's 32-bit PRNG) seeded with the recorded
 * seed drives a Fisher–Yates shuffle of the entries sorted by code: anyone with the seed and the
 * list can re-run it (this file is the whole method) and get the same order.
 */

/** mulberry32: returns a generator of floats in [0, 1) from a 32-bit seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates from the last item down: item i swaps with j = floor(random · (i + 1)). */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const random = mulberry32(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The draw: codes compared as text (numeric-aware, "E2" before "E10"), then shuffled. */
export function drawOrder<T extends { code: string; id: number }>(entries: readonly T[], seed: number): T[] {
  const sorted = [...entries].sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }) || a.id - b.id);
  return seededShuffle(sorted, seed);
}

/** A 6-digit seed (100000–999999) for a draw nobody chose in advance. */
export function randomSeed(random: () => number = Math.random): number {
  return 100_000 + Math.floor(random() * 900_000);
}
