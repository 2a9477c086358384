import { renderRecapPdf } from '../documents/recap';
import { afterCommit, type HandlerMap } from '../registry';
import { loadCompetitionDetail } from './load';
import { computeResults } from './results';

/** File names people can sort in a folder: rekap-<competition>-<yyyy-mm-dd>.pdf */
const slug = (text: string): string =>
  text.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-').toLowerCase().slice(0, 60) || 'kompetisi';

export const documentHandlers: HandlerMap = {
  'documents.recap'(ctx, { competitionId }) {
    // Read inside the transaction, render after it: the PDF reflects one consistent state.
    const results = computeResults(ctx.db, ctx.actor, competitionId);
    const { details, criteria } = loadCompetitionDetail(ctx.db, competitionId);
    // Documents follow the competition's document language, not the language of whoever prints them.
    const locale = details.documentLocale;
    const criterionNames = new Map(criteria.map((c) => [c.id, c.name]));
    const generatedAt = new Date(ctx.now);
    return afterCommit(async () => {
      const pdf = await renderRecapPdf(results, { locale, generatedAt, criterionNames });
      return {
        filename: `rekap-${slug(results.competitionName)}-${ctx.now.slice(0, 10)}.pdf`,
        mimeType: 'application/pdf' as const,
        base64: pdf.toString('base64'),
      };
    });
  },
};
