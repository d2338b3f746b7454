/** @module Who else has Closeloop open right now: up to four avatars and a count of the rest. */
import type { HubStatus } from '../messaging/protocol';
import { MemberAvatar } from './MemberAvatar';

const SHOWN = 4;

export function OnlineMembers({ online }: { online: HubStatus['online'] }) {
  if (online.length === 0) return null;
  const rest = online.length - SHOWN;
  return (
    <ul class="pp-online" aria-label="Online now">
      {online.slice(0, SHOWN).map((m) => (
        <li key={m.id}><MemberAvatar name={m.name} color={m.color} label={`${m.name} is online`} /></li>
      ))}
      {rest > 0 && (
        <li><span class="pp-avatar pp-more" title={online.slice(SHOWN).map((m) => m.name).join(', ')}>+{rest}</span></li>
      )}
    </ul>
  );
}
