import { describe, expect, it } from 'vitest';
import { milliToText, parseMilli, parsePercentToBasisPoints, scaledToText } from '@shared/domain/decimal';
import { formatDecimal } from '@shared/format';

describe('exact decimals', () => {
  it('reads Indonesian and English decimal text into integers without a float', () => {
    expect(parseMilli('85,5')).toBe(85_500);
    expect(parseMilli('85.125')).toBe(85_125);
    expect(parseMilli(' 0,1 ')).toBe(100);
    expect(parsePercentToBasisPoints('12,5')).toBe(1_250);
    expect(parsePercentToBasisPoints(30)).toBe(3_000);
  });

  it('refuses what is not a plain number or is more precise than stored', () => {
    for (const text of ['', 'abc', '1.000,5', '85.1234', '1e3', '--1', '٨٥']) expect(parseMilli(text)).toBeNull();
  });

  it('writes integers back as canonical or fixed text', () => {
    expect(milliToText(85_500)).toBe('85.5');
    expect(milliToText(-250)).toBe('-0.25');
    expect(scaledToText(8150n, 2, true)).toBe('81.50');
  });

  it('formats for people in Indonesian or English, exactly, grouping thousands', () => {
    expect(formatDecimal('85.4', 'id', 2)).toBe('85,40');
    expect(formatDecimal('1234567.5', 'id')).toBe('1.234.567,5');
    expect(formatDecimal('1234567.5', 'en', 2)).toBe('1,234,567.50');
    // A value past float precision keeps every digit.
    expect(formatDecimal('9007199254740993.01', 'id')).toBe('9.007.199.254.740.993,01');
  });
});
