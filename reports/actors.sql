-- report: actors
-- answers: Who is in the database, whose are they, and how often do they speak or get spoken for?
--
-- spoken: statements the actor spoke; attributed: statements whose position_of it is.
-- The counts come from statement_counts, which the schema's triggers keep, so
-- that the statements are not counted again at every reading.
SELECT a.id,
       a.name,
       a.kind,
       a.parent,
       COALESCE(c.spoken, 0) AS spoken,
       COALESCE(c.attributed, 0) AS attributed
FROM actors AS a
LEFT JOIN statement_counts AS c ON c.actor = a.id
ORDER BY a.id;
