import { describe, expect, it } from 'vitest';
import { scoreStage } from '@shared/scoring';
import { skatingPlaces } from '@shared/scoring/skating';
import { stage } from '../../fixtures/scoring/build';

/**
 * Known answers: the examples "Beispiel B" (one dance) and "Beispiel P" (five dances) that the
 * dancesport scrutineering library jUdge (Hanno Fellmann, github.com/fellmann/jUdge,
 * test/de/fellmann/judge/skating/CalculatorTest.java) checks its Skating System against: 6 couples,
 * 5 judges, each couple's string holding the 5 judges' placements. Every expected place below was
 * also worked by hand with rules 5–8 (majority 3 of 5); the working is in the comments.
 */
const rows = (couples: string) =>
  couples.split(',').map((marks, i) => ({ entry: `C${i + 1}`, placements: [...marks].map(Number) }));
const places = (couples: string) => skatingPlaces(rows(couples)).map((p) => Number(p.place.num) / Number(p.place.den));
const rules = (couples: string) => skatingPlaces(rows(couples)).map((p) => p.rule);

describe('Skating System, rules 5–8', () => {
  it('Beispiel B: a majority of firsts beats a better average (rules 5 and 6)', () => {
    // C1 1,1,1,4,4 (mean 2.2) vs C2 3,2,2,1,1 (mean 1.8): column 1, only C1 has 3 firsts → 1st (rule 5).
    // Column 2: C2 has 4, C3 (2,5,5,2,2) has 3 → C2 2nd, C3 3rd (rule 6). Column 3: no majority left.
    // Column 4: C4 (4,3,4,5,3) has 4, C5 (5,4,3,3,5) has 3 → C4 4th, C5 5th (rule 6); C6 6th.
    expect(places('11144,32211,25522,43453,54335,66666')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rules('11144,32211,25522,43453,54335,66666')).toEqual([5, 6, 6, 6, 6, 5]);
  });

  it('Beispiel P dance 1: equal majorities go to the lower sum (rule 7a)', () => {
    // Column 2: C1 (2,2,5,2,5) 3 marks summing 6, C4 (1,1,2,5,3) 3 marks summing 4 → C4 1st, C1 2nd.
    // Column 3: C3 (4,5,3,1,1) sum 5, C2 (3,3,6,3,6) sum 9 → C3 3rd, C2 4th.
    // Column 4: C5 (6,6,1,4,4) 3 marks sum 9, C6 (5,4,4,6,2) 3 marks sum 10 → C5 5th, C6 6th.
    expect(places('22525,33636,45311,11253,66144,54462')).toEqual([2, 4, 3, 1, 5, 6]);
    expect(rules('22525,33636,45311,11253,66144,54462')).toEqual([7, 7, 7, 7, 7, 7]);
  });

  it('Beispiel P dance 2: equal majority and sum go to the next column (rule 7b)', () => {
    // Column 2: C1 (1,2,2,3,4) and C6 (5,3,1,2,2) both 3 marks summing 5; column 3: both 4 summing 8;
    // column 4: C1 has 5, C6 has 4 → C1 1st, C6 2nd. Then C2 3rd (col 3), C4 4th, C3 5th, C5 6th.
    expect(places('12234,31313,25555,44441,66666,53122')).toEqual([1, 3, 5, 4, 6, 2]);
  });

  it('Beispiel P dance 3: inseparable couples share the mean of their places (rule 8)', () => {
    // C1 all firsts → 1st. Column 3: only C5 (5,2,2,3,4) has a majority → 2nd. Column 4: C2, C3 and C4
    // each have 3 marks summing 9; column 5: each 4 summing 14; column 6: each 5 summing 20 → they
    // share places 3, 4 and 5: (3 + 4 + 5) / 3 = 4. C6 is 6th.
    expect(places('11111,23456,34562,45623,52234,66345')).toEqual([1, 4, 4, 4, 2, 6]);
    expect(rules('11111,23456,34562,45623,52234,66345')).toEqual([5, 8, 8, 8, 5, 5]);
  });

  it('Beispiel P dances 4 and 5', () => {
    // Dance 4 — column 2: C2 4, C5 3 → 1st, 2nd; column 3: C1 4, C4 3 → 3rd, 4th; C3 5th, C6 6th.
    expect(places('33136,11252,45441,56323,22515,64664')).toEqual([3, 1, 5, 4, 2, 6]);
    // Dance 5 — column 2: C3 sum 4 beats C1 sum 5; column 3: C6 3rd; column 4: C5, C4, C2 have 3 marks
    // each, sums 6, 10, 11 → 4th, 5th, 6th.
    expect(places('26261,44636,15152,63345,51514,32423')).toEqual([2, 6, 1, 5, 4, 3]);
  });

  it('scores a stage with aggregate "skating": places as fractional ranks, ties flagged, one criterion only', () => {
    const couples = '11111,23456,34562,45623,52234,66345'.split(',');
    const marks = Object.fromEntries(couples.map((m, i) => [`C${i + 1}`, Object.fromEntries([...m].map((p, j) => [`J${j + 1}`, [p]]))]));
    const score = scoreStage(stage({ criteria: [['dance', '1']], marks, method: { aggregate: 'skating' } }));
    expect(score.entries.map((e) => [e.entry, e.rank, e.tie])).toEqual([
      ['C1', 1, false],
      ['C2', 4, true],
      ['C3', 4, true],
      ['C4', 4, true],
      ['C5', 2, false],
      ['C6', 6, false],
    ]);
    expect(score.entries[4].skating).toMatchObject({ majority: 3, column: 3, count: 3, sum: 7, rule: 5 });
    expect(() => scoreStage(stage({ criteria: [['a', '1'], ['b', '1']], marks: { C1: { J1: [1, 1] } }, method: { aggregate: 'skating' } }))).toThrow(/exactly one criterion/);
  });

  it('leaves out a juror with a conflict in the final, and shares places 2.5 between two couples', () => {
    // Three judges remain (majority 2). C1 1,1,2; C2 2,3,1; C3 3,2,3 → column 1: C1 has 2 → 1st.
    // Column 2: C2 (2,1) and C3 (2) → C2 has 2 marks, C3 1 → C2 2nd; C3 3rd.
    const marks = { C1: { J1: [1], J2: [1], J3: [2], J4: [3] }, C2: { J1: [2], J2: [3], J3: [1], J4: [1] }, C3: { J1: [3], J2: [2], J3: [3], J4: [2] } };
    const score = scoreStage(stage({ criteria: [['dance', '1']], marks, conflicts: [['C2', 'J4']], method: { aggregate: 'skating' } }));
    expect(score.entries.map((e) => e.rank)).toEqual([1, 2, 3]);
    expect(score.entries[0].excluded).toEqual([{ juror: 'J4', reason: 'conflict' }]);
    // Two judges mirror each other: each couple has one 1st and one 2nd → shared 1.5.
    expect(places('12,21')).toEqual([1.5, 1.5]);
  });
});
