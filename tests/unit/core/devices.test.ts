import { describe, expect, it } from 'vitest';
import { ANONYMOUS, ORGANISER } from '@shared/domain/actor';
import { PAIRING_CODE_ALPHABET } from '@shared/api/network-commands';
import { newOpId, tempCore, thinDraft } from '../helpers';

async function setupCompetition() {
  const { core, clock } = tempCore();
  const competition = await core.call(ORGANISER, 'competition.create', thinDraft());
  await core.call(ORGANISER, 'session.open', { competitionId: competition.id });
  const { cards } = await core.call(ORGANISER, 'device.pairingCards', { competitionId: competition.id });
  return { core, clock, competition, cards };
}

describe('pairing cards and short codes', () => {
  it('gives every scoring juror a QR link and a short code from an unambiguous alphabet', async () => {
    const { cards, competition } = await setupCompetition();
    expect(cards.map((c) => c.name)).toEqual(competition.jurors.map((j) => j.name));
    for (const card of cards) {
      expect(card.code).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
      for (const char of card.code.replace('-', '')) expect(PAIRING_CODE_ALPHABET).toContain(char);
      // No LAN server in this test: no absolute link, so no QR code either.
      expect(card.url).toBeNull();
      expect(card.qr).toBeNull();
      expect(card.hasPin).toBe(false);
    }
    expect(new Set(cards.map((c) => c.code)).size).toBe(cards.length);
    expect(cards[0].role).toBe('chair');
  });

  it('pairs once by typed code (case and dash do not matter), and spends the link with it', async () => {
    const { core, cards } = await setupCompetition();
    const typed = cards[1].code.toLowerCase().replace('-', ' ');
    const paired = await core.call(ANONYMOUS, 'auth.pairByCode', { code: typed });
    expect(paired.actor).toMatchObject({ role: 'juror', jurorId: cards[1].jurorId, name: cards[1].name });
    expect(core.authenticate(paired.deviceToken)).toMatchObject({ role: 'juror', jurorId: cards[1].jurorId });
    await expect(core.call(ANONYMOUS, 'auth.pairByCode', { code: cards[1].code })).rejects.toMatchObject({ code: 'FORBIDDEN', key: 'pairingCodeInvalid' });
    // The code and the link are one pairing: the link is spent too.
    await expect(core.call(ANONYMOUS, 'auth.pair', { token: cards[1].token })).rejects.toMatchObject({ key: 'pairingTokenInvalid' });
    await expect(core.call(ANONYMOUS, 'auth.pairByCode', { code: 'AAA' })).rejects.toMatchObject({ key: 'pairingCodeInvalid' });
  });

  it('refuses a code after its link expired, and new cards cancel the old unused codes', async () => {
    const { core, clock, competition, cards } = await setupCompetition();
    const fresh = await core.call(ORGANISER, 'device.pairingCards', { competitionId: competition.id });
    await expect(core.call(ANONYMOUS, 'auth.pairByCode', { code: cards[2].code })).rejects.toMatchObject({ key: 'pairingCodeInvalid' });
    clock.now += 37 * 60 * 60 * 1000;
    await expect(core.call(ANONYMOUS, 'auth.pairByCode', { code: fresh.cards[2].code })).rejects.toMatchObject({ key: 'pairingCodeInvalid' });
  });
});

describe('PIN when pairing', () => {
  it('asks for the PIN, checks it, and locks the juror out for a minute after 5 wrong ones', async () => {
    const { core, clock, competition } = await setupCompetition();
    const budi = competition.jurors[1];
    await core.call(ORGANISER, 'juror.save', { competitionId: competition.id, id: budi.id, name: budi.name, pin: '482915' });
    const { cards } = await core.call(ORGANISER, 'device.pairingCards', { competitionId: competition.id });
    const card = cards.find((c) => c.jurorId === budi.id)!;
    expect(card.hasPin).toBe(true);

    await expect(core.call(ANONYMOUS, 'auth.pair', { token: card.token })).rejects.toMatchObject({ code: 'FORBIDDEN', key: 'pinRequired' });
    await expect(core.call(ANONYMOUS, 'auth.pairByCode', { code: card.code })).rejects.toMatchObject({ key: 'pinRequired' });
    for (let i = 1; i <= 5; i++) {
      await expect(core.call(ANONYMOUS, 'auth.pairByCode', { code: card.code, pin: '000000' })).rejects.toMatchObject({
        key: 'pinWrong',
        params: { left: 5 - i },
      });
    }
    // Locked: even the right PIN is refused, by link or code, for a minute.
    await expect(core.call(ANONYMOUS, 'auth.pair', { token: card.token, pin: '482915' })).rejects.toMatchObject({ key: 'pinLocked', params: { seconds: 60 } });
    clock.now += 30_000;
    await expect(core.call(ANONYMOUS, 'auth.pairByCode', { code: card.code, pin: '482915' }, 'en')).rejects.toMatchObject({
      key: 'pinLocked',
      message: 'Too many wrong PINs. Try again in 30 seconds.',
    });
    clock.now += 31_000;
    const paired = await core.call(ANONYMOUS, 'auth.pairByCode', { code: card.code, pin: '482915' });
    expect(paired.actor).toMatchObject({ role: 'juror', jurorId: budi.id });
    // The failures did not spend the pairing; the success did.
    await expect(core.call(ANONYMOUS, 'auth.pair', { token: card.token, pin: '482915' })).rejects.toMatchObject({ key: 'pairingTokenInvalid' });
  });
});

describe('devices list and revoke', () => {
  it('lists paired devices; a revoked device reads as anonymous at once and cannot score', async () => {
    const { core, clock, competition, cards } = await setupCompetition();
    const events: string[] = [];
    core.subscribe((push) => events.push(push.event));
    const juror = await core.call(ANONYMOUS, 'auth.pair', { token: cards[1].token });
    const display = await core.call(ANONYMOUS, 'auth.pair', {
      token: (await core.call(ORGANISER, 'device.issueDisplayLink', { competitionId: competition.id })).token,
    });
    expect(display.actor.role).toBe('display');
    clock.now += 5000;
    const jurorActor = core.authenticate(juror.deviceToken);
    const mark = { criterionId: competition.criteria[0].id, value: '80' };
    await core.call(jurorActor, 'scoring.saveSheet', { opId: newOpId(), entryId: competition.entries[0].id, marks: [mark] });

    const { devices } = await core.call(ORGANISER, 'device.list', { competitionId: competition.id });
    expect(devices.map((d) => [d.role, d.jurorName])).toEqual([
      ['display', null],
      ['juror', cards[1].name],
    ]);
    const jurorDevice = devices.find((d) => d.role === 'juror')!;
    expect(jurorDevice.createdAt).toBe('2026-11-23T02:00:00.000Z');
    expect(jurorDevice.lastSeenAt).toBe('2026-11-23T02:00:05.000Z');
    expect(jurorDevice.revokedAt).toBeNull();

    const revoked = await core.call(ORGANISER, 'device.revoke', { deviceId: jurorDevice.id });
    expect(revoked.revokedAt).toBe('2026-11-23T02:00:05.000Z');
    expect(events).toContain('device.revoked');
    expect(core.authenticate(juror.deviceToken)).toEqual(ANONYMOUS);
    expect(core.isRevokedToken(juror.deviceToken)).toBe(true);
    expect(core.isRevokedToken(display.deviceToken)).toBe(false);
    await expect(
      core.call(core.authenticate(juror.deviceToken), 'scoring.saveSheet', { opId: newOpId(), entryId: competition.entries[1].id, marks: [mark] }),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    // Revoking twice changes nothing; the display is still paired.
    expect((await core.call(ORGANISER, 'device.revoke', { deviceId: jurorDevice.id })).revokedAt).toBe(revoked.revokedAt);
    expect(core.authenticate(display.deviceToken).role).toBe('display');
    await expect(core.call(ORGANISER, 'device.revoke', { deviceId: 999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const after = (await core.call(ORGANISER, 'device.list', { competitionId: competition.id })).devices;
    expect(after.map((d) => d.revokedAt !== null)).toEqual([false, true]);
  });

  it("acts with the juror's role as it is now: a member made chair chairs, a chair who stepped down no longer does", async () => {
    const { core, competition, cards } = await setupCompetition();
    const member = competition.jurors[1];
    const { deviceToken } = await core.call(ANONYMOUS, 'auth.pair', { token: cards[1].token });
    expect(core.authenticate(deviceToken).role).toBe('juror');
    await expect(core.call(core.authenticate(deviceToken), 'progress.get', { competitionId: competition.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const setRole = (role: 'chair' | 'member') =>
      core.call(ORGANISER, 'juror.save', { competitionId: competition.id, id: member.id, name: member.name, title: '', nip: '', position: '', institution: '', role });

    await setRole('chair');
    expect(core.authenticate(deviceToken).role).toBe('chair');
    expect((await core.call(core.authenticate(deviceToken), 'progress.get', { competitionId: competition.id })).jurors.length).toBeGreaterThan(0);
    const listed = (await core.call(ORGANISER, 'device.list', { competitionId: competition.id })).devices;
    expect(listed.map((d) => [d.role, d.jurorName])).toEqual([['chair', member.name]]);

    await setRole('member');
    expect(core.authenticate(deviceToken).role).toBe('juror');
  });

  it('network.status without a LAN server is local, and setMode is refused clearly', async () => {
    const { core } = tempCore();
    expect(await core.call(ORGANISER, 'network.status', {})).toEqual({ mode: 'local', url: null, lanUrls: [] });
    await expect(core.call(ORGANISER, 'network.setMode', { mode: 'network' })).rejects.toMatchObject({ code: 'CONFLICT', key: 'networkUnavailable' });
    await expect(core.call(ANONYMOUS, 'network.status', {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
