/**
 * The LAN transport: the same dispatch as IPC over HTTP (POST /api/<command>, body = request
 * envelope, reply = reply envelope), push events over a WebSocket (/events?token=…), and the
 * built renderer as static files. Binds 127.0.0.1 unless told otherwise ("network mode").
 */
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { networkInterfaces } from 'node:os';
import sirv from 'sirv';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { HTTP_API_PREFIX, WS_EVENTS_PATH, requestEnvelope, type ReplyEnvelope, type RequestEnvelope } from '@shared/api/envelope';
import type { ErrorCode } from '@shared/api/errors';
import { isLocale, DEFAULT_LOCALE } from '@shared/i18n';
import { errorBody } from '../dispatch';
import { AppError } from '@shared/api/errors';
import { commands, isCommandName } from '@shared/api/contract';
import type { NetworkMode, NetworkStatus } from '../pairing';
import { clientAddress, createAttemptLimiter, type AttemptLimiter } from './attempt-limit';
import { createWriteCoalescer } from './coalesce';
import type { Core } from '../types';

export interface LanServerOptions {
  host?: string;
  port?: number;
  /** Folder of the built renderer (out/renderer). */
  rendererDir: string;
  /** Wrong short codes allowed per client address per minute (default 10). */
  codeAttempts?: { max: number; windowMs: number };
}

export interface LanServer {
  /** The current public address (it changes when network mode rebinds the server). */
  readonly url: string;
  /** The address the server listens on now (127.0.0.1 or 0.0.0.0). */
  readonly host: string;
  readonly port: number;
  /** Rebinds on the same port: 'network' listens on 0.0.0.0, 'local' on 127.0.0.1. */
  setMode(mode: NetworkMode): Promise<NetworkStatus>;
  status(): NetworkStatus;
  /** Called after every switch of network mode with the new status (the CLI prints the new address); returns an unsubscribe. */
  onModeChange(listener: (status: NetworkStatus) => void): () => void;
  close(): Promise<void>;
}

/**
 * Request bodies: a paired device may send files up to the contract's own limits (60 million
 * base64 characters: imports, a PDF to verify); a request without a valid token (pairing) is small,
 * so strangers on the Wi-Fi cannot make the server buffer megabytes.
 */
const MAX_BODY_BYTES = 64 * 1024 * 1024;
const ANONYMOUS_BODY_BYTES = 64 * 1024;
/** WebSocket close codes: the device was revoked (do not expect to reconnect), the server rebinds. */
export const CLOSE_REVOKED = 4001;
const CLOSE_REBIND = 1012;
const RETIRE_GRACE_MS = 2000;
const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LOCKED: 423,
  INTERNAL: 500,
};
const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' ws: wss:; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

const bearer = (req: IncomingMessage): string | null => /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? null;

function readBody(req: IncomingMessage, limitBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) return void chunks.push(chunk);
      // Answer at once (413, translated) and let the rest of the upload drain unread.
      req.off('data', onData);
      req.resume();
      reject(new AppError('VALIDATION', 'requestTooLarge', { mb: Math.floor(limitBytes / (1024 * 1024)) || 1 }));
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, reply: ReplyEnvelope, extraHeaders: Record<string, string> = {}, status?: number): void {
  res.writeHead(status ?? (reply.ok ? 200 : HTTP_STATUS[reply.error.code]), {
    ...SECURITY_HEADERS,
    ...extraHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(reply));
}

/** Typing short codes is guessable; each wrong one counts against the client's address. */
const CODE_COMMAND = 'auth.pairByCode';

interface Answer {
  reply: ReplyEnvelope;
  status?: number;
  headers?: Record<string, string>;
}

/**
 * One request envelope answered, whichever way it came (HTTP or the event socket): the token's
 * device acts, a revoked device learns why it is refused, wrong short codes count per address.
 */
async function answer(core: Core, limiter: AttemptLimiter, request: RequestEnvelope, token: string | null, remoteAddress: string | undefined): Promise<Answer> {
  const { command } = request;
  const actor = core.authenticate(token);
  // A revoked tablet learns why it is refused, rather than "not paired yet".
  if (actor.role === 'anonymous' && isCommandName(command) && !(commands[command].roles as readonly string[]).includes('anonymous') && core.isRevokedToken(token)) {
    return { reply: { id: request.id, ok: false, error: errorBody(new AppError('UNAUTHENTICATED', 'deviceRevoked'), request.locale ?? DEFAULT_LOCALE) } };
  }
  if (command !== CODE_COMMAND) return { reply: await core.handle(actor, request) };
  const address = clientAddress(remoteAddress);
  const waitMs = limiter.retryAfterMs(address, Date.now());
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000);
    const refusal = errorBody(new AppError('FORBIDDEN', 'pairingCodeTooMany', { seconds }), request.locale ?? DEFAULT_LOCALE);
    return { reply: { id: request.id, ok: false, error: refusal }, headers: { 'Retry-After': String(seconds) }, status: 429 };
  }
  const reply = await core.handle(actor, request);
  if (!reply.ok && reply.error.details?.key === 'pairingCodeInvalid') limiter.fail(address, Date.now());
  return { reply };
}

async function handleApi(core: Core, limiter: AttemptLimiter, req: IncomingMessage, res: ServerResponse, command: string): Promise<void> {
  const headerLocale = req.headers['accept-language']?.slice(0, 2);
  const fallbackLocale = isLocale(headerLocale) ? headerLocale : DEFAULT_LOCALE;
  let body: unknown;
  try {
    if (req.method !== 'POST') throw new AppError('VALIDATION', 'badEnvelope');
    const paired = core.authenticate(bearer(req), { seen: false }).role !== 'anonymous';
    body = JSON.parse(await readBody(req, paired ? MAX_BODY_BYTES : ANONYMOUS_BODY_BYTES));
  } catch (error) {
    const cause = error instanceof AppError ? error : new AppError('VALIDATION', 'badEnvelope');
    const tooLarge = cause.key === 'requestTooLarge';
    return sendJson(res, { id: '', ok: false, error: errorBody(cause, fallbackLocale) }, tooLarge ? { Connection: 'close' } : {}, tooLarge ? 413 : undefined);
  }
  const parsed = requestEnvelope.safeParse(body);
  // The URL names the command; an envelope naming another one is refused rather than guessed.
  if (!parsed.success || parsed.data.command !== command) {
    return sendJson(res, { id: '', ok: false, error: errorBody(new AppError('VALIDATION', 'badEnvelope'), fallbackLocale) });
  }
  const { reply, headers, status } = await answer(core, limiter, parsed.data, bearer(req), req.socket.remoteAddress);
  sendJson(res, reply, headers, status);
}

/**
 * A command sent over the event socket (frame = request envelope, answer = `{ reply }`); the juror
 * page sends its commands there while the socket is open — no HTTP request per mark — and over HTTP
 * otherwise. The socket's token is checked again for every command, so revocation bites at once.
 */
async function answerFrame(core: Core, limiter: AttemptLimiter, data: RawData, token: string, remoteAddress: string | undefined): Promise<string> {
  let body: unknown;
  try {
    body = JSON.parse(String(data));
  } catch {
    body = undefined;
  }
  const parsed = requestEnvelope.safeParse(body);
  const reply = parsed.success
    ? (await answer(core, limiter, parsed.data, token, remoteAddress)).reply
    : { id: socketRequestId(body), ok: false as const, error: errorBody(new AppError('VALIDATION', 'badEnvelope'), DEFAULT_LOCALE) };
  return JSON.stringify({ reply });
}

/** The id of an unreadable envelope when it has one, so the caller's wait ends with the refusal. */
const socketRequestId = (body: unknown): string => {
  const id = (body as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' ? id.slice(0, 64) : '';
};

/** The address other devices should use: the machine's LAN IPv4 when bound to every interface. */
export function publicHost(host: string): string {
  if (host !== '0.0.0.0' && host !== '::') return host.includes(':') ? `[${host}]` : host;
  return lanAddresses()[0] ?? '127.0.0.1';
}

/** The machine's LAN IPv4 addresses (not loopback), in interface order. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((address) => address && address.family === 'IPv4' && !address.internal)
    .map((address) => address!.address);
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);
const modeOf = (host: string): NetworkMode => (LOOPBACK_HOSTS.has(host) ? 'local' : 'network');
const hostFor = (mode: NetworkMode): string => (mode === 'network' ? '0.0.0.0' : '127.0.0.1');

export async function startLanServer(core: Core, options: LanServerOptions): Promise<LanServer> {
  const rendererBuilt = existsSync(`${options.rendererDir}/index.html`);
  const serveStatic = rendererBuilt
    ? sirv(options.rendererDir, { etag: true, dev: false, setHeaders: (res) => Object.entries(SECURITY_HEADERS).forEach(([k, v]) => res.setHeader(k, v)) })
    : null;

  const limiter = createAttemptLimiter(options.codeAttempts);
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith(HTTP_API_PREFIX)) {
      handleApi(core, limiter, req, res, decodeURIComponent(path.slice(HTTP_API_PREFIX.length))).catch((error) =>
        sendJson(res, { id: '', ok: false, error: errorBody(error, DEFAULT_LOCALE) }),
      );
      return;
    }
    if (!serveStatic) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Ruang Juri: the interface is not built yet. Run `npm run build`.\n');
      return;
    }
    serveStatic(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found\n');
    });
  };

  /** Each open WebSocket with its actor, the token it proved it with (re-checked on revocation) and its TCP socket. */
  const sockets = new Map<WebSocket, { actor: ReturnType<Core['authenticate']>; token: string; tcp: Duplex }>();
  const holdWrites = createWriteCoalescer();
  const sendFrame = (ws: WebSocket, tcp: Duplex, text: string) => {
    if (ws.readyState !== ws.OPEN) return;
    holdWrites(tcp);
    ws.send(text);
  };
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== WS_EVENTS_PATH) return socket.destroy();
    const token = url.searchParams.get('token') ?? '';
    const actor = core.authenticate(token);
    if (actor.role === 'anonymous') {
      socket.write('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return socket.destroy();
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.set(ws, { actor, token, tcp: socket });
      // core.handle answers every failure itself; anything else (the database gone) ends the socket.
      ws.on('message', (data) =>
        answerFrame(core, limiter, data, token, req.socket.remoteAddress).then(
          (text) => sendFrame(ws, socket, text),
          () => ws.terminate(),
        ),
      );
      ws.on('close', () => sockets.delete(ws));
      ws.on('error', () => sockets.delete(ws));
    });
  };
  const unsubscribe = core.subscribe((push, canReceive) => {
    const message = JSON.stringify(push);
    for (const [ws, { actor, tcp }] of sockets) if (canReceive(actor)) sendFrame(ws, tcp, message);
    // Every socket's token is checked again when a device is revoked (it hangs up at once) or the
    // setup changes (a juror's role may have: their events follow it). Both are rare.
    if (push.event === 'device.revoked' || push.event === 'competition.changed') {
      for (const [ws, entry] of sockets) {
        const now = core.authenticate(entry.token, { seen: false });
        if (now.role !== 'anonymous') sockets.set(ws, { ...entry, actor: now });
        else {
          ws.close(CLOSE_REVOKED, 'revoked');
          sockets.delete(ws);
        }
      }
    }
  });
  // Keeps idle tablets' connections alive through Wi-Fi access points that drop silent ones.
  const heartbeat = setInterval(() => {
    for (const ws of sockets.keys()) ws.ping();
  }, 20_000);

  const listen = (port: number, bindHost: string): Promise<Server> => {
    const next = createServer(onRequest);
    next.on('upgrade', onUpgrade);
    return new Promise<Server>((resolve, reject) => {
      next.once('error', reject);
      next.listen(port, bindHost, () => {
        next.off('error', reject);
        resolve(next);
      });
    });
  };

  let host = options.host ?? '127.0.0.1';
  let server = await listen(options.port ?? 0, host);
  const { port } = server.address() as AddressInfo;
  let url = `http://${publicHost(host)}:${port}`;
  core.setPublicUrl(url);

  const status = (): NetworkStatus => ({ mode: modeOf(host), url, lanUrls: lanAddresses().map((address) => `http://${address}:${port}`) });

  /** Stops listening at once; requests in flight (the setMode reply itself) finish, then their connections close. */
  const retire = (old: Server): Promise<void> =>
    new Promise<void>((resolve) => {
      old.close(() => resolve());
      old.closeIdleConnections();
      setTimeout(() => old.closeAllConnections(), RETIRE_GRACE_MS).unref();
    });

  const modeListeners = new Set<(status: NetworkStatus) => void>();
  let switching: Promise<unknown> = Promise.resolve();
  const setMode = (mode: NetworkMode): Promise<NetworkStatus> => {
    const run = async (): Promise<NetworkStatus> => {
      const nextHost = hostFor(mode);
      if (nextHost === host) return status();
      const old = server;
      const closed = retire(old);
      try {
        server = await listen(port, nextHost);
      } catch (error) {
        // The port was taken meanwhile: go back to the old address rather than serve nothing.
        server = await listen(port, host);
        console.error('[ruang-juri] could not rebind:', error);
        throw new AppError('CONFLICT', 'networkBindFailed', { port });
      }
      void closed;
      host = nextHost;
      url = `http://${publicHost(host)}:${port}`;
      core.setPublicUrl(url);
      // Devices reconnect to the new binding (and refetch); in local mode LAN devices cannot.
      for (const ws of sockets.keys()) ws.close(CLOSE_REBIND, 'rebind');
      sockets.clear();
      const now = status();
      for (const listener of modeListeners) listener(now);
      return now;
    };
    const result = switching.then(run, run);
    switching = result.catch(() => undefined);
    return result;
  };

  core.setNetworkController({ status, setMode });

  return {
    get url() {
      return url;
    },
    get host() {
      return host;
    },
    port,
    status,
    setMode,
    onModeChange(listener) {
      modeListeners.add(listener);
      return () => modeListeners.delete(listener);
    },
    close: () =>
      new Promise<void>((resolve) => {
        core.setNetworkController(null);
        modeListeners.clear();
        clearInterval(heartbeat);
        unsubscribe();
        for (const ws of sockets.keys()) ws.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
