/** @module The Prometheus exposition: HELP/TYPE per metric, labelled counters, histogram buckets. */
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../../sync-server/metrics';

const memory = () => ({ rss: 100, heapTotal: 80, heapUsed: 50, external: 7, arrayBuffers: 3 });

describe('metrics', () => {
  it('renders every metric with HELP and TYPE, starting labelled counters at 0', () => {
    const text = createMetrics(memory).render({ connections: 3, documents: 2, logLinesDropped: 4 });
    expect(text).toContain('# TYPE closeloop_connections gauge\ncloseloop_connections 3\n');
    expect(text).toContain('closeloop_documents_loaded 2\n');
    expect(text).toContain('closeloop_rejected_messages_total{reason="malformed"} 0\n');
    expect(text).toContain('closeloop_auth_failures_total{reason="revoked"} 0\n');
    expect(text).toContain('# TYPE closeloop_log_lines_dropped_total counter\ncloseloop_log_lines_dropped_total 4\n');
    expect(text).toContain('process_resident_memory_bytes 100\n');
    const names = [...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((m) => m[1]);
    const helps = [...text.matchAll(/^# HELP (\S+) .+$/gm)].map((m) => m[1]);
    expect(helps).toEqual(names);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('counts updates, bytes, rejections and auth failures', () => {
    const metrics = createMetrics(memory);
    metrics.updatesIn();
    metrics.updatesOut(3);
    metrics.bytesStored(120);
    metrics.rejected('timeout');
    metrics.rejected('timeout');
    metrics.authFailure('expired');
    const text = metrics.render({ connections: 0, documents: 0, logLinesDropped: 0 });
    expect(text).toContain('closeloop_updates_in_total 1\n');
    expect(text).toContain('closeloop_updates_out_total 3\n');
    expect(text).toContain('closeloop_bytes_stored_total 120\n');
    expect(text).toContain('closeloop_rejected_messages_total{reason="timeout"} 2\n');
    expect(text).toContain('closeloop_auth_failures_total{reason="expired"} 1\n');
  });

  it('keeps the guard histogram cumulative', () => {
    const metrics = createMetrics(memory);
    metrics.guardSeconds(0.00003);
    metrics.guardSeconds(0.002);
    metrics.guardSeconds(5);
    const text = metrics.render({ connections: 0, documents: 0, logLinesDropped: 0 });
    expect(text).toContain('closeloop_update_guard_seconds_bucket{le="0.00005"} 1\n');
    expect(text).toContain('closeloop_update_guard_seconds_bucket{le="0.0025"} 2\n');
    expect(text).toContain('closeloop_update_guard_seconds_bucket{le="1"} 2\n');
    expect(text).toContain('closeloop_update_guard_seconds_bucket{le="+Inf"} 3\n');
    expect(text).toContain('closeloop_update_guard_seconds_count 3\n');
  });

  it('keeps the authorship check apart, and counts forged updates and refused members', () => {
    const metrics = createMetrics(memory);
    metrics.authorshipSeconds(0.00004);
    metrics.rejected('forged');
    metrics.authFailure('member_revoked');
    const text = metrics.render({ connections: 0, documents: 0, logLinesDropped: 0 });
    expect(text).toContain('closeloop_authorship_check_seconds_bucket{le="0.00005"} 1\n');
    expect(text).toContain('closeloop_authorship_check_seconds_count 1\n');
    expect(text).toContain('closeloop_update_guard_seconds_count 0\n');
    expect(text).toContain('closeloop_rejected_messages_total{reason="forged"} 1\n');
    expect(text).toContain('closeloop_auth_failures_total{reason="member_revoked"} 1\n');
    expect(text).toContain('closeloop_auth_failures_total{reason="shared_off"} 0\n');
  });
});
