/** @module A workspace's member records, read once and validated (the server's people list uses their names). */
import type * as Y from 'yjs';
import { roots } from '../doc/roots';
import type { Member } from '../schema/records';
import { readMember } from './records';
import { emptyReport } from './report';

export function readMembers(doc: Y.Doc): Member[] {
  const report = emptyReport();
  const members: Member[] = [];
  for (const [id, stored] of roots(doc).members) {
    const member = readMember(id, stored, report);
    if (member) members.push(member);
  }
  return members;
}
