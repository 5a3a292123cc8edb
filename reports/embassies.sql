-- report: embassies
-- answers: Which states keep a mission in the host country, and in what state is each?
-- param :host text default AFG: the receiving state (an actor id)
-- param :as_of date default today: count only records observed on or before this date
--
-- One row per sending state: its latest embassy record (greatest observed_on,
-- then greatest id) in the host country as of the date.
WITH mission AS (
    SELECT DISTINCT e.country
    FROM embassies AS e
    WHERE e.host = COALESCE(NULLIF(:host, ''), 'AFG')
      AND e.observed_on <= COALESCE(NULLIF(:as_of, ''), date('now'))
)
SELECT e.country,
       a.name,
       e.status,
       e.level,
       e.observed_on_display AS since,
       e.source
FROM mission
JOIN actors AS a ON a.id = mission.country
JOIN embassies AS e ON e.id = (
    SELECT l.id
    FROM embassies AS l
    WHERE l.host = COALESCE(NULLIF(:host, ''), 'AFG')
      AND l.country = mission.country
      AND l.observed_on <= COALESCE(NULLIF(:as_of, ''), date('now'))
    ORDER BY l.observed_on DESC, l.id DESC
    LIMIT 1)
ORDER BY a.name, e.country;
