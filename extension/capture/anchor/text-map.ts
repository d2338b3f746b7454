/** @module The one text walker behind every anchor: a root's visible text, normalised, with a map back to DOM points. */

/** Subtrees whose text is never shown as page text (iframe children are fallback markup, not the frame). */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe']);

/** Elements that start a new line; their boundaries become "\n" so paragraphs do not run together. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'legend', 'li', 'main', 'nav', 'ol', 'option', 'p', 'pre', 'section', 'summary', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING, spelled out so this runs without a global Node
const CONTAINED_BY = 16;

/**
 * A root's text as the walker defines it: whitespace runs collapse to one space, block boundaries
 * to one "\n", nothing leading or trailing. Every whitespace character in `text` is such a
 * synthetic separator with no width. It maps to the whitespace it stands for when that lies in
 * the same text node as the next character, otherwise to that next character, so offsets stay
 * ordered within each node and a point just before a word never counts the space before it.
 * Per-character typed arrays keep the map linear and compact (8 bytes a character).
 */
export interface TextMap {
  text: string;
  /** Text nodes that own at least one character, in document order. */
  nodes: Text[];
  /** Per character: index into `nodes`. */
  nodeOf: Int32Array;
  /** Per character: offset of that character inside its text node. */
  offsetOf: Int32Array;
  /** Per entry of `nodes`: index of its first character. */
  nodeStart: number[];
  index: Map<Text, number>;
}

/** Whitespace as JavaScript's `\s` sees it, without a regex per character. */
export function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a)
    || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** True for elements whose whole subtree contributes no text. */
export function isSkipped(el: Element): boolean {
  return SKIPPED.has(el.localName) || el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true';
}

/** Walks `root`'s subtree once, iteratively (deep pages must not overflow the stack). */
export function buildTextMap(root: Node): TextMap {
  const parts: string[] = [];
  const nodes: Text[] = [];
  const nodeStart: number[] = [];
  const index = new Map<Text, number>();
  let nodeOf = new Int32Array(1024);
  let offsetOf = new Int32Array(1024);
  let length = 0;
  // 0 nothing pending, 1 a space, 2 a newline: a block boundary wins over plain whitespace.
  let pending = 0;

  const push = (nodeIdx: number, offset: number) => {
    if (length === nodeOf.length) {
      const grow = (old: Int32Array) => { const next = new Int32Array(old.length * 2); next.set(old); return next; };
      nodeOf = grow(nodeOf);
      offsetOf = grow(offsetOf);
    }
    nodeOf[length] = nodeIdx;
    offsetOf[length++] = offset;
  };

  const addText = (node: Text) => {
    const data = node.data;
    let nodeIdx = -1;
    let runStart = -1; // start of the current run of visible characters, appended as one slice
    let spaceAt = -1; // where pending whitespace began in this node; -1 when it came from before it
    for (let i = 0; i <= data.length; i++) {
      const visible = i < data.length && !isSpace(data.charCodeAt(i));
      if (visible) {
        if (nodeIdx < 0) { nodeIdx = nodes.length; nodes.push(node); index.set(node, nodeIdx); nodeStart.push(length); }
        if (pending && length > 0) { parts.push(pending === 2 ? '\n' : ' '); push(nodeIdx, spaceAt >= 0 ? spaceAt : i); }
        pending = 0;
        spaceAt = -1;
        if (runStart < 0) runStart = i;
        push(nodeIdx, i);
      } else {
        if (runStart >= 0) { parts.push(data.slice(runStart, i)); runStart = -1; }
        if (i < data.length) {
          if (spaceAt < 0) spaceAt = i;
          if (pending === 0) pending = 1;
        }
      }
    }
  };

  const enter = (node: Node): boolean => {
    if (node.nodeType === TEXT_NODE) { addText(node as Text); return false; }
    if (node.nodeType !== ELEMENT_NODE || isSkipped(node as Element)) return false;
    if (BLOCKS.has((node as Element).localName)) pending = 2;
    return true;
  };
  // Only entered (element, not skipped) nodes are ever left.
  const leave = (node: Node) => {
    if (BLOCKS.has((node as Element).localName)) pending = 2;
  };

  // An explicit stack over childNodes by index, not firstChild/nextSibling: sequential childNodes
  // access is O(1) everywhere, while some DOMs (happy-dom) find a sibling by scanning its parent's
  // children, which would make a page of 100k siblings quadratic.
  const stack: { parent: Node; kids: NodeListOf<ChildNode>; next: number }[] = [{ parent: root, kids: root.childNodes, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next >= top.kids.length) {
      stack.pop();
      if (stack.length > 0) leave(top.parent);
      continue;
    }
    const node = top.kids[top.next++]!;
    if (!enter(node)) continue;
    if (node.childNodes.length > 0) stack.push({ parent: node, kids: node.childNodes, next: 0 });
    else leave(node);
  }
  return { text: parts.join(''), nodes, nodeOf: nodeOf.subarray(0, length), offsetOf: offsetOf.subarray(0, length), nodeStart, index };
}

/**
 * How many characters of `map.text` lie before the DOM point (container, offset). Text nodes in
 * the map are found directly; any other point by binary search over `nodes` in document order,
 * so this is O(log n) whatever the page size.
 */
export function offsetAt(map: TextMap, container: Node, offset: number): number {
  const own = container.nodeType === TEXT_NODE ? map.index.get(container as Text) : undefined;
  if (own !== undefined) {
    let lo = map.nodeStart[own]!;
    let hi = map.nodeStart[own + 1] ?? map.text.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (map.offsetOf[mid]! >= offset) hi = mid; else lo = mid + 1; }
    return lo;
  }
  let lo = 0;
  let hi = map.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isAtOrAfter(map.nodes[mid]!, container, offset)) hi = mid; else lo = mid + 1;
  }
  return lo < map.nodes.length ? map.nodeStart[lo]! : map.text.length;
}

/** Is the start of text node `n` at or after the point (container, offset)? Never throws across trees. */
function isAtOrAfter(n: Node, container: Node, offset: number): boolean {
  if (container.nodeType !== ELEMENT_NODE && container.nodeType !== 9 && container.nodeType !== 11) {
    return n !== container && (container.compareDocumentPosition(n) & FOLLOWING) !== 0;
  }
  const child = container.childNodes[offset];
  if (child) return n === child || (child.compareDocumentPosition(n) & FOLLOWING) !== 0;
  const pos = container.compareDocumentPosition(n);
  return (pos & FOLLOWING) !== 0 && (pos & CONTAINED_BY) === 0;
}

/** Offset in `map.text` of an element's first character (past the separator that may precede it). */
export function elementTextStart(map: TextMap, el: Element): number {
  let at = offsetAt(map, el, 0);
  // Only a separator can sit at the start; it belongs to what came before, not to this element.
  const code = map.text.charCodeAt(at);
  if (code === 10 || code === 32) at++;
  return at;
}

/** Moves [start, end) inwards past separators, so a quote never begins or ends with whitespace. */
export function trimSpan(text: string, start: number, end: number): [number, number] {
  end = Math.max(start, end); // boundaries in another tree (shadow DOM) compare arbitrarily
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return [start, end];
}

/** The DOM Range covering characters [start, end) of the map, or null when that is empty or out of bounds. */
export function rangeFromOffsets(map: TextMap, start: number, end: number): Range | null {
  if (!(start >= 0 && start < end && end <= map.text.length)) return null;
  const first = map.nodes[map.nodeOf[start]!]!;
  const last = map.nodes[map.nodeOf[end - 1]!]!;
  // A separator has no width: a span ending with it stops where the whitespace it stands for starts.
  const width = isSpace(map.text.charCodeAt(end - 1)) ? 0 : 1;
  const range = first.ownerDocument.createRange();
  range.setStart(first, map.offsetOf[start]!);
  range.setEnd(last, map.offsetOf[end - 1]! + width);
  return range;
}
