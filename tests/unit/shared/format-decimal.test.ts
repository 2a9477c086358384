import { describe, expect, it } from 'vitest';
import { formatDecimal } from '@shared/format';

describe('formatDecimal on the engine exact text', () => {
  it('keeps the mark of a value that does not terminate, and does not pad it', () => {
    expect(formatDecimal('76.216666…', 'id')).toBe('76,216666…');
    expect(formatDecimal('-1234.333333…', 'en')).toBe('-1,234.333333…');
    expect(formatDecimal('76.216666…', 'id', 8)).toBe('76,216666…');
  });

  it('groups thousands and uses the locale decimal mark', () => {
    expect(formatDecimal('1234567.125', 'id')).toBe('1.234.567,125');
    expect(formatDecimal('-1000', 'en')).toBe('-1,000');
    expect(formatDecimal('85.4', 'id', 2)).toBe('85,40');
  });
});
