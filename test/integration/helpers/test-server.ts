/**
 * @module A real sync server for integration tests: port 0 on 127.0.0.1, a temp data folder,
 * disk storage, the real secret and revocation files; restartable on the same folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccessRole } from '../../../shared/invite';
import { issueInvite, type IssuedInvite } from '../../../sync-server/auth/invites';
import { changePeople } from '../../../sync-server/auth/people';
import { destroyClients } from './clients';
import { watchRevocations } from '../../../sync-server/auth/revocations';
import { loadOrCreateSecret } from '../../../sync-server/auth/secret';
import { signToken } from '../../../sync-server/auth/tokens';
import { loadConfig, type Config } from '../../../sync-server/config';
import { createLogger } from '../../../sync-server/logger';
import type { UpdateGuard } from '../../../sync-server/protocol/update-guard';
import { createSyncServer, type SyncServer } from '../../../sync-server/server';
import { createDiskStorage } from '../../../sync-server/storage/disk-storage';
import type { DocumentStorage } from '../../../sync-server/storage/storage';

export interface TestServerOptions {
  config?: Partial<Config>;
  dataDir?: string;
  guard?: UpdateGuard;
  /** Wraps the disk storage (e.g. to hold appends back). */
  wrapStorage?: (storage: DocumentStorage) => DocumentStorage;
}

export interface LogLine {
  level: string;
  msg: string;
  [field: string]: unknown;
}

export interface TestServer {
  url: string;
  httpUrl: string;
  port: number;
  dataDir: string;
  server: SyncServer;
  storage: DocumentStorage;
  logs: LogLine[];
  /** A shared-invite token (no member): the kind issued before personal invites. */
  token(workspace: string, role?: AccessRole, options?: { expiresInSeconds?: number; nowMs?: number }): string;
  /** A personal invite for a new person (as `npm run invite -- <workspace> --name <name>`). */
  invite(workspace: string, name: string, role?: AccessRole): IssuedInvite;
  /**
   * A personal invite for a member who joined with a shared invite before (seeded data): recorded
   * as such, then invited by id, as `npm run invite -- <workspace> --member <id>` does.
   */
  adopt(workspace: string, member: string, name: string, role?: AccessRole): IssuedInvite;
  /** Closes the server and its storage (the data folder stays). */
  stop(): Promise<void>;
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'closeloop-it-'));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** After a test: closes every client, stops the server and removes its data folder. */
export async function disposeServer(server: TestServer | null): Promise<void> {
  destroyClients();
  await server?.stop();
  if (server) removeDir(server.dataDir);
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDataDir();
  // Quick heartbeats so revocation and liveness are exercised; everything else at its default.
  const config = loadConfig({}, { port: 0, dataDir, heartbeatMs: 1000, ...options.config });
  const logs: LogLine[] = [];
  const logger = createLogger({ level: 'debug', write: (line) => void logs.push(JSON.parse(line) as LogLine) });
  const secret = loadOrCreateSecret(dataDir);
  const revocations = watchRevocations(dataDir);
  const disk = await createDiskStorage(join(dataDir, 'workspaces'));
  const storage = options.wrapStorage ? options.wrapStorage(disk) : disk;
  const server = createSyncServer(config, { storage, secret, revocations, logger, guard: options.guard });
  const { port } = await server.listen();
  let stopped = false;
  return {
    url: `ws://127.0.0.1:${port}`,
    httpUrl: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    server,
    storage,
    logs,
    token: (workspace, role = 'editor', extra = {}) =>
      signToken(secret, { workspace, role, generation: revocations.generation(workspace), ...extra }),
    invite: (workspace, name, role = 'editor') =>
      issueInvite({ dataDir, server: `ws://127.0.0.1:${port}`, workspace, role, name, by: 'test' }),
    adopt(workspace, member, name, role = 'editor') {
      changePeople(dataDir, workspace, (people) => {
        people.people[member] = { id: member, name, role, via: 'shared', status: 'active', generation: 0, invitedAt: null, revokedAt: null, lastSeenAt: null };
      });
      return issueInvite({ dataDir, server: `ws://127.0.0.1:${port}`, workspace, role, member, by: 'test' });
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.close();
      await storage.close();
    },
  };
}

/** Parses a Prometheus text exposition into `name{labels}` -> value. */
export async function scrapeMetrics(server: TestServer): Promise<Map<string, number>> {
  const text = await (await fetch(`${server.httpUrl}/metrics`)).text();
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    values.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return values;
}

export async function rejected(server: TestServer, reason: string): Promise<number> {
  return (await scrapeMetrics(server)).get(`closeloop_rejected_messages_total{reason="${reason}"}`) ?? 0;
}
