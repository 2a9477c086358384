/**
 * The stage display in server mode (issue 5): the schedule page gives a display link for the
 * projector; the display shows the logo, the entry on stage, "next up" from the running order and
 * the countdown going into overtime; the phase's overtime then appears on the slot's row. A row is
 * also moved to another block with Alt + Page Down.
 */
import { mkdirSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { callAsPage } from './api';
import { quickCreateCompetition } from './quick-create';
import { startServer, type RunningServer } from './server';

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
});

/** A small emblem drawn in the page, as the PNG data URL the details form would store. */
const drawLogo = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 160;
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#0f5132';
    g.beginPath();
    g.arc(80, 80, 76, 0, Math.PI * 2);
    g.fill();
    g.fillStyle = '#f5c518';
    g.font = 'bold 64px sans-serif';
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    g.fillText('ME', 80, 84);
    return canvas.toDataURL('image/png');
  });

test('display link from the schedule page; logo, next up and overtime on the display; overtime on the slot', async ({ browser }) => {
  const organiser = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await organiser.goto(server.organiserLink);
  await expect(organiser).toHaveURL(/#\/$/);
  const competitionId = await quickCreateCompetition(organiser, server.origin, {
    name: 'Kompetisi Inovasi Pelayanan Publik Kabupaten Muara Enim 2026',
    category: 'OPD',
    criteria: [{ name: 'Kebaruan', weight: '100' }],
    jurors: ['Dr. Ratna Sari'],
    entries: [
      { code: 'E01', title: 'Sipantas: Layanan Antar Jemput Pasien', unit: 'Dinas Kesehatan' },
      { code: 'E02', title: 'Lapor Cepat Desa', unit: 'Dinas Pemberdayaan Masyarakat dan Desa' },
      { code: 'E03', title: 'Sekolah Ramah Anak', unit: 'Dinas Pendidikan' },
      { code: 'E04', title: 'Pangling', unit: 'RSUD Dr. H. M. Rabain' },
    ],
  });
  await organiser.getByTestId('open-session').click();
  await expect(organiser.getByTestId('session-status')).toHaveAttribute('data-status', 'open');

  // A short first phase so that overtime comes quickly, and the organiser's logo.
  await callAsPage(organiser, 'timer.configure', {
    competitionId,
    phases: [
      { name: 'Presentasi', seconds: 3, warnAt: 2, dangerAt: 1 },
      { name: 'Tanya jawab', seconds: 600, warnAt: 120, dangerAt: 30 },
    ],
  });
  const detail = await callAsPage(organiser, 'competition.get', { competitionId });
  await callAsPage(organiser, 'competition.updateDetails', { competitionId, name: detail.name, ...detail.details, logo: await drawLogo(organiser) });

  await organiser.goto(`${server.origin}/#/competitions/${competitionId}/schedule`);
  await expect(organiser.getByTestId('unplaced')).toContainText('(4)');
  await organiser.getByTestId('add-block').click();
  await expect(organiser.locator('.schedule-block h2')).toHaveText('Hari 1 · Ruang A');
  await organiser.getByTestId('place-all').click();
  await expect(organiser.getByTestId('unplaced')).toContainText('(0)');
  await organiser.getByTestId('block-day').fill('Hari 2');
  await organiser.getByTestId('block-room').fill('Ruang B');
  await organiser.getByTestId('add-block').click();
  await expect(organiser.locator('.schedule-block h2')).toHaveText(['Hari 1 · Ruang A', 'Hari 2 · Ruang B']);

  // E04 moves to the second day with Alt + Page Down, keeping the focus.
  const firstBlock = organiser.locator('.schedule-block').first();
  const secondBlock = organiser.locator('.schedule-block').nth(1);
  await firstBlock.locator('.slot', { hasText: 'E04' }).focus();
  await organiser.keyboard.press('Alt+PageDown');
  await expect(secondBlock.locator('.slot')).toHaveCount(1);
  await expect(secondBlock.locator('.slot')).toContainText('Pangling');
  await expect(secondBlock.locator('.slot').first()).toBeFocused();

  // The display link for the projector's browser.
  await organiser.getByTestId('open-stage-display').click();
  const displayLink = (await organiser.getByTestId('stage-display-link').textContent())!.trim();
  const display = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await display.goto(displayLink);
  await expect(display).toHaveURL(/#\/display$/);
  await expect(display.getByTestId('display-logo')).toBeVisible();

  // E01 on stage: E02 is next (Ruang A), never E04 (moved to Hari 2).
  await firstBlock.locator('.slot', { hasText: 'E01' }).getByRole('button', { name: /Mulai/ }).click();
  await expect(display.getByTestId('display-entry-title')).toHaveText('Sipantas: Layanan Antar Jemput Pasien');
  await expect(display.getByTestId('display-next-up')).toContainText('Lapor Cepat Desa');
  await expect(display.getByTestId('display-next-up')).toContainText('Dinas Pemberdayaan Masyarakat dan Desa');

  const timer = await callAsPage(organiser, 'timer.state', { competitionId });
  await callAsPage(organiser, 'timer.control', { competitionId, action: 'start', expectedVersion: timer.version });
  await expect(display.getByTestId('timer-countdown')).toHaveAttribute('data-level', 'overtime', { timeout: 10_000 });
  await expect(display.getByTestId('timer-countdown')).toHaveText(/^\+0:0[2-9]$/, { timeout: 10_000 });
  mkdirSync('/tmp/shots', { recursive: true });
  await display.screenshot({ path: '/tmp/shots/display-1920.png' });

  // Next phase: the 3-second presentation's overtime is recorded against E01's slot.
  const running = await callAsPage(organiser, 'timer.state', { competitionId });
  await callAsPage(organiser, 'timer.control', { competitionId, action: 'next', expectedVersion: running.version });
  const overtime = firstBlock.locator('[data-testid^="slot-overtime-"]');
  await expect(overtime).toHaveCount(1);
  await expect(overtime).toHaveText(/^\+0:0\d lewat waktu$/);
  await expect(firstBlock.locator('.slot', { hasText: 'E01' })).toContainText('lewat waktu');
  await organiser.screenshot({ path: '/tmp/shots/display-schedule.png', fullPage: true });

  // Marking E02 as absent makes E03 next on the display.
  const e02 = firstBlock.locator('.slot', { hasText: 'E02' });
  await e02.getByRole('combobox', { name: 'Status' }).selectOption('absent');
  await expect(display.getByTestId('display-next-up')).toContainText('Sekolah Ramah Anak');
  await organiser.setViewportSize({ width: 360, height: 800 });
  await organiser.screenshot({ path: '/tmp/shots/display-schedule-360.png', fullPage: true });
});
