// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { context, renderDialog } from './helpers';

afterEach(cleanup);

const tagsBox = () => screen.getByRole('combobox', { name: 'Tags' }) as HTMLInputElement;
const chips = () => screen.queryAllByRole('button', { name: /^Remove tag / }).map((b) => b.getAttribute('aria-label')!.slice('Remove tag '.length));
/** The suggestion list's options (the Sentiment and Channel selects have options too). */
const suggestions = () => within(screen.getByRole('listbox', { name: 'Tag suggestions' })).getAllByRole('option').map((o) => o.textContent);
const known = context({ tags: [{ tag: 'billing', count: 9 }, { tag: 'bugs', count: 4 }, { tag: 'onboarding', count: 2 }, { tag: 'export', count: 1 }] });

describe('the Tags field', () => {
  it('adds a tag on Enter or comma, normalised as the workspace stores it, once', async () => {
    const { user } = renderDialog();
    await user.type(tagsBox(), '  Slow Export {Enter}');
    await user.type(tagsBox(), '#billing,refunds, slow export,');
    expect(chips()).toEqual(['slow export', 'billing', 'refunds']);
    expect(tagsBox().value).toBe('');
  });

  it('takes a pasted list', async () => {
    const { user } = renderDialog();
    await user.click(tagsBox());
    await user.paste('ios, android, web');
    expect(chips()).toEqual(['ios', 'android']);
    expect(tagsBox().value).toBe('web');
  });

  it('removes a tag with its chip button, by keyboard too', async () => {
    const { user } = renderDialog();
    await user.type(tagsBox(), 'a,b,c,');
    await user.click(screen.getByRole('button', { name: 'Remove tag b' }));
    expect(chips()).toEqual(['a', 'c']);
    screen.getByRole('button', { name: 'Remove tag a' }).focus();
    await user.keyboard('{Enter}');
    expect(chips()).toEqual(['c']);
  });

  it('says what is wrong with a tag that cannot be one and keeps the text to fix', async () => {
    const { user } = renderDialog();
    await user.type(tagsBox(), `${'x'.repeat(41)}{Enter}`);
    expect(screen.getByRole('alert').textContent).toBe('A tag is at most 40 characters.');
    expect(tagsBox().value).toBe('x'.repeat(41));
    expect(chips()).toEqual([]);
  });

  it('suggests workspace tags as a listbox, navigable by keyboard', async () => {
    const { user, hub } = renderDialog();
    hub.push('captureContext', known);
    const input = tagsBox();
    expect(input.getAttribute('aria-expanded')).toBe('false');
    await user.type(input, 'b');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    const list = screen.getByRole('listbox', { name: 'Tag suggestions' });
    expect(input.getAttribute('aria-controls')).toBe(list.id);
    // Prefix matches first, then matches inside a tag.
    expect(suggestions()).toEqual(['billing', 'bugs', 'onboarding']);
    expect(input.hasAttribute('aria-activedescendant')).toBe(false);

    await user.keyboard('{ArrowDown}{ArrowDown}');
    const bugs = screen.getByRole('option', { name: 'bugs' });
    expect(input.getAttribute('aria-activedescendant')).toBe(bugs.id);
    expect(bugs.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('option', { name: 'billing' }).getAttribute('aria-selected')).toBe('false');
    await user.keyboard('{ArrowUp}{ArrowUp}'); // wraps around to the last
    expect(input.getAttribute('aria-activedescendant')).toBe(screen.getByRole('option', { name: 'onboarding' }).id);
    await user.keyboard('{ArrowDown}{Enter}'); // onboarding -> billing (wraps forward too)
    expect(chips()).toEqual(['billing']);
    expect(input.value).toBe('');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(input.getAttribute('aria-expanded')).toBe('false');

    // Tags already added are not suggested again; ArrowDown opens the list on an empty field.
    await user.keyboard('{ArrowDown}');
    expect(suggestions()).toEqual(['bugs', 'onboarding', 'export']);
  });

  it('picks a suggestion with the mouse', async () => {
    const { user, hub } = renderDialog();
    hub.push('captureContext', known);
    await user.type(tagsBox(), 'exp');
    await user.click(screen.getByRole('option', { name: 'export' }));
    expect(chips()).toEqual(['export']);
  });

  it('closes the suggestions on the first Esc and the dialog only on the second', async () => {
    const { user, hub, onClose } = renderDialog();
    hub.push('captureContext', known);
    await user.type(tagsBox(), 'bi');
    expect(screen.getByRole('listbox')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('Enter adds the typed tag rather than saving; Enter on the empty field then saves', async () => {
    const { user, hub } = renderDialog();
    await user.type(tagsBox(), 'pricing{Enter}');
    expect(hub.saves()).toHaveLength(0);
    await user.keyboard('{Enter}');
    expect(hub.saves()[0]!.args).toMatchObject({ capture: { tags: ['pricing'] } });
  });

  it('saves text still in the field as a tag rather than dropping it', async () => {
    const { user, hub } = renderDialog();
    await user.type(tagsBox(), 'half typed');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(hub.saves()[0]!.args).toMatchObject({ capture: { tags: ['half typed'] } });
  });
});
