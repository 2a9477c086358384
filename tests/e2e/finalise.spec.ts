/**
 * Finalising in server mode: the sheets arrive through the API (three paired jurors), then the
 * organiser picks the award list on the results page and sees the boundary tie; the chair, on their
 * own browser, is refused while the tie is open, records the decision, finalises (FINAL v1), reopens
 * with a reason and finalises again (v2); the organiser's page follows live and downloads the files.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { test, expect, type Browser, type Page } from '@playwright/test';
import { callApi, pagePairedAs as pagePairedIn } from './api';
import { startServer, type RunningServer } from './server';

const SHOTS = '/tmp/shots';
/** Each juror gives the same mark on every criterion, so the total is that mark: E01 = E02 = 80 (a tie for Juara I/II), E03 70, E04 60. */
const MARK: Record<string, string> = { E01: '80', E02: '80', E03: '70', E04: '60' };

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
  mkdirSync(SHOTS, { recursive: true });
});
test.afterAll(async () => {
  await server?.stop();
});

const api = (page: Page, token: string | null, command: string, input: unknown) => callApi(page, server.origin, token, command, input);

const pagePairedAs = (browser: Browser, token: string, viewport = { width: 1280, height: 900 }) =>
  pagePairedIn(browser, token, { viewport, acceptDownloads: true });

async function openResults(page: Page, competitionId: number) {
  await page.goto(`${server.origin}/#/competitions/${competitionId}/results`);
  await expect(page.locator('.results-page')).toHaveAttribute('data-loaded', 'true');
}

const ranks = (page: Page) =>
  page.getByTestId('final-row').evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-entry-code')}:${r.getAttribute('data-rank')}`));

test('the chair decides a boundary tie, finalises, reopens with a reason and finalises version 2', async ({ browser }) => {
  const organiser = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await organiser.goto(server.organiserLink);
  await expect(organiser).toHaveURL(/#\/$/);
  const token = await organiser.evaluate(() => localStorage.getItem('ruang-juri.deviceToken'));

  const competition = await api(organiser, token, 'competition.create', {
    name: 'Kompetisi Inovasi Kota Palembang 2026',
    categories: [{ name: 'Kelompok Umum' }],
    criteria: [
      { name: 'Kebaruan', weight: '40' },
      { name: 'Kemanfaatan', weight: '35' },
      { name: 'Keberlanjutan', weight: '25' },
    ],
    jurors: [
      { name: 'Dr. Ratna Sari', role: 'chair' },
      { name: 'Ir. Budi Santoso', role: 'member' },
      { name: 'Maya Putri', role: 'member' },
    ],
    entries: Object.keys(MARK).map((code, i) => ({ code, title: ['Poltabes', 'Pangling', 'Salam Rabain', 'Info Papa RT'][i], unit: 'Dinas', category: 'Kelompok Umum' })),
  });
  const competitionId: number = competition.id;
  await api(organiser, token, 'session.open', { competitionId });
  await api(organiser, token, 'gradeScale.save', {
    competitionId,
    name: 'Juara I–III',
    kind: 'award',
    bands: ['I', 'II', 'III'].map((n, i) => ({ label: `Juara ${n}`, description: '', fromRank: i + 1, toRank: i + 1 })),
  });
  const { links } = await api(organiser, token, 'device.issueJurorLinks', { competitionId });
  const jurorTokens: string[] = [];
  for (const link of links) jurorTokens.push((await api(organiser, null, 'auth.pair', { token: link.token })).deviceToken);
  let op = 0;
  for (const jurorToken of jurorTokens) {
    for (const entry of competition.entries as { id: number; code: string }[]) {
      const marks = competition.criteria.map((c: { id: number }) => ({ criterionId: c.id, value: MARK[entry.code] }));
      await api(organiser, jurorToken, 'scoring.saveSheet', { opId: `e2e-finalise-${++op}`, entryId: entry.id, marks, submit: true });
    }
  }

  // The organiser chooses the award list; the tie at 80,00 straddles Juara I and II, so neither is given.
  await openResults(organiser, competitionId);
  await expect(organiser.getByTestId('final-status')).toHaveText('SEMENTARA');
  await expect(organiser.getByTestId('chair-only')).toBeVisible();
  await expect(organiser.getByTestId('finalise')).toHaveCount(0);
  await organiser.getByTestId('award-scale').selectOption({ label: 'Juara I–III' });
  await expect(organiser.getByTestId('final-boundary-tie')).toHaveCount(2);
  await expect(organiser.locator('[data-entry-code="E03"] [data-testid="final-award"]')).toHaveText('Juara III');
  await expect(organiser.getByTestId('blockers')).toContainText('1 nilai seri pada batas penghargaan');
  await organiser.screenshot({ path: `${SHOTS}/results-organiser-boundary-tie.png`, fullPage: true });

  // The chair, on their own browser.
  const chair = await pagePairedAs(browser, jurorTokens[0]);
  await chair.goto(`${server.origin}/#/competitions/${competitionId}`);
  await chair.getByTestId('results-link').click();
  await expect(chair.locator('.results-page')).toHaveAttribute('data-loaded', 'true');
  await chair.getByTestId('finalise').click();
  await chair.getByTestId('confirm-yes').click();
  await expect(chair.getByTestId('results-action-error')).toContainText('seri pada batas penghargaan');
  await expect(chair.getByTestId('results-action-error')).toContainText('E01 = E02');

  await chair.getByTestId('decide-tie').click();
  const dialog = chair.getByTestId('tie-dialog');
  await expect(dialog.getByTestId('tie-item')).toHaveText([/E01/, /E02/]);
  await dialog.getByTestId('tie-down').first().click();
  await expect(dialog.getByTestId('tie-item')).toHaveText([/E02/, /E01/]);
  await dialog.getByTestId('tie-reason').fill('Rapat pleno: Pangling lebih bermanfaat');
  await dialog.getByTestId('tie-save').click();
  await expect(dialog).toHaveCount(0);
  expect(await ranks(chair)).toEqual(['E02:1', 'E01:2', 'E03:3', 'E04:4']);
  await expect(chair.locator('[data-entry-code="E02"] [data-testid="final-award"]')).toHaveText('Juara I');
  await expect(chair.getByTestId('decisions')).toContainText('Rapat pleno: Pangling lebih bermanfaat');
  await chair.screenshot({ path: `${SHOTS}/results-chair-provisional.png`, fullPage: true });

  await chair.getByTestId('finalise').click();
  await expect(chair.getByTestId('confirm-message')).toContainText('versi 1');
  await chair.getByTestId('confirm-yes').click();
  await expect(chair.getByTestId('final-status')).toHaveText('FINAL v1');
  await expect(chair.getByTestId('final-hint')).toContainText('Dr. Ratna Sari');
  // The organiser's page follows (results.changed).
  await expect(organiser.getByTestId('final-status')).toHaveText('FINAL v1');
  await expect(organiser.getByTestId('award-scale')).toBeDisabled();
  await chair.screenshot({ path: `${SHOTS}/results-chair-final.png`, fullPage: true });

  await chair.getByTestId('reopen').click();
  const reopen = chair.getByTestId('reopen-dialog');
  await expect(reopen.getByTestId('reason-confirm')).toBeDisabled();
  await reopen.getByTestId('reason-input').fill('Koreksi nama unit pada berita acara');
  await reopen.getByTestId('reason-confirm').click();
  await expect(chair.getByTestId('final-status')).toHaveText('SEMENTARA');
  await expect(chair.getByTestId('reopened-hint')).toContainText('Koreksi nama unit pada berita acara');
  await chair.getByTestId('finalise').click();
  await expect(chair.getByTestId('confirm-message')).toContainText('versi 2');
  await chair.getByTestId('confirm-yes').click();
  await expect(chair.getByTestId('final-status')).toHaveText('FINAL v2');
  await expect(organiser.getByTestId('final-status')).toHaveText('FINAL v2');

  // Downloads: the audit file is the v2 snapshot; the CSV carries the ranks and the status.
  const [bundle] = await Promise.all([organiser.waitForEvent('download'), organiser.getByTestId('export-bundle').click()]);
  expect(bundle.suggestedFilename()).toMatch(/-v2\.json$/);
  const body = JSON.parse(readFileSync(await bundle.path(), 'utf8'));
  expect(body.snapshot.version).toBe(2);
  expect(body.decisions).toEqual([expect.objectContaining({ note: 'Rapat pleno: Pangling lebih bermanfaat' })]);
  const [csv] = await Promise.all([organiser.waitForEvent('download'), organiser.getByTestId('export-csv').click()]);
  const lines = readFileSync(await csv.path(), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r\n/);
  expect(lines.slice(1).map((l) => l.split(';').slice(1, 3).join(' '))).toEqual(['1 E02', '2 E01', '3 E03', '4 E04']);
  expect(lines[1]).toContain('FINAL versi 2');
  await expect(organiser.getByTestId('results-saved')).toContainText('.csv');
  await organiser.screenshot({ path: `${SHOTS}/results-organiser-final.png`, fullPage: true });

  const phone = await pagePairedAs(browser, jurorTokens[0], { width: 360, height: 780 });
  await openResults(phone, competitionId);
  await expect(phone.getByTestId('final-status')).toHaveText('FINAL v2');
  await phone.screenshot({ path: `${SHOTS}/results-chair-360.png`, fullPage: true });
});
