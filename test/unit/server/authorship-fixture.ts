/**
 * @module A server document and two members' replicas for the authorship check's unit tests: what a
 * replica sends for a change, checked against the server's document as a given writer.
 */
import { expect } from 'vitest';
import * as Y from 'yjs';
import { checkAuthorship, type AuthorshipContext } from '../../../sync-server/protocol/authorship';
import { testReplica, type TestReplica } from '../../helpers/workspace';

export const ANA = 'mem_ana';
export const BOB = 'mem_bob';

/** A server document and two members' replicas, all in sync. */
export function workspace() {
  const server = new Y.Doc();
  const ana = testReplica(ANA, { clientId: 101 });
  const bob = testReplica(BOB, { clientId: 202 });
  const sync = (r: TestReplica) => {
    Y.applyUpdate(server, Y.encodeStateAsUpdate(r.doc, Y.encodeStateVector(server)));
    Y.applyUpdate(r.doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(r.doc)));
  };
  const syncAll = () => [ana, bob, ana].forEach(sync);
  syncAll();
  /** What `replica` sends for the change `write` makes (one update, as the provider sends it). */
  const sent = (replica: TestReplica, write: () => void): Uint8Array => {
    const before = Y.encodeStateVector(replica.doc);
    write();
    return Y.encodeStateAsUpdate(replica.doc, before);
  };
  const check = (update: Uint8Array, writer: string | null, extra: Partial<AuthorshipContext> = {}) =>
    checkAuthorship(server, update, { writer, admin: false, ...extra });
  const accept = (update: Uint8Array) => Y.applyUpdate(server, update);
  return { server, ana, bob, sent, check, accept, syncAll };
}

export const refusedWith = (pattern: RegExp) => expect.objectContaining({ ok: false, reason: 'forged', message: expect.stringMatching(pattern) });
