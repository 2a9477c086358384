/** Every preset shipped with the app, in the order the setup screen lists them. Pure data. */
import { awardPresets } from './awards';
import { criteriaPresets } from './criteria';
import { gradePresets } from './grades';
import type { Preset } from './types';

export type * from './types';
export { awardPresets, criteriaPresets, gradePresets };

export const PRESETS: readonly Preset[] = [...criteriaPresets, ...gradePresets, ...awardPresets];

export const findPreset = (id: string): Preset | undefined => PRESETS.find((preset) => preset.id === id);

export const presetSummaries = (): { id: string; name: string; source: string; kind: Preset['kind'] }[] =>
  PRESETS.map(({ id, name, source, kind }) => ({ id, name, source, kind }));
