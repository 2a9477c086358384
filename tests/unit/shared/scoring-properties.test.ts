import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreStage, type Method, type ScoringMark, type StageInput, type StageScore } from '@shared/scoring';
import { aggregateSorted, trim } from '@shared/scoring/aggregate';
import { add, compare, div, rational, sub, type Rational } from '@shared/scoring/rational';
import { exactText, fixedText, parseDecimal } from '@shared/scoring/text';
import { d, method } from '../../fixtures/scoring/build';

/** A mark 0–100 with at most one decimal, as text. */
const markText = fc.integer({ min: 0, max: 1000 }).map((tenths) => `${Math.floor(tenths / 10)}.${tenths % 10}`);

interface Drawn {
  jurors: number;
  criteria: string[];
  entries: number;
  /** [entry][juror] → marks per criterion, or null when the juror is absent or conflicted. */
  sheets: (string[] | null)[][];
  conflicts: [number, number][];
}

const drawn: fc.Arbitrary<Drawn> = fc
  .record({
    jurors: fc.integer({ min: 3, max: 6 }),
    criteria: fc.array(fc.constantFrom('0.1', '0.15', '0.2', '0.25', '0.3', '0.5', '1.67'), { minLength: 1, maxLength: 3 }),
    entries: fc.integer({ min: 2, max: 6 }),
  })
  .chain(({ jurors, criteria, entries }) =>
    fc.record({
      jurors: fc.constant(jurors),
      criteria: fc.constant(criteria),
      entries: fc.constant(entries),
      sheets: fc.array(fc.array(fc.option(fc.array(markText, { minLength: criteria.length, maxLength: criteria.length }), { freq: 6 }), { minLength: jurors, maxLength: jurors }), {
        minLength: entries,
        maxLength: entries,
      }),
      conflicts: fc.array(fc.tuple(fc.nat(entries - 1), fc.nat(jurors - 1)), { maxLength: 2 }),
    }),
  );

const drawnMethod: fc.Arbitrary<Method> = fc
  .record({
    level: fc.constantFrom('criterion' as const, 'total' as const),
    aggregate: fc.constantFrom('mean' as const, 'sum' as const, 'median' as const),
    trim: fc.integer({ min: 0, max: 1 }),
    normalize: fc.constantFrom('none' as const, 'z-score' as const),
    rounded: fc.option(fc.integer({ min: 0, max: 3 })),
    total: fc.integer({ min: 0, max: 4 }),
    tieBreak: fc.subarray(['median', 'headToHead', 'criterion:c1']),
  })
  .map(({ level, rounded, total, ...rest }) =>
    method({
      ...rest,
      level,
      rounding: { aggregate: level === 'criterion' ? rounded : null, weighted: rounded, juror: level === 'total' ? rounded : null, total },
    }),
  );

function toInput(x: Drawn, m: Method, shift: { juror: number; by: string } | null = null): StageInput {
  const marks: ScoringMark[] = [];
  x.sheets.forEach((row, e) =>
    row.forEach((sheet, j) =>
      sheet?.forEach((value, c) => {
        const v = shift && shift.juror === j ? add(d(value), d(shift.by)) : d(value);
        marks.push({ entry: `e${e}`, juror: `j${j}`, criterion: `c${c + 1}`, value: v });
      }),
    ),
  );
  return {
    criteria: x.criteria.map((w, c) => ({ id: `c${c + 1}`, weight: d(w) })),
    jurors: Array.from({ length: x.jurors }, (_, j) => ({ id: `j${j}` })),
    entries: Array.from({ length: x.entries }, (_, e) => ({ id: `e${e}`, category: e % 2 ? 'A' : 'B' })),
    marks,
    conflicts: x.conflicts.map(([e, j]) => ({ entry: `e${e}`, juror: `j${j}` })),
    method: m,
  };
}

/** What a result says about each entry, independent of listing order. */
const summary = (score: StageScore) =>
  Object.fromEntries(
    score.entries.map((e) => [
      e.entry,
      {
        rank: e.rank,
        tie: e.tie,
        total: e.totalExact && exactText(e.totalExact),
        counted: [...e.counted].sort(),
        criteria: e.criteria?.map((c) => [exactText(c.aggregate), exactText(c.weighted), [...c.kept].sort(), [...c.dropped].sort()]),
        aggregate: e.aggregate && [[...e.aggregate.kept].sort(), [...e.aggregate.dropped].sort()],
        tieBreak: e.tieBreak.map((t) => [t.rule, [...t.tiedWith].sort(), t.decided]),
      },
    ]),
  );

const shuffled = <T>(items: readonly T[], seed: number): T[] => {
  const out = [...items];
  let s = seed || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 16807) % 2147483647;
    const k = s % (i + 1);
    [out[i], out[k]] = [out[k], out[i]];
  }
  return out;
};

describe('properties of the engine', () => {
  it('gives the same result whatever the order of jurors, entries and marks', () => {
    fc.assert(
      fc.property(drawn, drawnMethod, fc.integer({ min: 1, max: 1_000_000 }), (x, m, seed) => {
        const input = toInput(x, m);
        const reordered = { ...input, jurors: shuffled(input.jurors, seed), entries: shuffled(input.entries, seed + 1), marks: shuffled(input.marks, seed + 2) };
        expect(summary(scoreStage(reordered))).toEqual(summary(scoreStage(input)));
      }),
      { numRuns: 150 },
    );
  });

  it('trim 0 is the plain aggregate: mean Σ/n, sum Σ, median the middle', () => {
    fc.assert(
      fc.property(fc.array(markText, { minLength: 1, maxLength: 9 }), (texts) => {
        const values = texts.map((t, i) => ({ juror: `j${i}`, value: d(t).num * (10n / d(t).den) }));
        const exact = texts.map(d);
        const { kept, dropped } = trim(values, 0);
        expect(dropped).toEqual([]);
        const total = exact.reduce(add, rational(0));
        expect(compare(aggregateSorted('sum', kept, 10n), total)).toBe(0);
        expect(compare(aggregateSorted('mean', kept, 10n), div(total, rational(exact.length)))).toBe(0);
        const sorted = [...exact].sort(compare);
        const n = sorted.length;
        const median = n % 2 ? sorted[(n - 1) / 2] : div(add(sorted[n / 2 - 1], sorted[n / 2]), rational(2));
        expect(compare(aggregateSorted('median', kept, 10n), median)).toBe(0);
      }),
    );
  });

  it('z-score: a juror shifting every mark by a constant changes no difference between entries', () => {
    const complete = drawn.map((x) => ({ ...x, sheets: x.sheets.map((row) => row.map((s) => s ?? x.criteria.map(() => '50.0'))), conflicts: [] as [number, number][] }));
    fc.assert(
      fc.property(complete, fc.constantFrom<'criterion' | 'total'>('criterion', 'total'), fc.nat(5), fc.integer({ min: -200, max: 200 }), (x, level, j, tenths) => {
        const m = method({ level, normalize: 'z-score', rounding: { aggregate: null, weighted: null, juror: null, total: 2 } });
        const juror = j % x.jurors;
        const by = exactText(rational(tenths, 10));
        const before = scoreStage(toInput(x, m)).entries;
        const after = scoreStage(toInput(x, m, { juror, by })).entries;
        const gaps = (entries: typeof before) => entries.map((e) => exactText(sub(e.totalExact!, entries[0].totalExact!)));
        expect(gaps(after)).toEqual(gaps(before));
      }),
      { numRuns: 100 },
    );
  });

  it('is exact: a juror total equals Σ weight × mark done on the decimal digits, rounded half-up', () => {
    const decimal = (maxScale: number) =>
      fc.tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: maxScale })).map(([n, scale]) => {
        const digits = String(n).padStart(scale + 1, '0');
        return scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
      });
    fc.assert(
      fc.property(fc.array(fc.tuple(decimal(3), decimal(4)), { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 4 }), (pairs, decimals) => {
        // Oracle: integers from the digits, scaled to 10^-7 (3 + 4 decimals), summed, rounded half-up.
        const scaled = pairs.reduce((acc, [w, m]) => {
          const [wi, wf = ''] = w.split('.');
          const [mi, mf = ''] = m.split('.');
          return acc + BigInt(wi + wf.padEnd(3, '0')) * BigInt(mi + mf.padEnd(4, '0'));
        }, 0n);
        const unit = 10n ** BigInt(7 - decimals);
        const rounded = (scaled + unit / 2n) / unit;
        const expected = decimals ? `${rounded / 10n ** BigInt(decimals)}.${String(rounded % 10n ** BigInt(decimals)).padStart(decimals, '0')}` : String(rounded);
        const input: StageInput = {
          criteria: pairs.map(([w], c) => ({ id: `c${c}`, weight: parseDecimal(w)! })),
          jurors: [{ id: 'j' }],
          entries: [{ id: 'e', category: null }],
          marks: pairs.map(([, m], c) => ({ entry: 'e', juror: 'j', criterion: `c${c}`, value: parseDecimal(m)! })),
          conflicts: [],
          method: method({ rounding: { aggregate: null, weighted: null, juror: null, total: decimals } }),
        };
        expect(fixedText(scoreStage(input).entries[0].total!, decimals)).toBe(expected);
      }),
    );
  });

  it('is exact: the mean of n equal totals is that total, for any n and any decimal', () => {
    fc.assert(
      fc.property(markText, fc.integer({ min: 1, max: 12 }), (mark, n) => {
        const marks = Object.fromEntries(Array.from({ length: n }, (_, j) => [`j${j}`, [mark, mark, mark]]));
        const input = toInput(
          { jurors: n, criteria: ['0.1', '0.2', '0.7'], entries: 1, sheets: [Object.values(marks).map((m) => m as string[])], conflicts: [] },
          method({ rounding: { aggregate: null, weighted: null, juror: null, total: 6 } }),
        );
        const total: Rational = scoreStage(input).entries[0].totalExact!;
        expect(compare(total, d(mark))).toBe(0);
      }),
    );
  });
});
