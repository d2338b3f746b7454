/**
 * @module The sync server: an HTTP server (health, metrics, token check) whose websocket upgrades
 * are authenticated and handed to Connections, which meet in Rooms (one loaded doc per workspace).
 * Everything it touches outside memory comes in through `deps`, so tests run it on memory storage,
 * a fake guard or a temp folder, on port 0.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { readMembers } from '../shared/read/members';
import { createAccess, type Access } from './auth/access';
import { createClientIds, type ClientIds } from './auth/client-ids';
import { createFailureLimiter } from './auth/failure-limiter';
import type { Revocations } from './auth/revocations';
import { createAuditLog, type AuditLog } from './audit';
import { publicUrlOf, type Config } from './config';
import { createExportRoute } from './http/export';
import { createRoutes } from './http/routes';
import { createUpgradeHandler } from './http/upgrade';
import { createLogger, type Logger } from './logger';
import { createMetrics, type Metrics, type ServerStats } from './metrics';
import { createPeopleService } from './people-service';
import { CLOSE, Connection, type AuthorshipOptions } from './protocol/connection';
import { createWorkerGuard, type UpdateGuard } from './protocol/update-guard';
import type { RoomMember } from './rooms/room';
import { createRooms } from './rooms/rooms';
import type { DocumentStorage } from './storage/storage';

export interface SyncServerDeps {
  storage: DocumentStorage;
  /** Token signing secret (auth/secret.ts). */
  secret: Uint8Array;
  revocations: Revocations;
  logger?: Logger;
  metrics?: Metrics;
  /** Update pre-validation; default a worker guard bounded by `updateTimeoutMs`. Closed by its owner. */
  guard?: UpdateGuard;
  /** Who may connect; default the people tables and tokens in `config.dataDir`. */
  access?: Access;
  audit?: AuditLog;
  /** Check who each update writes as (protocol/authorship.ts). Default true; false only to measure its cost. */
  checkAuthorship?: boolean;
  /** Which member each Yjs client id writes for; default files in `config.dataDir`. */
  clientIds?: ClientIds;
  /** Log lines dropped so far (the process's stdout sink, logger.ts); default none. */
  logLinesDropped?: () => number;
}

export interface SyncServer {
  listen(): Promise<{ port: number }>;
  /** Stops accepting, closes sockets (1001), stores and compacts every document. Storage stays open. */
  close(): Promise<void>;
  /** Loads (creating with `name` when new) and stores a workspace; returns whether it was created. */
  ensureWorkspace(workspace: string, name: string): Promise<boolean>;
  stats(): ServerStats;
  readonly metrics: Metrics;
}

/** How long shutdown waits for clients to answer the close handshake before cutting them. */
const CLOSE_GRACE_MS = 3000;
/** How often open connections are held against the people tables (a revoked person is cut within it). */
const RECHECK_MS = 250;

export function createSyncServer(config: Config, deps: SyncServerDeps): SyncServer {
  const logger = deps.logger ?? createLogger({ level: config.logLevel });
  const metrics = deps.metrics ?? createMetrics();
  const guard = deps.guard ?? createWorkerGuard({
    timeoutMs: config.updateTimeoutMs,
    observe: metrics.guardSeconds,
    onRestart: (why) => logger.warn('update guard worker replaced', { why }),
  });
  const clientIds = deps.clientIds ?? createClientIds(config.dataDir, (error) => logger.error('client id table not written', { error }));
  const rooms = createRooms({
    storage: deps.storage, logger, metrics, ...config,
    // The server writes a new workspace's meta itself: a device may send those items back after a restore.
    onCreated: (room) => clientIds.accept(room.workspace, room.doc.clientID, 'server', room.clock(room.doc.clientID)),
  });
  const access = deps.access ?? createAccess({ dataDir: config.dataDir, secret: deps.secret, revocations: deps.revocations });
  const audit = deps.audit ?? createAuditLog(config.dataDir, { onError: (error) => logger.error('audit log not writable', { error }) });
  const failures = createFailureLimiter(config.maxAuthFailures);
  const byWorkspace = new Map<string, Set<Connection>>();
  let connections = 0;
  let closing: Promise<void> | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  let rechecking: NodeJS.Timeout | null = null;
  let port = config.port;

  const stats = (): ServerStats => ({ connections, documents: rooms.count(), logLinesDropped: deps.logLinesDropped?.() ?? 0 });
  const verify = (workspace: string, token: string | null) => access.verify(workspace, token);
  const authFailed = (address: string, reason: string) => {
    metrics.authFailure(reason);
    const failuresSoFar = failures.failed(address);
    if (failuresSoFar > 0) {
      metrics.authFailure('rate_limited');
      logger.warn('address blocked after repeated auth failures', { address, failures: failuresSoFar });
      audit.write('auth.blocked', { address, failures: failuresSoFar, minutes: 1 });
    }
  };
  const blocked = (address: string) => failures.blocked(address);

  /** Member records of a workspace's document, loading it for the moment when nobody is connected. */
  async function members(workspace: string) {
    const member: RoomMember = { send() {}, close() {} };
    const room = await rooms.join(workspace, member);
    try {
      return readMembers(room.doc);
    } finally {
      rooms.leave(room, member);
    }
  }

  const people = createPeopleService({
    access, audit, logger, dataDir: config.dataDir, members,
    publicUrl: () => publicUrlOf(config, port),
    connections: (workspace) => byWorkspace.get(workspace) ?? [],
    workspaces: () => byWorkspace.keys(),
  });
  const authorship: AuthorshipOptions | null = deps.checkAuthorship === false ? null : {
    timeoutMs: config.updateTimeoutMs,
    mayBind: people.mayBind,
    onBound(connection, member, doc) {
      people.bound(connection, member, readMembers(doc).find((m) => m.id === member)?.name);
    },
    onRefused: people.refused,
    clientOwner: (workspace, client) => clientIds.get(workspace, client),
    onAccepted(workspace, writer, clients) {
      for (const [client, end] of clients) clientIds.accept(workspace, client, writer, end);
    },
  };

  const exportRoute = createExportRoute({ verify, blocked, authFailed, rooms, metrics, logger });
  const http: Server = createServer(createRoutes({
    metrics, stats, verify, blocked, authFailed, admin: people.admin, exportRoute,
    onError: (error) => logger.error('admin request failed', { error }),
  }));
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxFrameBytes, perMessageDeflate: false });
  wss.on('error', (error) => logger.error('websocket server error', { error }));
  http.on('error', (error) => logger.error('http server error', { error }));
  http.on('clientError', (_error, socket) => socket.destroy());

  http.on('upgrade', createUpgradeHandler({
    verify, blocked, authFailed, logger,
    maxConnectionsPerWorkspace: config.maxConnectionsPerWorkspace,
    connectionsOf: (workspace) => byWorkspace.get(workspace)?.size ?? 0,
    isClosing: () => closing !== null,
    accept(req, socket, head, workspace, claims) {
      // With noServer and no verifyClient, ws completes the handshake synchronously, so the
      // connection count checked by the caller cannot be overtaken by a concurrent upgrade.
      wss.handleUpgrade(req, socket, head, (socket) => {
        const set = byWorkspace.get(workspace) ?? new Set<Connection>();
        byWorkspace.set(workspace, set);
        connections++;
        const connection: Connection = new Connection({
          socket, workspace, claims, rooms, guard, metrics, logger, authorship,
          limits: { maxMessagesPerSecond: config.maxMessagesPerSecond, messageBurst: config.messageBurst, maxBufferedBytes: config.maxBufferedBytes },
          onClose() {
            connections--;
            set.delete(connection);
            if (set.size === 0 && byWorkspace.get(workspace) === set) byWorkspace.delete(workspace);
            people.closed(connection);
          },
        });
        set.add(connection);
        people.opened(connection);
      });
    },
  }));

  function tick(): void {
    const problem = deps.revocations.problem();
    if (problem) logger.error('revocation table unreadable: refusing every token', { problem });
    for (const [workspace, set] of byWorkspace) {
      const peopleProblem = access.problem(workspace);
      if (peopleProblem) logger.error('people table unreadable: refusing every token of the workspace', { workspace, problem: peopleProblem });
      for (const connection of [...set]) {
        try {
          connection.tick();
        } catch (error) {
          logger.error('heartbeat failed for a connection', { workspace, error });
        }
      }
    }
  }

  function recheck(): void {
    try {
      people.recheck();
    } catch (error) {
      logger.error('access recheck failed', { error });
    }
  }

  async function closeSockets(): Promise<void> {
    const sockets = [...wss.clients];
    for (const set of byWorkspace.values()) for (const c of set) c.close(CLOSE.goingAway, 'server shutting down');
    const gone = sockets.map((socket) => new Promise<void>((resolve) => {
      if (socket.readyState === socket.CLOSED) return resolve();
      socket.once('close', () => resolve());
      setTimeout(() => (socket.terminate(), resolve()), CLOSE_GRACE_MS).unref();
    }));
    await Promise.all(gone);
  }

  return {
    metrics,
    stats,
    listen() {
      return new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(config.port, config.host, () => {
          http.off('error', reject);
          heartbeat = setInterval(tick, config.heartbeatMs);
          heartbeat.unref();
          rechecking = setInterval(recheck, RECHECK_MS);
          rechecking.unref();
          port = (http.address() as AddressInfo).port;
          resolve({ port });
        });
      });
    },
    close() {
      closing ??= (async () => {
        if (heartbeat) clearInterval(heartbeat);
        if (rechecking) clearInterval(rechecking);
        const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
        http.closeIdleConnections();
        await closeSockets();
        await rooms.closeAll();
        clientIds.flush();
        if (!deps.guard) await guard.close();
        http.closeAllConnections();
        await stopped;
        logger.info('server stopped');
      })();
      return closing;
    },
    async ensureWorkspace(workspace, name) {
      const member: RoomMember = { send() {}, close() {} };
      const room = await rooms.join(workspace, member, { initialName: name });
      try {
        await room.whenStored();
        return room.created;
      } finally {
        rooms.leave(room, member);
      }
    },
  };
}
