-- report: revisions
-- answers: What changed lately: every update and withdrawal of a row, newest first, with the row as it was?
-- param :since date default all: only revisions made on or after this date (UTC)
-- param :table text default all: only revisions of this table (sources, actors, statements or embassies)
SELECT r.id AS revision,
       r.at,
       r."table",
       r.row_id AS id,
       r.action,
       r.old
FROM revisions AS r
WHERE (:since IS NULL OR :since = '' OR r.at >= :since)
  AND (:table IS NULL OR :table = '' OR r."table" = :table)
ORDER BY r.at DESC, r.id DESC;
