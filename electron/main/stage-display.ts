/**
 * Where the stage display window goes (issue 5), as pure functions of the screens Electron reports,
 * so the choice is unit-tested without Electron: full screen on a screen other than the one the
 * control window is on (an external one, the projector, first), else a normal window beside it.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The parts of Electron's Display the choice needs. */
export interface ScreenInfo {
  id: number;
  bounds: Rect;
  workArea: Rect;
  /** True for a laptop's built-in panel (Electron reports it where it can tell). */
  internal?: boolean;
}

export interface StagePlacement {
  displayId: number;
  bounds: Rect;
  fullscreen: boolean;
}

/** The windowed display's share of its screen's work area, at 16:9 like a projector. */
const WINDOWED_SHARE = 0.7;

const area = (r: Rect) => r.width * r.height;

/**
 * The screen for the stage: any screen but the control window's one, preferring external over
 * built-in, then non-primary, then the largest. Without one (a single screen), a 16:9 window
 * centred on the control window's screen.
 */
export function chooseStagePlacement(screens: readonly ScreenInfo[], options: { primaryId: number; controlScreenId: number | null }): StagePlacement {
  const controlId = options.controlScreenId ?? options.primaryId;
  const others = screens.filter((s) => s.id !== controlId);
  if (others.length > 0) {
    const rank = (s: ScreenInfo) => [s.internal === true ? 1 : 0, s.id === options.primaryId ? 1 : 0, -area(s.bounds)];
    const best = [...others].sort((a, b) => {
      const [ra, rb] = [rank(a), rank(b)];
      for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
      return a.id - b.id;
    })[0]!;
    return { displayId: best.id, bounds: { ...best.bounds }, fullscreen: true };
  }
  const home = screens.find((s) => s.id === controlId) ?? screens[0];
  if (!home) return { displayId: controlId, bounds: { x: 0, y: 0, width: 1280, height: 720 }, fullscreen: false };
  const work = home.workArea;
  let width = Math.round(work.width * WINDOWED_SHARE);
  let height = Math.round((width * 9) / 16);
  if (height > work.height) {
    height = Math.round(work.height * WINDOWED_SHARE);
    width = Math.round((height * 16) / 9);
  }
  return {
    displayId: home.id,
    bounds: { x: work.x + Math.round((work.width - width) / 2), y: work.y + Math.round((work.height - height) / 2), width, height },
    fullscreen: false,
  };
}

/** Whether a re-placement after a screen change would move the window at all. */
export const samePlacement = (a: StagePlacement, b: StagePlacement): boolean =>
  a.displayId === b.displayId &&
  a.fullscreen === b.fullscreen &&
  a.bounds.x === b.bounds.x &&
  a.bounds.y === b.bounds.y &&
  a.bounds.width === b.bounds.width &&
  a.bounds.height === b.bounds.height;

/** The app's URL on the stage display route (hash routing: the same for file: and the dev server). */
export function stageDisplayUrl(appUrl: string): string {
  const url = new URL(appUrl);
  url.hash = '#/display';
  return url.href;
}

/** The competition the control window shows (`#/competitions/<id>…`), for the menu item; null elsewhere. */
export function competitionIdFromAppUrl(url: string): number | null {
  let hash: string;
  try {
    hash = new URL(url).hash;
  } catch {
    return null;
  }
  const match = /^#\/competitions\/(\d+)(?:[/?]|$)/.exec(hash);
  return match ? Number(match[1]) : null;
}
