import { describe, expect, it } from 'vitest';
import { scoreStage, type EntryScore } from '@shared/scoring';
import { trim } from '@shared/scoring/aggregate';
import { exactText, fixedText } from '@shared/scoring/text';
import { stage } from '../../fixtures/scoring/build';

const printed = (e: EntryScore, decimals = 2) => (e.total ? fixedText(e.total, decimals) : null);
const byId = (entries: EntryScore[], id: string) => entries.find((e) => e.entry === id)!;

describe('trimming', () => {
  it('drops exactly one copy of the highest and of the lowest per k, even when values tie', () => {
    const values = [9, 9, 8, 7, 7].map((v, i) => ({ juror: `j${i + 1}`, value: BigInt(v) }));
    const { kept, dropped } = trim(values, 1);
    expect(kept.map((v) => v.value)).toEqual([7n, 8n, 9n]);
    // Among equal values the dropped copy is decided by juror id: j4 of the two 7s, j2 of the two 9s.
    expect(dropped.map((v) => v.juror)).toEqual(['j4', 'j2']);
    expect(() => trim(values.slice(0, 2), 1)).toThrow(/more than 2/);
  });
});

describe('published diving examples (sum of the middle marks × degree of difficulty)', () => {
  const dive = (marks: string[], dd: string, trimK: number) =>
    scoreStage(
      stage({
        criteria: [['execution', dd]],
        marks: { dive: Object.fromEntries(marks.map((m, i) => [`judge${i + 1}`, [m]])) },
        method: { level: 'criterion', aggregate: 'sum', trim: trimK },
      }),
    ).entries[0];

  it('wikiHow "Calculate Diving Scores": 6.5 7.0 7.0 7.5 7.5 8.0 8.0, DD 2.8 → 22.0 × 2.8 = 61.6', () => {
    // Source: wikiHow, "How to Calculate Diving Scores" (seven judges: cross out the two highest and
    // the two lowest; 7.0 + 7.5 + 7.5 = 22.0; inward 2½ somersault pike, DD 2.8; 22.0 × 2.8 = 61.6).
    const e = dive(['6.5', '7.0', '7.0', '7.5', '7.5', '8.0', '8.0'], '2.8', 2);
    expect(exactText(e.criteria![0].aggregate)).toBe('22');
    expect(printed(e)).toBe('61.60');
    // One of the two 7.0s is kept and one dropped: exactly one copy per end.
    expect(e.criteria![0].dropped.sort()).toEqual(['judge1', 'judge2', 'judge6', 'judge7']);
  });

  it('World Aquatics rule summary: 7.5 7.0 7.5 7.0 7.5 8.0 6.5, DD 3.0 → 22.0 × 3.0 = 66.0', () => {
    // Source: opensourcesports.io, "Diving (World Aquatics) — 6.2 Individual Score Calculation":
    // drop 8.0, 7.5 (high) and 6.5, 7.0 (low); 7.5 + 7.0 + 7.5 = 22.0; DD 3.0 → 66.0.
    const e = dive(['7.5', '7.0', '7.5', '7.0', '7.5', '8.0', '6.5'], '3.0', 2);
    expect(printed(e)).toBe('66.00');
  });

  it('older FINA rule (drop the highest and lowest of seven, × DD × 0.6): 8 7 7 7 7 7 6.5, DD 2.0 → 42', () => {
    // Source: Straight Dope message board, "Scoring Olympic diving" (quoting the rule: the highest and
    // lowest of the seven scores are discarded, the rest summed, × DD, × 0.6). 35 × 2.0 × 0.6 = 42.
    const e = dive(['8', '7', '7', '7', '7', '7', '6.5'], '1.2', 1);
    expect(exactText(e.criteria![0].aggregate)).toBe('35');
    expect(printed(e)).toBe('42.00');
  });
});

describe('levels, aggregates and rounding points', () => {
  const two = (method: Parameters<typeof stage>[0]['method']) =>
    scoreStage(
      stage({
        criteria: [['c1', '0.5'], ['c2', '0.5']],
        marks: { e1: { j1: [80, 90], j2: [80, 90], j3: [81, 91] } },
        method,
      }),
    ).entries[0];

  it('rounds where the method says, and the total is what the rounded parts add up to', () => {
    // Aggregates: c1 = 241/3 = 80.333…, c2 = 271/3 = 90.333…
    expect(printed(two({ level: 'criterion' }))).toBe('85.33'); // 85.333… → 85.33
    expect(printed(two({ level: 'criterion', rounding: { aggregate: 0, weighted: null, juror: null, total: 2 } }))).toBe('85.00'); // 80 + 90
    expect(printed(two({ level: 'criterion', rounding: { aggregate: 1, weighted: null, juror: null, total: 2 } }))).toBe('85.30'); // (80.3 + 90.3) / 2
    // Weighted rounded to 1 decimal: 40.1666… → 40.2 and 45.1666… → 45.2; 85.4.
    const weighted = two({ level: 'criterion', rounding: { aggregate: null, weighted: 1, juror: null, total: 2 } });
    expect(printed(weighted)).toBe('85.40');
    expect(weighted.criteria!.map((c) => [exactText(c.weightedExact), exactText(c.weighted)])).toEqual([
      ['40.166667…', '40.2'],
      ['45.166667…', '45.2'],
    ]);
  });

  it('at level total rounds each juror sheet as printed: weight × mark, then the juror total', () => {
    // One juror, weights 0.25 / 0.75, marks 81 / 83: 20.25 + 62.25 = 82.5.
    const sheet = (rounding: { weighted: number | null; juror: number | null }) =>
      scoreStage(
        stage({
          criteria: [['c1', '0.25'], ['c2', '0.75']],
          marks: { e1: { j1: [81, 83] } },
          method: { level: 'total', rounding: { aggregate: null, total: 2, ...rounding } },
        }),
      ).entries[0];
    expect(printed(sheet({ weighted: null, juror: null }))).toBe('82.50');
    expect(printed(sheet({ weighted: 0, juror: null }))).toBe('82.00'); // 20 + 62
    expect(printed(sheet({ weighted: null, juror: 0 }))).toBe('83.00'); // 82.5 → 83
    expect(sheet({ weighted: 0, juror: null }).jurorWeighted!.get('j1')!.map(exactText)).toEqual(['20', '62']);
  });

  it('aggregates across jurors: mean, sum and median (even count: the mean of the middle two)', () => {
    const marks = { e1: { j1: [80], j2: [84], j3: [86], j4: [90] } };
    const run = (aggregate: 'mean' | 'sum' | 'median', level: 'total' | 'criterion') =>
      printed(scoreStage(stage({ criteria: [['c1', '1']], marks, method: { aggregate, level } })).entries[0]);
    expect(run('mean', 'total')).toBe('85.00');
    expect(run('median', 'total')).toBe('85.00'); // (84 + 86) / 2
    expect(run('sum', 'criterion')).toBe('340.00');
  });

  it('criterion and total levels differ with a median, as the method is part of the result', () => {
    // Criterion medians: c1 median(60, 70, 90) = 70; c2 median(90, 70, 60) = 70 → 0.5·70 + 0.5·70 = 70.
    // Juror totals: 75, 70, 75 → median 75.
    const marks = { e1: { j1: [60, 90], j2: [70, 70], j3: [90, 60] } };
    const run = (level: 'total' | 'criterion') =>
      printed(scoreStage(stage({ criteria: [['c1', '0.5'], ['c2', '0.5']], marks, method: { aggregate: 'median', level } })).entries[0]);
    expect(run('criterion')).toBe('70.00');
    expect(run('total')).toBe('75.00');
  });
});

describe('conflicts, absences and the minimum number of jurors', () => {
  const run = () =>
    scoreStage(
      stage({
        criteria: [['c1', '0.5'], ['c2', '0.5']],
        marks: {
          e1: { j1: [80, 80], j2: [70, 90], j3: [60, null] },
          e2: { j1: [70, 70], j2: [75, 75], j3: [72, 74] },
        },
        conflicts: [['e1', 'j2']],
        method: { minJurors: 2 },
      }),
    );

  it('excludes a conflicted juror and a partial sheet, each with a warning, and leaves the entry unranked', () => {
    const { entries, warnings } = run();
    const e1 = byId(entries, 'e1');
    expect(e1.counted).toEqual(['j1']);
    expect(e1.excluded).toEqual([
      { juror: 'j2', reason: 'conflict' },
      { juror: 'j3', reason: 'incomplete-sheet' },
    ]);
    expect([e1.status, e1.rank, e1.total]).toEqual(['incomplete', null, null]);
    expect(e1.reason).toMatch(/1 counted juror; the method needs at least 2/);
    expect(warnings.join('\n')).toMatch(/juror j2 for entry e1 are excluded: the juror has a conflict/);
    expect(warnings.join('\n')).toMatch(/juror j3 marked 1 of 2 criteria for entry e1/);
  });

  it('ranks what is complete: (70 + 75 + 73) / 3 = 72.666… → 72.67, rank 1', () => {
    const e2 = byId(run().entries, 'e2');
    expect([e2.rank, printed(e2), exactText(e2.totalExact!)]).toEqual([1, '72.67', '72.666667…']);
  });

  it('needs more than 2k jurors to trim k at each end', () => {
    const e = scoreStage(stage({ criteria: [['c1', '1']], marks: { e1: { j1: [1], j2: [2] } }, method: { trim: 1 } })).entries[0];
    expect(e.status).toBe('incomplete');
    expect(e.reason).toMatch(/at least 3/);
  });
});
