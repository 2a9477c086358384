/**
 * A juror device's HTTP side for the live bench: POST /api/<command> with the request envelope and
 * the device token, over its own keep-alive connection (as one tablet holds one). node:http rather
 * than fetch, so the client's own overhead stays small beside the server's on a shared machine.
 */
import { Agent, request } from 'node:http';
import WebSocket from 'ws';
import type { ReplyEnvelope } from '@shared/api/envelope';

export interface ApiClient {
  /** The reply envelope as the server sent it (ok or not). */
  send(command: string, input: unknown): Promise<ReplyEnvelope>;
  /** The output of a successful reply; throws with the error message otherwise. */
  call<T = unknown>(command: string, input: unknown): Promise<T>;
}

export function apiClient(baseUrl: string, deviceToken?: string): ApiClient {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let requests = 0;
  const send = (command: string, input: unknown) =>
    new Promise<ReplyEnvelope>((resolve, reject) => {
      const body = JSON.stringify({ id: `b${++requests}`, command, input, locale: 'id' });
      const headers: Record<string, string | number> = { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) };
      if (deviceToken) headers.Authorization = `Bearer ${deviceToken}`;
      const outgoing = request(`${baseUrl}/api/${command}`, { method: 'POST', agent, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReplyEnvelope);
          } catch (error) {
            reject(error);
          }
        });
        response.on('error', reject);
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  return {
    send,
    async call<T>(command: string, input: unknown): Promise<T> {
      const reply = await send(command, input);
      if (!reply.ok) throw new Error(`${command}: ${reply.error.code} ${reply.error.message}`);
      return reply.output as T;
    },
  };
}

/**
 * A juror device's event socket, as the juror page holds it: push events counted by name, and
 * commands sent over it (frame = request envelope, answer = `{ reply }`), as the page does while the
 * socket is open.
 */
export interface SocketClient extends ApiClient {
  received: Map<string, number>;
  close(): void;
  terminate(): void;
}

export async function socketClient(baseUrl: string, deviceToken: string): Promise<SocketClient> {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/events?token=${encodeURIComponent(deviceToken)}`);
  const received = new Map<string, number>();
  const waiting = new Map<string, (reply: ReplyEnvelope) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { event?: string; reply?: ReplyEnvelope };
    if (message.reply) {
      waiting.get(message.reply.id)?.(message.reply);
      waiting.delete(message.reply.id);
    } else if (message.event) received.set(message.event, (received.get(message.event) ?? 0) + 1);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let requests = 0;
  const send = (command: string, input: unknown) =>
    new Promise<ReplyEnvelope>((resolve) => {
      const id = `s${++requests}`;
      waiting.set(id, resolve);
      socket.send(JSON.stringify({ id, command, input, locale: 'id' }));
    });
  return {
    received,
    send,
    async call<T>(command: string, input: unknown): Promise<T> {
      const reply = await send(command, input);
      if (!reply.ok) throw new Error(`${command}: ${reply.error.code} ${reply.error.message}`);
      return reply.output as T;
    },
    close: () => socket.close(),
    terminate: () => socket.terminate(),
  };
}
