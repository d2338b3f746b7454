/**
 * @module The server's counters and gauges, rendered in the Prometheus text format 0.0.4 for
 * `GET /metrics`. Hand-written (a few dozen lines) rather than a client library dependency.
 */
import { ACCESS_REFUSALS } from './auth/access';

export const REJECT_REASONS = [
  'malformed', 'timeout', 'viewer_write', 'oversized', 'doc_too_large', 'rate_limited', 'protocol_error', 'slow_reader', 'forged',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** Token refusals (auth/access.ts) and rate-limited addresses, listed so every series starts at 0. */
const AUTH_REASONS: readonly string[] = [...ACCESS_REFUSALS, 'rate_limited'];

/** Upper bounds (seconds) of the guard and authorship histograms: a typical update takes tens of µs. */
const GUARD_BUCKETS = [0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05, 0.25, 1];

export interface Metrics {
  updatesIn(): void;
  updatesOut(count: number): void;
  bytesStored(bytes: number): void;
  rejected(reason: RejectReason): void;
  authFailure(reason: string): void;
  guardSeconds(seconds: number): void;
  /** Time the authorship check of one update took (protocol/authorship.ts). */
  authorshipSeconds(seconds: number): void;
  /** Current value of a labelled counter, for tests and /healthz. */
  read(): MetricsSnapshot;
  render(stats: ServerStats): string;
}

/** The server's state at a moment, for /healthz and /metrics. */
export interface ServerStats {
  connections: number;
  documents: number;
  /** Log lines dropped so far: stdout gone (EPIPE) or not read (logger.ts). */
  logLinesDropped: number;
}

export interface MetricsSnapshot {
  updatesIn: number;
  updatesOut: number;
  bytesStored: number;
  rejected: Record<string, number>;
  authFailures: Record<string, number>;
  guardCount: number;
  guardSum: number;
  authorshipCount: number;
  authorshipSum: number;
}

export function createMetrics(memory: () => NodeJS.MemoryUsage = () => process.memoryUsage()): Metrics {
  // Every labelled series exists from the start, so rate() and tests see 0 rather than nothing.
  const zeros = (names: readonly string[]) => Object.fromEntries(names.map((name) => [name, 0]));
  const s: MetricsSnapshot = {
    updatesIn: 0, updatesOut: 0, bytesStored: 0, rejected: zeros(REJECT_REASONS), authFailures: zeros(AUTH_REASONS),
    guardCount: 0, guardSum: 0, authorshipCount: 0, authorshipSum: 0,
  };
  const buckets = GUARD_BUCKETS.map(() => 0);
  const authorshipBuckets = GUARD_BUCKETS.map(() => 0);
  return {
    updatesIn: () => void s.updatesIn++,
    updatesOut: (count) => void (s.updatesOut += count),
    bytesStored: (bytes) => void (s.bytesStored += bytes),
    rejected: (reason) => void (s.rejected[reason] = (s.rejected[reason] ?? 0) + 1),
    authFailure: (reason) => void (s.authFailures[reason] = (s.authFailures[reason] ?? 0) + 1),
    guardSeconds(seconds) {
      s.guardCount++;
      s.guardSum += seconds;
      GUARD_BUCKETS.forEach((bound, i) => {
        if (seconds <= bound) buckets[i]!++;
      });
    },
    authorshipSeconds(seconds) {
      s.authorshipCount++;
      s.authorshipSum += seconds;
      GUARD_BUCKETS.forEach((bound, i) => {
        if (seconds <= bound) authorshipBuckets[i]!++;
      });
    },
    read: () => structuredClone(s),
    render({ connections, documents, logLinesDropped }) {
      const mem = memory();
      const lines: string[] = [];
      const metric = (name: string, type: string, help: string, samples: [string, number][]) => {
        lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
        for (const [labels, value] of samples) lines.push(`${name}${labels} ${value}`);
      };
      const labelled = (table: Record<string, number>): [string, number][] =>
        Object.entries(table).sort(([a], [b]) => a.localeCompare(b)).map(([reason, n]) => [`{reason="${escapeLabel(reason)}"}`, n]);
      metric('closeloop_connections', 'gauge', 'Open websocket connections.', [['', connections]]);
      metric('closeloop_documents_loaded', 'gauge', 'Workspace documents held in memory.', [['', documents]]);
      metric('closeloop_updates_in_total', 'counter', 'Document updates received from clients (sync step 2 and update messages).', [['', s.updatesIn]]);
      metric('closeloop_updates_out_total', 'counter', 'Update messages relayed to clients after they were stored.', [['', s.updatesOut]]);
      metric('closeloop_bytes_stored_total', 'counter', 'Update bytes appended to storage.', [['', s.bytesStored]]);
      metric('closeloop_rejected_messages_total', 'counter', 'Client messages refused, by reason.', labelled(s.rejected));
      metric('closeloop_auth_failures_total', 'counter', 'Refused tokens (upgrade and /auth), by reason.', labelled(s.authFailures));
      metric('closeloop_log_lines_dropped_total', 'counter', 'Log lines dropped because stdout was gone or not read.', [['', logLinesDropped]]);
      const histogram = (name: string, help: string, counts: number[], count: number, sum: number) => lines.push(
        `# HELP ${name} ${help}`,
        `# TYPE ${name} histogram`,
        ...GUARD_BUCKETS.map((bound, i) => `${name}_bucket{le="${bound}"} ${counts[i]}`),
        `${name}_bucket{le="+Inf"} ${count}`,
        `${name}_sum ${sum}`,
        `${name}_count ${count}`,
      );
      histogram('closeloop_update_guard_seconds', 'Time to pre-validate an update in the guard worker.', buckets, s.guardCount, s.guardSum);
      histogram('closeloop_authorship_check_seconds', 'Time to check who an update writes as, before it is applied.',
        authorshipBuckets, s.authorshipCount, s.authorshipSum);
      metric('process_resident_memory_bytes', 'gauge', 'Resident memory size in bytes.', [['', mem.rss]]);
      metric('nodejs_heap_used_bytes', 'gauge', 'V8 heap in use, in bytes.', [['', mem.heapUsed]]);
      metric('nodejs_external_memory_bytes', 'gauge', 'Memory held outside the V8 heap (buffers), in bytes.', [['', mem.external]]);
      return `${lines.join('\n')}\n`;
    },
  };
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
