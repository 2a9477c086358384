/**
 * Wrong short pairing codes per client address (issue 5). A six-character code from a 25-letter
 * alphabet is guessable by brute force over the room's Wi-Fi; after `max` wrong codes within
 * `windowMs` an address is refused until the oldest of them has aged out of the window.
 */
export interface AttemptLimitOptions {
  max?: number;
  windowMs?: number;
  /** Addresses remembered at most (the stalest are forgotten first), so a flood cannot fill memory. */
  maxAddresses?: number;
}

export interface AttemptLimiter {
  /** Milliseconds the address must still wait, or 0 when it may try. */
  retryAfterMs(address: string, nowMs: number): number;
  /** Notes one wrong attempt. */
  fail(address: string, nowMs: number): void;
}

/** "::ffff:192.168.1.5" and "192.168.1.5" are the same client. */
export const clientAddress = (remote: string | undefined): string => (remote ?? 'unknown').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

export function createAttemptLimiter(options: AttemptLimitOptions = {}): AttemptLimiter {
  const max = options.max ?? 10;
  const windowMs = options.windowMs ?? 60_000;
  const maxAddresses = options.maxAddresses ?? 10_000;
  /** Failure times per address, oldest first; Map order is least recently failed first. */
  const failures = new Map<string, number[]>();

  const recent = (address: string, nowMs: number): number[] => {
    const times = (failures.get(address) ?? []).filter((t) => nowMs - t < windowMs);
    if (times.length === 0) failures.delete(address);
    return times;
  };

  return {
    retryAfterMs(address, nowMs) {
      const times = recent(address, nowMs);
      return times.length >= max ? times[times.length - max]! + windowMs - nowMs : 0;
    },
    fail(address, nowMs) {
      const times = [...recent(address, nowMs), nowMs].slice(-max);
      failures.delete(address);
      failures.set(address, times);
      while (failures.size > maxAddresses) failures.delete(failures.keys().next().value!);
    },
  };
}
