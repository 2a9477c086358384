/**
 * The LAN transport: the same dispatch as IPC over HTTP (POST /api/<command>, body = request
 * envelope, reply = reply envelope), push events over a WebSocket (/events?token=…), and the
 * built renderer as static files. Binds 127.0.0.1 unless told otherwise ("network mode").
 */
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import sirv from 'sirv';
import { WebSocketServer, type WebSocket } from 'ws';
import { HTTP_API_PREFIX, WS_EVENTS_PATH, requestEnvelope, type ReplyEnvelope } from '@shared/api/envelope';
import type { ErrorCode } from '@shared/api/errors';
import { isLocale, DEFAULT_LOCALE } from '@shared/i18n';
import { errorBody } from '../dispatch';
import { AppError } from '@shared/api/errors';
import type { Core } from '../types';

export interface LanServerOptions {
  host?: string;
  port?: number;
  /** Folder of the built renderer (out/renderer). */
  rendererDir: string;
}

export interface LanServer {
  url: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 8 * 1024 * 1024;
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

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new AppError('VALIDATION', 'badEnvelope'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, reply: ReplyEnvelope): void {
  res.writeHead(reply.ok ? 200 : HTTP_STATUS[reply.error.code], {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(reply));
}

async function handleApi(core: Core, req: IncomingMessage, res: ServerResponse, command: string): Promise<void> {
  const headerLocale = req.headers['accept-language']?.slice(0, 2);
  const fallbackLocale = isLocale(headerLocale) ? headerLocale : DEFAULT_LOCALE;
  let body: unknown;
  try {
    if (req.method !== 'POST') throw new AppError('VALIDATION', 'badEnvelope');
    body = JSON.parse(await readBody(req));
  } catch (error) {
    const cause = error instanceof AppError ? error : new AppError('VALIDATION', 'badEnvelope');
    return sendJson(res, { id: '', ok: false, error: errorBody(cause, fallbackLocale) });
  }
  const parsed = requestEnvelope.safeParse(body);
  // The URL names the command; an envelope naming another one is refused rather than guessed.
  if (!parsed.success || parsed.data.command !== command) {
    return sendJson(res, { id: '', ok: false, error: errorBody(new AppError('VALIDATION', 'badEnvelope'), fallbackLocale) });
  }
  sendJson(res, await core.handle(core.authenticate(bearer(req)), parsed.data));
}

/** The address other devices should use: the machine's LAN IPv4 when bound to every interface. */
export function publicHost(host: string): string {
  if (host !== '0.0.0.0' && host !== '::') return host.includes(':') ? `[${host}]` : host;
  const lan = Object.values(networkInterfaces())
    .flat()
    .find((address) => address && address.family === 'IPv4' && !address.internal);
  return lan?.address ?? '127.0.0.1';
}

export async function startLanServer(core: Core, options: LanServerOptions): Promise<LanServer> {
  const host = options.host ?? '127.0.0.1';
  const rendererBuilt = existsSync(`${options.rendererDir}/index.html`);
  const serveStatic = rendererBuilt
    ? sirv(options.rendererDir, { etag: true, dev: false, setHeaders: (res) => Object.entries(SECURITY_HEADERS).forEach(([k, v]) => res.setHeader(k, v)) })
    : null;

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith(HTTP_API_PREFIX)) {
      handleApi(core, req, res, decodeURIComponent(path.slice(HTTP_API_PREFIX.length))).catch((error) =>
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
  });

  const sockets = new Map<WebSocket, ReturnType<Core['authenticate']>>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== WS_EVENTS_PATH) return socket.destroy();
    const actor = core.authenticate(url.searchParams.get('token'));
    if (actor.role === 'anonymous') {
      socket.write('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return socket.destroy();
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.set(ws, actor);
      ws.on('close', () => sockets.delete(ws));
      ws.on('error', () => sockets.delete(ws));
    });
  });
  const unsubscribe = core.subscribe((push, canReceive) => {
    const message = JSON.stringify(push);
    for (const [ws, actor] of sockets) if (canReceive(actor) && ws.readyState === ws.OPEN) ws.send(message);
  });
  // Keeps idle tablets' connections alive through Wi-Fi access points that drop silent ones.
  const heartbeat = setInterval(() => {
    for (const ws of sockets.keys()) ws.ping();
  }, 20_000);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${publicHost(host)}:${port}`;
  core.setPublicUrl(url);

  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        unsubscribe();
        for (const ws of sockets.keys()) ws.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
