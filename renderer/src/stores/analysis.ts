import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { CommandOutput } from '@shared/api/contract';
import { useApi } from '../api';

export type StageAnalysis = CommandOutput<'analysis.stage'>;
export type AnalysisEntry = StageAnalysis['entries'][number];
export type StageQuality = CommandOutput<'analysis.quality'>;
export type AgreementMeaning = 'strong' | 'moderate' | 'weak' | 'none';

/**
 * Where an advisory agreement figure falls, for its meaning in words. Kendall's W: the usual reading
 * (0.7 strong, 0.5 moderate, 0.3 weak); Krippendorff's alpha: his own guide (0.8 reliable, 0.667
 * tentative) and 0.4 as weak. Only a label: the figure itself is shown exactly.
 */
export function agreementMeaning(kind: 'w' | 'alpha', value: string): AgreementMeaning {
  const x = Number.parseFloat(value);
  const [strong, moderate, weak] = kind === 'w' ? [0.7, 0.5, 0.3] : [0.8, 0.667, 0.4];
  return x >= strong ? 'strong' : x >= moderate ? 'moderate' : x >= weak ? 'weak' : 'none';
}

/** Decimal text as a plot coordinate (geometry only; every number shown is the engine's text). */
export const plotNumber = (text: string | null): number => (text === null ? 0 : Number.parseFloat(text.replace('…', '')));

/**
 * The results analysis page: one stage's entries with the engine's explanations (reloaded when the
 * stage, category or language changes: the explanations come in the requester's language), and the
 * stage's quality figures, computed only when asked for (they recompute the stage many times).
 */
export const useAnalysisStore = defineStore('analysis', () => {
  const api = useApi();
  const competitionId = ref<number | null>(null);
  const stageId = ref<number | null>(null);
  const categoryId = ref<number | null>(null);
  const stage = shallowRef<StageAnalysis | null>(null);
  const quality = shallowRef<StageQuality | null>(null);
  const error = shallowRef<unknown>(null);
  const qualityError = shallowRef<unknown>(null);
  const loading = ref(false);
  const qualityLoading = ref(false);
  let request = 0;

  const jurorName = computed(() => new Map((stage.value?.jurors ?? []).map((j) => [j.id, j.name])));
  const criterionName = computed(() => new Map((stage.value?.criteria ?? []).map((c) => [c.id, c.name])));
  const categoryName = computed(() => new Map((stage.value?.categories ?? []).map((c) => [c.id, c.name])));
  const entryLabel = computed(() => new Map((stage.value?.entries ?? []).map((e) => [e.entryId, e.code ? `${e.code} · ${e.title}` : e.title])));

  async function load(id: number, options: { stageId?: number | null; categoryId?: number | null } = {}) {
    if (competitionId.value !== id) {
      stage.value = null;
      quality.value = null;
      stageId.value = null;
      categoryId.value = null;
    }
    competitionId.value = id;
    if (options.stageId !== undefined && options.stageId !== stageId.value) {
      stageId.value = options.stageId;
      quality.value = null;
    }
    if (options.categoryId !== undefined) categoryId.value = options.categoryId;
    const mine = ++request;
    loading.value = true;
    try {
      const result = await api.invoke('analysis.stage', {
        competitionId: id,
        ...(stageId.value !== null ? { stageId: stageId.value } : {}),
        ...(categoryId.value !== null ? { categoryId: categoryId.value } : {}),
      });
      if (mine !== request) return;
      stage.value = result;
      stageId.value = result.stageId;
      error.value = null;
    } catch (e) {
      if (mine === request) error.value = e;
    } finally {
      if (mine === request) loading.value = false;
    }
  }

  async function loadQuality() {
    const id = competitionId.value;
    if (id === null || qualityLoading.value) return;
    qualityLoading.value = true;
    try {
      quality.value = await api.invoke('analysis.quality', { competitionId: id, ...(stageId.value !== null ? { stageId: stageId.value } : {}) });
      qualityError.value = null;
    } catch (e) {
      qualityError.value = e;
    } finally {
      qualityLoading.value = false;
    }
  }

  return {
    competitionId,
    stageId,
    categoryId,
    stage,
    quality,
    error,
    qualityError,
    loading,
    qualityLoading,
    jurorName,
    criterionName,
    categoryName,
    entryLabel,
    load,
    loadQuality,
  };
});
