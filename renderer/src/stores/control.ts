import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { CommandOutput } from '@shared/api/contract';
import type { CompetitionDetail, Results, Session } from '@shared/domain/schemas';
import { useApi } from '../api';
import { deliverFile } from '../lib/deliver';
import { coalesce } from '../lib/refresh';

export type Progress = CommandOutput<'progress.get'>;
export type JurorLink = CommandOutput<'device.issueJurorLinks'>['links'][number];
export type DisplayLink = CommandOutput<'device.issueDisplayLink'>;
export type ControlAction = 'open' | 'close' | 'currentEntry' | 'jurorLinks' | 'displayLink' | 'recap';

/** Session control of one competition: the session, live progress and results, device links. */
export const useControlStore = defineStore('control', () => {
  const api = useApi();
  const competitionId = ref<number | null>(null);
  const competition = shallowRef<CompetitionDetail | null>(null);
  const session = shallowRef<Session | null>(null);
  const progress = shallowRef<Progress | null>(null);
  const results = shallowRef<Results | null>(null);
  const jurorLinks = shallowRef<JurorLink[] | null>(null);
  const displayLink = shallowRef<DisplayLink | null>(null);
  const loadError = shallowRef<unknown>(null);
  const actionError = shallowRef<unknown>(null);
  const busy = ref<ControlAction | null>(null);
  const loading = ref(false);

  const status = computed<'open' | 'closed' | 'none'>(() => session.value?.status ?? 'none');

  function reset(id: number) {
    competitionId.value = id;
    competition.value = null;
    session.value = null;
    progress.value = null;
    results.value = null;
    jurorLinks.value = null;
    displayLink.value = null;
    loadError.value = null;
    actionError.value = null;
  }

  const refreshLive = coalesce(async () => {
    const id = competitionId.value;
    if (id === null) return;
    const [p, r, s] = await Promise.all([
      api.invoke('progress.get', { competitionId: id }),
      api.invoke('results.compute', { competitionId: id }),
      api.invoke('session.current', { competitionId: id }),
    ]);
    if (id !== competitionId.value) return;
    progress.value = p;
    results.value = r;
    session.value = s;
  });

  async function safeRefresh() {
    try {
      await refreshLive();
      loadError.value = null;
    } catch (error) {
      loadError.value = error;
    }
  }

  async function load(id: number, options: { live?: boolean } = {}) {
    reset(id);
    loading.value = true;
    try {
      competition.value = await api.invoke('competition.get', { competitionId: id });
      if (options.live !== false) await refreshLive();
    } catch (error) {
      loadError.value = error;
    } finally {
      loading.value = false;
    }
  }

  /** Live updates: sheet and session events of this competition, and a full refetch after a reconnect. */
  function watchLive(): () => void {
    const mine = (payload: { competitionId: number }) => payload.competitionId === competitionId.value;
    const stops = [
      api.subscribe('sheet.changed', (p) => mine(p) && void safeRefresh()),
      api.subscribe('session.changed', (p) => {
        if (!mine(p)) return;
        session.value = p.session;
        void safeRefresh();
      }),
      api.subscribe('competition.changed', async (p) => {
        if (!mine(p)) return;
        try {
          competition.value = await api.invoke('competition.get', { competitionId: p.competitionId });
        } catch (error) {
          loadError.value = error;
        }
        void safeRefresh();
      }),
      api.onReconnect(() => void safeRefresh()),
    ];
    return () => stops.forEach((stop) => stop());
  }

  async function act<T>(action: ControlAction, run: (id: number) => Promise<T>): Promise<T | undefined> {
    const id = competitionId.value;
    if (id === null || busy.value) return undefined;
    busy.value = action;
    actionError.value = null;
    try {
      return await run(id);
    } catch (error) {
      actionError.value = error;
      return undefined;
    } finally {
      busy.value = null;
    }
  }

  const openSession = () =>
    act('open', async (id) => {
      session.value = await api.invoke('session.open', { competitionId: id });
      void safeRefresh();
    });
  const closeSession = () =>
    act('close', async (id) => {
      session.value = await api.invoke('session.close', { competitionId: id });
      void safeRefresh();
    });
  const setCurrentEntry = (entryId: number | null) =>
    act('currentEntry', async (id) => {
      session.value = await api.invoke('session.setCurrentEntry', { competitionId: id, entryId });
    });
  const issueJurorLinks = () =>
    act('jurorLinks', async (id) => {
      jurorLinks.value = (await api.invoke('device.issueJurorLinks', { competitionId: id })).links;
    });
  const issueDisplayLink = () =>
    act('displayLink', async (id) => {
      displayLink.value = await api.invoke('device.issueDisplayLink', { competitionId: id });
    });
  const downloadRecap = () =>
    act('recap', async (id) => {
      const doc = await api.invoke('documents.recap', { competitionId: id });
      const delivery = await deliverFile(api, doc);
      return delivery.outcome === 'cancelled' ? undefined : doc.filename;
    });

  return {
    competitionId,
    competition,
    session,
    status,
    progress,
    results,
    jurorLinks,
    displayLink,
    loadError,
    actionError,
    busy,
    loading,
    load,
    refresh: safeRefresh,
    watchLive,
    openSession,
    closeSession,
    setCurrentEntry,
    issueJurorLinks,
    issueDisplayLink,
    downloadRecap,
  };
});
