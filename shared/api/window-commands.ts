/** window commands and push events: scoring window: open/close with the slot, extensions, late approvals (issue 5). Spread into shared/api/contract.ts. */
import { type CommandDef, type EventDef } from './define';

export const windowCommands = {} satisfies Record<string, CommandDef>;

export const windowEvents = {} satisfies Record<string, EventDef>;
