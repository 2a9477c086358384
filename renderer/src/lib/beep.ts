/** Timer sounds generated with WebAudio (no files, works offline); muted per device. */
import { ref, watch } from 'vue';
import type { TimerLevel } from '@shared/timer';

const MUTE_KEY = 'ruang-juri.timerMuted';
const readMuted = (): boolean => {
  try {
    return localStorage.getItem(MUTE_KEY) === '1';
  } catch {
    return false;
  }
};
export const soundMuted = ref(readMuted());
watch(soundMuted, (muted) => {
  try {
    localStorage.setItem(MUTE_KEY, muted ? '1' : '0');
  } catch {
    /* private mode: the choice lasts for this page */
  }
});

let context: AudioContext | null = null;
function audio(): AudioContext | null {
  const Ctor = typeof window !== 'undefined' ? (window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext) : undefined;
  if (!Ctor) return null;
  try {
    context ??= new Ctor();
    if (context.state === 'suspended') void context.resume();
    return context;
  } catch {
    return null;
  }
}

function tone(ctx: AudioContext, at: number, frequency: number, seconds: number) {
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = 'sine';
  osc.frequency.value = frequency;
  // A soft attack and release: no click.
  gain.gain.setValueAtTime(0.0001, at);
  gain.gain.exponentialRampToValueAtTime(0.35, at + 0.01);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + seconds);
  osc.connect(gain).connect(ctx.destination);
  osc.start(at);
  osc.stop(at + seconds + 0.02);
}

/** One beep at yellow, two at red, a long low one at overtime. */
export function playCue(level: TimerLevel): void {
  const ctx = audio();
  if (!ctx) return;
  const t = ctx.currentTime + 0.02;
  if (level === 'warn') tone(ctx, t, 880, 0.18);
  else if (level === 'danger') {
    tone(ctx, t, 988, 0.15);
    tone(ctx, t + 0.25, 988, 0.15);
  } else if (level === 'overtime') tone(ctx, t, 523, 0.7);
}

/** Unlocks audio inside a user gesture (browsers start audio contexts suspended). */
export function unlockAudio(): void {
  audio();
}
