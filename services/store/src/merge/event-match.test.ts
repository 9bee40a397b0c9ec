import { describe, expect, it } from 'vitest';
import { dayRange, type EventView, eventMatchScore, isRoleOnly, timesCompatible } from './event-match.ts';

const view = (over: Partial<EventView>): EventView => ({
  type: 'life.die',
  args: [],
  times: [],
  articleLocations: new Set(),
  ...over,
});

describe('event matching', () => {
  it('merges two reports of one killing: same type, same victim', () => {
    const a = view({ args: [{ role: 'victim', text: 'al-Rifai', canonicalId: 'p1' }] });
    const b = view({
      args: [
        { role: 'victim', text: 'Abu Khadija', canonicalId: 'p1' },
        { role: 'instrument', text: 'airstrike' },
      ],
    });
    expect(eventMatchScore(a, b, 3)).toBe(1);
  });

  it('does not merge events of different types or without a shared participant', () => {
    const a = view({ args: [{ role: 'victim', text: 'x', canonicalId: 'p1' }] });
    expect(eventMatchScore(a, view({ type: 'conflict.attack', args: a.args }), 3)).toBe(0);
    expect(eventMatchScore(a, view({ args: [{ role: 'victim', text: 'y', canonicalId: 'p2' }] }), 3)).toBe(0);
  });

  it('matches a description to an entity holding that role: "Syria’s foreign minister" = al-Shibani', () => {
    const a = view({
      type: 'contact.visit',
      args: [
        { role: 'participant', text: 'Syria’s foreign minister' },
        { role: 'destination', text: 'Iraq', canonicalId: 'iraq' },
      ],
    });
    const b = view({
      type: 'contact.visit',
      args: [
        {
          role: 'participant',
          text: 'Asaad Hassan al-Shibani',
          canonicalId: 'p9',
          roles: [{ title: 'Foreign Minister', affiliation: 'Syria' }],
        },
        { role: 'destination', text: 'Baghdad', canonicalId: 'baghdad' },
      ],
      articleLocations: new Set(['iraq', 'baghdad']),
    });
    expect(eventMatchScore(a, b, 3)).toBe(1);
  });

  it('matches a role-only entity ("Syria’s foreign minister") to the one named holder of that role', () => {
    const fm = [{ title: 'Foreign Minister', affiliation: 'Syria' }];
    const a = view({
      type: 'contact.visit',
      args: [{ role: 'participant', text: 'Syria’s foreign minister', canonicalId: 'desc', roles: fm }],
    });
    const shibani = {
      role: 'participant',
      text: 'Asaad Hassan al-Shibani',
      canonicalId: 'p9',
      roles: [{ ...fm[0], title: 'Foreign Minister', qualifier: 'interim' }],
    };
    const b = view({ type: 'contact.visit', args: [shibani] });
    expect(eventMatchScore(a, b, 3)).toBe(1);
    expect(eventMatchScore(b, a, 3)).toBe(1);
    const rival = { ...shibani, text: 'Someone Else', canonicalId: 'p10' };
    expect(eventMatchScore(a, view({ type: 'contact.visit', args: [shibani, rival] }), 3)).toBe(0);
  });

  it('does not treat a named person as a description of a role they share with someone else', () => {
    const pres = [{ title: 'President', affiliation: 'Syria' }];
    const a = view({ args: [{ role: 'victim', text: 'Bashar al-Assad', canonicalId: 'p1', roles: pres }] });
    const b = view({ args: [{ role: 'victim', text: 'Ahmed al-Sharaa', canonicalId: 'p2', roles: pres }] });
    expect(eventMatchScore(a, b, 3)).toBe(0);
    expect(
      isRoleOnly('Syria’s foreign minister', [{ title: 'Foreign Minister', affiliation: 'Syria' }]),
    ).toBe(true);
    expect(
      isRoleOnly('the interim foreign minister of Syria', [
        { ...pres[0], title: 'Foreign Minister', qualifier: 'interim' },
      ]),
    ).toBe(true);
    expect(isRoleOnly('Bashar al-Assad', pres)).toBe(false);
    expect(isRoleOnly('Syria’s foreign minister', [])).toBe(false);
  });

  it('keeps apart events whose places differ and neither article mentions the other place', () => {
    const a = view({
      args: [
        { role: 'victim', text: 'x', canonicalId: 'p1' },
        { role: 'place', text: 'Chile', canonicalId: 'chile' },
      ],
    });
    const b = view({
      args: [
        { role: 'victim', text: 'x', canonicalId: 'p1' },
        { role: 'place', text: 'Japan', canonicalId: 'japan' },
      ],
    });
    expect(eventMatchScore(a, b, 3)).toBe(0);
  });

  it('keeps apart events more than the window apart in time', () => {
    const a = view({ args: [{ role: 'victim', text: 'x', canonicalId: 'p1' }], times: ['2025-03-13'] });
    expect(eventMatchScore(a, view({ ...a, times: ['2025-03-14T20:00:00Z'] }), 3)).toBe(1);
    expect(eventMatchScore(a, view({ ...a, times: ['2025-04-20'] }), 3)).toBe(0);
  });

  it('treats a month or an interval as a range of days', () => {
    expect(dayRange('2025-03')).toEqual([20148, 20179]);
    expect(timesCompatible(['2025-03'], ['2025-03-20'], 0)).toBe(true);
    expect(timesCompatible(['2025-03-01/2025-03-05'], ['2025-03-09'], 3)).toBe(false);
    expect(timesCompatible([], ['2025-03-09'], 3)).toBe(true);
  });
});
