/** The pairing URL of a token when the core did not give one (desktop window, no LAN address yet). */
export function pairingUrl(link: { token: string; url: string | null }, where: Pick<Location, 'origin' | 'pathname'> = location): string {
  if (link.url) return link.url;
  return `${where.origin}${where.pathname}#/pair?t=${encodeURIComponent(link.token)}`;
}
