import type { HandlerMap } from '../registry';

export const signingHandlers: HandlerMap = {};
