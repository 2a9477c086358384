/** Shapes of the presets: the same text fields the setup inputs take, so a preset applies through the same checks. */
export interface PresetRubricBand {
  min: string;
  max: string;
  label: string;
  descriptor: string;
}
export interface PresetCriterion {
  name: string;
  /** Percent text ("30", "12.5"). */
  weight: string;
  min: string;
  max: string;
  step: string;
  description: string;
  aspect: string | null;
  rubric: PresetRubricBand[];
}
export interface PresetGradeBand {
  label: string;
  description: string;
  lower: string | null;
  lowerInclusive: boolean;
  upper: string | null;
  upperInclusive: boolean;
}
export interface PresetAwardBand {
  label: string;
  description: string;
  fromRank: number;
  toRank: number;
}

interface PresetBase {
  id: string;
  /** Shown as is in both languages: these are the names the competitions themselves use. */
  name: string;
  /** Where the values come from (body, year, document). */
  source: string;
}
export interface CriteriaPreset extends PresetBase {
  kind: 'criteria';
  criteria: PresetCriterion[];
}
export interface GradePreset extends PresetBase {
  kind: 'grade';
  bands: PresetGradeBand[];
}
export interface AwardPreset extends PresetBase {
  kind: 'award';
  bands: PresetAwardBand[];
}
export type Preset = CriteriaPreset | GradePreset | AwardPreset;
