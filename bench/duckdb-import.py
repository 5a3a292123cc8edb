"""DuckDB's side of bench/run: the generated CSV files (in the current
directory) into tables of a new DuckDB database with read_csv, as a user who
picked DuckDB instead of chancery would load them. Types and the header are
detected; nothing is checked."""

import sys

import duckdb

con = duckdb.connect(sys.argv[1])
for table in ["sources", "actors", "statements", "embassies"]:
    con.execute(f"CREATE TABLE {table} AS SELECT * FROM read_csv('{table}.csv', header = true)")
count = con.execute("SELECT count(*) FROM statements").fetchone()[0]
print(count)
con.close()
