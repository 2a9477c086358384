/** Shared set-up for the setup-structure tests: a competition, and a juror's submitted marks. */
import { expect } from 'vitest';
import type { CommandInput } from '@shared/api/contract';
import { AppError } from '@shared/api/errors';
import { ANONYMOUS, ORGANISER } from '@shared/domain/actor';
import type { CompetitionDetail } from '@shared/domain/schemas';
import type { Core } from '../../../electron/core';
import { newOpId, tempCore, thinDraft } from '../helpers';

export async function competition(draft: CommandInput<'competition.create'> = thinDraft()) {
  const { core } = tempCore();
  const detail = await core.call(ORGANISER, 'competition.create', draft);
  return { core, detail, competitionId: detail.id };
}

/** Runs `fn` and returns the AppError it throws (fails the test when it does not throw). */
export async function failure(fn: () => Promise<unknown>): Promise<AppError> {
  try {
    await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected the command to be refused');
}

/**
 * Opens a session on the first stage and has the juror "Ir. Budi Santoso" submit one sheet for
 * entry E01 with the given marks (criterion name → mark text); the session stays open unless closed.
 */
export async function scoreOneSheet(core: Core, detail: CompetitionDetail, marks: Record<string, string>, { close = true } = {}) {
  await core.call(ORGANISER, 'session.open', { competitionId: detail.id });
  const { links } = await core.call(ORGANISER, 'device.issueJurorLinks', { competitionId: detail.id });
  const link = links.find((l) => l.name === 'Ir. Budi Santoso')!;
  const { deviceToken } = await core.call(ANONYMOUS, 'auth.pair', { token: link.token });
  const juror = core.authenticate(deviceToken);
  const entryId = detail.entries.find((e) => e.code === 'E01')!.id;
  const criteria = detail.criteria.filter((c) => c.stageId === detail.stages[0].id);
  await core.call(juror, 'scoring.saveSheet', {
    opId: newOpId(),
    entryId,
    marks: criteria.map((c) => ({ criterionId: c.id, value: marks[c.name] })),
    submit: true,
  });
  if (close) await core.call(ORGANISER, 'session.close', { competitionId: detail.id });
  return { entryId };
}

/** Every competition.changed event published while `fn` runs. */
export async function eventsDuring(core: Core, fn: () => Promise<unknown>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const stop = core.subscribe((push) => {
    if (push.event === 'competition.changed') seen.push(push.payload);
  });
  try {
    await fn();
  } catch {
    // the caller asserts the failure itself
  } finally {
    stop();
  }
  return seen;
}
