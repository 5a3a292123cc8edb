-- report: positions
-- answers: Where does each state, government and organisation stand on each topic, by its own latest words?
-- param :as_of date default today: count only statements made on or before this date
-- param :topic text default all: only this topic
-- param :actor text default all: only this actor and the actors whose parent chain leads to it
--
-- "Own words" are statements of kind quote or paraphrase that take a side (stance
-- is not NULL); third-party assessments never count here. The latest is the one
-- with the greatest said_on, then the greatest id. A date known only to the
-- month or the year counts as its first day and prints as written (2022-04).
--
-- When the date is on or after the last statement (as by default), the answer
-- is latest_positions, which the schema's triggers keep: one row per pair with
-- a copy of what is printed, no searching (the first half of the UNION ALL).
-- For an earlier date (the second half), pair steps backwards through the index
-- statements_position from each actor's last topic to the one before (or takes
-- the topic asked for, without a lookup: an actor with no statement on it then
-- finds no latest one), and the latest statement of a pair on or before the
-- date sits at the end of that topic. "kind <> 'assessment'" is "quote or
-- paraphrase", in a form the index answers by itself.
WITH RECURSIVE settled (yes) AS (
    SELECT COALESCE(NULLIF(:as_of, ''), date('now')) >= (SELECT max(said_on) FROM statements)
),
-- The actor asked for, and every actor below it (actors_parent).
within (id) AS (
    SELECT NULLIF(:actor, '') WHERE NULLIF(:actor, '') IS NOT NULL
    UNION
    SELECT a.id FROM actors AS a JOIN within ON a.parent = within.id
),
pair (actor, topic) AS (
    SELECT a.id,
           COALESCE(NULLIF(:topic, ''),
                    (SELECT max(s.topic) FROM statements AS s WHERE s.position_of = a.id))
    FROM actors AS a
    WHERE a.kind IN ('state', 'government', 'organization')
      AND NOT (SELECT yes FROM settled)
      AND (NULLIF(:actor, '') IS NULL OR a.id IN (SELECT id FROM within))
    UNION ALL
    SELECT pair.actor,
           (SELECT max(s.topic) FROM statements AS s
            WHERE s.position_of = pair.actor AND s.topic < pair.topic)
    FROM pair
    WHERE pair.topic IS NOT NULL AND NULLIF(:topic, '') IS NULL
)
SELECT a.id AS actor,
       a.name,
       lp.topic,
       lp.stance,
       sc.label,
       lp.said_on_display AS said_on,
       lp.speaker,
       lp.quote,
       lp.source
-- CROSS JOIN keeps actors outside, walked in name order (the index actors_name),
-- so that only each actor's few rows are sorted, never the whole answer.
FROM actors AS a
CROSS JOIN latest_positions AS lp ON lp.position_of = a.id
LEFT JOIN stance_scale AS sc ON sc.stance = lp.stance
WHERE (SELECT yes FROM settled)
  AND a.kind IN ('state', 'government', 'organization')
  AND (NULLIF(:actor, '') IS NULL OR a.id IN (SELECT id FROM within))
  AND (NULLIF(:topic, '') IS NULL OR lp.topic = :topic)
UNION ALL
SELECT a.id, a.name, pair.topic, s.stance, sc.label, s.said_on_display, s.speaker, s.quote, s.source
FROM pair
CROSS JOIN statements AS s ON s.key = (
    SELECT l.key
    FROM statements AS l
    WHERE l.position_of = pair.actor
      AND l.topic = pair.topic
      AND l.kind <> 'assessment' AND l.stance IS NOT NULL
      AND l.said_on <= COALESCE(NULLIF(:as_of, ''), date('now'))
    ORDER BY l.said_on DESC, l.id DESC
    LIMIT 1)
CROSS JOIN actors AS a ON a.id = pair.actor
LEFT JOIN stance_scale AS sc ON sc.stance = s.stance
WHERE pair.topic IS NOT NULL
  AND (NULLIF(:topic, '') IS NULL OR pair.topic = :topic)
ORDER BY name, actor, topic;
