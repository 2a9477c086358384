import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { defineComponent, h, type Component } from 'vue';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';
import type { Locale } from '@shared/i18n';
import { API_KEY } from '../../renderer/src/api';
import { createAppI18n } from '../../renderer/src/i18n';
import { routes } from '../../renderer/src/router';
import type { FakeApi } from './fake-api';

/** Mounts the real router and views with a fake api client, at `path`, in `locale`. */
export async function mountApp(api: FakeApi, path: string, locale: Locale = 'id') {
  const router = createRouter({ history: createMemoryHistory(), routes });
  const i18n = createAppI18n(locale);
  const Root: Component = defineComponent({ render: () => h(RouterView) });
  await router.push(path);
  await router.isReady();
  const wrapper = mount(Root, {
    attachTo: document.body,
    global: { plugins: [createPinia(), router, i18n], provide: { [API_KEY as symbol]: api } },
  });
  await flushPromises();
  return { wrapper, router, i18n };
}

export { flushPromises };
