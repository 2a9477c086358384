/**
 * Renders pdfmake document definitions to PDF bytes with the bundled fonts only: no URL is ever
 * fetched and only files inside the resources folder may be read.
 */
import { join, relative, isAbsolute, resolve } from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import { resourcesDir } from './resources';

/** The one font family documents use; every definition sets `defaultStyle.font` to it. */
export const DOCUMENT_FONT = 'DejaVuSans';
export const DOCUMENT_CREATOR = 'Ruang Juri';

export function documentFonts(dir = join(resourcesDir(), 'fonts')): TFontDictionary {
  return {
    [DOCUMENT_FONT]: {
      normal: join(dir, 'DejaVuSans.ttf'),
      bold: join(dir, 'DejaVuSans-Bold.ttf'),
      italics: join(dir, 'DejaVuSans-Oblique.ttf'),
      bolditalics: join(dir, 'DejaVuSans-BoldOblique.ttf'),
    },
  };
}

/** True when `path` lies inside `root` (no `..` escape). */
export const isInside = (root: string, path: string): boolean => {
  const rel = relative(resolve(root), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

let configuredFor: string | null = null;

function configure(): void {
  const root = resourcesDir();
  if (configuredFor === root) return;
  pdfmake.setFonts(documentFonts(join(root, 'fonts')));
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path: string) => isInside(root, path));
  configuredFor = root;
}

/**
 * Renders a definition to a PDF buffer. Title and creator are always set; the creation date defaults to
 * the definition's `info.creationDate`, so the same definition (with a fixed date) gives the same bytes.
 */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  configure();
  const info = {
    ...definition.info,
    title: definition.info?.title ?? DOCUMENT_CREATOR,
    creator: DOCUMENT_CREATOR,
    producer: DOCUMENT_CREATOR,
  };
  // pdfmake mutates the definition it is given (defaults, resolved fonts): hand it a shallow copy.
  const prepared: TDocumentDefinitions = {
    ...definition,
    info,
    defaultStyle: { font: DOCUMENT_FONT, ...definition.defaultStyle },
  };
  return pdfmake.createPdf(prepared).getBuffer();
}
