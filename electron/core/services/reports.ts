/**
 * `documents.render`: the official documents (issue 6). Inside the transaction: load the model, take
 * (or reuse) the document number from the register, audit a newly issued number. After the commit:
 * render the PDF. Certificates come in batches the client asks for one after the other (progress).
 */
import type { ParsedInput } from '@shared/api/contract';
import { actorLabel } from '@shared/domain/actor';
import type { DocumentStamp } from '@shared/documents/stamp';
import { loadDocumentModel } from '../documents/model';
import { planDocument, renderDocument } from '../documents/official';
import { registerDocument } from '../documents/register';
import { afterCommit, type HandlerContext, type HandlerMap } from '../registry';

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
  const definition = plan.build({ locale: model.locale, generatedAt: new Date(ctx.now), letterhead: model.letterhead, stamp });
  return afterCommit(async () => {
    const { pdf, pages } = await renderDocument(definition);
    return {
      filename: `${plan.filename}.pdf`,
      mimeType: 'application/pdf' as const,
      base64: pdf.toString('base64'),
      pages,
      number,
      version,
      hash,
      count: plan.count,
      total: plan.total,
    };
  });
}

export const reportHandlers: HandlerMap = {
  'documents.render': issueDocument,
};
