import { describe, expect, it } from 'vitest';
import { decimalInputText, formatPercentBp, formatRange } from '@shared/format';
import { checkMark } from '../../renderer/src/lib/marks';
import { newOpId } from '../../renderer/src/lib/opId';
import { pairingUrl } from '../../renderer/src/lib/links';

describe('renderer formatting helpers', () => {
  it('gives canonical decimals back as typed text, without grouping', () => {
    expect(decimalInputText('85.5', 'id')).toBe('85,5');
    expect(decimalInputText('1234.25', 'id')).toBe('1234,25');
    expect(decimalInputText('85.5', 'en')).toBe('85.5');
    expect(decimalInputText('90', 'id')).toBe('90');
  });

  it('formats basis points as percentages and scales per locale', () => {
    expect(formatPercentBp(3158, 'id')).toBe('31,58%');
    expect(formatPercentBp(1250, 'en')).toBe('12.5%');
    expect(formatPercentBp(10_000, 'id')).toBe('100%');
    expect(formatRange('0', '100', 'id')).toBe('0–100');
    expect(formatRange('1', '4.5', 'id')).toBe('1–4,5');
  });
});

describe('mark check', () => {
  const scale = { min: '0', max: '100', step: '0.5' };
  it('accepts in-scale marks on the step, with either decimal separator', () => {
    for (const ok of ['0', '100', '85,5', '85.5', ' 70 ', '']) expect(checkMark(ok, scale), ok).toBeNull();
  });
  it('names the problem otherwise', () => {
    expect(checkMark('100,5', scale)).toBe('range');
    expect(checkMark('-1', scale)).toBe('range');
    expect(checkMark('85,25', scale)).toBe('step');
    expect(checkMark('1.000,5', scale)).toBe('decimal');
    expect(checkMark('abc', scale)).toBe('decimal');
    expect(checkMark('3', { min: '1', max: '5', step: '2' })).toBeNull();
    expect(checkMark('2', { min: '1', max: '5', step: '2' })).toBe('step');
  });
});

describe('operation ids and pairing links', () => {
  it('makes distinct ids the contract accepts', () => {
    const ids = new Set(Array.from({ length: 200 }, newOpId));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });
  it('prefers the URL the core gives, else builds one on this page', () => {
    const here = { origin: 'http://10.0.0.5:5199', pathname: '/' };
    expect(pairingUrl({ token: 'abc', url: 'http://x/#/pair?t=abc' }, here)).toBe('http://x/#/pair?t=abc');
    expect(pairingUrl({ token: 'abc_-9', url: null }, here)).toBe('http://10.0.0.5:5199/#/pair?t=abc_-9');
  });
});
