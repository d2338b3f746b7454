/** @module Configuration: defaults, environment, overrides, and refusals that name the variable. */
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULTS, OPTIONS, loadConfig, publicUrlOf } from '../../../sync-server/config';

describe('loadConfig', () => {
  it('gives the documented defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config).toEqual(DEFAULTS);
    expect(config).toMatchObject({
      host: '127.0.0.1', port: 1234, dataDir: './data', logLevel: 'info', fsync: false,
      maxFrameBytes: 8 * 1024 * 1024, maxDocBytes: 64 * 1024 * 1024, maxMessagesPerSecond: 100, messageBurst: 300,
      maxConnectionsPerWorkspace: 200, heartbeatMs: 30_000, idleUnloadMs: 30_000, compactAfterBytes: 1024 * 1024,
      updateTimeoutMs: 1000,
    });
    expect(publicUrlOf(config)).toBe('ws://127.0.0.1:1234');
  });

  it('describes every option once, with a default that parses to the real default', () => {
    expect(OPTIONS.map((o) => o.key).sort()).toEqual(Object.keys(DEFAULTS).sort());
    expect(new Set(OPTIONS.map((o) => o.env)).size).toBe(OPTIONS.length);
    for (const option of OPTIONS) {
      expect(option.doc.length).toBeGreaterThan(10);
      if (option.key === 'publicUrl') continue; // derived from HOST and PORT
      expect(option.parse(option.default, option.env)).toEqual(DEFAULTS[option.key]);
    }
  });

  it('reads the environment, then applies overrides; empty variables count as unset', () => {
    const env = { PORT: '8080', HOST: '0.0.0.0', FSYNC: 'true', LOG_LEVEL: 'DEBUG', DATA_DIR: '', PUBLIC_URL: 'wss://sync.example.com/' };
    const config = loadConfig(env, { port: 0, idleUnloadMs: 10 });
    expect(config).toMatchObject({ host: '0.0.0.0', port: 0, fsync: true, logLevel: 'debug', dataDir: './data', idleUnloadMs: 10 });
    expect(publicUrlOf(config, 4321)).toBe('wss://sync.example.com');
    expect(publicUrlOf(loadConfig({ HOST: '::1' }), 99)).toBe('ws://[::1]:99');
  });

  it.each([
    [{ PORT: 'abc' }, /PORT="abc".*whole number from 0 to 65535/],
    [{ PORT: '70000' }, /PORT/],
    [{ MAX_FRAME_BYTES: '-1' }, /MAX_FRAME_BYTES/],
    [{ MAX_MESSAGES_PER_SECOND: '0' }, /MAX_MESSAGES_PER_SECOND/],
    [{ IDLE_UNLOAD_MS: '1.5' }, /IDLE_UNLOAD_MS/],
    [{ LOG_LEVEL: 'verbose' }, /LOG_LEVEL="verbose".*debug, info, warn, error/],
    [{ FSYNC: 'maybe' }, /FSYNC.*true or false/],
    [{ PUBLIC_URL: 'http://example.com' }, /PUBLIC_URL.*ws:\/\/ or wss:\/\//],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('checks overrides like the environment', () => {
    expect(() => loadConfig({}, { maxDocBytes: -1 })).toThrow(/MAX_DOC_BYTES/);
  });
});
