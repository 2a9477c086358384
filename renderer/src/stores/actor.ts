import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ActorView } from '@shared/domain/schemas';
import { setDeviceToken, useApi } from '../api';

/** Who this device is (auth.whoami), and pairing a device with a one-time link. */
export const useActorStore = defineStore('actor', () => {
  const api = useApi();
  const actor = ref<ActorView | null>(null);
  let pending: Promise<ActorView> | null = null;

  async function load(force = false): Promise<ActorView> {
    if (actor.value && !force) return actor.value;
    pending ??= api
      .invoke('auth.whoami', {})
      .then((out) => (actor.value = out.actor))
      .finally(() => (pending = null));
    return pending;
  }

  /** Pairs by the one-time link's token or by the short code typed instead (with the juror's PIN when they have one). */
  async function pair(token: string, pin?: string): Promise<ActorView> {
    return paired(await api.invoke('auth.pair', pin ? { token, pin } : { token }));
  }
  async function pairByCode(code: string, pin?: string): Promise<ActorView> {
    return paired(await api.invoke('auth.pairByCode', pin ? { code, pin } : { code }));
  }

  function paired(out: { deviceToken: string; actor: ActorView }): ActorView {
    setDeviceToken(out.deviceToken);
    api.identityChanged();
    actor.value = out.actor;
    return out.actor;
  }

  return { actor, load, pair, pairByCode };
});

/** Where a paired device belongs: the chair scores like every juror (and can open the monitor from there). */
export function homeFor(actor: ActorView): string {
  switch (actor.role) {
    case 'juror':
    case 'chair':
      return '/juror';
    case 'display':
      return '/display';
    default:
      return '/';
  }
}
