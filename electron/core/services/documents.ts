import { renderRecapPdf } from '../documents/recap';
import { afterCommit, type HandlerMap } from '../registry';
import { computeResults } from './results';

/** File names people can sort in a folder: rekap-<competition>-<yyyy-mm-dd>.pdf */
const slug = (text: string): string =>
  text.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-').toLowerCase().slice(0, 60) || 'kompetisi';

export const documentHandlers: HandlerMap = {
  'documents.recap'(ctx, { competitionId }) {
    // Read inside the transaction, render after it: the PDF reflects one consistent state.
    const results = computeResults(ctx.db, ctx.actor, competitionId);
    const generatedAt = new Date(ctx.now);
    return afterCommit(async () => {
      const pdf = await renderRecapPdf(results, { locale: ctx.locale, generatedAt });
      return {
        filename: `rekap-${slug(results.competitionName)}-${ctx.now.slice(0, 10)}.pdf`,
        mimeType: 'application/pdf' as const,
        base64: pdf.toString('base64'),
      };
    });
  },
};
