import { describe, expect, it } from 'vitest';
import { compare, isqrt, rational, roundToScaled, sqrtTo } from '@shared/scoring/rational';
import { exactText, fixedText, parseDecimal, pointText } from '@shared/scoring/text';
import { parseExactJson, stringifyExact } from '@shared/scoring/file/json';

describe('exact decimal text', () => {
  it('reads decimals exactly, including forms a float cannot hold', () => {
    expect(parseDecimal('0.1')).toEqual({ num: 1n, den: 10n });
    expect(parseDecimal('-85.125')).toEqual({ num: -85125n, den: 1000n });
    expect(compare(parseDecimal('2.5e1')!, rational(25))).toBe(0);
    expect(compare(parseDecimal('1.5E-2')!, rational(3, 200))).toBe(0);
    // 0.1 + 0.2 is exactly 0.3 here.
    const sum = { num: 1n * 10n + 2n * 10n, den: 100n };
    expect(compare(sum, parseDecimal('0.3')!)).toBe(0);
    // 20 significant digits survive; a float keeps about 17.
    expect(exactText(parseDecimal('12345678901.123456789')!)).toBe('12345678901.123456789');
    for (const bad of ['', '1,5', '1.', '.5', 'abc', '1e', '0x10', 'NaN', 'Infinity']) expect(parseDecimal(bad)).toBeNull();
  });

  it('prints terminating values exactly and others to 6 decimals marked with an ellipsis', () => {
    expect(exactText(rational(1, 3))).toBe('0.333333…');
    expect(exactText(rational(2, 3))).toBe('0.666667…');
    expect(exactText(rational(-1, 7))).toBe('-0.142857…');
    expect(exactText(rational(17, 8))).toBe('2.125');
    expect(exactText(rational(141903375, 10_000_000))).toBe('14.1903375');
    expect(exactText(rational(90))).toBe('90');
  });

  it('rounds half up (away from zero) to exactly the configured decimals', () => {
    expect(fixedText(rational(85125, 1000), 2)).toBe('85.13');
    expect(fixedText(rational(-85125, 1000), 2)).toBe('-85.13');
    expect(fixedText(rational(851249, 10000), 2)).toBe('85.12');
    expect(fixedText(rational(86), 2)).toBe('86.00');
    expect(fixedText(rational(1, 3), 0)).toBe('0');
    expect(pointText(rational(1, 3), null)).toBe('0.333333…');
    expect(pointText(rational(1, 3), 3)).toBe('0.333');
    expect(roundToScaled(rational(5, 1000), 2)).toBe(1n);
  });

  it('takes square roots on integers, the same on every machine', () => {
    expect(isqrt(0n)).toBe(0n);
    expect(isqrt(15n)).toBe(3n);
    expect(isqrt(16n)).toBe(4n);
    expect(isqrt(10n ** 40n)).toBe(10n ** 20n);
    expect(isqrt(10n ** 40n - 1n)).toBe(10n ** 20n - 1n);
    // √2 = 1.41421356237309504880…, truncated.
    expect(exactText(sqrtTo(rational(2), 12))).toBe('1.414213562373');
    expect(exactText(sqrtTo(rational(9, 4), 3))).toBe('1.5');
  });

  it('reads JSON numbers as their exact text and writes rationals back as JSON numbers', () => {
    const parsed = parseExactJson('{"a": 0.1, "b": [85.125, -2, 1e2], "c": "0.5", "d": true, "e": null, "s": "x\\"1.5"}');
    expect(parsed).toEqual({ a: '0.1', b: ['85.125', '-2', '1e2'], c: '0.5', d: true, e: null, s: 'x"1.5' });
    expect(stringifyExact({ w: rational(3, 10), v: [rational(85125, 1000)] })).toBe('{\n  "w": 0.3,\n  "v": [\n    85.125\n  ]\n}');
    expect(() => stringifyExact({ w: rational(1, 3) })).toThrow(/no finite decimal/);
    expect(() => parseExactJson('{"a": 1,}')).toThrow(/not valid JSON/);
  });
});
