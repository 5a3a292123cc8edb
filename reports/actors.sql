-- report: actors
-- answers: Who is in the database, whose are they, and how often do they speak or get spoken for?
--
-- spoken: statements the actor spoke; attributed: statements whose position_of it is.
SELECT a.id,
       a.name,
       a.kind,
       a.parent,
       (SELECT count(*) FROM statements AS s WHERE s.speaker = a.id) AS spoken,
       (SELECT count(*) FROM statements AS s WHERE s.position_of = a.id) AS attributed
FROM actors AS a
ORDER BY a.id;
