import { describe, expect, it } from 'vitest';
import { fixedTagger } from '../../test-fixtures/fixed-tagger.ts';
import { extractEntities } from './entities.ts';
import type { ExtractedEntity } from './entity-types.ts';
import { createLexicon } from './lexicon/index.ts';
import type { NerType } from './ner.ts';
import { createNerStage } from './ner.ts';
import { buildDoc } from './sentences.ts';

const lexicon = createLexicon();

function run(text: string, phrases: Record<string, NerType>, publishedAt?: string): ExtractedEntity[] {
  return extractEntities(buildDoc(text, publishedAt), {
    ner: createNerStage(fixedTagger(phrases)),
    lexicon,
    articleId: 'a1',
    version: 't',
  });
}

const byName = (es: ExtractedEntity[], name: string): ExtractedEntity | undefined =>
  es.find((e) => e.name === name);

describe('extractEntities', () => {
  it('merges a full name, surname repeats in any case, and an alias given with "also known as"', () => {
    const es = run(
      'Abdallah Maki Mosleh al-Rifai, also known as “Abu Khadija,” was killed. Al-Rifai led IS. IS leader Abu Khadija was hunted.',
      { 'Abdallah Maki Mosleh al-Rifai': 'PER', 'Al-Rifai': 'PER', 'Abu Khadija': 'PER' },
    );
    const persons = es.filter((e) => e.kind === 'person');
    expect(persons).toHaveLength(1);
    expect(persons[0]?.name).toBe('Abdallah Maki Mosleh al-Rifai');
    expect(persons[0]?.aliases).toEqual(['Abu Khadija', 'Al-Rifai']);
    expect(persons[0]?.mentions.map((m) => m.form)).toEqual(['name', 'alias', 'name', 'name']);
    expect(persons[0]?.roles).toEqual([
      { title: 'leader', affiliation: 'Islamic State', affiliationKey: 'organization:islamic state' },
    ]);
  });

  it('ties an acronym in parentheses and known short forms to the organisation', () => {
    const es = run(
      'Hayat Tahrir al-Sham (HTS) leads Syria. The Islamic State (ISIS) and IS fighters fled. HTS won.',
      {
        'Hayat Tahrir al-Sham': 'ORG',
        'Islamic State': 'ORG',
        Syria: 'LOC',
      },
    );
    expect(byName(es, 'Hayat Tahrir al-Sham')?.aliases).toEqual(['HTS']);
    expect(byName(es, 'Hayat Tahrir al-Sham')?.mentions).toHaveLength(3);
    expect(byName(es, 'Islamic State')?.aliases).toEqual(['ISIS', 'IS']);
  });

  it('reads a nickname in quotes right after a person name as an alias', () => {
    const es = run('Abdallah al-Rifai “Abu Khadija” was killed.', { 'Abdallah al-Rifai': 'PER' });
    expect(es.map((e) => [e.name, e.aliases])).toEqual([['Abdallah al-Rifai', ['Abu Khadija']]]);
  });

  it('reads a former name in parentheses as an alias', () => {
    const es = run('He posted on X (formerly Twitter) again.', { X: 'ORG' });
    expect(es.map((e) => [e.name, e.aliases])).toEqual([['X', ['Twitter']]]);
  });

  it('links an acronym that spells a long form used elsewhere in the article', () => {
    const es = run('The Syrian Observatory for Human Rights said so. Later SOHR denied it.', {
      'Syrian Observatory for Human Rights': 'ORG',
      SOHR: 'ORG',
    });
    expect(es.filter((e) => e.kind === 'organization').map((e) => [e.name, e.aliases])).toEqual([
      ['Syrian Observatory for Human Rights', ['SOHR']],
    ]);
  });

  it('reads a title with a prepositional tail after a name, but not an adjective or a list of names', () => {
    const es = run(
      "Jan Bolz, EA's vice president of sales and marketing in Europe, said so. Jet Airways is India's premier private carrier. Queen, Muse and Blur played. Director, David Caldwell, said no.",
      {
        'Jan Bolz': 'PER',
        EA: 'ORG',
        Europe: 'LOC',
        'Jet Airways': 'ORG',
        India: 'LOC',
        Muse: 'PER',
        Blur: 'ORG',
        'David Caldwell': 'PER',
      },
    );
    const roles = (name: string) => byName(es, name)?.roles.map((r) => [r.title, r.affiliation ?? null]);
    expect(roles('Jan Bolz')).toEqual([['Vice President', 'EA']]);
    expect(roles('Muse')).toEqual([]);
    expect(roles('David Caldwell')).toEqual([['Director', null]]);
    expect(es.filter((e) => e.kind === 'person').map((e) => e.name)).toEqual([
      'Jan Bolz',
      'Muse',
      'David Caldwell',
    ]);
  });

  it('takes a rank before a company word or an organisation for part of its name, not a title', () => {
    const es = run(
      'General Electric posted a jump in sales. General Petraeus visited. Admiral Insurance grew.',
      {
        Electric: 'PER',
        Petraeus: 'PER',
        Insurance: 'ORG',
      },
    );
    expect(es.map((e) => [e.kind, e.name, e.roles.map((r) => r.title)])).toEqual([
      ['organization', 'General Electric', []],
      ['person', 'Petraeus', ['General']],
      ['organization', 'Admiral Insurance', []],
    ]);
  });

  it('joins a one-word organisation name to the one longer name that only adds words of kind', () => {
    const es = run('Cairn Energy struck oil. Shares in Cairn rose. The Labour Party met. Labour won.', {
      'Cairn Energy': 'ORG',
      Cairn: 'ORG',
      'Labour Party': 'ORG',
      Labour: 'ORG',
    });
    expect(es.filter((e) => e.kind === 'organization').map((e) => [e.name, e.aliases])).toEqual([
      ['Cairn Energy', ['Cairn']],
      ['Labour Party', ['Labour']],
    ]);
    const two = run('Mitsubishi Motors and Mitsubishi Tokyo Financial Group talked. Mitsubishi said no.', {
      'Mitsubishi Motors': 'ORG',
      'Mitsubishi Tokyo Financial Group': 'ORG',
      Mitsubishi: 'ORG',
    });
    expect(two.filter((e) => e.kind === 'organization').map((e) => e.name)).toEqual([
      'Mitsubishi Motors',
      'Mitsubishi Tokyo Financial Group',
      'Mitsubishi',
    ]);
  });

  it('reads titles with their affiliation before a name: demonym, possessive country, qualifiers', () => {
    const es = run(
      'Iraqi Prime Minister Mohammed Shia al-Sudani met Syria’s interim Foreign Minister Asaad Hassan al-Shibani and former US President Donald Trump.',
      {
        'Mohammed Shia al-Sudani': 'PER',
        'Asaad Hassan al-Shibani': 'PER',
        'Donald Trump': 'PER',
        Iraqi: 'MISC',
      },
    );
    expect(byName(es, 'Mohammed Shia al-Sudani')?.roles).toEqual([
      { title: 'Prime Minister', affiliation: 'Iraq', affiliationKey: 'location:iraq' },
    ]);
    expect(byName(es, 'Asaad Hassan al-Shibani')?.roles).toEqual([
      {
        title: 'Foreign Minister',
        affiliation: 'Syria',
        affiliationKey: 'location:syria',
        qualifiers: ['interim'],
      },
    ]);
    expect(byName(es, 'Donald Trump')?.roles).toEqual([
      {
        title: 'President',
        affiliation: 'United States',
        affiliationKey: 'location:united states',
        qualifiers: ['former'],
      },
    ]);
    expect(byName(es, 'Iraqi')).toMatchObject({ kind: 'nationality', country: 'Iraq' });
  });

  it('turns appositions into roles and nominal mentions of the person, before and after the name', () => {
    const es = run(
      'The head of the Islamic State in Iraq and Syria, Abdallah al-Rifai, was killed. He named Abu Bakr, the Islamic State’s deputy caliph.',
      { 'Abdallah al-Rifai': 'PER', 'Abu Bakr': 'PER', 'Islamic State': 'ORG', Iraq: 'LOC', Syria: 'LOC' },
    );
    const rifai = byName(es, 'Abdallah al-Rifai');
    expect(rifai?.roles.map((r) => [r.title, r.affiliation])).toEqual([['head', 'Islamic State']]);
    expect(rifai?.mentions.filter((m) => m.form === 'nominal').map((m) => m.text)).toEqual([
      'The head of the Islamic State in Iraq and Syria',
    ]);
    expect(byName(es, 'Abu Bakr')?.roles.map((r) => [r.title, r.affiliation])).toEqual([
      ['deputy caliph', 'Islamic State'],
    ]);
  });

  it('attaches a role-only description to the one named holder of that role, or makes it an entity', () => {
    const es = run(
      'Syria’s interim Foreign Minister Asaad al-Shibani arrived. The Syrian foreign minister met Iraq’s prime minister.',
      { 'Asaad al-Shibani': 'PER', Syrian: 'MISC' },
    );
    expect(byName(es, 'Asaad al-Shibani')?.mentions.map((m) => [m.text, m.form])).toEqual([
      ['Asaad al-Shibani', 'name'],
      ['The Syrian foreign minister', 'nominal'],
    ]);
    expect(byName(es, "Iraq's prime minister")).toMatchObject({
      kind: 'person',
      key: 'person:prime minister of iraq',
      roles: [{ title: 'Prime Minister', affiliation: 'Iraq' }],
    });
  });

  it('attaches "the [adjective] leader of <organisation alias> [in <place>]" only to the one named holder', () => {
    const text =
      'The leader of the Islamic State (ISIS) in Iraq, Abu Khadija, was killed. Today the fugitive leader of ISIS in Iraq was killed.';
    const es = run(text, { 'Abu Khadija': 'PER' });
    expect(byName(es, 'Abu Khadija')?.mentions.map((m) => [m.text, m.form])).toEqual([
      ['The leader of the Islamic State (ISIS) in Iraq', 'nominal'],
      ['Abu Khadija', 'name'],
      ['the fugitive leader of ISIS in Iraq', 'nominal'],
    ]);
    // Two named leaders of the group: the description is ambiguous and makes no entity of its own.
    const two = run(
      'ISIS leader Abu Khadija met ISIS leader Abu Omar. The fugitive leader of ISIS was killed.',
      { 'Abu Khadija': 'PER', 'Abu Omar': 'PER' },
    );
    expect(two.filter((e) => e.kind === 'person').map((e) => e.mentions.length)).toEqual([1, 1]);
    // A former leader is not the current one.
    const former = run('ISIS leader Abu Khadija spoke. The former leader of ISIS was killed.', {
      'Abu Khadija': 'PER',
    });
    expect(byName(former, 'Abu Khadija')?.mentions).toHaveLength(1);
  });

  it('tags a sentence for a role description only once a title follows the modifiers, and obeys the tags', () => {
    const text =
      'The leader of the Islamic State (ISIS) in Iraq, Abu Khadija, was killed. Today the fugitive leader of ISIS in Iraq was killed.';
    const withTag = (tag: string) => {
      const doc = buildDoc(text);
      const asked: number[] = [];
      doc.ensurePos = (si) => {
        asked.push(si);
        for (const t of doc.sentences[si]?.tokens ?? []) t.pos = t.text === 'fugitive' ? tag : 'NN';
      };
      const es = extractEntities(doc, {
        ner: createNerStage(fixedTagger({ 'Abu Khadija': 'PER' })),
        lexicon,
        articleId: 'a1',
        version: 't',
      });
      return { asked, mentions: byName(es, 'Abu Khadija')?.mentions.length };
    };
    expect(withTag('JJ')).toEqual({ asked: [1], mentions: 3 });
    // A modifier tagged as a finite verb ends the description, as it does when the whole text is tagged.
    expect(withTag('VBZ')).toEqual({ asked: [1], mentions: 2 });
  });

  it('retypes a name the tagger called an organisation when the text gives it a title', () => {
    const es = run('Abdallah al-Rifai, the Islamic State’s deputy caliph, died.', {
      'Abdallah al-Rifai': 'ORG',
      'Islamic State': 'ORG',
    });
    expect(byName(es, 'Abdallah al-Rifai')?.kind).toBe('person');
  });

  it('rejoins a name the tagger cut before its al- surname and links the surname repeat', () => {
    const es = run('Prime Minister Mohammed Shia al-Sudani spoke. Later al-Sudani left.', {
      'Mohammed Shia': 'PER',
      'al-Sudani': 'MISC',
    });
    const persons = es.filter((e) => e.kind === 'person');
    expect(persons.map((e) => [e.name, e.aliases])).toEqual([['Mohammed Shia al-Sudani', ['al-Sudani']]]);
  });

  it('keeps two people with the same surname apart and sends a bare surname to the nearest one before it', () => {
    const es = run('Hafez al-Assad ruled. Assad died. Bashar al-Assad followed. Assad fled.', {
      'Hafez al-Assad': 'PER',
      'Bashar al-Assad': 'PER',
      Assad: 'PER',
    });
    expect(
      es.filter((e) => e.kind === 'person').map((e) => [e.name, e.mentions.map((m) => m.start)]),
    ).toEqual([
      ['Hafez al-Assad', [0, 22]],
      ['Bashar al-Assad', [34, 60]],
    ]);
  });

  it('recognises national bodies and X-led coalitions written in lower case, grouped by country and leader', () => {
    const es = run(
      'The Iraqi intelligence service and the U.S.-led coalition struck. Iraq’s national intelligence service confirmed it with US-led coalition forces.',
      { Iraq: 'LOC' },
    );
    const orgs = es.filter((e) => e.kind === 'organization');
    expect(orgs.map((e) => [e.name, e.aliases, e.country])).toEqual([
      ["Iraq's national intelligence service", ['Iraqi intelligence service'], 'Iraq'],
      ['U.S.-led coalition', [], undefined],
    ]);
  });

  it('adds countries and demonyms the tagger missed, but not in all-capitals text', () => {
    const es = run('Troops moved from Turkey into Syria with Kurdish help. PEACE IN SYRIA NOW!', {});
    expect(es.filter((e) => e.kind !== 'date').map((e) => [e.kind, e.name, e.mentions.length])).toEqual([
      ['location', 'Turkey', 1],
      ['location', 'Syria', 1],
      ['nationality', 'Kurdish', 1],
    ]);
  });

  it('links a personal pronoun only when one person is named in the window before it', () => {
    const es = run(
      'Abu Khadija was hunted. Confirmation of his death came. Trump and Sudani spoke. He left.',
      {
        'Abu Khadija': 'PER',
        Trump: 'PER',
        Sudani: 'PER',
      },
    );
    expect(byName(es, 'Abu Khadija')?.mentions.map((m) => [m.text, m.form])).toEqual([
      ['Abu Khadija', 'name'],
      ['his', 'pronoun'],
    ]);
    expect(es.flatMap((e) => e.mentions).filter((m) => m.text === 'He')).toEqual([]);
  });

  it('resolves dates against the publication date and merges equal dates', () => {
    const es = run(
      'It happened on Thursday night. It was confirmed on Friday. Officials spoke on Friday again.',
      {},
      '2025-03-14T18:00:00Z',
    );
    expect(es.map((e) => [e.kind, e.name, e.time?.value, e.mentions.length])).toEqual([
      ['date', 'Thursday night', '2025-03-13', 1],
      ['date', 'Friday', '2025-03-14', 2],
    ]);
  });

  it('ranks salience by mentions and early position and gives stable ids', () => {
    const text = 'Iraq and Syria met. Iraq spoke. Iraq left. Turkey watched.';
    const a = run(text, {});
    const b = run(text, {});
    expect(a.map((e) => e.id)).toEqual(b.map((e) => e.id));
    expect(byName(a, 'Iraq')?.salience).toBe(1);
    expect(byName(a, 'Turkey')?.salience ?? 1).toBeLessThan(byName(a, 'Syria')?.salience ?? 0);
  });
});
