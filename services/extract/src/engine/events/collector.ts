/** Collects the arguments of one trigger, at most one phrase per head token. */
import { multiRole, roleFor, type Slot } from './frames.ts';
import { classOf, coordinatedLeft, coordinatedRight, type Phrase } from './np.ts';
import type { SentenceView } from './sentence-view.ts';
import type { TriggerHit } from './triggers.ts';
import type { EventRole } from './types.ts';

/** An argument found on sentence tokens. */
export interface RawArgument {
  role: EventRole;
  phrase: Phrase;
}

/** Collects arguments, at most one phrase per head token. */
export class Collector {
  readonly out: RawArgument[] = [];
  private readonly heads = new Set<number>();
  private readonly v: SentenceView;
  private readonly hit: TriggerHit;
  constructor(v: SentenceView, hit: TriggerHit) {
    this.v = v;
    this.hit = hit;
  }

  add(
    slot: Slot,
    p: Phrase | undefined,
    coordinate: 'left' | 'right' | 'none' = 'none',
  ): EventRole | undefined {
    if (!p || p.head === this.hit.i) return undefined;
    const role = roleFor(this.hit.sense.type, this.hit.sense.frame, slot, classOf(this.v, p));
    if (!role) return undefined;
    const all =
      coordinate === 'none' || !multiRole(role)
        ? [p]
        : coordinate === 'left'
          ? coordinatedLeft(this.v, p)
          : coordinatedRight(this.v, p);
    for (const q of all) {
      if (this.heads.has(q.head) || q.head === this.hit.i) continue;
      if (q !== p && roleFor(this.hit.sense.type, this.hit.sense.frame, slot, classOf(this.v, q)) !== role)
        continue;
      if (role === 'agent' && /^\d/.test(this.v.lw[q.head] ?? '')) continue;
      this.heads.add(q.head);
      this.out.push({ role, phrase: q });
    }
    return role;
  }
}
