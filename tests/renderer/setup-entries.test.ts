// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { apiError } from './fake-api';
import { flushPromises, mountApp } from './helpers';
import { detail, manyEntries, setupApi } from './setup-fixtures';

afterEach(() => {
  document.body.innerHTML = '';
});

const rowsOf = (wrapper: VueWrapper) => wrapper.findAll('[data-testid="entry-row"]');
const codesOf = (wrapper: VueWrapper) => rowsOf(wrapper).map((r) => r.get('[data-testid="entry-code"]').text());
const selectedCode = (wrapper: VueWrapper) => wrapper.find('[data-testid="entry-row"][aria-selected="true"] [data-testid="entry-code"]').text();
const key = (wrapper: VueWrapper, name: string) => wrapper.get('[data-testid="entries-list"]').trigger('keydown', { key: name });

describe('entries list', () => {
  it('filters and sorts 3,000 entries and renders far fewer rows than entries', async () => {
    const api = setupApi(detail({ entries: manyEntries(3000) }));
    const { wrapper } = await mountApp(api, '/competitions/7/setup/entries');

    expect(wrapper.get('[data-testid="entries-count"]').text()).toBe('3.000 peserta');
    expect(wrapper.get('[data-testid="entries-list"]').attributes('aria-rowcount')).toBe('3000');
    const rendered = rowsOf(wrapper).length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    expect(codesOf(wrapper)[0]).toBe('E-0001');

    // search by unit and title words, then narrow by category
    await wrapper.get('[data-testid="entries-search"]').setValue('cerdas');
    expect(wrapper.get('[data-testid="entries-count"]').text()).toBe('750 dari 3.000 peserta');
    await wrapper.get('[data-testid="entries-search"]').setValue('E-2999');
    expect(codesOf(wrapper)).toEqual(['E-2999']);
    await wrapper.get('[data-testid="entries-search"]').setValue('perhubungan');
    await wrapper.get('[data-testid="entries-category"]').setValue('2');
    // units cycle every 3, categories every 2: Perhubungan (i % 3 = 2) in category 2 (i odd) is i % 6 = 5
    expect(wrapper.get('[data-testid="entries-count"]').text()).toBe('500 dari 3.000 peserta');
    expect(codesOf(wrapper)[0]).toBe('E-0006');

    // sort by code, descending: the last code comes first
    await wrapper.get('[data-testid="entries-sort-code"]').trigger('click');
    expect(codesOf(wrapper)[0]).toBe('E-3000');
    expect(wrapper.get('[data-testid="entries-sort-code"]').element.closest('[role="columnheader"]')!.getAttribute('aria-sort')).toBe('descending');
    expect(rowsOf(wrapper).length).toBeLessThan(60);

    // sort by title (numbers inside compared as numbers)
    await wrapper.get('[data-testid="entries-sort-title"]').trigger('click');
    expect(rowsOf(wrapper).slice(0, 2).map((r) => r.get('[data-testid="entry-title"]').text())).toEqual(['Inovasi Cepat 12', 'Inovasi Cepat 24']);
  });

  it('renders the rows of the scrolled-to window only', async () => {
    const api = setupApi(detail({ entries: manyEntries(3000) }));
    const { wrapper } = await mountApp(api, '/competitions/7/setup/entries');
    const list = wrapper.get('[data-testid="entries-list"]');
    (list.element as HTMLElement).scrollTop = 48 * 1500;
    await list.trigger('scroll');
    const codes = codesOf(wrapper);
    expect(codes).toContain('E-1501');
    expect(codes).not.toContain('E-0001');
    expect(codes.length).toBeLessThan(60);
  });

  it('moves the selection with the arrow keys, Home and End, and keeps it in view', async () => {
    const api = setupApi(detail({ entries: manyEntries(3000) }));
    const { wrapper } = await mountApp(api, '/competitions/7/setup/entries');
    await key(wrapper, 'ArrowDown');
    expect(selectedCode(wrapper)).toBe('E-0001');
    await key(wrapper, 'ArrowDown');
    await key(wrapper, 'ArrowDown');
    expect(selectedCode(wrapper)).toBe('E-0003');
    await key(wrapper, 'ArrowUp');
    expect(selectedCode(wrapper)).toBe('E-0002');
    const list = wrapper.get('[data-testid="entries-list"]');
    expect(list.attributes('aria-activedescendant')).toBe('entry-row-1001');

    await key(wrapper, 'End');
    expect(selectedCode(wrapper)).toBe('E-3000');
    expect(list.attributes('aria-activedescendant')).toBe('entry-row-3999');
    await key(wrapper, 'ArrowDown');
    expect(selectedCode(wrapper)).toBe('E-3000');
    await key(wrapper, 'Home');
    expect(selectedCode(wrapper)).toBe('E-0001');
    await key(wrapper, 'PageDown');
    expect(Number(wrapper.get('[data-testid="entry-row"][aria-selected="true"]').attributes('data-index'))).toBeGreaterThan(3);
  });

  it('opens the selected entry with Enter and saves it through entry.save', async () => {
    const api = setupApi(detail(), {
      'entry.save': (input) => detail({ entries: detail().entries.map((e) => (e.id === input.id ? { ...e, title: input.title } : e)) }),
    });
    const { wrapper } = await mountApp(api, '/competitions/7/setup/entries');
    // sorted by code: K-01, U-01, U-02
    await key(wrapper, 'ArrowDown');
    await key(wrapper, 'ArrowDown');
    await key(wrapper, 'ArrowDown');
    await key(wrapper, 'Enter');
    const form = wrapper.get('[data-testid="entry-form"]');
    expect((form.get('[data-testid="entry-form-code"]').element as HTMLInputElement).value).toBe('U-02');
    await form.get('[data-testid="entry-form-title"]').setValue('Lapor Cepat Ilir');
    await form.get('form').trigger('submit');
    await flushPromises();
    expect(api.callsOf('entry.save')).toEqual([
      { competitionId: 7, id: 32, code: 'U-02', title: 'Lapor Cepat Ilir', unit: 'Kecamatan Ilir Barat', categoryId: 1, presenters: '', contact: '', notes: '' },
    ]);
    expect(wrapper.find('[data-testid="entry-form"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('Lapor Cepat Ilir');
  });

  it('shows a refused entry field next to that field', async () => {
    const api = setupApi(detail(), {
      'entry.save': () => {
        throw apiError({ code: 'VALIDATION', details: { key: 'invalidInput', issues: [{ path: 'code', message: 'validation.required' }] } });
      },
    });
    const { wrapper } = await mountApp(api, '/competitions/7/setup/entries');
    await wrapper.get('[data-testid="entry-add"]').trigger('click');
    await wrapper.get('[data-testid="entry-form-title"]').setValue('Baru');
    await wrapper.get('[data-testid="entry-form-save"]').trigger('submit');
    await wrapper.get('[data-testid="entry-form"] form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="entry-form-code"]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('[data-testid="entry-form-code-problem"]').text()).toBe('wajib diisi');
    expect(wrapper.get('[data-testid="entry-form-title"]').attributes('aria-invalid')).toBe('false');
  });

  it('asks before deleting with the Delete key and deletes only after confirming', async () => {
    const api = setupApi(detail(), {
      'entry.delete': (input) => detail({ entries: detail().entries.filter((e) => e.id !== input.entryId) }),
    });
    const { wrapper } = await mountApp(api, '/competitions/7/setup/entries');
    await key(wrapper, 'ArrowDown');
    await key(wrapper, 'Delete');
    await flushPromises();
    expect(wrapper.get('[data-testid="confirm-dialog"]').text()).toContain('K-01');
    expect(api.callsOf('entry.delete')).toEqual([]);

    // cancelling leaves everything as it was
    await wrapper.get('[data-testid="confirm-no"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="confirm-dialog"]').exists()).toBe(false);
    expect(api.callsOf('entry.delete')).toEqual([]);

    // the toolbar button asks too; Escape cancels
    await wrapper.get('[data-testid="entry-delete"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="confirm-dialog"]').trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(api.callsOf('entry.delete')).toEqual([]);

    await key(wrapper, 'Delete');
    await flushPromises();
    await wrapper.get('[data-testid="confirm-yes"]').trigger('click');
    await flushPromises();
    expect(api.callsOf('entry.delete')).toEqual([{ entryId: 33 }]);
    expect(codesOf(wrapper)).toEqual(['U-01', 'U-02']);
  });

  it('shows a refused delete (already scored) in the list', async () => {
    const api = setupApi(detail(), {
      'entry.delete': () => {
        throw apiError({ code: 'CONFLICT', details: { key: 'entryHasSheets', params: { code: 'U-01' } } });
      },
    });
    const { wrapper } = await mountApp(api, '/competitions/7/setup/entries');
    await wrapper.findAll('[data-testid="entry-row-delete"]')[1].trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="confirm-yes"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="entries-error"]').text()).toContain('U-01 sudah dinilai');
  });

  it("shows an entry's conflicts on its row, declared for the entry or for its unit", async () => {
    const conflicts = [
      { id: 1, jurorId: 5, entryId: 31, unit: null, reason: '', declaredBy: 'organiser' as const, createdAt: '2025-05-01T02:00:00Z' },
      { id: 2, jurorId: 6, entryId: null, unit: 'dinas kesehatan', reason: 'kantor sendiri', declaredBy: 'juror' as const, createdAt: '2025-05-01T02:00:00Z' },
    ];
    const api = setupApi(detail({ conflicts }));
    const { wrapper } = await mountApp(api, '/competitions/7/setup/entries');
    const rows = rowsOf(wrapper);
    const badge = rows.find((r) => r.attributes('data-entry-id') === '31')!.get('[data-testid="entry-conflicts"]');
    expect(badge.text()).toContain('2 konflik');
    expect(badge.attributes('title')).toBe('Konflik kepentingan: Ratna Sari, Budi Santoso');
    expect(rows.find((r) => r.attributes('data-entry-id') === '32')!.find('[data-testid="entry-conflicts"]').exists()).toBe(false);
  });

  it('sets a status with its reason, and shows the reason problem next to the field', async () => {
    let attempts = 0;
    const api = setupApi(detail(), {
      'entry.setStatus': (input) => {
        attempts += 1;
        if (attempts === 1) throw apiError({ code: 'VALIDATION', details: { key: 'invalidInput', issues: [{ path: 'reason', message: 'validation.reasonRequired' }] } });
        return detail({ entries: detail().entries.map((e) => (e.id === input.entryId ? { ...e, status: input.status, statusReason: input.reason ?? '' } : e)) });
      },
    });
    const { wrapper } = await mountApp(api, '/competitions/7/setup/entries');
    await key(wrapper, 'ArrowDown');
    await wrapper.get('[data-testid="entry-status"]').trigger('click');
    await wrapper.get('[data-testid="entry-status-disqualified"]').setValue(true);
    await wrapper.get('[data-testid="entry-status-form"] form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="entry-status-reason-problem"]').text()).toBe('alasan wajib diisi');

    await wrapper.get('[data-testid="entry-status-reason"]').setValue('Plagiasi');
    await wrapper.get('[data-testid="entry-status-form"] form').trigger('submit');
    await flushPromises();
    expect(api.callsOf('entry.setStatus')[1]).toEqual({ entryId: 33, status: 'disqualified', reason: 'Plagiasi' });
    const tag = rowsOf(wrapper).find((r) => r.attributes('data-entry-id') === '33')!.get('[data-testid="entry-status-tag"]');
    expect(tag.text()).toBe('Didiskualifikasi');
    expect(tag.attributes('title')).toBe('Plagiasi');
  });
});
