/** Seconds as "m:ss" (7:00, 0:30), and back; plain minutes ("7") are read too. */
export const clockText = (seconds: number): string => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

export function parseClock(text: string): number | null {
  const m = /^\s*(\d{1,4})(?::([0-5]\d))?\s*$/.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2] ?? 0) : null;
}
