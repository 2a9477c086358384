import type { HandlerMap } from '../registry';

export const awardHandlers: HandlerMap = {};
