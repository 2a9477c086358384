import { describe, expect, it } from 'vitest';
import { scoreStage } from '@shared/scoring';
import { gradeFor } from '@shared/scoring/grades';
import { exactText, fixedText } from '@shared/scoring/text';
import { gradePresets } from '@shared/presets/grades';
import { stage } from '../../fixtures/scoring/build';

/** KIPP 2023 proposal weights (DOMAIN.md): 10, 15, 5, 30, 20, 5, 15 %. */
const KIPP = ['0.10', '0.15', '0.05', '0.30', '0.20', '0.05', '0.15'];
const criteria = KIPP.map((w, i): [string, string] => [`c${i + 1}`, w]);
const floatTotal = (marks: number[]) => marks.reduce((acc, m, i) => acc + Number(KIPP[i]) * m, 0);
const sakip = gradePresets.find((p) => p.id === 'grade.sakip')!;

describe('where binary floating point goes wrong and the engine does not', () => {
  it('does not cross a grade boundary: a total of exactly 90 is SAKIP "A", not "AA"', () => {
    // 0.10·97 + 0.15·100 + 0.05·85 + 0.30·85 + 0.20·81 + 0.05·93 + 0.15·98
    //  = 9.7 + 15 + 4.25 + 25.5 + 16.2 + 4.65 + 14.7 = 90 exactly.
    const marks = [97, 100, 85, 85, 81, 93, 98];
    expect(floatTotal(marks)).toBe(90.00000000000001);
    expect(gradeFor(sakip, String(floatTotal(marks)))).toBe('AA'); // what a float recap would print
    const e = scoreStage(stage({ criteria, marks: { e1: { j1: marks } }, method: { rounding: { aggregate: null, weighted: null, juror: null, total: 4 } } })).entries[0];
    expect(exactText(e.totalExact!)).toBe('90');
    expect(gradeFor(sakip, e.totalExact!)).toBe('A');
  });

  it('does not break a tie: two sheets worth exactly 86.85 each stay tied', () => {
    // A: 8.4 + 14.25 + 4.45 + 24.9 + 16 + 4.15 + 14.7 = 86.85; B: 9.3 + 14.1 + 4.85 + 24.3 + 17 + 5 + 12.3 = 86.85.
    const a = [84, 95, 89, 83, 80, 83, 98];
    const b = [93, 94, 97, 81, 85, 100, 82];
    expect(floatTotal(a)).toBeGreaterThan(floatTotal(b)); // 86.85000000000001 > 86.85: floats rank A first
    const score = scoreStage(stage({ criteria, marks: { A: { j1: a }, B: { j1: b } }, method: { rounding: { aggregate: null, weighted: null, juror: null, total: 6 } } }));
    expect(score.entries.map((e) => [e.rank, e.tie, fixedText(e.total!, 6)])).toEqual([
      [1, true, '86.850000'],
      [1, true, '86.850000'],
    ]);
  });

  it('rounds half-up on the exact value: 80.075 prints 80.08, where a float recap prints 80.07', () => {
    // 0.25·80 + 0.75·80.1 = 20 + 60.075 = 80.075 exactly; in floats it is 80.07499999999999.
    const float = 0.25 * 80 + 0.75 * 80.1;
    expect(float.toFixed(2)).toBe('80.07');
    expect(Math.round(float * 100) / 100).toBe(80.07);
    const e = scoreStage(stage({ criteria: [['c1', '0.25'], ['c2', '0.75']], marks: { e1: { j1: ['80', '80.1'], j2: ['80', '80.1'] } } })).entries[0];
    expect(exactText(e.totalExact!)).toBe('80.075');
    expect(fixedText(e.total!, 2)).toBe('80.08');
  });
});
