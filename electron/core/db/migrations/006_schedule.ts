import type { Migration } from '../migrate';

/**
 * The running order (issue 5): per stage, blocks (one day in one room) of slots in order. A slot
 * holds an entry or is a break (label and minutes, no entry). A drawn block records its seed.
 */
export const schedule: Migration = {
  version: 6,
  name: '006_schedule',
  up(db) {
    db.exec(`
      CREATE TABLE schedule_blocks (
        id INTEGER PRIMARY KEY,
        stage_id INTEGER NOT NULL REFERENCES stages(id) ON DELETE CASCADE,
        day TEXT NOT NULL,
        room TEXT NOT NULL,
        position INTEGER NOT NULL,
        draw_seed INTEGER,
        -- The drawn order (JSON array of entry ids), as printed on the draw sheet.
        draw_order TEXT,
        drawn_at TEXT
      );
      CREATE TABLE schedule_slots (
        id INTEGER PRIMARY KEY,
        block_id INTEGER NOT NULL REFERENCES schedule_blocks(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        entry_id INTEGER REFERENCES entries(id) ON DELETE CASCADE,
        break_label TEXT,
        break_minutes INTEGER,
        status TEXT NOT NULL DEFAULT 'waiting'
          CHECK (status IN ('waiting', 'presenting', 'qa', 'scoring', 'done', 'absent', 'withdrawn')),
        CHECK ((entry_id IS NULL) = (break_label IS NOT NULL))
      );
      CREATE INDEX schedule_slots_block ON schedule_slots (block_id, position);
      CREATE INDEX schedule_slots_entry ON schedule_slots (entry_id);
    `);
  },
};
