import type { CommandOutput } from '@shared/api/contract';
import { DEFAULT_STAGE_METHOD } from '@shared/domain/method';
import { DEFAULT_PHASES, IDLE_STATE } from '@shared/timer';
import type { CompetitionDetail, Entry, Juror, Session } from '@shared/domain/schemas';

export const openSession: Session = {
  id: 1,
  competitionId: 1,
  stageId: 1,
  status: 'open',
  openedAt: '2025-05-20T01:00:00.000Z',
  closedAt: null,
  currentEntryId: null,
};

const entryDetails = { presenters: '', contact: '', notes: '', status: 'active' as const, statusReason: '' };

/** Contract-shaped records with only the fields a test cares about spelled out. */
export const juror = (fields: Pick<Juror, 'id' | 'name' | 'role'>): Juror => ({ title: '', nip: '', position: '', institution: '', hasPin: false, ...fields });
export const entry = (fields: Pick<Entry, 'id' | 'code' | 'title' | 'unit' | 'categoryId'>): Entry => ({ ...entryDetails, ...fields });
export const stage = (fields: { id: number; name: string; position: number }): CompetitionDetail['stages'][number] => ({
  weightBp: 10_000,
  advancement: { kind: 'none' },
  advancementAppliedAt: null,
  method: DEFAULT_STAGE_METHOD,
  ...fields,
});
/** The setup parts a renderer test does not look at. */
export const emptySetup = {
  details: { institution: '', unit: '', address: '', place: '', startDate: null, endDate: null, documentLocale: 'id' as const, logo: null, weightsMustTotal100: true },
  aspects: [],
  panels: [],
  stageEntries: [],
  conflicts: [],
  gradeScales: [],
};

export function assignment(overrides: Partial<CommandOutput<'scoring.myAssignment'>> = {}): CommandOutput<'scoring.myAssignment'> {
  return {
    competition: { id: 1, name: 'Kompetisi Inovasi 2025' },
    juror: juror({ id: 5, name: 'Dr. Siti Rahma', role: 'member' }),
    session: openSession,
    criteria: [
      { id: 11, stageId: 1, name: 'Kebaruan', weightBp: 6000, effectiveWeightBp: 6000, min: '0', max: '100', step: '0.5', position: 0, description: '', aspectId: null, rubric: [] },
      { id: 12, stageId: 1, name: 'Kemanfaatan', weightBp: 4000, effectiveWeightBp: 4000, min: '0', max: '100', step: '1', position: 1, description: '', aspectId: null, rubric: [] },
    ],
    entries: [
      { id: 21, code: 'U-01', title: 'Sipantas', unit: 'Dinas Kesehatan', categoryId: 1, categoryName: 'Umum', ...entryDetails },
      { id: 22, code: 'U-02', title: 'Lapor Cepat', unit: 'Kecamatan Ilir', categoryId: 1, categoryName: 'Umum', ...entryDetails },
    ],
    sheets: [{ entryId: 22, jurorId: 5, status: 'submitted', marks: [{ criterionId: 11, value: '90.5' }, { criterionId: 12, value: '80' }], updatedAt: '2025-05-20T02:00:00Z' }],
    conflicts: [],
    ...overrides,
  };
}

/** The timer of a competition that has not started: default phases, nothing on stage. */
export const idleTimer = (competitionId: number, serverNow = 0): CommandOutput<'timer.state'> => ({
  competitionId,
  phases: DEFAULT_PHASES.map((p) => ({ ...p })),
  state: { ...IDLE_STATE },
  version: 0,
  serverNow,
  entry: null,
  nextEntry: null,
});
