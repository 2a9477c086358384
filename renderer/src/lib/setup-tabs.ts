/** The tabs of the setup screens, in order, and which tab fixes which setup problem. */
export const SETUP_TABS = ['details', 'stages', 'jurors', 'entries', 'conflicts', 'import'] as const;
export type SetupTab = (typeof SETUP_TABS)[number];

export const isSetupTab = (value: unknown): value is SetupTab => SETUP_TABS.includes(value as SetupTab);

export const setupPath = (competitionId: number | string, tab: SetupTab = 'details'): string => `/competitions/${competitionId}/setup/${tab}`;

/** setup.check problem keys ("setupCheck.criteriaWeights") → the tab where the organiser fixes it. */
const PROBLEM_TABS: Record<string, SetupTab> = {
  criteriaWeights: 'stages',
  stageWeights: 'stages',
  stageWithoutCriteria: 'stages',
  advancementOnLastStage: 'stages',
  noScoringJuror: 'jurors',
  noActiveEntries: 'entries',
};

export function problemTab(key: string): SetupTab | null {
  const last = key.split('.').pop() ?? '';
  if (PROBLEM_TABS[last]) return PROBLEM_TABS[last];
  if (/criteri|stage|weight|grade|rubric/i.test(last)) return 'stages';
  if (/juror|panel/i.test(last)) return 'jurors';
  if (/conflict/i.test(last)) return 'conflicts';
  if (/entr|categor/i.test(last)) return 'entries';
  return null;
}
