import { describe, expect, it } from 'vitest';
import { eventsOf, role } from './test-helpers.ts';

describe('argument roles', () => {
  it('fills agent, victim, place and time of an active killing', () => {
    const [e] = eventsOf('Gunmen killed three soldiers in Kabul on Monday.', { publishedAt: '2025-03-14' });
    expect(role(e, 'agent')).toEqual(['Gunmen']);
    expect(role(e, 'victim')).toEqual(['three soldiers']);
    expect(role(e, 'place')).toEqual(['Kabul']);
    expect(e?.place?.text).toBe('Kabul');
    expect(e?.time).toEqual({ text: 'Monday', value: '2025-03-10', granularity: 'day' });
  });

  it('does not take a leading sentence adverb for the subject', () => {
    const [said] = eventsOf(
      'Meanwhile, Ali Hassan, the defence minister, said the border would stay closed.',
    );
    expect(said?.type).toBe('contact.statement');
    expect(role(said, 'speaker')).toEqual(['Ali Hassan']);
    const [sold] = eventsOf('However, most of the tickets were sold online.');
    expect(role(sold, 'artifact').join(' ')).not.toMatch(/However/);
  });

  it('gives a verb of communication coordinated after "said" the same speaker', () => {
    const ofType = (text: string, type: string, trigger: string) =>
      eventsOf(text).find((e) => e.type === type && e.trigger.text === trigger);
    expect(
      role(
        ofType(
          'Eurotunnel said the market is improving, but warned that prices could fall.',
          'contact.statement',
          'warned',
        ),
        'speaker',
      ),
    ).toEqual(['Eurotunnel']);
    expect(
      role(
        ofType(
          'Civil rights group Liberty said it was delighted but called on the government to act.',
          'contact.request',
          'called',
        ),
        'speaker',
      ),
    ).toEqual(['Civil rights group Liberty']);
    expect(
      role(
        ofType(
          'Mr Blair said he would not respond to gossip and promised to defend the record.',
          'government.agree',
          'promised',
        ),
        'participant',
      ),
    ).toEqual(['Mr Blair']);
    // With an auxiliary of its own the verb belongs to the reported clause.
    expect(
      role(
        ofType(
          'He said they had both seen the scripts and had agreed to appear.',
          'government.agree',
          'agreed',
        ),
        'participant',
      ),
    ).toEqual(['they']);
  });

  it('takes no object pronoun for an inverted speaker', () => {
    const told = eventsOf('Scott Sullivan, the finance chief, told him about the changes.').find(
      (e) => e.trigger.text === 'told',
    );
    expect(role(told, 'speaker')).toEqual(['Scott Sullivan']);
  });

  it('leaves a fronted time out of the subject and makes it the time', () => {
    const [arrest] = eventsOf('Last week police arrested three men in Kabul.', {
      clusters: { 'date:last-week': ['Last week'] },
    });
    expect(role(arrest, 'agent')).toEqual(['police']);
    expect(role(arrest, 'time')).toEqual(['Last week']);
    const [match] = eventsOf("Saturday's match was attacked by critics.", {
      clusters: { 'date:saturday': ['Saturday'] },
    });
    expect(role(match, 'target')).toEqual(['match']);
  });

  it('skips an aside between dashes to find the subject', () => {
    const text =
      'Dr Lena Okafor - who became chairman of the central bank in June 2004 - will step down in January.';
    const [e] = eventsOf(text, {
      clusters: { 'person:okafor': ['Dr Lena Okafor'], 'date:june-2004': ['June 2004'] },
    });
    expect(e?.type).toBe('personnel.end_position');
    expect(role(e, 'person')).toEqual(['Dr Lena Okafor']);
  });

  it('reads passive subjects as patients and by-phrases as agents or instruments', () => {
    const [arrest] = eventsOf('The journalist was arrested by police in Istanbul.');
    expect(role(arrest, 'person')).toEqual(['The journalist']);
    expect(role(arrest, 'agent')).toEqual(['police']);
    const [injury] = eventsOf('Two civilians were wounded by a roadside bomb.');
    expect(role(injury, 'victim')).toEqual(['Two civilians']);
    expect(role(injury, 'instrument')).toEqual(['a roadside bomb']);
  });

  it('reads of-phrases and possessors of nominal triggers', () => {
    const [e] = eventsOf('Residents mourned the killing of the mayor.');
    expect(role(e, 'victim')).toEqual(['the mayor']);
    const [visit] = eventsOf('The visit of the Syrian foreign minister to Baghdad was brief.');
    expect(role(visit, 'participant')).toEqual(['the Syrian foreign minister']);
    expect(role(visit, 'destination')).toEqual(['Baghdad']);
  });

  it('links arguments to entity clusters, whichever alias is used', () => {
    const text = 'Abu Khadija was killed in an airstrike in Anbar province.';
    const [e] = eventsOf(text, {
      clusters: { 'person:al-rifai': ['Abu Khadija'], 'location:anbar': ['Anbar province'] },
    });
    expect(e?.arguments.find((a) => a.role === 'victim')?.entityKey).toBe('person:al-rifai');
    expect(e?.place?.entityKey).toBe('location:anbar');
    expect(role(e, 'instrument')).toEqual(['an airstrike']);
  });

  it('expands coordinated participants', () => {
    const text = 'The operations room was established by Syria, Iraq, Turkey, Jordan, and Lebanon.';
    const [e] = eventsOf(text);
    expect(e?.type).toBe('government.cooperate');
    expect(role(e, 'artifact')).toEqual(['The operations room']);
    expect(role(e, 'participant')).toEqual(['Syria', 'Iraq', 'Turkey', 'Jordan', 'Lebanon']);
  });

  it('resolves relative times against the publication date', () => {
    const [e] = eventsOf('The raid took place in Anbar on Thursday night.', {
      publishedAt: '2025-03-14T18:00:00Z',
    });
    expect(e?.time?.value).toBe('2025-03-13');
  });
});

describe('merging mentions of one event', () => {
  it('folds a definite anaphor into the event it refers to', () => {
    const text = 'Militants attacked a checkpoint in Mosul. Police said the attack lasted an hour.';
    const events = eventsOf(text, { merge: true }).filter((e) => e.type === 'conflict.attack');
    expect(events).toHaveLength(1);
    expect(events[0]?.place?.text).toBe('Mosul');
    expect(events[0]?.source?.text).toBe('Police');
  });

  it('lets a death share the place of the attack that caused it', () => {
    const text = 'Two policemen were killed in a bombing at a market in Kirkuk.';
    const death = eventsOf(text).find((e) => e.type === 'life.die');
    expect(death?.place?.text).toBe('a market');
  });
});

describe('robustness', () => {
  it('returns no events for empty or event-free text', () => {
    expect(eventsOf('')).toEqual([]);
    expect(eventsOf('The weather in Lyon was mild and sunny.')).toEqual([]);
  });

  it('gives intransitive verbs no object', () => {
    const [e] = eventsOf('Lord Scarman has died aged 93.');
    expect(role(e, 'victim')).toEqual(['Lord Scarman']);
  });

  it('is deterministic: the same input gives the same output', () => {
    const text = 'Gunmen attacked a convoy near Kirkuk on Monday, killing two soldiers, officials said.';
    expect(eventsOf(text, { merge: true, publishedAt: '2025-03-14' })).toEqual(
      eventsOf(text, { merge: true, publishedAt: '2025-03-14' }),
    );
  });
});
