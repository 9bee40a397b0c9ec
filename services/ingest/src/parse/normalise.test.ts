import { describe, expect, it } from 'vitest';
import { isBoilerplateLine, normaliseField, normaliseText } from './normalise.ts';

describe('normaliseText', () => {
  it('composes to NFC so both spellings of é are one text', () => {
    expect(normaliseText('Cafe\u0301')).toBe('Café');
    expect(normaliseText('Cafe\u0301')).toBe(normaliseText('Caf\u00e9'));
  });

  it('unifies line ends, collapses spaces and drops invisible characters', () => {
    expect(normaliseText('a\u00a0 b\u200b c\r\nd\re\t\tf  ')).toBe('a b c\nd\ne f');
  });

  it('keeps at most one blank line between paragraphs and trims the ends', () => {
    expect(normaliseText('\n\n first\n\n\n\nsecond \n\n')).toBe('first\n\nsecond');
  });

  it('drops whole boilerplate lines but keeps sentences that mention the words', () => {
    const text = 'Advertisement\nThe advertisement was pulled.\nShare this article\nRead more:\nEnd.';
    expect(normaliseText(text)).toBe('The advertisement was pulled.\nEnd.');
  });

  it('removes invisible and control characters before composing, so the result is NFC', () => {
    const text = normaliseText('e\u00ad\u0301 and A\u200b\u030angstr\u00f6m\u0000 \u001b[31m');
    expect(text).toBe('\u00e9 and \u00c5ngstr\u00f6m [31m');
    expect(text).toBe(text.normalize('NFC'));
  });

  it('is idempotent', () => {
    const once = normaliseText(' A\u00a0b \r\n\r\n\r\nAdvertisement\r\nc ');
    expect(normaliseText(once)).toBe(once);
  });
});

describe('isBoilerplateLine', () => {
  it.each([
    'Advertisement',
    'SKIP ADVERTISEMENT',
    'Share this article',
    'Copyright 2025 Example News. All rights reserved.',
  ])('recognises %j', (line) => expect(isBoilerplateLine(line)).toBe(true));
  it.each([
    'Share prices fell.',
    'Read more about it in our archive today, the editor said.',
  ])('keeps %j', (line) => expect(isBoilerplateLine(line)).toBe(false));
});

describe('normaliseField', () => {
  it('makes one trimmed line or null', () => {
    expect(normaliseField('  Jane\n Doe ')).toBe('Jane Doe');
    expect(normaliseField('   ')).toBeNull();
    expect(normaliseField(undefined)).toBeNull();
  });
});
