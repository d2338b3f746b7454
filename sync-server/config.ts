/**
 * @module The sync server's configuration: defaults, merged with environment variables, merged
 * with programmatic overrides (tests). The only module that reads `process.env`; the option list
 * below is also the source of the README's configuration table.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

const MiB = 1024 * 1024;

export interface Config {
  /** Interface to listen on. Default 127.0.0.1 (this machine only). */
  host: string;
  /** TCP port; 0 picks a free one. Default 1234. */
  port: number;
  /** Folder for the signing secret, revocations, people/, audit.log and workspaces/. Default ./data. */
  dataDir: string;
  /** Websocket URL written into invites. Default ws://HOST:PORT (null here means "derive it"). */
  publicUrl: string | null;
  /** Least severe log level written. Default info. */
  logLevel: LogLevel;
  /** fdatasync every storage write (survives power loss, slower). Default false. */
  fsync: boolean;
  /** Largest websocket frame accepted; bigger ones close the socket with 1009. Default 8 MiB. */
  maxFrameBytes: number;
  /** Largest stored document; an update that would grow it past this is refused. Default 64 MiB. */
  maxDocBytes: number;
  /** Sustained messages per second per connection before reading pauses. Default 100. */
  maxMessagesPerSecond: number;
  /** Messages a connection may send at once above the sustained rate. Default 300. */
  messageBurst: number;
  /** Sockets per workspace; more are refused with HTTP 503. Default 200. */
  maxConnectionsPerWorkspace: number;
  /** Bytes held for a client that is not reading before it is dropped (it catches up on reconnect). Default 64 MiB. */
  maxBufferedBytes: number;
  /** Ping interval; a socket that missed the last pong is dropped. Default 30000. (Revoked tokens are cut within a second, apart from it.) */
  heartbeatMs: number;
  /** How long a document stays loaded after its last connection closed. Default 30000. */
  idleUnloadMs: number;
  /** Log bytes since the last compaction that trigger the next (at least the compacted size). Default 1 MiB. */
  compactAfterBytes: number;
  /** Time allowed to pre-validate one incoming update in the guard worker, and again to check its authorship. Default 1000. */
  updateTimeoutMs: number;
  /** Failed authentications per minute from one address before it gets 429 for the rest of that minute. Default 20. */
  maxAuthFailures: number;
}

/** Thrown for a value the server cannot run with; `message` names the variable and what is allowed. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface OptionDescriptor {
  key: keyof Config;
  env: string;
  /** The default as written in the README. */
  default: string;
  doc: string;
  parse(raw: string, name: string): Config[keyof Config];
}

const integer = (min: number, max = Number.MAX_SAFE_INTEGER) => (raw: string, name: string): number => {
  const value = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name}=${JSON.stringify(raw)} is not allowed: use a whole number from ${min} to ${max}.`);
  }
  return value;
};
const text = (raw: string, name: string): string => {
  if (raw.trim() === '') throw new ConfigError(`${name} is empty: give it a value or leave it unset.`);
  return raw.trim();
};
const boolean = (raw: string, name: string): boolean => {
  const value = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new ConfigError(`${name}=${JSON.stringify(raw)} is not allowed: use true or false.`);
};
const level = (raw: string, name: string): LogLevel => {
  const value = raw.trim().toLowerCase();
  if ((LOG_LEVELS as readonly string[]).includes(value)) return value as LogLevel;
  throw new ConfigError(`${name}=${JSON.stringify(raw)} is not allowed: use one of ${LOG_LEVELS.join(', ')}.`);
};
const websocketUrl = (raw: string, name: string): string => {
  let url: URL | null = null;
  try {
    url = new URL(raw.trim());
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== 'ws:' && url.protocol !== 'wss:') || url.search || url.hash) {
    throw new ConfigError(`${name}=${JSON.stringify(raw)} is not allowed: use a ws:// or wss:// URL without query, e.g. wss://sync.example.com.`);
  }
  return raw.trim().replace(/\/+$/, '');
};

/** Every option, in README order. */
export const OPTIONS: readonly OptionDescriptor[] = [
  { key: 'host', env: 'HOST', default: '127.0.0.1', doc: 'Interface to listen on (0.0.0.0 for every interface).', parse: text },
  { key: 'port', env: 'PORT', default: '1234', doc: 'TCP port; 0 picks a free one.', parse: integer(0, 65535) },
  { key: 'dataDir', env: 'DATA_DIR', default: './data', doc: 'Folder for the signing secret, revocations, people/, audit.log and workspaces/.', parse: text },
  { key: 'publicUrl', env: 'PUBLIC_URL', default: 'ws://HOST:PORT', doc: 'Websocket URL written into invites (set it behind a proxy or on 0.0.0.0).', parse: websocketUrl },
  { key: 'logLevel', env: 'LOG_LEVEL', default: 'info', doc: 'Least severe level logged: debug, info, warn or error.', parse: level },
  { key: 'fsync', env: 'FSYNC', default: 'false', doc: 'fdatasync every storage write (survives power loss; a crash or kill -9 is survived either way).', parse: boolean },
  { key: 'maxFrameBytes', env: 'MAX_FRAME_BYTES', default: String(8 * MiB), doc: 'Largest websocket frame accepted (8 MiB); bigger closes the socket with 1009.', parse: integer(1024) },
  { key: 'maxDocBytes', env: 'MAX_DOC_BYTES', default: String(64 * MiB), doc: 'Largest stored document (64 MiB); a larger update is refused and the socket closed with 4413.', parse: integer(1024) },
  { key: 'maxMessagesPerSecond', env: 'MAX_MESSAGES_PER_SECOND', default: '100', doc: 'Sustained messages per second per connection; above it the server stops reading that socket for a while.', parse: integer(1) },
  { key: 'messageBurst', env: 'MESSAGE_BURST', default: '300', doc: 'Messages a connection may send at once above the sustained rate.', parse: integer(1) },
  { key: 'maxConnectionsPerWorkspace', env: 'MAX_CONNECTIONS_PER_WORKSPACE', default: '200', doc: 'Sockets per workspace; more are refused with HTTP 503.', parse: integer(1) },
  { key: 'maxBufferedBytes', env: 'MAX_BUFFERED_BYTES', default: String(64 * MiB), doc: 'Bytes held for a client that is not reading (64 MiB); past it the socket is dropped and the client catches up when it reconnects.', parse: integer(1024) },
  { key: 'heartbeatMs', env: 'HEARTBEAT_MS', default: '30000', doc: 'Ping interval in ms; a socket that missed a pong is dropped (revoked or expired tokens are cut within a second anyway).', parse: integer(50) },
  { key: 'idleUnloadMs', env: 'IDLE_UNLOAD_MS', default: '30000', doc: 'Ms a document stays loaded after its last connection closed.', parse: integer(0) },
  { key: 'compactAfterBytes', env: 'COMPACT_AFTER_BYTES', default: String(MiB), doc: 'Log bytes appended since the last compaction that trigger the next one (1 MiB), and at least the compacted size.', parse: integer(1) },
  { key: 'updateTimeoutMs', env: 'UPDATE_TIMEOUT_MS', default: '1000', doc: 'Ms allowed to pre-validate one incoming update in the guard worker, and again to check its authorship.', parse: integer(10) },
  { key: 'maxAuthFailures', env: 'MAX_AUTH_FAILURES', default: '20', doc: 'Failed authentications per minute from one address; after that it gets 429 until the minute is over.', parse: integer(1) },
];

export const DEFAULTS: Config = {
  host: '127.0.0.1',
  port: 1234,
  dataDir: './data',
  publicUrl: null,
  logLevel: 'info',
  fsync: false,
  maxFrameBytes: 8 * MiB,
  maxDocBytes: 64 * MiB,
  maxMessagesPerSecond: 100,
  messageBurst: 300,
  maxConnectionsPerWorkspace: 200,
  maxBufferedBytes: 64 * MiB,
  heartbeatMs: 30_000,
  idleUnloadMs: 30_000,
  compactAfterBytes: MiB,
  updateTimeoutMs: 1000,
  maxAuthFailures: 20,
};

/** Defaults, then environment variables (empty ones count as unset), then `overrides`, all checked. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<Config> = {},
): Config {
  const config: Config = { ...DEFAULTS };
  const target = config as unknown as Record<string, unknown>;
  for (const option of OPTIONS) {
    const raw = env[option.env];
    if (raw !== undefined && raw !== '') target[option.key] = option.parse(raw, option.env);
  }
  for (const option of OPTIONS) {
    const value = overrides[option.key];
    // Overrides go through the same checks, so a test cannot build a config the server would refuse.
    if (value !== undefined && value !== null) target[option.key] = option.parse(String(value), option.env);
  }
  return config;
}

/** The websocket URL clients should use: PUBLIC_URL, else derived from where the server listens. */
export function publicUrlOf(config: Config, port = config.port): string {
  if (config.publicUrl) return config.publicUrl;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return `ws://${host}:${port}`;
}
