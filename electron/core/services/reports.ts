import type { HandlerMap } from '../registry';

export const reportHandlers: HandlerMap = {};
