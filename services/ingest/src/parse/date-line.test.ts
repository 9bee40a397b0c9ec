import { describe, expect, it } from 'vitest';
import { parseDateLine, splitDateLine } from './date-line.ts';
import { parsePlainText } from './text.ts';

describe('parseDateLine', () => {
  it('reads the date forms outlets print, with an optional label, weekday and time', () => {
    expect(parseDateLine('May 3, 2013')).toBe('2013-05-03T00:00:00.000Z');
    expect(parseDateLine('Published May 03, 2013')).toBe('2013-05-03T00:00:00.000Z');
    expect(parseDateLine('14 June 2013')).toBe('2013-06-14T00:00:00.000Z');
    expect(parseDateLine('2013-05-02')).toBe('2013-05-02T00:00:00.000Z');
    expect(parseDateLine('PUBLISHED: THURSDAY, MAY 2, 2013, 1:32 PM')).toBe('2013-05-02T00:00:00.000Z');
    expect(parseDateLine('May 2, 2013 | 5:03pm')).toBe('2013-05-02T00:00:00.000Z');
  });

  it('converts a time with a known zone to UTC', () => {
    expect(parseDateLine('First Published: June 13, 2013 4:59 PM EDT')).toBe('2013-06-13T20:59:00.000Z');
    expect(parseDateLine('Fri., May. 3, 2013 11:45 AM PDT')).toBe('2013-05-03T18:45:00.000Z');
    expect(parseDateLine('May 3rd, 2013 2:00pm EDT')).toBe('2013-05-03T18:00:00.000Z');
  });

  it('undoes spaced-out times and slashes, and reads slashed dates month first unless impossible', () => {
    expect(parseDateLine('UPDATED 05 / 03 / 2013 at 11: 00 AM EDT')).toBe('2013-05-03T15:00:00.000Z');
    expect(parseDateLine('25/12/2012')).toBe('2012-12-25T00:00:00.000Z');
  });

  it('refuses prose, impossible dates and lines without a date', () => {
    expect(parseDateLine('May 3, 2013 was the day the levee broke.')).toBeNull();
    expect(parseDateLine('Updated 4:08 p.m. ET')).toBeNull();
    expect(parseDateLine('February 30, 2013')).toBeNull();
    expect(parseDateLine('Marching 3, 2013')).toBeNull();
    expect(parseDateLine('The quake struck on May 3, 2013.')).toBeNull();
  });
});

describe('splitDateLine', () => {
  it('takes the first date line near the top out of the text', () => {
    expect(splitDateLine('Quake hits town\nMay 3, 2013\nA quake hit the town.')).toEqual({
      body: 'Quake hits town\nA quake hit the town.',
      publishedAt: '2013-05-03T00:00:00.000Z',
    });
  });

  it('leaves text alone when the date comes later or is part of a sentence', () => {
    const text = 'One.\nTwo.\nThree.\nFour.\nMay 3, 2013';
    expect(splitDateLine(text)).toEqual({ body: text, publishedAt: null });
  });
});

describe('parsePlainText with a date line', () => {
  it('uses the date line as the publication time, and a date line above the headline is not the title', () => {
    const r = parsePlainText(
      'May 2, 2013, 1:12 PM\nLawyer: actor checks into rehab\nThe actor checked in on Thursday.',
    );
    expect(r.ok && r.articles[0]).toMatchObject({
      title: 'Lawyer: actor checks into rehab',
      text: 'The actor checked in on Thursday.',
      publishedAt: '2013-05-02T00:00:00.000Z',
    });
  });
});
