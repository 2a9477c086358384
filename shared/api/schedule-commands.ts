/** schedule commands and push events (issue 5). Spread into shared/api/contract.ts. */
import type { CommandDef, EventDef } from './define';

export const scheduleCommands = {} satisfies Record<string, CommandDef>;
export const scheduleEvents = {} satisfies Record<string, EventDef>;
