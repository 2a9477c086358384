/**
 * Cross-checks of a scoring file that a shape cannot express: unique ids, references, marks within
 * their criterion's scale and step, one mark per entry, juror and criterion, and method settings that
 * fit together. Each problem names its field ("marks[3].juror").
 */
import { compare, div, sub } from '../rational';
import type { MethodDocument, ScoringDocument, StageDocument } from './schema';

export interface FileIssue {
  path: (string | number)[];
  message: string;
}

function unique(items: readonly { id: string }[], path: (string | number)[], issues: FileIssue[]): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) issues.push({ path: [...path, i, 'id'], message: `duplicate id "${item.id}"` });
    seen.add(item.id);
  });
  return seen;
}

function checkMethod(method: MethodDocument, block: Pick<StageDocument, 'criteria' | 'marks'>, path: (string | number)[], issues: FileIssue[]) {
  const at = (...rest: (string | number)[]) => [...path, 'method', ...rest];
  const criterionIds = new Set(block.criteria.map((c) => c.id));
  if (method.aggregate === 'skating') {
    if (block.criteria.length !== 1) issues.push({ path: at('aggregate'), message: 'skating takes exactly one criterion (one dance; rules 9–11 are not implemented)' });
    if (method.trim) issues.push({ path: at('trim'), message: 'skating drops no marks: trim must be 0' });
    if (method.normalize !== 'none') issues.push({ path: at('normalize'), message: 'skating uses placements: normalize must be "none"' });
    block.marks.forEach((m, i) => {
      if (m.value.den !== 1n || m.value.num < 1n) issues.push({ path: [...path, 'marks', i, 'value'], message: 'a placement must be a whole number from 1' });
    });
  }
  if (method.level === 'total' && method.rounding.aggregate !== null)
    issues.push({ path: at('rounding', 'aggregate'), message: 'applies to level "criterion" only; at level "total" use rounding.juror' });
  if (method.level === 'criterion' && method.rounding.juror !== null)
    issues.push({ path: at('rounding', 'juror'), message: 'applies to level "total" only' });
  method.tieBreak.forEach((rule, i) => {
    if (rule.startsWith('criterion:') && !criterionIds.has(rule.slice('criterion:'.length)))
      issues.push({ path: at('tieBreak', i), message: `unknown criterion "${rule.slice('criterion:'.length)}"` });
  });
}

/** Marks, conflicts and method of one block (the file itself, or one of its stages). */
function checkBlock(doc: ScoringDocument, block: StageDocument | (Omit<StageDocument, 'id' | 'weight' | 'method'> & { method: MethodDocument }), path: (string | number)[], issues: FileIssue[]) {
  const jurorIds = new Set(doc.jurors.map((j) => j.id));
  const entryIds = new Set(block.entries ?? doc.entries.map((e) => e.id));
  const criteria = new Map(block.criteria.map((c) => [c.id, c]));
  unique(block.criteria, [...path, 'criteria'], issues);
  block.criteria.forEach((c, i) => {
    if (c.min && c.max && compare(c.min, c.max) >= 0) issues.push({ path: [...path, 'criteria', i, 'max'], message: 'must be greater than min' });
    if (c.step && c.step.num <= 0n) issues.push({ path: [...path, 'criteria', i, 'step'], message: 'must be greater than 0' });
  });
  (block.entries ?? []).forEach((id, i) => {
    if (!doc.entries.some((e) => e.id === id)) issues.push({ path: [...path, 'entries', i], message: `unknown entry "${id}"` });
  });
  const seen = new Set<string>();
  block.marks.forEach((m, i) => {
    const at = [...path, 'marks', i];
    if (!entryIds.has(m.entry)) issues.push({ path: [...at, 'entry'], message: `unknown entry "${m.entry}"${block.entries ? ' in this stage' : ''}` });
    if (!jurorIds.has(m.juror)) issues.push({ path: [...at, 'juror'], message: `unknown juror "${m.juror}"` });
    const criterion = criteria.get(m.criterion);
    if (!criterion) issues.push({ path: [...at, 'criterion'], message: `unknown criterion "${m.criterion}"` });
    const key = `${m.entry}\u0000${m.juror}\u0000${m.criterion}`;
    if (seen.has(key)) issues.push({ path: at, message: `a second mark for entry "${m.entry}", juror "${m.juror}", criterion "${m.criterion}"` });
    seen.add(key);
    if (!criterion) return;
    if ((criterion.min && compare(m.value, criterion.min) < 0) || (criterion.max && compare(m.value, criterion.max) > 0))
      issues.push({ path: [...at, 'value'], message: `outside the criterion's scale` });
    else if (criterion.step && criterion.step.num > 0n && div(sub(m.value, criterion.min ?? { num: 0n, den: 1n }), criterion.step).den !== 1n)
      issues.push({ path: [...at, 'value'], message: `not on the criterion's step` });
  });
  block.conflicts.forEach((c, i) => {
    if (!entryIds.has(c.entry)) issues.push({ path: [...path, 'conflicts', i, 'entry'], message: `unknown entry "${c.entry}"` });
    if (!jurorIds.has(c.juror)) issues.push({ path: [...path, 'conflicts', i, 'juror'], message: `unknown juror "${c.juror}"` });
  });
  checkMethod(block.method, block, path, issues);
}

export function checkDocument(doc: ScoringDocument): FileIssue[] {
  const issues: FileIssue[] = [];
  unique(doc.jurors, ['jurors'], issues);
  const entryIds = unique(doc.entries, ['entries'], issues);
  if (doc.stages) {
    if (doc.criteria || doc.method || doc.marks.length)
      issues.push({ path: ['stages'], message: 'give either criteria, marks and method, or stages — not both' });
    const stageIds = unique(doc.stages, ['stages'], issues);
    doc.stages.forEach((stage, s) => {
      checkBlock(doc, stage, ['stages', s], issues);
      if (stage.method.aggregate === 'skating' && doc.stages!.length > 1)
        issues.push({ path: ['stages', s, 'method', 'aggregate'], message: 'Skating System places cannot be combined by stage weight' });
    });
    (doc.combine?.tieBreak ?? []).forEach((rule, i) => {
      if (rule.startsWith('stage:') && !stageIds.has(rule.slice('stage:'.length)))
        issues.push({ path: ['combine', 'tieBreak', i], message: `unknown stage "${rule.slice('stage:'.length)}"` });
    });
  } else {
    if (!doc.criteria) issues.push({ path: ['criteria'], message: 'is required (or give stages)' });
    if (!doc.method) issues.push({ path: ['method'], message: 'is required (or give stages)' });
    if (doc.combine) issues.push({ path: ['combine'], message: 'only applies to a file with stages' });
    if (doc.criteria && doc.method) checkBlock(doc, { criteria: doc.criteria, marks: doc.marks, conflicts: doc.conflicts, method: doc.method }, [], issues);
  }
  doc.decisions.forEach((d, i) =>
    d.order.forEach((id, k) => {
      if (!entryIds.has(id)) issues.push({ path: ['decisions', i, 'order', k], message: `unknown entry "${id}"` });
    }),
  );
  return issues;
}
