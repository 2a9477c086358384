import type { HandlerMap } from '../registry';

export const paperHandlers: HandlerMap = {};
