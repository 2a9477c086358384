import { afterCommit, type HandlerMap } from '../registry';
import { issueDocument } from './reports';

export const documentHandlers: HandlerMap = {
  // The session page's recap button: the same numbered, stamped recap as documents.render.
  'documents.recap'(ctx, { competitionId }) {
    const rendering = issueDocument(ctx, { competitionId, kind: 'recap' });
    return afterCommit(async () => {
      const { filename, mimeType, base64 } = await rendering.run();
      return { filename, mimeType, base64 };
    });
  },
};
