-- Version 6 -> 7: the sources report counts each source's statements and
-- located quotes from an index alone.

-- sources: statements by source; kind and quote_start are in the index so that
-- counting a source's statements and located quotes never reads the table.
DROP INDEX statements_source;
CREATE INDEX statements_source ON statements (source, kind, quote_start);
