// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActorView, Entry } from '@shared/domain/schemas';
import { DEVICE_TOKEN_KEY } from '../../renderer/src/api/token';
import { apiError, createFakeApi } from './fake-api';
import { entry, openSession } from './fixtures';
import { flushPromises, mountApp } from './helpers';

beforeEach(() => localStorage.clear());
afterEach(() => {
  document.body.innerHTML = '';
});

describe('pairing', () => {
  it.each([
    [{ role: 'organiser' }, '/'],
    [{ role: 'chair', competitionId: 1, jurorId: 2, name: 'K' }, '/juror'],
    [{ role: 'juror', competitionId: 1, jurorId: 3, name: 'J' }, '/juror'],
    [{ role: 'display', competitionId: 1 }, '/display'],
  ] as [ActorView, string][])('stores the device token and goes where a %o belongs', async (actor, target) => {
    const api = createFakeApi({
      'auth.pair': () => ({ deviceToken: 'device-token-xyz', actor }),
      'auth.whoami': () => ({ actor }),
      'competition.list': () => [],
      'scoring.myAssignment': () => {
        throw new Error('not needed');
      },
      'display.state': () => ({ competitionName: 'X', logo: null, session: null, currentEntry: null, nextEntry: null }),
    });
    const { router } = await mountApp(api, '/pair?t=one-time-token-123');
    expect(api.callsOf('auth.pair')).toEqual([{ token: 'one-time-token-123' }]);
    expect(localStorage.getItem(DEVICE_TOKEN_KEY)).toBe('device-token-xyz');
    expect(router.currentRoute.value.path).toBe(target);
  });

  it('shows a refused link translated and stores nothing', async () => {
    const api = createFakeApi({
      'auth.pair': () => {
        throw apiError({ code: 'UNAUTHENTICATED', details: { key: 'pairingTokenInvalid' } });
      },
    });
    const { wrapper, router } = await mountApp(api, '/pair?t=used-token-123');
    expect(wrapper.get('[data-testid="pair-error"]').text()).toContain('Tautan ini tidak berlaku atau sudah dipakai');
    expect(localStorage.getItem(DEVICE_TOKEN_KEY)).toBeNull();
    expect(router.currentRoute.value.path).toBe('/pair');
  });
});

describe('home', () => {
  it('tells an anonymous device to open its personal link', async () => {
    const api = createFakeApi({ 'auth.whoami': () => ({ actor: { role: 'anonymous' } }) });
    const { wrapper } = await mountApp(api, '/');
    expect(wrapper.find('[data-testid="not-paired"]').exists()).toBe(true);
    expect(api.callsOf('competition.list')).toHaveLength(0);
  });

  it('lists competitions for the organiser with links to their session pages', async () => {
    const api = createFakeApi({
      'auth.whoami': () => ({ actor: { role: 'organiser' } }),
      'competition.list': () => [{ id: 3, name: 'KIPP 2025', createdAt: '2022-11-09T03:00:00Z', entryCount: 12 }],
    });
    const { wrapper } = await mountApp(api, '/');
    const link = wrapper.get('[data-testid="competition-link-3"]');
    expect(link.text()).toBe('KIPP 2025');
    expect(link.attributes('href')).toContain('/competitions/3');
    expect(wrapper.get('[data-testid="competition-list"]').text()).toContain('Rabu, 9 November 2022');
    expect(wrapper.find('[data-testid="create-competition"]').exists()).toBe(true);
  });

  it('sends a juror device to its scoring page', async () => {
    const api = createFakeApi({
      'auth.whoami': () => ({ actor: { role: 'juror', competitionId: 1, jurorId: 3, name: 'J' } }),
      'scoring.myAssignment': () => {
        throw new Error('not needed');
      },
    });
    const { router } = await mountApp(api, '/');
    expect(router.currentRoute.value.path).toBe('/juror');
  });
});

describe('stage display', () => {
  it('shows the competition, the entry on stage and the session; refreshes on session.changed and reconnect', async () => {
    let current: Entry | null = null;
    let session = openSession;
    const api = createFakeApi({
      'display.state': () => ({ competitionName: 'KIPP 2025', logo: null, session, currentEntry: current, nextEntry: null }),
    });
    const { wrapper } = await mountApp(api, '/display');
    expect(wrapper.get('[data-testid="display-competition"]').text()).toBe('KIPP 2025');
    expect(wrapper.get('[data-testid="display-session-status"]').attributes('data-status')).toBe('open');
    expect(wrapper.get('[data-testid="display-entry-title"]').text()).toBe('Menunggu peserta berikutnya');

    current = entry({ id: 21, code: 'U-01', title: 'Sipantas', unit: 'Dinas Kesehatan', categoryId: 1 });
    api.emit('session.changed', { competitionId: 1, session: { ...openSession, currentEntryId: 21 } });
    await flushPromises();
    expect(wrapper.get('[data-testid="display-entry-title"]').text()).toBe('Sipantas');
    expect(wrapper.text()).toContain('Dinas Kesehatan');

    session = { ...openSession, status: 'closed', closedAt: '2025-05-20T05:00:00Z' };
    api.reconnect();
    await flushPromises();
    expect(wrapper.get('[data-testid="display-session-status"]').attributes('data-status')).toBe('closed');
  });
});
