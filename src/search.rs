//! Full-text search over statements: the FTS5 index that schema.sql keeps in
//! step with the table, ranked by bm25, with the matching words marked.

use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::output::{self, RowWriter};

const SQL: &str = "\
SELECT s.id,
       s.said_on_display AS said_on,
       s.speaker,
       snippet(statements_fts, -1, '**', '**', '…', 16) AS snippet,
       s.source
FROM statements_fts
JOIN statements AS s ON s.key = statements_fts.rowid
WHERE statements_fts MATCH :query
  AND (:topic IS NULL OR s.topic = :topic)
  AND (:actor IS NULL OR s.speaker = :actor OR s.position_of = :actor)
  AND (:since IS NULL OR s.said_on >= :since)
  AND (:until IS NULL OR s.said_on <= :until)
ORDER BY bm25(statements_fts), s.said_on, s.id
LIMIT :limit";

pub struct Search<'a> {
    pub query: &'a str,
    pub limit: u32,
    pub topic: Option<&'a str>,
    pub actor: Option<&'a str>,
    pub since: Option<String>,
    pub until: Option<String>,
}

pub fn run(conn: &Connection, search: &Search<'_>, writer: &mut dyn RowWriter) -> Result<()> {
    let failed = |e| Error::failure("search").because(e);
    let mut stmt = conn.prepare(SQL).map_err(failed)?;
    let params: [(&str, &dyn rusqlite::ToSql); 6] = [
        (":query", &search.query),
        (":limit", &search.limit),
        (":topic", &search.topic),
        (":actor", &search.actor),
        (":since", &search.since),
        (":until", &search.until),
    ];
    for (name, value) in params {
        let i = stmt.parameter_index(name).map_err(failed)?.expect("the search SQL uses every parameter");
        stmt.raw_bind_parameter(i, value).map_err(failed)?;
    }
    // The query is the only thing here that can be wrong, and SQLite only finds
    // out when the statement first steps (an FTS5 syntax error, an unknown column).
    output::write_statement(&mut stmt, writer).map_err(|e| {
        let message = e.to_string();
        match message.strip_prefix("query failed: ") {
            Some(why) => Error::usage(format!("search: \"{}\" is not a valid search ({why})", search.query)),
            None => e,
        }
    })
}
