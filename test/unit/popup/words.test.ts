// @vitest-environment happy-dom
/** @module Pure helpers: ages, names, history sentences, text-fragment links, hash routes and performance marks. */
import { describe, expect, it } from 'vitest';
import { calendarDate, dayAndMonth, fullTime, initials, meetingTime, plannedDate, quoteStart, relativeAge, titleFromQuote } from '../../../extension/popup/format';
import { describeEntry } from '../../../extension/popup/history-words';
import { listMarks, viewMarks } from '../../../extension/popup/paint-marks';
import { backWords, createRouter, parseRoute, routeHash } from '../../../extension/popup/router-model';
import { sourceLink, textFragment } from '../../../extension/popup/text-fragment';
import type { ActivityEntry, Capture } from '../../../shared/schema/records';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);

describe('words', () => {
  it('ages relative to the model clock', () => {
    expect(relativeAge('2026-11-22T11:59:30Z', NOW)).toBe('just now');
    expect(relativeAge('2026-11-22T11:15:00Z', NOW)).toBe('45 min ago');
    expect(relativeAge('2026-11-22T09:00:00Z', NOW)).toBe('3 h ago');
    expect(relativeAge('2026-11-19T12:00:00Z', NOW)).toBe('3 d ago');
    expect(relativeAge('2026-10-02T12:00:00Z', NOW)).toBe('2 Oct');
    expect(relativeAge('2025-10-02T12:00:00Z', NOW)).toBe('2 Oct 2025');
    expect(relativeAge('garbage', NOW)).toBe('');
  });

  it('writes dates by hand exactly as en-GB Intl formats them, in every month', () => {
    const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
    const dayYear = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
    const full = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
    const weekdayDay = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short' });
    for (let month = 0; month < 12; month++) {
      const at = new Date(2026, month, month + 3, month * 2, month * 5);
      expect(calendarDate(`2026-${String(month + 1).padStart(2, '0')}-${String(month + 3).padStart(2, '0')}`, NOW)).toBe(day.format(at));
      expect(calendarDate(`2027-${String(month + 1).padStart(2, '0')}-${String(month + 3).padStart(2, '0')}`, NOW))
        .toBe(dayYear.format(new Date(2027, month, month + 3)));
      expect(fullTime(at.toISOString())).toBe(full.format(at));
      expect(dayAndMonth(at.toISOString())).toBe(day.format(at));
      expect(plannedDate(`2026-${String(month + 1).padStart(2, '0')}-${String(month + 3).padStart(2, '0')}`)).toBe(weekdayDay.format(at));
    }
    const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'short' });
    const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
    const sunday = new Date(2026, 10, 22, 23, 0).getTime();
    for (let back = 1; back < 7; back++) {
      const at = new Date(2026, 10, 22 - back, back * 3, back * 7);
      expect(meetingTime(at.toISOString(), sunday)).toBe(`${weekday.format(at)} ${time.format(at)}`);
    }
    expect(fullTime('garbage')).toBe('garbage');
    expect(dayAndMonth('garbage')).toBe('garbage');
  });

  it('says when a meeting happened in local time, and planned dates with their weekday', () => {
    const local = (d: number, h: number, m = 0) => new Date(2026, 10, d, h, m).toISOString();
    const now = new Date(2026, 10, 22, 12, 0).getTime(); // Sunday 22 Nov 2026, local
    expect(meetingTime(local(22, 9, 15), now)).toBe('today 09:15');
    expect(meetingTime(local(17, 9, 15), now)).toBe('Tue 09:15');
    expect(meetingTime(local(15, 16, 5), now)).toBe('15 Nov 16:05');
    expect(meetingTime(new Date(2025, 10, 15, 16, 5).toISOString(), now)).toBe('15 Nov 2025 16:05');
    expect(meetingTime('garbage', now)).toBe('');
    expect(plannedDate('2026-12-22')).toBe('Tue 22 Dec');
    expect(plannedDate('not a date')).toBe('not a date');
  });

  it('names, quote starts and titles', () => {
    expect(initials('Dana Kim')).toBe('DK');
    expect(initials('  sam ')).toBe('S');
    expect(initials('Ana María de la Vega')).toBe('AV');
    expect(quoteStart('One two three four five six seven')).toBe('One two three four five six…');
    expect(titleFromQuote('Checkout crashed. Then it worked.')).toBe('Checkout crashed.');
    expect(titleFromQuote('Too short. Rest of it')).toBe('Too short. Rest of it');
  });

  it('tells the history in words, with member names', () => {
    const names: Record<string, string> = { mem_dana: 'Dana', mem_alex: 'Alex', mem_sam: 'Sam' };
    const nameOf = (id: string) => names[id] ?? 'Someone';
    const entry = (verb: ActivityEntry['verb'], field: string | null, from: unknown, to: unknown, actor = 'mem_dana'): ActivityEntry =>
      ({ id: 'evt_1', at: '2026-11-22T10:00:00Z', actor, verb, targetKind: 'action', targetId: 'act_1', field, from, to });
    expect(describeEntry(entry('action.status', 'status', 'open', 'done'), nameOf, NOW)).toBe('Dana set Status: open → done');
    expect(describeEntry(entry('action.status', 'status', 'in_progress', 'wont_do'), nameOf, NOW)).toBe("Dana set Status: in progress → won't do");
    expect(describeEntry(entry('action.assigned', 'assignee', null, 'mem_sam', 'mem_alex'), nameOf, NOW)).toBe('Alex assigned it to Sam');
    expect(describeEntry(entry('action.assigned', 'assignee', 'mem_sam', null), nameOf, NOW)).toBe('Dana unassigned it');
    expect(describeEntry(entry('action.due', 'dueDate', '2026-11-20', '2026-12-01'), nameOf, NOW)).toBe('Dana set Due date: 20 Nov → 1 Dec');
    expect(describeEntry(entry('action.due', 'dueDate', '2026-11-20', null), nameOf, NOW)).toBe('Dana cleared Due date (was 20 Nov)');
    expect(describeEntry(entry('action.scored', 'impact', 2, 4), nameOf, NOW)).toBe('Dana set Impact: 2 → 4');
    expect(describeEntry(entry('capture.loop', 'loop', 'none', 'replied'), nameOf, NOW)).toBe('Dana set Customer follow-up: No reply needed → Replied');
    expect(describeEntry(entry('capture.status', 'archivedReason', null, 'spam'), nameOf, NOW)).toBe('Dana archived it because “spam”');
    expect(describeEntry(entry('action.commented', 'comments', null, 'com_1', 'mem_gone'), nameOf, NOW)).toBe('Someone commented');
    // The team's cadence: proposals, rankings, decisions, initiatives.
    expect(describeEntry(entry('action.proposed', 'status', null, 'proposed'), nameOf, NOW)).toBe('Dana proposed it to the change board');
    expect(describeEntry(entry('action.ranked', 'rankings', null, 2, 'mem_alex'), nameOf, NOW)).toBe('Alex ranked it 2nd');
    expect(describeEntry(entry('action.ranked', 'rankings', 11, 13), nameOf, NOW)).toBe('Dana ranked it 13th');
    expect(describeEntry(entry('action.ranked', 'rankings', 1, null), nameOf, NOW)).toBe('Dana took it out of their ranking');
    expect(describeEntry(entry('action.decided', 'decision', 'proposed', 'declined'), nameOf, NOW)).toBe('Dana declined it at the change board');
    expect(describeEntry(entry('action.decided', 'decision', 'proposed', 'accepted'), nameOf, NOW)).toBe('Dana accepted it at the change board');
    expect(describeEntry(entry('action.initiative', 'initiativeId', null, 'ini_1'), nameOf, NOW)).toBe('Dana placed it in an initiative');
    expect(describeEntry(entry('initiative.edited', 'status', 'planned', 'on_hold'), nameOf, NOW)).toBe('Dana set Status: planned → on hold');
    expect(describeEntry(entry('initiative.edited', 'sponsor', null, 'mem_sam'), nameOf, NOW)).toBe('Dana set Sponsor to Sam');
    expect(describeEntry(entry('initiative.edited', 'horizon', 'short', 'long'), nameOf, NOW)).toBe('Dana set Horizon: short term → long term');
  });
});

describe('the link back to the quote', () => {
  const capture = (overrides: Partial<Capture['source']>, exact = 'Love it', anchor = true) => ({
    text: exact,
    source: { url: 'https://shop.example/reviews', permalink: null, ...overrides },
    anchor: anchor ? { quote: { exact, prefix: 'Rated 5: ', suffix: ' — Ana' }, position: null, range: null } : null,
  }) as unknown as Capture;

  it('adds a text fragment; short quotes get a word of context, long ones a start and an end', () => {
    expect(sourceLink(capture({}))).toBe('https://shop.example/reviews#:~:text=5%3A-,Love%20it,-%E2%80%94');
    expect(textFragment('a, b - c')).toBe(':~:text=a%2C%20b%20%2D%20c');
    const long = 'one two three four five six seven eight nine ten eleven twelve thirteen';
    expect(textFragment(long)).toBe(':~:text=one%20two%20three%20four%20five,nine%20ten%20eleven%20twelve%20thirteen');
  });

  it('prefers the permalink, keeps an existing fragment, and refuses non-web addresses', () => {
    expect(sourceLink(capture({ permalink: 'https://shop.example/r/1#review' }, 'Great support team here', false)))
      .toBe('https://shop.example/r/1#review:~:text=Great%20support%20team%20here');
    expect(sourceLink(capture({ url: 'javascript:alert(1)' }))).toBeNull();
  });
});

describe('routes and marks', () => {
  it('reads and writes the hash routes', () => {
    expect(parseRoute('#capture/cap_abc')).toEqual({ view: 'capture', id: 'cap_abc' });
    expect(parseRoute('#action/act_1')).toEqual({ view: 'action', id: 'act_1' });
    expect(parseRoute('#actions')).toEqual({ view: 'actions' });
    expect(parseRoute('')).toEqual({ view: 'inbox' });
    expect(parseRoute('#action/')).toEqual({ view: 'inbox' });
    expect(parseRoute('#capture/%E0%A4%A')).toEqual({ view: 'inbox' });
    expect(routeHash({ view: 'action', id: 'act_1' })).toBe('#action/act_1');
    for (const tab of ['huddle', 'board', 'initiatives', 'people'] as const) expect(parseRoute(`#${tab}`)).toEqual({ view: tab });
    expect(parseRoute('#initiative/ini_7')).toEqual({ view: 'initiative', id: 'ini_7' });
    expect(parseRoute('#owner/mem_sam')).toEqual({ view: 'owner', id: 'mem_sam' });
    expect(routeHash({ view: 'owner', id: 'mem_sam' })).toBe('#owner/mem_sam');
    expect(backWords({ view: 'board' })).toEqual({ text: 'Change board', label: 'Back to change board' });
  });

  it('says where Back goes: the view it came from, else the list of the detail', () => {
    window.location.hash = '#huddle';
    const router = createRouter(window);
    router.go({ view: 'action', id: 'act_1' });
    expect(router.tab.value).toBe('actions');
    expect(router.previous.value).toEqual({ view: 'huddle' });
    router.go({ view: 'initiative', id: 'ini_1' });
    expect(router.tab.value).toBe('initiatives');
    expect(router.previous.value).toEqual({ view: 'action', id: 'act_1' });
    router.back();
    router.back();
    expect(router.route.value).toEqual({ view: 'huddle' });
    router.go({ view: 'owner', id: 'mem_sam' });
    expect(router.tab.value).toBe('actions');
    router.go({ view: 'board' });
    expect(router.previous.value).toEqual({ view: 'board' });
    router.dispose();
  });

  it('marks a view\'s first content once, and its first live content once', () => {
    const marks: [string, unknown][] = [];
    const m = viewMarks({ mark: (name, options) => marks.push([name, options?.detail]) }, 'huddle');
    m.committed(true);
    m.committed(false);
    m.committed(false);
    expect(marks).toEqual([['closeloop:first-view-paint', { view: 'huddle', source: 'cache' }], ['closeloop:first-live-view', { view: 'huddle' }]]);
  });

  it('goes back along the trail, or to the list of the detail', () => {
    window.location.hash = '#action/act_9';
    const router = createRouter(window);
    expect(router.tab.value).toBe('actions');
    router.go({ view: 'capture', id: 'cap_1' });
    expect(router.tab.value).toBe('inbox');
    router.back();
    expect(router.route.value).toEqual({ view: 'action', id: 'act_9' });
    router.back();
    expect(router.route.value).toEqual({ view: 'actions' });
    router.dispose();
  });

  it('marks the first list paint once, and each filter when its own result shows', () => {
    const marks: [string, unknown][] = [];
    const m = listMarks({ mark: (name, options) => marks.push([name, options?.detail]) }, 'inbox');
    m.committed({ generation: 0, fromCache: true });
    m.committed({ generation: 0, fromCache: false });
    m.filterStart('ex');
    m.awaiting(1);
    m.filterStart('exp');
    m.awaiting(2);
    m.committed({ generation: 1, fromCache: false });
    m.committed({ generation: 2, fromCache: false });
    m.committed({ generation: 2, fromCache: false });
    expect(marks).toEqual([
      ['closeloop:first-view-paint', { view: 'inbox', source: 'cache' }],
      ['closeloop:first-live-view', { view: 'inbox' }],
      ['closeloop:filter-start', 'ex'],
      ['closeloop:filter-start', 'exp'],
      ['closeloop:filter-done', 'exp'],
    ]);
  });

  it('marks any view\'s first paint once with its name, live first when there was no cache', () => {
    const marks: [string, unknown][] = [];
    const huddle = viewMarks({ mark: (name, options) => marks.push([name, options?.detail]) }, 'huddle');
    huddle.committed(false);
    huddle.committed(false);
    huddle.committed(true);
    expect(marks).toEqual([
      ['closeloop:first-view-paint', { view: 'huddle', source: 'live' }],
      ['closeloop:first-live-view', { view: 'huddle' }],
    ]);
  });
});
