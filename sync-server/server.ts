/**
 * @module The sync server: an HTTP server (health, metrics, token check) whose websocket upgrades
 * are authenticated and handed to Connections, which meet in Rooms (one loaded doc per workspace).
 * Everything it touches outside memory comes in through `deps`, so tests run it on memory storage,
 * a fake guard or a temp folder, on port 0.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { Revocations } from './auth/revocations';
import { verifyToken } from './auth/tokens';
import type { Config } from './config';
import { createExportRoute } from './http/export';
import { createRoutes } from './http/routes';
import { createUpgradeHandler } from './http/upgrade';
import { createLogger, type Logger } from './logger';
import { createMetrics, type Metrics } from './metrics';
import { CLOSE, Connection } from './protocol/connection';
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
}

export interface SyncServer {
  listen(): Promise<{ port: number }>;
  /** Stops accepting, closes sockets (1001), stores and compacts every document. Storage stays open. */
  close(): Promise<void>;
  /** Loads (creating with `name` when new) and stores a workspace; returns whether it was created. */
  ensureWorkspace(workspace: string, name: string): Promise<boolean>;
  stats(): { connections: number; documents: number };
  readonly metrics: Metrics;
}

/** How long shutdown waits for clients to answer the close handshake before cutting them. */
const CLOSE_GRACE_MS = 3000;

export function createSyncServer(config: Config, deps: SyncServerDeps): SyncServer {
  const logger = deps.logger ?? createLogger({ level: config.logLevel });
  const metrics = deps.metrics ?? createMetrics();
  const guard = deps.guard ?? createWorkerGuard({
    timeoutMs: config.updateTimeoutMs,
    observe: metrics.guardSeconds,
    onRestart: (why) => logger.warn('update guard worker replaced', { why }),
  });
  const rooms = createRooms({ storage: deps.storage, logger, metrics, ...config });
  const byWorkspace = new Map<string, Set<Connection>>();
  let connections = 0;
  let closing: Promise<void> | null = null;
  let heartbeat: NodeJS.Timeout | null = null;

  const stats = () => ({ connections, documents: rooms.count() });
  const verify = (workspace: string, token: string | null) =>
    verifyToken(deps.secret, token, { workspace, generation: deps.revocations.generation(workspace) });

  const exportRoute = createExportRoute({ verify, rooms, metrics, logger });
  const http: Server = createServer(createRoutes({ metrics, stats, verify, exportRoute }));
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxFrameBytes, perMessageDeflate: false });
  wss.on('error', (error) => logger.error('websocket server error', { error }));
  http.on('error', (error) => logger.error('http server error', { error }));
  http.on('clientError', (_error, socket) => socket.destroy());

  http.on('upgrade', createUpgradeHandler({
    verify, metrics, logger,
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
          socket, workspace, claims, rooms, guard, metrics, logger,
          limits: { maxMessagesPerSecond: config.maxMessagesPerSecond, messageBurst: config.messageBurst, maxBufferedBytes: config.maxBufferedBytes },
          onClose() {
            connections--;
            set.delete(connection);
            if (set.size === 0 && byWorkspace.get(workspace) === set) byWorkspace.delete(workspace);
          },
        });
        set.add(connection);
      });
    },
  }));

  function tick(): void {
    const now = Date.now();
    const problem = deps.revocations.problem();
    if (problem) logger.error('revocation table unreadable: refusing every token', { problem });
    for (const [workspace, set] of byWorkspace) {
      const generation = deps.revocations.generation(workspace);
      for (const connection of [...set]) {
        try {
          connection.tick(generation, now);
        } catch (error) {
          logger.error('heartbeat failed for a connection', { workspace, error });
        }
      }
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
          resolve({ port: (http.address() as AddressInfo).port });
        });
      });
    },
    close() {
      closing ??= (async () => {
        if (heartbeat) clearInterval(heartbeat);
        const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
        http.closeIdleConnections();
        await closeSockets();
        await rooms.closeAll();
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
