import type { HandlerMap } from '../registry';
import { issuePairingToken } from '../tokens';
import { assertCompetition, loadJurors } from './load';

/** The renderer routes `#/pair?t=…` to the pairing screen. */
const pairingUrl = (publicUrl: string | null, token: string): string | null =>
  publicUrl ? `${publicUrl.replace(/\/$/, '')}/#/pair?t=${encodeURIComponent(token)}` : null;

export const deviceHandlers: HandlerMap = {
  'device.issueJurorLinks'(ctx, { competitionId }) {
    assertCompetition(ctx.db, ctx.actor, competitionId);
    // Secretaries do not score, so they get no scoring link.
    const scoring = loadJurors(ctx.db, competitionId).filter((juror) => juror.role !== 'secretary');
    const links = scoring.map((juror) => {
      const token = issuePairingToken(ctx.db, ctx.now, { role: juror.role === 'chair' ? 'chair' : 'juror', competition_id: competitionId, juror_id: juror.id });
      return { jurorId: juror.id, name: juror.name, token, url: pairingUrl(ctx.publicUrl, token) };
    });
    ctx.audit('device.issueJurorLinks', { competitionId, jurorIds: links.map((l) => l.jurorId) });
    return { links };
  },
  'device.issueDisplayLink'(ctx, { competitionId }) {
    assertCompetition(ctx.db, ctx.actor, competitionId);
    const token = issuePairingToken(ctx.db, ctx.now, { role: 'display', competition_id: competitionId, juror_id: null });
    ctx.audit('device.issueDisplayLink', { competitionId });
    return { token, url: pairingUrl(ctx.publicUrl, token) };
  },
};
