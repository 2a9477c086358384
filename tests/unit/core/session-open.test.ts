import { describe, expect, it } from 'vitest';
import { ORGANISER } from '@shared/domain/actor';
import { tempCore, thinDraft } from '../helpers';

describe('opening a session', () => {
  it('is refused while the stage being opened has setup problems, with the problems in the message', async () => {
    const { core } = tempCore();
    const draft = thinDraft();
    draft.criteria[2].weight = '20'; // 40 + 35 + 20 = 95 %
    const competition = await core.call(ORGANISER, 'competition.create', draft);
    const stageName = competition.stages[0].name;
    await expect(core.call(ORGANISER, 'session.open', { competitionId: competition.id }, 'id')).rejects.toMatchObject({
      code: 'LOCKED',
      key: 'setupIncomplete',
      message: expect.stringContaining(`"${stageName}" berjumlah 95 %`),
    });
    expect(await core.call(ORGANISER, 'session.current', { competitionId: competition.id })).toBeNull();

    const c = competition.criteria[2];
    await core.call(ORGANISER, 'criterion.save', { stageId: c.stageId, id: c.id, name: c.name, weight: '25' });
    expect((await core.call(ORGANISER, 'session.open', { competitionId: competition.id })).status).toBe('open');
  });

  it('is not held up by a later stage that has no criteria yet', async () => {
    const { core } = tempCore();
    const competition = await core.call(ORGANISER, 'competition.create', thinDraft());
    await core.call(ORGANISER, 'stage.save', { competitionId: competition.id, name: 'Presentasi', weight: '30' });
    expect((await core.call(ORGANISER, 'setup.check', { competitionId: competition.id })).problems.length).toBeGreaterThan(0);
    expect((await core.call(ORGANISER, 'session.open', { competitionId: competition.id })).status).toBe('open');
  });
});
