// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, createApiClient } from '../../renderer/src/api/client';
import { createHttpTransport } from '../../renderer/src/api/http';
import { createIpcTransport } from '../../renderer/src/api/ipc';
import { DEVICE_TOKEN_KEY } from '../../renderer/src/api/token';
import type { PreloadBridge } from '../../renderer/src/api/types';

const reply = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('HTTP transport', () => {
  beforeEach(() => localStorage.clear());

  it('posts the request envelope to /api/<command> with the bearer token and returns the output', async () => {
    localStorage.setItem(DEVICE_TOKEN_KEY, 'dev-token-123');
    const fetch = vi.fn(async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body));
      return reply({ id: body.id, ok: true, output: [{ id: 1, name: 'KIPP', createdAt: '2025-01-01', entryCount: 3 }] });
    });
    const api = createApiClient(createHttpTransport({ origin: 'http://10.0.0.2:5199', fetch: fetch as typeof globalThis.fetch, watchNetwork: false }), {
      locale: () => 'en',
    });

    const out = await api.invoke('competition.list', {});

    expect(out).toEqual([{ id: 1, name: 'KIPP', createdAt: '2025-01-01', entryCount: 3 }]);
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('http://10.0.0.2:5199/api/competition.list');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer dev-token-123');
    const envelope = JSON.parse(String(init.body));
    expect(envelope).toEqual({ id: expect.any(String), command: 'competition.list', input: {}, locale: 'en' });
    expect(envelope.id.length).toBeLessThanOrEqual(64);
  });

  it('sends no Authorization header before pairing', async () => {
    const fetch = vi.fn(async () => reply({ id: 'x', ok: true, output: { actor: { role: 'anonymous' } } }));
    const api = createApiClient(createHttpTransport({ origin: 'http://h', fetch: fetch as typeof globalThis.fetch, watchNetwork: false }));
    await api.invoke('auth.whoami', {});
    const init = (fetch.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(init.headers).not.toHaveProperty('authorization');
  });

  it('turns an error reply (any HTTP status) into an ApiError translated in the current locale', async () => {
    let locale: 'id' | 'en' = 'id';
    const error = {
      code: 'VALIDATION',
      message: 'VALIDATION: markOutOfScale',
      details: { key: 'markOutOfScale', params: { value: '101', criterion: 'Kebaruan', min: '0', max: '100', step: '1' } },
    };
    const fetch = vi.fn(async () => reply({ id: 'r1', ok: false, error }, 400));
    const api = createApiClient(createHttpTransport({ origin: 'http://h', fetch: fetch as typeof globalThis.fetch, watchNetwork: false }), {
      locale: () => locale,
    });

    const id = await api.invoke('competition.list', {}).catch((e: unknown) => e);
    expect(id).toBeInstanceOf(ApiError);
    expect((id as ApiError).code).toBe('VALIDATION');
    expect((id as ApiError).message).toBe('Nilai 101 untuk "Kebaruan" harus antara 0 dan 100 dengan kelipatan 1.');

    locale = 'en';
    const en = (await api.invoke('competition.list', {}).catch((e: unknown) => e)) as ApiError;
    expect(en.message).toBe('Mark 101 for "Kebaruan" must be between 0 and 100 in steps of 1.');
    // The same error can be re-translated when the user switches language while it is on screen.
    expect(en.translatedMessage('id')).toBe((id as ApiError).message);
  });

  it('translates validation issues, keeping their paths', async () => {
    const fetch = vi.fn(async () =>
      reply(
        {
          id: 'r',
          ok: false,
          error: {
            code: 'VALIDATION',
            message: 'invalid',
            details: {
              key: 'invalidInput',
              params: { summary: 'criteria.0.weight' },
              issues: [
                { path: 'criteria.0.weight', message: 'validation.weight' },
                { path: 'name', message: 'validation.required' },
                { path: 'x', message: 'Some raw text' },
              ],
            },
          },
        },
        422,
      ),
    );
    const api = createApiClient(createHttpTransport({ origin: 'http://h', fetch: fetch as typeof globalThis.fetch, watchNetwork: false }), {
      locale: () => 'id',
    });
    const error = (await api.invoke('competition.list', {}).catch((e: unknown) => e)) as ApiError;
    expect(error.message).toBe('Isian tidak valid: criteria.0.weight');
    expect(error.issues).toEqual([
      { path: 'criteria.0.weight', key: 'validation.weight', message: 'bobot harus lebih dari 0 dan paling banyak 100 %' },
      { path: 'name', key: 'validation.required', message: 'wajib diisi' },
      { path: 'x', key: 'Some raw text', message: 'Some raw text' },
    ]);
    expect(error.translatedIssues('en')[1].message).toBe('required');
  });

  it('falls back to the server message for an unknown key', async () => {
    const fetch = vi.fn(async () => reply({ id: 'r', ok: false, error: { code: 'CONFLICT', message: 'Sudah ada.', details: { key: 'brandNew' } } }, 409));
    const api = createApiClient(createHttpTransport({ origin: 'http://h', fetch: fetch as typeof globalThis.fetch, watchNetwork: false }));
    await expect(api.invoke('competition.list', {})).rejects.toMatchObject({ code: 'CONFLICT', message: 'Sudah ada.' });
  });

  it('reports an unreachable server or an unreadable body as a translated NETWORK error', async () => {
    const down = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const api = createApiClient(createHttpTransport({ origin: 'http://h', fetch: down as typeof globalThis.fetch, watchNetwork: false }), {
      locale: () => 'en',
    });
    await expect(api.invoke('auth.whoami', {})).rejects.toMatchObject({
      code: 'NETWORK',
      message: "Cannot reach the organisers' computer. Check the Wi-Fi network, then try again.",
    });

    const html = vi.fn(async () => new Response('<html>502</html>', { status: 502 }));
    const api2 = createApiClient(createHttpTransport({ origin: 'http://h', fetch: html as typeof globalThis.fetch, watchNetwork: false }));
    await expect(api2.invoke('auth.whoami', {})).rejects.toMatchObject({ code: 'NETWORK', key: 'badResponse' });
  });
});

class FakeSocket {
  static instances: FakeSocket[] = [];
  onopen: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onmessage: ((m: { data: unknown }) => void) | null = null;
  closed = false;
  readyState = 0; // CONNECTING
  /** Frames the page sent. */
  readonly sent: string[] = [];
  constructor(readonly url: string) {
    FakeSocket.instances.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.closed = true;
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  drop() {
    this.readyState = 3;
    this.onclose?.();
  }
  push(event: string, payload: unknown) {
    this.onmessage?.({ data: JSON.stringify({ event, payload }) });
  }
  answer(reply: unknown) {
    this.onmessage?.({ data: JSON.stringify({ reply }) });
  }
  /** The request envelopes the page sent. */
  get requests(): { id: string; command: string; input: unknown; locale: string }[] {
    return this.sent.map((frame) => JSON.parse(frame));
  }
}

describe('WebSocket push channel', () => {
  beforeEach(() => {
    localStorage.clear();
    FakeSocket.instances = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  const transport = () =>
    createHttpTransport({
      origin: 'https://room.local:8443',
      fetch: vi.fn() as unknown as typeof fetch,
      WebSocket: FakeSocket as unknown as typeof WebSocket,
      backoff: { initialMs: 100, maxMs: 1000 },
      watchNetwork: false,
    });

  it('opens /events with the device token, dispatches pushes by event name', () => {
    localStorage.setItem(DEVICE_TOKEN_KEY, 'tok/+1');
    const api = createApiClient(transport());
    const seen: unknown[] = [];
    const other: unknown[] = [];
    const stop = api.subscribe('session.changed', (p) => seen.push(p));
    api.subscribe('sheet.changed', (p) => other.push(p));

    expect(FakeSocket.instances).toHaveLength(1);
    const socket = FakeSocket.instances[0];
    expect(socket.url).toBe('wss://room.local:8443/events?token=tok%2F%2B1');
    socket.open();
    socket.push('session.changed', { competitionId: 1 });
    socket.onmessage?.({ data: 'not json' });
    expect(seen).toEqual([{ competitionId: 1 }]);
    expect(other).toEqual([]);

    stop();
    socket.push('session.changed', { competitionId: 2 });
    expect(seen).toHaveLength(1);
  });

  it('does not connect without a token', () => {
    const api = createApiClient(transport());
    api.subscribe('session.changed', () => {});
    expect(FakeSocket.instances).toHaveLength(0);
  });

  it('reconnects with growing backoff and tells onReconnect listeners (not on the first connect)', () => {
    localStorage.setItem(DEVICE_TOKEN_KEY, 'tok');
    const api = createApiClient(transport());
    const reconnected = vi.fn();
    api.subscribe('session.changed', () => {});
    api.onReconnect(reconnected);
    FakeSocket.instances[0].open();
    expect(reconnected).not.toHaveBeenCalled();

    FakeSocket.instances[0].drop();
    vi.advanceTimersByTime(99);
    expect(FakeSocket.instances).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.instances).toHaveLength(2);
    FakeSocket.instances[1].drop(); // refused again: wait longer
    vi.advanceTimersByTime(199);
    expect(FakeSocket.instances).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.instances).toHaveLength(3);
    expect(reconnected).not.toHaveBeenCalled();
    FakeSocket.instances[2].open();
    expect(reconnected).toHaveBeenCalledTimes(1);
  });

  it('reopens the socket with the new token after pairing', () => {
    localStorage.setItem(DEVICE_TOKEN_KEY, 'old');
    const api = createApiClient(transport());
    api.subscribe('session.changed', () => {});
    FakeSocket.instances[0].open();
    localStorage.setItem(DEVICE_TOKEN_KEY, 'new');
    api.identityChanged();
    expect(FakeSocket.instances[0].closed).toBe(true);
    expect(FakeSocket.instances[1].url).toContain('token=new');
  });
});

describe('Commands over the event socket', () => {
  beforeEach(() => {
    localStorage.clear();
    localStorage.setItem(DEVICE_TOKEN_KEY, 'tok');
    FakeSocket.instances = [];
    vi.useFakeTimers(); // no reconnection outlives its test
  });
  afterEach(() => vi.useRealTimers());

  const setup = (options: { getToken?: () => string | null; watchNetwork?: boolean } = {}) => {
    const fetch = vi.fn(async (_url: string, init: RequestInit) => reply({ id: JSON.parse(String(init.body)).id, ok: true, output: 'over http' }));
    const transport = createHttpTransport({
      origin: 'http://room.local:5199',
      fetch: fetch as unknown as typeof globalThis.fetch,
      WebSocket: FakeSocket as unknown as typeof WebSocket,
      watchNetwork: options.watchNetwork ?? false,
      getToken: options.getToken,
    });
    const api = createApiClient(transport, { locale: () => 'en' });
    const events: unknown[] = [];
    api.subscribe('session.changed', (p) => events.push(p));
    return { api, fetch, events, socket: FakeSocket.instances[0] };
  };

  it('sends a command over the open socket instead of HTTP and resolves with the reply bearing its id', async () => {
    const { api, fetch, events, socket } = setup();
    socket.open();

    const listed = api.invoke('competition.list', {});
    expect(socket.requests).toEqual([{ id: expect.any(String), command: 'competition.list', input: {}, locale: 'en' }]);
    const { id } = socket.requests[0];
    socket.answer({ id: 'someone-else', ok: true, output: 'not mine' });
    socket.answer({ id, ok: true, output: [{ id: 1, name: 'KIPP' }] });
    await expect(listed).resolves.toEqual([{ id: 1, name: 'KIPP' }]);

    const refused = api.invoke('competition.list', {});
    socket.answer({ id: socket.requests[1].id, ok: false, error: { code: 'CONFLICT', message: 'Sudah ada.', details: { key: 'brandNew' } } });
    await expect(refused).rejects.toMatchObject({ code: 'CONFLICT', message: 'Sudah ada.' });
    const unreadable = api.invoke('competition.list', {});
    socket.answer({ id: socket.requests[2].id, ok: 'maybe' });
    await expect(unreadable).rejects.toMatchObject({ code: 'NETWORK', key: 'badResponse' });

    expect(fetch).not.toHaveBeenCalled();
    expect(events).toEqual([]); // reply frames are not events
  });

  it('uses HTTP before the socket is open, for a big envelope, offline, to switch network mode, and once the token is not the socket’s', async () => {
    let token = 'tok';
    const { api, fetch, socket } = setup({ getToken: () => token });
    await expect(api.invoke('competition.list', {})).resolves.toBe('over http'); // still connecting
    socket.open();
    await expect(api.invoke('competition.create', { name: 'x'.repeat(20_000) } as never)).resolves.toBe('over http');
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    await expect(api.invoke('competition.list', {})).resolves.toBe('over http');
    onLine.mockRestore();
    // Switching network mode closes every socket before the reply could go out on one.
    await expect(api.invoke('network.setMode', { mode: 'network' })).resolves.toBe('over http');
    token = 'kiosk-juror'; // a kiosk switch-in acts with another token on the same socket
    await expect(api.invoke('competition.list', {})).resolves.toBe('over http');
    expect(fetch).toHaveBeenCalledTimes(5);
    expect((fetch.mock.calls[4][1].headers as Record<string, string>).authorization).toBe('Bearer kiosk-juror');
    expect(socket.sent).toEqual([]);
  });

  it('fails waiting commands as offline when the socket closes or is replaced', async () => {
    const { api, fetch, socket } = setup();
    socket.open();
    const lost = api.invoke('competition.list', {});
    socket.drop();
    await expect(lost).rejects.toMatchObject({ code: 'NETWORK', key: 'offline' });
    await expect(api.invoke('competition.list', {})).resolves.toBe('over http'); // no socket now
    expect(fetch).toHaveBeenCalledTimes(1);

    api.identityChanged(); // reopens at once, without waiting for the backoff
    const next = FakeSocket.instances[1];
    next.open();
    const replaced = api.invoke('competition.list', {});
    expect(next.sent).toHaveLength(1);
    api.identityChanged();
    await expect(replaced).rejects.toMatchObject({ code: 'NETWORK', key: 'offline' });
    expect(next.closed).toBe(true);
  });

  it('closes the socket when the browser goes offline, and reopens it when it is back', async () => {
    const { api, fetch, socket } = setup({ watchNetwork: true });
    socket.open();
    const waiting = api.invoke('competition.list', {});
    window.dispatchEvent(new Event('offline'));
    expect(socket.closed).toBe(true);
    await expect(waiting).rejects.toMatchObject({ code: 'NETWORK', key: 'offline' });
    await expect(api.invoke('competition.list', {})).resolves.toBe('over http');
    expect(fetch).toHaveBeenCalledTimes(1);

    window.dispatchEvent(new Event('online'));
    expect(FakeSocket.instances).toHaveLength(2);
  });
});

describe('IPC transport', () => {
  it('passes command, input and locale to the preload bridge and unwraps the reply', async () => {
    const bridge: PreloadBridge = {
      invoke: vi.fn(async () => ({ id: '1', ok: false as const, error: { code: 'FORBIDDEN' as const, message: 'x', details: { key: 'forbidden' } } })),
      subscribe: vi.fn(() => () => {}),
    };
    const api = createApiClient(createIpcTransport(bridge), { locale: () => 'en' });
    await expect(api.invoke('session.open', { competitionId: 4 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'You are not allowed to run this command.',
    });
    expect(bridge.invoke).toHaveBeenCalledWith('session.open', { competitionId: 4 }, 'en');
    const cb = () => {};
    api.subscribe('sheet.changed', cb);
    expect(bridge.subscribe).toHaveBeenCalledWith('sheet.changed', cb);
  });
});
