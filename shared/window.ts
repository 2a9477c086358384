/**
 * The scoring window (issue 5) as pure values. Per competition a rule says at which phase of a slot
 * scoring opens; it closes when the slot's last phase ends, plus a grace period. Nothing ticks: the
 * window of an entry is derived from the timer state, the time its last phase was ended (the timer's
 * phase log), the chair's extensions and the core's clock, so every screen computes the same answer.
 *
 * Entries without a slot in their stage's schedule (desk scoring of proposals, or an entry never
 * placed) have no window: they can be scored while the session is open ('unscheduled').
 */
import { z } from 'zod';
import { remaining, type TimerPhase, type TimerState } from './timer';

export const windowRule = z
  .object({
    /** Scoring opens when this phase of the entry's slot begins (clamped to the phase list). */
    openPhaseIndex: z.number().int().min(0).max(11),
    /** Scoring stays open this long after the last phase ends. */
    graceSeconds: z.number().int().min(0).max(3600),
  })
  .strict();
export type WindowRule = z.output<typeof windowRule>;

/** KIPP 2022 phases: open from "Tanya jawab" until the end of "Penilaian", no grace. */
export const DEFAULT_WINDOW_RULE: WindowRule = { openPhaseIndex: 1, graceSeconds: 0 };

export const WINDOW_KINDS = ['unscheduled', 'notYet', 'open', 'closed'] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];

export const entryWindow = z.object({
  entryId: z.number().int(),
  kind: z.enum(WINDOW_KINDS),
  /** Core time (ms) at which it closes or closed; null while unknown (timer paused, not yet open, no window). */
  closesAt: z.number().int().nullable(),
});
export type EntryWindow = z.output<typeof entryWindow>;

export interface WindowFacts {
  /** The entry has a slot in the stage's schedule. */
  scheduled: boolean;
  /** Its slot was started at some point (status beyond 'waiting' and not 'absent'). */
  slotStarted: boolean;
  /** It is the session's current entry (the one the timer is running for). */
  onStage: boolean;
  phases: readonly TimerPhase[];
  timer: TimerState;
  /** When the last phase was ended with "next" while this entry was on stage (core ms), if ever. */
  lastPhaseEndedAt: number | null;
  /** The latest time the chair's extensions keep it open until (core ms), if any. */
  extendedUntil: number | null;
  rule: WindowRule;
  now: number;
}

type Base = { kind: 'notYet' | 'open' | 'closed'; closesAt: number | null };

const until = (closesAt: number, now: number): Base => ({ kind: now < closesAt ? 'open' : 'closed', closesAt });

/** The window from the slot and the timer alone, before extensions. */
function baseWindow(f: WindowFacts): Base {
  const grace = f.rule.graceSeconds * 1000;
  if (f.lastPhaseEndedAt !== null) return until(f.lastPhaseEndedAt + grace, f.now);
  // Moved off stage without the last phase ending: the slot is over (or never began).
  if (!f.onStage) return f.slotStarted ? { kind: 'closed', closesAt: null } : { kind: 'notYet', closesAt: null };
  const last = f.phases.length - 1;
  const openAt = Math.min(f.rule.openPhaseIndex, last);
  const { timer } = f;
  const started = timer.running || timer.accumulatedMs > 0 || timer.phaseIndex > 0;
  if (!started || timer.phaseIndex < openAt) return { kind: 'notYet', closesAt: null };
  // Paused: no end can be projected, the window stays open.
  if (!timer.running) return { kind: 'open', closesAt: null };
  const current = remaining(timer, f.phases, f.now);
  // Overtime in an earlier phase does not eat the later phases; in the last phase it ends the window.
  const currentLeft = current.phaseIndex === last ? current.remainingMs : Math.max(0, current.remainingMs);
  const laterMs = f.phases.slice(current.phaseIndex + 1).reduce((sum, p) => sum + p.seconds * 1000, 0);
  return until(f.now + currentLeft + laterMs + grace, f.now);
}

export function computeWindow(entryId: number, f: WindowFacts): EntryWindow {
  if (!f.scheduled) return { entryId, kind: 'unscheduled', closesAt: null };
  const base = baseWindow(f);
  const extended = f.extendedUntil;
  if (base.kind === 'notYet' || extended === null) return { entryId, ...base };
  if (base.kind === 'open') return { entryId, kind: 'open', closesAt: base.closesAt === null ? null : Math.max(base.closesAt, extended) };
  return { entryId, ...until(Math.max(base.closesAt ?? extended, extended), f.now) };
}

/** Scoring is accepted now (inside the window, or no window applies). */
export const acceptsScores = (w: Pick<EntryWindow, 'kind'>): boolean => w.kind === 'open' || w.kind === 'unscheduled';

/**
 * The window as a client sees it at its own time: an open window whose end has passed on the
 * client's clock (core time ≈ client time + offset) is shown closed without waiting for an event.
 */
export function windowAt(w: EntryWindow, clientNow: number, offsetMs: number): EntryWindow {
  if (w.kind === 'open' && w.closesAt !== null && clientNow + offsetMs >= w.closesAt) return { ...w, kind: 'closed' };
  return w;
}
