/**
 * The one dispatch path for every transport: validate input → authorize the actor → run the
 * handler atomically (with the idempotency record and audit rows) → validate output → publish the
 * queued events after commit. It never throws: failures become error envelopes.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { ZodError } from 'zod';
import { commands, events, isCommandName, type CommandName, type EventName } from '@shared/api/contract';
import type { PushEnvelope, ReplyEnvelope, RequestEnvelope } from '@shared/api/envelope';
import { AppError, type ApiErrorBody, type ValidationIssue } from '@shared/api/errors';
import { actorCompetitionId, actorLabel, type Actor } from '@shared/domain/actor';
import { DEFAULT_LOCALE, translate, type Locale } from '@shared/i18n';
import { appendAudit } from './audit';
import { AfterCommit, Prepared, type HandlerContext, type HandlerRegistry } from './registry';

/** zod's own issue codes, mapped to catalog keys under errors.validation. */
const ZOD_CODE_KEYS: Record<string, string> = {
  invalid_type: 'validation.type',
  too_small: 'validation.tooSmall',
  too_big: 'validation.tooBig',
  invalid_format: 'validation.format',
  unrecognized_keys: 'validation.unknownField',
  invalid_value: 'validation.choice',
  invalid_union: 'validation.invalid',
};

export function issuesFromZod(error: ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.join('.'),
    message: issue.message.startsWith('validation.') ? issue.message : (ZOD_CODE_KEYS[issue.code] ?? 'validation.invalid'),
  }));
}

export function errorBody(error: unknown, locale: Locale): ApiErrorBody {
  if (!(error instanceof AppError)) {
    console.error('[ruang-juri] internal error:', error);
    return errorBody(new AppError('INTERNAL', 'internal'), locale);
  }
  const summary = (error.issues ?? [])
    .map((issue) => `${issue.path || '—'}: ${translate(locale, `errors.${issue.message}`)}`)
    .join('; ');
  const params = error.issues ? { ...error.params, summary } : error.params;
  return {
    code: error.code,
    message: translate(locale, `errors.${error.key}`, params),
    details: { key: error.key, params, ...(error.issues ? { issues: error.issues } : {}) },
  };
}

export function canReceive(actor: Actor, push: PushEnvelope): boolean {
  const def = events[push.event as EventName];
  if (!def || !def.roles.includes(actor.role)) return false;
  const own = actorCompetitionId(actor);
  return own === null || (push.payload as { competitionId?: number }).competitionId === own;
}

interface DispatcherDeps {
  db: Database;
  registry: HandlerRegistry;
  now: () => number;
  publish: (push: PushEnvelope) => void;
  publicUrl: () => string | null;
}

/** Statements kept per database; past this many distinct SQL texts the cache starts over. */
const STATEMENT_CACHE_SIZE = 500;
/** Statement methods that change how it binds or returns rows: a statement so changed is no longer shared. */
const RECONFIGURING = ['pluck', 'expand', 'raw', 'safeIntegers', 'bind'] as const;

/**
 * Compiling SQL costs more than running the small statements a command runs, and handlers prepare
 * theirs afresh on every call: `db.prepare` then answers from a cache by SQL text. Nothing else
 * changes: a cached statement that is still iterating is not handed out again (a fresh one is),
 * and one that somebody reconfigures (pluck, bind …) leaves the cache and stays theirs.
 */
export function cacheStatements(db: Database): void {
  if (Object.prototype.hasOwnProperty.call(db, 'prepare')) return;
  const compile = db.prepare.bind(db);
  const cache = new Map<string, Statement<unknown[]>>();
  const prepareCached = (sql: string): Statement<unknown[]> => {
    const cached = cache.get(sql);
    if (cached && !cached.busy) return cached;
    const statement = compile(sql) as Statement<unknown[]>;
    if (cached) return statement;
    if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
    for (const method of RECONFIGURING) {
      const original = statement[method] as (...args: unknown[]) => unknown;
      Object.defineProperty(statement, method, {
        configurable: true,
        writable: true,
        value: (...args: unknown[]) => {
          if (cache.get(sql) === statement) cache.delete(sql);
          return original.apply(statement, args);
        },
      });
    }
    cache.set(sql, statement);
    return statement;
  };
  db.prepare = prepareCached as Database['prepare'];
}

/** Most commands one durable commit may carry; more wait for the next one. */
const GROUP_COMMIT_LIMIT = 256;

interface CommitJob {
  body: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit. With synchronous=FULL every COMMIT waits for the disk, and under 60 jurors typing
 * at once that wait was half of the server's time. Commands that arrive together (queued in the
 * same turn of the event loop) therefore run one after another inside ONE immediate transaction,
 * each in its own savepoint: a command that fails rolls back alone, exactly as before, and nobody
 * is answered until the shared COMMIT is on disk, so an acknowledged change is still durable.
 */
export function groupCommit(db: Database): <T>(body: () => T) => Promise<T> {
  const savepoint = db.transaction((job: CommitJob): unknown => job.body());
  const outcomes = new Map<CommitJob, { ok: true; value: unknown } | { ok: false; error: unknown }>();
  const runAll = db.transaction((jobs: readonly CommitJob[]) => {
    for (const job of jobs) {
      try {
        outcomes.set(job, { ok: true, value: savepoint(job) });
      } catch (error) {
        outcomes.set(job, { ok: false, error });
      }
    }
  });
  let pending: CommitJob[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const jobs = pending.slice(0, GROUP_COMMIT_LIMIT);
    pending = pending.slice(jobs.length);
    if (pending.length) schedule();
    outcomes.clear();
    try {
      runAll.immediate(jobs);
    } catch (error) {
      // The shared commit failed: nothing of this group is on disk, so nobody gets a success.
      for (const job of jobs) job.reject(error);
      return;
    }
    for (const job of jobs) {
      const outcome = outcomes.get(job)!;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    }
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  };
  return <T>(body: () => T) =>
    new Promise<T>((resolve, reject) => {
      pending.push({ body, resolve: resolve as (value: unknown) => void, reject });
      schedule();
    });
}

export function createDispatcher(deps: DispatcherDeps) {
  cacheStatements(deps.db);
  const commitTogether = groupCommit(deps.db);
  /** Looks the command up, authorizes the actor and validates the input: the same for top-level and nested runs. */
  function prepare(actor: Actor, commandName: string, rawInput: unknown) {
    if (!isCommandName(commandName)) throw new AppError('NOT_FOUND', 'unknownCommand', { command: commandName });
    const name: CommandName = commandName;
    const def = commands[name];
    if (!def.roles.includes(actor.role)) {
      throw actor.role === 'anonymous' ? new AppError('UNAUTHENTICATED', 'unauthenticated') : new AppError('FORBIDDEN', 'forbidden');
    }
    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw new AppError('VALIDATION', 'invalidInput', {}, issuesFromZod(parsed.error));
    const handler = deps.registry.get(name);
    if (!handler) throw new AppError('NOT_FOUND', 'unknownCommand', { command: name });
    const opId = 'idempotent' in def && def.idempotent ? (parsed.data as { opId: string }).opId : null;
    const checkOutput = (output: unknown): unknown => {
      const checked = def.output.safeParse(output);
      if (!checked.success) throw new Error(`output of ${name} does not match its schema: ${checked.error.message}`);
      return checked.data;
    };
    return { name, input: parsed.data as never, handler, opId, checkOutput, who: actorLabel(actor) };
  }

  const replayOf = (who: string, opId: string): { output_json: string } | undefined =>
    deps.db.prepare('SELECT output_json FROM operations WHERE actor = ? AND op_id = ?').get(who, opId) as { output_json: string } | undefined;
  const recordOperation = (who: string, opId: string, name: string, output: unknown, now: string): void => {
    deps.db.prepare('INSERT INTO operations (op_id, actor, command, output_json, at) VALUES (?, ?, ?, ?, ?)').run(opId, who, name, JSON.stringify(output), now);
  };

  function context(actor: Actor, locale: Locale, now: string, queued: PushEnvelope[]): HandlerContext {
    const who = actorLabel(actor);
    return {
      db: deps.db,
      actor,
      locale,
      now,
      publicUrl: deps.publicUrl(),
      emit: (event, payload) => queued.push({ event, payload }),
      audit: (action, details) => appendAudit(deps.db, now, who, action, details),
      // A command run as part of this one: same transaction, same time, its events queued with ours.
      run: (nestedActor, command, input) => {
        const nested = prepare(nestedActor, command, input);
        if (nested.opId) {
          const done = replayOf(nested.who, nested.opId);
          if (done) return JSON.parse(done.output_json);
        }
        if (nested.handler instanceof Prepared) throw new Error(`${command} cannot run nested: it prepares asynchronously`);
        const raw = nested.handler(context(nestedActor, locale, now, queued), nested.input);
        if (raw instanceof AfterCommit) throw new Error(`${command} cannot run nested: it finishes after commit`);
        const output = nested.checkOutput(raw);
        if (nested.opId) recordOperation(nested.who, nested.opId, nested.name, output, now);
        return output as never;
      },
    };
  }

  async function execute(actor: Actor, commandName: string, rawInput: unknown, locale: Locale): Promise<unknown> {
    const { name, input, handler, opId, checkOutput, who } = prepare(actor, commandName, rawInput);
    const queued: PushEnvelope[] = [];
    const now = new Date(deps.now()).toISOString();
    const ctx = context(actor, locale, now, queued);
    // The async step runs before the transaction, so the database is never held across an await.
    const preparation = handler instanceof Prepared ? await handler.prepare(input, locale) : undefined;
    const result = await commitTogether((): { replay: unknown } | { output: unknown } => {
      if (opId) {
        const done = replayOf(who, opId);
        // A retry of an acknowledged operation: answer as before, change nothing, emit nothing.
        if (done) return { replay: JSON.parse(done.output_json) as unknown };
      }
      const raw = handler instanceof Prepared ? handler.run(ctx, input, preparation) : handler(ctx, input);
      // A wrong output is a bug: throwing here rolls the whole command back.
      const output = raw instanceof AfterCommit ? raw : checkOutput(raw);
      if (opId) recordOperation(who, opId, name, output, now);
      return { output };
    });
    if ('replay' in result) return result.replay;
    const output = result.output instanceof AfterCommit ? checkOutput(await result.output.run()) : result.output;
    for (const push of queued) deps.publish(push);
    return output;
  }

  return {
    execute,
    async handle(actor: Actor, request: RequestEnvelope): Promise<ReplyEnvelope> {
      const locale = request.locale ?? DEFAULT_LOCALE;
      try {
        return { id: request.id, ok: true, output: await execute(actor, request.command, request.input, locale) };
      } catch (error) {
        return { id: request.id, ok: false, error: errorBody(error, locale) };
      }
    },
  };
}
