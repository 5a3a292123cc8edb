-- chancery's database: coded statements about recognising the Taliban government.
--
-- This file is the one definition of the database. `chancery` embeds it, and
-- `sqlite3 new.db < schema.sql` builds the same database by hand. Every rule that
-- SQL can state lives here, so rows written from the sqlite3 shell are held to the
-- same rules as rows imported by `chancery`. Open every connection with
-- `PRAGMA foreign_keys = ON;` (chancery does; the sqlite3 shell does not by default),
-- and with `PRAGMA recursive_triggers = ON;` before an INSERT OR REPLACE or UPDATE
-- OR REPLACE, so that the rows it replaces leave the search index,
-- latest_positions and statement_counts too.
--
-- Text is never the empty string: an empty CSV field means NULL, and the CHECKs
-- below keep '' out, so that a database always survives export and re-import.
--
-- An enumeration is written `x = 'a' OR x = 'b'`, never `x IN ('a', 'b')`: SQLite
-- builds a lookup table for an IN list on every row it checks, which made a
-- large import a third slower.
--
-- Dates are ISO `YYYY-MM-DD` text. `date(x, '+0 days')` normalises impossible days
-- such as 2021-02-30 to another date, so `x IS date(x, '+0 days')` accepts exactly
-- the real calendar dates (plain `date(x)` lets 2021-02-30 through).

PRAGMA foreign_keys = ON;

BEGIN;

-- The stance scale: what each number in statements.stance means.
CREATE TABLE stance_scale (
    stance INTEGER PRIMARY KEY CHECK (stance BETWEEN -2 AND 2),
    label  TEXT NOT NULL UNIQUE
) STRICT;

INSERT INTO stance_scale (stance, label) VALUES
    (-2, 'strongly against'),
    (-1, 'against'),
    ( 0, 'neutral'),
    ( 1, 'for'),
    ( 2, 'strongly for');

-- Where statements come from: an article, a transcript, a press release.
CREATE TABLE sources (
    -- The id names the file articles/<id>.txt, so it must be a safe file name.
    id           TEXT PRIMARY KEY NOT NULL
                 CONSTRAINT id CHECK (id GLOB '[A-Za-z0-9_]*' AND id NOT GLOB '*[^A-Za-z0-9._-]*'),
    title        TEXT NOT NULL CONSTRAINT title CHECK (title <> ''),
    publisher    TEXT CONSTRAINT publisher CHECK (publisher <> ''),
    url          TEXT CONSTRAINT url CHECK (url <> ''),
    published_on TEXT CONSTRAINT published_on CHECK (published_on IS date(published_on, '+0 days')),
    body         TEXT CONSTRAINT body CHECK (body <> '')  -- the full text of the source, from articles/<id>.txt
) STRICT;

-- Who speaks, and on whose behalf: states, governments, organisations, offices, people.
-- States are keyed by their ISO 3166-1 alpha-3 code; everything else by a lowercase slug.
CREATE TABLE actors (
    id       TEXT PRIMARY KEY NOT NULL,
    name     TEXT NOT NULL CONSTRAINT name CHECK (name <> ''),
    kind     TEXT NOT NULL CONSTRAINT kind CHECK (
                 kind = 'state' OR kind = 'government' OR kind = 'organization' OR kind = 'office'
                 OR kind = 'person' OR kind = 'group' OR kind = 'media'),
    iso3     TEXT CONSTRAINT iso3 CHECK (iso3 GLOB '[A-Z][A-Z][A-Z]'),
    parent   TEXT REFERENCES actors (id),  -- the state or organisation a person or office belongs to
    role     TEXT CONSTRAINT role CHECK (role <> ''),        -- e.g. 'Prime Minister of Pakistan'
    aliases  TEXT CONSTRAINT aliases CHECK (aliases <> ''),  -- other names as written in the news, separated by '|'
    wikidata TEXT CONSTRAINT wikidata CHECK (wikidata GLOB 'Q[1-9]*' AND wikidata NOT GLOB 'Q*[^0-9]*'),
    CONSTRAINT id CHECK (
        CASE kind
            WHEN 'state' THEN id GLOB '[A-Z][A-Z][A-Z]'
            ELSE id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*'
        END),
    CONSTRAINT iso3 CHECK (kind <> 'state' OR iso3 IS NULL OR iso3 = id)
) STRICT;

CREATE INDEX actors_parent ON actors (parent);
-- positions, outlook: actors in the order the reports print them; with kind,
-- the index alone answers which actors take positions.
CREATE INDEX actors_name ON actors (name, id, kind);

-- An actor may not be its own ancestor: that would leave a statement's position_of undefined.
CREATE TRIGGER actors_parent_cycle_insert BEFORE INSERT ON actors
WHEN NEW.parent IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'parent: cycle in the actors'' parent chain') WHERE NEW.id IN (
        WITH RECURSIVE up (id) AS (
            SELECT NEW.parent
            UNION
            SELECT actors.parent FROM actors JOIN up ON actors.id = up.id WHERE actors.parent IS NOT NULL)
        SELECT id FROM up);
END;

CREATE TRIGGER actors_parent_cycle_update BEFORE UPDATE OF parent ON actors
WHEN NEW.parent IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'parent: cycle in the actors'' parent chain') WHERE NEW.id IN (
        WITH RECURSIVE up (id) AS (
            SELECT NEW.parent
            UNION
            SELECT actors.parent FROM actors JOIN up ON actors.id = up.id WHERE actors.parent IS NOT NULL)
        SELECT id FROM up);
END;

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
    kind        TEXT NOT NULL CONSTRAINT kind CHECK (kind = 'quote' OR kind = 'paraphrase' OR kind = 'assessment'),
    quote       TEXT NOT NULL CONSTRAINT quote CHECK (quote <> ''),  -- verbatim for 'quote', the source's wording otherwise
    summary     TEXT CONSTRAINT summary CHECK (summary <> ''),  -- the analyst's one-line English summary
    -- Where a quote stands in its source's body, in characters (not bytes), from
    -- 0, end exclusive; NULL where it was not located (no body, or not a quote).
    quote_start INTEGER CONSTRAINT quote_start CHECK (quote_start >= 0),
    quote_end   INTEGER CONSTRAINT quote_end CHECK (quote_end > quote_start),
    -- A date known only to the month or the year is stored as the first day of
    -- that period; the precision says so, and said_on_display shows it as written.
    said_on_precision TEXT NOT NULL DEFAULT 'day' CONSTRAINT said_on_precision CHECK (
        (said_on_precision = 'day' OR said_on_precision = 'month' OR said_on_precision = 'year')
        AND (said_on_precision = 'day' OR strftime('%d', said_on) = '01')
        AND (said_on_precision <> 'year' OR strftime('%m', said_on) = '01')),
    said_on_display TEXT GENERATED ALWAYS AS (
        CASE said_on_precision WHEN 'year' THEN substr(said_on, 1, 4) WHEN 'month' THEN substr(said_on, 1, 7) ELSE said_on END
    ) VIRTUAL,
    -- An assessment is a third party's claim about someone else's position.
    CONSTRAINT position_of CHECK (kind <> 'assessment' OR position_of <> speaker),
    CONSTRAINT quote_start CHECK ((quote_start IS NULL) = (quote_end IS NULL))
) STRICT;

-- positions, outlook: the latest own stance of an actor on a topic. kind and
-- stance are in the index so that finding it never reads the table.
CREATE INDEX statements_position ON statements (position_of, topic, said_on, id, kind, stance);
-- timeline, actors: statements by speaker and in date order.
CREATE INDEX statements_speaker ON statements (speaker, said_on);
CREATE INDEX statements_said_on ON statements (said_on, id);
-- sources: statements by source; kind and quote_start are in the index so that
-- counting a source's statements and located quotes never reads the table.
CREATE INDEX statements_source ON statements (source, kind, quote_start);
CREATE INDEX statements_target ON statements (target);
-- outlook: the latest third-party assessment of a state's stance. Assessments
-- are few beside own statements (a tenth in bench/run's data), so a lookup in
-- this index touches far fewer pages than one in statements_position.
CREATE INDEX statements_assessed ON statements (position_of, topic, said_on, id, stance) WHERE kind = 'assessment';

-- positions, outlook: where each actor stands on each topic by its own latest
-- words, found once per write instead of once per reading. One row per
-- (position_of, topic) that has an own statement (quote or paraphrase, with a
-- stance): a copy of the latest one's columns (greatest said_on, then greatest
-- id), so that positions reads this small table and not the statements. The
-- triggers below keep it exact under every write, from any client, as long as
-- a REPLACE runs with recursive_triggers on; `chancery check` compares it with
-- the statements.
CREATE TABLE latest_positions (
    position_of     TEXT NOT NULL,
    topic           TEXT NOT NULL,
    key             INTEGER NOT NULL,  -- statements.key of the latest statement; the columns below are copies of its own
    id              TEXT NOT NULL,
    said_on         TEXT NOT NULL,
    said_on_display TEXT NOT NULL,
    stance          INTEGER NOT NULL,
    speaker         TEXT NOT NULL,
    quote           TEXT NOT NULL,
    source          TEXT NOT NULL,
    PRIMARY KEY (position_of, topic)
) STRICT, WITHOUT ROWID;

-- What latest_positions must hold, computed from all statements: how it is
-- filled in one pass, and what `chancery check` compares it with. said_on always
-- has ten characters, so said_on || id orders as said_on, then id; SQLite takes
-- the key from the row in which it finds the max() (one walk of the index
-- statements_position, no sort), and only the latest rows are read.
CREATE VIEW latest_positions_from_statements AS
SELECT s.position_of, s.topic, s.key, s.id, s.said_on, s.said_on_display, s.stance, s.speaker, s.quote, s.source
FROM (SELECT key, max(said_on || id)
      FROM statements
      WHERE kind <> 'assessment' AND stance IS NOT NULL
      GROUP BY position_of, topic) AS latest
JOIN statements AS s ON s.key = latest.key;

CREATE TRIGGER latest_positions_insert AFTER INSERT ON statements
WHEN NEW.kind <> 'assessment' AND NEW.stance IS NOT NULL
BEGIN
    -- Unless the pair's latest is still there and later, it is looked up again:
    -- INSERT OR REPLACE may have removed it without running the delete trigger
    -- (SQLite runs it only with PRAGMA recursive_triggers = ON).
    INSERT INTO latest_positions (position_of, topic, key, id, said_on, said_on_display, stance, speaker, quote, source)
    VALUES (NEW.position_of, NEW.topic, NEW.key, NEW.id, NEW.said_on, NEW.said_on_display, NEW.stance, NEW.speaker,
            NEW.quote, NEW.source)
    ON CONFLICT (position_of, topic) DO UPDATE
    SET (key, id, said_on, said_on_display, stance, speaker, quote, source) = (
        SELECT s.key, s.id, s.said_on, s.said_on_display, s.stance, s.speaker, s.quote, s.source
        FROM statements AS s
        WHERE s.key = (SELECT l.key FROM statements AS l
                       WHERE l.position_of = NEW.position_of AND l.topic = NEW.topic
                         AND l.kind <> 'assessment' AND l.stance IS NOT NULL
                       ORDER BY l.said_on DESC, l.id DESC LIMIT 1))
    WHERE NOT EXISTS (SELECT 1 FROM statements AS s
                      WHERE s.key = latest_positions.key AND (s.said_on, s.id) > (NEW.said_on, NEW.id));
END;

-- A changed or deleted statement may have been the latest of its pair, before
-- or after the change, or its copy: both pairs are looked up again.
CREATE TRIGGER latest_positions_update
AFTER UPDATE OF key, id, position_of, topic, stance, said_on, said_on_precision, kind, speaker, quote, source ON statements
WHEN OLD.key IS NOT NEW.key OR OLD.id IS NOT NEW.id OR OLD.position_of IS NOT NEW.position_of
  OR OLD.topic IS NOT NEW.topic OR OLD.stance IS NOT NEW.stance OR OLD.said_on IS NOT NEW.said_on
  OR OLD.said_on_precision IS NOT NEW.said_on_precision OR OLD.kind IS NOT NEW.kind
  OR OLD.speaker IS NOT NEW.speaker OR OLD.quote IS NOT NEW.quote OR OLD.source IS NOT NEW.source
BEGIN
    DELETE FROM latest_positions
    WHERE (position_of = OLD.position_of AND topic = OLD.topic) OR (position_of = NEW.position_of AND topic = NEW.topic);
    INSERT INTO latest_positions (position_of, topic, key, id, said_on, said_on_display, stance, speaker, quote, source)
    SELECT s.position_of, s.topic, s.key, s.id, s.said_on, s.said_on_display, s.stance, s.speaker, s.quote, s.source
    FROM (SELECT OLD.position_of AS position_of, OLD.topic AS topic
          UNION SELECT NEW.position_of, NEW.topic) AS pair
    JOIN statements AS s ON s.key = (
        SELECT l.key FROM statements AS l
        WHERE l.position_of = pair.position_of AND l.topic = pair.topic
          AND l.kind <> 'assessment' AND l.stance IS NOT NULL
        ORDER BY l.said_on DESC, l.id DESC LIMIT 1);
END;

CREATE TRIGGER latest_positions_delete AFTER DELETE ON statements
WHEN OLD.kind <> 'assessment' AND OLD.stance IS NOT NULL
BEGIN
    DELETE FROM latest_positions WHERE position_of = OLD.position_of AND topic = OLD.topic;
    INSERT INTO latest_positions (position_of, topic, key, id, said_on, said_on_display, stance, speaker, quote, source)
    SELECT s.position_of, s.topic, s.key, s.id, s.said_on, s.said_on_display, s.stance, s.speaker, s.quote, s.source
    FROM statements AS s
    WHERE s.key = (
        SELECT l.key FROM statements AS l
        WHERE l.position_of = OLD.position_of AND l.topic = OLD.topic
          AND l.kind <> 'assessment' AND l.stance IS NOT NULL
        ORDER BY l.said_on DESC, l.id DESC LIMIT 1);
END;

-- actors: how many statements each actor spoke and how many state its position,
-- counted once per write instead of over every statement at every reading. One
-- row per actor that has a statement either way. The triggers below keep it
-- exact under every write, from any client, as long as a REPLACE runs with
-- recursive_triggers on; `chancery check` compares it with the statements.
CREATE TABLE statement_counts (
    actor      TEXT PRIMARY KEY NOT NULL,  -- actors.id
    spoken     INTEGER NOT NULL,           -- statements whose speaker the actor is
    attributed INTEGER NOT NULL            -- statements whose position_of the actor is
) STRICT, WITHOUT ROWID;

-- What statement_counts must hold, counted from all statements: how it is filled
-- in one pass, and what `chancery check` compares it with.
CREATE VIEW statement_counts_from_statements AS
SELECT actor, sum(spoken) AS spoken, sum(attributed) AS attributed
FROM (SELECT speaker AS actor, count(*) AS spoken, 0 AS attributed FROM statements GROUP BY speaker
      UNION ALL
      SELECT position_of, 0, count(*) FROM statements GROUP BY position_of)
GROUP BY actor;

CREATE TRIGGER statement_counts_insert AFTER INSERT ON statements
BEGIN
    INSERT INTO statement_counts (actor, spoken, attributed) VALUES (NEW.speaker, 1, 0)
    ON CONFLICT (actor) DO UPDATE SET spoken = spoken + 1;
    INSERT INTO statement_counts (actor, spoken, attributed) VALUES (NEW.position_of, 0, 1)
    ON CONFLICT (actor) DO UPDATE SET attributed = attributed + 1;
END;

CREATE TRIGGER statement_counts_update AFTER UPDATE OF speaker, position_of ON statements
WHEN OLD.speaker IS NOT NEW.speaker OR OLD.position_of IS NOT NEW.position_of
BEGIN
    INSERT INTO statement_counts (actor, spoken, attributed) VALUES (NEW.speaker, 1, 0)
    ON CONFLICT (actor) DO UPDATE SET spoken = spoken + 1;
    INSERT INTO statement_counts (actor, spoken, attributed) VALUES (NEW.position_of, 0, 1)
    ON CONFLICT (actor) DO UPDATE SET attributed = attributed + 1;
    UPDATE statement_counts SET spoken = spoken - 1 WHERE actor = OLD.speaker;
    UPDATE statement_counts SET attributed = attributed - 1 WHERE actor = OLD.position_of;
    DELETE FROM statement_counts
    WHERE (actor = OLD.speaker OR actor = OLD.position_of) AND spoken = 0 AND attributed = 0;
END;

CREATE TRIGGER statement_counts_delete AFTER DELETE ON statements
BEGIN
    UPDATE statement_counts SET spoken = spoken - 1 WHERE actor = OLD.speaker;
    UPDATE statement_counts SET attributed = attributed - 1 WHERE actor = OLD.position_of;
    DELETE FROM statement_counts
    WHERE (actor = OLD.speaker OR actor = OLD.position_of) AND spoken = 0 AND attributed = 0;
END;

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

-- Embassies: an event log, one row per observed status of one state's mission.
CREATE TABLE embassies (
    id          TEXT PRIMARY KEY NOT NULL CONSTRAINT id CHECK (id <> ''),
    country     TEXT NOT NULL REFERENCES actors (id),  -- the sending state
    host        TEXT NOT NULL DEFAULT 'AFG' REFERENCES actors (id),
    city        TEXT NOT NULL DEFAULT 'Kabul' CONSTRAINT city CHECK (city <> ''),
    status      TEXT NOT NULL CONSTRAINT status CHECK (
                    status = 'open' OR status = 'limited' OR status = 'suspended'
                    OR status = 'relocated' OR status = 'closed'),
    level       TEXT CONSTRAINT level CHECK (level = 'ambassador' OR level = 'charge' OR level = 'technical' OR level = 'none'),
    observed_on TEXT NOT NULL CONSTRAINT observed_on CHECK (observed_on IS date(observed_on, '+0 days')),
    source      TEXT NOT NULL REFERENCES sources (id),
    note        TEXT CONSTRAINT note CHECK (note <> ''),
    -- A date known only to the month or the year is stored as the first day of
    -- that period; the precision says so, and observed_on_display shows it as written.
    observed_on_precision TEXT NOT NULL DEFAULT 'day' CONSTRAINT observed_on_precision CHECK (
        (observed_on_precision = 'day' OR observed_on_precision = 'month' OR observed_on_precision = 'year')
        AND (observed_on_precision = 'day' OR strftime('%d', observed_on) = '01')
        AND (observed_on_precision <> 'year' OR strftime('%m', observed_on) = '01')),
    observed_on_display TEXT GENERATED ALWAYS AS (
        CASE observed_on_precision WHEN 'year' THEN substr(observed_on, 1, 4) WHEN 'month' THEN substr(observed_on, 1, 7) ELSE observed_on END
    ) VIRTUAL,
    CONSTRAINT host CHECK (host <> country)
) STRICT;

-- embassies, outlook: the latest status of each mission in a host country;
-- city and status are in the index so that outlook never reads the table.
CREATE INDEX embassies_mission ON embassies (host, country, observed_on, id, city, status);
CREATE INDEX embassies_country ON embassies (country);
CREATE INDEX embassies_source ON embassies (source);

-- Only states send embassies.
CREATE TRIGGER embassies_country_is_state_insert BEFORE INSERT ON embassies
WHEN (SELECT kind FROM actors WHERE id = NEW.country) IS NOT 'state'
BEGIN
    SELECT RAISE(ABORT, 'country: an embassy''s country must be an actor of kind ''state''');
END;

CREATE TRIGGER embassies_country_is_state_update BEFORE UPDATE OF country ON embassies
WHEN (SELECT kind FROM actors WHERE id = NEW.country) IS NOT 'state'
BEGIN
    SELECT RAISE(ABORT, 'country: an embassy''s country must be an actor of kind ''state''');
END;

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

-- For the sqlite3 shell: embassy records with the names of both states.
CREATE VIEW embassy_details AS
SELECT e.id,
       e.observed_on,
       e.country,
       c.name AS country_name,
       e.host,
       h.name AS host_name,
       e.city,
       e.status,
       e.level,
       e.source,
       e.note
FROM embassies AS e
JOIN actors AS c ON c.id = e.country
JOIN actors AS h ON h.id = e.host;

-- Rows that break a rule the triggers above enforce on every write; only rows
-- written while the triggers were bypassed can be here. `chancery check` lists
-- them, and so does `SELECT * FROM rule_violations;` in the shell.
CREATE VIEW rule_violations AS
WITH RECURSIVE up (start, id, depth) AS (
    SELECT id, parent, 1 FROM actors WHERE parent IS NOT NULL
    UNION ALL
    SELECT up.start, actors.parent, up.depth + 1
    FROM up JOIN actors ON actors.id = up.id
    WHERE actors.parent IS NOT NULL AND up.id <> up.start AND up.depth < 10000
)
SELECT DISTINCT 'actors' AS "table", start AS id, 'parent: cycle in the actors'' parent chain' AS problem
FROM up WHERE id = start
UNION ALL
SELECT 'embassies', e.id, 'country: an embassy''s country must be an actor of kind ''state'''
FROM embassies AS e JOIN actors AS a ON a.id = e.country
WHERE a.kind <> 'state'
UNION ALL
SELECT DISTINCT 'latest_positions', position_of || ' ' || topic,
       'not a copy of the latest own statement of this actor on this topic (refill the table from latest_positions_from_statements)'
FROM (SELECT * FROM (SELECT * FROM latest_positions EXCEPT SELECT * FROM latest_positions_from_statements)
      UNION ALL
      SELECT * FROM (SELECT * FROM latest_positions_from_statements EXCEPT SELECT * FROM latest_positions))
UNION ALL
SELECT DISTINCT 'statement_counts', actor,
       'not the counts of this actor''s statements (refill the table from statement_counts_from_statements)'
FROM (SELECT * FROM (SELECT * FROM statement_counts EXCEPT SELECT * FROM statement_counts_from_statements)
      UNION ALL
      SELECT * FROM (SELECT * FROM statement_counts_from_statements EXCEPT SELECT * FROM statement_counts));

-- The schema version chancery checks on open; migrations raise it one step at a time.
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

PRAGMA user_version = 8;

COMMIT;
