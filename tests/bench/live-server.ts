/**
 * The live bench's server, in its own process (as on the organiser's laptop, the jurors' work
 * happens elsewhere): createCore on the data folder given as the first argument, the LAN server on
 * 127.0.0.1 at a random port. Prints one JSON line with its address and a one-time organiser
 * pairing token; on SIGTERM it closes and prints one JSON line with the CPU time it spent.
 */
import { join } from 'node:path';
import { createCore } from '../../electron/core';
import { startLanServer } from '../../electron/core/lan/server';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: live-server.ts DATA_DIR');

async function main(): Promise<void> {
  const core = createCore({ dataDir });
  // No renderer: the bench talks to the API only (static files answer 503).
  const server = await startLanServer(core, { host: '127.0.0.1', port: 0, rendererDir: join(dataDir, 'no-renderer') });
  const cpuAtStart = process.cpuUsage();
  console.log(JSON.stringify({ url: server.url, organiserPairingToken: core.issueOrganiserToken() }));

  process.once('SIGTERM', () => {
    void server.close().then(() => {
      core.close();
      const cpu = process.cpuUsage(cpuAtStart);
      console.log(JSON.stringify({ cpuUserMs: cpu.user / 1000, cpuSystemMs: cpu.system / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
      process.exit(0);
    });
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
