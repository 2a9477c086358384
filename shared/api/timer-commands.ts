/** timer commands and push events (issue 5). Spread into shared/api/contract.ts. */
import type { CommandDef, EventDef } from './define';

export const timerCommands = {} satisfies Record<string, CommandDef>;
export const timerEvents = {} satisfies Record<string, EventDef>;
