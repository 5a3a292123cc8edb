-- report: outlook
-- answers: Which states are moving towards recognising the Taliban, by their own words, others' claims and their embassies?
-- param :as_of date default today: count only statements and embassy records on or before this date
-- param :actor text default all: only this state, or the states whose parent chain leads to this actor
--
-- One row per state that is the position_of of some statement or has an embassy
-- record in Kabul. recognition and engagement are the state's latest own stances
-- (quote or paraphrase); assessed is the latest third-party assessment of its
-- recognition stance; embassy is its latest status in Kabul; gap is assessed
-- minus recognition. The reading:
--   recognizes  own recognition stance is 2;
--   opposed     own recognition stance is -2, or the embassy is suspended,
--               relocated or closed and no own engagement stance of 1 or more;
--   engaging    own engagement stance of 1 or more, or the embassy is open or limited;
--   unclear     anything else.
-- When the date is on or after the last statement (as by default), the own
-- stances are read from latest_positions, which the schema's triggers keep;
-- for an earlier date they are found in the index statements_position, where
-- "kind <> 'assessment'" is "quote or paraphrase" in a form the index answers
-- without reading the table. Assessments have an index of their own,
-- statements_assessed. latest is MATERIALIZED so that each lookup runs once per
-- state, not again for the WHERE.
WITH RECURSIVE settled (yes) AS (
    SELECT COALESCE(NULLIF(:as_of, ''), date('now')) >= (SELECT max(said_on) FROM statements)
),
-- The actor asked for, and every actor below it (actors_parent).
within (id) AS (
    SELECT NULLIF(:actor, '') WHERE NULLIF(:actor, '') IS NOT NULL
    UNION
    SELECT a.id FROM actors AS a JOIN within ON a.parent = within.id
),
latest AS MATERIALIZED (
    SELECT state.id AS country,
           state.name,
           CASE WHEN (SELECT yes FROM settled)
               THEN (SELECT lp.stance FROM latest_positions AS lp
                     WHERE lp.position_of = state.id AND lp.topic = 'recognition')
               ELSE (SELECT s.stance FROM statements AS s
                     WHERE s.position_of = state.id AND s.topic = 'recognition'
                       AND s.kind <> 'assessment' AND s.stance IS NOT NULL
                       AND s.said_on <= COALESCE(NULLIF(:as_of, ''), date('now'))
                     ORDER BY s.said_on DESC, s.id DESC LIMIT 1)
           END AS recognition,
           CASE WHEN (SELECT yes FROM settled)
               THEN (SELECT lp.stance FROM latest_positions AS lp
                     WHERE lp.position_of = state.id AND lp.topic = 'engagement')
               ELSE (SELECT s.stance FROM statements AS s
                     WHERE s.position_of = state.id AND s.topic = 'engagement'
                       AND s.kind <> 'assessment' AND s.stance IS NOT NULL
                       AND s.said_on <= COALESCE(NULLIF(:as_of, ''), date('now'))
                     ORDER BY s.said_on DESC, s.id DESC LIMIT 1)
           END AS engagement,
           (SELECT s.stance FROM statements AS s
            WHERE s.position_of = state.id AND s.topic = 'recognition'
              AND s.kind = 'assessment' AND s.stance IS NOT NULL
              AND s.said_on <= COALESCE(NULLIF(:as_of, ''), date('now'))
            ORDER BY s.said_on DESC, s.id DESC LIMIT 1) AS assessed,
           (SELECT e.status FROM embassies AS e
            WHERE e.host = 'AFG' AND e.country = state.id AND e.city = 'Kabul'
              AND e.observed_on <= COALESCE(NULLIF(:as_of, ''), date('now'))
            ORDER BY e.observed_on DESC, e.id DESC LIMIT 1) AS embassy
    FROM actors AS state
    WHERE state.kind = 'state'
      AND (NULLIF(:actor, '') IS NULL OR state.id IN (SELECT id FROM within))
)
SELECT country,
       name,
       recognition,
       engagement,
       assessed,
       embassy,
       assessed - recognition AS gap,
       CASE
           WHEN recognition = 2 THEN 'recognizes'
           WHEN recognition = -2
             OR (embassy IN ('suspended', 'relocated', 'closed') AND COALESCE(engagement, 0) < 1)
               THEN 'opposed'
           WHEN engagement >= 1 OR embassy IN ('open', 'limited') THEN 'engaging'
           ELSE 'unclear'
       END AS reading
FROM latest
-- A state with a latest stance or embassy record has a row; so does one whose
-- statements are all on other topics.
WHERE COALESCE(recognition, engagement, assessed, embassy) IS NOT NULL
   OR EXISTS (SELECT 1 FROM statements AS s
              WHERE s.position_of = latest.country
                AND s.said_on <= COALESCE(NULLIF(:as_of, ''), date('now')))
ORDER BY name, country;
