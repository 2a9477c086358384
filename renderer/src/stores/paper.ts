import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { CommandOutput } from '@shared/api/contract';
import { useApi } from '../api';

export type PaperOverview = CommandOutput<'paper.overview'>;
export type PaperPair = CommandOutput<'paper.get'>;
export type PaperSlot = 1 | 2;

/** The paper fallback page: which sheets are under way, the pair open, and saving one typing. */
export const usePaperStore = defineStore('paper', () => {
  const api = useApi();
  const overview = shallowRef<PaperOverview | null>(null);
  const loadError = shallowRef<unknown>(null);
  const pair = shallowRef<PaperPair | null>(null);
  const saveError = shallowRef<unknown>(null);
  const saving = ref(false);
  let competitionId = 0;

  async function load(id: number) {
    competitionId = id;
    try {
      overview.value = await api.invoke('paper.overview', { competitionId });
      loadError.value = null;
    } catch (error) {
      loadError.value = error;
    }
  }

  async function open(jurorId: number, entryId: number) {
    saveError.value = null;
    try {
      pair.value = await api.invoke('paper.get', { competitionId, jurorId, entryId });
      loadError.value = null;
    } catch (error) {
      pair.value = null;
      loadError.value = error;
    }
  }

  function close() {
    pair.value = null;
    saveError.value = null;
  }

  /** One typing (new or a correction); true when the core took it. */
  async function type(slot: PaperSlot, typist: string, marks: { criterionId: number; value: string }[]): Promise<boolean> {
    const current = pair.value;
    if (!current || saving.value) return false;
    saving.value = true;
    saveError.value = null;
    try {
      pair.value = await api.invoke('paper.type', { competitionId, jurorId: current.jurorId, entryId: current.entryId, slot, typist, marks });
      void load(competitionId);
      return true;
    } catch (error) {
      saveError.value = error;
      return false;
    } finally {
      saving.value = false;
    }
  }

  /** Another person typing on another screen: the list and the open pair follow. */
  function watchLive(): () => void {
    return api.subscribe('paper.changed', (payload) => {
      if (payload.competitionId !== competitionId) return;
      void load(competitionId);
      const open_ = pair.value;
      if (open_ && open_.jurorId === payload.jurorId && open_.entryId === payload.entryId && !saving.value) void open(open_.jurorId, open_.entryId);
    });
  }

  return { overview, loadError, pair, saveError, saving, load, open, close, type, watchLive };
});
