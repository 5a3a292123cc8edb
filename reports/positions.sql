-- report: positions
-- answers: Where does each state, government and organisation stand on each topic, by its own latest words?
-- param :as_of date default today: count only statements made on or before this date
-- param :topic text default all: only this topic
--
-- "Own words" are statements of kind quote or paraphrase that take a side (stance
-- is not NULL); third-party assessments never count here. The latest is the one
-- with the greatest said_on, then the greatest id. A date known only to the
-- month or the year counts as its first day and prints as written (2022-04).
WITH own AS (
    SELECT DISTINCT s.position_of, s.topic
    FROM statements AS s
    WHERE s.kind IN ('quote', 'paraphrase')
      AND s.stance IS NOT NULL
      AND s.said_on <= COALESCE(NULLIF(:as_of, ''), date('now'))
      AND (NULLIF(:topic, '') IS NULL OR s.topic = :topic)
)
SELECT a.id AS actor,
       a.name,
       own.topic,
       s.stance,
       sc.label,
       s.said_on_display AS said_on,
       s.speaker,
       s.quote,
       s.source
FROM own
JOIN actors AS a ON a.id = own.position_of
JOIN statements AS s ON s.id = (
    SELECT l.id
    FROM statements AS l
    WHERE l.position_of = own.position_of
      AND l.topic = own.topic
      AND l.kind IN ('quote', 'paraphrase')
      AND l.stance IS NOT NULL
      AND l.said_on <= COALESCE(NULLIF(:as_of, ''), date('now'))
    ORDER BY l.said_on DESC, l.id DESC
    LIMIT 1)
LEFT JOIN stance_scale AS sc ON sc.stance = s.stance
WHERE a.kind IN ('state', 'government', 'organization')
ORDER BY a.name, a.id, own.topic;
