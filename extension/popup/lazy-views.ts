/**
 * @module The popup's views that load on first use (lazy-view.tsx). Only the shell and the Inbox
 * list are in the first bundle; every other tab, and every detail view, is declared here and goes
 * into the views' chunk (one file for all of them: scripts/vite-first-paint.ts). A new tab belongs
 * here too, so it costs the Inbox's first paint nothing.
 */
import { lazyView } from './lazy-view';

export const ActionsPanel = lazyView('the Actions tab', () => import('./ActionsPanel').then((m) => m.ActionsPanel));
export const CaptureDetailView = lazyView('this capture', () => import('./CaptureDetailView').then((m) => m.CaptureDetailView));
export const HuddlePanel = lazyView('the Huddle', () => import('./HuddlePanel').then((m) => m.HuddlePanel));
export const BoardPanel = lazyView('the Change board', () => import('./BoardPanel').then((m) => m.BoardPanel));
export const InitiativesPanel = lazyView('the Initiatives', () => import('./InitiativesPanel').then((m) => m.InitiativesPanel));
export const PeopleView = lazyView('the People view', () => import('./PeopleView').then((m) => m.PeopleView));
