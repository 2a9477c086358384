/**
 * Wi-Fi drops: five jurors in separate browser contexts score the same entry at once; one of them
 * loses the network mid-sheet, types the rest, submits, reloads the page while still offline, and
 * comes back. Every juror's sheet must then be submitted exactly once (the audit log holds one
 * submission per juror, the retried one included) with exactly the marks typed. Online jurors'
 * saves travel over the event WebSocket, not as HTTP requests.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { test, expect, type Browser, type Page } from '@playwright/test';
import { quickCreateCompetition } from './quick-create';
import { startServer, type RunningServer } from './server';

const shot = (name: string) => join(process.env.RUANG_JURI_SHOTS ?? join(tmpdir(), 'ruang-juri-shots'), name);

const CRITERIA = [
  { name: 'Kebaruan', weight: '40' },
  { name: 'Kemanfaatan', weight: '35' },
  { name: 'Keberlanjutan', weight: '25' },
];
const JURORS = ['Dr. Ratna Sari', 'Ir. Budi Santoso', 'Maya Putri', 'Drs. Hendra Wijaya', 'Sri Lestari, M.Si.'];
const ENTRIES = [
  { code: 'E01', title: 'Poltabes', unit: 'Dinas Pendidikan' },
  { code: 'E02', title: 'Pangling', unit: 'Dinas Kesehatan' },
];
/** What each juror finally submits for E01 (criteria in order). Juror 2 is the one who goes offline. */
const MARKS = [
  ['80', '90', '70'],
  ['82', '88', '75'],
  ['78', '92', '71'],
  ['85', '84', '90'],
  ['70', '75', '80'],
];
const OFFLINE = 2;
/** 0.40a + 0.35b + 0.25c, by hand: 81.00, 82.35, 81.15, 85.90, 74.25. */
const TOTALS = ['81.00', '82.35', '81.15', '85.90', '74.25'];

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

const createCompetition = (page: Page) =>
  quickCreateCompetition(page, server.origin, { name: 'Kompetisi Inovasi Luring 2026', category: 'Kelompok Umum', criteria: CRITERIA, jurors: JURORS, entries: ENTRIES });

/** Counts the mark saves a page sends, by way: frames on its event socket, HTTP requests. */
function watchSaves(page: Page) {
  const saves = { frames: 0, posts: 0 };
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/scoring.saveSheet')) saves.posts += 1;
  });
  page.on('websocket', (ws) =>
    ws.on('framesent', ({ payload }) => {
      if (String(payload).includes('"command":"scoring.saveSheet"')) saves.frames += 1;
    }),
  );
  return saves;
}

async function jurorPage(browser: Browser, link: string, name: string, viewport = { width: 1024, height: 800 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const saves = watchSaves(page);
  await page.goto(link);
  await expect(page.getByTestId('juror-name')).toHaveText(name);
  return { context, page, saves };
}

const entryButton = (page: Page) => page.locator('[data-testid^="juror-entry-"]', { hasText: ENTRIES[0].title });
const inputs = (page: Page) => page.locator('input[data-testid^="mark-"]');

async function scoreOnline(page: Page, marks: string[]) {
  await entryButton(page).click();
  await expect(inputs(page)).toHaveCount(CRITERIA.length);
  for (const [k, value] of marks.entries()) await inputs(page).nth(k).fill(value);
  await page.getByTestId('submit-sheet').click();
  await page.getByTestId('confirm-submit').click();
  await expect(page.getByTestId('sheet-locked')).toBeVisible();
}

test('five jurors score one entry at once; one goes offline, reloads, comes back; every mark arrives once', async ({ browser }) => {
  test.setTimeout(180_000);
  const organiser = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await organiser.goto(server.organiserLink);
  await expect(organiser).toHaveURL(/#\/$/);
  const competitionId = await createCompetition(organiser);
  await organiser.getByTestId('open-session').click();
  await expect(organiser.getByTestId('session-status')).toHaveAttribute('data-status', 'open');
  await organiser.getByTestId('issue-juror-links').click();
  const linkCells = organiser.locator('[data-testid^="juror-link-url-"]');
  await expect(linkCells).toHaveCount(JURORS.length);
  const links = (await linkCells.allTextContents()).map((l) => l.trim());

  const jurors = await Promise.all(
    JURORS.map((name, i) => jurorPage(browser, links[i], name, i === OFFLINE ? { width: 360, height: 780 } : undefined)),
  );

  async function offlineJuror() {
    const { context, page } = jurors[OFFLINE];
    await entryButton(page).click();
    // The first mark goes out while online (an automatic draft) …
    await inputs(page).nth(0).fill('60');
    await expect(entryButton(page)).toHaveAttribute('data-status', 'draft');
    // … then the Wi-Fi drops mid-sheet.
    await context.setOffline(true);
    await inputs(page).nth(0).fill(MARKS[OFFLINE][0]);
    await inputs(page).nth(1).fill(MARKS[OFFLINE][1]);
    await inputs(page).nth(2).fill(MARKS[OFFLINE][2]);
    await page.getByTestId('submit-sheet').click();
    await page.getByTestId('confirm-submit').click();
    const badge = page.getByTestId('connection-badge');
    await expect(badge).toHaveAttribute('data-state', 'offline');
    await expect(badge).toContainText('Luring — tersimpan di perangkat ini');
    await expect(entryButton(page)).toHaveAttribute('data-waiting', 'true');
    await expect(page.getByTestId('sheet-waiting')).toBeVisible();
    await page.screenshot({ path: shot('juror-offline-360.png'), fullPage: true });

    // Reloaded while offline: the page opens from the device, with the marks and the pending submission.
    await page.reload();
    await expect(page.getByTestId('juror-name')).toHaveText(JURORS[OFFLINE]);
    await expect(page.getByTestId('connection-badge')).toHaveAttribute('data-state', 'offline');
    await expect(entryButton(page)).toHaveAttribute('data-waiting', 'true');
    await entryButton(page).click();
    for (const [k, value] of MARKS[OFFLINE].entries()) await expect(inputs(page).nth(k)).toHaveValue(value);
    await page.screenshot({ path: shot('juror-offline-reloaded-360.png'), fullPage: true });

    await context.setOffline(false);
    await expect(page.getByTestId('sheet-locked')).toBeVisible({ timeout: 45_000 });
    await expect(entryButton(page)).toHaveAttribute('data-status', 'submitted');
    await expect(page.getByTestId('connection-badge')).toHaveCount(0);
    for (const [k, value] of MARKS[OFFLINE].entries()) await expect(inputs(page).nth(k)).toHaveValue(value);
  }

  await Promise.all(jurors.map(({ page }, i) => (i === OFFLINE ? offlineJuror() : scoreOnline(page, MARKS[i]))));
  // Online, mark saves travel over the open event socket: no HTTP request each.
  for (const [i, { saves }] of jurors.entries()) {
    if (i === OFFLINE) continue;
    expect(saves.frames, JURORS[i]).toBeGreaterThanOrEqual(1);
    expect(saves.posts, JURORS[i]).toBe(0);
  }

  // The organiser's view, through the API: five submitted sheets for E01, totals as worked by hand.
  const token = await organiser.evaluate(() => localStorage.getItem('ruang-juri.deviceToken'));
  const call = async (command: string, input: unknown) => {
    const response = await organiser.request.post(`${server.origin}/api/${command}`, {
      headers: { authorization: `Bearer ${token}` },
      data: { id: 't1', command, input, locale: 'id' },
    });
    const reply = await response.json();
    expect(reply.ok, JSON.stringify(reply)).toBe(true);
    return reply.output;
  };
  const progress = await call('progress.get', { competitionId });
  const e01 = progress.entries.find((e: { code: string }) => e.code === 'E01');
  const jurorIds = new Map<string, number>(progress.jurors.map((j: { id: number; name: string }) => [j.name, j.id]));
  const cells = progress.cells.filter((c: { entryId: number }) => c.entryId === e01.id);
  expect(cells).toHaveLength(JURORS.length);
  expect(cells.every((c: { status: string }) => c.status === 'submitted')).toBe(true);

  const results = await call('results.compute', { competitionId });
  const row = results.categories.flatMap((c: { rows: unknown[] }) => c.rows).find((r: { code: string }) => r.code === 'E01');
  expect(row.submittedCount).toBe(JURORS.length);
  for (const [i, name] of JURORS.entries()) {
    const total = row.jurorTotals.find((t: { jurorId: number }) => t.jurorId === jurorIds.get(name)).total;
    expect(Number(total), name).toBeCloseTo(Number(TOTALS[i]), 2);
  }

  // Exactly once: one submission per juror in the audit log, and the stored marks are the typed ones.
  const db = new Database(join(server.dataDir, 'ruang-juri.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const saves = db
      .prepare(`SELECT details_json FROM audit_log WHERE action = 'scoring.saveSheet'`)
      .all()
      .map((r) => JSON.parse((r as { details_json: string }).details_json) as { opId: string; entryId: number; jurorId: number; status: string });
    const submissions = saves.filter((s) => s.entryId === e01.id && s.status === 'submitted');
    expect(submissions.map((s) => s.jurorId).sort()).toEqual([...jurorIds.values()].sort());
    expect(new Set(saves.map((s) => s.opId)).size).toBe(saves.length);
    for (const [i, name] of JURORS.entries()) {
      const marks = db
        .prepare(
          `SELECT m.value_milli AS v FROM marks m JOIN criteria c ON c.id = m.criterion_id WHERE m.entry_id = ? AND m.juror_id = ? ORDER BY c.position`,
        )
        .all(e01.id, jurorIds.get(name))
        .map((r) => (r as { v: number }).v / 1000);
      expect(marks, name).toEqual(MARKS[i].map(Number));
    }
  } finally {
    db.close();
  }
});
