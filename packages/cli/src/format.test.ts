import { EXAMPLES } from '@newsflow/shared';
import { describe, expect, it } from 'vitest';
import { formatMessageLine, table } from './format.ts';

describe('formatMessageLine', () => {
  it('shows an event with type, trigger, time, arguments and article', () => {
    const line = formatMessageLine(EXAMPLES['news.event.v1']);
    expect(line).toContain('life.die');
    expect(line).toContain('"killed"');
    expect(line).toContain('@2025-03-13');
    expect(line).toContain('victim=The leader of the Islamic State');
    expect(line).toContain(EXAMPLES['news.event.v1'].data.articleId);
  });

  it('shows an entity with aliases and roles', () => {
    const line = formatMessageLine(EXAMPLES['news.entity.v1']);
    expect(line).toContain('Abdallah Maki Mosleh al-Rifai aka al-Rifai, Abu Khadija');
    expect(line).toContain('deputy caliph (Islamic State)');
  });

  it('has a line for every message type', () => {
    for (const m of Object.values(EXAMPLES)) expect(formatMessageLine(m).length).toBeGreaterThan(20);
  });
});

describe('table', () => {
  it('pads columns to the widest cell', () => {
    expect(table(['a', 'bb'], [['xxx', 'y']])).toBe('a    bb\n---  --\nxxx  y');
  });
});
