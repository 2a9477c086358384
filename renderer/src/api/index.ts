import { inject, type InjectionKey } from 'vue';
import type { Locale } from '@shared/i18n';
import { createApiClient, type ApiClient } from './client';
import { createHttpTransport } from './http';
import { createIpcTransport } from './ipc';
import type { Transport } from './types';

export { ApiError, createApiClient, type ApiClient } from './client';
export { getDeviceToken, getKioskToken, setDeviceToken, setKioskToken } from './token';

export const API_KEY: InjectionKey<ApiClient> = Symbol('ruang-juri.api');

/** IPC when the Electron preload is there, HTTP + WebSocket otherwise (tablets, display, server mode). */
export function createDefaultTransport(): Transport {
  return window.ruangJuri ? createIpcTransport(window.ruangJuri) : createHttpTransport();
}

export function createDefaultApiClient(locale: () => Locale): ApiClient {
  return createApiClient(createDefaultTransport(), { locale });
}

export function useApi(): ApiClient {
  const api = inject(API_KEY, null);
  if (!api) throw new Error('Api client not provided (API_KEY)');
  return api;
}
