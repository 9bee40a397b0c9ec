import { describe, expect, it } from 'vitest';
import { eventsOf, role } from './test-helpers.ts';

describe('attribution', () => {
  it('attributes an event to the speaker of a reporting clause and does not emit the clause itself', () => {
    const events = eventsOf('A security official said militants attacked the convoy.');
    expect(events.map((e) => e.type)).toEqual(['conflict.attack']);
    expect(events[0]?.source?.text).toBe('A security official');
  });

  it('reads inverted reporting clauses after a quote', () => {
    const [attack] = eventsOf('“Rebels shelled the town overnight,” said the governor.');
    expect(attack?.type).toBe('conflict.attack');
    expect(attack?.source?.text).toBe('the governor');
  });

  it('takes the source from "according to"', () => {
    const [death] = eventsOf('According to the ministry, three soldiers were killed.');
    expect(death?.source?.text).toBe('the ministry');
  });

  it('links the source to an entity cluster', () => {
    const text = 'Al-Sudani stated that the group had executed two hostages.';
    const death = eventsOf(text, { clusters: { 'person:al-sudani': ['Al-Sudani'] } }).find(
      (e) => e.type === 'life.die',
    );
    expect(death?.source).toEqual({ text: 'Al-Sudani', entityKey: 'person:al-sudani' });
  });

  it('hedges what a speaker only claims', () => {
    const attack = eventsOf('The group claimed that its fighters attacked the base.').find(
      (e) => e.type === 'conflict.attack',
    );
    expect(attack?.modality).toBe('hedged');
  });

  it('takes the speaker before the verb when a pronoun after it starts what was said', () => {
    const text =
      'Gabriela Ramirez, a former public ombudsman, said she feared the government would get worse.';
    const st = eventsOf(text, { clusters: { 'person:ramirez': ['Gabriela Ramirez'] } }).find(
      (e) => e.type === 'contact.statement',
    );
    expect(role(st, 'speaker')).toEqual(['Gabriela Ramirez']);
  });

  it('still reads an inverted speaker after a quotation or a clause', () => {
    const [quoted] = eventsOf('"They have changed their tactics," said Interior Minister Ali Hassan.');
    expect(role(quoted, 'speaker')).toEqual(['Interior Minister Ali Hassan']);
    const [clause] = eventsOf('The border will stay closed until March, said Interior Minister Ali Hassan.');
    expect(role(clause, 'speaker')).toEqual(['Interior Minister Ali Hassan']);
  });

  it('gives a statement a recipient only when the verb addresses someone', () => {
    const [told] = eventsOf('Defence Minister Ali Hassan told reporters the border would stay closed.');
    expect(role(told, 'recipient')).toEqual(['reporters']);
    const [said] = eventsOf('Defence Minister Ali Hassan said the border would stay closed.');
    expect(said?.type).toBe('contact.statement');
    expect(role(said, 'recipient')).toEqual([]);
    const [spoke] = eventsOf(
      'Defence Minister Ali Hassan said to reporters that the border would stay closed.',
    );
    expect(role(spoke, 'recipient')).toEqual(['reporters']);
  });

  it('keeps a statement with a named speaker as a contact.statement event', () => {
    const [st] = eventsOf('Prime Minister Mohammed al-Sudani confirmed the development on Friday.');
    expect(st?.type).toBe('contact.statement');
    expect(role(st, 'speaker')).toEqual(['Prime Minister Mohammed al-Sudani']);
  });
});
