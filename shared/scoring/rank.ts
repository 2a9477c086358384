/**
 * Ranking within one category on the printed total, then the configured tie-break rules in order:
 * - `criterion:<id>`: the higher value on that criterion (its aggregate across jurors);
 * - `median`: the higher median of the counted jurors' totals;
 * - `headToHead`: the entry preferred by a majority of the jurors who scored both (within a group of
 *   three or more: the entry beating more of the others that way);
 * - `chair`: the chair's recorded decision, when one lists every entry of the tie;
 * - `stage:<id>` (stage combination): the higher printed total of that stage.
 * Entries a rule cannot separate go on to the next rule; entries no rule separates share the rank
 * (1, 2, 2, 4) and are flagged as tied.
 */
import { compare, type Rational } from './rational';
import { exactText } from './text';
import type { ChairDecision, EntryScore } from './types';

export interface TieContext {
  /** The value an entry has under a value rule (`criterion:<id>`, `median`, `stage:<id>`); null: none. */
  valueOf(rule: string, entry: EntryScore): Rational | null;
  /** > 0 when more jurors who scored both put `a` above `b` than the other way round. */
  headToHead?(a: EntryScore, b: EntryScore): number;
  decisions: readonly ChairDecision[];
  warnings: string[];
}

interface Split {
  groups: EntryScore[][];
  values: Map<EntryScore, string>;
}

function splitBy(group: EntryScore[], key: (e: EntryScore) => Rational | null, text: (e: EntryScore) => string | undefined): Split {
  const keyed = group.map((entry) => ({ entry, value: key(entry) }));
  // Higher first; an entry without a value goes after those with one.
  const order = (a: Rational | null, b: Rational | null) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : compare(b, a));
  keyed.sort((a, b) => order(a.value, b.value));
  const groups: EntryScore[][] = [];
  keyed.forEach((item, i) => {
    if (i > 0 && order(keyed[i - 1].value, item.value) === 0) groups[groups.length - 1].push(item.entry);
    else groups.push([item.entry]);
  });
  const values = new Map<EntryScore, string>();
  for (const { entry } of keyed) {
    const t = text(entry);
    if (t !== undefined) values.set(entry, t);
  }
  return { groups, values };
}

function applyRule(rule: string, group: EntryScore[], ctx: TieContext): Split {
  if (rule === 'headToHead') {
    const wins = new Map(group.map((a) => [a, group.filter((b) => b !== a && ctx.headToHead!(a, b) > 0).length]));
    return splitBy(group, (e) => ({ num: BigInt(wins.get(e)!), den: 1n }), (e) => `beats ${wins.get(e)} of ${group.length - 1}`);
  }
  if (rule === 'chair') {
    const ids = group.map((e) => e.entry);
    const decision = ctx.decisions.find((d) => ids.every((id) => d.order.includes(id)));
    if (!decision) {
      ctx.warnings.push(`no chair decision lists all of the tied entries ${ids.join(', ')}`);
      return { groups: [group], values: new Map() };
    }
    const position = (e: EntryScore) => decision.order.indexOf(e.entry);
    return splitBy(group, (e) => ({ num: BigInt(-position(e)), den: 1n }), (e) => `chair: ${position(e) + 1} of ${group.length}`);
  }
  return splitBy(
    group,
    (e) => ctx.valueOf(rule, e),
    (e) => {
      const v = ctx.valueOf(rule, e);
      return v === null ? undefined : exactText(v);
    },
  );
}

function breakTies(group: EntryScore[], rules: readonly string[], index: number, ctx: TieContext): EntryScore[][] {
  if (group.length === 1 || index === rules.length) return [group];
  const rule = rules[index];
  const { groups, values } = applyRule(rule, group, ctx);
  for (const entry of group) {
    const own = groups.find((g) => g.includes(entry))!;
    entry.tieBreak.push({
      rule,
      tiedWith: group.filter((e) => e !== entry).map((e) => e.entry),
      ...(values.has(entry) ? { value: values.get(entry) } : {}),
      decided: own.length === 1,
    });
  }
  return groups.flatMap((g) => breakTies(g, rules, index + 1, ctx));
}

/** Ranks the ranked entries of one category by `key` (higher is better), breaking ties by `rules`. */
export function rankCategory(entries: readonly EntryScore[], key: (e: EntryScore) => Rational, rules: readonly string[], ctx: TieContext): void {
  const sorted = [...entries].sort((a, b) => compare(key(b), key(a)));
  let position = 1;
  for (let i = 0; i < sorted.length; ) {
    let end = i + 1;
    while (end < sorted.length && compare(key(sorted[end]), key(sorted[i])) === 0) end++;
    for (const sub of breakTies(sorted.slice(i, end), rules, 0, ctx)) {
      for (const entry of sub) {
        entry.rank = position;
        entry.tie = sub.length > 1;
      }
      if (sub.length > 1) ctx.warnings.push(`unresolved tie at rank ${position}${sub[0].category ? ` in ${sub[0].category}` : ''}: ${sub.map((e) => e.entry).join(', ')}`);
      position += sub.length;
    }
    i = end;
  }
}
