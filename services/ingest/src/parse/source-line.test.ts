import { describe, expect, it } from 'vitest';
import { parseSourceValue, splitTrailingSource } from './source-line.ts';
import { looksLikeTitle } from './title.ts';

describe('splitTrailingSource', () => {
  it('takes a trailing "Source: URL" line out of the body as url and outlet', () => {
    const r = splitTrailingSource('Body text.\nSource: https://www.example.com/a/b\n\n\n');
    expect(r).toEqual({ body: 'Body text.', url: 'https://www.example.com/a/b', outlet: 'www.example.com' });
  });

  it('reads "Original Source: host" without a final newline as the outlet', () => {
    const r = splitTrailingSource('Body text.\nOriginal Source: www.military.com');
    expect(r).toEqual({ body: 'Body text.', url: null, outlet: 'www.military.com' });
  });

  it('accepts an outlet name', () => {
    expect(parseSourceValue('Reuters')).toEqual({ url: null, outlet: 'Reuters' });
  });

  it('leaves text without a source line unchanged', () => {
    expect(splitTrailingSource('One.\nTwo.')).toEqual({ body: 'One.\nTwo.', url: null, outlet: null });
  });

  it('only looks at the last line', () => {
    const text = 'Source: https://a.example/x\nThe story goes on.';
    expect(splitTrailingSource(text).body).toBe(text);
  });
});

describe('looksLikeTitle', () => {
  it('accepts a short headline followed by text', () => {
    expect(looksLikeTitle('Central bank holds interest rates steady', 'The bank...')).toBe(true);
    expect(looksLikeTitle('Is the storm over?', 'Forecasters say...')).toBe(true);
  });

  it('rejects an opening paragraph', () => {
    const first =
      'The Iraqi intelligence service, with U.S. support, has killed Abdallah Maki Mosleh al-Rifai. This operation highlights the fight.';
    expect(looksLikeTitle(first, 'More text.')).toBe(false);
  });

  it('rejects a line ending in a full stop, and a line with nothing after it', () => {
    expect(looksLikeTitle('Police arrested two men on Saturday.', 'More.')).toBe(false);
    expect(looksLikeTitle('Central bank holds rates', '')).toBe(false);
  });
});
