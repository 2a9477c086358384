/**
 * `npm run bench -- live`: live scoring under load. 60 juror devices, each paired through the real
 * HTTP API and holding its event WebSocket open, send 200 mark changes one after another (each waits
 * for its acknowledgement, like the juror page's outbox) to the LAN server running in its own
 * process on loopback, with the database durable (WAL, synchronous=FULL). The changes travel as the
 * juror page sends them: over the open event socket (one frame per command, no HTTP request); the
 * page falls back to HTTP while the socket is down, and that path is measured too. Beside it, in the
 * same run and on the same filesystem: raw single-row durable commits with better-sqlite3.
 * Afterwards the database is checked: every acknowledged change is there exactly once, and ~1 % of
 * the requests resent with the same opId (a retry after a lost acknowledgement) changed nothing.
 * Three runs: closed loops (every device sends its next change the moment the last one is
 * acknowledged), over the socket and over HTTP, measure throughput, and their latency is queueing by
 * construction (Little's law: 60 devices / throughput); a paced run (each device a change every
 * ~100 ms, ≈ 600 changes/s offered — far more than a room of jurors types) measures how fast one
 * change is acknowledged, which is what the p99 goal is about. Every run's figures are printed.
 * Figures and goals are printed, never asserted; the exit code is 1 only for lost or duplicated
 * marks or failed requests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { verifyAudit } from '../../electron/core/audit';
import { DATABASE_FILE } from '../../electron/core/db/open';
import { apiClient, socketClient, type ApiClient, type SocketClient } from './live-client';

const JURORS = 60;
const ENTRIES = 10;
const CRITERIA = 10;
/** Every mark is typed twice (a first value, then a correction): 10 × 10 × 2 = 200 changes per juror. */
const PASSES = 2;
const CHANGES_PER_JUROR = ENTRIES * CRITERIA * PASSES;
/** Resent requests per juror (≈ 1 %), each after the same mark was corrected, so a replay would show as a wrong value. */
const RETRIES_PER_JUROR = 2;
const RAW_COMMITS = 5000;
const GOAL_P99_MS = 20;
/** Think time between one device's changes in the paced run, jittered ±50 % so devices do not move in lockstep. */
const PACED_THINK_MS = 100;

interface Change {
  opId: string;
  entryId: number;
  criterionId: number;
  value: number;
}

const newOpId = () => randomBytes(16).toString('hex');
/** A deterministic mark 0–100 per juror, entry, criterion and pass; the two passes always differ. */
const markValue = (juror: number, entry: number, criterion: number, pass: number) => (juror * 7 + entry * 13 + criterion * 17 + pass * 31) % 101;

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const ms = (value: number) => `${value.toFixed(2)} ms`;
const perSecond = (value: number) => `${Math.round(value).toLocaleString('en-US')}/s`;
const row = (label: string, value: string, note = '') => console.log(`${label.padEnd(50)} ${value.padStart(12)}  ${note}`);
const goal = (met: boolean) => (met ? 'met' : 'NOT met');

/**
 * Raw durable commits on the same filesystem: single-row INSERTs, `rowsPerCommit` of them per
 * IMMEDIATE transaction (1 is the baseline; one row per device shows what group commit could reach).
 */
function rawCommits(dir: string, rowsPerCommit = 1): { rowsPerSecond: number; p50: number; p99: number } {
  const db = new Database(join(dir, `raw-${rowsPerCommit}-${Date.now()}.sqlite`));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE marks (id INTEGER PRIMARY KEY, juror INTEGER NOT NULL, value_milli INTEGER NOT NULL)');
  const insert = db.prepare('INSERT INTO marks (juror, value_milli) VALUES (?, ?)');
  const commit = db.transaction((first: number) => {
    for (let i = first; i < first + rowsPerCommit; i++) insert.run(i % JURORS, i * 1000);
  });
  const commits = Math.ceil(RAW_COMMITS / rowsPerCommit);
  const times = new Float64Array(commits);
  const start = performance.now();
  for (let c = 0; c < commits; c++) {
    const before = performance.now();
    commit.immediate(c * rowsPerCommit);
    times[c] = performance.now() - before;
  }
  const total = performance.now() - start;
  db.close();
  times.sort();
  return { rowsPerSecond: ((commits * rowsPerCommit) / total) * 1000, p50: percentile(times, 50), p99: percentile(times, 99) };
}

/** Starts tests/bench/live-server.ts and waits for the line with its address. */
async function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string; organiserPairingToken: string; lines: AsyncIterator<string> }> {
  const child = spawn(process.execPath, [...(process.env.RJ_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.RJ_PROFILE] : []), '--import', 'tsx', join(__dirname, 'live-server.ts'), dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const first = await lines.next();
  if (first.done) throw new Error('the bench server exited before printing its address');
  return { child, lines, ...(JSON.parse(first.value) as { url: string; organiserPairingToken: string }) };
}

async function stopServer(child: ChildProcess, lines: AsyncIterator<string>): Promise<{ cpuUserMs: number; cpuSystemMs: number; maxRssMb: number }> {
  child.kill('SIGTERM');
  const last = await lines.next();
  return JSON.parse(last.value) as { cpuUserMs: number; cpuSystemMs: number; maxRssMb: number };
}

/** The competition (one category, 10 equal criteria, 60 jurors — the first one chairs — 10 entries), its session open. */
async function setUpCompetition(organiser: ApiClient) {
  const competition = await organiser.call<{ id: number }>('competition.create', {
    name: 'Bench: Kompetisi Inovasi Pelayanan Publik',
    categories: [{ name: 'Umum' }],
    criteria: Array.from({ length: CRITERIA }, (_, c) => ({ name: `Kriteria ${c + 1}`, weight: String(100 / CRITERIA) })),
    jurors: Array.from({ length: JURORS }, (_, j) => ({ name: `Juri ${j + 1}`, role: j === 0 ? 'chair' : 'member' })),
    entries: Array.from({ length: ENTRIES }, (_, e) => ({ code: `E${e + 1}`, title: `Inovasi ${e + 1}`, unit: `OPD ${e + 1}`, category: 'Umum' })),
  });
  await organiser.call('session.open', { competitionId: competition.id });
  const { links } = await organiser.call<{ links: { token: string; jurorId: number }[] }>('device.issueJurorLinks', { competitionId: competition.id });
  return links;
}

/** One juror device: loads its assignment (as the page does), then sends its changes one at a time. */
async function runJuror(client: ApiClient, juror: number, latencies: number[], retryLatencies: number[], errors: string[], thinkMs = 0) {
  const assignment = await client.call<{ entries: { id: number }[]; criteria: { id: number }[] }>('scoring.myAssignment', {});
  const changes: Change[] = [];
  for (let pass = 0; pass < PASSES; pass++)
    assignment.entries.forEach((entry, e) =>
      assignment.criteria.forEach((criterion, c) => changes.push({ opId: newOpId(), entryId: entry.id, criterionId: criterion.id, value: markValue(juror, e, c, pass) })),
    );
  const cells = ENTRIES * CRITERIA;
  const retryAfter = new Map<number, number>(); // index of a correction → index of the first value to resend after it
  for (let k = 0; k < RETRIES_PER_JUROR; k++) {
    const first = (juror * 37 + k * 53) % cells;
    retryAfter.set(first + cells, first);
  }
  const acknowledged: Change[] = [];
  const replies = new Map<number, string>();
  const send = async (change: Change) => {
    const start = performance.now();
    const reply = await client.send('scoring.saveSheet', { opId: change.opId, entryId: change.entryId, marks: [{ criterionId: change.criterionId, value: String(change.value) }], submit: false });
    return { reply, ms: performance.now() - start };
  };
  for (let i = 0; i < changes.length; i++) {
    if (thinkMs) await new Promise((resolve) => setTimeout(resolve, thinkMs * (0.5 + Math.random())));
    const { reply, ms: took } = await send(changes[i]);
    if (!reply.ok) {
      errors.push(`juror ${juror + 1}, change ${i + 1}: ${reply.error.code} ${reply.error.message}`);
      continue;
    }
    latencies.push(took);
    acknowledged.push(changes[i]);
    replies.set(i, JSON.stringify(reply.output));
    const first = retryAfter.get(i);
    if (first === undefined) continue;
    // The retry must get the first answer again (the sheet as it was then), not a new one.
    const again = await send(changes[first]);
    retryLatencies.push(again.ms);
    if (!again.reply.ok) errors.push(`juror ${juror + 1}, retry of change ${first + 1}: ${again.reply.error.code} ${again.reply.error.message}`);
    else if (JSON.stringify(again.reply.output) !== replies.get(first)) errors.push(`juror ${juror + 1}, retry of change ${first + 1}: a different answer than the first time`);
  }
  return acknowledged;
}

/** What the database holds against what was acknowledged. */
function check(dataDir: string, acknowledged: Map<number, Change[]>) {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const expected = new Map<string, number>();
    const ackedOps = new Set<string>();
    for (const [jurorId, changes] of acknowledged)
      for (const change of changes) {
        expected.set(`${jurorId}:${change.entryId}:${change.criterionId}`, change.value * 1000); // the last acknowledged value wins
        ackedOps.add(change.opId);
      }
    const stored = new Map(
      (db.prepare('SELECT juror_id, entry_id, criterion_id, value_milli FROM marks').all() as { juror_id: number; entry_id: number; criterion_id: number; value_milli: number }[]).map(
        (m) => [`${m.juror_id}:${m.entry_id}:${m.criterion_id}`, m.value_milli],
      ),
    );
    const wrongOrMissing = [...expected].filter(([cell, value]) => stored.get(cell) !== value).length;
    const unexpected = [...stored.keys()].filter((cell) => !expected.has(cell)).length;
    const audited = db
      .prepare("SELECT json_extract(details_json, '$.opId') AS opId, count(*) AS n FROM audit_log WHERE action = 'scoring.saveSheet' GROUP BY opId")
      .all() as { opId: string; n: number }[];
    const auditedOps = new Set(audited.map((a) => a.opId));
    const operations = new Set((db.prepare("SELECT op_id FROM operations WHERE command = 'scoring.saveSheet'").all() as { op_id: string }[]).map((o) => o.op_id));
    return {
      cells: expected.size,
      storedMarks: stored.size,
      wrongOrMissing,
      unexpected,
      unaudited: [...ackedOps].filter((op) => !auditedOps.has(op)).length,
      unrecorded: [...ackedOps].filter((op) => !operations.has(op)).length,
      auditedTwice: audited.reduce((sum, a) => sum + Math.max(0, a.n - 1), 0),
      auditRows: audited.reduce((sum, a) => sum + a.n, 0),
      auditChain: verifyAudit(db),
    };
  } finally {
    db.close();
  }
}

interface Device {
  jurorId: number;
  /** The event socket, over which the page sends its commands while it is open. */
  socket: SocketClient;
  /** The same device over HTTP, the page's path while the socket is down. */
  http: ApiClient;
}

interface Run {
  acknowledged: Change[][];
  latencies: Float64Array;
  elapsedMs: number;
  clientCpuMs: number;
}

/** Every device types its 200 changes through `path`, all at once; `thinkMs` 0 is a closed loop. */
async function runAll(devices: Device[], path: (device: Device) => ApiClient, retryLatencies: number[], errors: string[], thinkMs = 0): Promise<Run> {
  const latencies: number[] = [];
  const start = performance.now();
  const cpuAtStart = process.cpuUsage();
  const acknowledged = await Promise.all(devices.map((device, j) => runJuror(path(device), j, latencies, retryLatencies, errors, thinkMs)));
  const cpu = process.cpuUsage(cpuAtStart);
  return { acknowledged, latencies: Float64Array.from(latencies).sort(), elapsedMs: performance.now() - start, clientCpuMs: (cpu.user + cpu.system) / 1000 };
}

const count = (run: Run) => run.acknowledged.reduce((sum, changes) => sum + changes.length, 0);
const throughputOf = (run: Run) => (count(run) / run.elapsedMs) * 1000;

function printClosedLoop(label: string, run: Run, raw: number): void {
  const throughput = throughputOf(run);
  console.log(`\nClosed loop ${label}: ${count(run)} acknowledged changes in ${(run.elapsedMs / 1000).toFixed(2)} s`);
  row('  throughput (acknowledged changes per second)', perSecond(throughput), `${((throughput / raw) * 100).toFixed(0)} % of the raw commit rate`);
  for (const p of [50, 95, 99]) row(`  acknowledgement latency p${p}`, ms(percentile(run.latencies, p)));
  row('  acknowledgement latency max', ms(run.latencies[run.latencies.length - 1]));
  // The 60 clients run in this process on the same cores as the server: their CPU is the server's loss.
  row(`  client CPU per change (all ${JURORS} devices)`, ms(run.clientCpuMs / count(run)), 'this process, sharing the cores with the server');
  // Without think time every device always has one request waiting, so latency ≈ devices / throughput.
  row('  devices / throughput (Little’s law)', ms((JURORS / throughput) * 1000), 'the mean latency a single-writer server must show');
}

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'ruang-juri-bench-'));
  const dataDir = join(dir, 'data');
  const server = await startServer(dataDir);
  const sockets: SocketClient[] = [];
  try {
    console.log(`Live scoring bench: ${JURORS} jurors × ${CHANGES_PER_JUROR} mark changes (${ENTRIES} entries × ${CRITERIA} criteria × ${PASSES} passes), durable (WAL, synchronous=FULL)`);
    console.log(`Temp folder: ${dir}; server ${server.url} in its own process; each device: its event WebSocket and one HTTP keep-alive connection`);
    // Other work on the machine moves every figure here; the load average says how much there was.
    console.log(`${cpus().length} CPUs, load average at the start ${loadavg()[0].toFixed(1)}\n`);
    const rawBefore = rawCommits(dir);
    const rawGrouped = rawCommits(dir, JURORS);

    const { deviceToken: organiserToken } = await apiClient(server.url).call<{ deviceToken: string }>('auth.pair', { token: server.organiserPairingToken });
    const links = await setUpCompetition(apiClient(server.url, organiserToken));
    const organiserEvents = await socketClient(server.url, organiserToken);
    sockets.push(organiserEvents);
    const devices: Device[] = [];
    for (const link of links) {
      const { deviceToken } = await apiClient(server.url).call<{ deviceToken: string }>('auth.pair', { token: link.token });
      const socket = await socketClient(server.url, deviceToken);
      sockets.push(socket);
      devices.push({ jurorId: link.jurorId, socket, http: apiClient(server.url, deviceToken) });
    }

    const retryLatencies: number[] = [];
    const errors: string[] = [];
    const overSocket = await runAll(devices, (device) => device.socket, retryLatencies, errors);
    const overHttp = await runAll(devices, (device) => device.http, retryLatencies, errors);
    const paced = await runAll(devices, (device) => device.socket, retryLatencies, errors, PACED_THINK_MS);
    const runs = [overSocket, overHttp, paced];
    // Later runs type the same values again with new opIds: the last acknowledged value still wins.
    const acknowledged = new Map(devices.map((device, j) => [device.jurorId, runs.flatMap((run) => run.acknowledged[j])]));
    const acked = runs.reduce((sum, run) => sum + count(run), 0);
    // Push events leave after the commit; give the last ones a moment to arrive.
    const deadline = Date.now() + 3000;
    while ((organiserEvents.received.get('sheet.changed') ?? 0) < acked && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    for (const socket of sockets) socket.close();
    const serverUsage = await stopServer(server.child, server.lines);
    const rawAfter = rawCommits(dir);

    console.log('Raw durable commits (better-sqlite3, one single-row INSERT per transaction)');
    row(`  before the live runs, ${RAW_COMMITS} commits`, perSecond(rawBefore.rowsPerSecond), `p50 ${ms(rawBefore.p50)}, p99 ${ms(rawBefore.p99)}`);
    row(`  after the live runs, ${RAW_COMMITS} commits`, perSecond(rawAfter.rowsPerSecond), `p50 ${ms(rawAfter.p50)}, p99 ${ms(rawAfter.p99)}`);
    row(`  ${JURORS} rows per commit (as group commit would)`, perSecond(rawGrouped.rowsPerSecond), `rows/s; per commit p50 ${ms(rawGrouped.p50)}, p99 ${ms(rawGrouped.p99)}`);
    // The goal is measured against the better of the two single-row figures (the disk is shared and noisy).
    const raw = Math.max(rawBefore.rowsPerSecond, rawAfter.rowsPerSecond);
    printClosedLoop('over the event socket (the juror page while connected)', overSocket, raw);
    printClosedLoop('over HTTP (the page’s fallback while the socket is down)', overHttp, raw);
    console.log(`\nAll runs`);
    row('  retries (same opId) latency p50', retryLatencies.length ? ms(percentile(Float64Array.from(retryLatencies).sort(), 50)) : '—', `${retryLatencies.length} retries`);
    const cpuNote = `user ${ms(serverUsage.cpuUserMs / acked)} + system ${ms(serverUsage.cpuSystemMs / acked)}, setup included; peak RSS ${serverUsage.maxRssMb.toFixed(0)} MB`;
    row('  server CPU per acknowledged change', ms((serverUsage.cpuUserMs + serverUsage.cpuSystemMs) / acked), cpuNote);
    console.log(`\nPaced over the event socket (latency): ${count(paced)} changes in ${(paced.elapsedMs / 1000).toFixed(2)} s, each device a change every ~${PACED_THINK_MS} ms`);
    row('  offered and acknowledged per second', perSecond(throughputOf(paced)));
    for (const p of [50, 95, 99]) row(`  acknowledgement latency p${p}`, ms(percentile(paced.latencies, p)));
    row('  acknowledgement latency max', ms(paced.latencies[paced.latencies.length - 1]));

    const found = check(dataDir, acknowledged);
    const chairEvents = devices[0].socket.received.get('sheet.changed') ?? 0;
    console.log(`  load average at the end ${loadavg()[0].toFixed(1)}`);
    console.log('\nChecks');
    row('  marks expected (juror × entry × criterion)', String(found.cells), `stored: ${found.storedMarks}, unexpected: ${found.unexpected}`);
    row('  lost: acknowledged but missing or wrong value', String(found.wrongOrMissing));
    row('  lost: acknowledged without their audit row', String(found.unaudited));
    row('  lost: acknowledged without their operation record', String(found.unrecorded));
    row('  duplicated: opIds with more than one audit row', String(found.auditedTwice), `audit rows ${found.auditRows} for ${acked} acknowledged changes + ${retryLatencies.length} retries`);
    row('  audit chain', found.auditChain.brokenAt === null ? 'intact' : `broken at ${found.auditChain.brokenAt}`, `${found.auditChain.rows} rows`);
    row('  push: sheet.changed to the organiser / the chair', `${organiserEvents.received.get('sheet.changed') ?? 0} / ${chairEvents}`, `expected ${acked} each`);
    row('  failed requests', String(errors.length), errors.slice(0, 3).join('; '));

    const throughput = throughputOf(overSocket);
    const p99 = percentile(paced.latencies, 99);
    console.log('\nGoals');
    console.log(`  p99 ${ms(p99)} (paced run) — goal < ${GOAL_P99_MS} ms: ${goal(p99 < GOAL_P99_MS)}`);
    console.log(`  throughput ${perSecond(throughput)} (over the event socket) vs raw ${perSecond(raw)} — goal ≥ 50 %: ${goal(throughput >= raw / 2)}`);
    const lost = found.wrongOrMissing + found.unaudited + found.unrecorded;
    const duplicated = found.auditedTwice;
    console.log(`  lost ${lost}, duplicated ${duplicated} — goal 0: ${goal(lost === 0 && duplicated === 0)}`);
    const sound = lost === 0 && duplicated === 0 && found.unexpected === 0 && errors.length === 0 && found.auditChain.brokenAt === null;
    return sound ? 0 : 1;
  } finally {
    for (const socket of sockets) socket.terminate();
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
