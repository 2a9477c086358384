/**
 * The schedule page in server mode: a day + room block, every entry placed, the order drawn with a
 * typed seed (shown, and the draw sheet downloads as a PDF), a row moved with Alt + arrow down.
 */
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { startServer, type RunningServer } from './server';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

test('build a block, draw its order with a seed, download the draw sheet, move a row by keyboard', async ({ browser }) => {
  const organiser = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage();
  await organiser.goto(server.organiserLink);
  await organiser.getByTestId('load-sample-empty').click();
  await expect(organiser).toHaveURL(/#\/competitions\/\d+$/);
  await organiser.getByTestId('schedule-link').click();
  await expect(organiser).toHaveURL(/#\/competitions\/\d+\/schedule$/);

  // The page has loaded the stage's entries before a block is added.
  await expect(organiser.getByTestId('unplaced')).toContainText('(20)');
  await organiser.getByTestId('add-block').click();
  await expect(organiser.locator('.schedule-block h2')).toHaveText('Hari 1 · Ruang A');
  await organiser.getByTestId('place-all').click();
  await expect(organiser.getByTestId('unplaced')).toContainText('(0)');
  const slots = organiser.locator('.schedule-block .slot');
  const count = await slots.count();
  expect(count).toBeGreaterThan(1);

  await organiser.locator('[data-testid^="seed-"]').fill('123456');
  await organiser.locator('[data-testid^="draw-"]').click();
  await expect(organiser.locator('[data-testid^="drawn-"]')).toHaveText('Diundi dengan angka acak 123456');
  const drawn = await slots.allTextContents();

  const download = organiser.waitForEvent('download');
  await organiser.getByRole('button', { name: 'Unduh berita acara pengundian' }).click();
  const file = await download;
  const path = test.info().outputPath(file.suggestedFilename());
  await file.saveAs(path);
  expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');

  await slots.first().focus();
  await organiser.keyboard.press('Alt+ArrowDown');
  await expect(slots.nth(1)).toContainText(drawn[0]!.replace(/^1/, '').trim().slice(0, 12));
  await expect(slots.nth(1)).toBeFocused();

  await organiser.getByRole('button', { name: 'Tambah jeda' }).click();
  await expect(slots.last()).toContainText('Istirahat · 15 menit');
  await organiser.screenshot({ path: test.info().outputPath('schedule.png'), fullPage: true });
});
