-- report: disputes
-- answers: Where do others' claims about a state's position disagree with what it says itself?
-- param :actor text default all: only assessments of this actor
-- param :topic text default all: only this topic
--
-- Every third-party assessment (with a stance) whose stance differs from the
-- assessed actor's own latest stance on that topic at the assessment's date, or
-- where the actor has said nothing on it yet. difference: assessed minus own.
--
-- Actor ids are ISO codes or lowercase slugs, which all sort between '' and
-- '~': written as a range, the :actor filter lets an index find one actor's
-- rows, and all rows when it is not given. "kind <> 'assessment'" is "quote or
-- paraphrase", in a form the index statements_position answers by itself.
WITH assessment AS (
    SELECT s.*,
           (SELECT o.id FROM statements AS o
            WHERE o.position_of = s.position_of AND o.topic = s.topic
              AND o.kind <> 'assessment' AND o.stance IS NOT NULL
              AND o.said_on <= s.said_on
            ORDER BY o.said_on DESC, o.id DESC LIMIT 1) AS own_id
    FROM statements AS s
    WHERE s.kind = 'assessment' AND s.stance IS NOT NULL
      AND s.position_of BETWEEN COALESCE(NULLIF(:actor, ''), '') AND COALESCE(NULLIF(:actor, ''), '~')
      AND (NULLIF(:topic, '') IS NULL OR s.topic = :topic)
)
SELECT x.position_of AS actor,
       a.name,
       x.topic,
       x.stance AS assessed_stance,
       x.speaker AS assessed_by,
       x.id AS assessment,
       x.source,
       x.said_on_display AS assessed_on,
       own.stance AS own_stance,
       own.id AS own_statement,
       own.quote AS own_quote,
       own.said_on_display AS own_said_on,
       x.stance - own.stance AS difference
FROM assessment AS x
JOIN actors AS a ON a.id = x.position_of
LEFT JOIN statements AS own ON own.id = x.own_id
WHERE own.stance IS NULL OR own.stance <> x.stance
ORDER BY x.said_on, x.id;
