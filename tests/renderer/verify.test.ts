// @vitest-environment happy-dom
import type { VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentVerification, SigningCertificate, StampMatch } from '@shared/api/signing-commands';
import { apiError, createFakeApi } from './fake-api';
import { flushPromises, mountApp } from './helpers';
import { detail, setupApi } from './setup-fixtures';

afterEach(() => {
  document.body.innerHTML = '';
});

const HASH = '3f'.repeat(32);
const FINALISED: StampMatch = { status: 'finalised', competitionName: 'KIPP Kota Palembang 2025', stageName: 'Presentasi', version: 2, finalisedAt: '2026-11-22T09:00:00Z' };

const verification = (overrides: Partial<DocumentVerification> = {}): DocumentVerification => ({
  verdict: 'valid',
  signed: true,
  signatureValid: true,
  problem: null,
  coversWholeFile: true,
  signer: {
    commonName: 'Panitia KIPP Kota Palembang 2025',
    organization: 'Pemerintah Kota Palembang',
    subject: 'CN=Panitia KIPP Kota Palembang 2025, O=Pemerintah Kota Palembang, C=ID',
    issuer: 'CN=Panitia KIPP Kota Palembang 2025, O=Pemerintah Kota Palembang, C=ID',
    selfSigned: true,
    serial: '01ab',
    fingerprint: 'ab'.repeat(32),
    notBefore: '2026-11-01T00:00:00Z',
    notAfter: '2028-11-01T00:00:00Z',
  },
  signedAt: '2026-11-23T02:00:00Z',
  certificateKnown: true,
  stamp: { kind: 'berita-acara', number: '007/BA/RJ/XI/2026', competitionId: 7, stageId: 3, version: 2, hash: HASH },
  match: FINALISED,
  ...overrides,
});

const organiser = { 'auth.whoami': () => ({ actor: { role: 'organiser' as const } }) };

async function dropPdf(wrapper: VueWrapper, name = 'berita-acara.pdf') {
  const input = wrapper.get('[data-testid="verify-file"]');
  Object.defineProperty(input.element, 'files', { value: [new File(['%PDF-1.7 uji'], name, { type: 'application/pdf' })], configurable: true });
  await input.trigger('change');
  // FileReader finishes on a later tick than the change event.
  await new Promise((resolve) => setTimeout(resolve, 20));
  await flushPromises();
}

const text = (wrapper: VueWrapper, id: string) => wrapper.get(`[data-testid="verify-${id}"]`).text();
const line = (wrapper: VueWrapper, key: string) => text(wrapper, `line-${key}`);

describe('the verify screen', () => {
  it('sends the picked PDF to the core and shows a green card with signer, time, document, hash and match', async () => {
    const api = createFakeApi({ ...organiser, 'signing.verify': () => verification() });
    const { wrapper } = await mountApp(api, '/verify');
    await dropPdf(wrapper);
    expect(atob(api.callsOf('signing.verify')[0].base64)).toBe('%PDF-1.7 uji');
    const card = wrapper.get('[data-testid="verify-result"]');
    expect(card.attributes('data-tone')).toBe('ok');
    expect(text(wrapper, 'headline')).toBe('Tanda tangan sah, dokumen tidak diubah');
    expect(line(wrapper, 'signedBy')).toBe('Panitia KIPP Kota Palembang 2025, Pemerintah Kota Palembang');
    expect(line(wrapper, 'signedAt')).toMatch(/23 Nov 2026/);
    expect(line(wrapper, 'document')).toBe('Berita Acara no. 007/BA/RJ/XI/2026');
    expect(line(wrapper, 'hash')).toBe(HASH);
    expect(line(wrapper, 'result')).toBe('Sesuai hasil final versi 2 tahap "Presentasi" (KIPP Kota Palembang 2025), difinalkan Minggu, 22 November 2026');
    expect(card.text()).toContain('berita-acara.pdf');
  });

  it('shows a tampered document in red with the reason, in English when the app is in English', async () => {
    const api = createFakeApi({
      ...organiser,
      'signing.verify': () => verification({ verdict: 'invalid', signatureValid: false, problem: 'digestMismatch', match: { ...FINALISED, status: 'notFound', competitionName: null, stageName: null, version: null, finalisedAt: null } }),
    });
    const { wrapper } = await mountApp(api, '/verify', 'en');
    await dropPdf(wrapper);
    expect(wrapper.get('[data-testid="verify-result"]').attributes('data-tone')).toBe('bad');
    expect(text(wrapper, 'headline')).toBe('Signature NOT valid');
    expect(line(wrapper, 'problem')).toBe('The document’s content differs from what was signed.');
    expect(line(wrapper, 'result')).toBe('Not found in this database');
  });

  it('checks a pasted QR text and says when it is not one of ours', async () => {
    const api = createFakeApi({
      ...organiser,
      'signing.verifyText': ({ text }) =>
        text.startsWith('ruangjuri:')
          ? { stamp: { kind: 'recap', number: '1/REK', competitionId: 7, stageId: 3, version: 0, hash: null }, match: { ...FINALISED, status: 'provisional', version: null, finalisedAt: null } }
          : { stamp: null, match: { status: 'noStamp', competitionName: null, stageName: null, version: null, finalisedAt: null } },
    });
    const { wrapper } = await mountApp(api, '/verify');
    await wrapper.get('[data-testid="verify-text"]').setValue('  ruangjuri:verify?v=1&kind=recap  ');
    await wrapper.get('[data-testid="verify-text-check"]').trigger('submit');
    await flushPromises();
    expect(api.callsOf('signing.verifyText')).toEqual([{ text: 'ruangjuri:verify?v=1&kind=recap' }]);
    expect(wrapper.get('[data-testid="verify-result"]').attributes('data-tone')).toBe('warn');
    expect(text(wrapper, 'headline')).toBe('Rekapitulasi Nilai no. 1/REK');
    expect(line(wrapper, 'hash')).toBe('belum ada (hasil sementara)');

    await wrapper.get('[data-testid="verify-text"]').setValue('https://contoh.id/palsu');
    await wrapper.get('[data-testid="verify-text-check"]').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="verify-result"]').attributes('data-tone')).toBe('bad');
    expect(text(wrapper, 'headline')).toBe('Teks ini bukan kode verifikasi Ruang Juri.');
  });

  it('says politely that there is no camera when the device has none', async () => {
    const api = createFakeApi(organiser);
    const { wrapper } = await mountApp(api, '/verify');
    const original = Object.getOwnPropertyDescriptor(navigator, 'mediaDevices');
    Object.defineProperty(navigator, 'mediaDevices', { value: undefined, configurable: true });
    try {
      await wrapper.get('[data-testid="verify-scan"]').trigger('click');
      await flushPromises();
      expect(wrapper.get('[data-testid="qr-scanner-problem"]').text()).toContain('Kamera tidak tersedia');
    } finally {
      if (original) Object.defineProperty(navigator, 'mediaDevices', original);
    }
  });

  it('is linked from the organiser’s home', async () => {
    const api = createFakeApi({ ...organiser, 'competition.list': () => [] });
    const { wrapper } = await mountApp(api, '/');
    expect(wrapper.get('[data-testid="verify-link"]').attributes('href')).toBe('/verify');
  });
});

describe('the certificate panel on the details tab', () => {
  const created: SigningCertificate = {
    ...verification().signer!,
    competitionId: 7,
    source: 'created',
    installedAt: '2026-11-23T02:00:00Z',
    unlocked: true,
  };

  it('creates a certificate with the passphrase and shows whose it is and that it is ready', async () => {
    const api = setupApi(detail(), { 'signing.certificate': () => null, 'signing.createCertificate': () => created });
    const { wrapper } = await mountApp(api, '/competitions/7/setup/details');
    expect(wrapper.find('[data-testid="certificate-none"]').exists()).toBe(true);
    await wrapper.get('[data-testid="certificate-create-passphrase"]').setValue('rahasia-panitia');
    await wrapper.get('[data-testid="certificate-create"]').element.closest('form')!.dispatchEvent(new Event('submit'));
    await flushPromises();
    expect(api.callsOf('signing.createCertificate')).toEqual([{ competitionId: 7, passphrase: 'rahasia-panitia' }]);
    expect(wrapper.get('[data-testid="certificate-subject"]').text()).toContain('Panitia KIPP Kota Palembang 2025, Pemerintah Kota Palembang');
    expect(wrapper.get('[data-testid="certificate-state"]').text()).toBe('Siap menandatangani');
    // Installed: the create and import forms fold away behind "replace".
    expect(wrapper.find('[data-testid="certificate-create-passphrase"]').exists()).toBe(false);
    await wrapper.get('[data-testid="certificate-replace"]').trigger('click');
    expect((wrapper.get('[data-testid="certificate-create-passphrase"]').element as HTMLInputElement).value).toBe('');
  });

  it('shows a wrong passphrase on unlock as the core says it, and keeps the certificate locked', async () => {
    const api = setupApi(detail(), {
      'signing.certificate': () => ({ ...created, unlocked: false }),
      'signing.unlock': () => {
        throw apiError({ code: 'VALIDATION', details: { key: 'signingWrongPassphrase' } });
      },
    });
    const { wrapper } = await mountApp(api, '/competitions/7/setup/details');
    expect(wrapper.get('[data-testid="certificate-state"]').text()).toBe('Terkunci: kata sandi diperlukan untuk menandatangani');
    await wrapper.get('[data-testid="certificate-unlock-passphrase"]').setValue('salah');
    await wrapper.get('[data-testid="certificate-unlock"]').element.closest('form')!.dispatchEvent(new Event('submit'));
    await flushPromises();
    expect(wrapper.get('[data-testid="certificate-error"]').text()).toContain('Kata sandi sertifikat salah.');
    expect(wrapper.find('[data-testid="certificate-unlock"]').exists()).toBe(true);
  });
});
