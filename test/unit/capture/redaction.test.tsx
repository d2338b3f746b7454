// @vitest-environment happy-dom
/** @module Redaction in the capture dialog: what is found is shown marked, the person keeps what they choose, the rest never leaves the page. */
import { signal } from '@preact/signals';
import { cleanup, fireEvent, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createDraft, toNewCapture } from '../../../extension/capture/capture-draft';
import type { NewCapture } from '../../../shared/mutations/clean-capture';
import { context, forged, loadPage, renderDialog, selectText } from './helpers';

afterEach(cleanup);

const PAGE = 'https://www.trustpilot.com/review/acme-widgets.com';
const EMAIL = 'priya.raman+refunds@example.com';
const CARD = '4111 1111 1111 1111';
const PHONE = '+44 20 7946 0958';

function reviewDraft(extra = '') {
  loadPage(`<main><article>
    <p id="before">Earlier review: call me on 020 7946 0123 any time.</p>
    <p id="review">Refund never came. Write to ${EMAIL} or call ${PHONE}; I paid with ${CARD}.${extra}</p>
    <p id="after">Next review: my IBAN is DE89 3704 0044 0532 0130 00.</p>
  </article></main>`);
  return createDraft(selectText(document.getElementById('review')!), document, PAGE)!;
}

const sent = (hub: ReturnType<typeof renderDialog>['hub']) => (hub.saves()[0]!.args as { capture: NewCapture }).capture;

describe('personal data in a capture', () => {
  it('is found in the selection, shown marked with its label, and replaced in everything sent', async () => {
    const draft = reviewDraft();
    expect(draft.personal.map((f) => f.kind)).toEqual(['email', 'phone', 'card']);
    const { view, hub, user } = renderDialog({ draft });
    const dialog = within(view.getByRole('dialog'));
    const quote = dialog.getByLabelText('Selected text');
    expect(quote.textContent).toBe('Refund never came. Write to [email] or call [phone]; I paid with [card].');
    expect(dialog.getByRole('group', { name: 'Personal data: 3 of 3 replaced before saving' })).toBeTruthy();
    // The hub's live query for duplicates hears the text only as it would be saved.
    expect(JSON.stringify(hub.subscriptions('captureContext')[0]!.args)).not.toMatch(/priya|4111|7946/);

    await user.click(dialog.getByRole('button', { name: 'Save' }));
    const capture = sent(hub);
    expect(capture.text).toBe('Refund never came. Write to [email] or call [phone]; I paid with [card].');
    expect(capture.anchor!.quote.exact).toBe(capture.text);
    // The context either side is redacted too, though nobody saw it: the neighbours' phone and IBAN.
    expect(capture.anchor!.quote.prefix).not.toMatch(/7946/);
    expect(capture.anchor!.quote.suffix).not.toMatch(/DE89 3704 0044/);
    const everything = JSON.stringify(hub.calls);
    for (const secret of [EMAIL, '4111', '7946 0958', '7946 0123', '3704 0044']) expect(everything).not.toContain(secret);
  });

  it('keeps the one item the person chooses, and only that one', async () => {
    const { view, hub, user } = renderDialog({ draft: reviewDraft() });
    const dialog = within(view.getByRole('dialog'));
    await user.click(dialog.getByRole('checkbox', { name: `Keep email address ${EMAIL}` }));
    expect(dialog.getByLabelText('Selected text').textContent).toBe(`Refund never came. Write to ${EMAIL} or call [phone]; I paid with [card].`);
    expect(dialog.getByRole('group', { name: 'Personal data: 2 of 3 replaced before saving' })).toBeTruthy();
    await user.click(dialog.getByRole('button', { name: 'Save' }));
    expect(sent(hub).text).toBe(`Refund never came. Write to ${EMAIL} or call [phone]; I paid with [card].`);
    expect(JSON.stringify(hub.calls)).not.toContain('4111');
  });

  it('lets no page script tick "keep" for the person', () => {
    const { view, model } = renderDialog({ draft: reviewDraft() });
    const box = within(view.getByRole('dialog')).getByRole('checkbox', { name: `Keep card number ${CARD}` });
    fireEvent(box, forged(new MouseEvent('click', { bubbles: true, cancelable: true })));
    expect(model.kept.value.size).toBe(0);
  });

  it('drops what may be the rest of an item at the far edge of the context', () => {
    loadPage('<p id="p">The refund never came.</p><p>Call me on +44 20 7946 0958 today please</p>');
    const draft = createDraft(selectText(document.getElementById('p')!), document, PAGE)!;
    const capture = toNewCapture(draft, { note: '', tags: [], sentiment: null, channel: 'review' });
    expect(draft.anchor!.quote.suffix).toBe('\nCall me on +44 20 7946 0958 tod');
    expect(capture.anchor!.quote.suffix).toBe('\nCall me on [phone] tod');
    loadPage('<p id="p">The refund never came.</p><p>Write to priya.raman+refunds@example.com</p>');
    const cut = createDraft(selectText(document.getElementById('p')!), document, PAGE)!;
    expect(cut.anchor!.quote.suffix).toBe('\nWrite to priya.raman+refunds@ex');
    expect(toNewCapture(cut, { note: '', tags: [], sentiment: null, channel: 'review' }).anchor!.quote.suffix).toBe('\nWrite to ');
  });

  it('finds an address cut by the edge of the selection, from the text around it', () => {
    loadPage(`<p id="p">Mail me at ${EMAIL} please.</p>`);
    const text = document.getElementById('p')!.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, text.data.indexOf('@') + 4); // "…priya.raman+refunds@exa"
    const draft = createDraft(range, document, PAGE)!;
    expect(draft.personal).toEqual([expect.objectContaining({ kind: 'email', value: EMAIL })]);
    const capture = toNewCapture(draft, { note: '', tags: [], sentiment: null, channel: 'review' });
    expect(JSON.stringify(capture)).not.toMatch(/priya|refunds@|example\.com/);
    expect(capture.text).toBe('Mail me at [email]');
  });

  it('clears links that carry a redacted value, and the page title too', () => {
    loadPage(`<title>Ticket from ${EMAIL}</title><p id="p">Reply to ${EMAIL} about the refund.</p>`);
    const draft = createDraft(selectText(document.getElementById('p')!), document, `https://support.example/tickets?from=${encodeURIComponent(EMAIL)}`)!;
    const capture = toNewCapture(draft, { note: '', tags: [], sentiment: null, channel: 'support' });
    expect(capture.source.url).toBe('https://support.example/tickets');
    expect(capture.source.title).toBe('Ticket from [email]');
    expect(JSON.stringify(capture)).not.toContain('priya');
  });

  it('leaves a reviewer\'s public name and handle alone', () => {
    loadPage('<article><p id="p">@priya_r says: Priya Raman here, the refund took five weeks.</p></article>');
    const draft = createDraft(selectText(document.getElementById('p')!), document, PAGE)!;
    expect(draft.personal).toEqual([]);
  });

  it('is off when the administrator\'s policy turns it off: nothing marked, the text sent as selected', async () => {
    const draft = reviewDraft();
    const { view, hub, user } = renderDialog({ draft, redaction: signal(false) });
    const dialog = within(view.getByRole('dialog'));
    expect(dialog.queryByRole('group', { name: /Personal data/ })).toBeNull();
    await user.click(dialog.getByRole('button', { name: 'Save' }));
    expect(sent(hub).text).toContain(EMAIL);
  });

  it('follows the workspace\'s setting when the policy says nothing, and the policy when it does', () => {
    const off = renderDialog({ draft: reviewDraft() });
    expect(off.model.redaction.value).toBe(true); // on while the hub has not answered, and by default
    off.hub.push('captureContext', context({ redactPersonalData: false }));
    expect(off.model.redaction.value).toBe(false);
    cleanup();
    const forced = renderDialog({ draft: reviewDraft(), redaction: signal(true) });
    forced.hub.push('captureContext', context({ redactPersonalData: false }));
    expect(forced.model.redaction.value).toBe(true);
  });
});
