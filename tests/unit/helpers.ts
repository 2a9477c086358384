import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { CommandInput } from '@shared/api/contract';
import { createCore, type Core } from '../../electron/core';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ruang-juri-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A core on a fresh temp database (real migrations), with a clock the test can move. */
export function tempCore(dataDir = tempDir()): { core: Core; dataDir: string; clock: { now: number } } {
  const clock = { now: Date.parse('2026-11-23T02:00:00Z') };
  const core = createCore({ dataDir, now: () => clock.now });
  let closed = false;
  const close = core.close.bind(core);
  core.close = () => {
    if (!closed) close();
    closed = true;
  };
  cleanups.push(() => core.close());
  return { core, dataDir, clock };
}

/** The thin flow's competition: one category, three weighted criteria, three jurors, four entries. */
export const thinDraft = (): CommandInput<'competition.create'> => ({
  name: 'Kompetisi Inovasi Pelayanan Publik Kota Palembang 2026',
  categories: [{ name: 'Kelompok Umum' }],
  criteria: [
    { name: 'Kebaruan', weight: '40' },
    { name: 'Kemanfaatan', weight: '35' },
    { name: 'Keberlanjutan', weight: '25' },
  ],
  jurors: [
    { name: 'Dr. Ratna Sari', role: 'chair' },
    { name: 'Ir. Budi Santoso', role: 'member' },
    { name: 'Maya Putri, M.Si.', role: 'member' },
  ],
  entries: [
    { code: 'E01', title: 'Poltabes', unit: 'Dinas Pendidikan', category: 'Kelompok Umum' },
    { code: 'E02', title: 'Pangling', unit: 'Dinas Kesehatan', category: 'Kelompok Umum' },
    { code: 'E03', title: 'Salam Rabain', unit: 'RSUD', category: 'Kelompok Umum' },
    { code: 'E04', title: 'Info Papa RT', unit: 'Dinas PMD', category: 'Kelompok Umum' },
  ],
});

let opCounter = 0;
export const newOpId = (): string => `op-test-${++opCounter}-${Date.now()}`;
