/** Public surface of the event extractor. */
export { extractEvents } from './extract.ts';
export { EVENT_TYPES, type EventTypeDef, eventType, typeForKairos } from './taxonomy.ts';
export type * from './types.ts';
