-- Migration 4 -> 5 (report tables): what three reports read, kept ready by
-- triggers instead of searched for at every reading.
--
-- At a million statements the reports' time went to touching pages: positions
-- fetched 4,500 statement rows from all over the file after finding them in
-- latest_positions, outlook probed the large index statements_position three
-- times per state, and actors counted two million index entries. Now
-- latest_positions holds a copy of what positions prints, statement_counts holds
-- the counts actors prints, and assessments have a small index of their own.

DROP VIEW rule_violations;
DROP TRIGGER latest_positions_insert;
DROP TRIGGER latest_positions_update;
DROP TRIGGER latest_positions_delete;
DROP VIEW latest_positions_from_statements;
DROP TABLE latest_positions;

-- positions, outlook: actors in the order the reports print them; with kind,
-- the index alone answers which actors take positions.
CREATE INDEX actors_name ON actors (name, id, kind);

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

INSERT INTO latest_positions (position_of, topic, key, id, said_on, said_on_display, stance, speaker, quote, source)
SELECT position_of, topic, key, id, said_on, said_on_display, stance, speaker, quote, source
FROM latest_positions_from_statements;

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

INSERT INTO statement_counts (actor, spoken, attributed)
SELECT actor, spoken, attributed FROM statement_counts_from_statements;

-- check also compares latest_positions and statement_counts with the statements.
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
