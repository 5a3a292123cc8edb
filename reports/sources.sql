-- report: sources
-- answers: Which sources back the database, and is every quote found in its source's text?
--
-- quotes_found: quotes located in the source's text on import (quote_start set);
-- quotes_missing: quotes of a source with text that were not located (possible
-- only for rows written outside chancery import; `chancery verify` shows them);
-- quotes_without_text: quotes of a source that has no text.
SELECT so.id AS source,
       so.title,
       so.published_on,
       so.publisher,
       count(s.key) AS statements,
       count(CASE WHEN s.kind = 'quote' AND s.quote_start IS NOT NULL THEN 1 END) AS quotes_found,
       count(CASE WHEN s.kind = 'quote' AND s.quote_start IS NULL AND so.body IS NOT NULL THEN 1 END) AS quotes_missing,
       count(CASE WHEN s.kind = 'quote' AND so.body IS NULL THEN 1 END) AS quotes_without_text
FROM sources AS so
LEFT JOIN statements AS s ON s.source = so.id
GROUP BY so.id
ORDER BY so.published_on, so.id;
