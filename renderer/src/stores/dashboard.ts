import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { CommandOutput } from '@shared/api/contract';
import { useApi } from '../api';
import { coalesce } from '../lib/refresh';

export type LiveQuality = CommandOutput<'quality.live'>;
export type Reopening = CommandOutput<'sheet.reopenings'>[number];

/** Quality figures refresh at most this often while sheets keep arriving. */
export const QUALITY_DEBOUNCE_MS = 800;

/**
 * The chair's dashboard beside the session control: reopened sheets (with their reasons) and the
 * engine's live quality figures, refetched on sheet events (debounced) and after a reconnect.
 */
export const useDashboardStore = defineStore('dashboard', () => {
  const api = useApi();
  const competitionId = ref<number | null>(null);
  const reopenings = shallowRef<Reopening[]>([]);
  const quality = shallowRef<LiveQuality | null>(null);
  const error = shallowRef<unknown>(null);
  const reopenError = shallowRef<unknown>(null);
  const busy = ref(false);
  let timer: ReturnType<typeof setTimeout> | null = null;

  /** `${jurorId}:${entryId}` → the latest reason the sheet was reopened. */
  const reopened = computed(() => new Map(reopenings.value.map((r) => [`${r.jurorId}:${r.entryId}`, r.reason])));

  const refresh = coalesce(async () => {
    const id = competitionId.value;
    if (id === null) return;
    try {
      const [r, q] = await Promise.all([api.invoke('sheet.reopenings', { competitionId: id }), api.invoke('quality.live', { competitionId: id })]);
      if (id !== competitionId.value) return;
      reopenings.value = r;
      quality.value = q;
      error.value = null;
    } catch (e) {
      error.value = e;
    }
  });

  function schedule() {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void refresh();
    }, QUALITY_DEBOUNCE_MS);
  }

  async function load(id: number) {
    if (competitionId.value !== id) {
      reopenings.value = [];
      quality.value = null;
    }
    competitionId.value = id;
    await refresh();
  }

  function watchLive(): () => void {
    const mine = (p: { competitionId: number }) => p.competitionId === competitionId.value;
    const stops = [
      api.subscribe('sheet.changed', (p) => mine(p) && schedule()),
      api.subscribe('session.changed', (p) => mine(p) && schedule()),
      api.subscribe('competition.changed', (p) => mine(p) && schedule()),
      api.onReconnect(() => void refresh()),
    ];
    return () => {
      stops.forEach((stop) => stop());
      if (timer) clearTimeout(timer);
      timer = null;
    };
  }

  async function reopen(entryId: number, jurorId: number, reason: string): Promise<boolean> {
    const id = competitionId.value;
    if (id === null || busy.value) return false;
    busy.value = true;
    reopenError.value = null;
    try {
      await api.invoke('sheet.reopen', { competitionId: id, entryId, jurorId, reason });
      await refresh();
      return true;
    } catch (e) {
      reopenError.value = e;
      return false;
    } finally {
      busy.value = false;
    }
  }

  return { competitionId, reopenings, reopened, quality, error, reopenError, busy, load, refresh, watchLive, reopen };
});
