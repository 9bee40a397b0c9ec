/** The event types as data (see taxonomy.ts for the lookups and docs/event-taxonomy.md for the prose). */
import type { EventRole } from './types.ts';

export interface EventTypeDef {
  /** `category.type`; the NATS subject is `news.events.<type>`. */
  type: string;
  description: string;
  /** Roles this type takes besides `place` and `time` (which every type may carry). */
  roles: EventRole[];
  plover: { event: string; mode?: string };
  cameo: string;
  /** KAIROS types scored as this type (each KAIROS type maps to at most one of ours). */
  kairos: string[];
  /** Our role -> KAIROS roles it matches. */
  kairosRoles: Partial<Record<EventRole, string[]>>;
  /**
   * Prefix of a KAIROS type family whose every subtype also counts as this type when scoring. KAIROS splits
   * `Contact.Contact.*` by medium (Broadcast, Correspondence, Meet, Unspecified) while our communication types
   * split it by kind of act (saying vs meeting), so neither axis maps onto the other subtype by subtype.
   */
  kairosFamily?: string;
}

const PLACE = { place: ['Place'] };

function def(
  type: string,
  description: string,
  roles: EventRole[],
  plover: { event: string; mode?: string },
  cameo: string,
  kairos: string[] = [],
  kairosRoles: Partial<Record<EventRole, string[]>> = {},
  kairosFamily?: string,
): EventTypeDef {
  const d: EventTypeDef = {
    type,
    description,
    roles,
    plover,
    cameo,
    kairos,
    kairosRoles: { ...PLACE, ...kairosRoles },
  };
  if (kairosFamily) d.kairosFamily = kairosFamily;
  return d;
}

/** Every event type, in documentation order. */
export const EVENT_TYPES: readonly EventTypeDef[] = [
  def(
    'conflict.attack',
    'Violent physical act against people, places or things: attack, bombing, explosion, airstrike, shooting, raid, battle.',
    ['agent', 'target', 'victim', 'instrument'],
    { event: 'ASSAULT' },
    '190',
    ['Conflict.Attack.Unspecified', 'Conflict.Attack.DetonateExplode'],
    {
      agent: ['Attacker'],
      target: ['Target'],
      victim: ['Target'],
      instrument: ['Instrument', 'ExplosiveDevice'],
    },
  ),
  def(
    'conflict.abduct',
    'Abduction, kidnapping, hostage taking, hijacking.',
    ['agent', 'victim'],
    { event: 'ASSAULT', mode: 'abduct' },
    '181',
  ),
  def(
    'conflict.demonstrate',
    'Protest, demonstration, rally, march, riot.',
    ['agent', 'target', 'topic'],
    { event: 'PROTEST', mode: 'demo' },
    '141',
    ['Conflict.Demonstrate.Unspecified', 'Conflict.Demonstrate.DemonstrateWithViolence'],
    { agent: ['Demonstrator'], target: ['Target'], topic: ['Topic'] },
  ),
  def(
    'conflict.mobilize',
    'Deployment or mobilisation of troops or police short of the use of force.',
    ['agent', 'artifact', 'destination'],
    { event: 'MOBILIZE', mode: 'troops' },
    '154',
  ),
  def(
    'life.die',
    'Death of a person, violent or not (PLOVER ASSAULT applies to killings).',
    ['victim', 'agent', 'instrument'],
    { event: 'ASSAULT' },
    '1823',
    ['Life.Die.Unspecified'],
    { victim: ['Victim'], agent: ['Killer'], instrument: ['MedicalIssue'] },
  ),
  def(
    'life.injure',
    'Physical injury of a person.',
    ['victim', 'agent', 'instrument'],
    { event: 'ASSAULT', mode: 'beat' },
    '182',
    ['Life.Injure.Unspecified'],
    { victim: ['Victim'], agent: ['Injurer'], instrument: ['Instrument'] },
  ),
  def(
    'contact.statement',
    'Public statement, announcement, confirmation, report or claim by an actor.',
    ['speaker', 'recipient', 'topic'],
    { event: 'NONE' },
    '010',
    ['Contact.Contact.Broadcast', 'Contact.Contact.Unspecified', 'Contact.Contact.Correspondence'],
    { speaker: ['Communicator', 'Participant'], recipient: ['Recipient', 'Participant'], topic: ['Topic'] },
    'Contact.Contact.',
  ),
  def(
    'contact.meet',
    'Meeting, talks, summit, negotiation between parties.',
    ['participant', 'topic'],
    { event: 'CONSULT' },
    '040',
    ['Contact.Contact.Meet'],
    { participant: ['Participant', 'Communicator', 'Recipient'], topic: ['Topic'] },
    'Contact.Contact.',
  ),
  def(
    'contact.visit',
    'Visit of an actor to a place or another actor.',
    ['participant', 'destination'],
    { event: 'CONSULT', mode: 'visit' },
    '042',
  ),
  def(
    'contact.request',
    'Demand, appeal, call, order or request addressed to someone.',
    ['speaker', 'recipient', 'topic'],
    { event: 'REQUEST' },
    '100',
    ['Contact.RequestCommand.Unspecified', 'Contact.RequestCommand.Broadcast', 'Contact.RequestCommand.Meet'],
    { speaker: ['Communicator'], recipient: ['Recipient'], topic: ['Topic'] },
  ),
  def(
    'contact.threaten',
    'Threat, warning or ultimatum.',
    ['speaker', 'recipient', 'topic'],
    { event: 'THREATEN' },
    '130',
    ['Contact.ThreatenCoerce.Unspecified', 'Contact.ThreatenCoerce.Broadcast'],
    { speaker: ['Communicator'], recipient: ['Recipient'], topic: ['Topic'] },
  ),
  def(
    'contact.accuse',
    'Accusation, blame, condemnation or criticism.',
    ['speaker', 'target', 'topic'],
    { event: 'ACCUSE', mode: 'disapprove' },
    '111',
    [],
    { speaker: ['Communicator', 'Participant'], target: ['Recipient'], topic: ['Topic'] },
    'Contact.Contact.',
  ),
  def(
    'government.agree',
    'Agreement, deal, treaty, pledge or promise to cooperate; ceasefires.',
    ['participant', 'topic'],
    { event: 'AGREE' },
    '030',
  ),
  def(
    'government.cooperate',
    'Material cooperation: joint operations, coordination, setting up joint bodies (an operations room).',
    ['participant', 'artifact', 'topic'],
    { event: 'COOPERATE' },
    '060',
  ),
  def(
    'government.aid',
    'Provision of aid or assistance.',
    ['agent', 'recipient', 'artifact'],
    { event: 'AID' },
    '070',
    ['Transaction.Donation.Unspecified'],
    { agent: ['Giver'], recipient: ['Recipient', 'Beneficiary'], artifact: ['ArtifactMoney'] },
  ),
  def(
    'government.sanction',
    'Sanctions, embargoes, expulsion of diplomats, cutting ties.',
    ['agent', 'target'],
    { event: 'SANCTION' },
    '160',
  ),
  def(
    'movement.transport',
    'Movement of people or goods: travel, arrival, flight, crossing, evacuation, smuggling.',
    ['agent', 'artifact', 'instrument', 'origin', 'destination'],
    { event: 'NONE' },
    '',
    [
      'Movement.Transportation.Unspecified',
      'Movement.Transportation.Evacuation',
      'Movement.Transportation.IllegalTransportation',
      'Movement.Transportation.PreventPassage',
    ],
    {
      agent: ['Transporter'],
      artifact: ['PassengerArtifact'],
      instrument: ['Vehicle'],
      origin: ['Origin'],
      destination: ['Destination'],
    },
  ),
  def(
    'movement.withdraw',
    'Withdrawal or retreat of forces from a place.',
    ['agent', 'origin'],
    { event: 'RETREAT', mode: 'withdraw' },
    '087',
  ),
  def(
    'justice.arrest',
    'Arrest, detention, capture or jailing of a person.',
    ['agent', 'person', 'crime'],
    { event: 'COERCE', mode: 'arrest' },
    '173',
    ['Justice.ArrestJailDetain.Unspecified'],
    { agent: ['Jailer'], person: ['Detainee'], crime: ['Crime'] },
  ),
  def(
    'justice.charge',
    'Charge, indictment or prosecution.',
    ['agent', 'person', 'crime', 'authority'],
    { event: 'COERCE', mode: 'arrest' },
    '173',
    ['Justice.ChargeIndict.Unspecified'],
    { agent: ['Prosecutor'], person: ['Defendant'], crime: ['Crime'], authority: ['JudgeCourt'] },
  ),
  def(
    'justice.trial',
    'Trial or court hearing.',
    ['person', 'authority', 'crime', 'agent'],
    { event: 'ACCUSE', mode: 'allege' },
    '115',
    ['Justice.TrialHearing.Unspecified'],
    { person: ['Defendant'], authority: ['JudgeCourt'], crime: ['Crime'], agent: ['Prosecutor'] },
  ),
  def(
    'justice.convict',
    'Conviction: found guilty by a court.',
    ['person', 'authority', 'crime'],
    { event: 'ACCUSE', mode: 'disapprove' },
    '116',
    ['Justice.Convict.Unspecified'],
    { person: ['Defendant'], authority: ['JudgeCourt'], crime: ['Crime'] },
  ),
  def(
    'justice.sentence',
    'Sentencing by a court.',
    ['person', 'authority', 'crime'],
    { event: 'COERCE', mode: 'arrest' },
    '173',
    ['Justice.Sentence.Unspecified'],
    { person: ['Defendant'], authority: ['JudgeCourt'], crime: ['Crime'] },
  ),
  def(
    'justice.release',
    'Release of a detained person (freed, paroled, acquitted).',
    ['agent', 'person', 'crime'],
    { event: 'RETREAT', mode: 'release' },
    '0841',
    ['Justice.ReleaseParole.Unspecified'],
    { agent: ['JudgeCourt'], person: ['Defendant'], crime: ['Crime'] },
  ),
  def(
    'justice.investigate',
    'Criminal investigation, probe, inquiry, search.',
    ['agent', 'person', 'crime'],
    { event: 'ACCUSE', mode: 'investigate' },
    '091',
    ['Justice.InvestigateCrime.Unspecified'],
    { agent: ['Investigator'], person: ['Defendant'], crime: ['Crime'] },
  ),
  def(
    'crime.generic',
    'Non-political crime: fraud, theft, robbery, corruption, smuggling.',
    ['agent', 'victim'],
    { event: 'CRIME' },
    '',
    ['GenericCrime.GenericCrime.GenericCrime'],
    { agent: ['Perpetrator'], victim: ['Victim'] },
  ),
  def(
    'artifact.damage',
    'Damage to or destruction of buildings, vehicles or property.',
    ['agent', 'artifact', 'instrument'],
    { event: 'ASSAULT', mode: 'seize' },
    '1712',
    [
      'ArtifactExistence.DamageDestroyDisableDismantle.Damage',
      'ArtifactExistence.DamageDestroyDisableDismantle.Destroy',
      'ArtifactExistence.DamageDestroyDisableDismantle.Unspecified',
    ],
    {
      agent: ['Damager', 'Destroyer', 'DamagerDestroyer'],
      artifact: ['Artifact'],
      instrument: ['Instrument'],
    },
  ),
  def(
    'personnel.start_position',
    'Appointment, election to or start of a position.',
    ['person', 'organization'],
    { event: 'NONE' },
    '',
    ['Personnel.StartPosition.Unspecified'],
    { person: ['Employee'], organization: ['PlaceOfEmployment'] },
  ),
  def(
    'personnel.end_position',
    'Resignation, dismissal or removal from a position.',
    ['person', 'organization'],
    { event: 'RETREAT' },
    '0831',
    ['Personnel.EndPosition.Unspecified'],
    { person: ['Employee'], organization: ['PlaceOfEmployment'] },
  ),
  def(
    'disaster.outbreak',
    'Outbreak or spread of a disease.',
    ['victim', 'artifact'],
    { event: 'NONE' },
    '',
    ['Disaster.DiseaseOutbreak.Unspecified'],
    { victim: ['Victim'], artifact: ['Disease'] },
  ),
  def(
    'disaster.fire',
    'Fire or accidental explosion.',
    ['artifact'],
    { event: 'NONE' },
    '',
    ['Disaster.FireExplosion.Unspecified'],
    { artifact: ['FireExplosionObject'] },
  ),
  def(
    'disaster.crash',
    'Crash or collision of a vehicle.',
    ['person', 'instrument'],
    { event: 'NONE' },
    '',
    ['Disaster.Crash.Unspecified'],
    { person: ['DriverPassenger'], instrument: ['Vehicle'] },
  ),
  def(
    'transaction.transfer',
    'Purchase, sale, rental or acquisition of goods or property.',
    ['agent', 'recipient', 'artifact'],
    { event: 'NONE' },
    '',
    ['Transaction.ExchangeBuySell.Unspecified'],
    { agent: ['Giver'], recipient: ['Recipient'], artifact: ['AcquiredEntity'] },
  ),
  def(
    'disaster.natural',
    'Natural disaster: earthquake, flood, storm, drought, wildfire.',
    ['victim'],
    { event: 'NONE' },
    '',
  ),
];
