/** @module People in words: when someone was last seen. */
import type { PersonAccess } from '../../messaging/protocol';
import { relativeAge } from '../../popup/format';

export function lastSeenWords(person: Pick<PersonAccess, 'online' | 'lastSeenAt'>, now: number): string {
  if (person.online) return 'Online now';
  if (!person.lastSeenAt) return 'Never';
  return relativeAge(person.lastSeenAt, now);
}
