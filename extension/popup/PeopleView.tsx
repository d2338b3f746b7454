/**
 * @module The People tab, for check-ins: each member with what they own (open, overdue, done in the
 * last 30 days), most overdue first, and work nobody owns; choosing one opens their list.
 */
import { useLayoutEffect } from 'preact/hooks';
import { PEOPLE_DONE_DAYS } from '../../shared/queries/people';
import { MemberAvatar } from './MemberAvatar';
import { createPeopleModel, UNASSIGNED } from './people-model';
import type { PopupModel } from './popup-model';

export function PeopleView({ model: app }: { model: PopupModel; active: boolean }) {
  const model = app.viewModel('people', () => createPeopleModel(app.hub, app.context, app.env));
  const view = model.view.value;
  useLayoutEffect(() => { if (view) model.painted(); }, [view !== undefined]);
  const me = app.me();
  if (!view) {
    const failed = model.queryError.value;
    return failed ? <p class="cl-alert pp-alert" role="alert">{failed.message}</p> : <p class="pp-empty" role="status">Loading people…</p>;
  }
  const counts = (open: number, overdue: number, done?: number) => (
    <span class="pp-person-counts">
      {open} open · <span class={overdue > 0 ? 'pp-due is-overdue' : undefined}>{overdue} overdue</span>
      {done !== undefined && <> · {done} done in {PEOPLE_DONE_DAYS} days</>}
    </span>
  );
  return (
    <div class="pp-scroll">
      <h2 class="pp-view-heading">Check-ins</h2>
      <p class="cl-muted pp-small-text">What each person owns. Open someone’s list to go through it with them.</p>
      <ul class="pp-people" aria-label="People">
        {view.people.map(({ member, open, overdue, doneRecently }) => (
          <li key={member.id}>
            <button type="button" class="pp-person" onClick={() => model.openList(member.id)}>
              <MemberAvatar name={member.name} color={member.color} decorative />
              <span class="pp-person-name">{member.name}{member.id === me ? ' (you)' : ''}<span class="cl-visually-hidden">:</span></span>
              {counts(open, overdue, doneRecently)}
            </button>
          </li>
        ))}
        {view.unassigned.open > 0 && (
          <li>
            <button type="button" class="pp-person is-unassigned" onClick={() => model.openList(UNASSIGNED)}>
              <span class="pp-avatar pp-more" aria-hidden="true">?</span>
              <span class="pp-person-name">Nobody yet<span class="cl-visually-hidden">:</span></span>
              {counts(view.unassigned.open, view.unassigned.overdue)}
            </button>
          </li>
        )}
      </ul>
    </div>
  );
}
