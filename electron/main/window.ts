/**
 * The control window and its locks: sandboxed renderer, no Node, the preload as the only bridge,
 * navigation kept on the app's own page, new windows denied, a strict Content-Security-Policy.
 * Electron objects come in as parameters so the rules are unit-tested with stubs.
 */
import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  Event,
  Session,
  WebContents,
  WebContentsWillNavigateEventParams,
} from 'electron';
import type { StagePlacement } from './stage-display';

export const WINDOW_TITLE = 'Ruang Juri';
export const STAGE_WINDOW_TITLE = 'Ruang Juri — Layar panggung';

/** The same locks for every window of the app: sandboxed, isolated, no Node, the preload as the only bridge. */
function lockedWebPreferences(preloadPath: string): BrowserWindowConstructorOptions['webPreferences'] {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

export function controlWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: lockedWebPreferences(preloadPath),
  };
}

/** The stage display window: placed by chooseStagePlacement, dark like the face it shows, no menu bar. */
export function stageWindowOptions(preloadPath: string, placement: StagePlacement): BrowserWindowConstructorOptions {
  return {
    title: STAGE_WINDOW_TITLE,
    ...placement.bounds,
    fullscreen: placement.fullscreen,
    autoHideMenuBar: true,
    show: false,
    backgroundColor: '#071419',
    webPreferences: lockedWebPreferences(preloadPath),
  };
}

/**
 * Is `url` the app itself? http(s): the same origin as the app (the dev server). file: the same
 * index.html (query and hash are routes, not other pages). Anything else is foreign.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  let target: URL;
  let app: URL;
  try {
    target = new URL(url);
    app = new URL(appUrl);
  } catch {
    return false;
  }
  if (target.protocol !== app.protocol) return false;
  if (app.protocol === 'file:') return target.host === app.host && decodeURIComponent(target.pathname) === decodeURIComponent(app.pathname);
  if (app.protocol === 'http:' || app.protocol === 'https:') return target.origin === app.origin;
  return false;
}

type NavigationEvent = Event<WebContentsWillNavigateEventParams>;

const lockedDown = new WeakSet<WebContents>();

/**
 * Keeps a window's web contents on the app: foreign navigation, redirects, webviews and popups are
 * refused. Idempotent (main also applies it to every web contents created).
 */
export function lockDownWebContents(contents: WebContents, appUrl: string): void {
  if (lockedDown.has(contents)) return;
  lockedDown.add(contents);
  const guard = (event: NavigationEvent, legacyUrl?: string) => {
    const url = event.url ?? legacyUrl ?? '';
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', (event) => guard(event as unknown as NavigationEvent));
  contents.on('will-redirect', (event, legacyUrl) => guard(event as unknown as NavigationEvent, legacyUrl));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export interface CspOptions {
  /** Extra origins the page may connect to (the local LAN server, the dev server's websocket). */
  connectSources?: readonly string[];
}

/** The policy for the desktop window: only the app's own scripts; no plugins, no framing, no forms. */
export function contentSecurityPolicy(options: CspOptions = {}): string {
  const connect = ["'self'", ...(options.connectSources ?? [])].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    "media-src 'self' data: blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self' blob:",
  ].join('; ');
}

/** Adds the CSP header to every response the session receives (the built page also carries it in a meta tag). */
export function installContentSecurityPolicy(session: Pick<Session, 'webRequest'>, policy: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...(details.responseHeaders ?? {}) };
    for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [policy] } });
  });
}

/** Permissions a page may get: copying juror links and full screen for the stage display. Nothing else. */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'fullscreen']);

export function restrictPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(ALLOWED_PERMISSIONS.has(permission)));
  session.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.has(permission));
}

export interface ControlWindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
}

/** Creates the control window, locks it down, shows it when painted and loads the app. */
export function createControlWindow(deps: ControlWindowDeps, options: { preloadPath: string; appUrl: string }): BrowserWindow {
  const window = new deps.BrowserWindow(controlWindowOptions(options.preloadPath));
  lockDownWebContents(window.webContents, options.appUrl);
  // The page's <title> must not rename the window: it is always "Ruang Juri".
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.appUrl).catch((error: unknown) => {
    console.error('[ruang-juri] could not load the interface:', error);
  });
  return window;
}

/** Moves the stage window to a new placement (a screen was added or removed). */
export function applyStagePlacement(window: Pick<BrowserWindow, 'isFullScreen' | 'setFullScreen' | 'setBounds'>, placement: StagePlacement): void {
  // Bounds only move a window that is not full screen; full screen then fills the screen it is on.
  if (window.isFullScreen()) window.setFullScreen(false);
  window.setBounds(placement.bounds);
  if (placement.fullscreen) window.setFullScreen(true);
}

/** Creates the stage display window on `url` (the app's #/display route), locked down like the control window. */
export function createStageWindow(deps: ControlWindowDeps, options: { preloadPath: string; url: string; appUrl: string; placement: StagePlacement }): BrowserWindow {
  const window = new deps.BrowserWindow(stageWindowOptions(options.preloadPath, options.placement));
  lockDownWebContents(window.webContents, options.appUrl);
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.url).catch((error: unknown) => {
    console.error('[ruang-juri] could not load the stage display:', error);
  });
  return window;
}
