import { mkdirSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ANONYMOUS } from '@shared/domain/actor';
import { CLOSE_REVOKED, startLanServer } from '../../../electron/core/lan/server';
import { newOpId, tempCore, tempDir, thinDraft } from '../helpers';

async function serve() {
  const { core } = tempCore();
  const rendererDir = tempDir();
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Ruang Juri</title>');
  const server = await startLanServer(core, { port: 0, rendererDir });
  const post = async (base: string, command: string, input: unknown, token?: string) => {
    const response = await fetch(`${base}/api/${command}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ id: 'r1', command, input, locale: 'en' }),
    });
    return { status: response.status, body: (await response.json()) as { ok: boolean; output?: any; error?: any } };
  };
  const organiserToken = (await core.call(ANONYMOUS, 'auth.pair', { token: core.issueOrganiserToken() })).deviceToken;
  return { core, server, post, organiserToken };
}

const lanIPv4 = () =>
  Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);

describe('network mode over the LAN server', () => {
  it('rebinds to 0.0.0.0 on the same port and back, lists the LAN addresses, and pairing links follow', async () => {
    const { server, post, organiserToken } = await serve();
    const loopback = server.url;
    try {
      const before = (await post(loopback, 'network.status', {}, organiserToken)).body.output;
      expect(before).toEqual({ mode: 'local', url: loopback, lanUrls: lanIPv4().map((a) => `http://${a}:${server.port}`) });

      const switched = await post(loopback, 'network.setMode', { mode: 'network' }, organiserToken);
      expect(switched.status).toBe(200);
      expect(server.host).toBe('0.0.0.0');
      const lanUrls = lanIPv4().map((a) => `http://${a}:${server.port}`);
      expect(switched.body.output).toEqual({ mode: 'network', url: lanUrls[0] ?? loopback, lanUrls });
      // Loopback still answers (0.0.0.0 includes it), and so does every LAN address.
      expect((await post(loopback, 'competition.list', {}, organiserToken)).status).toBe(200);
      for (const url of lanUrls) expect((await post(url, 'competition.list', {}, organiserToken)).status).toBe(200);

      const competition = (await post(loopback, 'competition.create', thinDraft(), organiserToken)).body.output;
      const { cards } = (await post(loopback, 'device.pairingCards', { competitionId: competition.id }, organiserToken)).body.output;
      expect(cards[0].url).toBe(`${server.url}/#/pair?t=${encodeURIComponent(cards[0].token)}`);
      expect(cards[0].qr).toMatch(/^data:image\/svg\+xml;base64,/);
      expect(Buffer.from(cards[0].qr.split(',')[1], 'base64').toString()).toContain('<svg');

      const back = await post(loopback, 'network.setMode', { mode: 'local' }, organiserToken);
      expect(back.body.output.mode).toBe('local');
      expect(server.host).toBe('127.0.0.1');
      expect(server.url).toBe(loopback);
      for (const url of lanUrls) await expect(fetch(`${url}/index.html`)).rejects.toThrow();
    } finally {
      await server.close();
    }
  });

  it("closes a revoked device's WebSocket and refuses its marks with a clear message", async () => {
    const { server, post, organiserToken } = await serve();
    try {
      const base = server.url;
      const competition = (await post(base, 'competition.create', thinDraft(), organiserToken)).body.output;
      await post(base, 'session.open', { competitionId: competition.id }, organiserToken);
      const { cards } = (await post(base, 'device.pairingCards', { competitionId: competition.id }, organiserToken)).body.output;
      const jurorToken = (await post(base, 'auth.pairByCode', { code: cards[1].code })).body.output.deviceToken;
      const otherToken = (await post(base, 'auth.pair', { token: cards[2].token })).body.output.deviceToken;
      const wsUrl = base.replace('http', 'ws');
      const revokedSocket = new WebSocket(`${wsUrl}/events?token=${jurorToken}`);
      const keptSocket = new WebSocket(`${wsUrl}/events?token=${otherToken}`);
      await Promise.all([revokedSocket, keptSocket].map((ws) => new Promise((r) => ws.once('open', r))));
      const closed = new Promise<number>((resolve) => revokedSocket.once('close', (code) => resolve(code)));

      const { devices } = (await post(base, 'device.list', { competitionId: competition.id }, organiserToken)).body.output;
      const device = devices.find((d: { jurorId: number }) => d.jurorId === cards[1].jurorId);
      expect((await post(base, 'device.revoke', { deviceId: device.id }, organiserToken)).status).toBe(200);
      expect(await closed).toBe(CLOSE_REVOKED);
      expect(keptSocket.readyState).toBe(WebSocket.OPEN);

      const mark = { criterionId: competition.criteria[0].id, value: '80' };
      const refused = await post(base, 'scoring.saveSheet', { opId: newOpId(), entryId: competition.entries[0].id, marks: [mark] }, jurorToken);
      expect(refused).toMatchObject({ status: 401, body: { ok: false, error: { code: 'UNAUTHENTICATED', details: { key: 'deviceRevoked' } } } });
      expect(refused.body.error.message).toContain('revoked this device');
      // whoami still answers (anonymous), so the page can show that it is no longer paired.
      expect((await post(base, 'auth.whoami', {}, jurorToken)).body.output.actor).toEqual({ role: 'anonymous' });
      const ws = new WebSocket(`${wsUrl}/events?token=${jurorToken}`);
      expect(await new Promise<number>((resolve) => ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)))).toBe(401);
      keptSocket.close();
    } finally {
      await server.close();
    }
  });
});
