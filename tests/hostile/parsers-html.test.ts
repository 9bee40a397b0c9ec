import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBuffered } from '../../services/ingest/src/parse/index.ts';
import { checkResult, utf8 } from './support/parse-checks.ts';

// HTML pages full of active content: the extracted text never carries what a browser would run or hide as code,
// and the parser never throws. Pages are whole documents; fragments and bare text: parsers-regressions.test.ts.

const MARK = 'QXSSMARKQ';
const parseHtml = (html: string) => parseBuffered(utf8(html), 'html', { maxArticles: 10 });

const word = fc.constantFrom(
  'the',
  'minister',
  'said',
  'council',
  'budget',
  'river',
  'Café',
  'Zürich',
  '東京',
  'déjà',
  'vu',
);
const sentence = fc.array(word, { minLength: 3, maxLength: 25 }).map((w) => `${w.join(' ')}.`);

/** Places where a page hides code or markup-only content; the marker must never reach the text. */
const active = fc.constantFrom(
  `<script>${MARK}</script>`,
  `<script type="text/javascript">var a = "${MARK}";</script>`,
  `<SCRIPT>${MARK}</SCRIPT >`,
  `<script>document.write("</scr"+"ipt>${MARK}")</script>`,
  `<script><!-- ${MARK} --></script>`,
  `<style>body::after { content: "${MARK}" }</style>`,
  `<iframe src="https://evil.example/${MARK}">${MARK}</iframe>`,
  `<iframe srcdoc="<p>${MARK}</p>"></iframe>`,
  `<p onclick="${MARK}">click</p>`,
  `<img src=x onerror="${MARK}">`,
  `<body onload="${MARK}">`,
  `<a href="javascript:${MARK}">link</a>`,
  `<svg><script>${MARK}</script></svg>`,
  `<object data="${MARK}">${MARK}</object>`,
  `<embed src="${MARK}">`,
  `<template><p>${MARK}</p></template>`,
  `<noscript>${MARK}</noscript>`,
  `<form action="${MARK}"><input value="${MARK}"><button>${MARK}</button></form>`,
  `<textarea>${MARK}</textarea>`,
  `<!-- ${MARK} -->`,
  `<meta http-equiv="refresh" content="0;url=${MARK}">`,
  `<link rel="stylesheet" href="${MARK}">`,
  `<base href="https://evil.example/${MARK}/">`,
);

/** Entities, valid and broken, and tags left open or closed twice. */
const messy = fc.constantFrom(
  '&amp;',
  '&lt;b&gt;',
  '&#x41;',
  '&#65;',
  '&eacute;',
  '&#xZZ;',
  '&#99999999;',
  '&#0;',
  '&#xD800;',
  '&bogus;',
  '&amp',
  '&',
  '<b>',
  '</i>',
  '<div>',
  '</div></div>',
  '<p>',
  '<<p>>',
  '<br/>',
  '<![CDATA[ x ]]>',
  '<!doctype html>',
  '<?xml version="1.0"?>',
  '<table><tr><td>cell',
  '<ul><li>item',
  '<pre>  spaced  </pre>',
);

/** Elements left open, swallowing the rest of the page. */
const unclosed = fc.constantFrom(`<script>${MARK}`, `<style>${MARK}`, `<iframe>${MARK}`, `<textarea>${MARK}`);

const fragment = fc.oneof(
  { weight: 4, arbitrary: sentence.map((s) => `<p>${s}</p>`) },
  { weight: 2, arbitrary: active },
  { weight: 2, arbitrary: messy },
  { weight: 1, arbitrary: sentence },
  { weight: 1, arbitrary: unclosed },
);

const page = fc
  .tuple(fc.array(fragment, { maxLength: 40 }), fc.array(active, { maxLength: 3 }), fc.boolean())
  .map(
    ([body, head, closed]) =>
      `<html><head><title>A title</title>${head.join('')}</head><body>${body.join('\n')}${closed ? '</body></html>' : ''}`,
  );

describe('HTML pages with scripts, iframes, styles, handlers and broken markup', () => {
  it('never throws and never lets script, style, iframe or handler contents into the text', () => {
    fc.assert(
      fc.property(page, (html) => {
        const r = parseHtml(html);
        checkResult(r);
        if (r.ok) {
          for (const a of r.articles) {
            expect(a.text).not.toContain(MARK);
            expect(a.title ?? '').not.toContain(MARK);
            expect(a.text).not.toMatch(/<\/?(script|style|iframe)\b/i);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('decodes entities once and keeps escaped markup as literal text, never as tags', () => {
    const body =
      'The mayor said &quot;fish &amp; chips&quot; cost &#x20AC;5 and &lt;script&gt;is text&lt;/script&gt; here. '.repeat(
        4,
      );
    const r = parseHtml(`<html><body><article><p>${body}</p></article></body></html>`);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.articles[0]?.text).toContain('"fish & chips" cost €5 and <script>is text</script> here.');
      expect(r.articles[0]?.text).not.toContain('&amp;');
    }
  });

  it('answers random Unicode text inside a page with NFC text or a rejection', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 300 }), (s) => {
        checkResult(parseHtml(`<html><body><p>${s}</p></body></html>`));
      }),
      { numRuns: 150 },
    );
  });

  it('reads a page with a 300 KB paragraph in bounded time', () => {
    const started = performance.now();
    const r = parseHtml(`<html><body><p>${'The council met again today. '.repeat(10_000)}</p></body></html>`);
    expect(r.ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
