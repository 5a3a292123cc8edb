-- Migration 1 -> 2 (provenance): statements gain a stable integer key, the
-- located offsets of their quotes, and full-text search. SQLite cannot add a
-- primary key to a table, so statements is rebuilt: the old table is renamed,
-- the new one created exactly as in schema.sql, the rows copied in their order,
-- and the view over it made again. chancery runs this in one transaction and
-- then locates every quote in its source (src/db.rs).

DROP VIEW statement_details;
ALTER TABLE statements RENAME TO statements_v1;
DROP INDEX statements_position;
DROP INDEX statements_speaker;
DROP INDEX statements_said_on;
DROP INDEX statements_source;
DROP INDEX statements_target;

-- What was said: one coded position per row. One sentence may hold several rows.
CREATE TABLE statements (
    -- A stable integer key: full-text search refers to rows by it, and unlike an
    -- implicit rowid, VACUUM never renumbers it.
    key         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE CONSTRAINT id CHECK (id <> ''),
    source      TEXT NOT NULL REFERENCES sources (id),
    speaker     TEXT NOT NULL REFERENCES actors (id),   -- who spoke
    position_of TEXT NOT NULL REFERENCES actors (id),   -- whose position the statement expresses
    target      TEXT REFERENCES actors (id),            -- whom the position is about, usually 'taliban'
    topic       TEXT NOT NULL CONSTRAINT topic CHECK (topic GLOB '[a-z]*' AND topic NOT GLOB '*[^a-z0-9-]*'),
    stance      INTEGER CONSTRAINT stance CHECK (stance BETWEEN -2 AND 2)
                REFERENCES stance_scale (stance),     -- NULL where the statement takes no side
    said_on     TEXT NOT NULL CONSTRAINT said_on CHECK (said_on IS date(said_on, '+0 days')),
    kind        TEXT NOT NULL CONSTRAINT kind CHECK (kind IN ('quote', 'paraphrase', 'assessment')),
    quote       TEXT NOT NULL CONSTRAINT quote CHECK (quote <> ''),  -- verbatim for 'quote', the source's wording otherwise
    summary     TEXT CONSTRAINT summary CHECK (summary <> ''),  -- the analyst's one-line English summary
    -- Where a quote stands in its source's body, in characters (not bytes), from
    -- 0, end exclusive; NULL where it was not located (no body, or not a quote).
    quote_start INTEGER CONSTRAINT quote_start CHECK (quote_start >= 0),
    quote_end   INTEGER CONSTRAINT quote_end CHECK (quote_end > quote_start),
    -- An assessment is a third party's claim about someone else's position.
    CONSTRAINT position_of CHECK (kind <> 'assessment' OR position_of <> speaker),
    CONSTRAINT quote_start CHECK ((quote_start IS NULL) = (quote_end IS NULL))
) STRICT;

-- positions, outlook: the latest own stance of an actor on a topic.
CREATE INDEX statements_position ON statements (position_of, topic, said_on, id);
-- timeline, actors: statements by speaker and in date order.
CREATE INDEX statements_speaker ON statements (speaker, said_on);
CREATE INDEX statements_said_on ON statements (said_on, id);
CREATE INDEX statements_source ON statements (source);
CREATE INDEX statements_target ON statements (target);

-- Full-text search over each statement's quote, summary and speaker's name
-- (`chancery search`, or `... WHERE statements_fts MATCH 'women'` in the shell).
-- The index keeps no copy of the text: it reads it from this view by key, and
-- the triggers below keep it in step with every write, from any client.
CREATE VIEW statement_search AS
SELECT s.key, s.quote, s.summary, a.name AS speaker_name
FROM statements AS s
JOIN actors AS a ON a.id = s.speaker;

CREATE VIRTUAL TABLE statements_fts USING fts5 (
    quote, summary, speaker_name,
    content = 'statement_search', content_rowid = 'key',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements
BEGIN
    INSERT INTO statements_fts (rowid, quote, summary, speaker_name)
    VALUES (NEW.key, NEW.quote, NEW.summary, (SELECT name FROM actors WHERE id = NEW.speaker));
END;

CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements
BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, quote, summary, speaker_name)
    VALUES ('delete', OLD.key, OLD.quote, OLD.summary, (SELECT name FROM actors WHERE id = OLD.speaker));
END;

CREATE TRIGGER statements_fts_update AFTER UPDATE OF key, quote, summary, speaker ON statements
WHEN OLD.key IS NOT NEW.key OR OLD.quote IS NOT NEW.quote
  OR OLD.summary IS NOT NEW.summary OR OLD.speaker IS NOT NEW.speaker
BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, quote, summary, speaker_name)
    VALUES ('delete', OLD.key, OLD.quote, OLD.summary, (SELECT name FROM actors WHERE id = OLD.speaker));
    INSERT INTO statements_fts (rowid, quote, summary, speaker_name)
    VALUES (NEW.key, NEW.quote, NEW.summary, (SELECT name FROM actors WHERE id = NEW.speaker));
END;

CREATE TRIGGER actors_fts_rename AFTER UPDATE OF name ON actors
WHEN OLD.name IS NOT NEW.name
BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, quote, summary, speaker_name)
    SELECT 'delete', key, quote, summary, OLD.name FROM statements WHERE speaker = OLD.id;
    INSERT INTO statements_fts (rowid, quote, summary, speaker_name)
    SELECT key, quote, summary, NEW.name FROM statements WHERE speaker = NEW.id;
END;

INSERT INTO statements (id, source, speaker, position_of, target, topic, stance, said_on, kind, quote, summary)
SELECT id, source, speaker, position_of, target, topic, stance, said_on, kind, quote, summary
FROM statements_v1
ORDER BY rowid;

DROP TABLE statements_v1;

-- For the sqlite3 shell: statements with names and stance labels, ready to read.
CREATE VIEW statement_details AS
SELECT s.id,
       s.said_on,
       s.speaker,
       sp.name AS speaker_name,
       s.position_of,
       po.name AS position_of_name,
       s.target,
       s.topic,
       s.stance,
       sc.label,
       s.kind,
       s.quote,
       s.summary,
       s.source,
       so.title AS source_title
FROM statements AS s
JOIN actors AS sp ON sp.id = s.speaker
JOIN actors AS po ON po.id = s.position_of
JOIN sources AS so ON so.id = s.source
LEFT JOIN stance_scale AS sc ON sc.stance = s.stance;

