/**
 * scoring.saveSheet answers with the sheet as stored: built from what it read and wrote rather than
 * read back, so it must equal what a fresh read (the juror's assignment) returns afterwards.
 */
import { describe, expect, it } from 'vitest';
import { ANONYMOUS, ORGANISER } from '@shared/domain/actor';
import { newOpId, tempCore, thinDraft } from '../helpers';

describe('the answer to a mark save', () => {
  it('equals the stored sheet: marks in criterion order, comments, status and time', async () => {
    const { core } = tempCore();
    const competition = await core.call(ORGANISER, 'competition.create', thinDraft());
    await core.call(ORGANISER, 'session.open', { competitionId: competition.id });
    const { links } = await core.call(ORGANISER, 'device.issueJurorLinks', { competitionId: competition.id });
    const juror = core.authenticate((await core.call(ANONYMOUS, 'auth.pair', { token: links[1].token })).deviceToken);
    const [first, second, third] = competition.criteria.map((c) => c.id);
    const entryId = competition.entries[0].id;
    const save = (marks: { criterionId: number; value: string }[], extra: object = {}) =>
      core.call(juror, 'scoring.saveSheet', { opId: newOpId(), entryId, marks, ...extra });
    const stored = async () => (await core.call(juror, 'scoring.myAssignment', {})).sheets.find((s) => s.entryId === entryId);

    // Written out of order, over two saves, with comments: the answer still matches a fresh read.
    await save([{ criterionId: third, value: '70' }], { comments: [{ criterionId: third, text: 'Perlu data' }] });
    const draft = await save([{ criterionId: first, value: '82' }], { comment: 'Baik' });
    expect(draft.marks.map((m) => m.criterionId)).toEqual([first, third]);
    expect(draft).toEqual(await stored());

    const submitted = await save([{ criterionId: second, value: '90' }], { submit: true });
    expect(submitted.status).toBe('submitted');
    expect(submitted.marks).toEqual([
      { criterionId: first, value: '82' },
      { criterionId: second, value: '90' },
      { criterionId: third, value: '70' },
    ]);
    expect(submitted).toEqual(await stored());

    // Reopened by the organiser (logged): the next save answers with the flag, as a fresh read shows it.
    await core.call(ORGANISER, 'sheet.reopen', { competitionId: competition.id, entryId, jurorId: links[1].jurorId, reason: 'Salah ketik' });
    const corrected = await save([{ criterionId: second, value: '88' }], { comments: [{ criterionId: third, text: '' }] });
    expect(corrected).toMatchObject({ status: 'draft', reopened: true, comments: [] });
    expect(corrected).toEqual(await stored());
    core.close();
  });
});
