// @vitest-environment happy-dom
/**
 * @module Proposing a change to the board from where the idea comes up — a capture, the Inbox's
 * selection, the Actions tab — and the board model's own ranking rules against a real hub (shown at
 * once, put back when the hub refuses it).
 */
import { cleanup, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBoardModel } from '../../../extension/popup/board-model';
import { createRouter } from '../../../extension/popup/router-model';
import { declineProposal } from '../../../shared/mutations/proposals';
import { harness, renderPopup, settle, START, type Harness } from './helpers';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(cleanup);

const proposalFromHash = () => h.hub.query('action', { id: window.location.hash.replace('#action/', '') })!.action;

describe('proposing a change', () => {
  it('from a capture: next to "Create action", with the capture as evidence', async () => {
    const capture = h.capture({ text: 'Please let me pay by invoice. Card only is a blocker for us.' });
    const { user } = await renderPopup(h, `#capture/${capture}`);
    await user.click(screen.getByRole('button', { name: 'Propose to the change board' }));
    const form = within(screen.getByRole('form', { name: 'New proposal' }));
    const title = form.getByRole('textbox', { name: 'Proposal title' }) as HTMLInputElement;
    expect(title.value).toBe('Please let me pay by invoice.');
    await user.clear(title);
    await user.type(title, 'Pay by invoice');
    await user.click(form.getByRole('button', { name: 'Propose' }));
    await settle();
    expect(proposalFromHash()).toMatchObject({ title: 'Pay by invoice', status: 'proposed', captureIds: [capture] });
    expect(screen.getByRole('heading', { name: 'Proposal' })).toBeTruthy();
  });

  it('from the Inbox selection: one proposal with all the selected captures', async () => {
    const ids = [h.capture({ text: 'Invoices do not show our VAT number' }), h.capture({ text: 'Accounting bounces every invoice back' })];
    const { user } = await renderPopup(h);
    await user.click(screen.getByRole('checkbox', { name: /^Select Invoices do not/ }));
    await user.click(screen.getByRole('checkbox', { name: /^Select Accounting bounces/ }));
    await user.click(within(screen.getByRole('group', { name: 'Selected captures' })).getByRole('button', { name: 'Propose' }));
    const form = within(screen.getByRole('form', { name: 'Propose to the change board (2 captures as evidence)' }));
    await user.clear(form.getByRole('textbox', { name: 'Proposal title' }));
    await user.type(form.getByRole('textbox', { name: 'Proposal title' }), 'VAT number on invoices');
    await user.click(form.getByRole('button', { name: 'Propose' }));
    await settle();
    const proposal = proposalFromHash();
    expect(proposal).toMatchObject({ title: 'VAT number on invoices', status: 'proposed' });
    expect([...proposal.captureIds].sort()).toEqual([...ids].sort());
  });

  it('from the Actions tab, with no evidence yet; the proposer may withdraw it with a reason', async () => {
    const { user } = await renderPopup(h, '#actions');
    await user.click(screen.getByRole('button', { name: 'Propose a change' }));
    await user.type(screen.getByRole('textbox', { name: 'Proposal title' }), 'Weekend support hours{Enter}');
    await settle();
    const proposal = proposalFromHash();
    expect(proposal).toMatchObject({ title: 'Weekend support hours', status: 'proposed', captureIds: [], createdBy: h.memberId });
    await user.click(screen.getByRole('button', { name: 'Withdraw proposal' }));
    await user.type(screen.getByRole('textbox', { name: 'Why withdraw it?' }), 'Covered by the new rota');
    await user.click(screen.getByRole('button', { name: 'Withdraw' }));
    await settle();
    expect(h.hub.query('action', { id: proposal.id })!.action).toMatchObject({ status: 'wont_do', resolution: 'Covered by the new rota', decision: null });
    // No longer a proposal: its page is an ordinary action's, with the usual status field.
    expect(screen.getByRole('heading', { name: 'Action' })).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Status' }) as HTMLSelectElement).value).toBe('wont_do');
  });
});

describe('the board model', () => {
  it('shows a new ranking at once, saves it, and puts it back when the hub refuses it', async () => {
    const first = h.action({ title: 'Refunds', propose: true });
    const second = h.action({ title: 'Dark mode', propose: true });
    h.clock.now = START;
    const router = createRouter(window);
    const model = createBoardModel(h.client, { router, me: () => h.memberId }, h.env);
    await settle();
    expect(model.ranking.value).toEqual({ ranked: [], unranked: [first, second] });
    const adding = model.rank(second);
    expect(model.ranking.value).toEqual({ ranked: [second], unranked: [first] });
    expect(await adding).toBe(true);
    await settle();
    expect(h.hub.query('board', {}).ranking.ranked).toEqual([second]);

    // Someone declines "Refunds" while this popup still lists it: ranking it is refused, nothing sticks.
    declineProposal(h.sam, first, { reason: 'Not now' });
    const refused = model.rank(first);
    expect(model.ranking.value.ranked).toEqual([second, first]);
    expect(await refused).toBe(false);
    expect(model.error.value).toBe('Only open proposals can be ranked; this one was already decided.');
    await settle();
    expect(model.ranking.value).toEqual({ ranked: [second], unranked: [] });
    expect(h.hub.query('board', {}).ranking.ranked).toEqual([second]);
    model.dispose();
    router.dispose();
  });
});
