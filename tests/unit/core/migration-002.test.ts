import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/core/db/migrations';
import { runMigrations } from '../../../electron/core/db/migrate';

describe('migration 002 (setup)', () => {
  it('puts every existing entry into its competition first stage, weighing 100 %, with no panel', () => {
    const db = new Database(':memory:');
    runMigrations(db, migrations.slice(0, 1));
    db.exec(`
      INSERT INTO competitions (id, name, created_at) VALUES (1, 'Lama', '2026-01-01T00:00:00Z'), (2, 'Lain', '2026-01-01T00:00:00Z');
      INSERT INTO categories (id, competition_id, name, position) VALUES (1, 1, 'Umum', 0), (2, 2, 'Umum', 0);
      INSERT INTO stages (id, competition_id, name, position) VALUES (1, 1, 'Penilaian', 0), (2, 2, 'Penilaian', 0);
      INSERT INTO jurors (id, competition_id, name, role, position) VALUES (1, 1, 'Ketua', 'chair', 0);
      INSERT INTO entries (id, competition_id, category_id, code, title, unit, position)
        VALUES (1, 1, 1, 'A', 'Satu', 'OPD', 0), (2, 1, 1, 'B', 'Dua', 'OPD', 1), (3, 2, 2, 'C', 'Tiga', 'OPD', 0);
    `);
    runMigrations(db, migrations);
    expect(db.prepare('SELECT stage_id, entry_id, panel_id FROM stage_entries ORDER BY entry_id').all()).toEqual([
      { stage_id: 1, entry_id: 1, panel_id: null },
      { stage_id: 1, entry_id: 2, panel_id: null },
      { stage_id: 2, entry_id: 3, panel_id: null },
    ]);
    expect(db.prepare('SELECT weight_bp, advancement_kind FROM stages WHERE id = 1').get()).toEqual({ weight_bp: 10_000, advancement_kind: 'none' });
    expect(db.prepare('SELECT status, document_locale FROM entries, competitions WHERE entries.id = 1 AND competitions.id = 1').get()).toEqual({
      status: 'active',
      document_locale: 'id',
    });
    expect(db.prepare('SELECT role FROM jurors WHERE id = 1').get()).toEqual({ role: 'chair' });
  });
});
