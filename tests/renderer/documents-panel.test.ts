// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CommandInput, CommandOutput } from '@shared/api/contract';
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

const jurors = [juror({ id: 5, name: 'Dr. Ratna Sari', role: 'chair' }), juror({ id: 6, name: 'Ir. Budi Santoso', role: 'member' }), juror({ id: 7, name: 'Sekretaris Rina', role: 'secretary' })];

/** The core's answer: `total` certificates in all, batches cut as asked. */
function documentsApi(total = 60, hash: string | null = null): FakeApi {
  let resolveGate: (() => void) | null = null;
  const api = createFakeApi({
    'documents.render': async (input: CommandInput<'documents.render'>): Promise<CommandOutput<'documents.render'>> => {
      const count = input.batch ? Math.min(input.batch.limit, total - input.batch.offset) : 1;
      // The second certificate batch waits, so the test can look at the progress in between.
      if (input.batch && input.batch.offset > 0 && !resolveGate) await new Promise<void>((done) => (resolveGate = done));
      return {
        filename: `${input.kind}-${input.batch?.offset ?? 0}.pdf`,
        mimeType: 'application/pdf',
        base64: 'JVBERi0=',
        pages: count,
        number: '007/BA/RJ/XI/2026',
        version: hash ? 1 : 0,
        hash,
        count: input.kind === 'certificates' ? count : 1,
        total: input.kind === 'certificates' ? total : 1,
        signed: false,
        notices: [],
      };
    },
  });
  return Object.assign(api, { release: () => resolveGate?.() });
}

async function mountPanel(api: FakeApi) {
  const wrapper = mount(DocumentsPanel, {
    props: { competitionId: 3, jurors },
    attachTo: document.body,
    global: { plugins: [createPinia(), createAppI18n('id')], provide: { [API_KEY as symbol]: api } },
  });
  await flushPromises();
  return wrapper;
}

describe('Dokumen resmi panel', () => {
  it('renders a document per button, downloads it and says its pages and number; provisional results are flagged', async () => {
    const api = documentsApi();
    const wrapper = await mountPanel(api);
    await wrapper.get('[data-testid="document-berita-acara"]').trigger('click');
    await flushPromises();
    expect(api.callsOf('documents.render')).toEqual([{ competitionId: 3, kind: 'berita-acara' }]);
    expect(downloads).toEqual(['berita-acara-0.pdf']);
    expect(wrapper.get('[data-testid="documents-saved"]').text()).toBe('berita-acara-0.pdf diunduh (1 halaman, nomor 007/BA/RJ/XI/2026).');
    expect(wrapper.get('[data-testid="documents-provisional"]').text()).toContain('SEMENTARA');
  });

  it('offers only scoring jurors for score sheets and sends the chosen one', async () => {
    const api = documentsApi(1, 'a'.repeat(64));
    const wrapper = await mountPanel(api);
    const options = wrapper.findAll('[data-testid="documents-juror"] option').map((o) => o.text());
    expect(options).toEqual(['Semua juri', 'Dr. Ratna Sari', 'Ir. Budi Santoso']);
    await wrapper.get('[data-testid="documents-juror"]').setValue('6');
    await wrapper.get('[data-testid="document-score-sheets"]').trigger('click');
    await flushPromises();
    expect(api.callsOf('documents.render')).toEqual([{ competitionId: 3, kind: 'score-sheets', jurorId: 6 }]);
    expect(wrapper.find('[data-testid="documents-provisional"]').exists()).toBe(false);
  });

  it('renders certificates batch after batch, showing how many are done, with participants when ticked', async () => {
    const api = documentsApi(60) as FakeApi & { release(): void };
    const wrapper = await mountPanel(api);
    await wrapper.get('[data-testid="documents-participants"]').setValue(true);
    await wrapper.get('[data-testid="document-certificates"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="documents-progress"]').text()).toBe('Membuat piagam 25 dari 60…');
    expect(wrapper.get('[data-testid="document-recap"]').attributes('disabled')).toBeDefined();
    api.release();
    await flushPromises();
    expect(api.callsOf('documents.render').map((c) => [c.batch, c.includeParticipants])).toEqual([
      [{ offset: 0, limit: 25 }, true],
      [{ offset: 25, limit: 25 }, true],
      [{ offset: 50, limit: 25 }, true],
    ]);
    expect(downloads).toEqual(['certificates-0.pdf', 'certificates-25.pdf', 'certificates-50.pdf']);
    expect(wrapper.find('[data-testid="documents-progress"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="document-recap"]').attributes('disabled')).toBeUndefined();
  });

  it('shows the reason when the core refuses', async () => {
    const api = createFakeApi({
      'documents.render': () => {
        throw apiError({ code: 'CONFLICT', message: 'Belum ada penerima piagam.', details: { key: 'documentsNoCertificates' } });
      },
    });
    const wrapper = await mountPanel(api);
    await wrapper.get('[data-testid="document-certificates"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="documents-error"]').text()).toContain('Belum ada penerima piagam');
    expect(downloads).toEqual([]);
  });
});
