/**
 * @module The Huddle tab: the meeting (watermark, start/end, who is there, notes) and the six
 * sections in their fixed order, each headed by its name and count, every row actionable where it
 * stands. Its first real content reaching the DOM is the "first view paint" the benchmark times.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { HUDDLE_SECTION_NAMES as NAMES, type HuddleSectionId } from '../../shared/queries/huddle';
import type { Action } from '../../shared/schema/records';
import { CaptureLine } from './CaptureLine';
import { DoneLine } from './DoneLine';
import { EscalationRow } from './EscalationRow';
import type { HuddleModel } from './huddle-model';
import { HuddleMeeting } from './HuddleMeeting';
import { HuddleSection } from './HuddleSection';
import { Notices } from './Notices';
import type { PopupModel } from './popup-model';
import { WorkRow } from './WorkRow';

const EMPTY: Record<HuddleSectionId, string> = {
  escalations: 'No theme or customer needs the team’s attention.',
  new: 'Nothing new since the last huddle.',
  overdue: 'Nothing is overdue.',
  blocked: 'Nothing is blocked.',
  due_this_week: 'Nothing else is due this week.',
  done: 'Nothing closed since the last huddle yet.',
};

/**
 * Rows in the first render, counted down the sections in order: more than a 600 px popup shows.
 * The rest (up to 25 a section, most with an owner, a date and a status control) come in the
 * render after that first paint: all of them at once took 300–400 ms on a busy 2-core machine,
 * three times the Inbox's first paint.
 */
export const FIRST_PAINT_ROWS = 12;

export function HuddleView({ app, model }: { app: PopupModel; model: HuddleModel }) {
  const view = model.view.value;
  // Every new view: the first one may come from the cache, and the marks want the first live one too.
  useLayoutEffect(() => { if (view) model.painted(); }, [view]);
  // Preact runs effects after the browser has painted: the whole view is the second render.
  const [whole, setWhole] = useState(false);
  useEffect(() => { if (view && !whole) setWhole(true); }, [view !== undefined]);
  if (!view) {
    const failed = model.queryError.value;
    return failed ? <p class="cl-alert pp-alert" role="alert">{failed.message}</p> : <p class="pp-empty" role="status">Loading the huddle…</p>;
  }
  const now = app.env.now();
  const today = model.today();
  const members = app.members.value;
  const me = app.me();
  const readOnly = app.status.value?.me?.role === 'viewer';
  const disabled = readOnly || model.busy.value;
  const nameOf = (id: string) => app.memberName(id);
  let budget = whole ? Number.POSITIVE_INFINITY : FIRST_PAINT_ROWS;
  const first = <T,>(rows: T[]): T[] => {
    const taken = rows.slice(0, Math.max(0, budget));
    budget -= taken.length;
    return taken;
  };
  // `shown` is what the hub sent, so "Show all" does not blink while the first render leaves rows out.
  const section = (id: HuddleSectionId, shown: number, rows: ComponentChildren) => (
    <HuddleSection key={id} id={id} name={NAMES[id]} count={view.counts[id]} shown={shown} empty={EMPTY[id]} onShowAll={() => model.showAll(id)}>
      {rows}
    </HuddleSection>
  );
  const work = (actions: Action[]) => actions.map((action) => (
    <WorkRow key={action.id} model={model} action={action} members={members} me={me} today={today} now={now} disabled={disabled} />
  ));
  return (
    <div class="pp-huddle">
      <HuddleMeeting model={model} view={view} members={members} me={me} nameOf={nameOf} now={now} readOnly={readOnly} />
      <Notices error={model.error.value} notice={model.notice.value} />
      {section('escalations', view.escalations.length, first(view.escalations).map((e) => (
        <EscalationRow key={e.key} model={model} escalation={e} now={now} disabled={disabled} />
      )))}
      {section('new', view.newCaptures.length, first(view.newCaptures).map((c) => <CaptureLine key={c.id} capture={c} now={now} onOpen={model.openCapture} />))}
      {section('overdue', view.overdue.length, work(first(view.overdue)))}
      {section('blocked', view.blocked.length, work(first(view.blocked)))}
      {section('due_this_week', view.dueThisWeek.length, work(first(view.dueThisWeek)))}
      {section('done', view.done.length, first(view.done).map((row) => (
        <DoneLine key={row.action.id} row={row} nameOf={nameOf} now={now} onOpen={model.openAction} />
      )))}
    </div>
  );
}
