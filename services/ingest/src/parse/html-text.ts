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
 * break, inline whitespace collapses; scripts, styles, forms and embedded objects are skipped.
 */
export function htmlToText(root: TextNodeLike): string {
  const out: string[] = [];
  walk(root, out, false);
  return out.join('');
}

function walk(node: TextNodeLike, out: string[], pre: boolean): void {
  if (node.nodeType === TEXT_NODE) {
    const text = node.textContent ?? '';
    out.push(pre ? text : text.replace(/\s+/g, ' '));
    return;
  }
  if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) return;
  const tag = node.nodeName.toUpperCase();
  if (SKIPPED_TAGS.has(tag)) return;
  if (tag === 'BR') {
    out.push('\n');
    return;
  }
  const block = BLOCK_TAGS.has(tag);
  if (block) out.push('\n\n');
  const children = node.childNodes;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child) walk(child, out, pre || tag === 'PRE');
  }
  if (block) out.push('\n\n');
  else if (tag === 'TD' || tag === 'TH') out.push(' ');
}
