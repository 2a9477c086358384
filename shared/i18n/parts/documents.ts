/** official documents strings: `errors` merge into errors.*, `ui` spread into the catalog section "documents". Same keys in both languages. */
export const id = {
  errors: {},
  ui: {},
};
export const en: typeof id = {
  errors: {},
  ui: {},
};
