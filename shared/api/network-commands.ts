/** network commands and push events (issue 5). Spread into shared/api/contract.ts. */
import type { CommandDef, EventDef } from './define';

export const networkCommands = {} satisfies Record<string, CommandDef>;
export const networkEvents = {} satisfies Record<string, EventDef>;
