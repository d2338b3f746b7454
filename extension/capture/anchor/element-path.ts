/** @module XPath-like element paths (`/html[1]/body[1]/div[3]/p[2]`) for range selectors, built and resolved. */

const STEP = /^([^\s[\]/]+)\[([1-9]\d{0,6})\]$/;

/**
 * The path from the top of `el`'s tree: the document (so it starts `/html[1]`), or a shadow
 * root when the element lives in one. Each step counts same-name siblings, 1-based, as XPath does.
 */
export function elementPath(el: Element): string {
  const steps: string[] = [];
  for (let cur: Element | null = el; cur; cur = cur.parentElement) {
    // Counting through the parent's `children` by index is one pass even in DOMs (happy-dom)
    // whose previousElementSibling scans the parent each time.
    const siblings: HTMLCollection | undefined = (cur.parentNode as ParentNode | null)?.children;
    let n = 1;
    for (let i = 0; siblings && i < siblings.length && siblings[i] !== cur; i++) {
      if (siblings[i]!.localName === cur.localName) n++;
    }
    steps.push(`${cur.localName}[${n}]`);
  }
  return `/${steps.reverse().join('/')}`;
}

/**
 * The element a path names, searched from the top of `root`'s tree; null for a malformed path
 * (stored anchors come from other peers, so nothing here may trust them) or one that leads nowhere.
 */
export function resolveElementPath(path: string, root: Element): Element | null {
  if (typeof path !== 'string' || !path.startsWith('/')) return null;
  let cur: ParentNode = root.getRootNode() as ParentNode;
  if (!('children' in cur)) return null;
  for (const step of path.slice(1).split('/')) {
    const match = STEP.exec(step);
    if (!match) return null;
    const name = match[1]!;
    let left = Number(match[2]);
    let found: Element | null = null;
    const kids = cur.children;
    for (let i = 0; i < kids.length; i++) {
      if (kids[i]!.localName === name && --left === 0) { found = kids[i]!; break; }
    }
    if (!found) return null;
    cur = found;
  }
  return cur === root.getRootNode() ? null : (cur as Element);
}
