import { describe, expect, it } from 'vitest';
import { articleIdFor, deriveId, entityIdFor, eventIdFor } from './ids.ts';

describe('deterministic ids', () => {
  it('gives the same article id for the same text and another for other text', () => {
    expect(articleIdFor('Some text.')).toBe(articleIdFor('Some text.'));
    expect(articleIdFor('Some text.')).not.toBe(articleIdFor('Some text!'));
    expect(articleIdFor('x')).toMatch(/^art_[0-9a-f]{24}$/);
  });

  it('keeps part boundaries: (ab, c) and (a, bc) differ', () => {
    expect(deriveId('x', 'ab', 'c')).not.toBe(deriveId('x', 'a', 'bc'));
  });

  it('changes entity and event ids with the extractor version', () => {
    expect(entityIdFor('art_1', '1.0.0', 'person:al-rifai')).toBe(
      entityIdFor('art_1', '1.0.0', 'person:al-rifai'),
    );
    expect(entityIdFor('art_1', '1.0.0', 'k')).not.toBe(entityIdFor('art_1', '1.1.0', 'k'));
    expect(eventIdFor('art_1', '1.0.0', 'k')).toMatch(/^evt_/);
  });
});
