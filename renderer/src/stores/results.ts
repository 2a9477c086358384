import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { CommandInput, CommandOutput } from '@shared/api/contract';
import { useApi } from '../api';
import { deliverFile } from '../lib/deliver';
import { coalesce } from '../lib/refresh';

export type StageResults = CommandOutput<'results.stage'>;
export type FinalRow = StageResults['categories'][number]['rows'][number];
export type ExportFormat = CommandInput<'results.export'>['format'];

/**
 * The results page: one stage's result with awards, ties and its snapshot status, as the core
 * computes it (this store never computes a result), refetched on result and sheet events.
 */
export const useResultsStore = defineStore('results', () => {
  const api = useApi();
  const competitionId = ref<number | null>(null);
  /** null: the competition's active stage. */
  const stageId = ref<number | null>(null);
  const view = shallowRef<StageResults | null>(null);
  const loadError = shallowRef<unknown>(null);
  const actionError = shallowRef<unknown>(null);
  const busy = ref<string | null>(null);
  const saved = ref<string | null>(null);

  const refresh = coalesce(async () => {
    const id = competitionId.value;
    if (id === null) return;
    try {
      const out = await api.invoke('results.stage', stageId.value === null ? { competitionId: id } : { competitionId: id, stageId: stageId.value });
      if (id !== competitionId.value) return;
      view.value = out;
      loadError.value = null;
    } catch (e) {
      loadError.value = e;
    }
  });

  async function load(id: number, stage: number | null = null) {
    if (competitionId.value !== id) view.value = null;
    competitionId.value = id;
    stageId.value = stage;
    await refresh();
  }

  function watchLive(): () => void {
    const mine = (p: { competitionId: number }) => p.competitionId === competitionId.value;
    const stops = [
      api.subscribe('results.changed', (p) => mine(p) && void refresh()),
      api.subscribe('sheet.changed', (p) => mine(p) && void refresh()),
      api.subscribe('competition.changed', (p) => mine(p) && void refresh()),
      api.onReconnect(() => void refresh()),
    ];
    return () => stops.forEach((stop) => stop());
  }

  /** Runs one action on the shown stage; the answer (the stage's new result) replaces the view. Returns whether it worked. */
  async function act(name: string, run: (ref: { competitionId: number; stageId: number }) => Promise<StageResults | void>): Promise<boolean> {
    const current = view.value;
    if (!current || busy.value) return false;
    busy.value = name;
    actionError.value = null;
    saved.value = null;
    try {
      const out = await run({ competitionId: current.competitionId, stageId: current.stageId });
      if (out) view.value = out;
      return true;
    } catch (e) {
      actionError.value = e;
      return false;
    } finally {
      busy.value = null;
    }
  }

  const setScheme = (awardScaleId: number | null, gradeScaleId: number | null) =>
    act('scheme', (r) => api.invoke('results.setScheme', { ...r, awardScaleId, gradeScaleId }));
  // A plain copy: a reactive array cannot cross IPC (structured clone refuses proxies).
  const decideTie = (categoryId: number, order: readonly number[], reason: string) =>
    act('tie', (r) => api.invoke('results.decideTie', { ...r, categoryId, order: [...order], reason }));
  const overrideAward = (entryId: number, label: string | null, reason: string) =>
    act('override', (r) => api.invoke('results.overrideAward', { ...r, entryId, label, reason }));
  const finalise = () => act('finalise', (r) => api.invoke('finalise.stage', r));
  const reopen = (reason: string) => act('reopen', (r) => api.invoke('finalise.reopen', { ...r, reason }));
  const exportFile = (format: ExportFormat) =>
    act(`export-${format}`, async (r) => {
      const file = await api.invoke('results.export', { ...r, format });
      const delivery = await deliverFile(api, file);
      if (delivery.outcome !== 'cancelled') saved.value = file.filename;
    });

  return { competitionId, stageId, view, loadError, actionError, busy, saved, load, refresh, watchLive, setScheme, decideTie, overrideAward, finalise, reopen, exportFile };
});
