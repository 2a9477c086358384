import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import { ANONYMOUS, ORGANISER } from '@shared/domain/actor';
import { DATABASE_FILE } from '../../../electron/core/db/open';
import { startLanServer } from '../../../electron/core/lan/server';
import { newOpId, tempCore, tempDir, thinDraft } from '../helpers';

async function serve() {
  const { core, dataDir } = tempCore();
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
  return { core, server, post, organiserToken, dataDir };
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

  it('takes large uploads from a paired device only; a stranger is told the limit (413) instead of being buffered', async () => {
    const { server, post, organiserToken } = await serve();
    try {
      // ~9 MB: above the old 8 MB cap, far below the contract's own 60 million characters.
      const big = JSON.stringify({ id: 'v1', command: 'signing.verify', input: { base64: 'A'.repeat(9_000_000) }, locale: 'en' });
      const paired = await post('signing.verify', {}, organiserToken, big);
      expect(paired.body.error?.details?.key).not.toBe('requestTooLarge');
      expect(paired.body.error?.details?.key).not.toBe('badEnvelope');
      const stranger = await post('auth.pair', {}, undefined, JSON.stringify({ id: 'p1', command: 'auth.pair', input: { token: 'x'.repeat(100_000) } }));
      expect(stranger).toMatchObject({ status: 413, body: { ok: false, error: { details: { key: 'requestTooLarge', params: { mb: 1 } } } } });
      // The server goes on answering.
      expect((await post('competition.list', {}, organiserToken)).status).toBe(200);
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

  it('answers commands sent over the event socket like HTTP ones: same replies, same opId replay, pushes alongside', async () => {
    const { server, post, organiserToken } = await serve();
    try {
      const competition = (await post('competition.create', thinDraft(), organiserToken)).body.output;
      await post('session.open', { competitionId: competition.id }, organiserToken);
      const { links } = (await post('device.issueJurorLinks', { competitionId: competition.id }, organiserToken)).body.output;
      const jurorToken = (await post('auth.pair', { token: links[1].token })).body.output.deviceToken;
      const socket = new WebSocket(`${server.url.replace('http', 'ws')}/events?token=${jurorToken}`);
      await new Promise((r) => socket.once('open', r));
      const frames: any[] = [];
      socket.on('message', (data) => frames.push(JSON.parse(String(data))));
      const replyTo = (id: string) =>
        new Promise<any>((resolve) => {
          const look = () => {
            const frame = frames.find((f) => f.reply?.id === id);
            if (frame) resolve(frame.reply);
            else setTimeout(look, 5);
          };
          look();
        });
      const send = (id: string, command: string, input: unknown, locale = 'en') => {
        socket.send(JSON.stringify({ id, command, input, locale }));
        return replyTo(id);
      };

      const save = { opId: newOpId(), entryId: competition.entries[0].id, marks: [{ criterionId: competition.criteria[0].id, value: '80' }] };
      const first = await send('w1', 'scoring.saveSheet', save);
      expect(first).toMatchObject({ id: 'w1', ok: true, output: { status: 'draft', marks: [{ criterionId: competition.criteria[0].id, value: '80' }] } });
      // The same opId again (a retry after a lost reply) answers as the first time and changes nothing.
      const again = await send('w2', 'scoring.saveSheet', { ...save, marks: [{ criterionId: competition.criteria[0].id, value: '10' }] });
      expect(again.output).toEqual(first.output);
      const viaHttp = (await post('scoring.myAssignment', {}, jurorToken)).body.output;
      expect(viaHttp.sheets[0].marks).toEqual([{ criterionId: competition.criteria[0].id, value: '80' }]);
      // Errors come back translated in the envelope's language, as over HTTP.
      const outOfScale = { ...save, marks: [{ criterionId: competition.criteria[0].id, value: '101' }] };
      const refused = await send('w3', 'scoring.saveSheet', { ...outOfScale, opId: newOpId() });
      expect(refused).toMatchObject({ id: 'w3', ok: false, error: { code: 'VALIDATION', details: { key: 'markOutOfScale' } } });
      expect(refused.error).toEqual((await post('scoring.saveSheet', { ...outOfScale, opId: newOpId() }, jurorToken)).body.error);
      expect((await send('w4', 'competition.list', {})).error.code).toBe('FORBIDDEN');
      // An unreadable frame is refused with its id when it has one; the socket stays usable.
      socket.send(JSON.stringify({ id: 'w5', command: 42 }));
      expect(await replyTo('w5')).toMatchObject({ ok: false, error: { details: { key: 'badEnvelope' } } });
      socket.send('{not json');
      expect(await replyTo('')).toMatchObject({ ok: false, error: { details: { key: 'badEnvelope' } } });
      expect((await send('w6', 'scoring.myAssignment', {})).ok).toBe(true);
      // The juror's own saves are not pushed back to them (not their event to see): only replies arrived.
      expect(frames.every((f) => 'reply' in f)).toBe(true);
      socket.close();
    } finally {
      await server.close();
    }
  });

  it("checks the socket's token again for every command: a device revoked meanwhile is refused", async () => {
    const { server, post, organiserToken, dataDir } = await serve();
    try {
      const competition = (await post('competition.create', thinDraft(), organiserToken)).body.output;
      const { links } = (await post('device.issueJurorLinks', { competitionId: competition.id }, organiserToken)).body.output;
      const jurorToken = (await post('auth.pair', { token: links[0].token })).body.output.deviceToken;
      const socket = new WebSocket(`${server.url.replace('http', 'ws')}/events?token=${jurorToken}`);
      await new Promise((r) => socket.once('open', r));
      const ask = (id: string) => {
        const reply = nextMessage(socket);
        socket.send(JSON.stringify({ id, command: 'scoring.myAssignment', input: {}, locale: 'en' }));
        return reply;
      };
      expect((await ask('a1')).reply.ok).toBe(true);
      // Revoked behind the server's back (no push, so the socket stays open): the next command is refused.
      const db = new Database(join(dataDir, DATABASE_FILE));
      db.prepare('UPDATE devices SET revoked_at = ? WHERE juror_id = ?').run(new Date().toISOString(), links[0].jurorId);
      db.close();
      expect((await ask('a2')).reply).toMatchObject({ id: 'a2', ok: false, error: { code: 'UNAUTHENTICATED', details: { key: 'deviceRevoked' } } });
      socket.close();
    } finally {
      await server.close();
    }
  });

  it("follows a juror's role change on an open socket: made chair, the juror's tablet receives the chair's events", async () => {
    const { server, post, organiserToken } = await serve();
    try {
      const competition = (await post('competition.create', thinDraft(), organiserToken)).body.output;
      await post('session.open', { competitionId: competition.id }, organiserToken);
      const { links } = (await post('device.issueJurorLinks', { competitionId: competition.id }, organiserToken)).body.output;
      const pairOf = async (index: number) => (await post('auth.pair', { token: links[index].token })).body.output.deviceToken as string;
      const member = competition.jurors.find((j: { id: number }) => j.id === links[1].jurorId);
      const socket = new WebSocket(`${server.url.replace('http', 'ws')}/events?token=${await pairOf(1)}`);
      await new Promise((r) => socket.once('open', r));
      const events: string[] = [];
      socket.on('message', (data) => events.push(JSON.parse(String(data)).event));
      const chairToken = await pairOf(0);
      const save = (value: string) =>
        post('scoring.saveSheet', { opId: newOpId(), entryId: competition.entries[0].id, marks: [{ criterionId: competition.criteria[0].id, value }] }, chairToken);

      await save('70');
      await post('juror.save', { competitionId: competition.id, id: member.id, name: member.name, title: '', nip: '', position: '', institution: '', role: 'chair' }, organiserToken);
      await save('75');
      await new Promise((r) => setTimeout(r, 100));
      // Before the change the member's tablet saw no sheet events; after it, it does.
      expect(events.filter((e) => e === 'sheet.changed')).toHaveLength(1);
      expect(events.indexOf('competition.changed')).toBeLessThan(events.indexOf('sheet.changed'));
      socket.close();
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
