/**
 * @module The authorship check as a connection runs it: the server's side of who may write as whom
 * (bindings of shared invites and client ids, the time bound, the cost metric) around
 * protocol/authorship.ts.
 */
import type * as Y from 'yjs';
import type { AccessRole } from '../../shared/invite';
import type { Metrics } from '../metrics';
import { checkAuthorship, type AuthorshipVerdict } from './authorship';
import type { Connection } from './connection';

/** The server's authorship check, as a connection uses it; null runs without it (benchmarks only). */
export interface AuthorshipOptions {
  /** Time allowed to check one update (UPDATE_TIMEOUT_MS); past it the update is refused with 4408. */
  timeoutMs: number;
  /** Whether a shared invite's connection may write as `member` (nobody with a personal invite). */
  mayBind(workspace: string, member: string): boolean;
  /** A shared invite's connection wrote its first update, as `member` (after it was applied to `doc`). */
  onBound(connection: Connection, member: string, doc: Y.Doc): void;
  /** Who a Yjs client id writes for in the workspace, and how far it was accepted (auth/client-ids.ts). */
  clientOwner(workspace: string, client: number): { member: string; highWater: number } | undefined;
  /** An update was applied: the writer's own items came under these client ids, up to these clocks. */
  onAccepted(workspace: string, writer: string, clients: Map<number, number>): void;
  /** An update was refused (for the audit log). */
  onRefused(connection: Connection, message: string): void;
}

/** Checks one update of a connection that writes as `writer` (null: a shared invite not bound yet). */
export function checkWriter(
  options: AuthorshipOptions, metrics: Metrics,
  c: { doc: Y.Doc; update: Uint8Array; workspace: string; writer: string | null; role: AccessRole },
): AuthorshipVerdict {
  const started = performance.now();
  const verdict = checkAuthorship(c.doc, c.update, {
    writer: c.writer,
    admin: c.role === 'admin',
    mayBind: (member) => options.mayBind(c.workspace, member),
    clientOwner: (client) => options.clientOwner(c.workspace, client),
    deadline: started + options.timeoutMs,
  });
  metrics.authorshipSeconds((performance.now() - started) / 1000);
  return verdict;
}
