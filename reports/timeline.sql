-- report: timeline
-- answers: Who said what, and when, in date order?
-- param :actor text default all: only statements this actor spoke or whose position they express
-- param :topic text default all: only this topic
-- param :since date default all: only statements made on or after this date
-- param :until date default all: only statements made on or before this date
SELECT s.id,
       s.said_on_display AS said_on,
       s.speaker,
       s.position_of,
       s.topic,
       s.stance,
       sc.label,
       s.kind,
       s.quote,
       s.source
FROM statements AS s
LEFT JOIN stance_scale AS sc ON sc.stance = s.stance
WHERE (NULLIF(:actor, '') IS NULL OR s.speaker = :actor OR s.position_of = :actor)
  AND (NULLIF(:topic, '') IS NULL OR s.topic = :topic)
  AND (NULLIF(:since, '') IS NULL OR s.said_on >= :since)
  AND (NULLIF(:until, '') IS NULL OR s.said_on <= :until)
ORDER BY s.said_on, s.id;
