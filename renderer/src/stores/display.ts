import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type { CommandOutput } from '@shared/api/contract';
import { useApi } from '../api';
import { coalesce } from '../lib/refresh';

export type DisplayState = CommandOutput<'display.state'>;

/** What the stage display shows: competition and logo, session, the entry on stage and the one after it. */
export const useDisplayStore = defineStore('display', () => {
  const api = useApi();
  const state = shallowRef<DisplayState | null>(null);
  const error = shallowRef<unknown>(null);

  const fetchState = coalesce(async () => {
    state.value = await api.invoke('display.state', {});
  });

  async function load() {
    try {
      await fetchState();
      error.value = null;
    } catch (e) {
      error.value = e;
    }
  }

  function watchLive(): () => void {
    const stops = [
      api.subscribe('session.changed', () => void load()),
      // Reordering or finishing slots changes who is next.
      api.subscribe('schedule.changed', () => void load()),
      api.onReconnect(() => void load()),
    ];
    return () => stops.forEach((stop) => stop());
  }

  return { state, error, load, watchLive };
});
