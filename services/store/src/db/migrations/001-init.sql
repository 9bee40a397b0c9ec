-- newsflow store schema, shared by SQLite and PostgreSQL (ids are text, timestamps ISO 8601 text, JSON as text).
-- No foreign keys on article_id: entities and events may arrive before their article (out-of-order delivery).

CREATE TABLE articles (
  id TEXT PRIMARY KEY,
  title TEXT,
  text TEXT NOT NULL,
  url TEXT,
  outlet TEXT,
  byline TEXT,
  language TEXT,
  published_at TEXT,
  received_at TEXT NOT NULL,
  origin_kind TEXT NOT NULL,
  origin_path TEXT,
  content_hash TEXT NOT NULL,
  byte_size INTEGER NOT NULL,
  stored_at TEXT NOT NULL
);
CREATE INDEX articles_received ON articles (received_at, id);

-- Term vectors for story clustering: the article's term frequencies, and an inverted index of its top terms.
CREATE TABLE article_features (
  article_id TEXT PRIMARY KEY,
  vector TEXT NOT NULL
);
CREATE TABLE article_terms (
  term TEXT NOT NULL,
  article_id TEXT NOT NULL,
  PRIMARY KEY (term, article_id)
);
CREATE TABLE term_stats (
  term TEXT PRIMARY KEY,
  df INTEGER NOT NULL
);

-- One row per (article, extractor version): pending until every listed entity and event is stored.
CREATE TABLE extractions (
  article_id TEXT NOT NULL,
  extractor_version TEXT NOT NULL,
  extractor_name TEXT NOT NULL,
  entity_ids TEXT NOT NULL,
  event_ids TEXT NOT NULL,
  duration_ms DOUBLE PRECISION NOT NULL,
  state TEXT NOT NULL,
  received_at TEXT NOT NULL,
  completed_at TEXT,
  PRIMARY KEY (article_id, extractor_version)
);
CREATE INDEX extractions_state ON extractions (state);

CREATE TABLE canonical_entities (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX canonical_entities_type ON canonical_entities (type, id);

-- Normalised lookup keys of a canonical entity: kind is name, acronym or surname.
CREATE TABLE entity_keys (
  key TEXT NOT NULL,
  kind TEXT NOT NULL,
  canonical_id TEXT NOT NULL,
  PRIMARY KEY (key, kind, canonical_id)
);
CREATE INDEX entity_keys_canonical ON entity_keys (canonical_id);

-- Aliases and roles with provenance: which article entity contributed them.
CREATE TABLE entity_aliases (
  canonical_id TEXT NOT NULL,
  alias TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  article_id TEXT NOT NULL,
  PRIMARY KEY (canonical_id, alias, entity_id)
);
CREATE TABLE entity_roles (
  canonical_id TEXT NOT NULL,
  title TEXT NOT NULL,
  affiliation TEXT NOT NULL DEFAULT '',
  qualifier TEXT NOT NULL DEFAULT '',
  entity_id TEXT NOT NULL,
  article_id TEXT NOT NULL,
  PRIMARY KEY (canonical_id, title, affiliation, qualifier, entity_id)
);

-- Article-level entities, each linked to its canonical entity with the rule that linked it.
CREATE TABLE entities (
  id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  aliases TEXT NOT NULL,
  roles TEXT NOT NULL,
  salience DOUBLE PRECISION NOT NULL,
  confidence DOUBLE PRECISION NOT NULL,
  normalized TEXT,
  extractor_name TEXT NOT NULL,
  extractor_version TEXT NOT NULL,
  canonical_id TEXT NOT NULL REFERENCES canonical_entities (id),
  match_rule TEXT NOT NULL,
  match_key TEXT,
  stored_at TEXT NOT NULL
);
CREATE INDEX entities_article ON entities (article_id);
CREATE INDEX entities_canonical ON entities (canonical_id);

CREATE TABLE mentions (
  entity_id TEXT NOT NULL,
  idx INTEGER NOT NULL,
  article_id TEXT NOT NULL,
  text TEXT NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  PRIMARY KEY (entity_id, idx)
);

CREATE TABLE events (
  id TEXT PRIMARY KEY,
  article_id TEXT NOT NULL,
  type TEXT NOT NULL,
  trigger_text TEXT NOT NULL,
  trigger_start INTEGER NOT NULL,
  trigger_end INTEGER NOT NULL,
  evidence_text TEXT NOT NULL,
  evidence_start INTEGER NOT NULL,
  evidence_end INTEGER NOT NULL,
  evidence_sentence INTEGER NOT NULL,
  time_text TEXT,
  time_value TEXT,
  time_granularity TEXT,
  time_resolved INTEGER,
  modality TEXT NOT NULL,
  source_text TEXT,
  source_entity_id TEXT,
  confidence DOUBLE PRECISION NOT NULL,
  plover_event TEXT NOT NULL,
  plover_mode TEXT,
  cameo TEXT,
  extractor_name TEXT NOT NULL,
  extractor_version TEXT NOT NULL,
  stored_at TEXT NOT NULL
);
CREATE INDEX events_article ON events (article_id);

CREATE TABLE event_arguments (
  event_id TEXT NOT NULL,
  idx INTEGER NOT NULL,
  role TEXT NOT NULL,
  text TEXT NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  entity_id TEXT,
  PRIMARY KEY (event_id, idx)
);
CREATE INDEX event_arguments_entity ON event_arguments (entity_id);

-- Cross-article events; time_start is the earliest normalised date its sources give (YYYY-MM-DD...).
CREATE TABLE canonical_events (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  label TEXT NOT NULL,
  time_start TEXT,
  story_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX canonical_events_type ON canonical_events (type, id);
CREATE INDEX canonical_events_story ON canonical_events (story_id);

-- One row per article event: which canonical event it is a source of.
CREATE TABLE event_sources (
  event_id TEXT PRIMARY KEY,
  canonical_event_id TEXT NOT NULL REFERENCES canonical_events (id),
  article_id TEXT NOT NULL,
  outlet TEXT,
  evidence TEXT NOT NULL,
  confidence DOUBLE PRECISION NOT NULL,
  merge_rule TEXT NOT NULL,
  added_at TEXT NOT NULL
);
CREATE INDEX event_sources_canonical ON event_sources (canonical_event_id);
CREATE INDEX event_sources_article ON event_sources (article_id);

CREATE TABLE stories (
  id TEXT PRIMARY KEY,
  title TEXT,
  revision INTEGER NOT NULL,
  merged_into TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX stories_updated ON stories (updated_at, id);

CREATE TABLE story_articles (
  article_id TEXT PRIMARY KEY,
  story_id TEXT NOT NULL REFERENCES stories (id),
  score DOUBLE PRECISION NOT NULL,
  added_at TEXT NOT NULL
);
CREATE INDEX story_articles_story ON story_articles (story_id);

CREATE TABLE processed_messages (
  message_id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  processed_at TEXT NOT NULL
);

-- Story updates written in the same transaction as the change, published after commit (transactional outbox).
CREATE TABLE outbox (
  id TEXT PRIMARY KEY,
  payload TEXT NOT NULL,
  created_at TEXT NOT NULL,
  published_at TEXT
);
CREATE INDEX outbox_pending ON outbox (created_at) WHERE published_at IS NULL;
