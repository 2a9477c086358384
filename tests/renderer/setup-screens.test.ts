// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { CompetitionDetail } from '@shared/domain/schemas';
import { DEFAULT_STAGE_METHOD } from '@shared/domain/method';
import { apiError, createFakeApi } from './fake-api';
import { flushPromises, mountApp } from './helpers';
import { detail, setupApi } from './setup-fixtures';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('setup screens', () => {
  it('opens the details tab by default, with one URL per tab and keyboard moves between tabs', async () => {
    const api = setupApi(detail());
    const { wrapper, router } = await mountApp(api, '/competitions/7/setup');
    expect(router.currentRoute.value.fullPath).toBe('/competitions/7/setup/details');
    expect(wrapper.get('[data-testid="setup-competition-name"]').text()).toBe('KIPP Kota Palembang 2025');
    const tab = (name: string) => wrapper.get(`[data-testid="setup-tab-${name}"]`);
    expect(tab('details').attributes('aria-selected')).toBe('true');
    expect(tab('details').attributes('tabindex')).toBe('0');
    expect(tab('stages').attributes('tabindex')).toBe('-1');

    await tab('details').trigger('keydown', { key: 'ArrowRight' });
    await flushPromises();
    expect(router.currentRoute.value.path).toBe('/competitions/7/setup/stages');
    expect(wrapper.find('[data-testid="setup-panel-stages"]').exists()).toBe(true);
    expect(document.activeElement?.getAttribute('data-testid')).toBe('setup-tab-stages');
    await tab('stages').trigger('keydown', { key: 'End' });
    await flushPromises();
    expect(router.currentRoute.value.path).toBe('/competitions/7/setup/import');
    await tab('import').trigger('keydown', { key: 'ArrowRight' });
    await flushPromises();
    expect(router.currentRoute.value.path).toBe('/competitions/7/setup/details');

    await router.push('/competitions/7/setup/conflicts');
    await flushPromises();
    expect(wrapper.find('[data-testid="setup-panel-conflicts"]').exists()).toBe(true);
    expect(wrapper.get('[data-testid="setup-session-link"]').attributes('href')).toContain('/competitions/7');
  });

  it('lists the remaining setup problems translated, each linking to its tab', async () => {
    const api = setupApi(detail(), {}, [
      { key: 'setupCheck.criteriaWeights', params: { stage: 'Penilaian proposal', total: '95.5' } },
      { key: 'setupCheck.noScoringJuror', params: {} },
      { key: 'setupCheck.noActiveEntries', params: {} },
    ]);
    const { wrapper, router, i18n } = await mountApp(api, '/competitions/7/setup/details');
    const problems = wrapper.findAll('[data-testid="setup-problem"]');
    expect(problems.map((p) => [p.get('[data-testid="setup-problem-text"]').text(), p.get('[data-testid="setup-problem-link"]').text()])).toEqual([
      ['Bobot kriteria tahap "Penilaian proposal" berjumlah 95,5 %, seharusnya 100 %.', 'Buka Tahap & kriteria →'],
      ['Belum ada juri yang menilai (ketua atau anggota). Sekretaris tidak memberi nilai.', 'Buka Juri & panel →'],
      ['Belum ada peserta aktif.', 'Buka Peserta →'],
    ]);
    expect(wrapper.get('[data-testid="setup-check"]').text()).toContain('3 hal perlu diselesaikan');

    await problems[1].get('[data-testid="setup-problem-link"]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.path).toBe('/competitions/7/setup/jurors');
    // on its own tab a problem needs no link
    expect(wrapper.findAll('[data-testid="setup-problem"]')[1].find('[data-testid="setup-problem-link"]').exists()).toBe(false);

    i18n.global.locale.value = 'en';
    await flushPromises();
    expect(wrapper.findAll('[data-testid="setup-problem"]')[0].text()).toContain('The criteria weights of stage "Penilaian proposal" total 95.5 %, not 100 %.');
  });

  it('checks the setup again after every change', async () => {
    let problems = [{ key: 'setupCheck.noActiveEntries', params: {} }];
    const api = setupApi(detail(), {
      'setup.check': () => ({ problems }),
      'category.save': () => detail(),
    });
    const { wrapper } = await mountApp(api, '/competitions/7/setup/entries');
    expect(wrapper.findAll('[data-testid="setup-problem"]')).toHaveLength(1);
    problems = [];
    await wrapper.get('[data-testid="category-name-0"]').setValue('Umum');
    await wrapper.get('[data-testid="category-save-0"]').trigger('click');
    await flushPromises();
    expect(api.callsOf('setup.check')).toHaveLength(2);
    expect(wrapper.find('[data-testid="setup-problem"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="setup-check-ready"]').text()).toContain('Persiapan lengkap');
  });

  it('saves the details, the logo as a data URL, and shows a date problem under the end date', async () => {
    let attempt = 0;
    const api = setupApi(detail(), {
      'competition.updateDetails': (input) => {
        attempt += 1;
        if (attempt === 1) throw apiError({ code: 'VALIDATION', details: { key: 'invalidInput', issues: [{ path: 'endDate', message: 'validation.dateOrder' }] } });
        return { ...detail(), name: input.name, details: { ...detail().details, institution: input.institution ?? '', logo: input.logo ?? null } } as CompetitionDetail;
      },
    });
    const { wrapper } = await mountApp(api, '/competitions/7/setup/details');
    await wrapper.get('[data-testid="details-institution"]').setValue('Pemerintah Kota Palembang');
    await wrapper.get('[data-testid="details-start-date"]').setValue('2025-11-09');
    await wrapper.get('[data-testid="details-end-date"]').setValue('2025-11-01');
    await wrapper.get('[data-testid="details-weights-100"]').setValue(false);
    await wrapper.get('[data-testid="details-save"]').trigger('submit');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="details-end-date"]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('[data-testid="details-end-date-problem"]').text()).toBe('tanggal selesai tidak boleh sebelum tanggal mulai');
    expect(wrapper.text()).toContain('Minggu, 9 November 2025');

    const input = wrapper.get('[data-testid="details-logo-file"]');
    const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'logo.png', { type: 'image/png' });
    Object.defineProperty(input.element, 'files', { value: [png], configurable: true });
    await input.trigger('change');
    await new Promise((resolve) => setTimeout(resolve, 20));
    await flushPromises();
    expect(wrapper.get('[data-testid="details-logo-preview"]').attributes('src')).toBe('data:image/png;base64,iVBORw==');

    await wrapper.get('[data-testid="details-end-date"]').setValue('2025-11-10');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(api.callsOf('competition.updateDetails')[1]).toEqual({
      competitionId: 7,
      name: 'KIPP Kota Palembang 2025',
      institution: 'Pemerintah Kota Palembang',
      unit: '',
      address: '',
      place: '',
      startDate: '2025-11-09',
      endDate: '2025-11-10',
      documentLocale: 'id',
      logo: 'data:image/png;base64,iVBORw==',
      weightsMustTotal100: false,
    });
    expect(wrapper.get('[data-testid="details-saved"]').text()).toContain('Tersimpan');
  });

  it('refuses a logo that is not PNG or JPEG without calling the core', async () => {
    const api = setupApi(detail());
    const { wrapper } = await mountApp(api, '/competitions/7/setup/details');
    const input = wrapper.get('[data-testid="details-logo-file"]');
    Object.defineProperty(input.element, 'files', { value: [new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' })], configurable: true });
    await input.trigger('change');
    await flushPromises();
    expect(wrapper.get('[data-testid="details-logo-problem"]').text()).toBe('logo harus gambar PNG atau JPEG');
    expect(wrapper.find('[data-testid="details-logo-preview"]').exists()).toBe(false);
  });
});

describe('jurors, panels and conflicts', () => {
  it('keeps, sets or removes a juror PIN as chosen', async () => {
    const withPin = detail();
    withPin.jurors[1] = { ...withPin.jurors[1], hasPin: true };
    const api = setupApi(withPin, { 'juror.save': () => withPin });
    const { wrapper } = await mountApp(api, '/competitions/7/setup/jurors');
    const row = () => wrapper.findAll('[data-testid="juror-row"]').find((r) => r.attributes('data-juror-id') === '6')!;
    expect(row().get('[data-testid="juror-pin"]').text()).toBe('Ada');

    await row().get('[data-testid="juror-edit"]').trigger('click');
    await wrapper.get('[data-testid="juror-form-nip"]').setValue('198001012005011002');
    await wrapper.get('[data-testid="juror-form"] form').trigger('submit');
    await flushPromises();
    expect(api.callsOf('juror.save')[0]).not.toHaveProperty('pin');
    expect(api.callsOf('juror.save')[0]).toMatchObject({ id: 6, nip: '198001012005011002', role: 'member' });

    await row().get('[data-testid="juror-edit"]').trigger('click');
    await wrapper.get('[data-testid="juror-form-pin-remove"]').setValue(true);
    await wrapper.get('[data-testid="juror-form"] form').trigger('submit');
    await flushPromises();
    expect(api.callsOf('juror.save')[1].pin).toBeNull();

    await wrapper.get('[data-testid="juror-add"]').trigger('click');
    expect(wrapper.find('[data-testid="juror-form-pin-remove"]').exists()).toBe(false);
    await wrapper.get('[data-testid="juror-form-name"]').setValue('Dewi Lestari');
    await wrapper.get('[data-testid="juror-form-pin"]').setValue('4321');
    await wrapper.get('[data-testid="juror-form-role"]').setValue('secretary');
    await wrapper.get('[data-testid="juror-form"] form').trigger('submit');
    await flushPromises();
    expect(api.callsOf('juror.save')[2]).toEqual({ competitionId: 7, name: 'Dewi Lestari', title: '', nip: '', position: '', institution: '', role: 'secretary', pin: '4321' });
  });

  it('searches and sorts jurors, and deletes one only after confirming', async () => {
    const api = setupApi(detail(), { 'juror.delete': () => detail({ jurors: detail().jurors.slice(0, 2) }) });
    const { wrapper } = await mountApp(api, '/competitions/7/setup/jurors');
    const names = () => wrapper.findAll('[data-testid="juror-row"] th').map((c) => c.text());
    expect(names()).toEqual(['Budi Santoso', 'Maya Putri', 'Ratna Sari']);
    await wrapper.get('[data-testid="jurors-sort-role"]').trigger('click');
    expect(names()).toEqual(['Ratna Sari', 'Budi Santoso', 'Maya Putri']);
    await wrapper.get('[data-testid="jurors-search"]').setValue('maya');
    expect(names()).toEqual(['Maya Putri']);
    await wrapper.get('[data-testid="juror-delete"]').trigger('click');
    await flushPromises();
    expect(api.callsOf('juror.delete')).toEqual([]);
    await wrapper.get('[data-testid="confirm-yes"]').trigger('click');
    await flushPromises();
    expect(api.callsOf('juror.delete')).toEqual([{ jurorId: 8 }]);
  });

  it('saves a panel with its members and assigns a category of a stage to it', async () => {
    const panel = { id: 3, name: 'Tim 1', jurorIds: [5, 6] };
    const withPanel = detail({
      panels: [panel],
      stageEntries: detail().entries.map((e) => ({ stageId: 1, entryId: e.id, panelId: null })),
    });
    const api = setupApi(withPanel, { 'panel.save': () => withPanel, 'stage.assignPanel': () => withPanel });
    const { wrapper } = await mountApp(api, '/competitions/7/setup/jurors');
    // a secretary cannot sit on a panel
    expect(wrapper.get('[data-testid="panel-member-0-8"]').attributes('disabled')).toBeDefined();
    await wrapper.get('[data-testid="panel-member-0-6"]').setValue(false);
    await wrapper.get('[data-testid="panel-save-0"]').trigger('click');
    await flushPromises();
    expect(api.callsOf('panel.save')).toEqual([{ competitionId: 7, id: 3, name: 'Tim 1', jurorIds: [5] }]);

    await wrapper.get('[data-testid="assign-category"]').setValue('2');
    await wrapper.get('[data-testid="assign-panel"]').setValue('3');
    expect(wrapper.get('[data-testid="assign-apply"]').text()).toBe('Tetapkan 1 peserta');
    await wrapper.get('[data-testid="assign-apply"]').trigger('click');
    await flushPromises();
    expect(api.callsOf('stage.assignPanel')).toEqual([{ stageId: 1, panelId: 3, entryIds: [33] }]);
    expect(wrapper.get('[data-testid="assign-done"]').text()).toBe('1 peserta ditetapkan ke "Tim 1".');
  });

  it('declares a conflict with a unit, shows who declared each, and removes one only after confirming', async () => {
    const conflicts: CompetitionDetail['conflicts'] = [
      { id: 1, jurorId: 5, entryId: 31, unit: null, reason: 'pembina', declaredBy: 'organiser', createdAt: '2025-05-01T02:00:00Z' },
      { id: 2, jurorId: 6, entryId: null, unit: 'Dinas Kesehatan', reason: '', declaredBy: 'juror', createdAt: '2025-05-02T02:00:00Z' },
    ];
    const api = setupApi(detail({ conflicts }), {
      'conflict.declare': () => detail({ conflicts }),
      'conflict.remove': () => detail({ conflicts: conflicts.slice(1) }),
    });
    const { wrapper } = await mountApp(api, '/competitions/7/setup/conflicts');
    const rows = () => wrapper.findAll('[data-testid="conflict-row"]');
    // newest first
    expect(rows().map((r) => r.get('[data-testid="conflict-declared-by"]').text())).toEqual(['Juri sendiri', 'Panitia']);
    expect(rows()[0].text()).toContain('Unit: Dinas Kesehatan');
    expect(rows()[0].text()).toContain('mencakup 1 peserta');
    expect(rows()[1].text()).toContain('U-01 · Sipantas');

    await wrapper.get('[data-testid="conflict-juror"]').setValue('8');
    await wrapper.get('[data-testid="conflict-kind-unit"]').setValue(true);
    await wrapper.get('[data-testid="conflict-unit"]').setValue('SMPN 17');
    await wrapper.get('[data-testid="conflict-reason"]').setValue('guru di sana');
    await wrapper.get('[data-testid="conflict-form"]').trigger('submit');
    await flushPromises();
    expect(api.callsOf('conflict.declare')).toEqual([{ competitionId: 7, jurorId: 8, target: { unit: 'SMPN 17' }, reason: 'guru di sana' }]);

    await wrapper.get('[data-testid="conflict-kind-entry"]').setValue(true);
    await wrapper.get('[data-testid="conflict-entry-search"]').setValue('lapor');
    const options = wrapper.get('[data-testid="conflict-entry"]').findAll('option').filter((o) => o.attributes('value') !== '');
    expect(options.map((o) => o.text())).toEqual(['U-02 · Lapor Cepat (Kecamatan Ilir Barat)']);

    await rows()[1].get('[data-testid="conflict-remove"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="confirm-message"]').text()).toBe('Setelah dihapus, Ratna Sari dapat menilai U-01 · Sipantas.');
    expect(api.callsOf('conflict.remove')).toEqual([]);
    await wrapper.get('[data-testid="confirm-yes"]').trigger('click');
    await flushPromises();
    expect(api.callsOf('conflict.remove')).toEqual([{ conflictId: 1 }]);
    expect(rows()).toHaveLength(1);
  });
});

describe('ways into the setup screens', () => {
  it('loads the sample competition from the home page and opens it', async () => {
    const api = createFakeApi({
      'auth.whoami': () => ({ actor: { role: 'organiser' } }),
      'competition.list': () => [],
      'sample.load': () => ({ id: 9, name: 'Contoh', createdAt: '2025-05-01T00:00:00Z', entryCount: 20 }),
      'competition.get': () => ({ ...detail(), id: 9 }),
      'session.current': () => null,
      'progress.get': () => ({ jurors: [], entries: [], cells: [], submittedCount: 0, expectedCount: 0 }),
      'results.compute': () => ({ competitionId: 9, competitionName: 'Contoh', stageName: 'P', method: { ...DEFAULT_STAGE_METHOD, decimals: 2 }, jurors: [], categories: [] }),
    });
    const { wrapper, router } = await mountApp(api, '/');
    expect(wrapper.get('[data-testid="load-sample"]').text()).toBe('Coba dengan data contoh');
    await wrapper.get('[data-testid="load-sample"]').trigger('click');
    await flushPromises();
    expect(api.callsOf('sample.load')).toEqual([{}]);
    expect(router.currentRoute.value.path).toBe('/competitions/9');
    expect(wrapper.get('[data-testid="setup-link"]').attributes('href')).toContain('/competitions/9/setup');
  });

  it('links each competition of the list to its setup screens', async () => {
    const api = createFakeApi({
      'auth.whoami': () => ({ actor: { role: 'organiser' } }),
      'competition.list': () => [{ id: 3, name: 'KIPP 2025', createdAt: '2022-11-09T03:00:00Z', entryCount: 12 }],
    });
    const { wrapper } = await mountApp(api, '/');
    expect(wrapper.get('[data-testid="competition-setup-link-3"]').attributes('href')).toContain('/competitions/3/setup');
  });
});
