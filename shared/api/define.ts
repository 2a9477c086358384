import type { z } from 'zod';
import type { Role } from '../domain/actor';

export interface CommandDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  roles: readonly Role[];
  /** Input carries a client-generated `opId`; a retry with the same id returns the first answer unchanged. */
  idempotent?: boolean;
}

export const command = <I extends z.ZodType, O extends z.ZodType>(def: CommandDef<I, O>) => def;

export interface EventDef<P extends z.ZodType = z.ZodType> {
  payload: P;
  /** Roles that may receive it; device actors also only receive events of their own competition. */
  roles: readonly Role[];
}
export const event = <P extends z.ZodType>(def: EventDef<P>) => def;
