// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import type { CommandInput, CommandOutput } from '@shared/api/contract';
import { flushPromises, mountApp } from './helpers';
import { detail, setupApi } from './setup-fixtures';

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

const CSV = 'Kode;Judul Inovasi;Unit Kerja;Kategori\nA-1;Sipantas;Dinkes;Kelompok Umum\nA-2;;Dinsos;Kelompok Umum\nA-3;Lapor;Dinkes;Kelompok Lain\n';

function preview(mapping: Record<string, number | null>, overrides: Partial<CommandOutput<'import.preview'>> = {}): CommandOutput<'import.preview'> {
  return {
    columns: [
      { index: 0, header: 'Kode' },
      { index: 1, header: 'Judul Inovasi' },
      { index: 2, header: 'Unit Kerja' },
      { index: 3, header: 'Kategori' },
    ],
    mapping,
    fields: [
      { field: 'code', required: false },
      { field: 'title', required: true },
      { field: 'unit', required: false },
      { field: 'category', required: true },
      { field: 'notes', required: false },
    ],
    totalRows: 3,
    validRows: 1,
    sample: [
      { code: 'A-1', title: 'Sipantas', unit: 'Dinkes', category: 'Kelompok Umum' },
      { code: 'A-2', title: '', unit: 'Dinsos', category: 'Kelompok Umum' },
      { code: 'A-3', title: 'Lapor', unit: 'Dinkes', category: 'Kelompok Lain' },
    ],
    problems: [
      { row: 3, column: 'Judul Inovasi', key: 'validation.required', params: { value: '' } },
      { row: 4, column: 'Kategori', key: 'validation.nip', params: { value: 'Kelompok Lain' } },
    ],
    encoding: 'UTF-8',
    ...overrides,
  };
}

async function pickFile(wrapper: VueWrapper, content = CSV, name = 'peserta.csv') {
  const input = wrapper.get('[data-testid="import-file"]');
  const file = new File([content], name, { type: 'text/csv' });
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
  await input.trigger('change');
  // FileReader finishes on a later turn of the event loop
  await vi.waitFor(() => expect(wrapper.find('[data-testid="import-summary"]').exists()).toBe(true));
  await flushPromises();
}

const DETECTED = { code: 0, title: 1, unit: 2, category: 3, notes: null };

describe('import screen', () => {
  it('reads the file as base64, previews it with the detected mapping, and lists every problem by row and column', async () => {
    const api = setupApi(detail(), { 'import.preview': (input) => preview(input.mapping ? { ...DETECTED, ...input.mapping } : DETECTED) });
    const { wrapper } = await mountApp(api, '/competitions/7/setup/import');
    await pickFile(wrapper);

    const [call] = api.callsOf('import.preview');
    expect(call).toMatchObject({ competitionId: 7, kind: 'entries', file: { name: 'peserta.csv' } });
    expect(call.mapping).toBeUndefined();
    expect(Buffer.from(call.file.base64, 'base64').toString('utf8')).toBe(CSV);

    // detected mapping preselected
    expect((wrapper.get('[data-testid="import-mapping-title"]').element as HTMLSelectElement).value).toBe('1');
    expect((wrapper.get('[data-testid="import-mapping-notes"]').element as HTMLSelectElement).value).toBe('');
    // preview table of the mapped fields
    expect(wrapper.findAll('[data-testid="import-preview-row"]')).toHaveLength(3);
    expect(wrapper.get('[data-testid="import-preview"] thead').text()).toContain('Judul inovasi');

    const problems = wrapper.findAll('[data-testid="import-problem"]');
    expect(problems.map((p) => [p.attributes('data-row'), p.attributes('data-column'), p.get('[data-testid="import-problem-reason"]').text()])).toEqual([
      ['3', 'Judul Inovasi', 'wajib diisi'],
      ['4', 'Kategori', 'NIP harus 18 angka'],
    ]);
    expect(wrapper.get('[data-testid="import-summary"]').text()).toContain('3 baris: 1 siap diimpor, 2 masalah');
  });

  it('keeps Impor disabled while problems remain, enables it with "lewati baris", and reports what was imported', async () => {
    const api = setupApi(detail(), {
      'import.preview': () => preview(DETECTED),
      'import.commit': (input) => ({ imported: 1, skipped: 2, competition: { ...detail(), name: `after ${String(input.skipInvalid)}` } }),
    });
    const { wrapper } = await mountApp(api, '/competitions/7/setup/import');
    await pickFile(wrapper);

    const commit = () => wrapper.get('[data-testid="import-commit"]');
    expect(commit().attributes('disabled')).toBeDefined();
    expect(wrapper.find('[data-testid="import-blocked"]').exists()).toBe(true);
    await commit().trigger('click');
    expect(api.callsOf('import.commit')).toEqual([]);

    await wrapper.get('[data-testid="import-skip-invalid"]').setValue(true);
    expect(commit().attributes('disabled')).toBeUndefined();
    await commit().trigger('click');
    await flushPromises();

    const [call] = api.callsOf('import.commit') as CommandInput<'import.commit'>[];
    expect(call).toMatchObject({ competitionId: 7, kind: 'entries', skipInvalid: true, mapping: DETECTED });
    expect(wrapper.get('[data-testid="import-result"]').text()).toBe('1 baris diimpor, 2 dilewati.');
    expect(wrapper.get('[data-testid="setup-competition-name"]').text()).toBe('after true');
    expect(wrapper.find('[data-testid="import-commit"]').exists()).toBe(false);
  });

  it('enables Impor at once when the file has no problems', async () => {
    const api = setupApi(detail(), { 'import.preview': () => preview(DETECTED, { problems: [], validRows: 3 }) });
    const { wrapper } = await mountApp(api, '/competitions/7/setup/import');
    await pickFile(wrapper);
    expect(wrapper.find('[data-testid="import-skip-invalid"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="import-commit"]').attributes('disabled')).toBeUndefined();
    expect(wrapper.get('[data-testid="import-commit"]').text()).toBe('Impor 3 baris');
  });

  it('re-runs the preview with the whole mapping when one column is changed', async () => {
    const api = setupApi(detail(), { 'import.preview': (input) => preview(input.mapping ? { ...DETECTED, ...input.mapping } : DETECTED) });
    const { wrapper } = await mountApp(api, '/competitions/7/setup/import');
    await pickFile(wrapper);
    await wrapper.get('[data-testid="import-mapping-notes"]').setValue('2');
    await flushPromises();
    const calls = api.callsOf('import.preview');
    expect(calls).toHaveLength(2);
    expect(calls[1].mapping).toEqual({ ...DETECTED, notes: 2 });
    expect((wrapper.get('[data-testid="import-mapping-notes"]').element as HTMLSelectElement).value).toBe('2');

    await wrapper.get('[data-testid="import-mapping-unit"]').setValue('');
    await flushPromises();
    expect(api.callsOf('import.preview')[2].mapping).toEqual({ ...DETECTED, notes: 2, unit: null });
  });

  it('previews jurors when the list kind changes, with juror field names', async () => {
    const api = setupApi(detail(), {
      'import.preview': (input) =>
        input.kind === 'jurors'
          ? preview({ name: 0, title: 1 }, { fields: [{ field: 'name', required: true }, { field: 'title', required: false }], problems: [], validRows: 3 })
          : preview(DETECTED),
    });
    const { wrapper } = await mountApp(api, '/competitions/7/setup/import');
    await pickFile(wrapper);
    await wrapper.get('[data-testid="import-kind"]').setValue('jurors');
    await flushPromises();
    expect(api.callsOf('import.preview').map((c) => c.kind)).toEqual(['entries', 'jurors']);
    expect(wrapper.get('label[for="import-mapping-title"]').text()).toBe('Gelar');
  });

  it('downloads the template and the export through the core', async () => {
    const api = setupApi(detail(), {
      'import.template': (input) => ({ filename: `templat-${input.kind}.${input.format}`, mimeType: 'text/csv', base64: btoa('a;b') }),
      'export.list': (input) => ({ filename: `peserta.${input.format}`, mimeType: 'text/csv', base64: btoa('a;b') }),
    });
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const { wrapper } = await mountApp(api, '/competitions/7/setup/import');
    await wrapper.get('[data-testid="import-template-csv"]').trigger('click');
    await wrapper.get('[data-testid="export-kind"]').setValue('jurors');
    await wrapper.get('[data-testid="export-xlsx"]').trigger('click');
    await flushPromises();
    expect(api.callsOf('import.template')).toEqual([{ kind: 'entries', format: 'csv' }]);
    expect(api.callsOf('export.list')).toEqual([{ competitionId: 7, kind: 'jurors', format: 'xlsx' }]);
    expect(clicked).toEqual(['templat-entries.csv', 'peserta.xlsx']);
  });
});
