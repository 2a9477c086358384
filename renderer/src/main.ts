import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { API_KEY, createDefaultApiClient } from './api';
import { createAppI18n } from './i18n';
import { createAppRouter } from './router';
import { registerOfflineShell } from './lib/offline-shell';
import { isLocale, DEFAULT_LOCALE } from '@shared/i18n';
import './styles.css';

const i18n = createAppI18n();
const api = createDefaultApiClient(() => {
  const current = i18n.global.locale.value;
  return isLocale(current) ? current : DEFAULT_LOCALE;
});

createApp(App).provide(API_KEY, api).use(createPinia()).use(createAppRouter()).use(i18n).mount('#app');

// Browser pages only (jurors, display, server mode): the desktop window loads from disk.
if (!window.ruangJuri) void registerOfflineShell();
