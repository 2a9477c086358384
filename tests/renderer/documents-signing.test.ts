// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CommandInput, CommandOutput } from '@shared/api/contract';
import type { SigningCertificate } from '@shared/api/signing-commands';
import { API_KEY } from '../../renderer/src/api';
import DocumentsPanel from '../../renderer/src/components/documents/DocumentsPanel.vue';
import { createAppI18n } from '../../renderer/src/i18n';
import { apiError, createFakeApi, type FakeApi } from './fake-api';
import { juror } from './fixtures';

const downloads = vi.hoisted(() => [] as string[]);
vi.mock('../../renderer/src/lib/download', () => ({ downloadBase64: (filename: string) => downloads.push(filename) }));
afterEach(() => {
  document.body.innerHTML = '';
  downloads.length = 0;
});

const PASSPHRASE = 'kata-sandi-panitia';

const certificate = (unlocked: boolean): SigningCertificate => ({
  competitionId: 3,
  source: 'created',
  installedAt: '2026-11-20T02:00:00Z',
  unlocked,
  commonName: 'Tim Penilai KIPP Palembang 2026',
  organization: 'Pemerintah Kota Palembang',
  subject: 'CN=Tim Penilai KIPP Palembang 2026',
  issuer: 'CN=Tim Penilai KIPP Palembang 2026',
  selfSigned: true,
  serial: '01',
  fingerprint: 'ab'.repeat(32),
  notBefore: '2026-11-20T00:00:00Z',
  notAfter: '2027-11-20T00:00:00Z',
});

/**
 * A core with a certificate (or none) and a stage final or not: rendering fails with signingLocked
 * while the key is locked and signing was due; signing.unlock opens it with the right passphrase.
 */
function signingApi(options: { installed: boolean; final: boolean }) {
  let unlocked = false;
  const api = createFakeApi({
    'signing.certificate': () => (options.installed ? certificate(unlocked) : null),
    'results.stage': () => ({ status: { final: options.final } }) as CommandOutput<'results.stage'>,
    'signing.unlock': (input) => {
      if (input.passphrase !== PASSPHRASE) throw apiError({ code: 'VALIDATION', message: 'Kata sandi sertifikat salah.', details: { key: 'signingWrongPassphrase' } });
      unlocked = true;
      return certificate(true);
    },
    'documents.render': (input: CommandInput<'documents.render'>): CommandOutput<'documents.render'> => {
      const sign = options.installed && (input.sign ?? options.final);
      if (sign && !unlocked) throw apiError({ code: 'LOCKED', message: 'Masukkan kata sandi sertifikat untuk menandatangani.', details: { key: 'signingLocked' } });
      return {
        filename: `${input.kind}.pdf`,
        mimeType: 'application/pdf',
        base64: 'JVBERi0=',
        pages: 2,
        number: '007/BA/RJ/XI/2026',
        version: options.final ? 1 : 0,
        hash: options.final ? 'c'.repeat(64) : null,
        count: 1,
        total: 1,
        signed: sign,
        notices: [],
      };
    },
  });
  return api;
}

async function mountPanel(api: FakeApi) {
  const wrapper = mount(DocumentsPanel, {
    props: { competitionId: 3, jurors: [juror({ id: 5, name: 'Dr. Ratna Sari', role: 'chair' })] },
    attachTo: document.body,
    global: { plugins: [createPinia(), createAppI18n('id')], provide: { [API_KEY as symbol]: api } },
  });
  await flushPromises();
  return wrapper;
}

describe('documents panel: signing', () => {
  it('asks for the passphrase when the key is locked, unlocks, renders again and shows "Ditandatangani"', async () => {
    const api = signingApi({ installed: true, final: true });
    const wrapper = await mountPanel(api);
    expect(wrapper.get('[data-testid="documents-signing-status"]').text()).toContain('Tim Penilai KIPP Palembang 2026');
    expect(wrapper.find('[data-testid="documents-sign-provisional"]').exists()).toBe(false);

    await wrapper.get('[data-testid="document-berita-acara"]').trigger('click');
    await flushPromises();
    expect(downloads).toEqual([]);
    expect(wrapper.find('[data-testid="documents-error"]').exists()).toBe(false);
    const passphrase = wrapper.get<HTMLInputElement>('[data-testid="documents-unlock-passphrase"]');
    expect(passphrase.attributes('type')).toBe('password');

    // A wrong passphrase: the dialog stays, says why, and forgets what was typed.
    await passphrase.setValue('salah-sandi');
    await wrapper.get('[data-testid="documents-unlock"] form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="documents-unlock-error"]').text()).toContain('Kata sandi sertifikat salah');
    expect(passphrase.element.value).toBe('');
    expect(api.callsOf('documents.render')).toHaveLength(1);

    await passphrase.setValue(PASSPHRASE);
    await wrapper.get('[data-testid="documents-unlock"] form').trigger('submit');
    await flushPromises();
    expect(api.callsOf('signing.unlock')).toEqual([
      { competitionId: 3, passphrase: 'salah-sandi' },
      { competitionId: 3, passphrase: PASSPHRASE },
    ]);
    expect(api.callsOf('documents.render')).toEqual([
      { competitionId: 3, kind: 'berita-acara' },
      { competitionId: 3, kind: 'berita-acara' },
    ]);
    expect(wrapper.find('[data-testid="documents-unlock"]').exists()).toBe(false);
    expect(downloads).toEqual(['berita-acara.pdf']);
    expect(wrapper.get('[data-testid="documents-signed"]').text()).toContain('Ditandatangani');
    expect(document.body.innerHTML).not.toContain(PASSPHRASE);
  });

  it('cancelling the passphrase dialog renders nothing', async () => {
    const api = signingApi({ installed: true, final: true });
    const wrapper = await mountPanel(api);
    await wrapper.get('[data-testid="document-recap"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="documents-unlock-cancel"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="documents-unlock"]').exists()).toBe(false);
    expect(api.callsOf('signing.unlock')).toEqual([]);
    expect(api.callsOf('documents.render')).toHaveLength(1);
    expect(downloads).toEqual([]);
  });

  it('leaves a provisional document unsigned unless "Tandatangani juga (sementara)" is ticked', async () => {
    const api = signingApi({ installed: true, final: false });
    const wrapper = await mountPanel(api);
    expect(wrapper.get('[data-testid="documents-signing-status"]').text()).toContain('SEMENTARA');
    await wrapper.get('[data-testid="document-recap"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="documents-signed"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="documents-provisional"]').exists()).toBe(true);

    await wrapper.get('[data-testid="documents-sign-provisional"]').setValue(true);
    await wrapper.get('[data-testid="document-recap"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="documents-unlock-passphrase"]').setValue(PASSPHRASE);
    await wrapper.get('[data-testid="documents-unlock"] form').trigger('submit');
    await flushPromises();
    expect(api.callsOf('documents.render')).toEqual([
      { competitionId: 3, kind: 'recap' },
      { competitionId: 3, kind: 'recap', sign: true },
      { competitionId: 3, kind: 'recap', sign: true },
    ]);
    expect(wrapper.find('[data-testid="documents-signed"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="documents-provisional"]').exists()).toBe(true);
  });

  it('says documents are unsigned without a certificate and offers no signing option', async () => {
    const api = signingApi({ installed: false, final: false });
    const wrapper = await mountPanel(api);
    expect(wrapper.get('[data-testid="documents-signing-none"]').text()).toContain('Belum ada sertifikat');
    expect(wrapper.find('[data-testid="documents-sign-provisional"]').exists()).toBe(false);
    expect(wrapper.text()).not.toContain('Cetak…');
  });
});

describe('documents panel: desktop app', () => {
  it('hands each file to the desktop shell; certificate batches after the first repeat what the user chose', async () => {
    const api = Object.assign(
      createFakeApi({
        'signing.certificate': () => null,
        'results.stage': () => ({ status: { final: true } }) as CommandOutput<'results.stage'>,
        'documents.render': (input) => ({
          filename: `piagam-${input.batch?.offset}.pdf`,
          mimeType: 'application/pdf',
          base64: 'JVBERi0=',
          pages: 25,
          number: '009/PGM/RJ/XI/2026',
          version: 1,
          hash: 'd'.repeat(64),
          count: 25,
          total: 50,
          signed: false,
          notices: [],
        }),
        'shell.deliverFile': (input) => ({ outcome: 'printed', path: null, ...(input.action === 'save' ? { outcome: 'saved' } : {}) }),
      }),
      { transportKind: 'ipc' as const },
    );
    const wrapper = await mountPanel(api);
    expect(wrapper.text()).toContain('pilih Simpan PDF… atau Cetak…');
    await wrapper.get('[data-testid="document-certificates"]').trigger('click');
    await flushPromises();
    expect(api.callsOf('shell.deliverFile').map((c) => [c.filename, c.action])).toEqual([
      ['piagam-0.pdf', 'ask'],
      ['piagam-25.pdf', 'print'],
    ]);
    expect(downloads).toEqual([]);
    expect(wrapper.get('[data-testid="documents-saved"]').text()).toBe('piagam-25.pdf dikirim ke pencetak (25 halaman, nomor 009/PGM/RJ/XI/2026).');
  });
});
