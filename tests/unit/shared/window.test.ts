import { describe, expect, it } from 'vitest';
import { DEFAULT_PHASES, IDLE_STATE } from '@shared/timer';
import { computeWindow, DEFAULT_WINDOW_RULE, windowAt, type WindowFacts } from '@shared/window';

const MIN = 60_000;
const T0 = Date.parse('2026-11-23T02:00:00Z');

/** E01 on stage, the timer running Penilaian (3 min) since T0. */
const scoring = (overrides: Partial<WindowFacts> = {}): WindowFacts => ({
  scheduled: true,
  slotStarted: true,
  onStage: true,
  phases: DEFAULT_PHASES,
  timer: { ...IDLE_STATE, phaseIndex: 2, running: true, startedAt: T0 },
  lastPhaseEndedAt: null,
  extendedUntil: null,
  rule: DEFAULT_WINDOW_RULE,
  now: T0,
  ...overrides,
});

describe('computeWindow', () => {
  it('closes when the last phase runs out, counting time already run before a pause', () => {
    // 1 minute ran before the pause, so 2 minutes are left from T0.
    const facts = scoring({ timer: { ...IDLE_STATE, phaseIndex: 2, running: true, startedAt: T0, accumulatedMs: MIN } });
    expect(computeWindow(1, facts)).toEqual({ entryId: 1, kind: 'open', closesAt: T0 + 2 * MIN });
    expect(computeWindow(1, { ...facts, now: T0 + 2 * MIN }).kind).toBe('closed');
  });

  it('does not let overtime in an earlier phase eat the scoring phase', () => {
    // Tanya jawab (13 min) started at T0 and is 5 minutes over: Penilaian (3 min) is still ahead.
    const facts = scoring({ timer: { ...IDLE_STATE, phaseIndex: 1, running: true, startedAt: T0 }, now: T0 + 18 * MIN });
    expect(computeWindow(1, facts)).toEqual({ entryId: 1, kind: 'open', closesAt: T0 + 21 * MIN });
  });

  it('an extension never shortens an open window and reopens a closed one until it runs out', () => {
    expect(computeWindow(1, scoring({ extendedUntil: T0 + MIN })).closesAt).toBe(T0 + 3 * MIN);
    const ended = scoring({ onStage: false, lastPhaseEndedAt: T0, now: T0 + 10 * MIN });
    expect(computeWindow(1, ended)).toEqual({ entryId: 1, kind: 'closed', closesAt: T0 });
    expect(computeWindow(1, { ...ended, extendedUntil: T0 + 15 * MIN })).toEqual({ entryId: 1, kind: 'open', closesAt: T0 + 15 * MIN });
  });

  it('an entry moved off stage without its last phase ending is closed; one never started is not open yet', () => {
    expect(computeWindow(1, scoring({ onStage: false })).kind).toBe('closed');
    expect(computeWindow(1, scoring({ onStage: false, slotStarted: false })).kind).toBe('notYet');
    expect(computeWindow(1, scoring({ scheduled: false, onStage: false })).kind).toBe('unscheduled');
  });
});

describe('windowAt', () => {
  it('shows an open window closed once the core clock (client clock + offset) reaches its end', () => {
    const open = { entryId: 1, kind: 'open' as const, closesAt: T0 };
    // The device's clock runs 2 s behind the core's.
    expect(windowAt(open, T0 - 2001, 2000).kind).toBe('open');
    expect(windowAt(open, T0 - 2000, 2000).kind).toBe('closed');
    expect(windowAt({ entryId: 1, kind: 'open', closesAt: null }, T0 + 10 * MIN, 0).kind).toBe('open');
  });
});
