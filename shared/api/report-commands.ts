/** report commands and push events: official documents: score sheets, Berita Acara, decree, certificates, setup sheet (issue 6). Spread into shared/api/contract.ts. */
import { type CommandDef, type EventDef } from './define';

export const reportCommands = {} satisfies Record<string, CommandDef>;

export const reportEvents = {} satisfies Record<string, EventDef>;
