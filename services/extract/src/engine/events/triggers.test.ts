import { describe, expect, it } from 'vitest';
import { lemmaCandidates } from './lemma.ts';
import { eventsOf, expectNone, expectSome, types } from './test-helpers.ts';

describe('lemmatiser', () => {
  it('proposes the lemma of regular and irregular inflections', () => {
    expect(lemmaCandidates('injuries').map((c) => c.lemma)).toContain('injury');
    expect(lemmaCandidates('stabbed').map((c) => c.lemma)).toContain('stab');
    expect(lemmaCandidates('arrived').map((c) => c.lemma)).toContain('arrive');
    expect(lemmaCandidates('flew')[0]).toEqual({ lemma: 'fly', form: 'ed' });
    expect(lemmaCandidates('slain')[0]).toEqual({ lemma: 'slay', form: 'ed' });
  });
});

describe('trigger detection', () => {
  it('finds verbal and nominal triggers through their lemmas', () => {
    expect(types('Gunmen killed three soldiers.')).toEqual(['life.die:killed']);
    expect(types('The bombing wounded dozens of people.')).toEqual([
      'conflict.attack:bombing',
      'life.injure:wounded',
    ]);
  });

  it('takes carrying and driving as movements only towards or from somewhere', () => {
    expect(types('The brothers carried the bombs in backpacks to the finish line.')).toContain(
      'movement.transport:carried',
    );
    expect(types('The truck was driven from the shop to Oklahoma City.')).toContain(
      'movement.transport:driven',
    );
    expect(types('The video carried a date and time stamp.')).toEqual([]);
    expect(types('Growth was driven by consumer spending.')).toEqual([]);
    expect(types('Music videos are going to drive 3G adoption.')).toEqual([]);
  });

  it('takes beating as an injury only with a sign of violence, not as a defeat', () => {
    for (const text of [
      'He was allegedly beaten to death in custody.',
      'Soldiers beat up civilians.',
      'The men were brutally beaten.',
      'Police beat the protesters with batons.',
      'The journalist was beaten by police.',
      'Guards beat the prisoners.',
    ])
      expect(types(text), text).toContain(`life.injure:${/beat\w*/.exec(text)?.[0]}`);
    expectNone('life.injure', [
      'Roddick beat Enqvist 3-6 7-6 7-5.',
      'Dortmund was beaten 5-0 by Bayern Munich.',
      'Million Dollar Baby beat The Aviator to the top awards.',
      'U2 were beaten to a prize by boy band Blue.',
      'They came from second place to beat the opposition.',
      'Westlife won the award, beating former member Brian McFadden.',
      'The under-21 squad was beaten by a powerful All Black side.',
    ]);
  });

  it('takes a clash, battle or fight near words of sport, elections, markets, courts, product rivalry or private struggle as no attack', () => {
    expectSome('conflict.attack', [
      'Heavy fighting broke out between troops and rebels.',
      'The UN envoy warned that the battle for Aleppo could last months.',
      'The four-day battle became a major victory for the U.S. Navy.',
    ]);
    expectNone('conflict.attack', [
      "He is fit for Sunday's Six Nations clash with Wales.",
      'Verizon has won a takeover battle for US phone firm MCI.',
      'Stan Lee has won a court battle with Marvel.',
      'Labour unveiled how it will fight the next general election.',
      'Rangers battled to a 2-1 win at Ibrox.',
      'Disney is the latest studio to back a technology in a format battle.',
      'Blu-ray got a boost in the battle for supremacy.',
      'Edwards battled depression and alcohol problems.',
      "It's taken a lot of fighting in my mind.",
    ]);
  });

  it('takes coming and going as movements only towards somewhere, not to a prize winner or an occasion', () => {
    expectSome('movement.transport', [
      'The convoy came through the checkpoint at dawn.',
      'Her family moved to the UK in 1966.',
      'He went back after the war.',
      'The ship headed north.',
    ]);
    expectNone('movement.transport', [
      'The best first screenplay award went to Joshua Marston.',
      'Charlie Hodgson and Martin Corry all came through well.',
      'Wales were given no chance going into the game.',
      'Waterreus came to the rescue again.',
      'Leinster look the most potent outfit going into 2005.',
    ]);
  });

  it('takes a sale as a transfer, not sales figures or goods on sale', () => {
    expect(types('The sale of the US gaming unit will leave Wembley with its UK business.')).toContain(
      'transaction.transfer:sale',
    );
    expect(types('The Independent titles are up for sale.')).toContain('transaction.transfer:sale');
    expectNone('transaction', [
      'Sales at clothing stores jumped 1.8%.',
      'Tickets for the V festival go on sale on Friday.',
      'Steven is not for sale.',
      'The auction pushed the sale price higher.',
    ]);
  });

  it('takes a nomination as a start of position only to an office, not for an award', () => {
    expect(types('His nomination by Prime Minister Ariel Sharon came as a surprise.')).toContain(
      'personnel.start_position:nomination',
    );
    expect(types('Bush nominated her as secretary of state.')).toContain(
      'personnel.start_position:nominated',
    );
    expectNone('personnel', [
      'Portman has been nominated for a best supporting actress gong.',
      'The Aviator leads the field with 14 nominations.',
      'Clint Eastwood got his third personal nomination for Million Dollar Baby.',
    ]);
  });

  it('takes agreeing to something as an agreement, not sharing an opinion', () => {
    expectSome('government.agree', [
      'The coalition has agreed to suspend its campaign.',
      'Three executives agreed settlements with the SEC.',
      'The new standards are agreed.',
    ]);
    expectNone('government.agree', [
      'Analysts agree that the success is down to its design.',
      'Mr Telford agreed, but added it was difficult.',
      'I agree with Frederick Forsyth.',
    ]);
  });

  it('takes an appeal as a request only for something or to people to act, not a court appeal or an attraction', () => {
    expectSome('contact.request', [
      'Police appealed for public help to find the perpetrators.',
      'Doherty appealed to fans to calm down.',
      'Gordon Brown has made an appeal for unity.',
    ]);
    expectNone('contact.request', [
      'Wada will appeal against the acquittal of Kenteris.',
      'Government lawyers have until 21 March to file their appeal.',
      'The Mac mini will appeal to PC users looking for a cheap computer.',
    ]);
  });

  it('takes reaching as a movement only when a place is reached', () => {
    expect(types('When the emergency services reached the scene, the fire was out.')).toContain(
      'movement.transport:reached',
    );
    expect(types('The convoy reached Baghdad at noon.')).toContain('movement.transport:reached');
    expect(types('The copper price reached a 16-year high in October.')).toEqual([]);
    expect(types('The channel wants to reach a wider audience.')).toEqual([]);
  });

  it('takes a release as freeing someone, not a work, a product or information coming out', () => {
    expectSome('justice.release', [
      'The two aid workers were released on Friday.',
      'Rebels freed three hostages overnight.',
      'The reporter was released without charge.',
      'The men held at the camp will be freed next month.',
      'His lawyers welcomed his release.',
    ]);
    expectNone('justice.release', [
      "The band's third album was released in March.",
      'The game has been released in Japan and will reach Europe in May.',
      'Details of the new handset will be released next week.',
      'The ministry released figures showing growth.',
      'The program is free for home users.',
    ]);
  });

  it('takes attacks and shots in ball games, and shooting a film, as no violence', () => {
    expectSome('conflict.attack', [
      'Gunmen attacked the checkpoint at dawn.',
      'A sniper shot two soldiers.',
      'The shooting outside the club left three dead.',
      'Troops stormed the compound.',
    ]);
    expectNone('conflict.attack', [
      'The winger shot wide and the goalkeeper was never troubled.',
      'Their attacking midfielder was booked twice.',
      'The fly-half started the attack that led to the second try.',
      'Shooting on the new film starts in May.',
      'She stormed to victory in the 400m.',
      'He has battled a knee injury all season.',
    ]);
  });

  it('takes warning that something may happen as a statement, and a threat only with harm in view', () => {
    expect(types('Analysts warned that growth may slow next year.')).toContain('contact.statement:warned');
    expect(types('The regulator warned of a steep fall in profits.')).toContain('contact.statement:warned');
    expect(types('The bank warned house prices were too high.')).toContain('contact.statement:warned');
    expect(types('Prices will keep rising, the governor warned.')).toContain('contact.statement:warned');
    expect(types('The report warned: "Growth will stall."')).toContain('contact.statement:warned');
    expect(types('Shares fell after a profit warning from the firm.')).toContain('contact.statement:warning');
    expect(types('The army warned that it would retaliate against any attack.')).toContain(
      'contact.threaten:warned',
    );
    expect(types('Militants warned the villagers to leave.')).toContain('contact.threaten:warned');
    expectNone('contact', ['The packs now carry warning labels.']);
  });

  it('does not take weapons of mass destruction for a destruction', () => {
    expect(types('The storm caused widespread destruction in the port.')).toContain(
      'artifact.damage:destruction',
    );
    expectNone('artifact', ['Inspectors found no weapons of mass destruction.']);
  });

  it('takes aid as help given, not the disease, an aide or a device', () => {
    expectSome('government.aid', [
      'Japan pledged $500m in aid to the flooded region.',
      'The EU sent emergency aid on Monday.',
    ]);
    expectNone('government.aid', [
      'The charity funds research into HIV/Aids in Africa.',
      'He called the Aids epidemic the crisis of the age.',
      "The minister's aides declined to comment.",
      'The phone can also serve as a navigation aid.',
    ]);
  });

  it("takes a demand as a request, not buyers' demand or a burden", () => {
    expectSome('contact.request', [
      'The union repeated its demand for an inquiry.',
      'The strikers issued their demands on Monday.',
      'The EU restated its demand for Ankara to recognise Cyprus.',
    ]);
    expectNone('contact.request', [
      'Strong demand for steel lifted profits.',
      'Demand for air travel is rising fast.',
      'The physical demands of the job are heavy.',
      'The new rules put more demands on hospitals.',
    ]);
  });

  it('tells an air strike from a hunger strike', () => {
    expect(types('An air strike hit the village.')).toContain('conflict.attack:strike');
    expect(types('The prisoners began a hunger strike.')).toEqual(['conflict.demonstrate:strike']);
  });

  it('does not read a heart attack or cardiac arrest as violence or justice', () => {
    expect(types('The minister suffered a heart attack.')).toEqual([]);
    expect(types('He died of cardiac arrest.')).toEqual(['life.die:died']);
  });

  it('separates firing at people from firing an employee', () => {
    expect(types('Soldiers fired at the protesters.')).toEqual(['conflict.attack:fired']);
    expect(types('The coach was fired by the club.')).toEqual(['personnel.end_position:fired']);
  });

  it('ignores "meet the demands" but keeps meeting people', () => {
    expect(types('The government refused to meet the demands.')).not.toContain('contact.meet:meet');
    expect(types('The president met the Iraqi prime minister.')).toEqual(['contact.meet:met']);
    expect(types('Ticket sales for Meet the Parents were strong.')).not.toContain('contact.meet:Meet');
    expectNone('contact.meet', [
      "Hyundai plans a second plant to meet the country's growing demand for cars.",
      'The firm said it had met its main strategic objectives.',
      'Brown will meet his golden economic rule with a margin to spare.',
    ]);
  });

  it('takes players and teams meeting in a fixture as a contest, not a meeting', () => {
    expectSome('contact.meet', [
      'The commission held its final meeting in May.',
      'Army chiefs will meet to make a final decision.',
      'The two leaders met in Geneva.',
    ]);
    expectNone('contact.meet', [
      'The champion could meet the second seed in the semi-final.',
      'The two sides meet in the final on Saturday.',
      'She set up a meeting with the holder after winning 6-3 6-4.',
      'United have lost their last three meetings in the cup.',
    ]);
  });

  it('needs a noun context for noun-only triggers', () => {
    expect(types('They will attack the base.')).toEqual(['conflict.attack:attack']);
    expect(types('The state workers say they voted.')).toEqual([]);
  });

  it('maps triggers to PLOVER and CAMEO, refined by the trigger word', () => {
    const [bombing] = eventsOf('The bombing was condemned.');
    expect(bombing?.plover).toEqual({ event: 'ASSAULT', mode: 'explosives' });
    expect(bombing?.cameo).toBe('183');
    const [visit] = eventsOf('The minister began a visit to Baghdad.');
    expect(visit?.plover).toEqual({ event: 'CONSULT', mode: 'visit' });
    expect(visit?.cameo).toBe('042');
  });
});
