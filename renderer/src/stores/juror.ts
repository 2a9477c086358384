import { defineStore } from 'pinia';
import { computed, reactive, ref, shallowRef } from 'vue';
import type { CommandOutput } from '@shared/api/contract';
import type { Criterion, Sheet, SheetStatus } from '@shared/domain/schemas';
import type { Locale } from '@shared/i18n';
import { decimalInputText } from '@shared/format';
import { acceptsScores } from '@shared/window';
import { ApiError, getDeviceToken, useApi } from '../api';
import { useScoringWindow } from '../components/juror/useScoringWindow';
import { checkMark, type MarkProblem } from '../lib/marks';
import { newOpId } from '../lib/opId';
import { DeviceStore, Outbox, type CommentDraft, type SendResult, type SheetOp } from '../lib/outbox';
import { coalesce } from '../lib/refresh';

export type Assignment = CommandOutput<'scoring.myAssignment'>;
export type AssignedEntry = Assignment['entries'][number];
export type JurorConflict = Assignment['conflicts'][number];

/** Typing pauses this long before the draft goes to the core (it is in the browser at once). */
export const AUTOSAVE_MS = 800;
/** A request that hangs this long (Wi-Fi gone without an error) counts as offline; the retry reuses the opId. */
export const SEND_TIMEOUT_MS = 10_000;
/** Longest comment the core accepts, per criterion and overall (shared/domain/schemas.ts). */
export const COMMENT_MAX = 1000;
export const OVERALL_COMMENT_MAX = 4000;

/** The juror's own sheets: what is typed, what is saved, what is submitted and locked. */
export const useJurorStore = defineStore('juror', () => {
  const api = useApi();
  const assignment = shallowRef<Assignment | null>(null);
  const loadError = shallowRef<unknown>(null);
  const saveError = shallowRef<unknown>(null);
  const selectedEntryId = ref<number | null>(null);
  /** entryId → criterionId → text as typed. */
  const inputs = reactive<Record<number, Record<number, string>>>({});
  /** entryId → comments as typed (per criterion and overall). */
  const commentInputs = reactive<Record<number, CommentDraft>>({});
  /** Entries whose comments were typed on this device since the last save: only those are sent. */
  const commentsTyped = new Set<number>();
  /** Entries with typed changes not yet saved: a refetch leaves their inputs alone. */
  const dirty = reactive(new Set<number>());
  const reviewing = ref(false);
  const saving = ref<'draft' | 'submit' | null>(null);
  const lastSaved = ref<{ entryId: number; status: SheetStatus; at: number } | null>(null);
  const declaring = ref(false);
  /** The entry the juror last declared a conflict with (shown as a notice above the list). */
  const lastDeclared = ref<{ code: string; title: string } | null>(null);
  let locale: Locale = 'id';
  /** False after a request failed for want of a network; true again after any answer. */
  const online = ref(true);
  /** The outbox as stored (a copy, for the view). */
  const pendingOps = shallowRef<readonly SheetOp[]>([]);
  /** A refusal of an operation sent earlier (possibly for an entry not on screen). */
  const refusedEntryId = ref<number | null>(null);
  /** The last action could not reach the core: it waits in the outbox. */
  const queued = ref<{ entryId: number; submit: boolean } | null>(null);
  let device: DeviceStore | null = null;
  let outbox: Outbox | null = null;
  /** Per entry: a counter bumped by each keystroke, to know whether an acknowledged draft is still what is typed. */
  const versions = new Map<number, number>();
  const opVersions = new Map<string, number>();
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  /** The session's current entry as last seen (undefined before the first answer). */
  let seenCurrentEntryId: number | null | undefined;
  /** The entry now presenting, not opened because the juror has unsaved typing in another sheet. */
  const currentNotice = ref<number | null>(null);

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
  /** A late submission: pending (waiting for the chair, not editable) or declined (the juror is told). */
  const lateOf = (entryId: number) => sheetsByEntry.value.get(entryId)?.late ?? null;
  const lateWaiting = (entryId: number): boolean => lateOf(entryId)?.status === 'pending';
  /** Submitted, or held for the chair: what the core holds is shown and nothing is typed. */
  const lockedOf = (entryId: number): boolean => statusOf(entryId) === 'submitted' || lateWaiting(entryId);
  const selectedLateWaiting = computed(() => selectedEntryId.value !== null && lateWaiting(selectedEntryId.value));
  /** The scoring windows (issue 5); an entry's is null while unknown, e.g. offline before the first read. */
  const scoringWindow = useScoringWindow(api, () => assignment.value?.competition.id);
  const { windowOf } = scoringWindow;
  /** Whether the core takes a draft or a submission for this entry now (unknown counts as yes; the core decides). */
  const acceptsNow = (entryId: number): boolean => {
    const w = windowOf(entryId);
    return w === null || acceptsScores(w) || sheetsByEntry.value.get(entryId)?.reopened === true;
  };
  const selectedWindow = computed(() => (selectedEntryId.value === null ? null : windowOf(selectedEntryId.value)));
  const selectedAccepts = computed(() => selectedEntryId.value === null || acceptsNow(selectedEntryId.value));
  /** A submission made offline: shown as waiting to send, not editable, locked once the core acknowledges it. */
  const pendingSubmit = (entryId: number): boolean => pendingOps.value.some((op) => op.entryId === entryId && op.submit);
  const selectedPending = computed(() => selectedEntryId.value !== null && pendingSubmit(selectedEntryId.value));
  const pendingCount = computed(() => pendingOps.value.length);
  const canEdit = computed(
    () => sessionOpen.value && selectedEntry.value !== null && !selectedLocked.value && !selectedPending.value && !selectedLateWaiting.value,
  );

  function fillFromSheet(entryId: number, sheet: Sheet | undefined) {
    fillMarks(entryId, sheet);
    fillComments(entryId, sheet);
  }

  function fillMarks(entryId: number, sheet: Sheet | undefined) {
    const values: Record<number, string> = {};
    for (const c of criteria.value) {
      const mark = sheet?.marks.find((m) => m.criterionId === c.id);
      values[c.id] = mark ? decimalInputText(mark.value, locale) : '';
    }
    inputs[entryId] = values;
  }

  function fillComments(entryId: number, sheet: Sheet | undefined) {
    const criteriaComments: Record<number, string> = {};
    for (const c of sheet?.comments ?? []) criteriaComments[c.criterionId] = c.text;
    commentInputs[entryId] = { criteria: criteriaComments, overall: sheet?.comment ?? '' };
  }

  function ensureDevice() {
    const scope = getDeviceToken() ?? 'local';
    if (device && outbox && device.scope === scope) return;
    outbox?.dispose();
    device = new DeviceStore(scope);
    outbox = new Outbox(device, {
      send,
      acknowledged,
      refused,
      connectivity: (isOnline) => (online.value = isOnline),
      changed: (ops) => (pendingOps.value = ops.map((op) => ({ ...op }))),
    });
    pendingOps.value = outbox.pending.map((op) => ({ ...op }));
    // What was typed before a reload (even offline) comes back, and counts as unsaved.
    for (const [key, values] of Object.entries(device.loadDrafts())) {
      const entryId = Number(key);
      inputs[entryId] = { ...values };
      dirty.add(entryId);
    }
    for (const [key, draft] of Object.entries(device.loadCommentDrafts())) {
      const entryId = Number(key);
      commentInputs[entryId] = { criteria: { ...draft.criteria }, overall: draft.overall ?? '' };
      commentsTyped.add(entryId);
      dirty.add(entryId);
    }
  }

  async function send(op: SheetOp): Promise<SendResult> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), SEND_TIMEOUT_MS)));
    try {
      const input = { opId: op.opId, entryId: op.entryId, marks: op.marks, submit: op.submit, comments: op.comments, comment: op.comment };
      const value = await Promise.race([api.invoke('scoring.saveSheet', input), timeout]);
      return value === 'timeout' ? { kind: 'offline' } : { kind: 'ok', value };
    } catch (error) {
      if (error instanceof ApiError && error.code === 'NETWORK') return { kind: 'offline' };
      return { kind: 'refused', error };
    } finally {
      clearTimeout(timer);
    }
  }

  function acknowledged(op: SheetOp, value: unknown) {
    const sheet = value as Sheet;
    const entryId = op.entryId;
    const current = assignment.value;
    if (current) {
      const sheets = current.sheets.filter((s) => s.entryId !== entryId);
      assignment.value = { ...current, sheets: [...sheets, sheet] };
      cacheAssignment();
    }
    const unchanged = opVersions.get(op.opId) === (versions.get(entryId) ?? 0);
    opVersions.delete(op.opId);
    const locked = sheet.status === 'submitted' || sheet.late?.status === 'pending';
    if (locked || unchanged) {
      dirty.delete(entryId);
      device?.saveDraft(entryId, null);
      device?.saveCommentDraft(entryId, null);
      if (op.comments) commentsTyped.delete(entryId);
    }
    if (locked) fillFromSheet(entryId, sheet);
    if (queued.value?.entryId === entryId) queued.value = null;
    // A held late submission is announced by its own notice, not as "saved".
    if (sheet.late?.status === 'pending') lastSaved.value = null;
    else if (!op.auto || sheet.status === 'submitted') lastSaved.value = { entryId, status: sheet.status, at: Date.now() };
  }

  function refused(op: SheetOp, error: unknown) {
    // Not retried: the juror sees why, in their language; what they typed stays.
    saveError.value = error;
    refusedEntryId.value = op.entryId;
    reviewing.value = false;
    if (queued.value?.entryId === op.entryId) queued.value = null;
    if (error instanceof ApiError && (error.code === 'LOCKED' || error.code === 'CONFLICT')) void load(locale);
  }

  const assignmentKey = () => `ruang-juri.juror.assignment.${getDeviceToken() ?? 'local'}`;
  function cacheAssignment() {
    try {
      if (assignment.value) globalThis.localStorage?.setItem(assignmentKey(), JSON.stringify(assignment.value));
    } catch {
      /* no storage: offline reloads start empty */
    }
  }
  function cachedAssignment(): Assignment | null {
    try {
      const raw = globalThis.localStorage?.getItem(assignmentKey());
      return raw ? (JSON.parse(raw) as Assignment) : null;
    } catch {
      return null;
    }
  }

  function applyAssignment(next: Assignment) {
    assignment.value = next;
    for (const entry of next.entries) {
      const locked = lockedOf(entry.id);
      // A submitted sheet always shows what the core holds; typed drafts survive a refetch.
      const sheet = sheetsByEntry.value.get(entry.id);
      if (locked || !dirty.has(entry.id) || (!inputs[entry.id] && !commentInputs[entry.id])) {
        fillFromSheet(entry.id, sheet);
        dirty.delete(entry.id);
      } else {
        // Typed on this device (marks, comments or both): what was not typed comes from the core.
        if (!inputs[entry.id]) fillMarks(entry.id, sheet);
        if (!commentInputs[entry.id]) fillComments(entry.id, sheet);
      }
    }
    for (const entry of next.entries) {
      if (!lockedOf(entry.id)) continue;
      device?.saveDraft(entry.id, null);
      device?.saveCommentDraft(entry.id, null);
    }
    if (selectedEntryId.value !== null && !next.entries.some((e) => e.id === selectedEntryId.value)) selectedEntryId.value = null;
    if (selectedLocked.value || selectedLateWaiting.value || !sessionOpen.value) reviewing.value = false;
    followCurrentEntry(next.session?.currentEntryId ?? null);
  }

  /**
   * The entry now presenting opens by itself when it changes, unless the juror is in the middle of
   * another sheet (unsaved typing, a review or a save under way): then a notice offers to open it.
   */
  function followCurrentEntry(current: number | null) {
    if (current === seenCurrentEntryId) {
      if (currentNotice.value !== null && !entries.value.some((e) => e.id === currentNotice.value)) currentNotice.value = null;
      return;
    }
    seenCurrentEntryId = current;
    currentNotice.value = null;
    if (current === null || current === selectedEntryId.value || !entries.value.some((e) => e.id === current)) return;
    const open = selectedEntryId.value;
    const busy = open !== null && (dirty.has(open) || reviewing.value || saving.value !== null);
    if (busy) currentNotice.value = current;
    else select(current);
  }

  const currentNoticeEntry = computed(() =>
    currentNotice.value === null || currentNotice.value === selectedEntryId.value ? null : (entries.value.find((e) => e.id === currentNotice.value) ?? null),
  );

  const fetchAssignment = coalesce(async () => {
    applyAssignment(await api.invoke('scoring.myAssignment', {}));
    cacheAssignment();
  });

  async function load(currentLocale: Locale) {
    locale = currentLocale;
    ensureDevice();
    try {
      await fetchAssignment();
      void scoringWindow.refresh();
      loadError.value = null;
      online.value = true;
    } catch (error) {
      const cached = error instanceof ApiError && error.code === 'NETWORK' ? cachedAssignment() : null;
      if (cached) {
        // Offline reload: the sheets as last seen, with what was typed on top.
        online.value = false;
        if (!assignment.value) applyAssignment(cached);
        loadError.value = null;
      } else {
        if (error instanceof ApiError && error.code === 'NETWORK') online.value = false;
        loadError.value = error;
      }
    }
    // Typed drafts that never reached the outbox (reload within the debounce) go out now.
    for (const entryId of dirty) {
      if (!pendingOps.value.some((op) => op.entryId === entryId) && !lockedOf(entryId)) scheduleAutosave(entryId, 0);
    }
    void outbox?.flush();
  }

  function watchLive(currentLocale: () => Locale): () => void {
    const retry = () => void outbox?.flush();
    if (typeof window !== 'undefined') window.addEventListener('online', retry);
    const stops = [
      api.subscribe('session.changed', () => void load(currentLocale())),
      api.subscribe('sheet.reopened', () => void load(currentLocale())),
      scoringWindow.watchLive(),
      api.subscribe('window.lateChanged', (p) => {
        if (p.jurorId === assignment.value?.juror.id) void load(currentLocale());
      }),
      api.onReconnect(() => void load(currentLocale())),
      () => (typeof window !== 'undefined' ? window.removeEventListener('online', retry) : undefined),
      () => {
        for (const timer of timers.values()) clearTimeout(timer);
        timers.clear();
      },
    ];
    return () => stops.forEach((stop) => stop());
  }

  function validMarks(entryId: number, all: boolean) {
    const typed = inputs[entryId] ?? {};
    return criteria.value
      .filter((c) => (typed[c.id] ?? '').trim() !== '' && (all || checkMark(typed[c.id], c) === null))
      .map((c) => ({ criterionId: c.id, value: typed[c.id].trim() }));
  }

  /** Comments as typed, to send with the marks; left out while one is over its limit (the field says so). */
  function commentFields(entryId: number): Pick<SheetOp, 'comments' | 'comment'> {
    const typed = commentInputs[entryId];
    if (!typed || !commentsTyped.has(entryId) || commentTooLong(entryId)) return {};
    return {
      comments: Object.entries(typed.criteria).map(([id, text]) => ({ criterionId: Number(id), text: text.trim() })),
      comment: typed.overall.trim(),
    };
  }
  function commentTooLong(entryId: number): boolean {
    const typed = commentInputs[entryId];
    if (!typed) return false;
    return typed.overall.trim().length > OVERALL_COMMENT_MAX || Object.values(typed.criteria).some((text) => text.trim().length > COMMENT_MAX);
  }

  function enqueue(entryId: number, marks: SheetOp['marks'], submit: boolean, auto: boolean): SheetOp {
    ensureDevice();
    const op: SheetOp = { opId: newOpId(), entryId, marks, ...commentFields(entryId), submit, auto, tried: false };
    opVersions.set(op.opId, versions.get(entryId) ?? 0);
    outbox!.add(op); // stored in the browser before it is sent
    return op;
  }

  function scheduleAutosave(entryId: number, delay = AUTOSAVE_MS) {
    clearTimeout(timers.get(entryId));
    timers.set(
      entryId,
      setTimeout(() => {
        timers.delete(entryId);
        // Outside the scoring window the draft stays on this device only (the core would refuse it).
        if (!sessionOpen.value || lockedOf(entryId) || pendingSubmit(entryId) || !acceptsNow(entryId)) return;
        const marks = validMarks(entryId, false);
        if (!marks.length && !commentFields(entryId).comments) return;
        enqueue(entryId, marks, false, true);
        void outbox!.flush();
      }, delay),
    );
  }

  function select(entryId: number) {
    selectedEntryId.value = entryId;
    if (currentNotice.value === entryId) currentNotice.value = null;
    reviewing.value = false;
    saveError.value = null;
    lastSaved.value = null;
    lastDeclared.value = null;
    refusedEntryId.value = null;
    queued.value = null;
    if (!inputs[entryId]) fillMarks(entryId, sheetsByEntry.value.get(entryId));
    if (!commentInputs[entryId]) fillComments(entryId, sheetsByEntry.value.get(entryId));
  }

  function setMark(criterionId: number, text: string) {
    const entryId = selectedEntryId.value;
    if (entryId === null || !canEdit.value) return;
    inputs[entryId] = { ...inputs[entryId], [criterionId]: text };
    dirty.add(entryId);
    versions.set(entryId, (versions.get(entryId) ?? 0) + 1);
    lastSaved.value = null;
    ensureDevice();
    device!.saveDraft(entryId, inputs[entryId]);
    scheduleAutosave(entryId);
  }

  /** A comment on one criterion, or the overall one (criterionId null). */
  function setComment(criterionId: number | null, text: string) {
    const entryId = selectedEntryId.value;
    if (entryId === null || !canEdit.value) return;
    const current = commentInputs[entryId] ?? { criteria: {}, overall: '' };
    commentInputs[entryId] = criterionId === null ? { ...current, overall: text } : { ...current, criteria: { ...current.criteria, [criterionId]: text } };
    commentsTyped.add(entryId);
    dirty.add(entryId);
    versions.set(entryId, (versions.get(entryId) ?? 0) + 1);
    lastSaved.value = null;
    ensureDevice();
    device!.saveCommentDraft(entryId, commentInputs[entryId]);
    scheduleAutosave(entryId);
  }

  const currentComments = computed<CommentDraft>(() =>
    selectedEntryId.value === null ? { criteria: {}, overall: '' } : (commentInputs[selectedEntryId.value] ?? { criteria: {}, overall: '' }),
  );
  const selectedCommentTooLong = computed(() => selectedEntryId.value !== null && commentTooLong(selectedEntryId.value));

  const currentInputs = computed<Record<number, string>>(() =>
    selectedEntryId.value === null ? {} : (inputs[selectedEntryId.value] ?? {}),
  );
  const problems = computed<Record<number, MarkProblem | null>>(() =>
    Object.fromEntries(criteria.value.map((c) => [c.id, checkMark(currentInputs.value[c.id] ?? '', c)])),
  );
  const hasProblems = computed(() => Object.values(problems.value).some(Boolean) || selectedCommentTooLong.value);
  const missingCount = computed(() => criteria.value.filter((c) => (currentInputs.value[c.id] ?? '').trim() === '').length);

  function startReview() {
    saveError.value = null;
    if (!canEdit.value || hasProblems.value || missingCount.value > 0) return false;
    reviewing.value = true;
    return true;
  }

  /**
   * The juror's own save or submit: one operation, its opId made here once and stored before it is
   * sent. Offline it waits in the outbox (true is returned only once the core acknowledged it).
   */
  async function save(submit: boolean): Promise<boolean> {
    const entryId = selectedEntryId.value;
    if (entryId === null || !canEdit.value || saving.value || hasProblems.value) return false;
    if (submit && missingCount.value > 0) return false;
    // After close only a submission goes out (held for the chair); a draft stays on the device.
    if (!submit && !acceptsNow(entryId)) return false;
    clearTimeout(timers.get(entryId));
    timers.delete(entryId);
    saving.value = submit ? 'submit' : 'draft';
    saveError.value = null;
    refusedEntryId.value = null;
    queued.value = null;
    const op = enqueue(entryId, validMarks(entryId, true), submit, false);
    const settled = outbox!.whenSettled(op.opId);
    void outbox!.flush();
    try {
      const result = await settled;
      reviewing.value = false;
      if (result === 'offline') queued.value = { entryId, submit };
      return result === 'ok';
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
      delete commentInputs[entryId];
      commentsTyped.delete(entryId);
      dirty.delete(entryId);
      device?.saveDraft(entryId, null);
      device?.saveCommentDraft(entryId, null);
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
    selectedPending,
    pendingSubmit,
    pendingCount,
    pendingOps,
    online,
    queued,
    refusedEntryId,
    inputs,
    currentInputs,
    currentComments,
    selectedCommentTooLong,
    setComment,
    windowView: scoringWindow.view,
    windowOffset: scoringWindow.offsetMs,
    clock: scoringWindow.clock,
    windowOf,
    acceptsNow,
    selectedWindow,
    selectedAccepts,
    lateOf,
    lateWaiting,
    selectedLateWaiting,
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
    currentNoticeEntry,
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
