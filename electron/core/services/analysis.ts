import type { HandlerMap } from '../registry';

export const analysisHandlers: HandlerMap = {};
