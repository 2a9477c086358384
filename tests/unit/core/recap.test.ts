import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGE_METHOD } from '@shared/domain/method';
import { ORGANISER } from '@shared/domain/actor';
import { tempCore, tempDir } from '../helpers';
import { setUp, submitAll } from './thin-flow-fixture';

const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;

async function recapText(core: ReturnType<typeof tempCore>['core'], competitionId: number, uiLocale: 'id' | 'en'): Promise<string> {
  const { base64 } = await core.call(ORGANISER, 'documents.recap', { competitionId }, uiLocale);
  const file = join(tempDir(), 'rekap.pdf');
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe.skipIf(!hasPdftotext)('the recap PDF from the core', () => {
  it('is written in the competition document language, whatever the language of the caller', async () => {
    const { core } = tempCore();
    const fixture = await setUp(core);
    await submitAll(core, fixture);
    const id = fixture.competition.id;
    expect(await recapText(core, id, 'en')).toContain('REKAPITULASI NILAI');
    await core.call(ORGANISER, 'competition.updateDetails', { competitionId: id, name: fixture.competition.name, documentLocale: 'en' });
    const english = await recapText(core, id, 'id');
    expect(english).not.toContain('REKAPITULASI NILAI');
    expect(english).toContain('85.35'); // English number format
  });

  it('names a tie-break criterion in the method sentence', async () => {
    const { core } = tempCore();
    const fixture = await setUp(core);
    await submitAll(core, fixture);
    const stage = fixture.competition.stages[0];
    const kebaruan = fixture.competition.criteria.find((c) => c.name === 'Kebaruan')!;
    await core.call(ORGANISER, 'stage.save', {
      competitionId: fixture.competition.id,
      id: stage.id,
      name: stage.name,
      weight: '100',
      method: { ...DEFAULT_STAGE_METHOD, tieBreak: [`criterion:${kebaruan.id}`] },
    });
    const text = (await recapText(core, fixture.competition.id, 'id')).replace(/\s+/g, ' ');
    expect(text).toContain('Kebaruan');
    expect(text).not.toMatch(/kriteria #\d+/);
  });
});
