/**
 * @module What every server entrypoint shares: config (or exit 2), the DATA_DIR check before any
 * write, disk storage, the server itself, and the process lifecycle — SIGTERM/SIGINT shut down
 * cleanly (exit 0), an uncaught exception is logged and the process keeps serving.
 */
import { join } from 'node:path';
import { watchRevocations } from '../auth/revocations';
import { loadOrCreateSecret } from '../auth/secret';
import { ConfigError, loadConfig, publicUrlOf, type Config } from '../config';
import { DataDirError, checkDataDir } from '../data-dir';
import { createLogger, stdoutLines, type Logger } from '../logger';
import { createSyncServer, type SyncServer, type SyncServerDeps } from '../server';
import { createDiskStorage } from '../storage/disk-storage';

/** Prints one line on stderr and exits with 2 (bad configuration or arguments). */
export function exitWithError(message: string): never {
  process.stderr.write(`closeloop: ${message}\n`);
  process.exit(2);
}

/** Config from the environment, or exit 2 naming the bad variable. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) exitWithError(error.message);
    throw error;
  }
}

/** The absolute DATA_DIR, or exit 2 before anything is written. */
export function dataDirOrExit(config: Config): string {
  try {
    return checkDataDir(config.dataDir);
  } catch (error) {
    if (error instanceof DataDirError) exitWithError(error.message);
    throw error;
  }
}

export interface RunningServer {
  config: Config;
  dataDir: string;
  server: SyncServer;
  port: number;
  /** Websocket URL for clients and invites. */
  url: string;
  logger: Logger;
}

export async function runServer(config: Config, options: Pick<SyncServerDeps, 'checkAuthorship'> = {}): Promise<RunningServer> {
  const dataDir = dataDirOrExit(config);
  const logger = createLogger({ level: config.logLevel });
  stdoutLines(); // stdout gets its 'error' listener before anything else writes to it
  process.stderr.on('error', () => {}); // nor may a closed stderr (exitWithError, console.error) throw
  // Never re-entered: a handler whose own log line failed must not start the next round.
  let handling = false;
  const report = (msg: string, fields: Record<string, unknown>) => {
    if (handling) return;
    handling = true;
    try {
      logger.error(msg, fields);
    } catch {
      // the logger never throws; if it ever did, nothing more can be reported
    } finally {
      handling = false;
    }
  };
  process.on('uncaughtException', (error) => report('uncaught exception (still serving)', { error, stack: error.stack }));
  process.on('unhandledRejection', (reason) => report('unhandled rejection (still serving)', { error: reason }));

  const secret = loadOrCreateSecret(dataDir);
  const revocations = watchRevocations(dataDir);
  const storage = await createDiskStorage(join(dataDir, 'workspaces'), {
    fsync: config.fsync,
    onRecover: (workspace, message) => logger.warn('storage recovered a damaged log', { workspace, detail: message }),
  });
  const server = createSyncServer(config, { storage, secret, revocations, logger, logLinesDropped: () => stdoutLines().dropped, ...options });
  let port: number;
  try {
    ({ port } = await server.listen());
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    await storage.close();
    exitWithError(`cannot listen on ${config.host}:${config.port} (${code ?? (error as Error).message}); set HOST/PORT.`);
  }
  const url = publicUrlOf(config, port);
  logger.info('listening', { host: config.host, port, url, dataDir });

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return void logger.warn('already shutting down', { signal });
    stopping = true;
    logger.info('shutting down', { signal });
    try {
      await server.close();
      await storage.close();
      logger.info('shutdown complete');
      process.exit(0);
    } catch (error) {
      logger.error('shutdown failed', { error });
      process.exit(1);
    }
  };
  process.on('SIGTERM', (signal) => void stop(signal));
  process.on('SIGINT', (signal) => void stop(signal));
  return { config, dataDir, server, port, url, logger };
}
