/** analysis commands and push events: explanations and quality figures for the results screen (issue 6). Spread into shared/api/contract.ts. */
import { type CommandDef, type EventDef } from './define';

export const analysisCommands = {} satisfies Record<string, CommandDef>;

export const analysisEvents = {} satisfies Record<string, EventDef>;
