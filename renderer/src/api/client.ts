import type { CommandInput, CommandName, CommandOutput, EventName, EventPayload } from '@shared/api/contract';
import type { ApiErrorBody, ErrorCode, ValidationIssue } from '@shared/api/errors';
import { DEFAULT_LOCALE, translate, type Locale } from '@shared/i18n';
import { TransportError } from './http';
import type { Transport } from './types';

export type ClientErrorCode = ErrorCode | 'NETWORK';

export interface TranslatedIssue {
  /** Path as sent by the core ("criteria.0.weight"). */
  path: string;
  /** The issue's key (e.g. "validation.required") or the raw message when it is not a key. */
  key: string;
  /** Message translated in the caller's language. */
  message: string;
}

/** Translates errors.<key>; null when the catalogs do not know the key. */
function translateKey(locale: Locale, key: string, params?: Record<string, string | number>): string | null {
  const full = `errors.${key}`;
  const text = translate(locale, full, params);
  return text === full ? null : text;
}

export function translateIssueMessage(locale: Locale, message: string): string {
  return (
    translateKey(locale, message) ??
    (message.startsWith('validation.') ? null : translateKey(locale, `validation.${message}`)) ??
    message
  );
}

/** A failed command, with its stable code and a message in the user's language. */
export class ApiError extends Error {
  readonly code: ClientErrorCode;
  readonly key: string;
  readonly params: Record<string, string | number>;
  readonly issues: TranslatedIssue[];
  /** What the core said, untranslated, for logs. */
  readonly serverMessage: string;
  private readonly rawIssues: ValidationIssue[];

  constructor(
    code: ClientErrorCode,
    key: string,
    params: Record<string, string | number>,
    rawIssues: ValidationIssue[],
    serverMessage: string,
    locale: Locale,
  ) {
    super('');
    this.name = 'ApiError';
    this.code = code;
    this.key = key;
    this.params = params;
    this.rawIssues = rawIssues;
    this.serverMessage = serverMessage;
    this.message = this.translatedMessage(locale);
    this.issues = this.translatedIssues(locale);
  }

  static fromBody(body: ApiErrorBody, locale: Locale): ApiError {
    const details = body.details ?? { key: '' };
    return new ApiError(body.code, details.key ?? '', details.params ?? {}, details.issues ?? [], body.message ?? '', locale);
  }

  static network(reason: 'offline' | 'badResponse', locale: Locale): ApiError {
    return new ApiError('NETWORK', reason, {}, [], reason, locale);
  }

  /** The message again in another language (the user may switch while it is on screen). */
  translatedMessage(locale: Locale): string {
    if (this.code === 'NETWORK') return translate(locale, `common.${this.key === 'offline' ? 'offline' : 'badResponse'}`);
    return (this.key && translateKey(locale, this.key, this.params)) || this.serverMessage || translate(locale, 'errors.internal');
  }

  translatedIssues(locale: Locale): TranslatedIssue[] {
    return this.rawIssues.map((issue) => ({
      path: issue.path,
      key: issue.message,
      message: translateIssueMessage(locale, issue.message),
    }));
  }
}

export interface ApiClient {
  invoke<N extends CommandName>(command: N, input: CommandInput<N>): Promise<CommandOutput<N>>;
  subscribe<E extends EventName>(event: E, cb: (payload: EventPayload<E>) => void): () => void;
  /** Listeners run after the push channel reconnected: refetch, events may have been missed. */
  onReconnect(cb: () => void): () => void;
  /** The device token changed (after pairing): the push channel reopens with it. */
  identityChanged(): void;
  readonly transportKind: Transport['kind'];
}

export interface ApiClientOptions {
  /** The current UI language: sent with each request and used to translate errors. */
  locale?: () => Locale;
}

export function createApiClient(transport: Transport, options: ApiClientOptions = {}): ApiClient {
  const locale = options.locale ?? (() => DEFAULT_LOCALE);
  return {
    transportKind: transport.kind,
    async invoke(command, input) {
      const lang = locale();
      let reply;
      try {
        reply = await transport.invoke(command, input, lang);
      } catch (error) {
        if (error instanceof TransportError) throw ApiError.network(error.reason, lang);
        throw ApiError.network('offline', lang);
      }
      if (reply.ok) return reply.output as CommandOutput<typeof command>;
      throw ApiError.fromBody(reply.error, lang);
    },
    subscribe(event, cb) {
      return transport.subscribe(event, cb as (payload: unknown) => void);
    },
    onReconnect(cb) {
      return transport.onReconnect(cb);
    },
    identityChanged() {
      transport.refreshIdentity?.();
    },
  };
}
