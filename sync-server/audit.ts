/**
 * @module The audit log, `<data>/audit.log`: one JSON object per line, `{time, event, workspace,
 * ...}`, appended by the server and the CLIs alike (O_APPEND keeps lines whole). Events: invites
 * issued (never the token or the code), joins, revocations, shared invites turned off, refused
 * updates, blocked addresses after repeated auth failures. Writing it never throws: an audit line
 * that cannot be written is reported once to the caller's logger and the work goes on.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

export const AUDIT_FILE = 'audit.log';

export type AuditEvent =
  | 'invite.issued' | 'member.joined' | 'member.revoked' | 'workspace.revoked' | 'shared_invites.off'
  | 'update.refused' | 'auth.blocked';

export interface AuditLog {
  write(event: AuditEvent, fields: Record<string, unknown>): void;
}

export function createAuditLog(dataDir: string, options: { now?: () => number; onError?: (error: Error) => void } = {}): AuditLog {
  const path = join(dataDir, AUDIT_FILE);
  const now = options.now ?? Date.now;
  let reported = false;
  return {
    write(event, fields) {
      const line = `${JSON.stringify({ time: new Date(now()).toISOString(), event, ...fields })}\n`;
      try {
        appendFileSync(path, line, { mode: 0o600 });
        reported = false;
      } catch (error) {
        if (!reported) options.onError?.(error as Error);
        reported = true;
      }
    },
  };
}
