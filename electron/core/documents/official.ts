/**
 * One entry point for the official documents: which builder a kind uses, what a file holds (the
 * certificate batch), its file name and its register subject, and rendering with a page count.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { AppError } from '@shared/api/errors';
import type { RenderableKind } from '@shared/api/report-commands';
import { buildBeritaAcaraDocument } from './berita-acara';
import { buildCertificatesDocument, certificateRecipients } from './certificates';
import { buildDecreeDocument } from './decree';
import type { DocumentModel } from './model';
import type { DocumentFrame } from './parts';
import { renderPdf } from './pdf';
import { buildRecapDocument } from './recap';
import { buildScoreSheetsDocument, scoreSheetPages } from './score-sheets';
import { buildSetupSheetDocument } from './setup-sheet';

export interface DocumentRequest {
  kind: RenderableKind;
  jurorId?: number;
  entryIds?: readonly number[];
  includeParticipants?: boolean;
  batch?: { offset: number; limit: number };
}

export interface PlannedDocument {
  /** Distinguishes documents of one kind in the register: a juror's sheets, winners only or all certificates. */
  subject: string;
  /** File name without the extension. */
  filename: string;
  /** Certificates in this file (1 for other documents), and in the whole set. */
  count: number;
  total: number;
  build(frame: DocumentFrame): TDocumentDefinitions;
}

const FILE_PREFIX: Record<RenderableKind, string> = {
  recap: 'rekap',
  'score-sheets': 'lembar-penilaian',
  'berita-acara': 'berita-acara',
  decree: 'draf-sk',
  certificates: 'piagam',
  setup: 'verifikasi-pengaturan',
};

/** File names people can sort in a folder: <prefix>-<competition>[-<part>]-<yyyy-mm-dd>. */
export const slug = (text: string): string =>
  text.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-').toLowerCase().slice(0, 60) || 'kompetisi';

export function planDocument(model: DocumentModel, request: DocumentRequest, day: string): PlannedDocument {
  const name = (part = '') => `${FILE_PREFIX[request.kind]}-${slug(model.competition.name)}${part}-${day}`;
  const single = (build: PlannedDocument['build'], subject = ''): PlannedDocument => ({ subject, filename: name(), count: 1, total: 1, build });
  switch (request.kind) {
    case 'recap':
      return single((frame) =>
        buildRecapDocument(model.results, {
          locale: model.locale,
          generatedAt: frame.generatedAt,
          criterionNames: model.criterionNames,
          place: model.competition.place,
          letterhead: frame.letterhead,
          stamp: frame.stamp,
          awards: model.awards,
          signedBy: frame.signedBy,
        }),
      );
    case 'score-sheets': {
      if (request.jurorId !== undefined && !model.jurors.some((j) => j.id === request.jurorId && j.role !== 'secretary'))
        throw new AppError('CONFLICT', 'documentsJurorNotScoring');
      const pages = scoreSheetPages(model, { jurorId: request.jurorId, entryIds: request.entryIds });
      if (pages.length === 0) throw new AppError('CONFLICT', 'documentsNothingToPrint');
      const juror = model.jurors.find((j) => j.id === request.jurorId);
      return {
        subject: `juror:${request.jurorId ?? 'all'}`,
        filename: name(juror ? `-${slug(juror.name)}` : ''),
        count: pages.length,
        total: pages.length,
        build: (frame) => buildScoreSheetsDocument(model, frame, pages),
      };
    }
    case 'berita-acara':
      return single((frame) => buildBeritaAcaraDocument(model, frame));
    case 'decree':
      return single((frame) => buildDecreeDocument(model, frame));
    case 'setup':
      return single((frame) => buildSetupSheetDocument(model, frame));
    case 'certificates': {
      const all = certificateRecipients(model, { includeParticipants: request.includeParticipants, entryIds: request.entryIds });
      const { offset, limit } = request.batch ?? { offset: 0, limit: all.length };
      const recipients = all.slice(offset, offset + limit);
      if (recipients.length === 0) throw new AppError('CONFLICT', 'documentsNoCertificates');
      const part = recipients.length < all.length ? `-${offset + 1}-${offset + recipients.length}` : '';
      return {
        // One number for the whole set, whichever batch of it a file holds.
        subject: request.includeParticipants ? 'all' : 'winners',
        filename: name(part),
        count: recipients.length,
        total: all.length,
        build: (frame) => buildCertificatesDocument(model, frame, recipients),
      };
    }
  }
}

/** Pages of a PDF written by pdfmake (pdfkit writes one uncompressed "/Type /Page" dictionary per page). */
export const countPages = (pdf: Buffer): number => pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;

export async function renderDocument(definition: TDocumentDefinitions): Promise<{ pdf: Buffer; pages: number }> {
  const pdf = await renderPdf(definition);
  return { pdf, pages: countPages(pdf) };
}
