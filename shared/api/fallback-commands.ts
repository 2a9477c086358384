/** fallback commands and push events: kiosk mode and the paper fallback with two-person confirmation (issue 5). Spread into shared/api/contract.ts. */
import { type CommandDef, type EventDef } from './define';

export const fallbackCommands = {} satisfies Record<string, CommandDef>;

export const fallbackEvents = {} satisfies Record<string, EventDef>;
