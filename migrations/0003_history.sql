-- Migration 2 -> 3 (history): dates known only to the month or the year.
-- Existing dates are days. The columns are appended, as in schema.sql.

ALTER TABLE statements ADD COLUMN said_on_precision TEXT NOT NULL DEFAULT 'day' CONSTRAINT said_on_precision CHECK (
        said_on_precision IN ('day', 'month', 'year')
        AND (said_on_precision = 'day' OR strftime('%d', said_on) = '01')
        AND (said_on_precision <> 'year' OR strftime('%m', said_on) = '01'));
ALTER TABLE statements ADD COLUMN said_on_display TEXT GENERATED ALWAYS AS (
        CASE said_on_precision WHEN 'year' THEN substr(said_on, 1, 4) WHEN 'month' THEN substr(said_on, 1, 7) ELSE said_on END
    ) VIRTUAL;

ALTER TABLE embassies ADD COLUMN observed_on_precision TEXT NOT NULL DEFAULT 'day' CONSTRAINT observed_on_precision CHECK (
        observed_on_precision IN ('day', 'month', 'year')
        AND (observed_on_precision = 'day' OR strftime('%d', observed_on) = '01')
        AND (observed_on_precision <> 'year' OR strftime('%m', observed_on) = '01'));
ALTER TABLE embassies ADD COLUMN observed_on_display TEXT GENERATED ALWAYS AS (
        CASE observed_on_precision WHEN 'year' THEN substr(observed_on, 1, 4) WHEN 'month' THEN substr(observed_on, 1, 7) ELSE observed_on END
    ) VIRTUAL;
