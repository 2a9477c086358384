/**
 * The scoring windows of the open stage as a device sees them (issue 5): read from the core with
 * its clock reading, re-read when the timer or a window changes, and turned closed on this
 * device's own clock when an end passes (no event is needed for that). Advisory: the core decides.
 */
import { ref, shallowRef } from 'vue';
import type { WindowView } from '@shared/api/window-commands';
import { windowAt, type EntryWindow } from '@shared/window';
import type { ApiClient } from '../../api';
import { coalesce } from '../../lib/refresh';

export function useScoringWindow(api: ApiClient, competitionId: () => number | undefined) {
  const view = shallowRef<WindowView | null>(null);
  /** Core time ≈ device time + offset (half the round trip taken as the core's reading time). */
  const offsetMs = ref(0);
  /** Device time, ticking each second while watched, so countdowns and closing move on their own. */
  const clock = ref(Date.now());

  const fetch = coalesce(async () => {
    const id = competitionId();
    if (id === undefined) return;
    const sent = Date.now();
    const next = await api.invoke('window.state', { competitionId: id });
    offsetMs.value = next.serverNow - (sent + Date.now()) / 2;
    clock.value = Date.now();
    view.value = next;
  });
  /** A failed read (offline) keeps the last windows. */
  const refresh = () => fetch().catch(() => undefined);

  const windowOf = (entryId: number): EntryWindow | null => {
    const w = view.value?.entries.find((e) => e.entryId === entryId);
    return w ? windowAt(w, clock.value, offsetMs.value) : null;
  };

  function watchLive(): () => void {
    const tick = setInterval(() => (clock.value = Date.now()), 1000);
    const stops = [api.subscribe('window.changed', () => void refresh()), api.subscribe('timer.changed', () => void refresh())];
    return () => {
      clearInterval(tick);
      stops.forEach((stop) => stop());
    };
  }

  return { view, offsetMs, clock, refresh, windowOf, watchLive };
}
