/**
 * @module `npm run bench:server`: our sync server against the reference @y/websocket-server, and
 * against itself without the authorship check ("unchecked"), each its own child process on
 * 127.0.0.1, driven by one load-generator process. Order: seed documents, restart ours and the
 * reference (with the inspector, to force GC) and measure memory, restart all three (without) and
 * measure latency at a fixed rate and the sustained rate on a ramp, then how soon a revoked person
 * is disconnected. Prints the tables and writes `.bench/server-<timestamp>.json`. Every server and
 * temp folder is removed on any exit.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLoadGenerator } from './load-client';
import { parseOptions } from './options';
import { memory, seed } from './memory';
import { latency, ramp, rooms } from './phases';
import { machineBusyMs, procAvailable } from './proc';
import { environment, header, rampTable, summaryRows, table, type Results } from './report';
import { measureRevocation } from './revoke';
import { checkRows, scrapeCheckCost } from './check-cost';
import { cleanup, cleanupSync, KINDS, MEMORY_KINDS, REPO_ROOT, shareSecret, startServer, tempDir, type ServerHandle, type ServerKind } from './servers';

const options = parseOptions();
const env = environment();
const started = Date.now();
const log = (line: string) => console.log(line);
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

let interrupted = false;
process.on('exit', cleanupSync);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: stopping both servers and removing temp folders...`);
    void cleanup().finally(() => process.exit(130));
  });
}

async function startBoth(dirs: Record<string, string>, inspect: boolean, kinds: readonly ServerKind[] = KINDS): Promise<ServerHandle[]> {
  const servers: ServerHandle[] = [];
  for (const kind of kinds) servers.push(await startServer(kind, dirs[kind]!, { inspect }));
  return servers;
}

async function stopBoth(servers: ServerHandle[]): Promise<void> {
  await Promise.all(servers.map((s) => s.stop()));
}

async function main(): Promise<void> {
  if (!procAvailable()) throw new Error('this benchmark reads CPU and memory from /proc: run it on Linux');
  log(header(options, env));
  // Others' work on a shared machine moves every figure: say how busy it was before we started.
  const busy0 = machineBusyMs();
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const othersPct = ((machineBusyMs() - busy0) / 2000) * 100;
  log(`  machine load before start: ${othersPct.toFixed(0)}% of one core busy with other processes` +
    (othersPct > 25 ? ' — WARNING: a busy machine; expect noisy figures (see "others CPU" per run)' : ''));
  const dirs = Object.fromEntries(KINDS.map((kind) => [kind, tempDir(kind)]));
  const tokenDirs = [dirs.ours!, dirs.unchecked!];
  shareSecret(tokenDirs);
  const load = await startLoadGenerator();
  const results: Results = { memory: {}, latency: {}, ramp: {} };
  const phases = new Set(options.phases);

  if (phases.has('memory')) {
    log('\nmemory: seeding documents, then restarting both servers on them');
    // Tokens come from issueInvite on our data folder, which creates its secret before the server starts.
    const docRooms = rooms('doc', options.docs, 1, tokenDirs);
    let servers = await startBoth(dirs, false, MEMORY_KINDS);
    for (const server of servers) await seed(load, server, docRooms, options.captures);
    // The reference stores to LevelDB after relaying: give its last writes time to land before SIGTERM.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await stopBoth(servers);
    servers = await startBoth(dirs, true, MEMORY_KINDS);
    for (const server of servers) {
      const m = await memory(load, server, docRooms, options, tokenDirs);
      results.memory[server.kind] = m;
      log(`  ${server.kind.padEnd(9)} baseline RSS ${mib(m.baseline.rss)} MiB; ` +
        `+${m.conns} idle connections ${mib(m.withConns.rss - m.baseline.rss)} MiB RSS, ${mib(m.withConns.heap - m.baseline.heap)} MiB heap; ` +
        `+${m.docs} docs ${mib(m.withDocs.rss - m.withConns.rss)} MiB RSS, ${mib(m.withDocs.heap - m.withConns.heap)} MiB heap`);
    }
    await stopBoth(servers);
  }

  if (phases.has('latency') || phases.has('ramp')) {
    const servers = await startBoth(dirs, options.profile);
    if (options.profile) log('\nprofiling: CPU profiles of each run go to .bench/profiles/ (main threads only)');
    if (phases.has('latency')) {
      log(`\nlatency: ${options.rate} updates/s, ${options.client} clients`);
      results.latency = await latency(load, servers, options, log);
    }
    if (phases.has('ramp')) {
      log(`\nramp: ${options.rampClient} clients`);
      results.ramp = await ramp(load, servers, options, log);
    }
    results.checkCost = await scrapeCheckCost(servers.find((s) => s.kind === 'ours')!);
    await stopBoth(servers);
  }

  if (phases.has('revoke')) {
    log('\nrevoke: a connected person revoked from another process (as npm run revoke does), until their socket closes');
    const [server] = await startBoth(dirs, false, ['ours']);
    results.revoke = await measureRevocation(server!, options.revokes);
    log(`  ${results.revoke.samples.length} revocations: median ${results.revoke.median.toFixed(0)} ms, max ${results.revoke.max.toFixed(0)} ms`);
    await server!.stop();
  }

  if (Object.keys(results.ramp).length > 0) log(`\nramp (CPU in % of one core; server: all its threads; generator: the load process)\n${rampTable(results)}`);
  const rows = summaryRows(results, options);
  log(`\nsummary (ours/ref < 1 means ours uses less / is faster, except sustained updates/s where higher is better)\n`);
  log(table(rows));
  const check = checkRows(results, options);
  if (check.length > 0) {
    log('\nthe authorship check: ours (checked) against the same server without it (unchecked)\n');
    log(table(check, ['metric', 'unit', 'checked', 'unchecked', 'ratio', 'better']));
  }
  const outDir = join(REPO_ROOT, '.bench');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `server-${new Date(started).toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify({ startedAt: new Date(started).toISOString(), seconds: (Date.now() - started) / 1000, options, environment: env, summary: rows, authorshipCheck: check, results }, null, 2)}\n`);
  log(`\nwritten: ${file} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

main().then(
  () => cleanup().then(() => process.exit(0)),
  (error: unknown) => {
    if (interrupted) return; // the signal handler is cleaning up; children dying is expected
    console.error(error instanceof Error ? error.stack : error);
    void cleanup().finally(() => process.exit(1));
  },
);
