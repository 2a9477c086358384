/** finalise commands and push events: results per stage, awards and grades, tie decisions, finalise/reopen snapshots, exports (issue 6). Spread into shared/api/contract.ts. */
import { type CommandDef, type EventDef } from './define';

export const finaliseCommands = {} satisfies Record<string, CommandDef>;

export const finaliseEvents = {} satisfies Record<string, EventDef>;
