/** signing commands and push events: PDF signing certificates, signing and verifying (issue 6). Spread into shared/api/contract.ts. */
import { type CommandDef, type EventDef } from './define';

export const signingCommands = {} satisfies Record<string, CommandDef>;

export const signingEvents = {} satisfies Record<string, EventDef>;
