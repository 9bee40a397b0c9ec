-- Covering indexes for the merge's hot reads, so they no longer visit table rows (or scan a whole table):
-- an article's entities by type with their canonical ids (event locations, the related-article joins), the
-- articles naming a canonical entity (entity document frequencies, the same joins from the other side), an
-- article's canonical events (the story step), and an article's index terms (story candidates by shared terms,
-- which had no index on article_id). Each replaces the index it extends.
DROP INDEX entities_article;
CREATE INDEX entities_article_type ON entities (article_id, type, canonical_id);
DROP INDEX entities_canonical;
CREATE INDEX entities_canonical_article ON entities (canonical_id, article_id);
DROP INDEX event_sources_article;
CREATE INDEX event_sources_article_canonical ON event_sources (article_id, canonical_event_id);
CREATE INDEX article_terms_article ON article_terms (article_id, term);
