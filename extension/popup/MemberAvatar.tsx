/** @module A member's initials in their colour; the name is the accessible label and the tooltip. */
import { initials } from './format';

export interface MemberAvatarProps {
  name: string;
  color?: string | undefined;
  /** Words for the label, e.g. "Sam is online"; defaults to the name. */
  label?: string;
  small?: boolean;
}

export function MemberAvatar({ name, color, label, small }: MemberAvatarProps) {
  return (
    <span class={`pp-avatar${small ? ' is-small' : ''}`} role="img" aria-label={label ?? name} title={label ?? name}
      style={{ background: color ?? '#64748b' }}>
      <span aria-hidden="true">{initials(name)}</span>
    </span>
  );
}
