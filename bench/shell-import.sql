-- The sqlite3 shell's side of bench/run: the generated CSV files (in the
-- current directory) into a database made from schema.sql, with the checks the
-- schema states (foreign keys on). The shell cannot import into these tables
-- directly: an empty field must become NULL (an empty stance is not an
-- INTEGER), and position_of must be resolved, so it imports into staging
-- tables and copies with INSERT ... SELECT, in one transaction.
PRAGMA foreign_keys = ON;
.import --csv sources.csv sources_csv
.import --csv actors.csv actors_csv
.import --csv statements.csv statements_csv
.import --csv embassies.csv embassies_csv
BEGIN;
INSERT INTO sources (id, title, publisher, url, published_on)
SELECT id, title, NULLIF(publisher, ''), NULLIF(url, ''), NULLIF(published_on, '') FROM sources_csv;
INSERT INTO actors (id, name, kind, iso3, parent, role, aliases, wikidata)
SELECT id, name, kind, NULLIF(iso3, ''), NULLIF(parent, ''), NULLIF(role, ''), NULLIF(aliases, ''), NULLIF(wikidata, '')
FROM actors_csv ORDER BY parent IS NOT NULL;
INSERT INTO statements (id, source, speaker, position_of, target, topic, stance, said_on, kind, quote, summary)
SELECT id, source, speaker,
       COALESCE(NULLIF(position_of, ''), (SELECT COALESCE(parent, id) FROM actors WHERE actors.id = speaker)),
       NULLIF(target, ''), topic, CAST(NULLIF(stance, '') AS INTEGER), said_on, kind, quote, NULLIF(summary, '')
FROM statements_csv;
INSERT INTO embassies (id, country, host, city, status, level, observed_on, source, note)
SELECT id, country, host, city, status, NULLIF(level, ''), observed_on, source, NULLIF(note, '') FROM embassies_csv;
COMMIT;
