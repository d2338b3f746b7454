/** @module The log sink: a stdout that fails or is not read never throws, never loops, never grows without bound. */
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { MAX_UNWRITTEN_LOG_BYTES, createLogger, lineSink } from '../../../sync-server/logger';

describe('lineSink', () => {
  it('drops lines once the stream failed (EPIPE), without throwing or emitting an uncaught error', async () => {
    let writes = 0;
    const broken = new Writable({
      write(_chunk, _encoding, done) {
        writes++;
        done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    const sink = lineSink(broken);
    const logger = createLogger({ write: sink });
    logger.info('first');
    await new Promise((resolve) => setImmediate(resolve));
    expect(sink.broken).toBe(true);
    for (let i = 0; i < 1000; i++) logger.error('after the pipe died', { i });
    expect(writes).toBe(1);
    expect(sink.dropped).toBe(1000);
  });

  it('stops queueing for a reader that does not read, past a bound', () => {
    const stalled = new PassThrough({ highWaterMark: 16 }); // nobody reads it
    const sink = lineSink(stalled);
    const line = `${'x'.repeat(1023)}\n`;
    for (let i = 0; i < (MAX_UNWRITTEN_LOG_BYTES / 1024) * 3; i++) sink(line);
    expect(stalled.writableLength).toBeLessThanOrEqual(MAX_UNWRITTEN_LOG_BYTES + line.length);
    expect(sink.dropped).toBeGreaterThan(0);
    expect(sink.broken).toBe(false);
  });
});
