-- The sqlite3 shell's bare .import, the fastest load a user could pick instead
-- of chancery: the generated CSV files (in the current directory) into text
-- tables that check nothing, with an index on each statement's id, speaker and
-- date, in one transaction with the journal off. No foreign keys, no CHECKs,
-- no search index, no derived tables.
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
BEGIN;
.import --csv sources.csv sources
.import --csv actors.csv actors
.import --csv statements.csv statements
.import --csv embassies.csv embassies
CREATE UNIQUE INDEX statements_id ON statements (id);
CREATE INDEX statements_speaker ON statements (speaker, said_on);
CREATE INDEX statements_said_on ON statements (said_on);
COMMIT;
