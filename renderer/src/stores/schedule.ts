import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { CommandInput } from '@shared/api/contract';
import type { ScheduleView } from '@shared/api/schedule-commands';
import type { CompetitionDetail, Entry } from '@shared/domain/schemas';
import { useApi } from '../api';
import { deliverFile } from '../lib/deliver';

type ScheduleCommand =
  | 'schedule.saveBlock'
  | 'schedule.deleteBlock'
  | 'schedule.place'
  | 'schedule.move'
  | 'schedule.addBreak'
  | 'schedule.removeSlot'
  | 'schedule.setStatus'
  | 'schedule.moveAbsentToEnd'
  | 'schedule.startSlot'
  | 'schedule.draw';

/** The running order of one competition's stage, as the schedule page edits it. */
export const useScheduleStore = defineStore('schedule', () => {
  const api = useApi();
  const competitionId = ref<number | null>(null);
  const competition = shallowRef<CompetitionDetail | null>(null);
  const view = shallowRef<ScheduleView | null>(null);
  const loadError = shallowRef<unknown>(null);
  const actionError = shallowRef<unknown>(null);
  const busy = ref(false);

  const entries = computed(() => new Map<number, Entry>((competition.value?.entries ?? []).map((e) => [e.id, e])));

  async function load(id: number, stageId?: number) {
    competitionId.value = id;
    try {
      const [c, v] = await Promise.all([
        api.invoke('competition.get', { competitionId: id }),
        api.invoke('schedule.get', stageId === undefined ? { competitionId: id } : { competitionId: id, stageId }),
      ]);
      if (id !== competitionId.value) return;
      competition.value = c;
      view.value = v;
      loadError.value = null;
    } catch (error) {
      loadError.value = error;
    }
  }

  async function refresh() {
    const id = competitionId.value;
    if (id === null) return;
    try {
      const v = await api.invoke('schedule.get', { competitionId: id, stageId: view.value?.stageId });
      if (id === competitionId.value) view.value = v;
    } catch (error) {
      loadError.value = error;
    }
  }

  /** Runs one change; the answer is the new schedule. Errors are kept for the page to show. */
  async function act<N extends ScheduleCommand>(command: N, input: CommandInput<N>): Promise<boolean> {
    busy.value = true;
    actionError.value = null;
    try {
      view.value = (await api.invoke(command, input)) as ScheduleView;
      return true;
    } catch (error) {
      actionError.value = error;
      return false;
    } finally {
      busy.value = false;
    }
  }

  async function downloadDrawSheet(blockId: number): Promise<string | null> {
    actionError.value = null;
    try {
      const file = await api.invoke('schedule.drawSheet', { blockId });
      const delivery = await deliverFile(api, file);
      return delivery.outcome === 'cancelled' ? null : file.filename;
    } catch (error) {
      actionError.value = error;
      return null;
    }
  }

  function watchLive(): () => void {
    const stops = [
      api.subscribe('schedule.changed', (p) => p.competitionId === competitionId.value && p.stageId === view.value?.stageId && void refresh()),
      api.onReconnect(() => void refresh()),
    ];
    return () => stops.forEach((stop) => stop());
  }

  return { competitionId, competition, view, entries, loadError, actionError, busy, load, refresh, act, downloadDrawSheet, watchLive };
});
