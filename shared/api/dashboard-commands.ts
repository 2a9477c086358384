/** dashboard commands and push events (issue 5). Spread into shared/api/contract.ts. */
import type { CommandDef, EventDef } from './define';

export const dashboardCommands = {} satisfies Record<string, CommandDef>;
export const dashboardEvents = {} satisfies Record<string, EventDef>;
