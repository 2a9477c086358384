// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandOutput } from '@shared/api/contract';
import { API_KEY } from '../../renderer/src/api';
import { DEVICE_TOKEN_KEY } from '../../renderer/src/api/token';
import NetworkPanel from '../../renderer/src/components/NetworkPanel.vue';
import { createAppI18n } from '../../renderer/src/i18n';
import { apiError, createFakeApi, type FakeApi } from './fake-api';
import { mountApp } from './helpers';

beforeEach(() => localStorage.clear());
afterEach(() => {
  document.body.innerHTML = '';
});

type Status = CommandOutput<'network.status'>;
type Card = CommandOutput<'device.pairingCards'>['cards'][number];
type Device = CommandOutput<'device.list'>['devices'][number];

const QR = 'data:image/svg+xml;base64,PHN2Zy8+';
const card = (jurorId: number, name: string, code: string, hasPin = false): Card => ({
  jurorId,
  name,
  role: 'juror',
  token: `tok-${jurorId}-abcdef`,
  url: `http://192.168.1.10:5199/#/pair?t=tok-${jurorId}-abcdef`,
  code,
  qr: QR,
  hasPin,
  expiresAt: '2026-11-24T14:00:00.000Z',
});
const device = (id: number, jurorName: string, revokedAt: string | null = null): Device => ({
  id,
  role: 'juror',
  jurorId: id + 100,
  jurorName,
  createdAt: '2026-11-23T02:00:00.000Z',
  lastSeenAt: '2026-11-23T02:05:00.000Z',
  revokedAt,
});

function networkApi(): FakeApi & { state: { status: Status; devices: Device[] } } {
  const state = {
    status: { mode: 'local', url: 'http://127.0.0.1:5199', lanUrls: ['http://192.168.1.10:5199'] } as Status,
    devices: [device(7, 'Ir. Budi Santoso')],
  };
  const api = createFakeApi({
    'network.status': () => state.status,
    'network.setMode': ({ mode }) => (state.status = { ...state.status, mode, url: mode === 'network' ? 'http://192.168.1.10:5199' : 'http://127.0.0.1:5199' }),
    'device.list': () => ({ devices: state.devices }),
    'device.pairingCards': () => ({ cards: [card(5, 'Dr. Ratna Sari', 'K7M-3QX'), card(6, 'Ir. Budi Santoso', 'PW4-TNA', true)] }),
    'device.revoke': ({ deviceId }) => {
      state.devices = state.devices.map((d) => (d.id === deviceId ? { ...d, revokedAt: '2026-11-23T03:00:00.000Z' } : d));
      return state.devices.find((d) => d.id === deviceId)!;
    },
  });
  return Object.assign(api, { state });
}

async function mountPanel(api: FakeApi) {
  const wrapper = mount(NetworkPanel, {
    props: { competitionId: 1 },
    attachTo: document.body,
    global: { plugins: [createPinia(), createAppI18n('id')], provide: { [API_KEY as symbol]: api } },
  });
  await flushPromises();
  return wrapper;
}

describe('Perangkat juri panel', () => {
  it('shows one QR code and one short code per juror, and the paired devices', async () => {
    const api = networkApi();
    api.state.status = { ...api.state.status, mode: 'network', url: 'http://192.168.1.10:5199' };
    const wrapper = await mountPanel(api);
    expect(wrapper.get('[data-testid="network-mode"]').text()).toContain('Jaringan');
    expect(wrapper.get('[data-testid="network-warning"]').text()).toContain('perangkat lain di Wi-Fi ini');
    expect(wrapper.get('[data-testid="network-lan-urls"]').text()).toContain('http://192.168.1.10:5199');
    expect(wrapper.get('[data-testid="device-list"]').text()).toContain('Ir. Budi Santoso');

    await wrapper.get('[data-testid="make-pairing-cards"]').trigger('click');
    await flushPromises();
    expect(api.callsOf('device.pairingCards')).toEqual([{ competitionId: 1 }]);
    const qrs = wrapper.findAll('img.pairing-card__qr');
    expect(qrs).toHaveLength(2);
    expect(qrs.map((img) => img.attributes('src'))).toEqual([QR, QR]);
    expect(qrs[0].attributes('alt')).toBe('Kode QR untuk Dr. Ratna Sari');
    expect(wrapper.get('[data-testid="pairing-code-5"]').text()).toBe('K7M-3QX');
    expect(wrapper.get('[data-testid="pairing-code-6"]').text()).toBe('PW4-TNA');
    expect(wrapper.get('[data-testid="pairing-card-6"]').text()).toContain('Perlu PIN');
    expect(wrapper.text()).toContain('http://192.168.1.10:5199/#/pair');
  });

  it('switches network mode only after the warning is confirmed', async () => {
    const api = networkApi();
    const wrapper = await mountPanel(api);
    expect(wrapper.find('[data-testid="network-warning"]').exists()).toBe(false);

    await wrapper.get('[data-testid="network-toggle"]').trigger('click');
    await flushPromises();
    expect(document.body.querySelector('[data-testid="confirm-message"]')?.textContent).toContain('Perangkat lain di jaringan Wi-Fi yang sama');
    (document.body.querySelector('[data-testid="confirm-no"]') as HTMLElement).click();
    await flushPromises();
    expect(api.callsOf('network.setMode')).toEqual([]);

    await wrapper.get('[data-testid="network-toggle"]').trigger('click');
    await flushPromises();
    (document.body.querySelector('[data-testid="confirm-yes"]') as HTMLElement).click();
    await flushPromises();
    expect(api.callsOf('network.setMode')).toEqual([{ mode: 'network' }]);
    expect(wrapper.find('[data-testid="network-warning"]').exists()).toBe(true);
    expect(wrapper.get('[data-testid="network-toggle"]').text()).toBe('Kembali ke mode lokal');
  });

  it('revokes a device after confirmation and refreshes on device events', async () => {
    const api = networkApi();
    const wrapper = await mountPanel(api);
    await wrapper.get('[data-testid="revoke-device-7"]').trigger('click');
    await flushPromises();
    expect(document.body.querySelector('[data-testid="confirm-message"]')?.textContent).toContain('Juri · Ir. Budi Santoso');
    (document.body.querySelector('[data-testid="confirm-yes"]') as HTMLElement).click();
    await flushPromises();
    expect(api.callsOf('device.revoke')).toEqual([{ deviceId: 7 }]);
    expect(wrapper.get('[data-testid="device-7"]').text()).toContain('Dicabut');
    expect(wrapper.find('[data-testid="revoke-device-7"]').exists()).toBe(false);

    api.state.devices = [device(8, 'Maya Putri, M.Si.'), ...api.state.devices];
    api.emit('device.paired', { competitionId: 1, deviceId: 8 });
    await flushPromises();
    expect(wrapper.get('[data-testid="device-8"]').text()).toContain('Maya Putri');
  });
});

describe('pairing page: typed code and PIN', () => {
  it('pairs with a typed short code, asking for the PIN when the juror has one', async () => {
    const actor = { role: 'juror', competitionId: 1, jurorId: 6, name: 'Ir. Budi Santoso' } as const;
    const api = createFakeApi({
      'auth.pairByCode': (input) => {
        if (!input.pin) throw apiError({ code: 'FORBIDDEN', details: { key: 'pinRequired' } });
        if (input.pin !== '482915') throw apiError({ code: 'FORBIDDEN', message: 'PIN salah. Sisa percobaan: 4.', details: { key: 'pinWrong', params: { left: 4 } } });
        return { deviceToken: 'device-token-by-code', actor };
      },
      'auth.whoami': () => ({ actor }),
      'scoring.myAssignment': () => {
        throw new Error('not needed');
      },
    });
    const { wrapper, router } = await mountApp(api, '/pair');
    await wrapper.get('[data-testid="pair-code"]').setValue('pw4-tna');
    await wrapper.get('[data-testid="pair-form"]').trigger('submit');
    await flushPromises();
    expect(api.callsOf('auth.pairByCode')).toEqual([{ code: 'pw4-tna' }]);
    // The PIN field appears, without an error: being asked is not a failure.
    expect(wrapper.find('[data-testid="pair-error"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('Masukkan PIN');

    await wrapper.get('[data-testid="pair-pin"]').setValue('111111');
    await wrapper.get('[data-testid="pair-form"]').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="pair-error"]').text()).toContain('PIN salah');
    expect(localStorage.getItem(DEVICE_TOKEN_KEY)).toBeNull();

    await wrapper.get('[data-testid="pair-pin"]').setValue('482915');
    await wrapper.get('[data-testid="pair-form"]').trigger('submit');
    await flushPromises();
    expect(api.callsOf('auth.pairByCode').at(-1)).toEqual({ code: 'pw4-tna', pin: '482915' });
    expect(localStorage.getItem(DEVICE_TOKEN_KEY)).toBe('device-token-by-code');
    expect(router.currentRoute.value.path).toBe('/juror');
  });

  it('asks for the PIN after a scanned link too, and keeps the link', async () => {
    const api = createFakeApi({
      'auth.pair': (input) => {
        if (!input.pin) throw apiError({ code: 'FORBIDDEN', details: { key: 'pinRequired' } });
        return { deviceToken: 'device-token-link', actor: { role: 'display', competitionId: 1 } };
      },
      'auth.whoami': () => ({ actor: { role: 'display', competitionId: 1 } }),
      'display.state': () => ({ competitionName: 'X', logo: null, session: null, currentEntry: null, nextEntry: null }),
    });
    const { wrapper, router } = await mountApp(api, '/pair?t=one-time-token-123');
    expect(wrapper.find('[data-testid="pair-code"]').exists()).toBe(false);
    await wrapper.get('[data-testid="pair-pin"]').setValue('482915');
    await wrapper.get('[data-testid="pair-form"]').trigger('submit');
    await flushPromises();
    expect(api.callsOf('auth.pair')).toEqual([{ token: 'one-time-token-123' }, { token: 'one-time-token-123', pin: '482915' }]);
    expect(router.currentRoute.value.path).toBe('/display');
  });
});
