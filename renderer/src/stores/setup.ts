import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { CommandInput, CommandName, CommandOutput } from '@shared/api/contract';
import type { CompetitionDetail } from '@shared/domain/schemas';
import { useApi } from '../api';
import { coalesce } from '../lib/refresh';

export type SetupProblem = CommandOutput<'setup.check'>['problems'][number];
export type PresetSummary = CommandOutput<'preset.list'>[number];
/** Commands that answer with the whole competition as it now is. */
export type DetailCommand = { [N in CommandName]: CommandOutput<N> extends CompetitionDetail ? N : never }[CommandName];

/** Our own changes also come back as `competition.changed`; events this soon after one are ours. */
const OWN_ECHO_MS = 1500;

/** The competition being set up, its remaining setup problems, and every setup change. */
export const useSetupStore = defineStore('setup', () => {
  const api = useApi();
  const competitionId = ref<number | null>(null);
  const competition = shallowRef<CompetitionDetail | null>(null);
  const problems = shallowRef<SetupProblem[] | null>(null);
  const loadError = shallowRef<unknown>(null);
  const checkError = shallowRef<unknown>(null);
  const loading = ref(false);
  const pending = ref(0);
  const presets = shallowRef<PresetSummary[] | null>(null);
  let lastOwnChange = 0;

  const busy = computed(() => pending.value > 0);

  const refreshCheck = coalesce(async () => {
    const id = competitionId.value;
    if (id === null) return;
    try {
      const out = await api.invoke('setup.check', { competitionId: id });
      if (id !== competitionId.value) return;
      problems.value = out.problems;
      checkError.value = null;
    } catch (error) {
      checkError.value = error;
    }
  });

  const refetch = coalesce(async () => {
    const id = competitionId.value;
    if (id === null) return;
    try {
      const detail = await api.invoke('competition.get', { competitionId: id });
      if (id === competitionId.value) competition.value = detail;
      loadError.value = null;
    } catch (error) {
      loadError.value = error;
    }
    await refreshCheck();
  });

  async function load(id: number, force = false) {
    if (!force && competitionId.value === id && competition.value) return;
    competitionId.value = id;
    competition.value = null;
    problems.value = null;
    loadError.value = null;
    loading.value = true;
    try {
      const detail = await api.invoke('competition.get', { competitionId: id });
      if (id === competitionId.value) competition.value = detail;
    } catch (error) {
      loadError.value = error;
    } finally {
      loading.value = false;
    }
    await refreshCheck();
  }

  /** Runs a change and keeps its answer; errors go to the caller, which shows them next to its fields. */
  async function apply<N extends DetailCommand>(command: N, input: CommandInput<N>): Promise<CompetitionDetail> {
    pending.value += 1;
    try {
      const detail = (await api.invoke(command, input)) as CompetitionDetail;
      lastOwnChange = Date.now();
      if (detail.id === competitionId.value) competition.value = detail;
      void refreshCheck();
      return detail;
    } finally {
      pending.value -= 1;
      lastOwnChange = Date.now();
    }
  }

  /** Any other command of the setup screens (import, export, advancement …), counted as busy. */
  async function call<N extends CommandName>(command: N, input: CommandInput<N>): Promise<CommandOutput<N>> {
    pending.value += 1;
    try {
      return await api.invoke(command, input);
    } finally {
      pending.value -= 1;
    }
  }

  /** Takes a competition the caller received some other way (import.commit answers with one). */
  function accept(detail: CompetitionDetail) {
    lastOwnChange = Date.now();
    if (detail.id === competitionId.value) competition.value = detail;
    void refreshCheck();
  }

  /** The criteria and grade-scale presets (they ship with the app: fetched once). */
  async function loadPresets(): Promise<PresetSummary[]> {
    presets.value ??= await api.invoke('preset.list', {});
    return presets.value;
  }

  /** Changes made elsewhere (a juror declaring a conflict, another window) and reconnects. */
  function watchLive(): () => void {
    const stops = [
      api.subscribe('competition.changed', (p) => {
        if (p.competitionId !== competitionId.value) return;
        if (pending.value > 0 || Date.now() - lastOwnChange < OWN_ECHO_MS) return;
        void refetch();
      }),
      api.onReconnect(() => void refetch()),
    ];
    return () => stops.forEach((stop) => stop());
  }

  return { competitionId, competition, problems, presets, loadPresets, loadError, checkError, loading, busy, load, apply, call, accept, refreshCheck, refetch, watchLive };
});
