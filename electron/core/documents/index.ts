/** Result documents: pure pdfmake definitions plus rendering with the bundled fonts. */
export { renderPdf, documentFonts, DOCUMENT_FONT, DOCUMENT_CREATOR } from './pdf';
export { buildRecapDocument, renderRecapPdf, recapRowOrder, NOT_SUBMITTED, PORTRAIT_MAX_JURORS, type RecapOptions } from './recap';
export { resourcesDir, fontsDir, findResourcesDir, RESOURCES_ENV } from './resources';
export { planDocument, renderDocument, countPages, type DocumentRequest } from './official';
export { loadDocumentModel, type DocumentModel } from './model';
export { stripAcademicTitles } from './names';
export { formatDocumentNumber } from './numbering';
