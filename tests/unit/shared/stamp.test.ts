import { describe, expect, it } from 'vitest';
import { encodeVerifyText, parseVerifyText, type DocumentStamp } from '@shared/documents/stamp';

const stamp: DocumentStamp = {
  kind: 'berita-acara',
  number: '007/BA/RJ-KIPP/XI/2026',
  competitionId: 3,
  stageId: 12,
  version: 2,
  hash: 'ab'.repeat(32),
};

describe('document stamp text (QR code and PDF metadata)', () => {
  it('reads back exactly what was written, including a number with slashes and spaces', () => {
    const odd = { ...stamp, number: '12 / A&B ?=x' };
    expect(parseVerifyText(encodeVerifyText(odd))).toEqual(odd);
    expect(parseVerifyText(`  ${encodeVerifyText(stamp)}\n`)).toEqual(stamp);
  });

  it('keeps a provisional document (no hash, version 0) and a setup sheet without a stage', () => {
    const provisional = { ...stamp, kind: 'setup' as const, stageId: null, version: 0, hash: null };
    expect(parseVerifyText(encodeVerifyText(provisional))).toEqual(provisional);
  });

  it('refuses texts that are not ours or are damaged', () => {
    const good = encodeVerifyText(stamp);
    expect(parseVerifyText('https://example.org/?kind=recap')).toBeNull();
    expect(parseVerifyText(good.replace('v=1', 'v=2'))).toBeNull();
    expect(parseVerifyText(good.replace('kind=berita-acara', 'kind=invoice'))).toBeNull();
    expect(parseVerifyText(good.replace('ab'.repeat(32), 'ab'.repeat(31)))).toBeNull();
    expect(parseVerifyText(good.replace('c=3', 'c=x'))).toBeNull();
  });
});
