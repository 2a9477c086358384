import { describe, expect, it } from 'vitest';
import { scoreStage, type StageScore } from '@shared/scoring';
import { stage, type StageSpec } from '../../fixtures/scoring/build';

const ranks = (score: StageScore) => score.entries.map((e) => [e.entry, e.rank, e.tie]);
const run = (spec: Partial<StageSpec> & Pick<StageSpec, 'marks'>) => scoreStage(stage({ criteria: [['c1', '0.5'], ['c2', '0.5']], ...spec }));

describe('ranking within a category and tie-break rules', () => {
  // e1 and e2 both total 80.00: e1 = (70 + 90) / 2 per juror, e2 = (90 + 70) / 2.
  const tied = { e1: { j1: [70, 90], j2: [70, 90], j3: [70, 90] }, e2: { j1: [90, 70], j2: [90, 70], j3: [90, 70] }, e3: { j1: [60, 60], j2: [60, 60], j3: [60, 60] }, e0: { j1: [99, 99], j2: [99, 99], j3: [99, 99] } };

  it('shares the rank of an unresolved tie (1, 2, 2, 4) and flags it', () => {
    const score = run({ marks: tied });
    expect(ranks(score)).toEqual([
      ['e1', 2, true],
      ['e2', 2, true],
      ['e3', 4, false],
      ['e0', 1, false],
    ]);
    expect(score.warnings).toContain('unresolved tie at rank 2 in Umum: e1, e2');
  });

  it('breaks it on a named criterion, recording the rule and the values', () => {
    const score = run({ marks: tied, method: { tieBreak: ['criterion:c2'] } });
    expect(ranks(score).slice(0, 2)).toEqual([
      ['e1', 2, false],
      ['e2', 3, false],
    ]);
    expect(score.entries[0].tieBreak).toEqual([{ rule: 'criterion:c2', tiedWith: ['e2'], value: '90', decided: true }]);
  });

  it('goes on to the next rule when one cannot separate: criterion c1 ties, the median decides', () => {
    // Juror totals e1: 70, 80, 90 (median 80); e2: 75, 75, 90 (median 75); both mean 80, both c1 mean 80.
    const score = run({
      marks: { e1: { j1: [80, 60], j2: [80, 80], j3: [80, 100] }, e2: { j1: [70, 80], j2: [80, 70], j3: [90, 90] } },
      method: { tieBreak: ['criterion:c1', 'median'] },
    });
    expect(ranks(score)).toEqual([
      ['e1', 1, false],
      ['e2', 2, false],
    ]);
    expect(score.entries[1].tieBreak.map((t) => [t.rule, t.value, t.decided])).toEqual([
      ['criterion:c1', '80', false],
      ['median', '75', true],
    ]);
  });

  it('head to head: the entry a majority of the jurors who scored both put higher', () => {
    // Totals e1: 81, 81, 78 (mean 80); e2: 80, 80, 80. Jurors j1 and j2 prefer e1 → e1 first.
    const score = run({
      marks: { e1: { j1: [81, 81], j2: [81, 81], j3: [78, 78] }, e2: { j1: [80, 80], j2: [80, 80], j3: [80, 80] } },
      method: { tieBreak: ['headToHead'] },
    });
    expect(ranks(score)).toEqual([
      ['e1', 1, false],
      ['e2', 2, false],
    ]);
    expect(score.entries[0].tieBreak[0]).toMatchObject({ rule: 'headToHead', value: 'beats 1 of 1', decided: true });
  });

  it("the chair's recorded decision, when it lists every tied entry; otherwise a warning and a shared rank", () => {
    const decided = run({ marks: tied, method: { tieBreak: ['chair'] }, decisions: [{ order: ['e2', 'e1'], note: 'pleno 9 Nov' }] });
    expect(ranks(decided).slice(0, 2)).toEqual([
      ['e1', 3, false],
      ['e2', 2, false],
    ]);
    const undecided = run({ marks: tied, method: { tieBreak: ['chair'] }, decisions: [{ order: ['e2', 'e3'] }] });
    expect(ranks(undecided).slice(0, 2)).toEqual([
      ['e1', 2, true],
      ['e2', 2, true],
    ]);
    expect(undecided.warnings).toContain('no chair decision lists all of the tied entries e1, e2');
  });

  it('ranks each category on its own and ranks on the printed total, not the unrounded one', () => {
    // e1 = 80.004, e2 = 80.001: both print 80.00, so they tie, though e1 is higher unrounded.
    const score = scoreStage(
      stage({
        criteria: [['c1', '1']],
        marks: { e1: { j1: ['80.004'] }, e2: { j1: ['80.001'] }, k1: { j1: ['50'] } },
        categories: { e1: 'Umum', e2: 'Umum', k1: 'Khusus' },
      }),
    );
    expect(ranks(score)).toEqual([
      ['e1', 1, true],
      ['e2', 1, true],
      ['k1', 1, false],
    ]);
  });
});
