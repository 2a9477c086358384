/** Handlers are grouped per domain (one map per services/<domain>.ts) and registered here once. */
import type { Database } from 'better-sqlite3';
import type { CommandInput, CommandName, CommandOutput, EventName, EventPayload, ParsedInput } from '@shared/api/contract';
import type { Actor } from '@shared/domain/actor';
import type { Locale } from '@shared/i18n';

export interface HandlerContext {
  db: Database;
  actor: Actor;
  locale: Locale;
  /** ISO-8601 time of this command, one value for the whole transaction. */
  now: string;
  /** Queues a push event; it is sent only after the transaction commits. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Appends a hash-chained audit row inside the same transaction. */
  audit(action: string, details: Record<string, unknown>): void;
  /** The LAN server's base URL, when one is running (for absolute pairing links). */
  publicUrl: string | null;
  /**
   * Runs another command as `actor` inside this command's transaction (validated and authorized
   * like any other), so a composite action such as loading the sample competition is atomic.
   */
  run<N extends CommandName>(actor: Actor, command: N, input: CommandInput<N>): CommandOutput<N>;
}

/** Returned by a handler whose remaining work (e.g. rendering a PDF) happens after the commit. */
export class AfterCommit<T> {
  constructor(readonly run: () => Promise<T>) {}
}
export const afterCommit = <T>(run: () => Promise<T>): AfterCommit<T> => new AfterCommit(run);

/**
 * Handlers are synchronous: they run inside the command's transaction (better-sqlite3 refuses a
 * promise there). Work that must wait (rendering a PDF) is returned as `afterCommit(...)` and may
 * only use what the handler already read, never write.
 */
export type Handler<N extends CommandName> = (
  ctx: HandlerContext,
  input: ParsedInput<N>,
) => CommandOutput<N> | AfterCommit<CommandOutput<N>>;

/**
 * A handler with an async step before its transaction: `prepare` may read the input (parse an
 * uploaded spreadsheet, say) but never the database; `run` then writes inside the transaction.
 */
export class Prepared<N extends CommandName, P> {
  constructor(
    readonly prepare: (input: ParsedInput<N>, locale: Locale) => Promise<P>,
    readonly run: (ctx: HandlerContext, input: ParsedInput<N>, prepared: P) => CommandOutput<N> | AfterCommit<CommandOutput<N>>,
  ) {}
}
export const prepared = <N extends CommandName, P>(
  prepare: (input: ParsedInput<N>, locale: Locale) => Promise<P>,
  run: (ctx: HandlerContext, input: ParsedInput<N>, prepared: P) => CommandOutput<N> | AfterCommit<CommandOutput<N>>,
): Prepared<N, P> => new Prepared(prepare, run);

export type AnyHandler<N extends CommandName> = Handler<N> | Prepared<N, any>;
export type HandlerMap = { [N in CommandName]?: AnyHandler<N> };

export class HandlerRegistry {
  private readonly handlers = new Map<CommandName, AnyHandler<CommandName>>();

  register(domain: string, map: HandlerMap): this {
    for (const [name, handler] of Object.entries(map) as [CommandName, AnyHandler<CommandName>][]) {
      if (this.handlers.has(name)) throw new Error(`handler "${name}" registered twice (again by ${domain})`);
      this.handlers.set(name, handler);
    }
    return this;
  }

  get(name: CommandName): AnyHandler<CommandName> | undefined {
    return this.handlers.get(name);
  }

  names(): CommandName[] {
    return [...this.handlers.keys()];
  }
}
