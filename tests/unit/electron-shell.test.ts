/**
 * The Electron shell without Electron: electron/main and electron/preload run against a stubbed
 * 'electron' module. What matters here is the security posture and the wiring to the core.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, requestEnvelope, type PushEnvelope, type ReplyEnvelope } from '@shared/api/envelope';
import { ORGANISER, type Actor } from '@shared/domain/actor';
import type { PushListener } from '../../electron/core/types';

// ---- the stubbed 'electron' module (only what the preload touches at import time) -------------
const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    listeners,
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: {
      invoke: vi.fn(async (_channel: string, envelope: { id: string }) => ({ id: envelope.id, ok: true, output: { echoed: true } })),
      on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)!.add(listener);
      }),
      removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
        listeners.get(channel)?.delete(listener);
      }),
    },
  };
});
vi.mock('electron', () => ({ ...electron, default: electron }));

import { parseShellArgs } from '../../electron/main/args';
import { isTrustedSender, registerIpcBridge, type BridgeWindow } from '../../electron/main/ipc';
import {
  contentSecurityPolicy,
  controlWindowOptions,
  createControlWindow,
  installContentSecurityPolicy,
  isAppUrl,
  restrictPermissions,
} from '../../electron/main/window';

const APP_URL = 'file:///opt/ruang-juri/out/renderer/index.html';

// ---- a fake web contents / window that records what the shell registers ------------------------
type Handler = (...args: unknown[]) => unknown;
class FakeWebContents {
  handlers = new Map<string, Handler[]>();
  openHandler: ((details: { url: string }) => unknown) | null = null;
  mainFrame = { url: `${APP_URL}#/session` };
  send = vi.fn();
  destroyed = false;
  isDestroyed = () => this.destroyed;
  on(name: string, handler: Handler) {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler]);
    return this;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
    this.openHandler = handler;
  }
  /** Emits a navigation event; returns whether some handler prevented it. */
  navigate(name: string, url: string): boolean {
    let prevented = false;
    const event = { url, preventDefault: () => (prevented = true) };
    for (const handler of this.handlers.get(name) ?? []) handler(event, url);
    return prevented;
  }
}

class FakeBrowserWindow {
  static created: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  loaded: string[] = [];
  events = new Map<string, Handler[]>();
  constructor(readonly options: Record<string, unknown>) {
    FakeBrowserWindow.created.push(this);
  }
  on(name: string, handler: Handler) {
    this.events.set(name, [...(this.events.get(name) ?? []), handler]);
    return this;
  }
  once(name: string, handler: Handler) {
    return this.on(name, handler);
  }
  show = vi.fn();
  isDestroyed = () => false;
  loadURL(url: string) {
    this.loaded.push(url);
    return Promise.resolve();
  }
}

describe('control window', () => {
  it('runs the page sandboxed, context-isolated, without Node, with web security and the preload', () => {
    const options = controlWindowOptions('/opt/ruang-juri/out/preload/index.js');
    expect(options.title).toBe('Ruang Juri');
    expect(options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      preload: '/opt/ruang-juri/out/preload/index.js',
    });
  });

  it('creates the window with those options, loads the app and keeps the title "Ruang Juri"', () => {
    const window = createControlWindow({ BrowserWindow: FakeBrowserWindow as never }, { preloadPath: '/p/preload.js', appUrl: APP_URL }) as unknown as FakeBrowserWindow;
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, preload: '/p/preload.js' });
    expect(window.loaded).toEqual([APP_URL]);
    let prevented = false;
    for (const handler of window.events.get('page-title-updated') ?? []) handler({ preventDefault: () => (prevented = true) }, 'Other title');
    expect(prevented).toBe(true);
  });

  it('prevents navigation to foreign URLs and allows the app page itself (any route)', () => {
    const window = createControlWindow({ BrowserWindow: FakeBrowserWindow as never }, { preloadPath: '/p.js', appUrl: APP_URL }) as unknown as FakeBrowserWindow;
    const contents = window.webContents;
    expect(contents.navigate('will-navigate', 'https://example.com/phish')).toBe(true);
    expect(contents.navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.navigate('will-navigate', 'http://127.0.0.1:4000/')).toBe(true);
    expect(contents.navigate('will-redirect', 'https://example.com/')).toBe(true);
    expect(contents.navigate('will-frame-navigate', 'https://example.com/')).toBe(true);
    expect(contents.navigate('will-navigate', `${APP_URL}#/results`)).toBe(false);
    expect(contents.navigate('will-attach-webview', APP_URL)).toBe(true);
  });

  it('denies every window.open', () => {
    const window = createControlWindow({ BrowserWindow: FakeBrowserWindow as never }, { preloadPath: '/p.js', appUrl: APP_URL }) as unknown as FakeBrowserWindow;
    expect(window.webContents.openHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(window.webContents.openHandler?.({ url: APP_URL })).toEqual({ action: 'deny' });
  });

  it('recognises the app URL: same file for file:, same origin for the dev server', () => {
    expect(isAppUrl(`${APP_URL}?x=1#/a`, APP_URL)).toBe(true);
    expect(isAppUrl('file:///opt/ruang-juri/out/renderer/other.html', APP_URL)).toBe(false);
    expect(isAppUrl('http://localhost:5173/#/session', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isAppUrl('https://localhost:5173/', 'http://localhost:5173/')).toBe(false);
    expect(isAppUrl('javascript:alert(1)', APP_URL)).toBe(false);
    expect(isAppUrl('not a url', APP_URL)).toBe(false);
  });

  it('sets a strict Content-Security-Policy header on every response, replacing any other', () => {
    let listener: ((details: unknown, callback: (response: unknown) => void) => void) | null = null;
    installContentSecurityPolicy({ webRequest: { onHeadersReceived: (l: never) => (listener = l) } } as never, contentSecurityPolicy({ connectSources: ['http://127.0.0.1:4321'] }));
    expect(listener).not.toBeNull();
    let response: { responseHeaders: Record<string, string[]> } | null = null;
    listener!({ responseHeaders: { 'content-security-policy': ["default-src *"], 'X-Other': ['1'] } }, (r) => (response = r as never));
    const headers = response!.responseHeaders;
    expect(headers['X-Other']).toEqual(['1']);
    expect(headers['content-security-policy']).toBeUndefined();
    const policy = headers['Content-Security-Policy'][0];
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toMatch(/connect-src 'self' http:\/\/127\.0\.0\.1:4321/);
    expect(policy).not.toContain('unsafe-eval');
    expect(/script-src[^;]*unsafe-inline/.test(policy)).toBe(false);
  });

  it('grants no permissions but clipboard writing and full screen', () => {
    let request: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
    let check: ((contents: unknown, permission: string) => boolean) | null = null;
    restrictPermissions({ setPermissionRequestHandler: (h: never) => (request = h), setPermissionCheckHandler: (h: never) => (check = h) } as never);
    const granted = (permission: string) => {
      let answer: boolean | null = null;
      request!(null, permission, (g) => (answer = g));
      return answer;
    };
    expect(granted('media')).toBe(false);
    expect(granted('geolocation')).toBe(false);
    expect(granted('openExternal')).toBe(false);
    expect(granted('clipboard-sanitized-write')).toBe(true);
    expect(check!(null, 'notifications')).toBe(false);
  });
});

// ---- IPC bridge -------------------------------------------------------------------------------
describe('IPC bridge', () => {
  const reply: ReplyEnvelope = { id: 'r1', ok: true, output: { actor: { role: 'organiser' } } };
  let handlers: Map<string, (event: unknown, raw: unknown) => Promise<ReplyEnvelope>>;
  let removed: string[];
  let pushListener: PushListener | null;
  let unsubscribed: boolean;
  let core: { handle: ReturnType<typeof vi.fn>; subscribe: (listener: PushListener) => () => void };
  let window: BridgeWindow & { webContents: { send: ReturnType<typeof vi.fn>; mainFrame: { url: string } } };
  let current: typeof window | null;
  let dispose: () => void;

  beforeEach(() => {
    handlers = new Map();
    removed = [];
    pushListener = null;
    unsubscribed = false;
    core = {
      handle: vi.fn(async () => reply),
      subscribe: (listener) => {
        pushListener = listener;
        return () => {
          unsubscribed = true;
        };
      },
    };
    const mainFrame = { url: `${APP_URL}#/setup` };
    window = { isDestroyed: () => false, webContents: { send: vi.fn(), isDestroyed: () => false, mainFrame } } as never;
    current = window;
    dispose = registerIpcBridge({
      ipcMain: { handle: (channel: string, h: never) => handlers.set(channel, h), removeHandler: (channel: string) => removed.push(channel) } as never,
      core: core as never,
      getWindow: () => current,
      isAppUrl: (url) => isAppUrl(url, APP_URL),
    });
  });

  const invoke = (event: unknown, raw: unknown) => {
    const handler = handlers.get(IPC_INVOKE_CHANNEL);
    if (!handler) throw new Error('no handler on the invoke channel');
    return handler(event, raw);
  };
  const fromApp = () => ({ sender: window.webContents, senderFrame: window.webContents.mainFrame });
  const request = { id: 'r1', command: 'auth.whoami', input: {}, locale: 'id' as const };

  it('runs requests from the app window as the organiser and answers with the core reply', async () => {
    await expect(invoke(fromApp(), request)).resolves.toEqual(reply);
    expect(core.handle).toHaveBeenCalledTimes(1);
    expect(core.handle).toHaveBeenCalledWith(ORGANISER, request);
  });

  it('passes a kiosk juror token in the envelope on to the core, which decides who it acts as', async () => {
    const kiosk = { ...request, kioskToken: 'kiosk-token-of-a-juror' };
    await invoke(fromApp(), kiosk);
    expect(core.handle).toHaveBeenCalledWith(ORGANISER, kiosk);
  });

  it('refuses a sender that is not the app window, a subframe, or a frame showing another page', async () => {
    const other = { sender: { send: vi.fn() }, senderFrame: window.webContents.mainFrame };
    const subframe = { sender: window.webContents, senderFrame: { url: `${APP_URL}#/x` } };
    const gone = { sender: window.webContents, senderFrame: null };
    for (const event of [other, subframe, gone]) {
      const answer = await invoke(event, { ...request, id: 'x1' });
      expect(answer).toMatchObject({ id: 'x1', ok: false, error: { code: 'FORBIDDEN' } });
    }
    window.webContents.mainFrame.url = 'https://example.com/';
    await expect(invoke(fromApp(), request)).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    current = null;
    await expect(invoke({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, request)).resolves.toMatchObject({ ok: false });
    expect(core.handle).not.toHaveBeenCalled();
  });

  it('refuses a malformed envelope with a translated VALIDATION error, without calling the core', async () => {
    const answer = await invoke(fromApp(), { id: 'b1', command: 42, locale: 'en' });
    expect(answer).toMatchObject({ id: 'b1', ok: false, error: { code: 'VALIDATION', details: { key: 'badEnvelope' } } });
    expect(answer.ok === false && answer.error.message).toBe('The request could not be read.');
    expect(core.handle).not.toHaveBeenCalled();
  });

  it('checks the sender with isTrustedSender the same way', () => {
    const options = { getWindow: () => window, isAppUrl: (url: string) => isAppUrl(url, APP_URL) };
    expect(isTrustedSender(fromApp() as never, options)).toBe(true);
    expect(isTrustedSender({ sender: {}, senderFrame: window.webContents.mainFrame } as never, options)).toBe(false);
  });

  it('forwards a push to the window only when the organiser may receive it', () => {
    expect(pushListener).not.toBeNull();
    const push: PushEnvelope = { event: 'sheet.changed', payload: { competitionId: 1, entryId: 2, jurorId: 3, status: 'submitted' } };
    const asked: Actor[] = [];
    pushListener!(push, (actor) => (asked.push(actor), true));
    expect(asked).toEqual([ORGANISER]);
    expect(window.webContents.send).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, push);

    window.webContents.send.mockClear();
    pushListener!(push, (actor) => actor.role !== 'organiser');
    expect(window.webContents.send).not.toHaveBeenCalled();

    current = null;
    pushListener!(push, () => true);
    expect(window.webContents.send).not.toHaveBeenCalled();
  });

  it('unregisters the handler and the push subscription when disposed', () => {
    dispose();
    expect(removed).toEqual([IPC_INVOKE_CHANNEL]);
    expect(unsubscribed).toBe(true);
  });
});

// ---- preload ----------------------------------------------------------------------------------
describe('preload', () => {
  type Bridge = { invoke: (command: string, input: unknown, locale?: string) => Promise<unknown>; subscribe: (event: string, cb: (payload: unknown) => void) => () => void };
  const load = async (): Promise<Bridge> => {
    vi.resetModules();
    electron.contextBridge.exposeInMainWorld.mockClear();
    await import('../../electron/preload/index');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [name, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, Bridge];
    expect(name).toBe('ruangJuri');
    return api;
  };

  it('exposes exactly invoke and subscribe, both functions, and no ipcRenderer', async () => {
    const api = await load();
    expect(Object.keys(api).sort()).toEqual(['invoke', 'subscribe']);
    expect(typeof api.invoke).toBe('function');
    expect(typeof api.subscribe).toBe('function');
    expect(Object.values(api)).not.toContain(electron.ipcRenderer);
  });

  it('invoke sends a valid request envelope on the invoke channel and resolves with the reply', async () => {
    const api = await load();
    electron.ipcRenderer.invoke.mockClear();
    const answer = await api.invoke('auth.whoami', {}, 'en');
    await api.invoke('competition.get', { competitionId: 3 });
    const [[channel, first], [, second]] = electron.ipcRenderer.invoke.mock.calls as unknown as [string, { id: string }][];
    expect(channel).toBe(IPC_INVOKE_CHANNEL);
    expect(first).toEqual({ id: expect.any(String), command: 'auth.whoami', input: {}, locale: 'en' });
    expect(second).toMatchObject({ command: 'competition.get', input: { competitionId: 3 } });
    expect(requestEnvelope.safeParse(first).success).toBe(true);
    expect(requestEnvelope.safeParse(second).success).toBe(true);
    expect(first.id).not.toBe(second.id);
    expect(answer).toEqual({ id: first.id, ok: true, output: { echoed: true } });
  });

  it('invoke puts the kiosk juror token, when given, in the envelope', async () => {
    const api = (await load()) as Bridge & { invoke: (command: string, input: unknown, locale?: string, kioskToken?: string) => Promise<unknown> };
    electron.ipcRenderer.invoke.mockClear();
    await api.invoke('scoring.myAssignment', {}, 'id', 'kiosk-token-of-a-juror');
    const [[, envelope]] = electron.ipcRenderer.invoke.mock.calls as unknown as [string, unknown][];
    expect(envelope).toMatchObject({ command: 'scoring.myAssignment', kioskToken: 'kiosk-token-of-a-juror' });
    expect(requestEnvelope.safeParse(envelope).success).toBe(true);
  });

  it('subscribe delivers only the payloads of the chosen event and unsubscribes', async () => {
    const api = await load();
    const received: unknown[] = [];
    const unsubscribe = api.subscribe('sheet.changed', (payload) => received.push(payload));
    const listeners = [...(electron.listeners.get(IPC_EVENT_CHANNEL) ?? [])];
    expect(listeners).toHaveLength(1);
    const emit = (push: PushEnvelope) => listeners.forEach((listener) => listener({ sender: null }, push));
    emit({ event: 'sheet.changed', payload: { entryId: 1 } });
    emit({ event: 'session.changed', payload: { other: true } });
    expect(received).toEqual([{ entryId: 1 }]);
    unsubscribe();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, listeners[0]);
    expect(electron.listeners.get(IPC_EVENT_CHANNEL)?.size).toBe(0);
  });

  it('imports nothing but electron at run time (a sandboxed preload cannot load other modules)', () => {
    const source = readFileSync(join(__dirname, '../../electron/preload/index.ts'), 'utf8');
    const runtimeImports = [...source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    expect(runtimeImports).toEqual(['electron', '@shared/api/channels']);
    expect(source).not.toMatch(/\brequire\s*\(/);
    // The one shared module it bundles must itself import nothing.
    const channels = readFileSync(join(__dirname, '../../shared/api/channels.ts'), 'utf8');
    expect(channels).not.toMatch(/^\s*import\s/m);
  });
});

// ---- command line and Electron binary detection -------------------------------------------------
describe('shell arguments', () => {
  it('reads --data and --port in both spellings and ignores the rest', () => {
    expect(parseShellArgs(['.', '--data', '/tmp/rj', '--port=4321'])).toEqual({ dataDir: '/tmp/rj', port: 4321 });
    expect(parseShellArgs(['--data=/x', '--port', '0', '--inspect'])).toEqual({ dataDir: '/x', port: 0 });
    expect(parseShellArgs(['--port', 'abc', '--data'])).toEqual({});
    expect(parseShellArgs(['--port', '70000'])).toEqual({});
  });
});

describe('findElectronBinary', () => {
  const root = mkdtempSync(join(tmpdir(), 'rj-electron-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const pkg = join(root, 'node_modules', 'electron');

  it('explains why when the package, path.txt or the binary is missing, and finds it when present', async () => {
    const { findElectronBinary } = await import('../../scripts/electron-binary.mjs');
    const env = {};
    const none = findElectronBinary({ root, env });
    expect('missing' in none && none.missing).toMatch(/not installed/);

    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, 'package.json'), '{"name":"electron"}');
    const noPathTxt = findElectronBinary({ root, env });
    expect('missing' in noPathTxt && noPathTxt.missing).toMatch(/path\.txt/);
    expect('missing' in noPathTxt && noPathTxt.missing).not.toMatch(/\n/);

    writeFileSync(join(pkg, 'path.txt'), 'electron');
    const noBinary = findElectronBinary({ root, env });
    expect('missing' in noBinary && noBinary.missing).toMatch(/does not exist/);

    mkdirSync(join(pkg, 'dist'));
    writeFileSync(join(pkg, 'dist', 'electron'), '');
    expect(findElectronBinary({ root, env })).toEqual({ path: join(pkg, 'dist', 'electron') });

    const override = join(root, 'custom');
    expect(findElectronBinary({ root, env: { ELECTRON_OVERRIDE_DIST_PATH: override } })).toHaveProperty('missing');
    mkdirSync(override);
    writeFileSync(join(override, 'electron'), '');
    expect(findElectronBinary({ root, env: { ELECTRON_OVERRIDE_DIST_PATH: override } })).toEqual({ path: join(override, 'electron') });
  });
});
