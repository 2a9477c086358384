/** gradeFor: exact grade boundaries with inclusive and exclusive bounds. */
import { describe, expect, it } from 'vitest';
import { findPreset, type GradePreset } from '@shared/presets';
import { awardFor, checkAwardBands, checkGradeBands, gradeFor, type GradeBandBounds } from '@shared/scoring/grades';
import { add, div, rational } from '@shared/scoring/rational';

const preset = (id: string) => findPreset(id) as GradePreset;
const band = (label: string, lower: string | null, lowerInclusive: boolean, upper: string | null, upperInclusive: boolean): GradeBandBounds => ({
  label,
  lower,
  lowerInclusive,
  upper,
  upperInclusive,
});

describe('gradeFor', () => {
  it('SAKIP: lower bounds are exclusive, so exactly 90 is A and 90.001 is AA', () => {
    const sakip = preset('grade.sakip');
    expect(gradeFor(sakip, '90')).toBe('A');
    expect(gradeFor(sakip, '90.001')).toBe('AA');
    expect(gradeFor(sakip, '90.0000001')).toBe('AA');
    expect(gradeFor(sakip, '80')).toBe('BB');
    expect(gradeFor(sakip, '80,001')).toBe('A');
    expect(gradeFor(sakip, '30')).toBe('D');
    expect(gradeFor(sakip, '30.001')).toBe('C');
    expect(gradeFor(sakip, '0')).toBe('D');
    expect(gradeFor(sakip, '100')).toBe('AA');
  });

  it('PEKPPP: 4.50 is A- and 4.51 is A; a value between the published bounds goes up', () => {
    const pekppp = preset('grade.pekppp');
    expect(gradeFor(pekppp, '4.50')).toBe('A-');
    expect(gradeFor(pekppp, '4.51')).toBe('A');
    expect(gradeFor(pekppp, '4.505')).toBe('A');
    expect(gradeFor(pekppp, '4.5000001')).toBe('A');
    expect(gradeFor(pekppp, '1.00')).toBe('F');
    expect(gradeFor(pekppp, '1.01')).toBe('E');
  });

  it('grades by the exact value where floating point drifts (the mean of 80.1, 80.3, 80.2 is 80.2)', () => {
    // "Baik" from exactly 80.2: the mean of 80.1, 80.2 and 80.3 is exactly 80.2, so it is "Baik".
    const scale = { bands: [band('Baik', '80.2', true, null, true), band('Cukup', null, true, '80.2', false)] };
    const floatMean = (80.1 + 80.3 + 80.2) / 3;
    expect(floatMean).not.toBe(80.2); // 80.19999999999999: graded as a float it would be "Cukup"
    expect(gradeFor(scale, String(floatMean))).toBe('Cukup');
    const exactMean = div(add(add(rational(801, 10), rational(803, 10)), rational(802, 10)), rational(3));
    expect(exactMean).toEqual(rational(802, 10));
    expect(gradeFor(scale, exactMean)).toBe('Baik');
    // The float sum drifts the other way (240.60000000000002); exactly it is 240.6, not above it.
    const sumScale = { bands: [band('Atas', '240.6', false, null, true)] };
    expect(80.1 + 80.2 + 80.3).toBeGreaterThan(240.6);
    expect(gradeFor(sumScale, add(add(rational(801, 10), rational(802, 10)), rational(803, 10)))).toBeNull();
    // A mean that does not end (250.3 / 3 = 83.4333…) compares exactly too.
    const third = div(rational(2503, 10), rational(3));
    expect(gradeFor({ bands: [band('Atas', '83.433', false, null, true)] }, third)).toBe('Atas');
    expect(gradeFor({ bands: [band('Atas', '83.434', true, null, true)] }, third)).toBeNull();
  });

  it('honours each bound kind and returns null outside every band', () => {
    const scale = { bands: [band('X', '10', true, '20', false), band('Y', '20', true, '30', true)] };
    expect(gradeFor(scale, '10')).toBe('X');
    expect(gradeFor(scale, '19.999')).toBe('X');
    expect(gradeFor(scale, '20')).toBe('Y');
    expect(gradeFor(scale, '30')).toBe('Y');
    expect(gradeFor(scale, '30.001')).toBeNull();
    expect(gradeFor(scale, '9.999')).toBeNull();
    expect(gradeFor(scale, '-15')).toBeNull();
    expect(gradeFor({ bands: [band('Negatif', null, true, '0', false)] }, '-15')).toBe('Negatif');
  });

  it('refuses text that is not a number, and an award scale', () => {
    expect(() => gradeFor(preset('grade.sakip'), '1.000,5')).toThrow(RangeError);
    expect(() => gradeFor({ kind: 'award', bands: [] }, '1')).toThrow(RangeError);
  });
});

describe('awardFor', () => {
  it('finds the award of a rank', () => {
    const scale = { bands: [{ label: 'Juara I', fromRank: 1, toRank: 1 }, { label: 'TOP 5', fromRank: 2, toRank: 5 }] };
    expect([1, 2, 5, 6].map((rank) => awardFor(scale, rank))).toEqual(['Juara I', 'TOP 5', 'TOP 5', null]);
  });
});

describe('band checks', () => {
  const issues = (check: (issue: (path: (string | number)[], message: string) => void) => void) => {
    const found: string[] = [];
    check((path, message) => found.push(`${path.join('.')} ${message}`));
    return found;
  };

  it('finds grade bands sharing a value, and only those', () => {
    expect(issues((i) => checkGradeBands([band('A', '50', true, '100', true), band('B', '0', true, '50', true)], i))).toEqual(['bands.1.lower validation.bandsOverlap']);
    expect(issues((i) => checkGradeBands([band('A', '50', false, '100', true), band('B', '0', true, '50', true)], i))).toEqual([]);
    // An unbounded band contains everything after its bound.
    expect(issues((i) => checkGradeBands([band('A', null, true, '10', true), band('B', '5', true, '8', true)], i))).toEqual(['bands.1.lower validation.bandsOverlap']);
    expect(issues((i) => checkGradeBands([band('A', '5', false, '5', true)], i))).toEqual(['bands.0.upper validation.maxBelowMin']);
    expect(issues((i) => checkGradeBands([band('A', '5', true, '5', true)], i))).toEqual([]);
    expect(issues((i) => checkGradeBands([band('A', '6', true, '5', true)], i))).toEqual(['bands.0.upper validation.maxBelowMin']);
    expect(issues((i) => checkGradeBands([band('A', '5.0001', true, '6', true)], i))).toEqual(['bands.0.lower validation.decimal']);
  });

  it('finds award ranks in two bands and reversed ranks', () => {
    expect(issues((i) => checkAwardBands([{ label: 'A', fromRank: 1, toRank: 3 }, { label: 'B', fromRank: 4, toRank: 6 }], i))).toEqual([]);
    expect(issues((i) => checkAwardBands([{ label: 'A', fromRank: 1, toRank: 3 }, { label: 'B', fromRank: 2, toRank: 2 }], i))).toEqual([
      'bands.1.fromRank validation.bandsOverlap',
    ]);
    expect(issues((i) => checkAwardBands([{ label: 'A', fromRank: 3, toRank: 1 }], i))).toEqual(['bands.0.toRank validation.maxBelowMin']);
  });
});
