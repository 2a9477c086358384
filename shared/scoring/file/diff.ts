/**
 * `--check`: compares the results a file carries (as exported from a finalised stage) with a fresh
 * recomputation. Compared, where the file has them: each entry's rank, total, tie, status and
 * category, and per criterion the aggregate, the weighted value and the dropped jurors; numbers are
 * compared as exact decimals ("86.4" equals "86.40"). Quality figures are advisory and not compared.
 */
import { z } from 'zod';
import { exactText, parseDecimal } from '../text';
import { ScoringFileError } from './read';
import type { Json } from './result';

const storedEntry = z.looseObject({
  entry: z.string({ error: 'is required' }),
  rank: z.unknown(),
  total: z.unknown(),
  tie: z.unknown().optional(),
  status: z.unknown().optional(),
  category: z.unknown().optional(),
  criteria: z.record(z.string(), z.looseObject({ aggregate: z.unknown().optional(), weighted: z.unknown().optional(), dropped: z.unknown().optional() })).optional(),
});
const storedResults = z.looseObject({
  format: z.literal('ruang-juri/result@1', { error: 'must be "ruang-juri/result@1"' }),
  entries: z.array(storedEntry),
  stages: z.array(z.looseObject({ stage: z.string(), entries: z.array(storedEntry) })).optional(),
});
type StoredEntry = z.output<typeof storedEntry>;

/** Canonical text of a stored or computed value: exact decimal when it is a number, else its JSON. */
function canon(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  const decimal = typeof value === 'string' || typeof value === 'number' ? parseDecimal(String(value)) : null;
  if (decimal) return exactText(decimal);
  if (Array.isArray(value)) return JSON.stringify([...value].map(String).sort());
  return JSON.stringify(value);
}

const show = (value: unknown) => (value === undefined ? 'absent' : JSON.stringify(value));

function diffEntries(stored: StoredEntry[], computed: Json[], where: string): string[] {
  const out: string[] = [];
  const byId = new Map((computed as { [k: string]: Json }[]).map((e) => [e.entry as string, e]));
  const seen = new Set<string>();
  for (const s of stored) {
    seen.add(s.entry);
    const c = byId.get(s.entry);
    if (!c) {
      out.push(`${where}${s.entry}: in the file, not in the recomputed results`);
      continue;
    }
    const compareField = (label: string, a: unknown, b: unknown) => {
      if (canon(a) !== canon(b)) out.push(`${where}${s.entry} ${label}: file ${show(a)}, recomputed ${show(b)}`);
    };
    compareField('rank', s.rank, c.rank);
    compareField('total', s.total, c.total);
    for (const key of ['tie', 'status', 'category'] as const) if (s[key] !== undefined) compareField(key, s[key], c[key]);
    const criteria = (c.criteria ?? {}) as { [id: string]: { [k: string]: Json } };
    for (const [id, sc] of Object.entries(s.criteria ?? {})) {
      for (const key of ['aggregate', 'weighted', 'dropped'] as const)
        if (sc[key] !== undefined) compareField(`criteria.${id}.${key}`, sc[key], criteria[id]?.[key]);
    }
  }
  for (const id of byId.keys()) if (!seen.has(id)) out.push(`${where}${id}: recomputed, but not in the file's results`);
  return out;
}

/** Differences between the file's `results` and the recomputed result@1 (empty: they agree). */
export function diffResults(results: unknown, recomputed: { entries: Json[]; stages?: { stage: string; entries: Json[] }[] }): string[] {
  const parsed = storedResults.safeParse(results);
  if (!parsed.success) throw new ScoringFileError(parsed.error.issues.map((i) => ({ path: ['results', ...(i.path as (string | number)[])], message: i.message })));
  const out = diffEntries(parsed.data.entries, recomputed.entries, '');
  for (const stage of parsed.data.stages ?? []) {
    const computed = recomputed.stages?.find((s) => s.stage === stage.stage);
    if (!computed) out.push(`stage ${stage.stage}: in the file, not in the recomputed results`);
    else out.push(...diffEntries(stage.entries, computed.entries, `stage ${stage.stage}: `));
  }
  return out;
}
