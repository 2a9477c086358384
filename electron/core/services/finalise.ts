import type { HandlerMap } from '../registry';

export const finaliseHandlers: HandlerMap = {};
