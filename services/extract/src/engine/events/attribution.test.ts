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

  it('keeps a statement with a named speaker as a contact.statement event', () => {
    const [st] = eventsOf('Prime Minister Mohammed al-Sudani confirmed the development on Friday.');
    expect(st?.type).toBe('contact.statement');
    expect(role(st, 'speaker')).toEqual(['Prime Minister Mohammed al-Sudani']);
  });
});
