import type { CommandOutput } from '@shared/api/contract';
import type { Session } from '@shared/domain/schemas';

export const openSession: Session = {
  id: 1,
  competitionId: 1,
  stageId: 1,
  status: 'open',
  openedAt: '2025-05-20T01:00:00.000Z',
  closedAt: null,
  currentEntryId: null,
};

export function assignment(overrides: Partial<CommandOutput<'scoring.myAssignment'>> = {}): CommandOutput<'scoring.myAssignment'> {
  return {
    competition: { id: 1, name: 'Kompetisi Inovasi 2025' },
    juror: { id: 5, name: 'Dr. Siti Rahma', role: 'member' },
    session: openSession,
    criteria: [
      { id: 11, stageId: 1, name: 'Kebaruan', weightBp: 6000, effectiveWeightBp: 6000, min: '0', max: '100', step: '0.5', position: 0 },
      { id: 12, stageId: 1, name: 'Kemanfaatan', weightBp: 4000, effectiveWeightBp: 4000, min: '0', max: '100', step: '1', position: 1 },
    ],
    entries: [
      { id: 21, code: 'U-01', title: 'Sipantas', unit: 'Dinas Kesehatan', categoryId: 1, categoryName: 'Umum' },
      { id: 22, code: 'U-02', title: 'Lapor Cepat', unit: 'Kecamatan Ilir', categoryId: 1, categoryName: 'Umum' },
    ],
    sheets: [{ entryId: 22, jurorId: 5, status: 'submitted', marks: [{ criterionId: 11, value: '90.5' }, { criterionId: 12, value: '80' }], updatedAt: '2025-05-20T02:00:00Z' }],
    ...overrides,
  };
}
