import type { HandlerMap } from '../registry';

export const windowHandlers: HandlerMap = {};
