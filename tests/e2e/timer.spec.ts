/**
 * The phase timer for real, in server mode: the organiser starts it; the stage display and a
 * juror's page show the same remaining time; the server process is killed and started again on
 * the same data folder, and after a reload the countdown has gone on through the outage.
 */
import { test, expect, type Browser, type Page } from '@playwright/test';
import { restartServer, startServer, type RunningServer } from './server';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

async function newPage(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  return context.newPage();
}

/** The remaining milliseconds a page shows right now (its countdown element's attribute). */
const remainingOn = (page: Page, testid: string) =>
  page.getByTestId(testid).evaluate((el) => Number((el as HTMLElement).dataset.remainingMs));

async function sameMoment(display: Page, juror: Page): Promise<[number, number]> {
  return Promise.all([remainingOn(display, 'timer-countdown'), remainingOn(juror, 'timer-countdown')]);
}

test('organiser, stage display and a juror share one countdown, which survives a server restart', async ({ browser }) => {
  const organiser = await newPage(browser);
  await organiser.goto(server.organiserLink);
  await expect(organiser).toHaveURL(/#\/$/);
  await organiser.goto(`${server.origin}/#/competitions/new`);
  await organiser.getByTestId('competition-name').fill('Lomba Inovasi Pelayanan Publik Kabupaten Muara Enim 2026');
  await organiser.getByTestId('category-name-0').fill('OPD');
  await organiser.getByTestId('criterion-name-0').fill('Kebaruan');
  await organiser.getByTestId('criterion-weight-0').fill('100');
  await organiser.getByTestId('juror-name-0').fill('Dr. Ratna Sari');
  for (const [i, [code, title, unit]] of [
    ['E01', 'Poltabes', 'Dinas Pendidikan'],
    ['E02', 'Pangling', 'Dinas Kesehatan'],
  ].entries()) {
    if (i > 0) await organiser.getByTestId('add-entry').click();
    await organiser.getByTestId(`entry-code-${i}`).fill(code);
    await organiser.getByTestId(`entry-title-${i}`).fill(title);
    await organiser.getByTestId(`entry-unit-${i}`).fill(unit);
    await organiser.getByTestId(`entry-category-${i}`).selectOption('OPD');
  }
  await organiser.getByTestId('save-competition').click();
  await organiser.getByTestId('setup-session-link').click();
  await expect(organiser).toHaveURL(/#\/competitions\/\d+$/);
  await organiser.getByTestId('open-session').click();
  await expect(organiser.getByTestId('session-status')).toHaveAttribute('data-status', 'open');
  const currentEntry = organiser.getByTestId('current-entry');
  await currentEntry.selectOption((await currentEntry.locator('option', { hasText: 'Poltabes' }).getAttribute('value'))!);

  await organiser.getByTestId('issue-juror-links').click();
  const jurorLink = (await organiser.locator('[data-testid^="juror-link-url-"]').first().textContent())!.trim();
  await organiser.getByTestId('issue-display-link').click();
  const displayLink = (await organiser.getByTestId('display-link-url').textContent())!.trim();

  const display = await newPage(browser, { width: 1920, height: 1080 });
  await display.goto(displayLink);
  await expect(display.getByTestId('display-entry-title')).toHaveText('Poltabes');
  await expect(display.getByTestId('timer-countdown')).toHaveText('7:00');
  await expect(display.getByTestId('display-next-up')).toContainText('Pangling');
  const juror = await newPage(browser, { width: 1024, height: 768 });
  await juror.goto(jurorLink);
  await expect(juror).toHaveURL(/#\/juror$/);
  await expect(juror.getByTestId('timer-countdown')).toHaveText('7:00');

  // The timekeeper presses Space (focus on the page, not in a field).
  await organiser.locator('body').click({ position: { x: 5, y: 5 } });
  await organiser.keyboard.press('Space');
  await expect(organiser.getByTestId('timer-toggle')).toContainText('Jeda');
  await expect(display.getByTestId('timer-countdown')).toHaveText(/^6:5\d$/);
  await expect(juror.getByTestId('timer-countdown')).toHaveText(/^6:5\d$/);

  for (let i = 0; i < 3; i++) {
    const [onDisplay, onJuror] = await sameMoment(display, juror);
    expect(onDisplay).toBeLessThan(420_000);
    expect(Math.abs(onDisplay - onJuror), `display ${onDisplay} vs juror ${onJuror}`).toBeLessThanOrEqual(250);
    await display.waitForTimeout(700);
  }

  // Kill the server mid-phase; it is down for 3 s, then starts again on the same data and port.
  const before = await remainingOn(display, 'timer-countdown');
  const killedAt = Date.now();
  await restartServer(server, { downForMs: 3000 });
  await display.reload();
  await juror.reload();
  await expect(display.getByTestId('display-entry-title')).toHaveText('Poltabes');
  await expect(display.getByTestId('timer-countdown')).toBeVisible();
  await expect(juror.getByTestId('timer-countdown')).toBeVisible();
  const after = await remainingOn(display, 'timer-countdown');
  const passed = Date.now() - killedAt;
  // The outage counted: the countdown went on by the wall-clock time that passed (±0.5 s).
  expect(before - after).toBeGreaterThan(3000);
  expect(Math.abs(before - after - passed), `before ${before}, after ${after}, ${passed} ms passed`).toBeLessThan(500);
  const [onDisplay, onJuror] = await sameMoment(display, juror);
  expect(Math.abs(onDisplay - onJuror)).toBeLessThanOrEqual(250);
  // Still running after the restart.
  await display.waitForTimeout(1200);
  expect(await remainingOn(display, 'timer-countdown')).toBeLessThan(onDisplay - 900);

  // The organiser's page reconnects and still controls it: pause with the persisted version.
  await organiser.reload();
  await expect(organiser.getByTestId('timer-toggle')).toContainText('Jeda');
  await organiser.getByTestId('timer-toggle').click();
  await expect(display.getByTestId('stage-countdown')).toHaveClass(/countdown--stopped/);
});
