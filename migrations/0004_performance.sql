-- Migration 3 -> 4 (performance): the same rules, cheaper to check, an index
-- that answers the latest-position reports without reading the table, and
-- latest_positions, kept by triggers, for where everyone stands now.
--
-- A CHECK of the form `x IN ('a', 'b', 'c')` makes SQLite build a small lookup
-- table for every row it writes, which cost a third of the time of a large
-- import; `x = 'a' OR x = 'b' OR x = 'c'` states the same rule at no cost. SQLite
-- cannot alter a CHECK, and the rows on disk do not change, so the CREATE TABLE
-- text is rewritten in place, the way "Making Other Kinds Of Table Schema
-- Changes" in SQLite's ALTER TABLE documentation describes. chancery then bumps
-- the schema_version and checks that no IN list is left (src/db.rs).

DROP INDEX statements_position;
CREATE INDEX statements_position ON statements (position_of, topic, said_on, id, kind, stance);

-- positions: where each actor stands on each topic by its own latest words,
-- found once per write instead of once per reading. One row per (position_of,
-- topic) that has an own statement (quote or paraphrase, with a stance): the key
-- of the latest (greatest said_on, then greatest id). The triggers below keep it
-- exact under every write, from any client; `chancery check` compares it with
-- the statements.
CREATE TABLE latest_positions (
    position_of TEXT NOT NULL,
    topic       TEXT NOT NULL,
    key         INTEGER NOT NULL,  -- statements.key
    PRIMARY KEY (position_of, topic)
) STRICT, WITHOUT ROWID;

-- What latest_positions must hold, computed from all statements: how it is
-- filled in one pass, and what `chancery check` compares it with. said_on always
-- has ten characters, so said_on || id orders as said_on, then id; SQLite takes
-- the key from the row in which it finds the max() (one walk of the index
-- statements_position, no sort).
CREATE VIEW latest_positions_from_statements AS
SELECT position_of, topic, key
FROM (SELECT s.position_of, s.topic, s.key, max(s.said_on || s.id)
      FROM statements AS s
      WHERE s.kind <> 'assessment' AND s.stance IS NOT NULL
      GROUP BY s.position_of, s.topic);

CREATE TRIGGER latest_positions_insert AFTER INSERT ON statements
WHEN NEW.kind <> 'assessment' AND NEW.stance IS NOT NULL
BEGIN
    -- Unless the pair's latest is still there and later, it is looked up again:
    -- INSERT OR REPLACE may have removed it without running the delete trigger
    -- (SQLite runs it only with PRAGMA recursive_triggers = ON).
    INSERT INTO latest_positions (position_of, topic, key) VALUES (NEW.position_of, NEW.topic, NEW.key)
    ON CONFLICT (position_of, topic) DO UPDATE SET key = (
        SELECT s.key FROM statements AS s
        WHERE s.position_of = NEW.position_of AND s.topic = NEW.topic
          AND s.kind <> 'assessment' AND s.stance IS NOT NULL
        ORDER BY s.said_on DESC, s.id DESC LIMIT 1)
    WHERE NOT EXISTS (SELECT 1 FROM statements AS s
                      WHERE s.key = latest_positions.key AND (s.said_on, s.id) > (NEW.said_on, NEW.id));
END;

-- A changed or deleted statement may have been the latest of its pair, before
-- or after the change: both pairs are looked up again.
CREATE TRIGGER latest_positions_update AFTER UPDATE OF key, id, position_of, topic, stance, said_on, kind ON statements
WHEN OLD.key IS NOT NEW.key OR OLD.id IS NOT NEW.id OR OLD.position_of IS NOT NEW.position_of
  OR OLD.topic IS NOT NEW.topic OR OLD.stance IS NOT NEW.stance OR OLD.said_on IS NOT NEW.said_on
  OR OLD.kind IS NOT NEW.kind
BEGIN
    DELETE FROM latest_positions
    WHERE (position_of = OLD.position_of AND topic = OLD.topic) OR (position_of = NEW.position_of AND topic = NEW.topic);
    INSERT INTO latest_positions (position_of, topic, key)
    SELECT pair.position_of, pair.topic, latest.key
    FROM (SELECT OLD.position_of AS position_of, OLD.topic AS topic
          UNION SELECT NEW.position_of, NEW.topic) AS pair
    JOIN statements AS latest ON latest.key = (
        SELECT s.key FROM statements AS s
        WHERE s.position_of = pair.position_of AND s.topic = pair.topic
          AND s.kind <> 'assessment' AND s.stance IS NOT NULL
        ORDER BY s.said_on DESC, s.id DESC LIMIT 1);
END;

CREATE TRIGGER latest_positions_delete AFTER DELETE ON statements
WHEN OLD.kind <> 'assessment' AND OLD.stance IS NOT NULL
BEGIN
    DELETE FROM latest_positions WHERE position_of = OLD.position_of AND topic = OLD.topic;
    INSERT INTO latest_positions (position_of, topic, key)
    SELECT s.position_of, s.topic, s.key FROM statements AS s
    WHERE s.key = (
        SELECT l.key FROM statements AS l
        WHERE l.position_of = OLD.position_of AND l.topic = OLD.topic
          AND l.kind <> 'assessment' AND l.stance IS NOT NULL
        ORDER BY l.said_on DESC, l.id DESC LIMIT 1);
END;

INSERT INTO latest_positions (position_of, topic, key)
SELECT position_of, topic, key FROM latest_positions_from_statements;

-- check also compares latest_positions with the statements.
DROP VIEW IF EXISTS rule_violations;  -- the first release had none
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
       'key: not the latest own statement of this actor on this topic (refill the table from latest_positions_from_statements)'
FROM (SELECT * FROM (SELECT position_of, topic, key FROM latest_positions
                     EXCEPT SELECT position_of, topic, key FROM latest_positions_from_statements)
      UNION ALL
      SELECT * FROM (SELECT position_of, topic, key FROM latest_positions_from_statements
                     EXCEPT SELECT position_of, topic, key FROM latest_positions));

PRAGMA writable_schema = ON;

UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (kind IN
                 (''state'', ''government'', ''organization'', ''office'', ''person'', ''group'', ''media''))',
    'CHECK (
                 kind = ''state'' OR kind = ''government'' OR kind = ''organization'' OR kind = ''office''
                 OR kind = ''person'' OR kind = ''group'' OR kind = ''media'')')
WHERE type = 'table' AND name = 'actors';

UPDATE sqlite_schema SET sql = replace(replace(sql,
    'CHECK (kind IN (''quote'', ''paraphrase'', ''assessment''))',
    'CHECK (kind = ''quote'' OR kind = ''paraphrase'' OR kind = ''assessment'')'),
    'said_on_precision IN (''day'', ''month'', ''year'')',
    '(said_on_precision = ''day'' OR said_on_precision = ''month'' OR said_on_precision = ''year'')')
WHERE type = 'table' AND name = 'statements';

UPDATE sqlite_schema SET sql = replace(replace(replace(sql,
    'CHECK (status IN
                    (''open'', ''limited'', ''suspended'', ''relocated'', ''closed''))',
    'CHECK (
                    status = ''open'' OR status = ''limited'' OR status = ''suspended''
                    OR status = ''relocated'' OR status = ''closed'')'),
    'CHECK (level IN (''ambassador'', ''charge'', ''technical'', ''none''))',
    'CHECK (level = ''ambassador'' OR level = ''charge'' OR level = ''technical'' OR level = ''none'')'),
    'observed_on_precision IN (''day'', ''month'', ''year'')',
    '(observed_on_precision = ''day'' OR observed_on_precision = ''month'' OR observed_on_precision = ''year'')')
WHERE type = 'table' AND name = 'embassies';
