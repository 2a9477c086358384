/** analysis (explanations, quality plots) strings: `errors` merge into errors.*, `ui` is the catalog section "analysis". Same keys in both languages. */
export const id = {
  errors: {},
  ui: {},
};
export const en: typeof id = {
  errors: {},
  ui: {},
};
