-- report: changes
-- answers: When did each actor's own stance on each topic change, from what to what, and on whose words?
-- param :actor text default all: only this actor (position_of)
-- param :topic text default all: only this topic
-- param :since date default all: only changes on or after this date
-- param :until date default all: only changes on or before this date
--
-- Own statements (quote or paraphrase, with a stance) in date order, then id; a
-- change is a statement whose stance differs from the one before it, and the
-- first statement of an actor on a topic (from nothing). days: since the
-- previous change, that is, how long the previous position stood.
--
-- Actor ids are ISO codes or lowercase slugs, which all sort between '' and
-- '~': written as a range, the :actor filter lets an index find one actor's
-- rows, and all rows when it is not given. "kind <> 'assessment'" is "quote or
-- paraphrase", in a form the index statements_position answers by itself:
-- own and change read only that index (a row's key comes with it), and the
-- table is read for the changes alone, once the windows are done (at a million
-- statements, 463,000 changes of 900,000 own statements: 2.8 s, not 4.9).
WITH own AS (
    SELECT s.key, s.id, s.position_of, s.topic, s.stance, s.said_on,
           lag(s.stance) OVER w AS before
    FROM statements AS s
    WHERE s.kind <> 'assessment' AND s.stance IS NOT NULL
      AND s.position_of BETWEEN COALESCE(NULLIF(:actor, ''), '') AND COALESCE(NULLIF(:actor, ''), '~')
      AND (NULLIF(:topic, '') IS NULL OR s.topic = :topic)
    WINDOW w AS (PARTITION BY s.position_of, s.topic ORDER BY s.said_on, s.id)
),
change AS (
    SELECT own.*,
           lag(own.said_on) OVER (PARTITION BY own.position_of, own.topic ORDER BY own.said_on, own.id) AS previous_on
    FROM own
    WHERE own.before IS NULL OR own.before <> own.stance
)
SELECT change.position_of AS actor,
       a.name,
       change.topic,
       change.before AS from_stance,
       b.label AS from_label,
       change.stance AS to_stance,
       t.label AS to_label,
       s.said_on_display AS said_on,
       change.id AS statement,
       s.quote,
       CAST(julianday(change.said_on) - julianday(change.previous_on) AS INTEGER) AS days
FROM change
JOIN actors AS a ON a.id = change.position_of
JOIN statements AS s ON s.key = change.key
LEFT JOIN stance_scale AS b ON b.stance = change.before
LEFT JOIN stance_scale AS t ON t.stance = change.stance
WHERE (NULLIF(:since, '') IS NULL OR change.said_on >= :since)
  AND (NULLIF(:until, '') IS NULL OR change.said_on <= :until)
ORDER BY a.name, change.position_of, change.topic, change.said_on, change.id;
