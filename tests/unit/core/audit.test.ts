import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ORGANISER } from '@shared/domain/actor';
import { verifyAudit } from '../../../electron/core/audit';
import { DATABASE_FILE } from '../../../electron/core/db/open';
import { main } from '../../../electron/core/cli/main';
import { tempCore, thinDraft } from '../helpers';

describe('audit log', () => {
  it('chains every change and detects an edited row', async () => {
    const { core, dataDir } = tempCore();
    const competition = await core.call(ORGANISER, 'competition.create', thinDraft());
    await core.call(ORGANISER, 'session.open', { competitionId: competition.id });
    await core.call(ORGANISER, 'session.close', { competitionId: competition.id });
    core.close();

    const db = new Database(join(dataDir, DATABASE_FILE));
    expect(verifyAudit(db)).toEqual({ rows: 3, brokenAt: null });
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    expect(await main(['verify', '--audit', '--data', dataDir], io)).toBe(0);

    db.prepare(`UPDATE audit_log SET details_json = '{"competitionId":99}' WHERE id = 2`).run();
    expect(verifyAudit(db)).toEqual({ rows: 3, brokenAt: 2 });
    db.close();
    expect(await main(['verify', '--audit', '--data', dataDir], io)).toBe(1);
    expect(lines.at(-1)).toMatch(/BROKEN at row 2/);
  });
});
