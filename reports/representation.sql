-- report: representation
-- answers: How has each state's mission in each host country changed, and how long did each status last?
-- param :actor text default all: only this sending state
-- param :as_of date default today: count only records observed on or before this date
--
-- Every embassy record in date order per sending state and host: its status and
-- level from `since` until the next record (`until`), and how many days that
-- lasted; the last one lasts up to :as_of and has no `until`.
--
-- Actor ids are ISO codes or lowercase slugs, which all sort between '' and
-- '~': written as a range, the :actor filter lets an index find one actor's
-- rows, and all rows when it is not given.
WITH record AS (
    SELECT e.*,
           lead(e.observed_on) OVER (PARTITION BY e.country, e.host ORDER BY e.observed_on, e.id) AS next_on,
           lead(e.observed_on_display) OVER (PARTITION BY e.country, e.host ORDER BY e.observed_on, e.id) AS next_shown
    FROM embassies AS e
    WHERE e.observed_on <= COALESCE(NULLIF(:as_of, ''), date('now'))
      AND e.country BETWEEN COALESCE(NULLIF(:actor, ''), '') AND COALESCE(NULLIF(:actor, ''), '~')
)
SELECT r.country,
       a.name,
       r.host,
       r.status,
       r.level,
       r.observed_on_display AS since,
       r.next_shown AS until,
       CAST(julianday(COALESCE(r.next_on, COALESCE(NULLIF(:as_of, ''), date('now')))) - julianday(r.observed_on) AS INTEGER) AS days,
       r.source
FROM record AS r
JOIN actors AS a ON a.id = r.country
ORDER BY a.name, r.country, r.host, r.observed_on, r.id;
