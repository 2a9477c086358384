import { defineStore } from 'pinia';
import { computed, reactive, ref, shallowRef } from 'vue';
import type { CommandOutput } from '@shared/api/contract';
import type { Criterion, Sheet, SheetStatus } from '@shared/domain/schemas';
import type { Locale } from '@shared/i18n';
import { decimalInputText } from '@shared/format';
import { ApiError, useApi } from '../api';
import { checkMark, type MarkProblem } from '../lib/marks';
import { newOpId } from '../lib/opId';
import { coalesce } from '../lib/refresh';

export type Assignment = CommandOutput<'scoring.myAssignment'>;
export type AssignedEntry = Assignment['entries'][number];
export type JurorConflict = Assignment['conflicts'][number];

/** The juror's own sheets: what is typed, what is saved, what is submitted and locked. */
export const useJurorStore = defineStore('juror', () => {
  const api = useApi();
  const assignment = shallowRef<Assignment | null>(null);
  const loadError = shallowRef<unknown>(null);
  const saveError = shallowRef<unknown>(null);
  const selectedEntryId = ref<number | null>(null);
  /** entryId → criterionId → text as typed. */
  const inputs = reactive<Record<number, Record<number, string>>>({});
  /** Entries with typed changes not yet saved: a refetch leaves their inputs alone. */
  const dirty = reactive(new Set<number>());
  const reviewing = ref(false);
  const saving = ref<'draft' | 'submit' | null>(null);
  const lastSaved = ref<{ entryId: number; status: SheetStatus; at: number } | null>(null);
  const declaring = ref(false);
  /** The entry the juror last declared a conflict with (shown as a notice above the list). */
  const lastDeclared = ref<{ code: string; title: string } | null>(null);
  let locale: Locale = 'id';

  const criteria = computed<Criterion[]>(() => [...(assignment.value?.criteria ?? [])].sort((a, b) => a.position - b.position));
  const entries = computed(() => assignment.value?.entries ?? []);
  /** Entries this juror does not score because of a conflict of interest, and why. */
  const conflicts = computed<JurorConflict[]>(() => assignment.value?.conflicts ?? []);
  const sessionOpen = computed(() => assignment.value?.session?.status === 'open');
  const sheetsByEntry = computed(() => new Map((assignment.value?.sheets ?? []).map((s) => [s.entryId, s])));
  const statusOf = (entryId: number): SheetStatus => sheetsByEntry.value.get(entryId)?.status ?? 'empty';
  const submittedCount = computed(() => entries.value.filter((e) => statusOf(e.id) === 'submitted').length);
  const selectedEntry = computed(() => entries.value.find((e) => e.id === selectedEntryId.value) ?? null);
  const selectedSheet = computed(() => (selectedEntryId.value === null ? null : (sheetsByEntry.value.get(selectedEntryId.value) ?? null)));
  const selectedLocked = computed(() => selectedEntryId.value !== null && statusOf(selectedEntryId.value) === 'submitted');
  const canEdit = computed(() => sessionOpen.value && selectedEntry.value !== null && !selectedLocked.value);

  function fillFromSheet(entryId: number, sheet: Sheet | undefined) {
    const values: Record<number, string> = {};
    for (const c of criteria.value) {
      const mark = sheet?.marks.find((m) => m.criterionId === c.id);
      values[c.id] = mark ? decimalInputText(mark.value, locale) : '';
    }
    inputs[entryId] = values;
  }

  const fetchAssignment = coalesce(async () => {
    const next = await api.invoke('scoring.myAssignment', {});
    assignment.value = next;
    for (const entry of next.entries) {
      const locked = statusOf(entry.id) === 'submitted';
      // A submitted sheet always shows what the core holds; typed drafts survive a refetch.
      if (locked || !dirty.has(entry.id) || !inputs[entry.id]) {
        fillFromSheet(entry.id, sheetsByEntry.value.get(entry.id));
        dirty.delete(entry.id);
      }
    }
    if (selectedEntryId.value !== null && !next.entries.some((e) => e.id === selectedEntryId.value)) selectedEntryId.value = null;
    if (selectedLocked.value || !sessionOpen.value) reviewing.value = false;
  });

  async function load(currentLocale: Locale) {
    locale = currentLocale;
    try {
      await fetchAssignment();
      loadError.value = null;
    } catch (error) {
      loadError.value = error;
    }
  }

  function watchLive(currentLocale: () => Locale): () => void {
    const stops = [
      api.subscribe('session.changed', () => void load(currentLocale())),
      api.onReconnect(() => void load(currentLocale())),
    ];
    return () => stops.forEach((stop) => stop());
  }

  function select(entryId: number) {
    selectedEntryId.value = entryId;
    reviewing.value = false;
    saveError.value = null;
    lastSaved.value = null;
    lastDeclared.value = null;
    if (!inputs[entryId]) fillFromSheet(entryId, sheetsByEntry.value.get(entryId));
  }

  function setMark(criterionId: number, text: string) {
    const entryId = selectedEntryId.value;
    if (entryId === null || !canEdit.value) return;
    inputs[entryId] = { ...inputs[entryId], [criterionId]: text };
    dirty.add(entryId);
    lastSaved.value = null;
  }

  const currentInputs = computed<Record<number, string>>(() =>
    selectedEntryId.value === null ? {} : (inputs[selectedEntryId.value] ?? {}),
  );
  const problems = computed<Record<number, MarkProblem | null>>(() =>
    Object.fromEntries(criteria.value.map((c) => [c.id, checkMark(currentInputs.value[c.id] ?? '', c)])),
  );
  const hasProblems = computed(() => Object.values(problems.value).some(Boolean));
  const missingCount = computed(() => criteria.value.filter((c) => (currentInputs.value[c.id] ?? '').trim() === '').length);

  function startReview() {
    saveError.value = null;
    if (!canEdit.value || hasProblems.value || missingCount.value > 0) return false;
    reviewing.value = true;
    return true;
  }

  async function save(submit: boolean): Promise<boolean> {
    const entryId = selectedEntryId.value;
    if (entryId === null || !canEdit.value || saving.value || hasProblems.value) return false;
    if (submit && missingCount.value > 0) return false;
    const typed = currentInputs.value;
    const marks = criteria.value
      .filter((c) => (typed[c.id] ?? '').trim() !== '')
      .map((c) => ({ criterionId: c.id, value: typed[c.id].trim() }));
    saving.value = submit ? 'submit' : 'draft';
    saveError.value = null;
    try {
      const sheet = await api.invoke('scoring.saveSheet', { opId: newOpId(), entryId, marks, submit });
      const current = assignment.value;
      if (current) {
        const sheets = current.sheets.filter((s) => s.entryId !== entryId);
        assignment.value = { ...current, sheets: [...sheets, sheet] };
      }
      dirty.delete(entryId);
      if (sheet.status === 'submitted') fillFromSheet(entryId, sheet);
      reviewing.value = false;
      lastSaved.value = { entryId, status: sheet.status, at: Date.now() };
      return true;
    } catch (error) {
      saveError.value = error;
      reviewing.value = false;
      // Locked or closed meanwhile: show what the core holds now.
      if (error instanceof ApiError && (error.code === 'LOCKED' || error.code === 'CONFLICT')) void load(locale);
      return false;
    } finally {
      saving.value = null;
    }
  }

  function cancelReview() {
    reviewing.value = false;
  }

  /**
   * Declares a conflict of interest with an entry: the core then leaves it out of this juror's
   * entries (and any sheet of theirs out of the results); the refetch lists it under conflicts.
   * Throws the core's refusal for the dialog to show.
   */
  async function declareConflict(entryId: number, reason: string): Promise<void> {
    if (declaring.value) return;
    const entry = entries.value.find((e) => e.id === entryId);
    declaring.value = true;
    try {
      await api.invoke('scoring.declareConflict', { entryId, reason: reason.trim() });
      delete inputs[entryId];
      dirty.delete(entryId);
      if (selectedEntryId.value === entryId) {
        selectedEntryId.value = null;
        reviewing.value = false;
        saveError.value = null;
        lastSaved.value = null;
      }
      lastDeclared.value = entry ? { code: entry.code, title: entry.title } : null;
      await load(locale);
    } finally {
      declaring.value = false;
    }
  }

  return {
    assignment,
    loadError,
    saveError,
    selectedEntryId,
    selectedEntry,
    selectedSheet,
    selectedLocked,
    inputs,
    currentInputs,
    problems,
    hasProblems,
    missingCount,
    criteria,
    entries,
    conflicts,
    sessionOpen,
    canEdit,
    submittedCount,
    reviewing,
    saving,
    lastSaved,
    declaring,
    lastDeclared,
    statusOf,
    load,
    watchLive,
    select,
    setMark,
    startReview,
    cancelReview,
    save,
    declareConflict,
  };
});
