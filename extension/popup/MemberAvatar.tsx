/** @module A member's initials in their colour; the name is the accessible label and the tooltip. */
import { initials } from './format';

export interface MemberAvatarProps {
  name: string;
  color?: string | undefined;
  /** Words for the label, e.g. "Sam is online"; defaults to the name. */
  label?: string;
  small?: boolean;
  /** Shown beside the name in words already: hidden from screen readers, so the name is not read twice. */
  decorative?: boolean;
}

export function MemberAvatar({ name, color, label, small, decorative }: MemberAvatarProps) {
  const named = decorative ? { 'aria-hidden': true } : { role: 'img' as const, 'aria-label': label ?? name };
  return (
    <span class={`pp-avatar${small ? ' is-small' : ''}`} {...named} title={label ?? name}
      style={{ background: color ?? '#64748b' }}>
      <span aria-hidden="true">{initials(name)}</span>
    </span>
  );
}
