import type { ReplyEnvelope } from '@shared/api/envelope';
import type { Locale } from '@shared/i18n';
import { PushChannel } from './socket';
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
  /** Watch `online` / `visibilitychange` to reconnect at once when the device wakes up, `offline` to drop the socket. */
  watchNetwork?: boolean;
}

/** Commands bigger than this go over HTTP: far below the server's 64 KB frame limit even in UTF-8. */
const MAX_SOCKET_ENVELOPE_CHARS = 16_384;

/** Their reply cannot ride the event socket: switching network mode rebinds the server, which closes every socket first. */
const HTTP_ONLY_COMMANDS: ReadonlySet<string> = new Set(['network.setMode']);

let requestCounter = 0;
export const newRequestId = (): string => `r${Date.now().toString(36)}${(++requestCounter).toString(36)}`;

/**
 * Browser (juror tablets, stage display, server mode): a WebSocket for events, and for commands
 * while it is open; POST /api/<command> otherwise.
 */
export function createHttpTransport(options: HttpTransportOptions = {}): Transport {
  const origin = options.origin ?? globalThis.location.origin;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const getToken = options.getToken ?? getDeviceToken;
  const push = new PushChannel(origin, options.WebSocket ?? globalThis.WebSocket, getToken, options.backoff);
  if (options.watchNetwork !== false && typeof window !== 'undefined') {
    window.addEventListener('online', () => push.wake());
    window.addEventListener('offline', () => push.drop());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') push.wake();
    });
  }

  /**
   * The open socket carries a command when it acts as the same device and the envelope is small.
   * Not while the browser is offline: the socket may be half-open, and HTTP then fails fast instead.
   */
  function socketCarries(command: string, envelope: string, token: string | null): boolean {
    const browserOffline = typeof navigator !== 'undefined' && navigator.onLine === false;
    return (
      !browserOffline &&
      !HTTP_ONLY_COMMANDS.has(command) &&
      envelope.length <= MAX_SOCKET_ENVELOPE_CHARS &&
      push.carriesCommandsFor(token)
    );
  }

  async function overSocket(id: string, envelope: string): Promise<ReplyEnvelope> {
    let reply: unknown;
    try {
      reply = await push.request(id, envelope);
    } catch (error) {
      throw offlineError(error);
    }
    return checkedReply(reply, 'socket');
  }

  async function overHttp(command: string, envelope: string, token: string | null): Promise<ReplyEnvelope> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await doFetch(`${origin}/api/${encodeURIComponent(command)}`, { method: 'POST', headers, body: envelope, cache: 'no-store' });
    } catch (error) {
      throw offlineError(error);
    }
    // Whatever the HTTP status, the body is a reply envelope.
    let reply: unknown;
    try {
      reply = await response.json();
    } catch {
      throw new TransportError('badResponse', `HTTP ${response.status}`);
    }
    return checkedReply(reply, `HTTP ${response.status}`);
  }

  return {
    kind: 'http',
    async invoke(command: string, input: unknown, locale: Locale): Promise<ReplyEnvelope> {
      const id = newRequestId();
      const envelope = JSON.stringify({ id, command, input, locale });
      const token = getToken();
      return socketCarries(command, envelope, token) ? overSocket(id, envelope) : overHttp(command, envelope, token);
    },
    subscribe: (event, cb) => push.subscribe(event, cb),
    onReconnect: (cb) => push.onReconnect(cb),
    refreshIdentity: () => push.restart(),
  };
}

const offlineError = (error: unknown) => new TransportError('offline', error instanceof Error ? error.message : String(error));

function checkedReply(value: unknown, source: string): ReplyEnvelope {
  if (!isReply(value)) throw new TransportError('badResponse', source);
  return value;
}

function isReply(value: unknown): value is ReplyEnvelope {
  if (!value || typeof value !== 'object') return false;
  const reply = value as Record<string, unknown>;
  if (reply.ok === true) return 'output' in reply;
  if (reply.ok !== false || !reply.error || typeof reply.error !== 'object') return false;
  const error = reply.error as Record<string, unknown>;
  return typeof error.code === 'string';
}
