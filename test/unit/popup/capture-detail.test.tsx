// @vitest-environment happy-dom
/** @module Capture detail: source link with a text fragment, similar-action suggestions, linking, triage edits, follow-up, create and archive. */
import { cleanup, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, harness, renderPopup, settle, type Harness } from './helpers';

let h: Harness;
let exportAction: string;
let capture: string;

beforeEach(async () => {
  h = await harness();
  const evidence = h.capture({ text: 'The CSV export times out when the workspace has many rows.' });
  exportAction = h.action({ title: 'Make the CSV export fast on large workspaces', captureIds: [evidence] });
  h.action({ title: 'Add VAT numbers to invoices' });
  capture = h.capture({
    text: 'Exporting to CSV keeps timing out for our large workspace, the export never finishes.',
    tags: ['export'], sentiment: 'negative',
    source: { url: 'https://www.g2.com/products/acme/reviews', platform: 'g2', author: 'Tom Becker', title: 'Acme reviews', permalink: 'https://www.g2.com/survey_responses/acme-review-42' },
    anchor: { quote: { exact: 'Exporting to CSV keeps timing out for our large workspace, the export never finishes.', prefix: 'Rated 2/5 ', suffix: ' Helpful?' }, position: null, range: null },
  }, h.sam);
});
afterEach(cleanup);

const stored = () => h.hub.query('capture', { id: capture })!;

describe('capture detail', () => {
  it('shows the quote, facts and source, and opens the page at the quote with a text fragment', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const { user } = await renderPopup(h, `#capture/${capture}`);
    expect(screen.getByRole('heading', { name: 'Capture' })).toBeTruthy();
    // The inbox list stays mounted (hidden) under the detail, so look inside the detail only.
    const detail = within(screen.getByRole('article', { name: 'Capture' }));
    const quote = detail.getByText(/^Exporting to CSV keeps timing out/, { selector: 'blockquote' });
    expect(quote.textContent).toBe('Exporting to CSV keeps timing out for our large workspace, the export never finishes.');
    expect(detail.getByText('G2 · Acme reviews')).toBeTruthy();
    expect(detail.getByText('Tom Becker')).toBeTruthy();
    expect(detail.getByText('★ 2/5')).toBeTruthy();
    expect(detail.getByText(/^by Sam Okafor/)).toBeTruthy();
    const link = screen.getByRole('link', { name: /Open source page/ });
    const expected = 'https://www.g2.com/survey_responses/acme-review-42#:~:text=Exporting%20to%20CSV%20keeps%20timing,workspace%2C%20the%20export%20never%20finishes.';
    expect(link.getAttribute('href')).toBe(expected);
    await user.click(link);
    expect(create).toHaveBeenCalledWith({ url: expected });
  });

  it('suggests the open action whose evidence reads alike, and links to it', async () => {
    const { user } = await renderPopup(h, `#capture/${capture}`);
    const suggested = screen.getByRole('list', { name: 'Suggested' });
    const item = within(suggested).getByText('Make the CSV export fast on large workspaces').closest('li')!;
    expect(within(item).getByText(/^\d+% alike$/)).toBeTruthy();
    expect(within(suggested).queryByText('Add VAT numbers to invoices')).toBeNull();
    await user.click(within(item).getByRole('button', { name: 'Link to Make the CSV export fast on large workspaces' }));
    await settle();
    const linked = screen.getByRole('list', { name: 'Linked actions' });
    expect(within(linked).getByText('Make the CSV export fast on large workspaces')).toBeTruthy();
    expect(h.hub.query('action', { id: exportAction })!.action.captureIds).toContain(capture);
    expect(screen.queryByRole('list', { name: 'Suggested' })).toBeNull();
    const history = screen.getByRole('region', { name: 'History' });
    expect(within(history).getByText('Dana Kim set Status: new → triaged')).toBeTruthy();
    await user.click(within(linked).getByRole('button', { name: 'Unlink Make the CSV export fast on large workspaces' }));
    await settle();
    expect(h.hub.query('action', { id: exportAction })!.action.captureIds).not.toContain(capture);
  });

  it('links through a search over open actions', async () => {
    const { user } = await renderPopup(h, `#capture/${capture}`);
    await user.type(screen.getByRole('searchbox', { name: 'Search open actions' }), 'invoices');
    await settle();
    const results = screen.getByRole('list', { name: 'Matching actions' });
    expect(within(results).getAllByRole('listitem')).toHaveLength(1);
    await user.click(within(results).getByRole('button', { name: 'Link to Add VAT numbers to invoices' }));
    await settle();
    expect(stored().actions.map((a) => a.title)).toEqual(['Add VAT numbers to invoices']);
  });

  it('edits the note, tags and sentiment, and the history says who did what', async () => {
    const { user } = await renderPopup(h, `#capture/${capture}`);
    await user.type(screen.getByRole('textbox', { name: 'Note' }), 'Third report this week');
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    await settle();
    expect(stored().capture.note).toBe('Third report this week');
    await user.type(screen.getByRole('textbox', { name: 'Add a tag' }), 'Urgent{Enter}');
    await settle();
    await user.click(screen.getByRole('button', { name: 'Remove tag export' }));
    await settle();
    expect(stored().capture.tags).toEqual(['urgent']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sentiment' }), 'neutral');
    await settle();
    expect(stored().capture.sentiment).toBe('neutral');
    const history = within(screen.getByRole('region', { name: 'History' }));
    expect(history.getByText('Dana Kim edited the note')).toBeTruthy();
    expect(history.getByText('Dana Kim tagged it “urgent”')).toBeTruthy();
    expect(history.getByText('Dana Kim removed the tag “export”')).toBeTruthy();
    expect(history.getByText('Dana Kim set Sentiment: Negative → Neutral')).toBeTruthy();
    expect(history.getByText('Sam Okafor captured it')).toBeTruthy();
  });

  it('tracks the customer follow-up apart from the fix, and records the reply: where, what, link, who', async () => {
    const { user } = await renderPopup(h, `#capture/${capture}`);
    const loop = screen.getByRole('group', { name: 'Customer follow-up' });
    expect((within(loop).getByRole('radio', { name: 'No reply needed' }) as HTMLInputElement).checked).toBe(true);
    await user.click(within(loop).getByRole('radio', { name: 'Reply needed' }));
    await settle();
    expect(stored().capture.loop.state).toBe('reply_needed');
    await user.click(within(loop).getByRole('radio', { name: 'Replied' }));
    await settle();
    const form = within(screen.getByRole('form', { name: 'The reply' }));
    await user.selectOptions(form.getByRole('combobox', { name: 'Where' }), 'Public reply on the platform');
    await user.type(form.getByRole('textbox', { name: 'What was said' }), 'Sorry about the export, it streams now.');
    await user.type(form.getByRole('textbox', { name: 'Link to the reply' }), 'https://www.g2.com/reply/9');
    await user.click(form.getByRole('button', { name: 'Save reply' }));
    await settle();
    expect(stored().capture.loop).toMatchObject({
      state: 'replied', replyUrl: 'https://www.g2.com/reply/9', updatedBy: h.memberId,
      reply: { where: 'public', text: 'Sorry about the export, it streams now.', url: 'https://www.g2.com/reply/9', by: h.memberId },
    });
    expect(screen.getByRole('link', { name: 'Open the reply' }).getAttribute('href')).toBe('https://www.g2.com/reply/9');
    expect(screen.getByText('Public reply on the platform: “Sorry about the export, it streams now.”')).toBeTruthy();
    await user.clear(form.getByRole('textbox', { name: 'Link to the reply' }));
    await user.type(form.getByRole('textbox', { name: 'Link to the reply' }), 'ftp://files.example/reply');
    await user.click(form.getByRole('button', { name: 'Save reply' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toMatch(/http/);
  });

  it('creates an action from the capture (title from the quote, editable) and opens it', async () => {
    const { user } = await renderPopup(h, `#capture/${capture}`);
    await user.click(screen.getByRole('button', { name: 'Create action' }));
    const title = screen.getByRole('textbox', { name: 'Action title' }) as HTMLInputElement;
    // The first sentence, cut near 80 characters at a word.
    expect(title.value).toBe('Exporting to CSV keeps timing out for our large workspace, the export never…');
    await user.clear(title);
    await user.type(title, 'Stream big CSV exports');
    await user.click(screen.getByRole('button', { name: 'Create' }));
    await settle();
    const id = window.location.hash.replace('#action/', '');
    expect(h.hub.query('action', { id })!.action).toMatchObject({ title: 'Stream big CSV exports', captureIds: [capture] });
    expect(screen.getByRole('heading', { name: 'Action' })).toBeTruthy();
    // Back returns to the capture it came from.
    await user.click(screen.getByRole('button', { name: 'Back to capture' }));
    await settle();
    expect(window.location.hash).toBe(`#capture/${capture}`);
  });

  it('archives with a reason and moves back to the inbox', async () => {
    const { user } = await renderPopup(h, `#capture/${capture}`);
    await user.click(screen.getByRole('button', { name: 'Archive' }));
    await user.type(screen.getByRole('textbox', { name: 'Reason (optional)' }), 'Duplicate');
    await user.click(screen.getByRole('button', { name: 'Archive' }));
    await settle();
    expect(stored().capture).toMatchObject({ status: 'archived', archivedReason: 'Duplicate' });
    expect(screen.getByText(': Duplicate', { exact: false })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Move back to inbox' }));
    await waitFor(() => expect(stored().capture.status).toBe('new'));
  });
});
