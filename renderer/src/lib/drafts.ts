import { computed, reactive, ref, watch, type WatchSource } from 'vue';

/**
 * An editable copy of one stored row (a stage, a criterion, a panel …): it keeps what the user typed
 * until it is saved or reset, and follows the stored values while nobody has touched it.
 */
export function useDraft<D extends object>(stored: () => D, also: WatchSource[] = []) {
  const draft = reactive(stored()) as D;
  const base = ref(JSON.stringify(stored()));
  const dirty = computed(() => JSON.stringify(draft) !== base.value);

  function reset() {
    const fresh = stored();
    Object.assign(draft, structuredClone(fresh));
    base.value = JSON.stringify(fresh);
  }
  watch([() => JSON.stringify(stored()), ...also], () => {
    if (!dirty.value) reset();
    else base.value = JSON.stringify(stored());
  });

  return { draft, dirty, reset };
}
