/** @module Small text rules shared by every context: cutting to a limit, naming a site. */

/** At most `max` UTF-16 units, never splitting a surrogate pair (an emoji cut in half is mojibake). */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/** The host of a URL without a leading "www.", or '' when it is not a URL. */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
