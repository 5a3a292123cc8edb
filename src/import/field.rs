//! Checking one field against its column's rule: ids, dates and periods,
//! enumerations, and references to the sources and actors already known.

use chrono::NaiveDate;

use super::contract::{Check, Column};
use super::rows::Loader;
use crate::suggest::did_you_mean;

/// A problem with one field, before the file and line are known.
pub(super) struct FieldError {
    pub(super) column: &'static str,
    pub(super) problem: String,
}

pub(super) fn field_error(column: &'static str, problem: impl Into<String>) -> FieldError {
    FieldError { column, problem: problem.into() }
}

impl<'c> Loader<'c> {
    pub(super) fn check(&self, column: &Column, value: &str) -> std::result::Result<(), FieldError> {
        let name = column.name;
        match column.check {
            Check::Text | Check::Key => Ok(()),
            Check::SourceId if is_file_name(value) => Ok(()),
            Check::SourceId => Err(field_error(
                name,
                format!(
                    "\"{value}\" is not a source id (letters, digits, '.', '_' and '-', not starting with '.' or '-'; it names articles/<id>.txt)"
                ),
            )),
            Check::ActorId => {
                if is_iso3(value) || is_slug(value) {
                    Ok(())
                } else {
                    Err(field_error(
                        name,
                        format!(
                            "\"{value}\" is not an actor id (a state's ISO 3166-1 alpha-3 code such as CHN, or a lowercase slug such as imran-khan)"
                        ),
                    ))
                }
            }
            Check::Iso3 if is_iso3(value) => Ok(()),
            Check::Iso3 => Err(field_error(
                name,
                format!("\"{value}\" is not an ISO 3166-1 alpha-3 code (three capital letters, such as CHN)"),
            )),
            Check::Wikidata
                if value.len() > 1
                    && value.starts_with('Q')
                    && value[1..].bytes().all(|b| b.is_ascii_digit())
                    && !value[1..].starts_with('0') =>
            {
                Ok(())
            }
            Check::Wikidata => {
                Err(field_error(name, format!("\"{value}\" is not a Wikidata id (Q and digits, such as Q148)")))
            }
            Check::Slug if is_slug(value) => Ok(()),
            Check::Slug => Err(field_error(
                name,
                format!("\"{value}\" is not a lowercase slug (letters, digits and '-', such as recognition)"),
            )),
            Check::Date => parse_date(value).map(|_| ()).map_err(|problem| field_error(name, problem)),
            Check::Period => check_period(value).map_err(|problem| field_error(name, problem)),
            Check::Stance => match value {
                "-2" | "-1" | "0" | "1" | "2" => Ok(()),
                _ => Err(field_error(
                    name,
                    format!("\"{value}\" is not a stance (a whole number from -2 to 2, or empty)"),
                )),
            },
            Check::OneOf(allowed) if allowed.contains(&value) => Ok(()),
            Check::OneOf(allowed) => {
                Err(field_error(name, format!("\"{value}\" is not one of {}", allowed.join(", "))))
            }
            Check::Source if self.sources.contains(value) => Ok(()),
            Check::Source => Err(field_error(
                name,
                format!("no source \"{value}\"{}", did_you_mean(value, self.sources.iter().map(String::as_str))),
            )),
            Check::Parent => Ok(()),
            Check::Actor if self.actors.contains_key(value) => Ok(()),
            Check::Actor => Err(field_error(name, self.no_actor(value))),
            Check::State => match self.actors.get(value) {
                Some(actor) if actor.is_state => Ok(()),
                Some(_) => Err(field_error(name, format!("actor \"{value}\" is not of kind state"))),
                None => Err(field_error(name, self.no_actor(value))),
            },
        }
    }

    /// "no actor \"boris-jonson\" (did you mean \"boris-johnson\"?)"
    pub(super) fn no_actor(&self, value: &str) -> String {
        format!("no actor \"{value}\"{}", did_you_mean(value, self.actors.keys().map(String::as_str)))
    }

    /// The top of an actor's parent chain: the state or organisation it speaks for.
    pub(super) fn root<'a>(&'a self, actor: &'a str) -> std::result::Result<&'a str, FieldError> {
        let mut current = actor;
        for _ in 0..=self.actors.len() {
            match self.actors.get(current).and_then(|a| a.parent.as_deref()) {
                Some(parent) => current = parent,
                None => return Ok(current),
            }
        }
        Err(field_error(
            "speaker",
            format!("the parent chain of \"{actor}\" is a cycle; fix the parent column in actors.csv"),
        ))
    }
}

/// A source id that can name its article file: no path separators, no `..`.
pub fn is_file_name(s: &str) -> bool {
    s.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))
}

pub(super) fn is_iso3(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

pub(super) fn is_slug(s: &str) -> bool {
    s.bytes().next().is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A calendar date written exactly as YYYY-MM-DD.
pub fn parse_date(s: &str) -> std::result::Result<NaiveDate, String> {
    let shaped = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    // The digits are checked above, so each slice parses; from_ymd_opt refuses
    // days that are not in the calendar.
    let number = |range: std::ops::Range<usize>| s[range].parse::<u32>().ok();
    shaped
        .then(|| NaiveDate::from_ymd_opt(number(0..4)? as i32, number(5..7)?, number(8..10)?))
        .flatten()
        .ok_or_else(|| format!("\"{s}\" is not a date (expected YYYY-MM-DD)"))
}

/// A date as precise as its source: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. Returns
/// the first day of the period and the precision (`day`, `month` or `year`).
pub fn parse_period(s: &str) -> std::result::Result<(String, &'static str), String> {
    check_period(s)?;
    let (to_first_day, precision) = period_parts(s);
    Ok((format!("{s}{to_first_day}"), precision))
}

/// Whether `s` is a period as [`parse_period`] reads it, without building its first day.
pub(super) fn check_period(s: &str) -> std::result::Result<(), String> {
    // Bytes, not characters: a letter outside ASCII is two or more bytes, and
    // slicing through it would panic.
    let digits = |t: &[u8]| !t.is_empty() && t.iter().all(u8::is_ascii_digit);
    let b = s.as_bytes();
    let valid = match b.len() {
        4 => digits(b),
        7 => {
            digits(&b[..4]) && b[4] == b'-' && digits(&b[5..]) && (1..=12).contains(&((b[5] - b'0') * 10 + b[6] - b'0'))
        }
        _ => parse_date(s).is_ok(),
    };
    if valid { Ok(()) } else { Err(format!("\"{s}\" is not a date (expected YYYY-MM-DD)")) }
}

/// How a checked period is stored: what to append to make it its first day,
/// and its precision.
pub(super) fn period_parts(s: &str) -> (&'static str, &'static str) {
    match s.len() {
        4 => ("-01-01", "year"),
        7 => ("-01", "month"),
        _ => ("", "day"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_be_real_and_exact() {
        assert!(parse_date("2021-08-15").is_ok());
        assert!(parse_date("2020-02-29").is_ok());
        for bad in ["2021-02-30", "2021-13-01", "13/08/2021", " 2021-08-15", "2021-8-15", "2021-08-15 "] {
            assert_eq!(parse_date(bad), Err(format!("\"{bad}\" is not a date (expected YYYY-MM-DD)")));
        }
    }
}
