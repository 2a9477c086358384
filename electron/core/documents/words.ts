/**
 * Numbers in words for the opening of a Berita Acara ("tanggal sembilan bulan November tahun dua
 * ribu dua puluh dua"), as Indonesian minutes spell the date out. English spells the day as an
 * ordinal-free number and keeps the year in digits, which is how English minutes read.
 */
import type { Locale } from '@shared/i18n';

const UNITS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh', 'sebelas'];

/** 0 – 999 999 in Indonesian words ("dua ribu dua puluh dua"). */
export function indonesianWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1_000_000) throw new RangeError(`${n}`);
  if (n < 12) return UNITS[n];
  if (n < 20) return `${UNITS[n - 10]} belas`;
  if (n < 100) return join(`${UNITS[Math.floor(n / 10)]} puluh`, n % 10);
  if (n < 200) return join('seratus', n - 100);
  if (n < 1000) return join(`${UNITS[Math.floor(n / 100)]} ratus`, n % 100);
  if (n < 2000) return join('seribu', n - 1000);
  return join(`${indonesianWords(Math.floor(n / 1000))} ribu`, n % 1000);
}

const join = (head: string, rest: number): string => (rest === 0 ? head : `${head} ${indonesianWords(rest)}`);

/** The parts of a date the Berita Acara opening spells out, in the document's language. */
export function dateInWords(date: Date, locale: Locale): { weekday: string; dayWords: string; month: string; yearWords: string } {
  const part = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', options).format(date);
  if (locale === 'id')
    return {
      weekday: part({ weekday: 'long' }),
      dayWords: indonesianWords(date.getDate()),
      month: part({ month: 'long' }),
      yearWords: indonesianWords(date.getFullYear()),
    };
  return { weekday: part({ weekday: 'long' }), dayWords: String(date.getDate()), month: part({ month: 'long' }), yearWords: String(date.getFullYear()) };
}
