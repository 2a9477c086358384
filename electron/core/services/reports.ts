/**
 * `documents.render`: the official documents (issue 6). Inside the transaction: load the model, take
 * (or reuse) the document number from the register, audit a newly issued number. After the commit:
 * render the PDF. Certificates come in batches the client asks for one after the other (progress).
 */
import type { ParsedInput } from '@shared/api/contract';
import { actorLabel } from '@shared/domain/actor';
import { AppError } from '@shared/api/errors';
import type { DocumentStamp } from '@shared/documents/stamp';
import { translate } from '@shared/i18n';
import { loadDocumentModel } from '../documents/model';
import { planDocument, renderDocument } from '../documents/official';
import { registerDocument } from '../documents/register';
import { afterCommit, type HandlerContext, type HandlerMap } from '../registry';
import { documentSigner } from './signing';

/**
 * The certificate to sign with, or null for an unsigned document. Final documents are signed when a
 * certificate is installed; provisional ones only when asked, and asking without a certificate fails.
 */
function signerFor(ctx: HandlerContext, competitionId: number, final: boolean, sign: boolean | undefined) {
  if (!(sign ?? final)) return null;
  const signer = documentSigner(ctx, competitionId);
  if (!signer && sign === true) throw new AppError('NOT_FOUND', 'signingNoCertificateInstalled');
  return signer;
}

/** Loads, numbers and plans a document inside the transaction; renders it after the commit. */
export function issueDocument(ctx: HandlerContext, input: ParsedInput<'documents.render'>) {
  const model = loadDocumentModel(ctx.db, ctx.actor, input.competitionId, input.stageId);
  const plan = planDocument(model, input, ctx.now.slice(0, 10));
  // The setup sheet is stamped with the setup's hash (it exists before any result); the others with the snapshot's.
  const hash = input.kind === 'setup' ? model.setupHash : (model.snapshot?.hash ?? null);
  const version = model.snapshot?.version ?? 0;
  const request = { competitionId: model.competition.id, stageId: model.stage.id, kind: input.kind, subject: plan.subject, version, hash };
  const { number, issued } = registerDocument(ctx.db, request, ctx.now, actorLabel(ctx.actor));
  if (issued) ctx.audit('documents.issue', { ...request, number });
  const stamp: DocumentStamp = { kind: input.kind, number, competitionId: request.competitionId, stageId: request.stageId, version, hash };
  const signer = signerFor(ctx, model.competition.id, model.snapshot !== null, input.sign);
  if (signer) ctx.audit('documents.signed', { ...request, number, fingerprint: signer.fingerprint });
  const signedBy = signer && { name: signer.name, position: signer.organization };
  const definition = plan.build({ locale: model.locale, generatedAt: new Date(ctx.now), letterhead: model.letterhead, stamp, signedBy });
  const notices = model.logoUnreadable ? [translate(ctx.locale, 'signaturePad.document.logoUnreadable')] : [];
  return afterCommit(async () => {
    const rendered = await renderDocument(definition);
    const pdf = signer ? await signer.sign(rendered.pdf) : rendered.pdf;
    return {
      filename: `${plan.filename}.pdf`,
      mimeType: 'application/pdf' as const,
      base64: pdf.toString('base64'),
      pages: rendered.pages,
      number,
      version,
      hash,
      count: plan.count,
      total: plan.total,
      signed: signer !== null,
      notices,
    };
  });
}

export const reportHandlers: HandlerMap = {
  'documents.render': issueDocument,
};
