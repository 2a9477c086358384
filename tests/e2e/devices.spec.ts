/**
 * Juror devices: the organiser turns network mode on, makes the pairing cards, a juror pairs a
 * separate browser by typing the short code, the organiser revokes the device, and the juror's
 * page then shows that it is no longer paired. Screenshot of the "Perangkat juri" panel.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { startServer, type RunningServer } from './server';

/** Outside test-results, which every Playwright run empties. */
const shot = (name: string) => join(process.env.RUANG_JURI_SHOTS ?? join(tmpdir(), 'ruang-juri-shots'), name);

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

test('pair a juror by typed short code, then revoke the device', async ({ browser }) => {
  const organiser = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await organiser.goto(server.organiserLink);
  await organiser.getByTestId('load-sample-empty').click();
  await expect(organiser).toHaveURL(/#\/competitions\/\d+$/);

  const panel = organiser.getByTestId('network-panel');
  await expect(panel.getByTestId('network-mode')).toContainText('Lokal');
  await panel.getByTestId('network-toggle').click();
  await expect(organiser.getByTestId('confirm-message')).toContainText('Wi-Fi');
  await organiser.getByTestId('confirm-yes').click();
  await expect(panel.getByTestId('network-warning')).toBeVisible();
  await expect(panel.getByTestId('network-mode')).toContainText('Jaringan');

  await panel.getByTestId('make-pairing-cards').click();
  const cards = panel.getByTestId('pairing-cards').locator('li');
  await expect(cards.first()).toBeVisible();
  const count = await cards.count();
  await expect(panel.locator('img.pairing-card__qr')).toHaveCount(count);
  const card = cards.nth(1);
  const name = (await card.locator('.pairing-card__name').innerText()).trim();
  const code = (await card.locator('.pairing-card__code').innerText()).trim();
  expect(code).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);

  // The juror's own browser, on the loopback address (0.0.0.0 includes it).
  const juror = await (await browser.newContext({ viewport: { width: 390, height: 800 } })).newPage();
  await juror.goto(`${server.origin}/#/pair`);
  await juror.getByTestId('pair-code').fill(code.toLowerCase());
  await juror.screenshot({ path: shot('devices-pair-page.png') });
  await juror.getByTestId('pair-submit').click();
  await expect(juror).toHaveURL(/#\/juror$/);
  await expect(juror.getByTestId('juror-name')).toHaveText(name);

  // The organiser sees the device appear, and revokes it.
  const row = panel.getByTestId('device-list').locator('tbody tr', { hasText: name });
  await expect(row).toContainText('Aktif');
  // The sticky page header would cover the panel's top in an element screenshot.
  await organiser.addStyleTag({ content: 'header { position: static !important; }' });
  await panel.screenshot({ path: shot('devices-panel.png') });
  await row.getByRole('button', { name: 'Cabut' }).click();
  await organiser.getByTestId('confirm-yes').click();
  await expect(row).toContainText('Dicabut');

  await juror.reload();
  await expect(juror.getByTestId('not-paired')).toBeVisible();
  // The used code does not work a second time.
  await juror.getByTestId('type-pairing-code').click();
  await juror.getByTestId('pair-code').fill(code);
  await juror.getByTestId('pair-submit').click();
  await expect(juror.getByTestId('pair-error')).toContainText('tidak berlaku atau sudah dipakai');
});
