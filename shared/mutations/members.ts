/** @module Registering a member (a person using the extension) and updating their name or colour. */
import * as Y from 'yjs';
import { LIMITS, ROLES, type Role } from '../schema/constants';
import { RECORD_ID_PATTERN } from '../util/ids';
import { MutationError, mutate, setLogged, type MutationContext } from './context';
import { cleanText, oneOf } from './input';

export interface MemberInput {
  name: string;
  role: Role;
  /** #rrggbb; derived from the member id when absent. */
  color?: string;
}

/** Creates or updates the acting member's own record (ctx.actor is the member id). */
export function registerMember(ctx: MutationContext, input: MemberInput): void {
  if (!RECORD_ID_PATTERN.test(ctx.actor)) throw new MutationError('invalid', `"${ctx.actor}" is not a member id.`);
  const name = cleanText(input.name, 'Your name', LIMITS.memberName, { required: true });
  const role = oneOf(input.role, ROLES, 'Role');
  if (input.color !== undefined && !/^#[0-9a-f]{6}$/i.test(input.color)) {
    throw new MutationError('invalid', 'A colour is written #rrggbb.');
  }
  const color = input.color ?? colorFor(ctx.actor);
  mutate(ctx, (tx) => {
    const id = tx.actor;
    const existing = tx.roots.members.get(id);
    if (existing instanceof Y.Map) {
      for (const [field, value] of [['name', name], ['role', role], ['color', color]] as const) {
        setLogged(tx, existing, 'member', id, 'member.updated', field, value);
      }
      return;
    }
    const record = new Y.Map<unknown>();
    tx.roots.members.set(id, record);
    for (const [field, value] of Object.entries({ id, name, role, color, joinedAt: tx.at })) record.set(field, value);
    tx.log('member.registered', 'member', id, { field: 'name', to: name });
  });
}

const PALETTE = ['#2563eb', '#16a34a', '#dc2626', '#9333ea', '#ea580c', '#0891b2', '#ca8a04', '#db2777', '#4f46e5', '#059669'];

/** A stable, readable colour per member so avatars and presence dots stay the same everywhere. */
export function colorFor(memberId: string): string {
  let hash = 0;
  for (let i = 0; i < memberId.length; i++) hash = (hash * 31 + memberId.charCodeAt(i)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}
