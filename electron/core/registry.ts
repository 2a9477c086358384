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

export type HandlerMap = { [N in CommandName]?: Handler<N> };

export class HandlerRegistry {
  private readonly handlers = new Map<CommandName, Handler<CommandName>>();

  register(domain: string, map: HandlerMap): this {
    for (const [name, handler] of Object.entries(map) as [CommandName, Handler<CommandName>][]) {
      if (this.handlers.has(name)) throw new Error(`handler "${name}" registered twice (again by ${domain})`);
      this.handlers.set(name, handler);
    }
    return this;
  }

  get(name: CommandName): Handler<CommandName> | undefined {
    return this.handlers.get(name);
  }

  names(): CommandName[] {
    return [...this.handlers.keys()];
  }
}
