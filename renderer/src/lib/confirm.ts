import { inject, provide, shallowRef, type InjectionKey, type ShallowRef } from 'vue';

/** What an in-page confirmation asks: a title, what will happen, and the button that does it. */
export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  /** A destructive action: the confirm button is red, and the cancel button has the focus. */
  danger?: boolean;
}
interface PendingConfirm extends ConfirmRequest {
  resolve: (ok: boolean) => void;
}
export interface ConfirmHost {
  current: ShallowRef<PendingConfirm | null>;
  ask: (request: ConfirmRequest) => Promise<boolean>;
  answer: (ok: boolean) => void;
}

const CONFIRM_KEY: InjectionKey<ConfirmHost> = Symbol('ruang-juri.confirm');

/** Creates the confirmation state of a page and offers it to the page's components. */
export function provideConfirm(): ConfirmHost {
  const current = shallowRef<PendingConfirm | null>(null);
  const host: ConfirmHost = {
    current,
    ask(request) {
      current.value?.resolve(false);
      return new Promise<boolean>((resolve) => {
        current.value = { ...request, resolve };
      });
    },
    answer(ok) {
      const pending = current.value;
      current.value = null;
      pending?.resolve(ok);
    },
  };
  provide(CONFIRM_KEY, host);
  return host;
}

/** Asks before a destructive change: resolves true only when the user confirmed. */
export function useConfirm(): (request: ConfirmRequest) => Promise<boolean> {
  const host = inject(CONFIRM_KEY, null);
  if (!host) throw new Error('provideConfirm() missing above this component');
  return host.ask;
}
