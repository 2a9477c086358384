/**
 * The desktop stage display without Electron (issue 5): the choice of screen and bounds, the
 * stage window's locks and placement, its read-only display identity on the IPC bridge, and the
 * menu item. Electron objects are stubs; nothing here imports 'electron' at run time.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT_CHANNEL, type PushEnvelope, type ReplyEnvelope } from '@shared/api/envelope';
import { ORGANISER, type Actor } from '@shared/domain/actor';
import type { PushListener } from '../../electron/core/types';
import { registerIpcBridge, senderActor, type BridgeWindow } from '../../electron/main/ipc';
import { applicationMenuTemplate, STAGE_DISPLAY_LABEL } from '../../electron/main/menu';
import { chooseStagePlacement, competitionIdFromAppUrl, samePlacement, stageDisplayUrl, type ScreenInfo } from '../../electron/main/stage-display';
import { applyStagePlacement, controlWindowOptions, createStageWindow, isAppUrl, stageWindowOptions } from '../../electron/main/window';

const APP_URL = 'file:///opt/ruang-juri/out/renderer/index.html';
const laptop: ScreenInfo = { id: 1, internal: true, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 32, width: 1920, height: 1048 } };
const projector: ScreenInfo = { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 720 }, workArea: { x: 1920, y: 0, width: 1280, height: 720 } };
const monitor: ScreenInfo = { id: 3, bounds: { x: -2560, y: 0, width: 2560, height: 1440 }, workArea: { x: -2560, y: 0, width: 2560, height: 1440 } };

describe('choosing the stage screen', () => {
  it('goes full screen on the external screen when the control window is on the laptop', () => {
    expect(chooseStagePlacement([laptop, projector], { primaryId: 1, controlScreenId: 1 })).toEqual({
      displayId: 2,
      bounds: { x: 1920, y: 0, width: 1280, height: 720 },
      fullscreen: true,
    });
  });

  it('never covers the control window: with the control window on the projector, the laptop panel is used', () => {
    expect(chooseStagePlacement([laptop, projector], { primaryId: 1, controlScreenId: 2 })).toMatchObject({ displayId: 1, fullscreen: true });
  });

  it('prefers an external screen to the built-in one, then a non-primary one, then the larger', () => {
    // Control window on the projector: the monitor (external) wins over the laptop panel.
    expect(chooseStagePlacement([laptop, projector, monitor], { primaryId: 1, controlScreenId: 2 }).displayId).toBe(3);
    // Two external screens besides the control one: the non-primary one.
    const primaryMonitor = { ...monitor, id: 4 };
    expect(chooseStagePlacement([laptop, projector, primaryMonitor], { primaryId: 4, controlScreenId: 1 }).displayId).toBe(2);
    // Two equal candidates: the larger.
    expect(chooseStagePlacement([laptop, projector, monitor], { primaryId: 1, controlScreenId: 1 }).displayId).toBe(3);
  });

  it('opens a centred 16:9 window on the only screen, inside its work area', () => {
    const placement = chooseStagePlacement([laptop], { primaryId: 1, controlScreenId: 1 });
    // 70 % of 1920 = 1344 wide, 1344 × 9 / 16 = 756 high, centred in the work area below the 32 px bar.
    expect(placement).toEqual({ displayId: 1, bounds: { x: 288, y: 178, width: 1344, height: 756 }, fullscreen: false });
    const tall = { ...laptop, workArea: { x: 0, y: 0, width: 1920, height: 600 } };
    // Too short for 16:9 at 70 % of the width: 70 % of the height (420), 747 wide.
    expect(chooseStagePlacement([tall], { primaryId: 1, controlScreenId: null }).bounds).toEqual({ x: 587, y: 90, width: 747, height: 420 });
  });

  it('tells a real change of placement from the same one again', () => {
    const before = chooseStagePlacement([laptop], { primaryId: 1, controlScreenId: 1 });
    expect(samePlacement(before, chooseStagePlacement([laptop], { primaryId: 1, controlScreenId: 1 }))).toBe(true);
    expect(samePlacement(before, chooseStagePlacement([laptop, projector], { primaryId: 1, controlScreenId: 1 }))).toBe(false);
  });

  it('builds the display route and reads the competition from the control window URL', () => {
    expect(stageDisplayUrl(`${APP_URL}#/competitions/4/schedule`)).toBe(`${APP_URL}#/display`);
    expect(stageDisplayUrl('http://localhost:5173/')).toBe('http://localhost:5173/#/display');
    expect(competitionIdFromAppUrl(`${APP_URL}#/competitions/12`)).toBe(12);
    expect(competitionIdFromAppUrl(`${APP_URL}#/competitions/12/setup/details`)).toBe(12);
    expect(competitionIdFromAppUrl(`${APP_URL}#/competitions/new`)).toBeNull();
    expect(competitionIdFromAppUrl(`${APP_URL}#/`)).toBeNull();
    expect(competitionIdFromAppUrl('not a url')).toBeNull();
  });
});

describe('the stage window', () => {
  it('has the same locks as the control window and the chosen bounds and full screen', () => {
    const placement = { displayId: 2, bounds: projector.bounds, fullscreen: true };
    const options = stageWindowOptions('/p/preload.js', placement);
    expect(options.webPreferences).toEqual(controlWindowOptions('/p/preload.js').webPreferences);
    expect(options).toMatchObject({ ...projector.bounds, fullscreen: true, show: false });
  });

  it('is created locked down on the display route and shown when painted', () => {
    const events = new Map<string, () => void>();
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    const loaded: string[] = [];
    class FakeWindow {
      webContents = contents;
      show = vi.fn();
      constructor(readonly options: Record<string, unknown>) {}
      on() {
        return this;
      }
      once(name: string, handler: () => void) {
        events.set(name, handler);
        return this;
      }
      loadURL(url: string) {
        loaded.push(url);
        return Promise.resolve();
      }
    }
    const placement = { displayId: 1, bounds: laptop.bounds, fullscreen: false };
    const window = createStageWindow({ BrowserWindow: FakeWindow as never }, { preloadPath: '/p', url: stageDisplayUrl(APP_URL), appUrl: APP_URL, placement }) as unknown as FakeWindow;
    expect(loaded).toEqual([`${APP_URL}#/display`]);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.on).toHaveBeenCalledWith('will-navigate', expect.any(Function));
    events.get('ready-to-show')!();
    expect(window.show).toHaveBeenCalled();
  });

  it('leaves full screen before moving and re-enters it on the new screen', () => {
    const calls: string[] = [];
    let full = true;
    const window = {
      isFullScreen: () => full,
      setFullScreen: (on: boolean) => (calls.push(`fullscreen:${on}`), (full = on)),
      setBounds: (b: { x: number }) => calls.push(`bounds:${b.x}`),
    };
    applyStagePlacement(window as never, { displayId: 3, bounds: monitor.bounds, fullscreen: true });
    expect(calls).toEqual(['fullscreen:false', 'bounds:-2560', 'fullscreen:true']);
    calls.length = 0;
    applyStagePlacement(window as never, { displayId: 1, bounds: laptop.bounds, fullscreen: false });
    expect(calls).toEqual(['fullscreen:false', 'bounds:0']);
  });
});

describe('IPC bridge with a stage window', () => {
  const reply: ReplyEnvelope = { id: 'r1', ok: true, output: {} };
  type Win = BridgeWindow & { webContents: { send: ReturnType<typeof vi.fn>; mainFrame: { url: string } } };
  const fakeWindow = (route: string): Win =>
    ({ isDestroyed: () => false, webContents: { send: vi.fn(), isDestroyed: () => false, mainFrame: { url: `${APP_URL}${route}` } } }) as never;
  let control: Win;
  let stageWindow: Win;
  let stage: { window: Win; competitionId: number } | null;
  let handler: (event: unknown, raw: unknown) => Promise<ReplyEnvelope>;
  let push: PushListener;
  let core: { handle: ReturnType<typeof vi.fn>; subscribe: (listener: PushListener) => () => void };

  beforeEach(() => {
    control = fakeWindow('#/competitions/4');
    stageWindow = fakeWindow('#/display');
    stage = { window: stageWindow, competitionId: 4 };
    core = {
      handle: vi.fn(async () => reply),
      subscribe: (listener) => {
        push = listener;
        return () => {};
      },
    };
    registerIpcBridge({
      ipcMain: { handle: (_channel: string, h: never) => (handler = h), removeHandler: () => {} } as never,
      core: core as never,
      getWindow: () => control,
      getStageWindow: () => stage,
      isAppUrl: (url) => isAppUrl(url, APP_URL),
    });
  });
  const from = (w: Win) => ({ sender: w.webContents, senderFrame: w.webContents.mainFrame });
  const request = { id: 'r1', command: 'display.state', input: {} };

  it('runs the stage window as the display of its competition, and the control window as the organiser', async () => {
    await handler(from(stageWindow), request);
    await handler(from(control), request);
    expect(core.handle.mock.calls.map((c) => c[0])).toEqual([{ role: 'display', competitionId: 4 }, ORGANISER]);
  });

  it('refuses the stage window once it is closed, or when it shows a foreign page', async () => {
    stageWindow.webContents.mainFrame.url = 'https://example.com/';
    expect(await handler(from(stageWindow), request)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    stageWindow.webContents.mainFrame.url = `${APP_URL}#/display`;
    stage = null;
    expect(await handler(from(stageWindow), request)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(core.handle).not.toHaveBeenCalled();
    expect(senderActor(from(stageWindow) as never, { getWindow: () => control, isAppUrl: (url) => isAppUrl(url, APP_URL) })).toBeNull();
  });

  it('sends each window only the pushes its own actor may receive', () => {
    const event: PushEnvelope = { event: 'timer.changed', payload: { competitionId: 4 } };
    const asked: Actor[] = [];
    // Pretend only display actors may receive it.
    push(event, (actor) => (asked.push(actor), actor.role === 'display'));
    expect(asked).toEqual([ORGANISER, { role: 'display', competitionId: 4 }]);
    expect(stageWindow.webContents.send).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, event);
    expect(control.webContents.send).not.toHaveBeenCalled();
  });
});

describe('menu', () => {
  it('offers "Tampilkan di layar panggung" in the view menu when the shell can open it', () => {
    const onStageDisplay = vi.fn();
    const view = applicationMenuTemplate({ dev: false, platform: 'linux', onStageDisplay }).find((m) => m.label === 'Tampilan')!;
    const item = (view.submenu as { label?: string; click?: () => void }[]).find((i) => i.label === STAGE_DISPLAY_LABEL)!;
    item.click!();
    expect(onStageDisplay).toHaveBeenCalledTimes(1);
    const without = applicationMenuTemplate({ dev: false, platform: 'linux' }).find((m) => m.label === 'Tampilan')!;
    expect((without.submenu as { label?: string }[]).some((i) => i.label === STAGE_DISPLAY_LABEL)).toBe(false);
  });
});
