import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffResults, documentFromStage, readScoringFile, scoreDocument, scoreFileText, ScoringFileError, toEngineInputs, writeScoringFile } from '@shared/scoring';
import { stage } from '../../fixtures/scoring/build';

const fixture = (name: string) => readFileSync(join(__dirname, '..', '..', 'fixtures', 'scoring', name), 'utf8');
type Entry = { entry: string; rank: number | null; total: string | null; tie: boolean; [k: string]: any };

const minimal = (change: Record<string, unknown> = {}) => ({
  format: 'ruang-juri/scoring@1',
  criteria: [{ id: 'c1', weight: 0.3, min: 0, max: 100, step: 1 }],
  jurors: [{ id: 'j1' }],
  entries: [{ id: 'e1', category: 'Umum' }],
  marks: [{ entry: 'e1', juror: 'j1', criterion: 'c1', value: 85 }],
  method: { level: 'total', aggregate: 'mean' },
  ...change,
});
const problems = (source: unknown): string => {
  try {
    readScoringFile(source);
  } catch (error) {
    if (error instanceof ScoringFileError) return error.message;
    throw error;
  }
  return '';
};

describe('the worked example of docs/scoring-format.md', () => {
  const result = scoreFileText(fixture('worked-example.json')).result;
  const entries = result.entries as Entry[];
  const entry = (id: string) => entries.find((e) => e.entry === id)!;

  it('computes the totals worked by hand in the document', () => {
    // e1: c1 drops 70 (j4) and 90 (j3): (80 + 85 + 82) / 3 = 82.333… → 82.33; × 0.3 = 24.699.
    //     c2 drops 84 (j2) and 90 (j4): (88 + 86 + 85) / 3 = 86.333… → 86.33; × 0.5 = 43.165.
    //     c3 drops 75 (j1) and 95 (j4): 80 → 80.00; × 0.2 = 16. Total 83.864 → 83.86.
    expect(entry('e1').criteria).toMatchObject({
      c1: { aggregate: '82.33', weighted: '24.699', dropped: ['j4', 'j3'] },
      c2: { aggregate: '86.33', weighted: '43.165', dropped: ['j2', 'j4'] },
      c3: { aggregate: '80.00', weighted: '16', dropped: ['j1', 'j4'] },
    });
    expect([entry('e1').total, entry('e1').totalExact]).toEqual(['83.86', '83.864']);
    // e2: 77.33 × 0.3 + 89.33 × 0.5 + 80 × 0.2 = 23.199 + 44.665 + 16 = 83.864 → 83.86 as well.
    expect([entry('e2').total, entry('e2').totalExact]).toEqual(['83.86', '83.864']);
    // e3 without j5 (conflict): means of the middle two: 73, 76.5, 70.5 → 21.9 + 38.25 + 14.1 = 74.25.
    expect(entry('e3').total).toBe('74.25');
    expect(entry('e3').jurors.excluded).toEqual([{ juror: 'j5', reason: 'conflict' }]);
  });

  it('breaks the tie on c2 (89.33 against 86.33) and leaves e4, scored by two jurors, unranked', () => {
    expect(entries.map((e) => [e.entry, e.rank, e.tie])).toEqual([
      ['e2', 1, false],
      ['e1', 2, false],
      ['e3', 3, false],
      ['e4', null, false],
    ]);
    expect(entry('e2').tieBreak).toEqual([{ rule: 'criterion:c2', tiedWith: ['e1'], value: '89.33', decided: true }]);
    expect(entry('e4')).toMatchObject({ status: 'incomplete', total: null, reason: '2 counted jurors; the method needs at least 3' });
  });

  it('lists each rounding step, with exact values that do not terminate shown to 6 decimals', () => {
    expect(entry('e1').rounding).toEqual([
      { point: 'aggregate', criterion: 'c1', exact: '82.333333…', rounded: '82.33' },
      { point: 'aggregate', criterion: 'c2', exact: '86.333333…', rounded: '86.33' },
      { point: 'aggregate', criterion: 'c3', exact: '80', rounded: '80.00' },
      { point: 'total', exact: '83.864', rounded: '83.86' },
    ]);
  });

  it('reports the outlier mark of the example: j4 gave e2 55 on c1, 23 below the others’ median 78', () => {
    expect((result.quality as any).outliers).toEqual([{ entry: 'e2', juror: 'j4', criterion: 'c1', value: '55', othersMedian: '78', deviation: '-23' }]);
  });
});

describe('reading and writing ruang-juri/scoring@1', () => {
  it('writes a document that reads back to the same document, numbers exact', () => {
    const doc = readScoringFile(fixture('worked-example.json'));
    const text = writeScoringFile(doc);
    expect(text).toContain('"weight": 0.3');
    expect(readScoringFile(text)).toEqual(doc);
  });

  it('exports an engine input with its results, and --check finds them equal', () => {
    const input = stage({ criteria: [['c1', '0.4'], ['c2', '0.6']], marks: { e1: { j1: [80, 90], j2: [70, 75] }, e2: { j1: [60, 65], j2: [66, 64] } } });
    const published = scoreDocument(documentFromStage(input), { quality: false });
    const doc = readScoringFile(writeScoringFile(documentFromStage(input, published)));
    expect(diffResults(doc.results, scoreDocument(doc, { quality: false }))).toEqual([]);
  });

  it('names the field of every problem', () => {
    expect(problems(minimal({ format: 'other' }))).toBe('format: must be "ruang-juri/scoring@1"');
    expect(problems(minimal({ jurors: undefined }))).toMatch(/^jurors: /);
    expect(problems(minimal({ criteria: [{ id: 'c1', weight: 'x' }] }))).toBe('criteria[0].weight: expected a decimal number, got "x"');
    expect(problems(minimal({ method: { level: 'sideways', aggregate: 'mean' } }))).toMatch(/^method\.level: /);
    expect(problems(minimal({ method: { level: 'total', aggregate: 'mean', trim: 1.5 } }))).toMatch(/^method\.trim: expected a whole number/);
    expect(problems(minimal({ marks: [{ entry: 'e1', juror: 'j9', criterion: 'c1', value: 85 }] }))).toBe('marks[0].juror: unknown juror "j9"');
    expect(problems(minimal({ marks: [{ entry: 'e1', juror: 'j1', criterion: 'c1', value: 101 }] }))).toBe("marks[0].value: outside the criterion's scale");
    expect(problems(minimal({ marks: [{ entry: 'e1', juror: 'j1', criterion: 'c1', value: 85.5 }] }))).toBe("marks[0].value: not on the criterion's step");
    const twice = [{ entry: 'e1', juror: 'j1', criterion: 'c1', value: 85 }, { entry: 'e1', juror: 'j1', criterion: 'c1', value: 86 }];
    expect(problems(minimal({ marks: twice }))).toBe('marks[1]: a second mark for entry "e1", juror "j1", criterion "c1"');
    expect(problems(minimal({ method: { level: 'total', aggregate: 'mean', rounding: { aggregate: 2, total: 2 } } }))).toMatch(/^method\.rounding\.aggregate: applies to level "criterion" only/);
    expect(problems(minimal({ method: { level: 'total', aggregate: 'mean', tieBreak: ['criterion:c9'] } }))).toBe('method.tieBreak[0]: unknown criterion "c9"');
    expect(problems(minimal({ criteria: [{ id: 'a', weight: 1 }, { id: 'b', weight: 1 }], marks: [], method: { level: 'total', aggregate: 'skating' } }))).toMatch(/^method\.aggregate: skating takes exactly one criterion/);
    expect(problems(minimal({ jurors: [{ id: 'j1' }, { id: 'j1' }] }))).toBe('jurors[1].id: duplicate id "j1"');
    expect(problems(minimal({ method: undefined }))).toBe('method: is required (or give stages)');
    expect(() => scoreFileText('{ "format": ')).toThrow(/not valid JSON/);
  });
});

describe('stage combination', () => {
  const doc = readScoringFile({
    format: 'ruang-juri/scoring@1',
    jurors: [{ id: 'j1' }, { id: 'j2' }],
    entries: [{ id: 'e1' }, { id: 'e2' }, { id: 'e3' }],
    stages: [
      {
        id: 'proposal',
        weight: 0.7,
        criteria: [{ id: 'c', weight: 1 }],
        marks: [['e1', 80, 84], ['e2', 90, 91], ['e3', 70, 71]].flatMap(([e, a, b]) => [
          { entry: e, juror: 'j1', criterion: 'c', value: a },
          { entry: e, juror: 'j2', criterion: 'c', value: b },
        ]),
        method: { level: 'total', aggregate: 'mean' },
      },
      {
        id: 'presentation',
        weight: 0.3,
        entries: ['e1', 'e2'],
        criteria: [{ id: 'c', weight: 1 }],
        marks: [['e1', 95, 96], ['e2', 60, 66]].flatMap(([e, a, b]) => [
          { entry: e, juror: 'j1', criterion: 'c', value: a },
          { entry: e, juror: 'j2', criterion: 'c', value: b },
        ]),
        method: { level: 'total', aggregate: 'mean' },
      },
    ],
    combine: { rounding: { total: 2 }, tieBreak: ['stage:presentation'] },
  });

  it('weights each stage’s printed total and leaves an entry missing a stage incomplete', () => {
    // e1: 0.7 × 82.00 + 0.3 × 95.50 = 57.4 + 28.65 = 86.05; e2: 0.7 × 90.50 + 0.3 × 63.00 = 63.35 + 18.9 = 82.25.
    const result = scoreDocument(doc, { quality: false });
    expect((result.entries as Entry[]).map((e) => [e.entry, e.rank, e.total])).toEqual([
      ['e1', 1, '86.05'],
      ['e2', 2, '82.25'],
      ['e3', null, null],
    ]);
    expect((result.entries as Entry[])[0].stages).toEqual({ proposal: { total: '82.00', weighted: '57.4' }, presentation: { total: '95.50', weighted: '28.65' } });
    expect((result.entries as Entry[])[2].reason).toBe('no total in stage presentation');
    expect(toEngineInputs(doc).stages.map((s) => s.input.entries.length)).toEqual([3, 2]);
  });

  it('--check reports every difference from the published results', () => {
    const published = scoreDocument(doc, { quality: false });
    const tampered = JSON.parse(JSON.stringify(published));
    tampered.entries[0].total = '86.06';
    tampered.entries[1].rank = 1;
    tampered.stages[0].entries[2].total = '70.00';
    expect(diffResults(tampered, published)).toEqual([
      'e1 total: file "86.06", recomputed "86.05"',
      'e2 rank: file 1, recomputed 2',
      'stage proposal: e3 total: file "70.00", recomputed "70.50"',
    ]);
  });
});
