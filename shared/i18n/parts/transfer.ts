/** Error messages of the transfer handlers (merged into errors.* of both catalogs). Same keys in both. */
export const id = {};
export const en: typeof id = {};
