// @vitest-environment happy-dom
/** @module The capture dialog says when the team has captures like this one, and saves it as evidence in one click. */
import { cleanup, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { renderDialog } from './helpers';

afterEach(cleanup);

const SIMILAR = [
  { id: 'cap_a', excerpt: 'Export times out on big workspaces.', capturedAt: '2026-11-20T10:00:00.000Z', site: 'g2.com', score: 0.61,
    actions: [{ id: 'act_export', title: 'Stream big CSV exports', status: 'in_progress' }] },
  { id: 'cap_b', excerpt: 'The export never finishes for us.', capturedAt: '2026-11-21T10:00:00.000Z', site: 'reddit.com', score: 0.44,
    actions: [{ id: 'act_export', title: 'Stream big CSV exports', status: 'in_progress' }] },
];

describe('similar captures in the dialog', () => {
  it('names them and the actions they feed, and saves this one as evidence for one in a click', async () => {
    const { view, hub, user } = renderDialog();
    hub.push('similarCaptures', SIMILAR);
    const notice = within(view.getByRole('region', { name: 'Similar captures' }));
    expect(notice.getByText(/The team has 2 captures like this one, feeding an action\./)).toBeTruthy();
    expect(notice.getByText('Export times out on big workspaces.')).toBeTruthy();
    await user.click(notice.getByRole('button', { name: 'Save as evidence for “Stream big CSV exports” (in progress)' }));
    expect(hub.saves()[0]!.args).toMatchObject({ linkTo: 'act_export', capture: { text: 'The export keeps timing out on big workspaces.' } });
  });

  it('says nothing when nothing reads alike', () => {
    const { view, hub } = renderDialog();
    hub.push('similarCaptures', []);
    expect(view.queryByRole('region', { name: 'Similar captures' })).toBeNull();
  });
});
