import type { CommandInput, CommandName, CommandOutput, EventName, EventPayload } from '@shared/api/contract';
import type { ApiErrorBody } from '@shared/api/errors';
import type { Locale } from '@shared/i18n';
import { ApiError, type ApiClient } from '../../renderer/src/api/client';

type Handler<N extends CommandName> = (input: CommandInput<N>) => CommandOutput<N> | Promise<CommandOutput<N>>;
export type Handlers = { [N in CommandName]?: Handler<N> };

export interface FakeApi extends ApiClient {
  calls: { command: CommandName; input: unknown }[];
  callsOf<N extends CommandName>(command: N): CommandInput<N>[];
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  reconnect(): void;
  handlers: Handlers;
}

/** An error as the core would send it, turned into the client's ApiError. */
export function apiError(body: Partial<ApiErrorBody> & Pick<ApiErrorBody, 'code'>, locale: Locale = 'id'): ApiError {
  return ApiError.fromBody({ message: body.message ?? body.code, details: body.details ?? { key: 'internal' }, code: body.code }, locale);
}

export function createFakeApi(handlers: Handlers = {}): FakeApi {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const reconnects = new Set<() => void>();
  const calls: FakeApi['calls'] = [];
  const api: FakeApi = {
    transportKind: 'fake',
    calls,
    handlers,
    callsOf: <N extends CommandName>(command: N) =>
      calls.filter((c) => c.command === command).map((c) => c.input as CommandInput<N>),
    async invoke<N extends CommandName>(command: N, input: CommandInput<N>): Promise<CommandOutput<N>> {
      calls.push({ command, input: structuredClone(input) });
      const handler = api.handlers[command] as Handler<N> | undefined;
      if (!handler) throw new Error(`fake api: no handler for ${command}`);
      return handler(input);
    },
    subscribe(event, cb) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(cb as (payload: unknown) => void);
      return () => set.delete(cb as (payload: unknown) => void);
    },
    onReconnect(cb) {
      reconnects.add(cb);
      return () => reconnects.delete(cb);
    },
    identityChanged() {},
    emit(event, payload) {
      for (const cb of listeners.get(event) ?? []) cb(payload);
    },
    reconnect() {
      for (const cb of reconnects) cb();
    },
  };
  return api;
}
