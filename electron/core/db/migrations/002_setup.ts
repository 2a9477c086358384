import type { Migration } from '../migrate';

/**
 * Everything an organiser prepares before the day: organiser details for documents, stage weights
 * and advancement rules, aspects, rubric bands, grade scales, juror details and panels, entry
 * details and status, stage membership with panel assignment, and conflicts of interest.
 * Existing competitions keep working: their one stage weighs 100 % and includes every entry.
 */
export const setup: Migration = {
  version: 2,
  name: '002_setup',
  up(db) {
    db.exec(`
      ALTER TABLE competitions ADD COLUMN institution TEXT NOT NULL DEFAULT '';
      ALTER TABLE competitions ADD COLUMN unit TEXT NOT NULL DEFAULT '';
      ALTER TABLE competitions ADD COLUMN address TEXT NOT NULL DEFAULT '';
      ALTER TABLE competitions ADD COLUMN place TEXT NOT NULL DEFAULT '';
      ALTER TABLE competitions ADD COLUMN start_date TEXT;
      ALTER TABLE competitions ADD COLUMN end_date TEXT;
      ALTER TABLE competitions ADD COLUMN document_locale TEXT NOT NULL DEFAULT 'id' CHECK (document_locale IN ('id', 'en'));
      ALTER TABLE competitions ADD COLUMN logo TEXT;
      ALTER TABLE competitions ADD COLUMN weights_must_total_100 INTEGER NOT NULL DEFAULT 1;

      ALTER TABLE stages ADD COLUMN weight_bp INTEGER NOT NULL DEFAULT 10000 CHECK (weight_bp >= 0);
      ALTER TABLE stages ADD COLUMN advancement_kind TEXT NOT NULL DEFAULT 'none' CHECK (advancement_kind IN ('none', 'topN', 'passingGrade'));
      ALTER TABLE stages ADD COLUMN advancement_value INTEGER;
      ALTER TABLE stages ADD COLUMN advancement_applied_at TEXT;

      CREATE TABLE aspects (
        id INTEGER PRIMARY KEY,
        stage_id INTEGER NOT NULL REFERENCES stages(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        UNIQUE (stage_id, name)
      );
      ALTER TABLE criteria ADD COLUMN description TEXT NOT NULL DEFAULT '';
      ALTER TABLE criteria ADD COLUMN aspect_id INTEGER REFERENCES aspects(id) ON DELETE SET NULL;
      CREATE TABLE rubric_bands (
        id INTEGER PRIMARY KEY,
        criterion_id INTEGER NOT NULL REFERENCES criteria(id) ON DELETE CASCADE,
        min_milli INTEGER NOT NULL,
        max_milli INTEGER NOT NULL,
        label TEXT NOT NULL,
        descriptor TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL,
        CHECK (min_milli <= max_milli)
      );

      CREATE TABLE grade_scales (
        id INTEGER PRIMARY KEY,
        competition_id INTEGER NOT NULL REFERENCES competitions(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('grade', 'award'))
      );
      -- Grade bands: lower/upper bounds in milli-points with inclusiveness (SAKIP lower bounds are
      -- exclusive). Award bands: from_rank..to_rank (Juara I = 1..1, TOP 10 = 1..10).
      CREATE TABLE grade_bands (
        id INTEGER PRIMARY KEY,
        scale_id INTEGER NOT NULL REFERENCES grade_scales(id) ON DELETE CASCADE,
        label TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        lower_milli INTEGER,
        lower_inclusive INTEGER NOT NULL DEFAULT 1,
        upper_milli INTEGER,
        upper_inclusive INTEGER NOT NULL DEFAULT 1,
        from_rank INTEGER,
        to_rank INTEGER,
        position INTEGER NOT NULL
      );

      ALTER TABLE jurors ADD COLUMN title TEXT NOT NULL DEFAULT '';
      ALTER TABLE jurors ADD COLUMN nip TEXT NOT NULL DEFAULT '';
      ALTER TABLE jurors ADD COLUMN position_title TEXT NOT NULL DEFAULT '';
      ALTER TABLE jurors ADD COLUMN institution TEXT NOT NULL DEFAULT '';
      ALTER TABLE jurors ADD COLUMN pin_hash TEXT;

      CREATE TABLE panels (
        id INTEGER PRIMARY KEY,
        competition_id INTEGER NOT NULL REFERENCES competitions(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        UNIQUE (competition_id, name)
      );
      CREATE TABLE panel_members (
        panel_id INTEGER NOT NULL REFERENCES panels(id) ON DELETE CASCADE,
        juror_id INTEGER NOT NULL REFERENCES jurors(id) ON DELETE CASCADE,
        PRIMARY KEY (panel_id, juror_id)
      );

      ALTER TABLE entries ADD COLUMN presenters TEXT NOT NULL DEFAULT '';
      ALTER TABLE entries ADD COLUMN contact TEXT NOT NULL DEFAULT '';
      ALTER TABLE entries ADD COLUMN notes TEXT NOT NULL DEFAULT '';
      ALTER TABLE entries ADD COLUMN status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn', 'disqualified'));
      ALTER TABLE entries ADD COLUMN status_reason TEXT NOT NULL DEFAULT '';
      CREATE INDEX entries_by_competition ON entries(competition_id, position);

      -- Which entries take part in a stage, and which panel scores each (NULL: every scoring juror).
      CREATE TABLE stage_entries (
        stage_id INTEGER NOT NULL REFERENCES stages(id) ON DELETE CASCADE,
        entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
        panel_id INTEGER REFERENCES panels(id) ON DELETE SET NULL,
        PRIMARY KEY (stage_id, entry_id)
      );
      INSERT INTO stage_entries (stage_id, entry_id)
        SELECT s.id, e.id FROM stages s JOIN entries e ON e.competition_id = s.competition_id
        WHERE s.position = (SELECT MIN(position) FROM stages WHERE competition_id = s.competition_id);

      -- A conflict names an entry or a unit (every entry of that OPD); declared by the organiser or the juror.
      CREATE TABLE conflicts (
        id INTEGER PRIMARY KEY,
        competition_id INTEGER NOT NULL REFERENCES competitions(id) ON DELETE CASCADE,
        juror_id INTEGER NOT NULL REFERENCES jurors(id) ON DELETE CASCADE,
        entry_id INTEGER REFERENCES entries(id) ON DELETE CASCADE,
        unit TEXT,
        reason TEXT NOT NULL DEFAULT '',
        declared_by TEXT NOT NULL CHECK (declared_by IN ('organiser', 'juror')),
        created_at TEXT NOT NULL,
        CHECK ((entry_id IS NULL) <> (unit IS NULL))
      );
      CREATE UNIQUE INDEX conflicts_unique_entry ON conflicts(juror_id, entry_id) WHERE entry_id IS NOT NULL;
      CREATE UNIQUE INDEX conflicts_unique_unit ON conflicts(juror_id, unit) WHERE unit IS NOT NULL;
    `);
  },
};
