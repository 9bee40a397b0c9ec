import { describe, expect, it } from 'vitest';
import { eventsOf } from './test-helpers.ts';

/** Modality of the last event of the text (the sentences put the event under test last). */
const modality = (text: string, publishedAt?: string): string | undefined =>
  eventsOf(text, publishedAt ? { publishedAt } : {}).at(-1)?.modality;

describe('modality', () => {
  it('asserts plain past events', () => {
    expect(modality('Troops attacked a checkpoint near Mosul.')).toBe('asserted');
  });

  it('negates events under not, never and foiled', () => {
    expect(modality('Police did not arrest anyone.')).toBe('negated');
    expect(modality('Security forces foiled an attack on the airport.')).toBe('negated');
  });

  it('marks future and planned events', () => {
    expect(modality('The army will withdraw its troops from the city.')).toBe('planned');
    expect(modality('Officials discussed the planned withdrawal of foreign troops.')).toBe('planned');
  });

  it('marks an event planned when its date lies after publication', () => {
    expect(modality('The withdrawal of coalition troops ends in September 2026.', '2025-03-14')).toBe(
      'planned',
    );
  });

  it('hedges reported and uncertain events', () => {
    expect(modality('Militants reportedly attacked a convoy.')).toBe('hedged');
    expect(modality('The group may have kidnapped the engineers.')).toBe('hedged');
  });
});
