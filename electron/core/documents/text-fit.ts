/**
 * Free text that goes into fixed layouts (table cells, a one-page certificate): an entry title may
 * be 2,000 characters long, which would push a table row past a page or a certificate onto two.
 */

/** Characters of an entry title or unit documents print; longer ones end in "…". */
export const PRINT_TEXT_MAX = 300;
/** Longer unbroken runs (a pasted URL) get break opportunities so they wrap inside their cell. */
const LONGEST_WORD = 20;

/** Clipped at a word boundary near `max` with an ellipsis; overlong words made breakable (zero-width spaces). */
export function fitText(text: string, max = PRINT_TEXT_MAX): string {
  const breakable = text.replace(new RegExp(`\\S{${LONGEST_WORD}}(?=\\S)`, 'g'), (run) => `${run}\u200b`);
  if (text.length <= max) return breakable;
  const cut = text.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  const clipped = (lastSpace > max * 0.8 ? cut.slice(0, lastSpace) : cut).trimEnd();
  return `${fitText(clipped, max)}…`;
}
