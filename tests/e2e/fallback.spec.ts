/**
 * Kiosk mode and the paper fallback, in server mode: on the organiser's own page a juror switches
 * in with their PIN, scores an entry and switches out; then a juror's paper sheet is typed twice by
 * two people, one difference is shown side by side, corrected, and the sheet counts in progress.
 * Screenshots of both pages at 1366×768.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { quickCreateCompetition } from './quick-create';
import { startServer, type RunningServer } from './server';

const shot = (name: string) => join(process.env.RUANG_JURI_SHOTS ?? join(tmpdir(), 'ruang-juri-shots'), name);

const CRITERIA = [
  { name: 'Kebaruan', weight: '40' },
  { name: 'Kemanfaatan', weight: '35' },
  { name: 'Keberlanjutan', weight: '25' },
];
const JURORS = ['Dr. Ratna Sari', 'Ir. Budi Santoso', 'Maya Putri'];
const ENTRIES = [
  { code: 'E01', title: 'Poltabes', unit: 'Dinas Pendidikan' },
  { code: 'E02', title: 'Pangling', unit: 'Dinas Kesehatan' },
];
const PIN = '482915';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

/** A command as the organiser's page would send it (setup that belongs to other screens). */
async function call<T>(page: Page, command: string, input: unknown): Promise<T> {
  const reply = await page.evaluate(
    async ([name, body]) => {
      const token = localStorage.getItem('ruang-juri.deviceToken');
      const response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ id: 'e2e', command: name, input: body }),
      });
      return response.json();
    },
    [command, input] as const,
  );
  if (!reply.ok) throw new Error(`${command}: ${JSON.stringify(reply.error)}`);
  return reply.output as T;
}

test('a juror scores on the kiosk with a PIN; a paper sheet typed twice counts once the typings match', async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await page.goto(server.organiserLink);
  await expect(page).toHaveURL(/#\/$/);
  const competitionId = await quickCreateCompetition(page, server.origin, {
    name: 'Lomba Inovasi Daerah Kabupaten Muara Enim 2026',
    category: 'Kelompok Umum',
    criteria: CRITERIA,
    jurors: JURORS,
    entries: ENTRIES,
  });
  await page.getByTestId('open-session').click();
  await expect(page.getByTestId('session-status')).toHaveAttribute('data-status', 'open');

  type Detail = { jurors: { id: number; name: string; role: string }[]; entries: { id: number; code: string }[]; criteria: { id: number }[] };
  const detail = await call<Detail>(page, 'competition.get', { competitionId });
  const [, budi, maya] = detail.jurors;
  await call(page, 'juror.save', { competitionId, id: budi.id, name: budi.name, role: budi.role, pin: PIN });
  const [e01, e02] = detail.entries;

  // ---- kiosk --------------------------------------------------------------------------------
  await page.getByTestId('kiosk-link').click();
  await expect(page).toHaveURL(new RegExp(`#/competitions/${competitionId}/kiosk$`));
  await expect(page.getByTestId('kiosk-page')).toHaveAttribute('data-state', 'roster');
  // Maya has no PIN: listed, but she cannot switch in, and the page says why.
  await expect(page.getByTestId(`kiosk-juror-${maya.id}`)).toBeDisabled();
  await expect(page.getByTestId('kiosk-no-pin-help')).toContainText('Maya Putri');
  await page.screenshot({ path: shot('kiosk-roster.png') });

  await page.getByTestId(`kiosk-juror-${budi.id}`).click();
  await expect(page.getByTestId('kiosk-pin')).toBeFocused();
  await page.getByTestId('kiosk-pin').fill('000000');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('kiosk-pin-error')).toContainText('PIN salah');
  await page.screenshot({ path: shot('kiosk-pin.png') });
  await page.getByTestId('kiosk-pin').fill(PIN);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('kiosk-page')).toHaveAttribute('data-state', 'acting');
  await expect(page.getByTestId('kiosk-acting')).toContainText(budi.name);
  await expect(page.getByTestId('juror-name')).toHaveText(budi.name);

  await page.getByTestId(`juror-entry-${e01.id}`).click();
  for (const [k, value] of ['80', '85', '75'].entries()) await page.getByTestId(`mark-${detail.criteria[k].id}`).fill(value);
  await page.getByTestId('submit-sheet').click();
  await page.getByTestId('confirm-submit').click();
  await expect(page.getByTestId('sheet-locked')).toBeVisible();
  await page.screenshot({ path: shot('kiosk-acting.png') });

  await page.getByTestId('kiosk-switch-out').click();
  await expect(page.getByTestId('kiosk-page')).toHaveAttribute('data-state', 'roster');
  await expect(page.getByTestId('kiosk-switched-out')).toContainText(budi.name);
  // The page is the organiser's again.
  await page.getByRole('link', { name: /Kembali ke sesi/ }).click();
  await expect(page.getByTestId(`progress-cell-${budi.id}-${e01.id}`)).toHaveAttribute('data-status', 'submitted');

  // ---- paper --------------------------------------------------------------------------------
  await page.getByTestId('paper-link').click();
  await expect(page.getByTestId('paper-page')).toHaveAttribute('data-loaded', 'true');
  await page.getByTestId('paper-juror').selectOption(String(maya.id));
  await page.getByTestId('paper-entry').selectOption(String(e02.id));

  // First typing, all from the keyboard: name, Enter, mark, Enter … Enter saves.
  await expect(page.getByTestId('paper-typist')).toBeFocused();
  await page.keyboard.type('Siti Aminah');
  for (const value of ['80', '85', '70']) {
    await page.keyboard.press('Enter');
    await page.keyboard.type(value);
  }
  await page.screenshot({ path: shot('paper-typing.png') });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('paper-waiting')).toContainText('Siti Aminah');

  // The same person cannot type the second one.
  await page.getByTestId('paper-typist').fill('siti aminah');
  for (const [i, value] of ['80', '58', '70'].entries()) await page.getByTestId(`paper-mark-${detail.criteria[i].id}`).fill(value);
  await page.getByTestId('paper-save').click();
  await expect(page.getByTestId('paper-save-error')).toContainText('orang lain');

  // Someone else types it again, with one slip on the second criterion.
  await page.getByTestId('paper-typist').fill('Andi Wijaya');
  await page.getByTestId('paper-save').click();
  const differing = detail.criteria[1].id;
  await expect(page.getByTestId('paper-difference-count')).toContainText('1 kriteria berbeda');
  await expect(page.getByTestId(`paper-diff-row-${differing}`)).toHaveAttribute('data-differs', 'true');
  await expect(page.getByTestId(`paper-diff-${differing}-1`)).toHaveText('85');
  await expect(page.getByTestId(`paper-diff-${differing}-2`)).toHaveText('58');
  await expect(page.getByTestId(`paper-diff-row-${detail.criteria[0].id}`)).toHaveAttribute('data-differs', 'false');
  await expect(page.getByTestId(`paper-pair-${maya.id}-${e02.id}`)).toHaveAttribute('data-status', 'mismatch');
  await page.getByTestId('paper-differences').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('paper-differences.png') });

  // Andi corrects his typing; now both match and the sheet counts.
  await page.getByTestId('paper-correct-2').click();
  await expect(page.getByTestId('paper-typist')).toHaveValue('Andi Wijaya');
  await page.getByTestId(`paper-mark-${differing}`).fill('85');
  await page.getByTestId('paper-save').click();
  await expect(page.getByTestId('paper-confirmed')).toBeVisible();
  await expect(page.getByTestId(`paper-pair-${maya.id}-${e02.id}`)).toHaveAttribute('data-status', 'confirmed');
  await page.screenshot({ path: shot('paper-confirmed.png') });

  await page.getByRole('link', { name: /Kembali ke sesi/ }).click();
  await expect(page.getByTestId(`progress-cell-${maya.id}-${e02.id}`)).toHaveAttribute('data-status', 'submitted');
  await expect(page.locator('[data-testid^="progress-cell-"][data-status="submitted"]')).toHaveCount(2);

  // The same pages on a 360 px phone (screenshots only).
  await page.setViewportSize({ width: 360, height: 740 });
  await page.getByTestId('paper-link').click();
  await page.getByTestId(`paper-pair-${maya.id}-${e02.id}`).click();
  await expect(page.getByTestId('paper-confirmed')).toBeVisible();
  await page.screenshot({ path: shot('paper-phone.png'), fullPage: true });
});
