/**
 * Names as printed on award certificates, where the rules forbid academic titles: "Dr. Ratna Sari"
 * and "Maya Putri, M.Si." become "Ratna Sari" and "Maya Putri". Honorifics that are not academic
 * (H., Hj. for those who made the pilgrimage) stay.
 */

/** Titles written before the name; `dr.`/`drg.` (physician, dentist) are lower case. */
const PREFIX_TITLES = new Set(['prof.', 'dr.', 'drs.', 'dra.', 'ir.', 'drg.', 'apt.', 'prof', 'dr', 'drs', 'dra', 'ir']);

/**
 * Titles written after the name: Indonesian degrees are abbreviations with dots ("S.Kom", "M.Si.",
 * "S.E.", "Sp.A", "Ph.D."), foreign ones often plain capitals ("MBA", "MPA", "MSc", "PhD").
 */
const SUFFIX_TITLE = /^(?:(?:[SMBD]|Sp|Ph|Dipl)\.[A-Za-z.()]*|[A-Z][a-z]?\.(?:[A-Z][A-Za-z]*\.?)+|MBA|MPA|MSc|MA|MM|MT|MH|MSi|PhD|BSc|BA|LLM|SE|SH|ST|SIP|SKM|Ak\.?|CA|CPA|CFP)$/;

const isSuffixTitle = (part: string): boolean => part.length > 0 && part.split(/\s+/).every((token) => SUFFIX_TITLE.test(token));

export function stripAcademicTitles(name: string): string {
  // Everything after the first comma that reads as degrees goes; a comma inside a name (rare) stays.
  const [head, ...rest] = name.split(',').map((part) => part.trim());
  const kept = rest.findIndex((part) => !isSuffixTitle(part));
  const tail = kept === -1 ? [] : rest.slice(kept);
  const tokens = head.split(/\s+/).filter(Boolean);
  while (tokens.length > 1 && PREFIX_TITLES.has(tokens[0].toLowerCase())) tokens.shift();
  while (tokens.length > 1 && SUFFIX_TITLE.test(tokens.at(-1)!)) tokens.pop();
  return [tokens.join(' '), ...tail].join(', ');
}
