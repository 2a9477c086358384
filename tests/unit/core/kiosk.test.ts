import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { CommandName } from '@shared/api/contract';
import { ANONYMOUS, ORGANISER, type Actor } from '@shared/domain/actor';
import type { Core } from '../../../electron/core';
import { DATABASE_FILE } from '../../../electron/core/db/open';
import { KIOSK_TOKEN_IDLE_MS } from '../../../electron/core/services/kiosk';
import { newOpId, tempCore, thinDraft } from '../helpers';

const PIN = '482915';

async function kioskCompetition() {
  const { core, clock, dataDir } = tempCore();
  const competition = await core.call(ORGANISER, 'competition.create', thinDraft());
  await core.call(ORGANISER, 'session.open', { competitionId: competition.id });
  const [ratna, budi, maya] = competition.jurors;
  for (const juror of [ratna, budi]) await core.call(ORGANISER, 'juror.save', { competitionId: competition.id, id: juror.id, name: juror.name, role: juror.role, pin: PIN });
  return { core, clock, dataDir, competition, ratna, budi, maya };
}

/** A request as the desktop window sends it over IPC: the organiser, with the kiosk token in the envelope. */
async function asKiosk(core: Core, kioskToken: string, command: CommandName, input: unknown, actor: Actor = ORGANISER) {
  return core.handle(actor, { id: 'k', command, input, kioskToken });
}

function auditActions(dataDir: string): { actor: string; action: string; details: Record<string, unknown> }[] {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const rows = db.prepare('SELECT actor, action, details_json FROM audit_log ORDER BY id').all() as { actor: string; action: string; details_json: string }[];
    return rows.map((r) => ({ actor: r.actor, action: r.action, details: JSON.parse(r.details_json) as Record<string, unknown> }));
  } finally {
    db.close();
  }
}

describe('kiosk mode', () => {
  it('lists the scoring jurors with whether they have a PIN', async () => {
    const { core, competition, ratna, budi, maya } = await kioskCompetition();
    const roster = await core.call(ORGANISER, 'kiosk.roster', { competitionId: competition.id });
    expect(roster.jurors.map((j) => [j.id, j.hasPin])).toEqual([
      [ratna.id, true],
      [budi.id, true],
      [maya.id, false],
    ]);
  });

  it('switches a juror in with the right PIN, logs it, and the token scores as that juror', async () => {
    const { core, dataDir, competition, budi } = await kioskCompetition();
    const { kioskToken, actor } = await core.call(ORGANISER, 'kiosk.switchIn', { competitionId: competition.id, jurorId: budi.id, pin: PIN });
    expect(actor).toEqual({ role: 'juror', competitionId: competition.id, jurorId: budi.id, name: budi.name });

    const mine = await asKiosk(core, kioskToken, 'scoring.myAssignment', {});
    expect(mine.ok && mine.output).toMatchObject({ juror: { id: budi.id } });
    const entryId = competition.entries[0].id;
    const marks = competition.criteria.map((c) => ({ criterionId: c.id, value: '80' }));
    const saved = await asKiosk(core, kioskToken, 'scoring.saveSheet', { opId: newOpId(), entryId, marks, submit: true });
    expect(saved.ok && saved.output).toMatchObject({ jurorId: budi.id, status: 'submitted' });
    const progress = await core.call(ORGANISER, 'progress.get', { competitionId: competition.id });
    expect(progress.cells.filter((c) => c.status === 'submitted')).toEqual([{ jurorId: budi.id, entryId, status: 'submitted' }]);

    const log = auditActions(dataDir);
    expect(log.find((row) => row.action === 'kiosk.switchIn')).toMatchObject({ actor: 'organiser', details: { jurorId: budi.id } });
    // The sheet is the juror's own, in the log too.
    expect(log.find((row) => row.action === 'scoring.saveSheet')).toMatchObject({ actor: `juror:${budi.id}`, details: { source: 'juror' } });
  });

  it('gives the chair a chair token', async () => {
    const { core, competition, ratna } = await kioskCompetition();
    const { kioskToken } = await core.call(ORGANISER, 'kiosk.switchIn', { competitionId: competition.id, jurorId: ratna.id, pin: PIN });
    expect(core.authenticate(kioskToken)).toEqual({ role: 'chair', competitionId: competition.id, jurorId: ratna.id });
  });

  it('refuses a wrong PIN and locks the juror out after five, like pairing', async () => {
    const { core, clock, competition, budi } = await kioskCompetition();
    const switchIn = (pin: string) => core.call(ORGANISER, 'kiosk.switchIn', { competitionId: competition.id, jurorId: budi.id, pin });
    for (let i = 1; i <= 5; i++) await expect(switchIn('000000')).rejects.toMatchObject({ code: 'FORBIDDEN', key: 'pinWrong', params: { left: 5 - i } });
    await expect(switchIn(PIN)).rejects.toMatchObject({ key: 'pinLocked', params: { seconds: 60 } });
    clock.now += 61_000;
    await expect(switchIn(PIN)).resolves.toMatchObject({ actor: { jurorId: budi.id } });
  });

  it('refuses a juror without a PIN, saying so', async () => {
    const { core, competition, maya } = await kioskCompetition();
    await expect(core.call(ORGANISER, 'kiosk.switchIn', { competitionId: competition.id, jurorId: maya.id, pin: '1234' }, 'en')).rejects.toMatchObject({
      code: 'FORBIDDEN',
      key: 'kioskNoPin',
      message: `${maya.name} has no PIN yet, so cannot score in kiosk mode. Set a PIN in Setup › Jurors & panels.`,
    });
  });

  it('acts only as that juror: no organiser commands, no other juror, and never the organiser once dead', async () => {
    const { core, competition, budi } = await kioskCompetition();
    const { kioskToken } = await core.call(ORGANISER, 'kiosk.switchIn', { competitionId: competition.id, jurorId: budi.id, pin: PIN });
    const organiserOnly = await asKiosk(core, kioskToken, 'progress.get', { competitionId: competition.id });
    expect(organiserOnly).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Server mode sends it as the bearer token: the same juror.
    expect(core.authenticate(kioskToken)).toEqual({ role: 'juror', competitionId: competition.id, jurorId: budi.id });
    // In an envelope it only counts on top of the organiser's own credentials.
    const fromAnotherDevice = await asKiosk(core, kioskToken, 'scoring.myAssignment', {}, ANONYMOUS);
    expect(fromAnotherDevice).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

    await expect(core.call(ORGANISER, 'kiosk.switchOut', { kioskToken })).resolves.toEqual({ ended: true });
    const afterOut = await asKiosk(core, kioskToken, 'progress.get', { competitionId: competition.id });
    expect(afterOut).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(core.authenticate(kioskToken)).toEqual(ANONYMOUS);
    await expect(core.call(ORGANISER, 'kiosk.switchOut', { kioskToken })).resolves.toEqual({ ended: false });
  });

  it('expires after ten idle minutes, stays alive while used, and ends when the next juror switches in', async () => {
    const { core, clock, competition, ratna, budi } = await kioskCompetition();
    const { kioskToken } = await core.call(ORGANISER, 'kiosk.switchIn', { competitionId: competition.id, jurorId: budi.id, pin: PIN });
    clock.now += KIOSK_TOKEN_IDLE_MS - 1000;
    expect((await asKiosk(core, kioskToken, 'scoring.myAssignment', {})).ok).toBe(true);
    clock.now += KIOSK_TOKEN_IDLE_MS - 1000; // idle again, but counted from the last use
    expect((await asKiosk(core, kioskToken, 'scoring.myAssignment', {})).ok).toBe(true);
    clock.now += KIOSK_TOKEN_IDLE_MS + 1000;
    expect(await asKiosk(core, kioskToken, 'scoring.myAssignment', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

    const second = await core.call(ORGANISER, 'kiosk.switchIn', { competitionId: competition.id, jurorId: budi.id, pin: PIN });
    await core.call(ORGANISER, 'kiosk.switchIn', { competitionId: competition.id, jurorId: ratna.id, pin: PIN });
    expect(core.authenticate(second.kioskToken)).toEqual(ANONYMOUS);
  });
});
