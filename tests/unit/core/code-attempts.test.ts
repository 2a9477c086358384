/** Wrong short pairing codes are limited per client address (issue 5): the limiter and the LAN server's use of it. */
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANONYMOUS } from '@shared/domain/actor';
import { clientAddress, createAttemptLimiter } from '../../../electron/core/lan/attempt-limit';
import { startLanServer } from '../../../electron/core/lan/server';
import { tempCore, tempDir, thinDraft } from '../helpers';

describe('attempt limiter', () => {
  it('lets 10 wrong attempts through in a minute, then refuses until the oldest is a minute old', () => {
    const limiter = createAttemptLimiter({ max: 10, windowMs: 60_000 });
    for (let i = 0; i < 10; i++) {
      expect(limiter.retryAfterMs('10.0.0.7', 1000 + i * 1000)).toBe(0);
      limiter.fail('10.0.0.7', 1000 + i * 1000);
    }
    // The first failure was at 1 s, so the address waits until 61 s.
    expect(limiter.retryAfterMs('10.0.0.7', 11_000)).toBe(50_000);
    expect(limiter.retryAfterMs('10.0.0.7', 60_999)).toBe(1);
    expect(limiter.retryAfterMs('10.0.0.7', 61_000)).toBe(0);
    // Another address is not affected.
    expect(limiter.retryAfterMs('10.0.0.8', 11_000)).toBe(0);
  });

  it('forgets the stalest addresses beyond its capacity', () => {
    const limiter = createAttemptLimiter({ max: 1, windowMs: 60_000, maxAddresses: 2 });
    limiter.fail('a', 0);
    limiter.fail('b', 1);
    limiter.fail('c', 2);
    expect([limiter.retryAfterMs('a', 3), limiter.retryAfterMs('b', 3), limiter.retryAfterMs('c', 3)]).toEqual([0, 59_998, 59_999]);
  });

  it('treats an IPv4-mapped IPv6 address as the IPv4 one', () => {
    expect(clientAddress('::ffff:192.168.1.5')).toBe('192.168.1.5');
    expect(clientAddress('fe80::1')).toBe('fe80::1');
  });
});

/** POST /api/<command> from a chosen loopback source address. */
function postFrom(localAddress: string, url: string, command: string, input: unknown) {
  return new Promise<{ status: number; retryAfter?: string; body: any }>((resolve, reject) => {
    const body = JSON.stringify({ id: 'r1', command, input, locale: 'id' });
    const req = request(`${url}/api/${command}`, { method: 'POST', localAddress, headers: { 'Content-Type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string | undefined, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('short codes typed over the LAN', () => {
  it('refuses the 11th wrong code within a minute from one address with a clear message, while other addresses still pair', async () => {
    const { core } = tempCore();
    const rendererDir = tempDir();
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
    const server = await startLanServer(core, { port: 0, rendererDir });
    try {
      const organiser = core.authenticate((await core.call(ANONYMOUS, 'auth.pair', { token: core.issueOrganiserToken() })).deviceToken);
      const competition = await core.call(organiser, 'competition.create', thinDraft());
      const { cards } = await core.call(organiser, 'device.pairingCards', { competitionId: competition.id });

      for (let i = 0; i < 10; i++) {
        const wrong = await postFrom('127.0.0.1', server.url, 'auth.pairByCode', { code: 'AAAAAA' });
        expect(wrong.body.error.details.key).toBe('pairingCodeInvalid');
      }
      // Even the right code is refused now: the address is waiting.
      const blocked = await postFrom('127.0.0.1', server.url, 'auth.pairByCode', { code: cards[1]!.code });
      expect(blocked.status).toBe(429);
      expect(blocked.body.error).toMatchObject({ code: 'FORBIDDEN', details: { key: 'pairingCodeTooMany' } });
      expect(Number(blocked.retryAfter)).toBeGreaterThan(50);
      expect(blocked.body.error.message).toMatch(/^Terlalu banyak kode salah dari perangkat ini\. Tunggu \d+ detik/);

      // A tablet at another address is not held up by it.
      const other = await postFrom('127.0.0.2', server.url, 'auth.pairByCode', { code: cards[1]!.code });
      expect(other.status).toBe(200);
      expect(other.body.output.actor).toMatchObject({ jurorId: cards[1]!.jurorId });
    } finally {
      await server.close();
      core.close();
    }
  });
});
