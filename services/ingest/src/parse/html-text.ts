/** Elements whose content is never article text (and, here, never executed or fetched either). */
export const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'CANVAS',
  'BUTTON',
  'FORM',
  'SELECT',
  'TEXTAREA',
  'HEAD',
]);

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
]);

/** The subset of the DOM Node interface the walker needs (linkedom's nodes provide it). */
export interface TextNodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<TextNodeLike>;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/**
 * Renders a DOM subtree as plain text the way a reader sees it: block elements become paragraphs, `<br>` a line
 * break, inline whitespace collapses; scripts, styles, forms and embedded objects are skipped. Iterative, so
 * hostile nesting depth cannot overflow the stack.
 */
export function htmlToText(root: TextNodeLike): string {
  const out: string[] = [];
  const stack: ({ node: TextNodeLike; pre: boolean } | { close: string })[] = [{ node: root, pre: false }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if ('close' in item) {
      out.push(item.close);
      continue;
    }
    const { node, pre } = item;
    if (node.nodeType === TEXT_NODE) {
      const text = node.textContent ?? '';
      out.push(pre ? text : text.replace(/\s+/g, ' '));
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const tag = node.nodeName.toUpperCase();
    if (SKIPPED_TAGS.has(tag)) continue;
    if (tag === 'BR') {
      out.push('\n');
      continue;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) out.push('\n\n');
    stack.push({ close: block ? '\n\n' : tag === 'TD' || tag === 'TH' ? ' ' : '' });
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push({ node: child, pre: pre || tag === 'PRE' });
    }
  }
  return out.join('');
}

/** Depth of the element tree under `root` (iterative), stopping early once it exceeds `limit`. */
export function depthExceeds(root: TextNodeLike, limit: number): boolean {
  const stack: [TextNodeLike, number][] = [[root, 0]];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [node, depth] = item;
    if (depth > limit) return true;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child && child.nodeType === ELEMENT_NODE) stack.push([child, depth + 1]);
    }
  }
  return false;
}
