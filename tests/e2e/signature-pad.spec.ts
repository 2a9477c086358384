/**
 * Drawn signatures in server mode (issue 6): a juror draws their signature on a 360 px phone and
 * saves it; the organiser sees it and draws it again from the jurors tab on the laptop. (What the
 * documents print is checked in tests/unit/core/drawn-signatures.test.ts.)
 */
import { mkdirSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { callApi, pagePairedAs } from './api';
import { startServer, type RunningServer } from './server';

const SHOTS = '/tmp/shots';
test.use({ actionTimeout: 15_000 });

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
  mkdirSync(SHOTS, { recursive: true });
});
test.afterAll(async () => {
  await server?.stop();
});

const api = (page: Page, token: string | null, command: string, input: unknown) => callApi(page, server.origin, token, command, input);

/** Draws a stroke through `points` (fractions of the box) with the pointer. */
async function draw(page: Page, points: [number, number][]) {
  await page.getByTestId('signature-canvas').scrollIntoViewIfNeeded();
  const box = (await page.getByTestId('signature-canvas').boundingBox())!;
  const at = ([x, y]: [number, number]) => [box.x + x * box.width, box.y + y * box.height] as const;
  await page.mouse.move(...at(points[0]));
  await page.mouse.down();
  for (const point of points.slice(1)) await page.mouse.move(...at(point), { steps: 4 });
  await page.mouse.up();
}

test('a juror signs on the phone, the organiser sees it and draws it again in the jurors tab dialog', async ({ browser }) => {
  const organiser = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await organiser.goto(server.organiserLink);
  await expect(organiser).toHaveURL(/#\/$/);
  const token = await organiser.evaluate(() => localStorage.getItem('ruang-juri.deviceToken'));
  const competition = await api(organiser, token, 'competition.create', {
    name: 'Kompetisi Inovasi Kota Palembang 2026',
    categories: [{ name: 'Kelompok Umum' }],
    criteria: [{ name: 'Kebaruan', weight: '100' }],
    jurors: [
      { name: 'Dr. Ratna Sari', role: 'chair' },
      { name: 'Ir. Budi Santoso', role: 'member' },
    ],
    entries: [{ code: 'E01', title: 'Poltabes', unit: 'Dinas Pendidikan', category: 'Kelompok Umum' }],
  });
  const competitionId: number = competition.id;
  await api(organiser, token, 'session.open', { competitionId });
  const { links } = await api(organiser, token, 'device.issueJurorLinks', { competitionId });
  const budi = links.find((l: { name: string }) => l.name === 'Ir. Budi Santoso');
  const budiToken = (await api(organiser, null, 'auth.pair', { token: budi.token })).deviceToken;

  const phone = await pagePairedAs(browser, budiToken, { viewport: { width: 360, height: 740 }, hasTouch: true });
  await phone.goto(`${server.origin}/#/juror`);
  await expect(phone.getByTestId('juror-name')).toHaveText('Ir. Budi Santoso');
  await phone.getByTestId('juror-signature').locator('summary').click();
  await expect(phone.getByTestId('signature-save')).toBeDisabled();
  await draw(phone, [
    [0.1, 0.7],
    [0.3, 0.2],
    [0.5, 0.8],
    [0.8, 0.3],
  ]);
  await phone.getByTestId('juror-signature').scrollIntoViewIfNeeded();
  await phone.screenshot({ path: `${SHOTS}/signature-pad-phone-drawn.png` });
  await phone.getByTestId('signature-save').click();
  await expect(phone.getByTestId('signature-current')).toBeVisible();
  await expect(phone.getByRole('status').filter({ hasText: 'Tanda tangan tersimpan.' })).toBeVisible();
  await phone.screenshot({ path: `${SHOTS}/signature-pad-phone-saved.png` });

  const list = await api(organiser, token, 'signatures.list', { competitionId });
  expect(list.signatures).toHaveLength(1);

  // The organiser opens Budi's signature from the jurors tab: the saved image is there.
  await organiser.goto(`${server.origin}/#/competitions/${competitionId}/setup/jurors`);
  const row = organiser.getByTestId('juror-row').filter({ hasText: 'Ir. Budi Santoso' });
  await expect(row).toBeVisible();
  await row.getByTestId('juror-signature').click();
  await expect(organiser.getByTestId('signature-dialog')).toBeVisible();
  await expect(organiser.getByTestId('signature-current')).toBeVisible();
  await organiser.getByTestId('signature-draw-again').click();
  await draw(organiser, [
    [0.15, 0.5],
    [0.85, 0.5],
  ]);
  await organiser.screenshot({ path: `${SHOTS}/signature-pad-dialog-1280.png` });
  await organiser.getByTestId('signature-dialog-close').click();
  await expect(organiser.getByTestId('signature-dialog')).toHaveCount(0);

  const ba = await api(organiser, token, 'documents.render', { competitionId, kind: 'berita-acara' });
  expect(Buffer.from(ba.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  expect(ba.signed).toBe(false);
});
