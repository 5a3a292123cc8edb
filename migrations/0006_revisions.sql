-- Version 5 -> 6: revisions, the history of every update and delete.

-- What a row was before it changed: every update and delete of a source,
-- actor, statement or embassy leaves the row as it was here, by triggers, so
-- that rows revised or withdrawn from import, query --write or the sqlite3
-- shell keep their history. Inserts of new rows cost nothing.
CREATE TABLE revisions (
    id       INTEGER PRIMARY KEY,
    "table"  TEXT NOT NULL CONSTRAINT "table" CHECK (
                 "table" = 'sources' OR "table" = 'actors' OR "table" = 'statements' OR "table" = 'embassies'),
    row_id   TEXT NOT NULL,  -- the id of the row that changed
    action   TEXT NOT NULL CONSTRAINT action CHECK (action = 'updated' OR action = 'withdrawn'),
    at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),  -- when, in UTC
    old      TEXT NOT NULL CONSTRAINT old CHECK (json_valid(old))  -- the row as it was, as a JSON object
) STRICT;

CREATE INDEX revisions_row ON revisions (row_id, id);
CREATE INDEX revisions_at ON revisions (at, id);

CREATE TRIGGER sources_revised AFTER UPDATE ON sources
WHEN OLD.id IS NOT NEW.id
    OR OLD.title IS NOT NEW.title
    OR OLD.publisher IS NOT NEW.publisher
    OR OLD.url IS NOT NEW.url
    OR OLD.published_on IS NOT NEW.published_on
    OR OLD.body IS NOT NEW.body
BEGIN
    INSERT INTO revisions ("table", row_id, action, old)
    VALUES ('sources', OLD.id, 'updated', json_object('id', OLD.id, 'title', OLD.title, 'publisher', OLD.publisher, 'url', OLD.url, 'published_on', OLD.published_on, 'body', OLD.body));
END;

CREATE TRIGGER sources_withdrawn AFTER DELETE ON sources
BEGIN
    INSERT INTO revisions ("table", row_id, action, old)
    VALUES ('sources', OLD.id, 'withdrawn', json_object('id', OLD.id, 'title', OLD.title, 'publisher', OLD.publisher, 'url', OLD.url, 'published_on', OLD.published_on, 'body', OLD.body));
END;

CREATE TRIGGER actors_revised AFTER UPDATE ON actors
WHEN OLD.id IS NOT NEW.id
    OR OLD.name IS NOT NEW.name
    OR OLD.kind IS NOT NEW.kind
    OR OLD.iso3 IS NOT NEW.iso3
    OR OLD.parent IS NOT NEW.parent
    OR OLD.role IS NOT NEW.role
    OR OLD.aliases IS NOT NEW.aliases
    OR OLD.wikidata IS NOT NEW.wikidata
BEGIN
    INSERT INTO revisions ("table", row_id, action, old)
    VALUES ('actors', OLD.id, 'updated', json_object('id', OLD.id, 'name', OLD.name, 'kind', OLD.kind, 'iso3', OLD.iso3, 'parent', OLD.parent, 'role', OLD.role, 'aliases', OLD.aliases, 'wikidata', OLD.wikidata));
END;

CREATE TRIGGER actors_withdrawn AFTER DELETE ON actors
BEGIN
    INSERT INTO revisions ("table", row_id, action, old)
    VALUES ('actors', OLD.id, 'withdrawn', json_object('id', OLD.id, 'name', OLD.name, 'kind', OLD.kind, 'iso3', OLD.iso3, 'parent', OLD.parent, 'role', OLD.role, 'aliases', OLD.aliases, 'wikidata', OLD.wikidata));
END;

CREATE TRIGGER statements_revised AFTER UPDATE ON statements
WHEN OLD.id IS NOT NEW.id
    OR OLD.source IS NOT NEW.source
    OR OLD.speaker IS NOT NEW.speaker
    OR OLD.position_of IS NOT NEW.position_of
    OR OLD.target IS NOT NEW.target
    OR OLD.topic IS NOT NEW.topic
    OR OLD.stance IS NOT NEW.stance
    OR OLD.said_on IS NOT NEW.said_on
    OR OLD.kind IS NOT NEW.kind
    OR OLD.quote IS NOT NEW.quote
    OR OLD.summary IS NOT NEW.summary
    OR OLD.quote_start IS NOT NEW.quote_start
    OR OLD.quote_end IS NOT NEW.quote_end
    OR OLD.said_on_precision IS NOT NEW.said_on_precision
BEGIN
    INSERT INTO revisions ("table", row_id, action, old)
    VALUES ('statements', OLD.id, 'updated', json_object('id', OLD.id, 'source', OLD.source, 'speaker', OLD.speaker, 'position_of', OLD.position_of, 'target', OLD.target, 'topic', OLD.topic, 'stance', OLD.stance, 'said_on', OLD.said_on, 'kind', OLD.kind, 'quote', OLD.quote, 'summary', OLD.summary, 'quote_start', OLD.quote_start, 'quote_end', OLD.quote_end, 'said_on_precision', OLD.said_on_precision));
END;

CREATE TRIGGER statements_withdrawn AFTER DELETE ON statements
BEGIN
    INSERT INTO revisions ("table", row_id, action, old)
    VALUES ('statements', OLD.id, 'withdrawn', json_object('id', OLD.id, 'source', OLD.source, 'speaker', OLD.speaker, 'position_of', OLD.position_of, 'target', OLD.target, 'topic', OLD.topic, 'stance', OLD.stance, 'said_on', OLD.said_on, 'kind', OLD.kind, 'quote', OLD.quote, 'summary', OLD.summary, 'quote_start', OLD.quote_start, 'quote_end', OLD.quote_end, 'said_on_precision', OLD.said_on_precision));
END;

CREATE TRIGGER embassies_revised AFTER UPDATE ON embassies
WHEN OLD.id IS NOT NEW.id
    OR OLD.country IS NOT NEW.country
    OR OLD.host IS NOT NEW.host
    OR OLD.city IS NOT NEW.city
    OR OLD.status IS NOT NEW.status
    OR OLD.level IS NOT NEW.level
    OR OLD.observed_on IS NOT NEW.observed_on
    OR OLD.source IS NOT NEW.source
    OR OLD.note IS NOT NEW.note
    OR OLD.observed_on_precision IS NOT NEW.observed_on_precision
BEGIN
    INSERT INTO revisions ("table", row_id, action, old)
    VALUES ('embassies', OLD.id, 'updated', json_object('id', OLD.id, 'country', OLD.country, 'host', OLD.host, 'city', OLD.city, 'status', OLD.status, 'level', OLD.level, 'observed_on', OLD.observed_on, 'source', OLD.source, 'note', OLD.note, 'observed_on_precision', OLD.observed_on_precision));
END;

CREATE TRIGGER embassies_withdrawn AFTER DELETE ON embassies
BEGIN
    INSERT INTO revisions ("table", row_id, action, old)
    VALUES ('embassies', OLD.id, 'withdrawn', json_object('id', OLD.id, 'country', OLD.country, 'host', OLD.host, 'city', OLD.city, 'status', OLD.status, 'level', OLD.level, 'observed_on', OLD.observed_on, 'source', OLD.source, 'note', OLD.note, 'observed_on_precision', OLD.observed_on_precision));
END;
