//! Saying what was meant: a value that names nothing (an id in an import, a
//! filter on the command line) is answered with the closest values that do
//! exist, by edit distance (`strsim`), so that a typo is an error with its
//! fix, not an empty table.

use rusqlite::Connection;

use crate::error::{Error, Result};

/// What a filter value must name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    Actor,
    Topic,
    Source,
}

impl Filter {
    /// The filter that a report parameter of this name is, if any.
    pub fn of_param(name: &str) -> Option<Filter> {
        match name {
            "actor" => Some(Filter::Actor),
            "topic" => Some(Filter::Topic),
            "source" => Some(Filter::Source),
            _ => None,
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Filter::Actor => "actor",
            Filter::Topic => "topic",
            Filter::Source => "source",
        }
    }

    /// The query for whether a value exists, and the one for every value.
    fn sql(self) -> (&'static str, &'static str) {
        match self {
            Filter::Actor => ("SELECT EXISTS (SELECT 1 FROM actors WHERE id = ?1)", "SELECT id FROM actors"),
            Filter::Topic => {
                ("SELECT EXISTS (SELECT 1 FROM statements WHERE topic = ?1)", "SELECT DISTINCT topic FROM statements")
            }
            Filter::Source => ("SELECT EXISTS (SELECT 1 FROM sources WHERE id = ?1)", "SELECT id FROM sources"),
        }
    }
}

/// The values closest to `value`: the same but for case first, then those
/// within a few edits (a third of the length, at least one), nearest first,
/// at most three.
pub fn closest<'a>(value: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let lower = value.to_lowercase();
    let mut near: Vec<(usize, &str)> = candidates
        .into_iter()
        .filter(|c| *c != value)
        .filter_map(|c| {
            let distance =
                if c.to_lowercase() == lower { 0 } else { strsim::damerau_levenshtein(&lower, &c.to_lowercase()) };
            (distance <= (value.chars().count() / 3).max(1)).then_some((distance, c))
        })
        .collect();
    near.sort();
    near.dedup();
    near.into_iter().take(3).map(|(_, c)| c).collect()
}

/// ` (did you mean "X"?)`, or nothing when nothing is close.
pub fn did_you_mean<'a>(value: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    let near = closest(value, candidates);
    if near.is_empty() {
        return String::new();
    }
    let quoted: Vec<String> = near.iter().map(|c| format!("\"{c}\"")).collect();
    format!(" (did you mean {}?)", quoted.join(" or "))
}

/// A filter value must name something that exists; one that exists but has
/// no rows in the chosen dates is fine. Checked before anything is printed.
pub fn check(conn: &Connection, filter: Filter, value: &str) -> Result<()> {
    let failed = |e| Error::failure(format!("checking the {}", filter.noun())).because(e);
    let (exists, all) = filter.sql();
    if conn.query_row(exists, [value], |r| r.get::<_, bool>(0)).map_err(failed)? {
        return Ok(());
    }
    let mut stmt = conn.prepare(all).map_err(failed)?;
    let values: Vec<String> = stmt.query_map([], |r| r.get(0)).and_then(|rows| rows.collect()).map_err(failed)?;
    Err(Error::usage(format!(
        "no {} \"{value}\"{}",
        filter.noun(),
        did_you_mean(value, values.iter().map(String::as_str))
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_and_case_find_their_value() {
        let ids = ["boris-johnson", "QAT", "imran-khan", "recognition", "engagement"];
        assert_eq!(closest("boris-jonson", ids), ["boris-johnson"]);
        assert_eq!(closest("qat", ids), ["QAT"]);
        assert_eq!(closest("recogniton", ids), ["recognition"]);
        assert_eq!(closest("zzz", ids), Vec::<&str>::new());
        assert_eq!(did_you_mean("qat", ids), " (did you mean \"QAT\"?)");
        assert_eq!(did_you_mean("nothing-like-it", ids), "");
    }
}
