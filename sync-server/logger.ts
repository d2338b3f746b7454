/**
 * @module Structured logs: one JSON object per line, `{time, level, msg, ...fields}`, on stdout.
 * Fields are plain data; tokens never go in (callers log the workspace and role instead).
 */
import type { LogLevel } from './config';

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
  const write = options.write ?? ((line: string) => void process.stdout.write(line));
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
