import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ANONYMOUS, ORGANISER } from '@shared/domain/actor';
import { startLanServer } from '../../../electron/core/lan/server';
import { newOpId, tempCore, tempDir, thinDraft } from '../helpers';

async function serve() {
  const { core } = tempCore();
  const rendererDir = tempDir();
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Ruang Juri</title>');
  const server = await startLanServer(core, { port: 0, rendererDir });
  const post = async (command: string, input: unknown, token?: string, body?: string) => {
    const response = await fetch(`${server.url}/api/${command}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: body ?? JSON.stringify({ id: 'r1', command, input, locale: 'en' }),
    });
    return { status: response.status, body: (await response.json()) as { ok: boolean; output?: any; error?: any } };
  };
  const organiserToken = (await core.call(ANONYMOUS, 'auth.pair', { token: core.issueOrganiserToken() })).deviceToken;
  return { core, server, post, organiserToken };
}

const nextMessage = (ws: WebSocket) => new Promise<any>((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)))));

describe('LAN transport', () => {
  it('binds to loopback by default, serves the interface with a CSP, and tells the core its address', async () => {
    const { server } = await serve();
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const page = await fetch(`${server.url}/index.html`);
      expect(await page.text()).toContain('Ruang Juri');
      expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    } finally {
      await server.close();
    }
  });

  it('answers with the reply envelope and an HTTP status that matches the error code', async () => {
    const { server, post, organiserToken } = await serve();
    try {
      expect(await post('competition.list', {})).toMatchObject({ status: 401, body: { ok: false, error: { code: 'UNAUTHENTICATED' } } });
      expect(await post('competition.list', {}, organiserToken)).toEqual({ status: 200, body: { id: 'r1', ok: true, output: [] } });
      expect(await post('competition.create', { name: '' }, organiserToken)).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION' } } });
      expect(await post('competition.list', {}, organiserToken, '{not json')).toMatchObject({ status: 400, body: { error: { details: { key: 'badEnvelope' } } } });
      // The URL and the envelope must name the same command.
      const mismatched = JSON.stringify({ id: 'x', command: 'competition.create', input: thinDraft() });
      expect(await post('competition.list', {}, organiserToken, mismatched)).toMatchObject({ status: 400 });
      expect(await post('competition.list', {}, organiserToken)).toMatchObject({ body: { output: [] } });
    } finally {
      await server.close();
    }
  });

  it('pushes events over the WebSocket to the devices allowed to see them', async () => {
    const { core, server, post, organiserToken } = await serve();
    try {
      const competition = (await post('competition.create', thinDraft(), organiserToken)).body.output;
      await post('session.open', { competitionId: competition.id }, organiserToken);
      const { links } = (await post('device.issueJurorLinks', { competitionId: competition.id }, organiserToken)).body.output;
      expect(links[0].url).toBe(`${server.url}/#/pair?t=${encodeURIComponent(links[0].token)}`);
      const jurorToken = (await post('auth.pair', { token: links[1].token })).body.output.deviceToken;

      const wsUrl = server.url.replace('http', 'ws');
      const organiserSocket = new WebSocket(`${wsUrl}/events?token=${organiserToken}`);
      const jurorSocket = new WebSocket(`${wsUrl}/events?token=${jurorToken}`);
      await Promise.all([organiserSocket, jurorSocket].map((ws) => new Promise((r) => ws.once('open', r))));
      const jurorMessages: string[] = [];
      jurorSocket.on('message', (data) => jurorMessages.push(JSON.parse(String(data)).event));

      const organiserGot = nextMessage(organiserSocket);
      const saved = await post(
        'scoring.saveSheet',
        { opId: newOpId(), entryId: competition.entries[0].id, marks: [{ criterionId: competition.criteria[0].id, value: '80' }] },
        jurorToken,
      );
      expect(saved.status).toBe(200);
      expect(await organiserGot).toEqual({
        event: 'sheet.changed',
        payload: { competitionId: competition.id, entryId: competition.entries[0].id, jurorId: links[1].jurorId, status: 'draft' },
      });
      const jurorGot = nextMessage(jurorSocket);
      await core.call(ORGANISER, 'session.setCurrentEntry', { competitionId: competition.id, entryId: competition.entries[1].id });
      expect((await jurorGot).event).toBe('session.changed');
      expect(jurorMessages).toEqual(['session.changed']);
      organiserSocket.close();
      jurorSocket.close();
    } finally {
      await server.close();
    }
  });

  it('refuses a WebSocket without a valid device token', async () => {
    const { server } = await serve();
    try {
      const ws = new WebSocket(`${server.url.replace('http', 'ws')}/events?token=forged`);
      const status = await new Promise<number>((resolve) => ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
      expect(status).toBe(401);
    } finally {
      await server.close();
    }
  });
});
