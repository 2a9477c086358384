import { describe, expect, it } from 'vitest';
import { AppError } from '@shared/api/errors';
import { ORGANISER, ANONYMOUS } from '@shared/domain/actor';
import { openDatabase } from '../../../electron/core/db/open';
import { createDispatcher } from '../../../electron/core/dispatch';
import { HandlerRegistry, prepared, type HandlerContext } from '../../../electron/core/registry';
import { competitionHandlers } from '../../../electron/core/services/competition';
import { tempCore, tempDir, thinDraft } from '../helpers';

describe('dispatch', () => {
  it('answers an unknown command with NOT_FOUND, translated', async () => {
    const { core } = tempCore();
    const reply = await core.handle(ORGANISER, { id: '1', command: 'nope.nothing', input: {}, locale: 'en' });
    expect(reply).toMatchObject({ id: '1', ok: false, error: { code: 'NOT_FOUND', message: 'Unknown command "nope.nothing".' } });
  });

  it('asks an anonymous caller to pair and refuses a juror an organiser command', async () => {
    const { core } = tempCore();
    const anonymous = await core.handle(ANONYMOUS, { id: '1', command: 'competition.list', input: {} });
    expect(anonymous.ok || anonymous.error.code).toBe('UNAUTHENTICATED');
    const juror = await core.handle({ role: 'juror', competitionId: 1, jurorId: 1 }, { id: '2', command: 'competition.create', input: thinDraft() });
    expect(juror.ok || juror.error.code).toBe('FORBIDDEN');
  });

  it('rejects invalid input with field paths and messages in the caller language', async () => {
    const { core } = tempCore();
    const draft = { ...thinDraft(), name: '', criteria: [{ name: 'Kebaruan', weight: 'banyak' }] };
    const id = await core.handle(ORGANISER, { id: '1', command: 'competition.create', input: draft, locale: 'id' });
    const en = await core.handle(ORGANISER, { id: '2', command: 'competition.create', input: draft, locale: 'en' });
    if (id.ok || en.ok) throw new Error('expected a validation error');
    expect(id.error.code).toBe('VALIDATION');
    expect(id.error.details.issues).toEqual(
      expect.arrayContaining([
        { path: 'name', message: 'validation.required' },
        { path: 'criteria.0.weight', message: 'validation.weight' },
      ]),
    );
    expect(id.error.message).toContain('name: wajib diisi');
    expect(en.error.message).toContain('name: required');
  });

  it('never leaks an internal error: the reply is generic, the stack stays in the log', async () => {
    const { core } = tempCore();
    core.close(); // every query now throws inside the handler
    const reply = await core.handle(ORGANISER, { id: '1', command: 'competition.list', input: {}, locale: 'en' });
    if (reply.ok) throw new Error('expected failure');
    expect(reply.error.code).toBe('INTERNAL');
    expect(JSON.stringify(reply)).not.toMatch(/at .*\.ts|Error:/);
  });

  it('writes nothing and emits nothing when a command fails half-way', async () => {
    const { core } = tempCore();
    const pushed: string[] = [];
    core.subscribe((push) => pushed.push(push.event));
    const draft = thinDraft();
    draft.entries = [...draft.entries, { code: 'E01', title: 'Duplikat', unit: '', category: 'Kelompok Umum' }];
    await expect(core.call(ORGANISER, 'competition.create', draft)).rejects.toMatchObject({ code: 'CONFLICT', key: 'duplicateName' });
    expect(await core.call(ORGANISER, 'competition.list', {})).toEqual([]);
    expect(pushed).toEqual([]);
  });

  it('emits events only after the transaction committed', async () => {
    const { core } = tempCore();
    const seen: { event: string; listed: number }[] = [];
    core.subscribe((push) => {
      // The listener runs after commit: the new competition is already readable.
      void core.call(ORGANISER, 'competition.list', {}).then((list) => seen.push({ event: push.event, listed: list.length }));
    });
    await core.call(ORGANISER, 'competition.create', thinDraft());
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual([{ event: 'competition.changed', listed: 1 }]);
  });
});

describe('nested commands (ctx.run)', () => {
  /** The real competition handlers plus a composite command (borrowing the name sample.load) under test. */
  const setUp = (composite: (ctx: HandlerContext) => never) => {
    const db = openDatabase(tempDir());
    const registry = new HandlerRegistry().register('competition', competitionHandlers).register('test', { 'sample.load': composite });
    const pushed: string[] = [];
    const dispatcher = createDispatcher({ db, registry, now: () => Date.parse('2026-11-23T02:00:00Z'), publish: (p) => pushed.push(p.event), publicUrl: () => null });
    return { db, pushed, dispatcher };
  };

  it('run inside the caller transaction: a failure after them rolls everything back and emits nothing', async () => {
    const { db, pushed, dispatcher } = setUp((ctx) => {
      ctx.run(ORGANISER, 'competition.create', thinDraft());
      throw new AppError('CONFLICT', 'duplicateName', { name: 'x' });
    });
    const reply = await dispatcher.handle(ORGANISER, { id: '1', command: 'sample.load', input: {} });
    expect(reply.ok).toBe(false);
    expect(db.prepare('SELECT COUNT(*) AS n FROM competitions').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM audit_log').get()).toEqual({ n: 0 });
    expect(pushed).toEqual([]);
    db.close();
  });

  it('are validated and authorized like any command', async () => {
    const seen: unknown[] = [];
    const { db, dispatcher } = setUp((ctx) => {
      for (const attempt of [
        () => ctx.run(ORGANISER, 'competition.create', { ...thinDraft(), name: '' }),
        () => ctx.run({ role: 'juror', competitionId: 1, jurorId: 1 }, 'competition.create', thinDraft()),
      ]) {
        try {
          attempt();
        } catch (error) {
          seen.push((error as AppError).code);
        }
      }
      throw new AppError('CONFLICT', 'duplicateName', { name: 'x' });
    });
    await dispatcher.handle(ORGANISER, { id: '1', command: 'sample.load', input: {} });
    expect(seen).toEqual(['VALIDATION', 'FORBIDDEN']);
    db.close();
  });
});

describe('prepared handlers', () => {
  const setUp = (handler: unknown) => {
    const db = openDatabase(tempDir());
    const registry = new HandlerRegistry().register('competition', competitionHandlers).register('test', { 'sample.load': handler as never });
    const dispatcher = createDispatcher({ db, registry, now: () => Date.now(), publish: () => {}, publicUrl: () => null });
    return { db, dispatcher };
  };

  it('hand what the async step prepared to the transactional step', async () => {
    const { db, dispatcher } = setUp(
      prepared<'sample.load', string>(
        async () => 'Lomba dari berkas',
        (ctx, _input, name) => {
          const detail = ctx.run(ORGANISER, 'competition.create', { ...thinDraft(), name });
          return { id: detail.id, name: detail.name, createdAt: detail.createdAt, entryCount: detail.entries.length };
        },
      ),
    );
    const reply = await dispatcher.handle(ORGANISER, { id: '1', command: 'sample.load', input: {} });
    expect(reply).toMatchObject({ ok: true, output: { name: 'Lomba dari berkas', entryCount: 4 } });
    db.close();
  });

  it('write nothing when the async step refuses the input', async () => {
    let ran = false;
    const { db, dispatcher } = setUp(
      prepared<'sample.load', never>(
        async () => {
          throw new AppError('VALIDATION', 'badEnvelope');
        },
        () => {
          ran = true;
          throw new Error('not reached');
        },
      ),
    );
    const reply = await dispatcher.handle(ORGANISER, { id: '1', command: 'sample.load', input: {} });
    expect(reply.ok || reply.error.code).toBe('VALIDATION');
    expect(ran).toBe(false);
    expect(db.prepare('SELECT COUNT(*) AS n FROM audit_log').get()).toEqual({ n: 0 });
    db.close();
  });
});
