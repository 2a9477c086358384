/**
 * The scoring window in server mode (issue 5): a one-phase slot of a few seconds closes scoring on
 * the juror's phone; the juror submits anyway, the sheet waits for the chair; the chair approves it
 * on the dashboard, the juror's page follows live, and the sheet counts in the progress.
 */
import { mkdirSync } from 'node:fs';
import { test, expect, type Browser, type Page } from '@playwright/test';
import { callApi, pagePairedAs as pagePairedIn } from './api';
import { startServer, type RunningServer } from './server';

const SHOTS = '/tmp/shots';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
  mkdirSync(SHOTS, { recursive: true });
});
test.afterAll(async () => {
  await server?.stop();
});

const api = (page: Page, token: string | null, command: string, input: unknown) => callApi(page, server.origin, token, command, input);

const pagePairedAs = (browser: Browser, token: string, viewport: { width: number; height: number }) =>
  pagePairedIn(browser, token, { viewport, hasTouch: viewport.width < 800 });

test('a juror submits after close, the chair approves on the dashboard, and the sheet counts', async ({ browser }) => {
  const organiser = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await organiser.goto(server.organiserLink);
  await expect(organiser).toHaveURL(/#\/$/);
  const token = await organiser.evaluate(() => localStorage.getItem('ruang-juri.deviceToken'));

  const competition = await api(organiser, token, 'competition.create', {
    name: 'Kompetisi Inovasi Kota Palembang 2026',
    categories: [{ name: 'Kelompok Umum' }],
    criteria: [
      { name: 'Kebaruan', weight: '60', step: '0.5' },
      { name: 'Kemanfaatan', weight: '40' },
    ],
    jurors: [
      { name: 'Dr. Ratna Sari', role: 'chair' },
      { name: 'Ir. Budi Santoso', role: 'member' },
    ],
    entries: [
      { code: 'E01', title: 'Poltabes', unit: 'Dinas Pendidikan', category: 'Kelompok Umum' },
      { code: 'E02', title: 'Pangling', unit: 'Dinas Kesehatan', category: 'Kelompok Umum' },
    ],
  });
  const competitionId: number = competition.id;
  const stageId: number = competition.stages[0].id;
  const e01: number = competition.entries.find((e: { code: string }) => e.code === 'E01').id;
  await api(organiser, token, 'session.open', { competitionId });
  const { links } = await api(organiser, token, 'device.issueJurorLinks', { competitionId });
  const tokenOf = async (name: string) => (await api(organiser, null, 'auth.pair', { token: links.find((l: { name: string }) => l.name === name).token })).deviceToken;
  const chairToken = await tokenOf('Dr. Ratna Sari');
  const budiToken = await tokenOf('Ir. Budi Santoso');

  // One short scoring phase, open from its start: the window closes 4 seconds after the start.
  const timer = await api(organiser, token, 'timer.configure', { competitionId, phases: [{ name: 'Penilaian', seconds: 4, warnAt: 2, dangerAt: 1 }] });
  await api(organiser, token, 'window.configure', { competitionId, openPhaseIndex: 0, graceSeconds: 0 });
  const block = await api(organiser, token, 'schedule.saveBlock', { competitionId, stageId, day: 'Hari 1', room: 'Ruang A' });
  const placed = await api(organiser, token, 'schedule.place', { blockId: block.blocks[0].id, entryIds: [e01] });
  await api(organiser, token, 'schedule.startSlot', { slotId: placed.blocks[0].slots[0].id });

  // The juror on a 360 px phone: E01 is on stage and opens by itself; scoring has not opened yet.
  const juror = await pagePairedAs(browser, budiToken, { width: 360, height: 740 });
  await juror.goto(`${server.origin}/#/juror`);
  await expect(juror.getByTestId('juror-name')).toHaveText('Ir. Budi Santoso');
  const status = juror.getByTestId('window-status');
  await expect(status).toHaveAttribute('data-kind', 'notYet');

  await api(organiser, token, 'timer.control', { competitionId, action: 'start', expectedVersion: timer.version });
  await expect(status).toHaveAttribute('data-kind', 'open');
  await expect(juror.getByTestId('window-countdown')).toContainText('sisa 0:0');
  // ... and closes on the juror's own clock when the phase ends, without any event.
  await expect(status).toHaveAttribute('data-kind', 'closed', { timeout: 10_000 });
  await expect(status).toContainText('menunggu persetujuan ketua');

  // Marks by slider, by the + button and by typing (decimal comma); a comment; submit after review.
  const [kebaruan, kemanfaatan] = competition.criteria.map((c: { id: number }) => c.id);
  await juror.getByTestId(`mark-${kebaruan}`).fill('85,5');
  await juror.getByTestId(`score-slider-${kemanfaatan}`).focus();
  await juror.keyboard.press('End');
  await expect(juror.getByTestId(`mark-${kemanfaatan}`)).toHaveValue('100');
  await juror.getByTestId(`score-minus-${kemanfaatan}`).click();
  await expect(juror.getByTestId(`mark-${kemanfaatan}`)).toHaveValue('99');
  await juror.getByTestId('comment-overall').fill('Data pengguna perlu dilengkapi');
  await expect(juror.getByTestId('save-draft')).toBeDisabled();
  await juror.screenshot({ path: `${SHOTS}/window-juror-closed-360.png`, fullPage: true });
  await juror.getByTestId('submit-sheet').click();
  await expect(juror.getByTestId('review-overall')).toContainText('Data pengguna perlu dilengkapi');
  await juror.getByTestId('confirm-submit').click();
  await expect(juror.getByTestId('sheet-late-waiting')).toHaveText('Terkirim setelah penilaian ditutup — menunggu persetujuan ketua.');
  await expect(juror.getByTestId(`mark-${kebaruan}`)).toBeDisabled();

  // Not counted until the chair decides.
  expect((await api(organiser, token, 'progress.get', { competitionId })).submittedCount).toBe(0);

  // The chair, on their own laptop, sees it on the dashboard and approves it.
  const chair = await pagePairedAs(browser, chairToken, { width: 1280, height: 900 });
  await chair.goto(`${server.origin}/#/competitions/${competitionId}`);
  const pending = chair.getByTestId('late-pending');
  await expect(pending).toContainText('Ir. Budi Santoso · E01 · Poltabes');
  await chair.getByTestId('scoring-window-panel').screenshot({ path: `${SHOTS}/window-dashboard.png` });
  // The reminders and the matrix say the sheet is waiting for the chair, not missing.
  await expect(chair.getByTestId('pending-current')).toContainText('Ir. Budi Santoso (terlambat, menunggu persetujuan ketua)');
  await expect(chair.locator('[data-late-pending="true"]')).toHaveCount(1);
  await chair.screenshot({ path: `${SHOTS}/window-dashboard-late-pending.png`, fullPage: true });
  await pending.getByRole('button', { name: 'Setujui' }).click();
  await expect(chair.getByTestId('late-decided')).toContainText('Ir. Budi Santoso · E01 · Poltabes — disetujui');
  await expect(chair.getByTestId('late-none')).toBeVisible();

  // The juror's page follows live: the sheet is submitted and locked with the approved marks.
  await expect(juror.getByTestId('sheet-locked')).toBeVisible();
  await expect(juror.getByTestId(`juror-entry-${e01}`)).toHaveAttribute('data-status', 'submitted');
  await expect(juror.getByTestId(`mark-${kebaruan}`)).toHaveValue('85,5');
  await juror.screenshot({ path: `${SHOTS}/window-juror-approved-360.png`, fullPage: true });

  const progress = await api(organiser, token, 'progress.get', { competitionId });
  expect(progress.submittedCount).toBe(1);
  // 0.6 × 85.5 + 0.4 × 99 = 51.3 + 39.6 = 90.9
  const results = await api(organiser, token, 'results.compute', { competitionId });
  const row = results.categories[0].rows.find((r: { entryId: number }) => r.entryId === e01);
  expect(row.total).toMatch(/^90\.90?$/);

  // The same page on a tablet: E02 has no slot, so no window applies and the marks can be typed.
  await juror.setViewportSize({ width: 1024, height: 768 });
  await juror.getByTestId(`juror-entry-${competition.entries[1].id}`).click();
  await expect(status).toHaveAttribute('data-kind', 'unscheduled');
  await juror.getByTestId(`score-plus-${kebaruan}`).click();
  await expect(juror.getByTestId(`mark-${kebaruan}`)).toHaveValue('0');
  await juror.getByTestId(`score-slider-${kebaruan}`).focus();
  await juror.keyboard.press('ArrowRight');
  await expect(juror.getByTestId(`mark-${kebaruan}`)).toHaveValue('0,5');
  await juror.screenshot({ path: `${SHOTS}/window-juror-1024.png`, fullPage: true });
});

