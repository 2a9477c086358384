/** One envelope for every transport: IPC, HTTP and the WebSocket push channel. */
import { z } from 'zod';
import type { ApiErrorBody } from './errors';
import { LOCALES } from '../i18n';

export const requestEnvelope = z.object({
  id: z.string().max(64),
  command: z.string().max(100),
  input: z.unknown(),
  /** The caller's language, so error messages come back translated. */
  locale: z.enum(LOCALES).optional(),
  /** Kiosk mode: the juror now switched in on the organiser's laptop (electron/core/services/kiosk.ts). */
  kioskToken: z.string().max(128).optional(),
});
export type RequestEnvelope = z.output<typeof requestEnvelope>;

export type ReplyEnvelope<O = unknown> =
  | { id: string; ok: true; output: O }
  | { id: string; ok: false; error: ApiErrorBody };

export interface PushEnvelope<P = unknown> {
  event: string;
  payload: P;
}

export { IPC_INVOKE_CHANNEL, IPC_EVENT_CHANNEL, HTTP_API_PREFIX, WS_EVENTS_PATH } from './channels';
