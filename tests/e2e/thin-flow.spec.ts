/**
 * The thin flow, for real: the core in server mode, an organiser and three jurors in separate
 * browser contexts at the same time, plus a stage display; the ranking on screen and the order of
 * the entries in the downloaded recap PDF (text extracted with pdftotext).
 */
import { execFileSync } from 'node:child_process';
import { test, expect, type Browser, type Page } from '@playwright/test';
import { quickCreateCompetition } from './quick-create';
import { startServer, type RunningServer } from './server';

const CRITERIA = [
  { name: 'Kebaruan', weight: '40' },
  { name: 'Kemanfaatan', weight: '35' },
  { name: 'Keberlanjutan', weight: '25' },
];
const JURORS = ['Dr. Ratna Sari', 'Ir. Budi Santoso', 'Maya Putri'];
const ENTRIES = [
  { code: 'E01', title: 'Poltabes', unit: 'Dinas Pendidikan' },
  { code: 'E02', title: 'Pangling', unit: 'Dinas Kesehatan' },
  { code: 'E03', title: 'Salam Rabain', unit: 'RSUD H.M. Rabain' },
  { code: 'E04', title: 'Info Papa RT', unit: 'Dinas PMD' },
];
/** marks[juror][entry] for the criteria above, in order. */
const MARKS = [
  [['80', '90', '70'], ['85', '85', '85'], ['90', '70', '60'], ['70', '75', '80']],
  [['82', '88', '75'], ['80', '90', '85'], ['88', '72', '64'], ['72', '70', '78']],
  [['78', '92', '71'], ['86', '84', '90'], ['85', '75', '66'], ['75', '72', '76']],
];
/*
 * Worked by hand (0.40a + 0.35b + 0.25c, then the mean of the three jurors):
 *   E02 (85 + 84.75 + 86.30) / 3 = 85.35    E01 (81 + 82.35 + 81.15) / 3 = 81.50
 *   E03 (75.5 + 76.4 + 76.75) / 3 = 76.2166… → 76.22    E04 (74.25 + 72.8 + 74.2) / 3 = 73.75
 */
const RANKED = [
  { code: 'E02', title: 'Pangling', total: '85,35' },
  { code: 'E01', title: 'Poltabes', total: '81,50' },
  { code: 'E03', title: 'Salam Rabain', total: '76,22' },
  { code: 'E04', title: 'Info Papa RT', total: '73,75' },
];

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

const createCompetition = (page: Page) =>
  quickCreateCompetition(page, server.origin, {
    name: 'Kompetisi Inovasi Pelayanan Publik Kota Palembang 2026',
    category: 'Kelompok Umum',
    criteria: CRITERIA,
    jurors: JURORS,
    entries: ENTRIES,
  });

async function scoreEverything(page: Page, jurorIndex: number) {
  await expect(page.getByTestId('juror-name')).toContainText(JURORS[jurorIndex]);
  for (const [entryIndex, entry] of ENTRIES.entries()) {
    await page.locator('[data-testid^="juror-entry-"]', { hasText: entry.title }).click();
    const inputs = page.locator('[data-testid^="mark-"]');
    await expect(inputs).toHaveCount(CRITERIA.length);
    for (const [k, value] of MARKS[jurorIndex][entryIndex].entries()) await inputs.nth(k).fill(value);
    await page.getByTestId('submit-sheet').click();
    await page.getByTestId('confirm-submit').click();
    await expect(page.getByTestId('sheet-locked')).toBeVisible();
  }
}

test('organiser, three jurors and a stage display run the thin flow at the same time', async ({ browser }) => {
  const organiser = await newPage(browser);
  await organiser.goto(server.organiserLink);
  await expect(organiser).toHaveURL(/#\/$/);
  await createCompetition(organiser);

  await organiser.getByTestId('open-session').click();
  await expect(organiser.getByTestId('session-status')).toHaveAttribute('data-status', 'open');

  await organiser.getByTestId('issue-juror-links').click();
  const linkCells = organiser.locator('[data-testid^="juror-link-url-"]');
  await expect(linkCells).toHaveCount(JURORS.length);
  const links = await linkCells.allTextContents();
  expect(new Set(links).size).toBe(JURORS.length);

  await organiser.getByTestId('issue-display-link').click();
  const display = await newPage(browser, { width: 1920, height: 1080 });
  await display.goto((await organiser.getByTestId('display-link-url').textContent())!.trim());
  await expect(display.getByTestId('display-competition')).toContainText('Kota Palembang');

  // The stage display follows the organiser's "current entry" live.
  const currentEntry = organiser.getByTestId('current-entry');
  const e03 = await currentEntry.locator('option', { hasText: 'Salam Rabain' }).getAttribute('value');
  await currentEntry.selectOption(e03!);
  await expect(display.getByTestId('display-entry-title')).toHaveText('Salam Rabain');

  // Three jurors, each on their own device (one of them a phone), scoring at the same time.
  const jurors = await Promise.all(
    links.map(async (link, i) => {
      const page = await newPage(browser, i === 2 ? { width: 360, height: 740 } : { width: 1024, height: 768 });
      await page.goto(link.trim());
      await expect(page).toHaveURL(/#\/juror$/);
      return page;
    }),
  );
  await Promise.all(jurors.map((page, i) => scoreEverything(page, i)));

  // The organiser saw it happen live, without reloading.
  const cells = organiser.locator('[data-testid^="progress-cell-"]');
  await expect(cells).toHaveCount(JURORS.length * ENTRIES.length);
  await expect(organiser.locator('[data-testid^="progress-cell-"][data-status="submitted"]')).toHaveCount(12);
  await expect(organiser.getByTestId('progress-summary')).toContainText('12');

  const rows = organiser.getByTestId('result-row');
  await expect(rows).toHaveCount(ENTRIES.length);
  await expect(rows.first()).toHaveAttribute('data-entry-code', RANKED[0].code);
  for (const [i, expected] of RANKED.entries()) {
    const row = rows.nth(i);
    await expect(row).toHaveAttribute('data-entry-code', expected.code);
    await expect(row.getByTestId('result-rank')).toHaveText(String(i + 1));
    await expect(row.getByTestId('result-title')).toContainText(expected.title);
    await expect(row.getByTestId('result-total')).toHaveText(expected.total);
  }

  const [download] = await Promise.all([organiser.waitForEvent('download'), organiser.getByTestId('download-recap').click()]);
  expect(download.suggestedFilename()).toMatch(/^rekap-.*\.pdf$/);
  const pdfPath = test.info().outputPath('rekap.pdf');
  await download.saveAs(pdfPath);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain('REKAPITULASI NILAI');
  const positions = RANKED.map((entry) => text.indexOf(entry.title));
  expect(positions.every((p) => p >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  for (const entry of RANKED) expect(text).toContain(entry.total);
});

test('a pairing link works once: a second browser opening it is told, in Indonesian, to ask for a new one', async ({ browser }) => {
  // The first test already used the organiser link.
  const stranger = await newPage(browser);
  await stranger.goto(server.organiserLink);
  await expect(stranger.getByText('Tautan ini tidak berlaku atau sudah dipakai', { exact: false })).toBeVisible();
  await expect(stranger).not.toHaveURL(/#\/competitions/);
});
