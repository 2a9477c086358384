/** Who is calling. The desktop window is the organiser; LAN devices prove who they are with a device token. */
export const ROLES = ['organiser', 'chair', 'juror', 'display', 'anonymous'] as const;
export type Role = (typeof ROLES)[number];

export type Actor =
  | { role: 'organiser' }
  | { role: 'chair'; competitionId: number; jurorId: number }
  | { role: 'juror'; competitionId: number; jurorId: number }
  | { role: 'display'; competitionId: number }
  | { role: 'anonymous' };

export const ORGANISER: Actor = { role: 'organiser' };
export const ANONYMOUS: Actor = { role: 'anonymous' };

/** Stable text form used in the audit log and operation records: "organiser", "juror:3", "display:1". */
export function actorLabel(actor: Actor): string {
  switch (actor.role) {
    case 'juror':
    case 'chair':
      return `${actor.role}:${actor.jurorId}`;
    case 'display':
      return `display:${actor.competitionId}`;
    default:
      return actor.role;
  }
}

/** The competition a device actor is bound to; organisers see every competition. */
export const actorCompetitionId = (actor: Actor): number | null =>
  'competitionId' in actor ? actor.competitionId : null;
