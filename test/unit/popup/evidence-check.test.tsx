// @vitest-environment happy-dom
/** @module In the popup: a changed review on its capture and its action, the reply queue on the Inbox tab and in the filters. */
import { cleanup, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setActionStatus } from '../../../shared/mutations/actions';
import { setCustomerLoop } from '../../../shared/mutations/captures';
import { recordSourceCheck } from '../../../shared/mutations/source-check';
import { harness, renderPopup, settle, type Harness } from './helpers';

let h: Harness;
let review: string;
let action: string;

beforeEach(async () => {
  h = await harness();
  review = h.capture({
    text: 'Refunds take five weeks and nobody answers.',
    source: { url: 'https://www.trustpilot.com/review/acme.com', platform: 'trustpilot', author: 'Priya Raman', rating: 2, ratingMax: 5 },
  });
  action = h.action({ title: 'Pay refunds within a week', captureIds: [review] });
});
afterEach(cleanup);

describe('a review that changed after it was captured', () => {
  it('is said on the capture, with the new rating and what it reads now', async () => {
    h.clock.now = Date.UTC(2026, 11, 3, 10);
    recordSourceCheck(h.sam, review, { state: 'changed', rating: 4, text: 'Refunds came in three days this time. Better!' });
    await renderPopup(h, `#capture/${review}`);
    const now = await screen.findByRole('region', { name: 'The review now' });
    expect(within(now).getByText('Review edited on 3 Dec: rating 2 -> 4, text changed')).toBeTruthy();
    expect(within(now).getByLabelText('What the review reads now').textContent).toBe('Refunds came in three days this time. Better!');
  });

  it('is the public loop closing on the action when the rating rose after it was done', async () => {
    setActionStatus(h.alex, action, 'done', 'Refunds go out in 3 days');
    h.clock.now += 86_400_000;
    recordSourceCheck(h.sam, review, { state: 'changed', rating: 4 });
    await renderPopup(h, `#action/${action}`);
    const loop = await screen.findByRole('region', { name: 'The loop is closing in public' });
    expect(loop.textContent).toMatch(/Priya Raman raised their rating 2 -> 4 of 5 after this was done/);
  });

  it('lets the inbox filter by it', async () => {
    const other = h.capture({ text: 'Unrelated praise for the app.' });
    recordSourceCheck(h.sam, review, { state: 'missing' });
    const { user } = await renderPopup(h, '#inbox');
    await user.click(screen.getByRole('radio', { name: 'All' }));
    await user.click(screen.getByRole('button', { name: /Filters/ }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Review now' }), 'No longer on its page');
    await settle();
    expect(screen.queryByText('Unrelated praise for the app.')).toBeNull();
    expect(screen.getByText('Refunds take five weeks and nobody answers.')).toBeTruthy();
    expect(other).toBeTruthy();
  });
});

describe('the reply queue', () => {
  it('counts customers waiting on the Inbox tab and lists them with one toggle', async () => {
    const waiting = h.capture({ text: 'Still waiting for my refund, please answer.' });
    h.capture({ text: 'Nothing to answer here.' });
    setCustomerLoop(h.alex, waiting, { state: 'reply_needed' });
    setCustomerLoop(h.alex, review, { state: 'reply_needed' }); // triaged (it has an action), still waiting
    const { user } = await renderPopup(h, '#inbox');
    expect(await screen.findByRole('tab', { name: 'Inbox', description: '2 replies needed' })).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: 'Needs a reply' }));
    await settle();
    expect(screen.queryByText('Nothing to answer here.')).toBeNull();
    expect(screen.getByText('Still waiting for my refund, please answer.')).toBeTruthy();
    expect(screen.getByText('Refunds take five weeks and nobody answers.')).toBeTruthy();
    setCustomerLoop(h.alex, waiting, { state: 'replied', reply: { text: 'Refunded today.', where: 'email', url: null } });
    await settle();
    expect(screen.getByRole('tab', { name: 'Inbox', description: '1 reply needed' })).toBeTruthy();
  });
});

describe('near duplicates in the inbox', () => {
  it('are listed once with "+2 similar" when grouped, and the group opens on a click', async () => {
    for (const text of [
      'The refund took five weeks to arrive, support kept asking for photos.',
      'The refund took five weeks to arrive and support kept asking for the same photos.',
      'Refund took five weeks to arrive! Support kept asking me for photos.',
    ]) h.capture({ text, source: { url: `https://reviews.example/${text.length}` } });
    const { user } = await renderPopup(h, '#inbox');
    await user.click(screen.getByRole('checkbox', { name: 'Group similar' }));
    await settle();
    const more = screen.getByRole('button', { name: /^Show 2 similar to Refund took five weeks to arrive!/ });
    expect(more.textContent).toBe('+2 similar');
    expect(screen.queryByText('The refund took five weeks to arrive, support kept asking for photos.')).toBeNull();
    await user.click(more);
    await settle();
    expect(screen.getByText('The refund took five weeks to arrive, support kept asking for photos.')).toBeTruthy();
    expect(screen.getByText('The refund took five weeks to arrive and support kept asking for the same photos.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Show all' }));
    await settle();
    expect(screen.getByRole('button', { name: /^Show 2 similar to/ })).toBeTruthy(); // grouped again
  });
});
