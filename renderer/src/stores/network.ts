import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { CommandOutput } from '@shared/api/contract';
import { useApi } from '../api';

export type NetworkStatus = CommandOutput<'network.status'>;
export type PairingCard = CommandOutput<'device.pairingCards'>['cards'][number];
export type DeviceRow = CommandOutput<'device.list'>['devices'][number];
type NetworkAction = 'mode' | 'cards' | 'revoke';

/** The "Perangkat juri" panel: network mode, one pairing card per juror, paired devices. */
export const useNetworkStore = defineStore('network', () => {
  const api = useApi();
  const competitionId = ref<number | null>(null);
  const status = shallowRef<NetworkStatus | null>(null);
  const cards = shallowRef<PairingCard[] | null>(null);
  const devices = shallowRef<DeviceRow[] | null>(null);
  const error = shallowRef<unknown>(null);
  const busy = ref<NetworkAction | null>(null);

  async function refreshDevices() {
    const id = competitionId.value;
    if (id === null) return;
    const out = await api.invoke('device.list', { competitionId: id });
    if (id === competitionId.value) devices.value = out.devices;
  }

  async function load(id: number) {
    competitionId.value = id;
    cards.value = null;
    devices.value = null;
    error.value = null;
    try {
      const [s] = await Promise.all([api.invoke('network.status', {}), refreshDevices()]);
      status.value = s;
    } catch (e) {
      error.value = e;
    }
  }

  /** Pairings and revocations of this competition refresh the list (also after a reconnect). */
  function watch(): () => void {
    const mine = (p: { competitionId: number }) => p.competitionId === competitionId.value;
    const refresh = () => void refreshDevices().catch((e) => (error.value = e));
    const stops = [
      api.subscribe('device.paired', (p) => mine(p) && refresh()),
      api.subscribe('device.revoked', (p) => mine(p) && refresh()),
      api.onReconnect(refresh),
    ];
    return () => stops.forEach((stop) => stop());
  }

  async function act(action: NetworkAction, run: (id: number) => Promise<void>) {
    const id = competitionId.value;
    if (id === null || busy.value) return;
    busy.value = action;
    error.value = null;
    try {
      await run(id);
    } catch (e) {
      error.value = e;
    } finally {
      busy.value = null;
    }
  }

  const setMode = (mode: NetworkStatus['mode']) =>
    act('mode', async () => {
      status.value = await api.invoke('network.setMode', { mode });
      // The links in the cards carried the old address: make them again for the new one.
      if (cards.value) cards.value = (await api.invoke('device.pairingCards', { competitionId: competitionId.value! })).cards;
    });
  const makeCards = () =>
    act('cards', async (id) => {
      cards.value = (await api.invoke('device.pairingCards', { competitionId: id })).cards;
    });
  const revoke = (deviceId: number) =>
    act('revoke', async () => {
      const row = await api.invoke('device.revoke', { deviceId });
      devices.value = (devices.value ?? []).map((d) => (d.id === row.id ? row : d));
    });

  return { competitionId, status, cards, devices, error, busy, load, watch, setMode, makeCards, revoke };
});
