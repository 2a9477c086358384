/**
 * The results analysis page in server mode, on the sample competition (first stage already scored):
 * from the session page to the analysis, a row opened by keyboard with the engine's explanation,
 * then the quality figures computed on request, with a plot switched to its table.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { startServer, type RunningServer } from './server';

const SHOTS = process.env.RUANG_JURI_SHOTS ?? '/tmp/shots';
const shot = (name: string) => join(SHOTS, name);

let server: RunningServer;
test.beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

test('open the analysis, expand an entry to read its explanation, compute the quality figures', async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await page.goto(server.organiserLink);
  await page.getByTestId('load-sample-empty').click();
  await expect(page).toHaveURL(/#\/competitions\/\d+$/);
  await page.getByTestId('analysis-link').click();
  await expect(page).toHaveURL(/#\/competitions\/\d+\/analysis$/);
  await expect(page.getByTestId('analysis-page')).toHaveAttribute('data-loaded', 'true');

  // The first row of the first category is its rank 1; open it from the keyboard.
  const firstRow = page.locator('[data-testid^="analysis-row-"]').first();
  await expect(firstRow.locator('td').nth(1)).toHaveText('1');
  const total = (await firstRow.locator('td').nth(3).textContent())!.trim();
  expect(total).toMatch(/^\d+,\d{2}$/);
  const toggle = firstRow.locator('[data-row-toggle]');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const steps = page.getByTestId('explanation-steps');
  await expect(steps).toBeVisible();
  // The explanation ends with the rank in its category and states the printed total in Indonesian form.
  await expect(steps.locator('li').last()).toContainText('Peringkat 1 di');
  await expect(steps).toContainText(total);
  await expect(page.locator('[data-testid^="marks-"]').first()).toBeVisible();
  await page.screenshot({ path: shot('analysis-explanation-1366.png') });

  // ↓ moves to the next row's button.
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('[data-row-toggle]').nth(1)).toBeFocused();

  await page.getByTestId('quality-load').click();
  await expect(page.getByTestId('severity-plot')).toBeVisible();
  await expect(page.getByTestId('quality-advisory')).toContainText('saran');
  await expect(page.locator('[data-harshest="true"]')).toHaveCount(1);
  await page.getByTestId('severity-plot').scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('analysis-quality-1366.png') });
  await page.screenshot({ path: shot('analysis-full-1366.png'), fullPage: true });
  for (const figure of ['severity', 'strip', 'agreement', 'loo', 'sensitivity']) await page.getByTestId(figure).screenshot({ path: shot(`analysis-${figure}-1366.png`) });

  await page.getByTestId('severity-toggle').click();
  await expect(page.getByTestId('severity-table').locator('tbody tr')).toHaveCount(4);

  // Usable at 1024 px.
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: shot('analysis-full-1024.png'), fullPage: true });
});
