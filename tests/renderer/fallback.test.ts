// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CommandInput, CommandOutput } from '@shared/api/contract';
import { createApiClient, getKioskToken, setKioskToken } from '../../renderer/src/api';
import { createHttpTransport } from '../../renderer/src/api/http';
import { createIpcTransport } from '../../renderer/src/api/ipc';
import { DEVICE_TOKEN_KEY } from '../../renderer/src/api/token';
import type { PreloadBridge } from '../../renderer/src/api/types';
import { createFakeApi } from './fake-api';
import { assignment } from './fixtures';
import { flushPromises, mountApp } from './helpers';

type Pair = CommandOutput<'paper.get'>;
const CRITERIA = assignment().criteria;
const [KEBARUAN, KEMANFAATAN] = CRITERIA;

const overview = (): CommandOutput<'paper.overview'> => ({
  stage: { id: 1, name: 'Presentasi' },
  jurors: [{ id: 5, name: 'Dr. Siti Rahma' }],
  entries: [{ id: 21, code: 'U-01', title: 'Sipantas' }],
  criteria: CRITERIA,
  pairs: [],
});
const typing = (slot: 1 | 2, typist: string, values: [string, string]) => ({
  slot,
  typist,
  marks: values.map((value, i) => ({ criterionId: CRITERIA[i].id, value })),
  typedAt: '2026-11-23T02:00:00Z',
});
const pair = (fields: Partial<Pair>): Pair => ({ stageId: 1, jurorId: 5, entryId: 21, typings: [], differences: [], confirmed: false, refusal: null, ...fields });

async function openPaperPage(current: Pair, onType: (input: CommandInput<'paper.type'>) => Pair) {
  const api = createFakeApi({ 'paper.overview': overview, 'paper.get': () => current, 'paper.type': onType });
  const mounted = await mountApp(api, '/competitions/1/paper');
  await mounted.wrapper.get('[data-testid="paper-juror"]').setValue('5');
  await mounted.wrapper.get('[data-testid="paper-entry"]').setValue('21');
  await flushPromises();
  return { api, ...mounted };
}

afterEach(() => {
  document.body.innerHTML = '';
  localStorage.clear();
});

describe('paper fallback page', () => {
  it('shows two differing typings side by side, marking only the criteria that differ', async () => {
    const differing = pair({ typings: [typing(1, 'Siti Aminah', ['80.5', '85']), typing(2, 'Andi Wijaya', ['80.5', '58'])], differences: [KEMANFAATAN.id] });
    const { wrapper } = await openPaperPage(differing, () => differing);
    const row = (id: number) => wrapper.get(`[data-testid="paper-diff-row-${id}"]`);
    expect(row(KEMANFAATAN.id).attributes('data-differs')).toBe('true');
    expect(row(KEBARUAN.id).attributes('data-differs')).toBe('false');
    expect(wrapper.get(`[data-testid="paper-diff-${KEMANFAATAN.id}-1"]`).text()).toBe('85');
    expect(wrapper.get(`[data-testid="paper-diff-${KEMANFAATAN.id}-2"]`).text()).toBe('58');
    // Exact decimal text, in Indonesian form.
    expect(wrapper.get(`[data-testid="paper-diff-${KEBARUAN.id}-2"]`).text()).toBe('80,5');
    expect(wrapper.get('[data-testid="paper-diff-head-2"]').text()).toContain('Andi Wijaya');
    expect(wrapper.get('[data-testid="paper-difference-count"]').text()).toContain('1 kriteria berbeda');
    // Nothing to type until someone chooses which typing to correct.
    expect(wrapper.find('[data-testid="paper-form"]').exists()).toBe(false);
  });

  it('corrects one typing from its own values and sends only that slot', async () => {
    const differing = pair({ typings: [typing(1, 'Siti Aminah', ['80', '85']), typing(2, 'Andi Wijaya', ['80', '58'])], differences: [KEMANFAATAN.id] });
    const matched = pair({ typings: [typing(1, 'Siti Aminah', ['80', '85']), typing(2, 'Andi Wijaya', ['80', '85'])], confirmed: true, refusal: 'paperConfirmed' });
    const { wrapper, api } = await openPaperPage(differing, () => matched);
    await wrapper.get('[data-testid="paper-correct-2"]').trigger('click');
    await flushPromises();
    expect((wrapper.get('[data-testid="paper-typist"]').element as HTMLInputElement).value).toBe('Andi Wijaya');
    expect((wrapper.get(`[data-testid="paper-mark-${KEMANFAATAN.id}"]`).element as HTMLInputElement).value).toBe('58');
    await wrapper.get(`[data-testid="paper-mark-${KEMANFAATAN.id}"]`).setValue('85');
    // Enter on the last mark saves, as on a paper form.
    await wrapper.get(`[data-testid="paper-mark-${KEMANFAATAN.id}"]`).trigger('keydown', { key: 'Enter' });
    await flushPromises();
    expect(api.callsOf('paper.type')).toEqual([
      {
        competitionId: 1,
        jurorId: 5,
        entryId: 21,
        slot: 2,
        typist: 'Andi Wijaya',
        marks: [
          { criterionId: KEBARUAN.id, value: '80' },
          { criterionId: KEMANFAATAN.id, value: '85' },
        ],
      },
    ]);
    expect(wrapper.find('[data-testid="paper-confirmed"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="paper-form"]').exists()).toBe(false);
  });

  it('has the second person type blind: the first typing is not shown in the form', async () => {
    const first = pair({ typings: [typing(1, 'Siti Aminah', ['80', '85'])] });
    const { wrapper, api } = await openPaperPage(first, () => first);
    expect(wrapper.get('[data-testid="paper-waiting"]').text()).toContain('Siti Aminah');
    expect((wrapper.get(`[data-testid="paper-mark-${KEBARUAN.id}"]`).element as HTMLInputElement).value).toBe('');
    expect(wrapper.find('[data-testid="paper-differences"]').exists()).toBe(false);
    // An incomplete sheet is not sent: the empty marks are pointed out instead.
    await wrapper.get('[data-testid="paper-typist"]').setValue('Andi Wijaya');
    await wrapper.get('[data-testid="paper-form"]').trigger('submit');
    expect(api.callsOf('paper.type')).toEqual([]);
    expect(wrapper.get(`[data-testid="paper-mark-${KEBARUAN.id}"]`).attributes('aria-invalid')).toBe('true');
  });
});

function kioskApi(idleSeconds: number, onAssignment: () => void = () => {}) {
  return createFakeApi({
    'kiosk.roster': () => ({
      competition: { id: 1, name: 'Kompetisi Inovasi 2025' },
      jurors: [
        { id: 5, name: 'Dr. Siti Rahma', title: '', role: 'member', hasPin: true },
        { id: 6, name: 'Maya Putri', title: '', role: 'member', hasPin: false },
      ],
      idleSeconds,
    }),
    'kiosk.switchIn': () => ({ kioskToken: 'kiosk-token-siti', actor: { role: 'juror', competitionId: 1, jurorId: 5, name: 'Dr. Siti Rahma' } }),
    'kiosk.switchOut': () => ({ ended: true }),
    'scoring.myAssignment': () => {
      onAssignment();
      return assignment();
    },
    'auth.whoami': () => ({ actor: { role: 'organiser' } }),
  });
}

async function switchIn(wrapper: Awaited<ReturnType<typeof mountApp>>['wrapper']) {
  await wrapper.get('[data-testid="kiosk-juror-5"]').trigger('click');
  await flushPromises();
  await wrapper.get('[data-testid="kiosk-pin"]').setValue('482915');
  await wrapper.get('[data-testid="kiosk-pin-form"]').trigger('submit');
  await flushPromises();
}

describe('kiosk page', () => {
  it('switches the juror out by itself after the inactivity time', async () => {
    const api = kioskApi(2);
    const { wrapper } = await mountApp(api, '/competitions/1/kiosk');
    await switchIn(wrapper);
    expect(wrapper.get('[data-testid="kiosk-idle-warning"]').text()).toContain('detik');
    expect(api.callsOf('kiosk.switchOut')).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 4200)); // 2 s idle, then the autosave grace
    await flushPromises();
    expect(api.callsOf('kiosk.switchOut')).toEqual([{ kioskToken: 'kiosk-token-siti', reason: 'idle' }]);
    expect(getKioskToken()).toBeNull();
    expect(wrapper.get('[data-testid="kiosk-switched-out"]').text()).toContain('otomatis');
  });

  it('switches a juror in with a PIN, shows their scoring page as them, and switches out', async () => {
    const seenTokens: (string | null)[] = [];
    const api = kioskApi(120, () => seenTokens.push(getKioskToken()));
    const { wrapper } = await mountApp(api, '/competitions/1/kiosk');
    expect(wrapper.get('[data-testid="kiosk-juror-6"]').attributes('disabled')).toBeDefined();
    await switchIn(wrapper);
    expect(wrapper.find('[data-testid="kiosk-idle-warning"]').exists()).toBe(false);

    expect(api.callsOf('kiosk.switchIn')).toEqual([{ competitionId: 1, jurorId: 5, pin: '482915' }]);
    expect(wrapper.get('[data-testid="kiosk-acting"]').text()).toContain('Dr. Siti Rahma');
    expect(wrapper.get('[data-testid="juror-name"]').text()).toBe('Dr. Siti Rahma');
    // The scoring page's requests went out as the switched-in juror.
    expect(seenTokens).toEqual(['kiosk-token-siti']);
    const keptForToken = () => Object.keys(localStorage).filter((key) => key.endsWith('.kiosk-token-siti'));
    expect(keptForToken()).not.toEqual([]);

    await wrapper.get('[data-testid="kiosk-switch-out"]').trigger('click');
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the last typing's autosave gets its chance
    await flushPromises();
    expect(api.callsOf('kiosk.switchOut')).toEqual([{ kioskToken: 'kiosk-token-siti', reason: 'manual' }]);
    expect(getKioskToken()).toBeNull();
    // Nothing the juror's page kept in the browser outlives their turn.
    expect(keptForToken()).toEqual([]);
    expect(wrapper.find('[data-testid="juror-name"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="kiosk-switched-out"]').text()).toContain('Dr. Siti Rahma');
  });
});

describe('the api client acting as a kiosk juror', () => {
  afterEach(() => setKioskToken(null));

  it('over IPC: sends the kiosk token in the envelope while a juror is switched in, and nothing after', async () => {
    const bridge: PreloadBridge = { invoke: vi.fn(async () => ({ id: '1', ok: true as const, output: {} })), subscribe: vi.fn(() => () => {}) };
    const api = createApiClient(createIpcTransport(bridge), { locale: () => 'id' });
    setKioskToken('kiosk-token-siti');
    await api.invoke('scoring.myAssignment', {});
    setKioskToken(null);
    await api.invoke('competition.list', {});
    expect(vi.mocked(bridge.invoke).mock.calls).toEqual([
      ['scoring.myAssignment', {}, 'id', 'kiosk-token-siti'],
      ['competition.list', {}, 'id'],
    ]);
  });

  it("over HTTP: the kiosk token replaces the organiser's device token as the bearer", async () => {
    localStorage.setItem(DEVICE_TOKEN_KEY, 'organiser-device-token');
    const fetch = vi.fn(async (_url: string, init: RequestInit) =>
      new Response(JSON.stringify({ id: JSON.parse(String(init.body)).id, ok: true, output: {} }), { headers: { 'content-type': 'application/json' } }),
    );
    const api = createApiClient(createHttpTransport({ origin: 'http://h', fetch: fetch as typeof globalThis.fetch, watchNetwork: false }));
    setKioskToken('kiosk-token-siti');
    await api.invoke('scoring.myAssignment', {});
    setKioskToken(null);
    await api.invoke('competition.list', {});
    const bearers = fetch.mock.calls.map(([, init]) => (init.headers as Record<string, string>).authorization);
    expect(bearers).toEqual(['Bearer kiosk-token-siti', 'Bearer organiser-device-token']);
  });
});
