import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core';
import { DEFAULT_STAGE_METHOD, type StageMethod } from '@shared/domain/method';
import { ANONYMOUS, ORGANISER, type Actor } from '@shared/domain/actor';
import { newOpId, tempCore, thinDraft } from '../helpers';

/** The thin competition (criteria 40 / 35 / 25 on 0–100) with `extra` more member jurors, session open. */
async function setUp(core: Core, extra: string[] = []) {
  const draft = thinDraft();
  for (const name of extra) draft.jurors.push({ name, role: 'member' });
  const competition = await core.call(ORGANISER, 'competition.create', draft);
  await core.call(ORGANISER, 'session.open', { competitionId: competition.id });
  const { links } = await core.call(ORGANISER, 'device.issueJurorLinks', { competitionId: competition.id });
  const actors = new Map<string, Actor>();
  for (const link of links) actors.set(link.name, core.authenticate((await core.call(ANONYMOUS, 'auth.pair', { token: link.token })).deviceToken));
  const entryId = (code: string) => competition.entries.find((e) => e.code === code)!.id;
  const jurorId = (name: string) => competition.jurors.find((j) => j.name === name)!.id;
  const criterionId = (name: string) => competition.criteria.find((c) => c.name === name)!.id;
  const score = (name: string, code: string, values: readonly string[]) =>
    core.call(actors.get(name)!, 'scoring.saveSheet', {
      opId: newOpId(),
      entryId: entryId(code),
      marks: values.map((value, i) => ({ criterionId: competition.criteria[i].id, value })),
      submit: true,
    });
  const setMethod = (method: StageMethod) => {
    const stage = competition.stages[0];
    return core.call(ORGANISER, 'stage.save', { competitionId: competition.id, id: stage.id, name: stage.name, weight: '100', method });
  };
  return { competition, actors, entryId, jurorId, criterionId, score, setMethod };
}

const RATNA = 'Dr. Ratna Sari';
const BUDI = 'Ir. Budi Santoso';
const MAYA = 'Maya Putri, M.Si.';

describe('analysis.stage', () => {
  it('explains a trimmed mean per criterion, striking the dropped marks', async () => {
    const { core } = tempCore();
    const f = await setUp(core, ['Juri Empat', 'Juri Lima']);
    await f.setMethod({ ...DEFAULT_STAGE_METHOD, level: 'criterion', trim: 1 });
    // Kebaruan / Kemanfaatan / Keberlanjutan per juror for E01.
    const marks: Record<string, [string, string, string]> = {
      [RATNA]: ['80', '90', '70'],
      [BUDI]: ['82', '60', '72'],
      [MAYA]: ['81', '75', '74'],
      'Juri Empat': ['79', '80', '76'],
      'Juri Lima': ['20', '85', '78'],
    };
    for (const [name, values] of Object.entries(marks)) await f.score(name, 'E01', values);

    const analysis = await core.call(ORGANISER, 'analysis.stage', { competitionId: f.competition.id });
    const e01 = analysis.entries.find((e) => e.code === 'E01')!;
    /*
     * Worked by hand, dropping the highest and the lowest mark of each criterion:
     *   Kebaruan      20 (Lima) … 82 (Budi) dropped → (79 + 80 + 81) / 3 = 80 → × 0.40 = 32
     *   Kemanfaatan   60 (Budi) … 90 (Ratna) dropped → (75 + 80 + 85) / 3 = 80 → × 0.35 = 28
     *   Keberlanjutan 70 (Ratna) … 78 (Lima) dropped → (72 + 74 + 76) / 3 = 74 → × 0.25 = 18.5
     *   total 32 + 28 + 18.5 = 78.5 → 78.50, rank 1 (the other entries have no sheets: incomplete)
     */
    expect(e01).toMatchObject({ status: 'ranked', rank: 1, total: '78.50', totalExact: '78.5' });
    expect(e01.criteria).toEqual([
      { criterionId: f.criterionId('Kebaruan'), aggregate: '80', weightPercent: '40', weighted: '32' },
      { criterionId: f.criterionId('Kemanfaatan'), aggregate: '80', weightPercent: '35', weighted: '28' },
      { criterionId: f.criterionId('Keberlanjutan'), aggregate: '74', weightPercent: '25', weighted: '18.5' },
    ]);
    const struck = e01.jurors.flatMap((j) => j.marks.filter((m) => m.dropped).map((m) => `${j.jurorId}:${m.criterionId}:${m.value}`));
    expect(struck.sort()).toEqual(
      [
        `${f.jurorId('Juri Lima')}:${f.criterionId('Kebaruan')}:20`,
        `${f.jurorId(BUDI)}:${f.criterionId('Kebaruan')}:82`,
        `${f.jurorId(BUDI)}:${f.criterionId('Kemanfaatan')}:60`,
        `${f.jurorId(RATNA)}:${f.criterionId('Kemanfaatan')}:90`,
        `${f.jurorId(RATNA)}:${f.criterionId('Keberlanjutan')}:70`,
        `${f.jurorId('Juri Lima')}:${f.criterionId('Keberlanjutan')}:78`,
      ].sort(),
    );
    // Every juror is counted (a trimmed mark is still the juror's mark).
    expect(e01.jurors.every((j) => j.status === 'counted')).toBe(true);
    // The explanation names the dropped marks and the rounding, with Indonesian decimals.
    const steps = e01.steps.join('\n');
    expect(steps).toContain('Juri Lima: 20');
    expect(steps).toContain('18,5');
    expect(steps).toContain('78,5');
    expect(e01.steps.at(-1)).toContain('Kelompok Umum');
    // An entry without sheets is incomplete and says why (the method needs 2 × 1 + 1 jurors).
    const e02 = analysis.entries.find((e) => e.code === 'E02')!;
    expect(e02).toMatchObject({ status: 'incomplete', rank: null, total: null });
    expect(e02.steps.at(-1)).toMatch(/0 juri .*3/);

    // The requester's language: the same steps in English, with a decimal point.
    const english = await core.call(ORGANISER, 'analysis.stage', { competitionId: f.competition.id }, 'en');
    expect(english.entries.find((e) => e.code === 'E01')!.steps.join('\n')).toContain('18.5');
  });

  it('at level total, drops whole jurors, gives reasons for jurors not counted and filters by category', async () => {
    const { core } = tempCore();
    const f = await setUp(core, ['Juri Empat']);
    await f.setMethod({ ...DEFAULT_STAGE_METHOD, trim: 1, rounding: { ...DEFAULT_STAGE_METHOD.rounding, total: 1 } });
    await core.call(ORGANISER, 'conflict.declare', {
      competitionId: f.competition.id,
      jurorId: f.jurorId('Juri Empat'),
      target: { entryId: f.entryId('E02') },
      reason: 'Pernah membina unit ini',
    });
    // Same mark on every criterion, so each juror's total is that mark.
    await f.score(RATNA, 'E01', ['90', '90', '90']);
    await f.score(BUDI, 'E01', ['70', '70', '70']);
    await f.score(MAYA, 'E01', ['75', '75', '75']);
    await f.score('Juri Empat', 'E01', ['81', '81', '81']);

    const analysis = await core.call(ORGANISER, 'analysis.stage', { competitionId: f.competition.id, categoryId: f.competition.categories[0].id });
    const e01 = analysis.entries.find((e) => e.code === 'E01')!;
    // 70 (Budi) and 90 (Ratna) dropped; (75 + 81) / 2 = 78 → 78.0
    expect(e01.total).toBe('78.0');
    expect(e01.jurors.map((j) => [j.jurorId, j.status, j.total])).toEqual([
      [f.jurorId(RATNA), 'dropped', '90'],
      [f.jurorId(BUDI), 'dropped', '70'],
      [f.jurorId(MAYA), 'counted', '75'],
      [f.jurorId('Juri Empat'), 'counted', '81'],
    ]);
    expect(e01.jurors[0].marks.every((m) => m.dropped)).toBe(true);
    // Reading breakdown over the kept jurors: (75 + 81) / 2 = 78 per criterion; 0.4 × 78 = 31.2.
    expect(analysis.breakdownIsReading).toBe(true);
    expect(e01.criteria[0]).toMatchObject({ aggregate: '78', weighted: '31.2' });

    const e02 = analysis.entries.find((e) => e.code === 'E02')!;
    expect(e02.jurors.map((j) => [j.status, j.reason])).toEqual([
      ['excluded', 'noSheet'],
      ['excluded', 'noSheet'],
      ['excluded', 'noSheet'],
      ['excluded', 'conflicted'],
    ]);
    expect(e02.steps).toContain('Juri Empat tidak dihitung: konflik kepentingan.');

    const other = await core.call(ORGANISER, 'analysis.stage', { competitionId: f.competition.id, categoryId: 999 });
    expect(other.entries).toEqual([]);
  });

  it('explains a tie separated by a criterion', async () => {
    const { core } = tempCore();
    const f = await setUp(core);
    await f.setMethod({ ...DEFAULT_STAGE_METHOD, tieBreak: [`criterion:${f.criterionId('Kebaruan')}`] });
    // One juror: E01 0.4 × 90 + 0.35 × 70 + 0.25 × 70 = 78; E02 0.4 × 80 + 0.35 × 80 + 0.25 × 72 = 78.
    await f.score(RATNA, 'E01', ['90', '70', '70']);
    await f.score(RATNA, 'E02', ['80', '80', '72']);
    const analysis = await core.call(ORGANISER, 'analysis.stage', { competitionId: f.competition.id });
    const [first, second] = analysis.entries;
    expect([first.code, first.rank, first.total, second.code, second.rank, second.total]).toEqual(['E01', 1, '78.00', 'E02', 2, '78.00']);
    // Kebaruan 90 against 80 decides it.
    expect(first.steps).toContain('Sama nilai dengan E02 Pangling; dipisahkan oleh nilai Kebaruan (90).');
    expect(second.steps).toContain('Sama nilai dengan E01 Poltabes; dipisahkan oleh nilai Kebaruan (80).');
    expect(first.tie).toBe(false);
  });

  it('is for the organiser and the chair only', async () => {
    const { core } = tempCore();
    const f = await setUp(core);
    const input = { competitionId: f.competition.id };
    await expect(core.call(f.actors.get(BUDI)!, 'analysis.stage', input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(core.call(f.actors.get(BUDI)!, 'analysis.quality', input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(core.call(f.actors.get(RATNA)!, 'analysis.stage', input)).resolves.toMatchObject({ stageId: f.competition.stages[0].id });
    await expect(core.call(ORGANISER, 'analysis.stage', { ...input, stageId: 99999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('analysis.quality', () => {
  /*
   * Three jurors, the same mark on every criterion (so a juror's total is that mark), the stage's
   * default method (mean of the jurors' totals):
   *            E01  E02  E03  E04
   *   Ratna     80   70   60   50
   *   Budi      82   72   62   52
   *   Maya      60   90   61   40
   *   mean      74   77.33 61  47.33   → ranks E02 1, E01 2, E03 3, E04 4
   */
  const MARKS: Record<string, number[]> = { [RATNA]: [80, 70, 60, 50], [BUDI]: [82, 72, 62, 52], [MAYA]: [60, 90, 61, 40] };

  async function scored() {
    const { core } = tempCore();
    const f = await setUp(core);
    for (const [name, values] of Object.entries(MARKS))
      for (const [i, value] of values.entries()) await f.score(name, `E0${i + 1}`, [String(value), String(value), String(value)]);
    return { core, f, quality: await core.call(f.actors.get(RATNA)!, 'analysis.quality', { competitionId: f.competition.id }) };
  }

  it('signs severity (Maya harshest), finds the outlying marks and measures agreement', async () => {
    const { f, quality } = await scored();
    expect(quality.advisory).toBe(true);
    /*
     * Severity = mean over the 4 entries of (own total − mean of the other two):
     *   Ratna  (80−71) + (70−81) + (60−61.5) + (50−46)   = 0.5  / 4 = 0.125
     *   Budi   (82−70) + (72−80) + (62−60.5) + (52−45)   = 12.5 / 4 = 3.125
     *   Maya   (60−81) + (90−71) + (61−61)   + (40−51)   = −13  / 4 = −3.25
     */
    expect(quality.jurors.map((j) => [j.name, j.severity, j.shared])).toEqual([
      [RATNA, '0.125', 4],
      [BUDI, '3.125', 4],
      [MAYA, '-3.25', 4],
    ]);
    // Ratna's totals 80, 70, 60, 50: variance 125, spread √125 (not exact).
    expect(quality.jurors[0].spread).toMatch(/^11\.180340…$/);
    // Maya's 60 on E01 is 21 points from the others' median 81, beyond a fifth of 0–100, on each criterion.
    expect(quality.outliers).toHaveLength(3);
    expect(quality.outliers.every((o) => o.jurorId === f.jurorId(MAYA) && o.entryId === f.entryId('E01') && o.deviation === '-21')).toBe(true);
    expect(quality.jurors[2].outliers).toBe(3);
    /*
     * Kendall's W: ranks Ratna 1 2 3 4, Budi 1 2 3 4, Maya 3 1 2 4 → rank sums 5 5 8 12, mean 7.5,
     * S = 6.25 + 6.25 + 0.25 + 20.25 = 33, W = 12 · 33 / (3² · (4³ − 4)) = 396 / 540 = 0.7333…
     */
    expect(quality.kendallW).toEqual([{ categoryId: f.competition.categories[0].id, jurors: 3, entries: 4, w: '0.733333…' }]);
    expect(quality.krippendorffAlpha.units).toBe(4);
  });

  it('shows the rank changes without a juror and the podium under other methods', async () => {
    const { f, quality } = await scored();
    const byJuror = new Map(quality.leaveOneOut.map((l) => [l.jurorId, l]));
    // Without Maya: E01 81 and E02 71 swap places (2 → 1, 1 → 2). Without Ratna or Budi nothing moves.
    expect(byJuror.get(f.jurorId(MAYA))).toMatchObject({ changed: true });
    expect(byJuror.get(f.jurorId(MAYA))!.moves).toEqual([
      { entryId: f.entryId('E01'), rank: 2, rankWithout: 1 },
      { entryId: f.entryId('E02'), rank: 1, rankWithout: 2 },
    ]);
    expect(byJuror.get(f.jurorId(RATNA))!.moves).toEqual([]);
    expect(byJuror.get(f.jurorId(BUDI))!.changed).toBe(false);

    expect(quality.podium[0].podium).toEqual([
      { entryId: f.entryId('E02'), rank: 1 },
      { entryId: f.entryId('E01'), rank: 2 },
      { entryId: f.entryId('E03'), rank: 3 },
    ]);
    // Median of the jurors' totals: E01 80, E02 72, E03 61, E04 50 → E01 first: the podium changes; the mean is this method.
    const median = quality.sensitivity.find((s) => s.method === 'median')!;
    expect(median.changed).toBe(true);
    expect(median.categories[0].podium[0]).toEqual({ entryId: f.entryId('E01'), rank: 1 });
    expect(quality.sensitivity.find((s) => s.method === 'mean')!.changed).toBe(false);
  });
});
