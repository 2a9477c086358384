import { ref, type Ref } from 'vue';

export type SortDir = 'asc' | 'desc';

/** Indonesian collation, numbers in codes compared as numbers ("U-2" before "U-10"). */
const collator = new Intl.Collator('id-ID', { numeric: true, sensitivity: 'base' });
export const compareText = (a: string, b: string): number => collator.compare(a, b);

/** Sort state of a table: the column and direction, toggled by clicking a header. */
export function useSort<K extends string>(initial: K, dir: SortDir = 'asc') {
  const key = ref(initial) as Ref<K>;
  const direction = ref<SortDir>(dir);
  function toggle(next: K) {
    if (key.value === next) direction.value = direction.value === 'asc' ? 'desc' : 'asc';
    else {
      key.value = next;
      direction.value = 'asc';
    }
  }
  const ariaSortOf = (column: K): 'ascending' | 'descending' | 'none' => (key.value === column ? (direction.value === 'asc' ? 'ascending' : 'descending') : 'none');
  return { key, direction, toggle, ariaSortOf };
}

/** A sorted copy: `value` picks what to compare, ties keep the original order. */
export function sortBy<T>(items: readonly T[], value: (item: T) => string | number, direction: SortDir): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  const keyed = items.map((item, index) => ({ item, index, v: value(item) }));
  keyed.sort((a, b) => {
    const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : compareText(String(a.v), String(b.v));
    return c !== 0 ? sign * c : a.index - b.index;
  });
  return keyed.map((k) => k.item);
}

/** Lower-case text without diacritics, for search. */
export const searchText = (text: string): string => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLocaleLowerCase('id-ID');
