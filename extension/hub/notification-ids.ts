/** @module Notification ids say what they are about, so a click opens the right view. */

export interface Announcement {
  id: string;
  title: string;
  message: string;
}

export type NotificationKind = 'assigned' | 'overdue' | 'decided' | 'board' | 'digest';

const PREFIX = 'closeloop';

export function notificationId(kind: NotificationKind, subject: string): string {
  return `${PREFIX}|${kind}|${subject}`;
}

/** The popup route a notification opens (`#action/<id>`, `#board`, `#huddle`), or null when it is not ours. */
export function routeOfNotification(id: string): string | null {
  const [prefix, kind, subject] = id.split('|');
  if (prefix !== PREFIX || !subject) return null;
  if (kind === 'board') return '#board';
  if (kind === 'digest') return '#huddle';
  if (kind === 'assigned' || kind === 'overdue' || kind === 'decided') return `#action/${encodeURIComponent(subject)}`;
  return null;
}
