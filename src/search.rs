//! Full-text search over statements: the FTS5 index that schema.sql keeps in
//! step with the table, ranked by bm25, with the matching words marked.

use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::output::{self, RowWriter, StatementError};

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
    let query = fts_query(search.query);
    let mut stmt = conn.prepare(SQL).map_err(failed)?;
    let params: [(&str, &dyn rusqlite::ToSql); 6] = [
        (":query", &query),
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
    // out when the statement first steps, before anything is printed.
    output::write_statement(&mut stmt, writer).map_err(|e| match e {
        StatementError::Sql(e) => Error::usage(format!(
            "search: \"{}\" is not a valid search ({}); a phrase goes in double quotes (\"closer ties\"), \
             and AND, OR, NOT, NEAR and parentheses are operators",
            search.query,
            crate::guard::sql_error(e).message(),
        )),
        StatementError::Output(e) => Error::output(e),
    })
}

/// The query as FTS5 reads it, with every word that FTS5 would take for
/// syntax but a person means as a name (`al-Mansouri`, `Taliban's`, `U.S.`)
/// turned into a phrase: the index splits it into the same words, in order.
/// Quoted phrases, operators (AND, OR, NOT, NEAR), prefixes (`recogni*`),
/// column filters (`speaker:khan`) and parentheses stay as they are.
pub fn fts_query(query: &str) -> String {
    let mut out = String::with_capacity(query.len() + 8);
    let mut rest = query;
    while !rest.is_empty() {
        let start = rest.find(|c: char| !c.is_whitespace()).unwrap_or(rest.len());
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        if rest.is_empty() {
            break;
        }
        // A quoted phrase runs to its closing mark (`""` inside it is a quotation mark).
        let end = if rest.starts_with('"') {
            let mut i = 1;
            loop {
                match rest[i..].find('"') {
                    Some(j) if rest[i + j + 1..].starts_with('"') => i += j + 2,
                    Some(j) => break i + j + 1,
                    None => break rest.len(),
                }
            }
        } else {
            rest.find(char::is_whitespace).unwrap_or(rest.len())
        };
        let (word, after) = rest.split_at(end);
        out.push_str(&phrase_if_needed(word));
        rest = after;
    }
    out
}

/// One word of a query, quoted when FTS5 would not read it as a bareword.
fn phrase_if_needed(word: &str) -> String {
    if word.starts_with('"') {
        return word.to_owned();
    }
    // Syntax around the word: `(`, `^` and `+` before, `*` and `)` after.
    let core_start = word.find(|c: char| !matches!(c, '(' | '^' | '+')).unwrap_or(word.len());
    let core_end = word.rfind(|c: char| !matches!(c, ')' | '*')).map_or(core_start, |i| i + 1).max(core_start);
    let core = &word[core_start..core_end];
    let bare = |c: char| c.is_alphanumeric() || c == '_' || !c.is_ascii();
    if core.is_empty() || core.chars().all(bare) || core.contains(':') || core.contains('"') {
        return word.to_owned();
    }
    format!("{}\"{core}\"{}", &word[..core_start], &word[core_end..])
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn names_with_hyphens_and_apostrophes_become_phrases() {
        assert_eq!(fts_query("al-Mansouri"), "\"al-Mansouri\"");
        assert_eq!(fts_query("Taliban's women"), "\"Taliban's\" women");
        assert_eq!(fts_query("(U.S. OR china) recogni*"), "(\"U.S.\" OR china) recogni*");
        assert_eq!(fts_query("al-Mans* "), "\"al-Mans\"* ");
        assert_eq!(fts_query("\"closer ties\" speaker:khan NOT x"), "\"closer ties\" speaker:khan NOT x");
        assert_eq!(fts_query("\"a \"\" b\" c-d"), "\"a \"\" b\" \"c-d\"");
    }
}
