// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandInput } from '@shared/api/contract';
import { ApiError } from '../../renderer/src/api/client';
import { AUTOSAVE_MS } from '../../renderer/src/stores/juror';
import type { SheetOp } from '../../renderer/src/lib/outbox';
import { apiError, createFakeApi } from './fake-api';
import { assignment } from './fixtures';
import { flushPromises, mountApp } from './helpers';

const OUTBOX_KEY = 'ruang-juri.juror.outbox.local';
const DRAFTS_KEY = 'ruang-juri.juror.drafts.local';

/** A core behind a switchable network: offline, every call fails as the HTTP transport would. */
function flakyApi() {
  const state = { offline: false, refuse: null as ApiError | null };
  const applied: CommandInput<'scoring.saveSheet'>[] = [];
  const down = () => {
    if (state.offline) throw ApiError.network('offline', 'id');
  };
  const api = createFakeApi({
    'scoring.myAssignment': () => {
      down();
      return assignment();
    },
    'scoring.saveSheet': (input: CommandInput<'scoring.saveSheet'>) => {
      down();
      if (state.refuse) throw state.refuse;
      applied.push(structuredClone(input));
      return {
        entryId: input.entryId,
        jurorId: 5,
        status: input.submit ? 'submitted' : 'draft',
        marks: input.marks.map((m) => ({ criterionId: m.criterionId, value: String(m.value).replace(',', '.') })),
        updatedAt: '2025-05-20T03:00:00Z',
      };
    },
  });
  return { api, state, applied };
}

const storedOutbox = (): SheetOp[] => JSON.parse(localStorage.getItem(OUTBOX_KEY) ?? '[]');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function typeAndSubmit(wrapper: Awaited<ReturnType<typeof mountApp>>['wrapper']) {
  await wrapper.get('[data-testid="juror-entry-21"]').trigger('click');
  await wrapper.get('[data-testid="mark-11"]').setValue('80,5');
  await wrapper.get('[data-testid="mark-12"]').setValue('70');
  await wrapper.get('[data-testid="submit-sheet"]').trigger('click');
  await flushPromises();
  await wrapper.get('[data-testid="confirm-submit"]').trigger('click');
  await flushPromises();
}

afterEach(() => {
  document.body.innerHTML = '';
  localStorage.clear();
});

describe('juror page without a network', () => {
  it('keeps a submission made offline in the outbox with its opId, then sends it once with the same opId', async () => {
    const { api, state, applied } = flakyApi();
    const { wrapper } = await mountApp(api, '/juror');
    state.offline = true;
    await typeAndSubmit(wrapper);

    const badge = wrapper.get('[data-testid="connection-badge"]');
    expect(badge.attributes('data-state')).toBe('offline');
    expect(badge.text()).toContain('Luring — tersimpan di perangkat ini');
    expect(badge.text()).toContain('1 perubahan menunggu dikirim');
    const [op] = storedOutbox();
    expect(op).toMatchObject({ entryId: 21, submit: true, marks: [{ criterionId: 11, value: '80,5' }, { criterionId: 12, value: '70' }] });
    expect(api.callsOf('scoring.saveSheet').map((c) => c.opId)).toEqual([op.opId]);
    expect(wrapper.get('[data-testid="juror-entry-21"]').attributes('data-waiting')).toBe('true');
    expect(wrapper.get('[data-testid="entry-waiting"]').text()).toBe('Menunggu dikirim');
    expect(wrapper.find('[data-testid="sheet-waiting"]').exists()).toBe(true);
    expect(wrapper.get('[data-testid="mark-11"]').attributes('disabled')).toBeDefined();
    expect(wrapper.find('[data-testid="sheet-locked"]').exists()).toBe(false);

    state.offline = false;
    api.reconnect();
    await flushPromises();

    expect(applied).toHaveLength(1);
    expect(applied[0].opId).toBe(op.opId);
    expect(new Set(api.callsOf('scoring.saveSheet').map((c) => c.opId))).toEqual(new Set([op.opId]));
    expect(storedOutbox()).toEqual([]);
    expect(wrapper.find('[data-testid="connection-badge"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="sheet-locked"]').exists()).toBe(true);
    expect(wrapper.get('[data-testid="juror-entry-21"]').attributes('data-status')).toBe('submitted');
    expect(localStorage.getItem(DRAFTS_KEY)).toBe('{}');
  });

  it('restores drafts and the pending outbox after a reload while offline', async () => {
    const first = flakyApi();
    const { wrapper } = await mountApp(first.api, '/juror');
    first.state.offline = true;
    await typeAndSubmit(wrapper);
    // A second entry half typed (its draft is in the browser at once, before any debounce).
    const opId = storedOutbox()[0].opId;
    wrapper.unmount();
    document.body.innerHTML = '';

    // Reload: a new app and store, the core still unreachable.
    const second = flakyApi();
    second.state.offline = true;
    const { wrapper: again } = await mountApp(second.api, '/juror');
    expect(again.get('[data-testid="juror-name"]').text()).toBe('Dr. Siti Rahma');
    expect(again.get('[data-testid="connection-badge"]').attributes('data-state')).toBe('offline');
    expect(again.get('[data-testid="connection-badge"]').attributes('data-pending')).toBe('1');
    expect(again.get('[data-testid="juror-entry-21"]').attributes('data-waiting')).toBe('true');
    await again.get('[data-testid="juror-entry-21"]').trigger('click');
    expect((again.get('[data-testid="mark-11"]').element as HTMLInputElement).value).toBe('80,5');
    expect((again.get('[data-testid="mark-12"]').element as HTMLInputElement).value).toBe('70');

    second.state.offline = false;
    second.api.reconnect();
    await flushPromises();
    expect(second.applied.map((c) => c.opId)).toEqual([opId]);
    expect(again.find('[data-testid="sheet-locked"]').exists()).toBe(true);
    expect(storedOutbox()).toEqual([]);
  });

  it('restores a typed draft after a reload even when it was never sent', async () => {
    const { api, state } = flakyApi();
    const { wrapper } = await mountApp(api, '/juror');
    state.offline = true;
    await wrapper.get('[data-testid="juror-entry-21"]').trigger('click');
    await wrapper.get('[data-testid="mark-12"]').setValue('64');
    expect(JSON.parse(localStorage.getItem(DRAFTS_KEY)!)).toEqual({ 21: { 11: '', 12: '64' } });
    wrapper.unmount();

    const { api: api2 } = flakyApi();
    const { wrapper: again } = await mountApp(api2, '/juror');
    await again.get('[data-testid="juror-entry-21"]').trigger('click');
    expect((again.get('[data-testid="mark-12"]').element as HTMLInputElement).value).toBe('64');
  });

  it('saves a draft by itself after a pause in typing, and keeps it in the browser at once', async () => {
    const { api, applied } = flakyApi();
    const { wrapper } = await mountApp(api, '/juror');
    await wrapper.get('[data-testid="juror-entry-21"]').trigger('click');
    await wrapper.get('[data-testid="mark-11"]').setValue('7');
    await wrapper.get('[data-testid="mark-11"]').setValue('75');
    expect(JSON.parse(localStorage.getItem(DRAFTS_KEY)!)[21][11]).toBe('75');
    expect(applied).toHaveLength(0);
    await sleep(AUTOSAVE_MS + 100);
    await flushPromises();
    expect(applied).toEqual([{ opId: expect.any(String), entryId: 21, marks: [{ criterionId: 11, value: '75' }], submit: false }]);
    expect(wrapper.get('[data-testid="juror-entry-21"]').attributes('data-status')).toBe('draft');
    expect(localStorage.getItem(DRAFTS_KEY)).toBe('{}');
  });

  it('drops a refused operation from the outbox, shows the refusal translated and keeps the draft', async () => {
    const { api, state, applied } = flakyApi();
    const { wrapper } = await mountApp(api, '/juror');
    state.offline = true;
    await wrapper.get('[data-testid="juror-entry-21"]').trigger('click');
    await wrapper.get('[data-testid="mark-11"]').setValue('60');
    await wrapper.get('[data-testid="save-draft"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="draft-queued"]').exists()).toBe(true);
    expect(storedOutbox()).toHaveLength(1);

    state.offline = false;
    state.refuse = apiError({ code: 'FORBIDDEN', details: { key: 'sheetSubmitted' } });
    api.reconnect();
    await flushPromises();
    expect(applied).toHaveLength(0);
    expect(storedOutbox()).toEqual([]);
    expect(wrapper.get('[data-testid="save-error"]').text()).toBe('Lembar penilaian untuk peserta ini sudah dikirim dan terkunci.');
    expect((wrapper.get('[data-testid="mark-11"]').element as HTMLInputElement).value).toBe('60');
    expect(JSON.parse(localStorage.getItem(DRAFTS_KEY)!)[21][11]).toBe('60');
    expect(wrapper.find('[data-testid="connection-badge"]').exists()).toBe(false);

    // Not retried: nothing more goes out.
    await sleep(50);
    await flushPromises();
    expect(api.callsOf('scoring.saveSheet')).toHaveLength(2);
  });
});
