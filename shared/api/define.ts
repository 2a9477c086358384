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
