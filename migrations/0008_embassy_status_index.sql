-- Version 7 -> 8: outlook reads each state's latest embassy status in Kabul
-- from an index alone.

-- embassies, outlook: city and status are in the index so that finding a
-- mission's latest status in one city never reads the table.
DROP INDEX embassies_mission;
CREATE INDEX embassies_mission ON embassies (host, country, observed_on, id, city, status);
