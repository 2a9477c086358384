/**
 * Issue 3's setup flow in server mode: a two-stage competition from presets, entries imported from
 * a real XLSX fixture after a broken fixture was refused with its validation report (and imported
 * nothing), and a conflict of interest declared and seen wherever the entry is listed.
 */
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { startServer, type RunningServer } from './server';

const FIXTURES = join(__dirname, '..', 'fixtures', 'import');
let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

async function quickCreate(page: Page) {
  await page.goto(`${server.origin}/#/competitions/new`);
  await page.getByTestId('competition-name').fill('Kompetisi Inovasi Kabupaten Muara Enim 2026');
  await page.getByTestId('category-name-0').fill('Kelompok Umum');
  await page.getByTestId('add-category').click();
  await page.getByTestId('category-name-1').fill('Kelompok Khusus');
  await page.getByTestId('criterion-name-0').fill('Sementara');
  await page.getByTestId('criterion-weight-0').fill('100');
  await page.getByTestId('juror-name-0').fill('Dr. Ratna Sari');
  await page.getByTestId('juror-role-0').selectOption('chair');
  await page.getByTestId('add-juror').click();
  await page.getByTestId('juror-name-1').fill('Ir. Budi Santoso');
  await page.getByTestId('entry-code-0').fill('AWAL-01');
  await page.getByTestId('entry-title-0').fill('Inovasi Awal');
  await page.getByTestId('entry-unit-0').fill('Bappeda');
  await page.getByTestId('entry-category-0').selectOption('Kelompok Umum');
  await page.getByTestId('save-competition').click();
  await expect(page).toHaveURL(/#\/competitions\/\d+\/setup\/details$/);
}

async function applyCriteriaPreset(page: Page, presetId: string) {
  await page.getByTestId('criteria-preset-open').click();
  await page.getByTestId('criteria-preset').selectOption(presetId);
  await page.getByTestId('criteria-preset-mode-replace').check();
  await page.getByTestId('criteria-preset-apply').click();
  const confirm = page.getByTestId('confirm-yes');
  if (await confirm.isVisible().catch(() => false)) await confirm.click();
}

test('an organiser sets up a two-stage competition from presets, imports entries and declares a conflict', async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(server.organiserLink);
  await expect(page).toHaveURL(/#\/$/);
  await quickCreate(page);

  // Stage 1 from the KIPP 2023 proposal preset, 70 %, top 5 per category go on.
  await page.getByTestId('setup-tab-stages').click();
  await applyCriteriaPreset(page, 'criteria.kipp-2023-proposal-umum');
  await expect(page.locator('[data-testid^="criterion-row-"]')).toHaveCount(7);
  await page.getByTestId('stage-weight-0').fill('70');
  await page.getByTestId('stage-advancement-0').selectOption('topN');
  await page.getByTestId('stage-advancement-n-0').fill('5');
  await page.getByTestId('stage-save-0').click();
  await expect(page.getByTestId('stage-save-0')).toBeHidden();

  // Stage 2 from the Kemendagri IGA 2023 presentation preset, 30 %.
  await page.getByTestId('stage-add').click();
  await page.getByTestId('stage-name-1').fill('Presentasi dan Wawancara');
  await page.getByTestId('stage-weight-1').fill('30');
  await page.getByTestId('stage-save-1').click();
  await page.getByTestId('stage-criteria-1').click();
  await applyCriteriaPreset(page, 'criteria.iga-2023-presentasi');
  await expect(page.locator('[data-testid^="criterion-row-"]')).toHaveCount(5);
  await expect(page.getByTestId('stage-weight-total')).toContainText('100');
  await expect(page.getByTestId('setup-check-ready')).toBeVisible();

  // A broken spreadsheet: the report names rows, columns and reasons; nothing can be imported.
  await page.getByTestId('setup-tab-import').click();
  await page.getByTestId('import-kind').selectOption('entries');
  await page.getByTestId('import-file').setInputFiles(join(FIXTURES, 'entries-broken.xlsx'));
  const problems = page.getByTestId('import-problem');
  await expect(problems.first()).toBeVisible();
  expect(await problems.count()).toBeGreaterThanOrEqual(3);
  const firstProblem = problems.first();
  expect(Number(await firstProblem.getAttribute('data-row'))).toBeGreaterThan(1);
  expect(await firstProblem.getAttribute('data-column')).toBeTruthy();
  await expect(page.getByTestId('import-commit')).toBeDisabled();
  await page.getByTestId('setup-tab-entries').click();
  await expect(page.getByTestId('entry-row')).toHaveCount(1);

  // The valid fixture imports all ten rows into the first stage.
  await page.getByTestId('setup-tab-import').click();
  await page.getByTestId('import-kind').selectOption('entries');
  await page.getByTestId('import-file').setInputFiles(join(FIXTURES, 'entries-valid.xlsx'));
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await expect(page.getByTestId('import-problem')).toHaveCount(0);
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-result')).toHaveAttribute('data-imported', '10');
  await page.getByTestId('setup-tab-entries').click();
  await expect(page.getByTestId('entries-count')).toContainText('11');

  // A conflict of interest with a unit, listed on the conflicts tab and on the entry's row.
  await page.getByTestId('setup-tab-conflicts').click();
  const budi = await page.getByTestId('conflict-juror').locator('option', { hasText: 'Ir. Budi Santoso' }).getAttribute('value');
  await page.getByTestId('conflict-juror').selectOption(budi!);
  await page.getByTestId('conflict-kind-unit').check();
  await page.getByTestId('conflict-unit').fill('Puskesmas Ujanmas');
  await page.getByTestId('conflict-reason').fill('Istri juri bertugas di puskesmas tersebut.');
  await page.getByTestId('conflict-declare').click();
  const conflict = page.getByTestId('conflict-row');
  await expect(conflict).toHaveCount(1);
  await expect(conflict).toContainText('Ir. Budi Santoso');
  await expect(conflict).toContainText('Puskesmas Ujanmas');

  await page.getByTestId('setup-tab-entries').click();
  await page.getByTestId('entries-search').fill('Waskom');
  await expect(page.getByTestId('entry-row')).toHaveCount(1);
  await expect(page.getByTestId('entry-row').getByTestId('entry-conflicts')).toContainText('Budi');
});
