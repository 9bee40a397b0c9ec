import { describe, expect, it } from 'vitest';
import { eventsOf } from './test-helpers.ts';
import { isTitleCase, isTitleLine } from './triggers.ts';

const types = (text: string, clusters: Record<string, string[]> = {}): string[] =>
  eventsOf(text, { clusters }).map((e) => `${e.type}:${e.trigger.text}`);

describe('usage rules', () => {
  it('reads section headings and bulleted titles as names, not reports', () => {
    expect(isTitleLine(['=', '=', 'The', 'attack', '=', '='])).toBe(true);
    expect(isTitleLine(['*', '2007', 'Bagram', 'Airfield', 'bombing'])).toBe(true);
    expect(isTitleLine(['*', 'Three', 'people', 'were', 'killed'])).toBe(false);
    expect(types('== The attack ==\n\nGunmen attacked the base.')).toEqual(['conflict.attack:attacked']);
  });

  it('does not take the capitals of a title-case headline for a name', () => {
    expect(isTitleCase('Court Convicts Friend of Boston Bombing Suspect'.split(' '))).toBe(true);
    expect(isTitleCase('The Boston Bombing Suspect was convicted .'.split(' '))).toBe(false);
    expect(types('Court Convicts Friend of Boston Bombing Suspect')).toContain('conflict.attack:Bombing');
    expect(types('He visited the Boston Bombing Memorial.')).not.toContain('conflict.attack:Bombing');
  });

  it('keeps evidential "is reported to" and "the first reported death" out of statements', () => {
    expect(types('Organised crime is reported to flourish there.')).not.toContain(
      'contact.statement:reported',
    );
    expect(types('It was the first reported death of a general.')).not.toContain(
      'contact.statement:reported',
    );
    expect(types('The Tass news agency reported the deaths.')).toContain('contact.statement:reported');
  });

  it('does not make an information source the speaker of a revelation', () => {
    expect(types('The investigations have revealed that 34 people are involved.')).not.toContain(
      'contact.statement:revealed',
    );
    expect(types('The ministry revealed that 34 people are involved.')).toContain(
      'contact.statement:revealed',
    );
  });

  it('treats attacks on a virus or a disease as metaphors', () => {
    expect(types('Resources are needed to attack the virus.')).toEqual([]);
    expect(types('There may not be any disease to battle.')).toEqual([]);
    expect(types('They will attack the base.')).toEqual(['conflict.attack:attack']);
  });

  it('takes attacking a plan, a policy or a record, or someone for doing something, as criticism', () => {
    expect(types("The minister attacked the opposition's tax plans.")).toEqual(['contact.accuse:attacked']);
    expect(types("She opened the debate with an attack on the council's record.")).toEqual([
      'contact.accuse:attack',
    ]);
    expect(types('The senator attacked the governor for ignoring the warnings.')).toContain(
      'contact.accuse:attacked',
    );
    expect(types('Militants attacked the convoy near the border.')).toEqual(['conflict.attack:attacked']);
    expect(types('The attack on the barracks killed four soldiers.')).toContain('conflict.attack:attack');
    expect(types('The 2001 attacks pushed insurance claims up.')).toContain('conflict.attack:attacks');
    expect(types('The 2001 attacks pushed insurance claims up.')).not.toContain('contact.accuse:attacks');
  });

  it('types a killing named in a charge as a crime, not a death', () => {
    expect(types('He was charged with crimes of treason, terrorism and homicide.')).toEqual([
      'justice.charge:charged',
      'crime.generic:treason',
      'crime.generic:homicide',
    ]);
    expect(types('The homicide shocked the town.')).toEqual(['life.die:homicide']);
  });

  it('chooses the sense by the participants: protesters clash, a suicide bomber crashes into a patrol', () => {
    expect(types('Protesters clash with security forces.')).toEqual(['conflict.demonstrate:clash']);
    expect(types('Rebels clashed with the army.')).toEqual(['conflict.attack:clashed']);
    expect(types('A suicide bomber on a motorcycle crashed into a patrol.')).toEqual([
      'conflict.attack:crashed',
    ]);
    expect(types('A bus crashed into a wall.')).toEqual(['disaster.crash:crashed']);
  });

  it('takes the particle into the trigger of "went off" when a bomb goes off', () => {
    expect(types('Some 21 bombs had gone off in Belfast.')).toEqual(['conflict.attack:gone off']);
    expect(types('The alarm went off at noon.')).toEqual([]);
  });

  it('reads a duration as a work stoppage: "a 48-hour strike"', () => {
    expect(types('The attack came after a 48-hour strike.')).toContain('conflict.demonstrate:strike');
  });

  it('reports questions and replies like statements', () => {
    const clusters = { 'person:elliott': ['Elliott'] };
    expect(types('"No," Elliott replied.', clusters)).toEqual(['contact.statement:replied']);
    expect(types('Elliott asked whether he was sure.', clusters)).toEqual(['contact.statement:asked']);
    expect(types('Elliott asked them to leave.', clusters)).toEqual(['contact.request:asked']);
  });

  it('folds a participial clause into the statement it elaborates', () => {
    expect(
      types('ETA issued a statement denying responsibility, claiming that the cafe was full of police.', {
        'organization:eta': ['ETA'],
      }),
    ).toEqual(['contact.statement:issued']);
  });
});
