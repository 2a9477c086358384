/** results, awards, finalising strings: `errors` merge into errors.*, `ui` spread into the catalog section "results". Same keys in both languages. */
export const id = {
  errors: {},
  ui: {},
};
export const en: typeof id = {
  errors: {},
  ui: {},
};
