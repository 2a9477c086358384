import type { HandlerMap } from '../registry';

export const kioskHandlers: HandlerMap = {};
