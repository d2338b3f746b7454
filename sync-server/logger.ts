/**
 * @module Structured logs: one JSON object per line, `{time, level, msg, ...fields}`, on stdout.
 * Fields are plain data; tokens never go in (callers log the workspace and role instead).
 * Logging can never take the server down or keep it up: when stdout goes away (EPIPE: the terminal
 * closed, the log pipe died) lines are dropped from then on, and while nobody reads it lines are
 * dropped past a bound instead of piling up in memory.
 */
import type { Writable } from 'node:stream';
import type { LogLevel } from './config';

/** Bytes of log lines held for a stdout that is not being read before further lines are dropped. */
export const MAX_UNWRITTEN_LOG_BYTES = 1024 * 1024;

export interface LineSink {
  (line: string): void;
  /** Lines dropped so far (stdout gone or not read). */
  readonly dropped: number;
  /** Whether the stream failed for good (EPIPE or another write error). */
  readonly broken: boolean;
}

/**
 * Writes lines to `stream`, never throwing and never queueing without bound. Without an 'error'
 * listener a failed write is an uncaught exception, and the handler's own log line fails the same
 * way: the process used to spin in that loop, deaf to clients and to SIGTERM.
 */
export function lineSink(stream: Writable): LineSink {
  let broken = false;
  let dropped = 0;
  stream.on('error', () => void (broken = true));
  const sink = ((line: string) => {
    if (broken || stream.destroyed || stream.writableLength > MAX_UNWRITTEN_LOG_BYTES) return void dropped++;
    try {
      stream.write(line);
    } catch {
      broken = true;
      dropped++;
    }
  }) as LineSink;
  Object.defineProperties(sink, { dropped: { get: () => dropped }, broken: { get: () => broken } });
  return sink;
}

let stdoutSink: LineSink | null = null;
/** The process's stdout as a line sink; the same one for every logger (one 'error' listener). */
export function stdoutLines(): LineSink {
  stdoutSink ??= lineSink(process.stdout);
  return stdoutSink;
}

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line (e.g. the workspace). */
  child(fields: LogFields): Logger;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createLogger(options: {
  level?: LogLevel;
  write?: (line: string) => void;
  now?: () => number;
  fields?: LogFields;
} = {}): Logger {
  const min = RANK[options.level ?? 'info'];
  const write = options.write ?? stdoutLines();
  const now = options.now ?? Date.now;
  const base = options.fields ?? {};
  const log = (level: LogLevel) => (msg: string, fields: LogFields = {}) => {
    if (RANK[level] < min) return;
    const entry = { time: new Date(now()).toISOString(), level, msg, ...base, ...fields };
    write(`${JSON.stringify(entry, replacer)}\n`);
  };
  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    child: (fields) => createLogger({ ...options, fields: { ...base, ...fields } }),
  };
}

/** Errors serialise as their message (and code), not `{}`. */
function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) {
    const code = (value as NodeJS.ErrnoException).code;
    return code ? { message: value.message, code } : value.message;
  }
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/** A logger that drops everything, for tests that do not read logs. */
export const silentLogger: Logger = createLogger({ write: () => {} });
