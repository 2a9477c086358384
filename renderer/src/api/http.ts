import type { ReplyEnvelope } from '@shared/api/envelope';
import type { Locale } from '@shared/i18n';
import { getDeviceToken } from './token';
import type { Transport } from './types';

/** Thrown by a transport when the core could not be reached or answered something unreadable. */
export class TransportError extends Error {
  constructor(
    readonly reason: 'offline' | 'badResponse',
    detail?: string,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.name = 'TransportError';
  }
}

export interface HttpTransportOptions {
  /** Origin of the LAN server; defaults to the page's own origin. */
  origin?: string;
  fetch?: typeof fetch;
  WebSocket?: typeof WebSocket;
  getToken?: () => string | null;
  /** Reconnect backoff of the push channel. */
  backoff?: { initialMs: number; maxMs: number };
  /** Watch `online` / `visibilitychange` to reconnect at once when the device wakes up. */
  watchNetwork?: boolean;
}

let requestCounter = 0;
export const newRequestId = (): string => `r${Date.now().toString(36)}${(++requestCounter).toString(36)}`;

/** Browser (juror tablets, stage display, server mode): POST /api/<command> and a WebSocket for events. */
export function createHttpTransport(options: HttpTransportOptions = {}): Transport {
  const origin = options.origin ?? globalThis.location.origin;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const getToken = options.getToken ?? getDeviceToken;
  const push = new PushChannel(origin, options.WebSocket ?? globalThis.WebSocket, getToken, options.backoff);
  if (options.watchNetwork !== false && typeof window !== 'undefined') {
    window.addEventListener('online', () => push.wake());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') push.wake();
    });
  }

  return {
    kind: 'http',
    async invoke(command: string, input: unknown, locale: Locale): Promise<ReplyEnvelope> {
      const id = newRequestId();
      const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
      const token = getToken();
      if (token) headers.authorization = `Bearer ${token}`;
      let response: Response;
      try {
        response = await doFetch(`${origin}/api/${encodeURIComponent(command)}`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ id, command, input, locale }),
          cache: 'no-store',
        });
      } catch (error) {
        throw new TransportError('offline', error instanceof Error ? error.message : String(error));
      }
      // Whatever the HTTP status, the body is a reply envelope.
      let reply: unknown;
      try {
        reply = await response.json();
      } catch {
        throw new TransportError('badResponse', `HTTP ${response.status}`);
      }
      if (!isReply(reply)) throw new TransportError('badResponse', `HTTP ${response.status}`);
      return reply;
    },
    subscribe: (event, cb) => push.subscribe(event, cb),
    onReconnect: (cb) => push.onReconnect(cb),
    refreshIdentity: () => push.restart(),
  };
}

function isReply(value: unknown): value is ReplyEnvelope {
  if (!value || typeof value !== 'object') return false;
  const reply = value as Record<string, unknown>;
  if (reply.ok === true) return 'output' in reply;
  if (reply.ok !== false || !reply.error || typeof reply.error !== 'object') return false;
  const error = reply.error as Record<string, unknown>;
  return typeof error.code === 'string';
}

type Listener = (payload: unknown) => void;

/** One WebSocket for every subscription; reconnects with backoff and tells listeners it did. */
export class PushChannel {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly reconnectListeners = new Set<() => void>();
  private socket: WebSocket | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempts = 0;
  /** A socket was lost (or never came up) since the views loaded: they must refetch when it opens. */
  private missedEvents = false;
  private readonly initialMs: number;
  private readonly maxMs: number;

  constructor(
    private readonly origin: string,
    private readonly Socket: typeof WebSocket | undefined,
    private readonly getToken: () => string | null,
    backoff: { initialMs: number; maxMs: number } = { initialMs: 500, maxMs: 10_000 },
  ) {
    this.initialMs = backoff.initialMs;
    this.maxMs = backoff.maxMs;
  }

  subscribe(event: string, cb: Listener): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(cb);
    this.ensure();
    return () => {
      set.delete(cb);
    };
  }

  onReconnect(cb: () => void): () => void {
    this.reconnectListeners.add(cb);
    this.ensure();
    return () => {
      this.reconnectListeners.delete(cb);
    };
  }

  /** The token changed: drop the socket and open a new one at once. */
  restart(): void {
    this.clearTimer();
    const old = this.socket;
    this.socket = null;
    if (old) {
      old.onclose = null;
      old.close();
      this.missedEvents = true;
    }
    this.attempts = 0;
    this.ensure();
  }

  /** The network or the screen came back: retry now instead of waiting for the backoff. */
  wake(): void {
    if (this.socket) return;
    this.clearTimer();
    this.attempts = 0;
    this.ensure();
  }

  url(token: string): string {
    const base = new URL(this.origin);
    const scheme = base.protocol === 'https:' ? 'wss:' : 'ws:';
    return `${scheme}//${base.host}/events?token=${encodeURIComponent(token)}`;
  }

  private get wanted(): boolean {
    for (const set of this.listeners.values()) if (set.size) return true;
    return this.reconnectListeners.size > 0;
  }

  private ensure(): void {
    if (this.socket || this.timer || !this.Socket || !this.wanted) return;
    const token = this.getToken();
    if (!token) return; // anonymous devices receive no events
    let socket: WebSocket;
    try {
      socket = new this.Socket(this.url(token));
    } catch {
      this.missedEvents = true;
      this.schedule();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.attempts = 0;
      if (this.missedEvents) {
        this.missedEvents = false;
        for (const cb of [...this.reconnectListeners]) cb();
      }
    };
    socket.onmessage = (message: MessageEvent) => this.dispatch(message.data);
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.missedEvents = true;
      this.schedule();
    };
    socket.onerror = () => {
      /* onclose follows */
    };
  }

  private dispatch(data: unknown): void {
    if (typeof data !== 'string') return;
    let push: { event?: unknown; payload?: unknown };
    try {
      push = JSON.parse(data);
    } catch {
      return;
    }
    if (typeof push?.event !== 'string') return;
    for (const cb of [...(this.listeners.get(push.event) ?? [])]) cb(push.payload);
  }

  private schedule(): void {
    if (this.timer || !this.wanted) return;
    const delay = Math.min(this.maxMs, this.initialMs * 2 ** this.attempts);
    this.attempts += 1;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.ensure();
    }, delay);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
