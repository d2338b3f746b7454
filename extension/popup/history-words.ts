/**
 * @module The activity log in words: "Dana set Status: open → done", "Alex assigned it to Sam".
 * Entries come from any peer, possibly an older or newer version, so unknown shapes still read as
 * something sensible instead of throwing.
 */
import type { ActivityEntry } from '../../shared/schema/records';
import { ACTION_STATUS_LABELS, calendarDate, LOOP_LABELS, SENTIMENT_LABELS, CHANNEL_LABELS } from './format';
import { INITIATIVE_STATUS_NAMES } from './initiative-words';

const FIELD_NAMES: Record<string, string> = {
  status: 'Status', dueDate: 'Due date', impact: 'Impact', effort: 'Effort', title: 'Title', sentiment: 'Sentiment',
  channel: 'Channel', loop: 'Customer follow-up', assignee: 'Owner', description: 'Description', note: 'Note',
  horizon: 'Horizon', sponsor: 'Sponsor', objective: 'Objective', definitionOfDone: 'Definition of done',
  costText: 'Cost', costAmount: 'Cost amount', benefitText: 'Expected benefit', benefitAmount: 'Benefit amount',
};

export function describeEntry(entry: ActivityEntry, nameOf: (memberId: string) => string, now: number): string {
  const who = nameOf(entry.actor);
  const value = (v: unknown) => valueWords(entry.field, v, nameOf, now);
  switch (entry.verb) {
    case 'capture.added': return `${who} captured it`;
    case 'action.created': return `${who} created it`;
    case 'capture.tagged': return `${who} tagged it “${String(entry.to)}”`;
    case 'capture.untagged': return `${who} removed the tag “${String(entry.from)}”`;
    case 'action.linked': return `${who} linked a capture as evidence`;
    case 'action.unlinked': return `${who} unlinked a capture`;
    case 'action.commented': return `${who} commented`;
    case 'action.assigned':
      return entry.to ? `${who} assigned it to ${nameOf(String(entry.to))}` : `${who} unassigned it`;
    case 'action.proposed': return `${who} proposed it to the change board`;
    case 'action.ranked':
      return entry.to === null || entry.to === undefined ? `${who} took it out of their ranking` : `${who} ranked it ${ordinal(Number(entry.to))}`;
    case 'action.decided': return entry.to === 'accepted' ? `${who} accepted it at the change board` : `${who} declined it at the change board`;
    case 'action.initiative': return entry.to ? `${who} placed it in an initiative` : `${who} took it out of its initiative`;
    case 'initiative.created': return `${who} created it`;
    default:
      break;
  }
  if (entry.field === 'note' || entry.field === 'description') return `${who} edited the ${entry.field}`;
  if (entry.field === 'resolution') return entry.to ? `${who} resolved it: “${String(entry.to)}”` : `${who} cleared the resolution`;
  if (entry.field === 'archivedReason') return entry.to ? `${who} archived it because “${String(entry.to)}”` : `${who} cleared the archive reason`;
  const field = FIELD_NAMES[entry.field ?? ''] ?? entry.field ?? 'something';
  if (entry.from === null || entry.from === undefined) return `${who} set ${field} to ${value(entry.to)}`;
  if (entry.to === null || entry.to === undefined) return `${who} cleared ${field} (was ${value(entry.from)})`;
  return `${who} set ${field}: ${value(entry.from)} → ${value(entry.to)}`;
}

function ordinal(n: number): string {
  if (!Number.isInteger(n) || n < 1) return String(n);
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

function valueWords(field: string | null, v: unknown, nameOf: (id: string) => string, now: number): string {
  if (v === null || v === undefined || v === '') return 'none';
  const text = String(v);
  switch (field) {
    case 'status': return (ACTION_STATUS_LABELS as Record<string, string>)[text] ?? (INITIATIVE_STATUS_NAMES as Record<string, string>)[text]?.toLowerCase() ?? text;
    case 'loop': return (LOOP_LABELS as Record<string, string>)[text] ?? text;
    case 'sentiment': return (SENTIMENT_LABELS as Record<string, string>)[text] ?? text;
    case 'channel': return (CHANNEL_LABELS as Record<string, string>)[text] ?? text;
    case 'dueDate': return calendarDate(text, now);
    case 'assignee': case 'sponsor': return nameOf(text);
    case 'horizon': return ({ short: 'short term', mid: 'mid term', long: 'long term' } as Record<string, string>)[text] ?? text;
    case 'title': return `“${text}”`;
    default: return typeof v === 'object' ? JSON.stringify(v) : text;
  }
}
