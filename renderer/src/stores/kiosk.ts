import { defineStore, getActivePinia } from 'pinia';
import { nextTick, ref, shallowRef } from 'vue';
import type { CommandOutput } from '@shared/api/contract';
import type { ActorView } from '@shared/domain/schemas';
import { setKioskToken, useApi } from '../api';
import { useActorStore } from './actor';
import { AUTOSAVE_MS, useJurorStore } from './juror';

export type KioskRoster = CommandOutput<'kiosk.roster'>;
type KioskActor = Extract<ActorView, { role: 'juror' | 'chair' }>;

/** How long a switch-out waits for the juror's last typing to be saved before it goes anyway. */
const SETTLE_MAX_MS = 5_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Kiosk mode on the organiser's laptop: the roster, the juror switched in (whose token the api
 * client then sends, see api/token.ts) and switching out. The juror scoring page is reused as is;
 * its store is thrown away between jurors so nothing typed by one is seen by the next.
 */
/**
 * The scoring page keeps its drafts, outbox and a cached assignment in the browser under the token
 * it acts with (keys ending in ".<token>"); once a kiosk token is dead they are of no use to anyone.
 */
function forgetStored(kioskToken: string) {
  try {
    const store = globalThis.localStorage;
    const keys = Array.from({ length: store.length }, (_, i) => store.key(i)).filter((key): key is string => !!key && key.endsWith(`.${kioskToken}`));
    for (const key of keys) store.removeItem(key);
  } catch {
    /* no storage: nothing was kept */
  }
}

export const useKioskStore = defineStore('kiosk', () => {
  const api = useApi();
  const actorStore = useActorStore();
  const roster = shallowRef<KioskRoster | null>(null);
  const loadError = shallowRef<unknown>(null);
  const switchError = shallowRef<unknown>(null);
  const acting = shallowRef<KioskActor | null>(null);
  const busy = ref(false);
  const leaving = ref(false);
  /** Who switched out last, and why (a notice for the room). */
  const lastOut = ref<{ name: string; reason: 'manual' | 'idle' } | null>(null);
  let token: string | null = null;

  async function load(competitionId: number) {
    lastOut.value = null;
    try {
      roster.value = await api.invoke('kiosk.roster', { competitionId });
      loadError.value = null;
    } catch (error) {
      loadError.value = error;
    }
  }

  function freshJurorStore() {
    const pinia = getActivePinia();
    const juror = useJurorStore();
    juror.$dispose();
    if (pinia) delete pinia.state.value[juror.$id];
  }

  async function switchIn(competitionId: number, jurorId: number, pin: string): Promise<boolean> {
    if (busy.value) return false;
    busy.value = true;
    switchError.value = null;
    try {
      const out = await api.invoke('kiosk.switchIn', { competitionId, jurorId, pin });
      freshJurorStore();
      token = out.kioskToken;
      setKioskToken(token);
      actorStore.actor = out.actor;
      acting.value = out.actor as KioskActor;
      lastOut.value = null;
      return true;
    } catch (error) {
      switchError.value = error;
      return false;
    } finally {
      busy.value = false;
    }
  }

  /** Typing waits AUTOSAVE_MS before it is sent: give the last marks the chance to reach the core. */
  async function settle() {
    await sleep(AUTOSAVE_MS + 150);
    const juror = useJurorStore();
    const until = Date.now() + SETTLE_MAX_MS;
    while (juror.pendingCount > 0 && juror.online && Date.now() < until) await sleep(100);
  }

  async function switchOut(reason: 'manual' | 'idle', options: { wait?: boolean } = {}) {
    const ending = token;
    const who = acting.value;
    if (!ending || !who || leaving.value) return;
    leaving.value = true;
    try {
      if (options.wait !== false) await settle();
      token = null;
      setKioskToken(null);
      acting.value = null;
      lastOut.value = { name: who.name, reason };
      // The token dies by itself after a while; a failed switch-out only shortens nothing.
      await api.invoke('kiosk.switchOut', { kioskToken: ending, reason }).catch(() => null);
      await nextTick(); // the scoring page is gone before its store is
      freshJurorStore();
      forgetStored(ending);
      await actorStore.load(true).catch(() => null);
    } finally {
      leaving.value = false;
    }
  }

  return { roster, loadError, switchError, acting, busy, leaving, lastOut, load, switchIn, switchOut };
});
