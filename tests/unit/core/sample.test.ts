import { describe, expect, it } from 'vitest';
import { ORGANISER } from '@shared/domain/actor';
import { createCore } from '../../../electron/core';
import { main } from '../../../electron/core/cli/main';
import { tempCore, tempDir } from '../helpers';

describe('sample competition', () => {
  it('loads the seed articles as a two-stage competition whose first stage is fully scored', async () => {
    const { core } = tempCore();
    const loaded = await core.call(ORGANISER, 'sample.load', {});
    const detail = await core.call(ORGANISER, 'competition.get', { competitionId: loaded.id });

    expect(detail.categories.map((c) => c.name)).toEqual(['Kota Palembang', 'Kabupaten Muara Enim']);
    expect(detail.entries).toHaveLength(20);
    expect(detail.entries.map((e) => e.unit)).toContain('Kecamatan Plaju');
    expect(detail.entries.map((e) => e.title)).toContain('Nyaedak Tembeling');
    expect(detail.stages.map((s) => [s.name, s.weightBp])).toEqual([
      ['Penilaian Proposal', 7000],
      ['Presentasi dan Wawancara', 3000],
    ]);
    // KIPP 2023 proposal weights (DOMAIN.md) on stage 1, Kemendagri IGA 2023 on stage 2.
    const weights = (stageId: number) => detail.criteria.filter((c) => c.stageId === stageId).map((c) => c.weightBp / 100);
    expect(weights(detail.stages[0].id)).toEqual([10, 15, 5, 30, 20, 5, 15]);
    expect(weights(detail.stages[1].id)).toEqual([30, 25, 15, 20, 10]);
    expect(detail.criteria[0].rubric.map((b) => b.label)).toEqual(['Kurang', 'Cukup', 'Baik', 'Sangat baik']);
    expect(detail.jurors.filter((j) => j.role === 'secretary')).toHaveLength(1);
    expect(detail.conflicts).toHaveLength(1);
    expect(detail.details.institution).toBe('Pemerintah Provinsi Sumatera Selatan');
    expect((await core.call(ORGANISER, 'setup.check', { competitionId: loaded.id })).problems).toEqual([]);

    // 4 scoring jurors × 20 entries, less the one entry of the conflicted juror's declared unit.
    const progress = await core.call(ORGANISER, 'progress.get', { competitionId: loaded.id });
    expect([progress.submittedCount, progress.expectedCount]).toEqual([79, 79]);
    const results = await core.call(ORGANISER, 'results.compute', { competitionId: loaded.id });
    for (const category of results.categories) {
      expect(category.rows.map((r) => r.rank)).not.toContain(null);
      expect(category.rows[0].rank).toBe(1);
    }
  });

  it('can be loaded again next to the first one, and from the command line', async () => {
    const dataDir = tempDir();
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    expect(await main(['sample', '--data', dataDir], io)).toBe(0);
    expect(await main(['sample', '--data', dataDir], io)).toBe(0);
    expect(lines[0]).toMatch(/^Loaded ".*Data Contoh.*" \(20 entries\)/);
    const core = createCore({ dataDir });
    try {
      expect(await core.call(ORGANISER, 'competition.list', {})).toHaveLength(2);
    } finally {
      core.close();
    }
  });
});
