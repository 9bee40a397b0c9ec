import type { AnyMessage } from '@newsflow/shared';

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** One human-readable line per message, for `newsflow tail`. */
export function formatMessageLine(m: AnyMessage): string {
  const t = m.time.slice(11, 19);
  switch (m.type) {
    case 'news.event.v1': {
      const d = m.data;
      const args = d.arguments.map((a) => `${a.role}=${clip(a.text, 40)}`).join(' ');
      const when = d.time ? ` @${d.time.value}` : '';
      const mod = d.modality === 'asserted' ? '' : ` (${d.modality})`;
      return `${t} ${d.type.padEnd(22)} "${d.trigger.text}"${mod}${when} ${args}  [${d.articleId}]`;
    }
    case 'news.entity.v1': {
      const d = m.data;
      const aka = d.aliases.length ? ` aka ${d.aliases.slice(0, 3).join(', ')}` : '';
      const roles = d.roles
        .map((r) => (r.affiliation ? `${r.title} (${r.affiliation})` : r.title))
        .join('; ');
      return `${t} ${d.type.padEnd(22)} ${d.name}${aka}${roles ? ` — ${roles}` : ''}  x${d.mentions.length}  [${d.articleId}]`;
    }
    case 'news.article.raw.v1':
      return `${t} ${'article'.padEnd(22)} ${clip(m.data.title ?? m.data.text, 80)}  ${m.data.outlet ?? ''}  [${m.data.id}]`;
    case 'news.article.rejected.v1':
      return `${t} ${'rejected'.padEnd(22)} ${m.data.input}: ${m.data.reason} — ${clip(m.data.message, 80)}`;
    case 'news.article.extracted.v1':
      return `${t} ${'extracted'.padEnd(22)} ${m.data.entityCount} entities, ${m.data.eventCount} events  [${m.data.articleId}]`;
    case 'news.story.updated.v1':
      return `${t} ${`story.${m.data.change}`.padEnd(22)} ${clip(m.data.title ?? m.data.storyId, 70)}  ${m.data.articleIds.length} articles, ${m.data.eventIds.length} events  [${m.data.storyId}]`;
    case 'news.deadletter.v1':
      return `${t} ${`dlq.${m.data.service}`.padEnd(22)} ${m.data.subject} #${m.data.streamSequence}: ${clip(m.data.reason, 90)}`;
  }
}

/** A plain text table with a header row, columns padded to their widest cell. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
