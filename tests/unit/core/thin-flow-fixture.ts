/** The thin flow's competition opened for scoring, its three paired jurors, and their marks. */
import type { Core } from '../../../electron/core';
import { ANONYMOUS, ORGANISER, type Actor } from '@shared/domain/actor';
import { newOpId, thinDraft } from '../helpers';

/** Marks per juror per entry for criteria weighted 40 / 35 / 25 (Kebaruan, Kemanfaatan, Keberlanjutan). */
export const MARKS: Record<string, Record<string, [string, string, string]>> = {
  'Dr. Ratna Sari': { E01: ['80', '90', '70'], E02: ['85', '85', '85'], E03: ['90', '70', '60'], E04: ['70', '75', '80'] },
  'Ir. Budi Santoso': { E01: ['82', '88', '75'], E02: ['80', '90', '85'], E03: ['88', '72', '64'], E04: ['72', '70', '78'] },
  'Maya Putri, M.Si.': { E01: ['78', '92', '71'], E02: ['86', '84', '90'], E03: ['85', '75', '66'], E04: ['75', '72', '76'] },
};
/*
 * Worked by hand: juror totals 0.40a + 0.35b + 0.25c
 *   E01: 81.00, 82.35, 81.15 → mean 244.50/3 = 81.50
 *   E02: 85.00, 84.75, 86.30 → mean 256.05/3 = 85.35
 *   E03: 75.50, 76.40, 76.75 → mean 228.65/3 = 76.2166… → 76.22
 *   E04: 74.25, 72.80, 74.20 → mean 221.25/3 = 73.75
 */
export async function setUp(core: Core) {
  const competition = await core.call(ORGANISER, 'competition.create', thinDraft());
  await core.call(ORGANISER, 'session.open', { competitionId: competition.id });
  const { links } = await core.call(ORGANISER, 'device.issueJurorLinks', { competitionId: competition.id });
  const jurors = new Map<string, Actor>();
  for (const link of links) {
    const { deviceToken } = await core.call(ANONYMOUS, 'auth.pair', { token: link.token });
    jurors.set(link.name, core.authenticate(deviceToken));
  }
  const entryId = (code: string) => competition.entries.find((e) => e.code === code)!.id;
  const sheet = (code: string, values: readonly string[]) =>
    values.map((value, i) => ({ criterionId: competition.criteria[i].id, value }));
  return { competition, jurors, entryId, sheet };
}

/** Every juror submits every sheet of MARKS. */
export async function submitAll(core: Core, fixture: Awaited<ReturnType<typeof setUp>>): Promise<void> {
  for (const [name, byEntry] of Object.entries(MARKS)) {
    for (const [code, values] of Object.entries(byEntry)) {
      await core.call(fixture.jurors.get(name)!, 'scoring.saveSheet', { opId: newOpId(), entryId: fixture.entryId(code), marks: fixture.sheet(code, values), submit: true });
    }
  }
}
