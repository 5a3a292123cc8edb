//! Where a quote stands in its source. Matching forgives only what typography
//! changes: curly against straight quotation marks and apostrophes, runs of white
//! space, and punctuation at the very end of the quote that the article puts
//! inside its closing quotation mark (“...,” he added). Offsets are in characters
//! of the source's body, from 0, end exclusive.

use std::collections::HashMap;

use rusqlite::Connection;

use crate::error::{Error, Result};

/// A body prepared for matching: its normalised characters, each with the
/// original character it came from.
pub struct Text {
    original: Vec<char>,
    normalized: String,
    /// For each byte of `normalized` that starts a character: that character's
    /// index in `original`. Other bytes hold `u32::MAX`.
    origin_of_byte: Vec<u32>,
}

/// One character as matching sees it: curly quotation marks and apostrophes as
/// straight ones, any white space as a space.
pub fn normalize_char(c: char) -> char {
    match c {
        '’' | '‘' | '‚' | '′' => '\'',
        '“' | '”' | '„' | '″' => '"',
        c if c.is_whitespace() => ' ',
        c => c,
    }
}

impl Text {
    pub fn new(body: &str) -> Text {
        let original: Vec<char> = body.chars().collect();
        let mut normalized = String::with_capacity(body.len());
        let mut origin_of_byte = Vec::with_capacity(body.len());
        // Whether only spaces have come since the last line break.
        let mut line_start = false;
        for (i, &c) in original.iter().enumerate() {
            let n = normalize_char(c);
            // A run of white space becomes one space.
            if n == ' ' && normalized.ends_with(' ') {
                continue;
            }
            // A mark that opens a line continues a quotation across paragraphs
            // (journalistic style), so a quote that runs over them matches
            // without it: “We can wait. We should ...” in “We can wait.¶“We should ...
            let opens_line = line_start;
            line_start = c == '\n' || (line_start && matches!(c, ' ' | '\t'));
            if opens_line && n == '"' {
                continue;
            }
            origin_of_byte.push(i as u32);
            origin_of_byte.extend(std::iter::repeat_n(u32::MAX, n.len_utf8() - 1));
            normalized.push(n);
        }
        Text { original, normalized, origin_of_byte }
    }

    /// The quote as it is matched: normalised, trimmed, without its final punctuation.
    fn needle(quote: &str) -> String {
        let mut needle = String::with_capacity(quote.len());
        for c in quote.trim().chars().map(normalize_char) {
            if !(c == ' ' && needle.ends_with(' ')) {
                needle.push(c);
            }
        }
        needle.trim_end_matches(['.', ',', ';', ':', '!', '?']).trim_end().to_owned()
    }

    /// Character offsets of the original text that `normalized[from..to]` came from.
    fn span(&self, from: usize, to: usize) -> (usize, usize) {
        let start = self.origin_of_byte[from] as usize;
        let last = self.normalized[..to].char_indices().next_back().map_or(from, |(b, _)| b);
        (start, self.origin_of_byte[last] as usize + 1)
    }

    /// Where the quote first stands in the text as whole words, if it does: a
    /// quote that begins or ends with a letter or digit must not begin or end
    /// inside a word of the text ("on" is not in "Nations").
    pub fn locate(&self, quote: &str) -> Option<(usize, usize)> {
        let needle = Text::needle(quote);
        let first = needle.chars().next()?;
        let last = needle.chars().next_back()?;
        let mut at = 0;
        while let Some(i) = self.normalized[at..].find(&needle) {
            let (from, to) = (at + i, at + i + needle.len());
            let open_before = !is_word(first) || !self.normalized[..from].chars().next_back().is_some_and(is_word);
            let open_after = !is_word(last) || !self.normalized[to..].chars().next().is_some_and(is_word);
            if open_before && open_after {
                return Some(self.span(from, to));
            }
            at = from + first.len_utf8();
        }
        None
    }

    pub fn slice(&self, (start, end): (usize, usize)) -> String {
        self.original[start..end].iter().collect()
    }

    /// The passage of the text closest to the quote (fewest single-character
    /// edits; Sellers' approximate matching), for an error message.
    pub fn closest(&self, quote: &str) -> String {
        let needle: Vec<char> = Text::needle(quote).chars().collect();
        let hay: Vec<(usize, char)> = self.normalized.char_indices().collect();
        if needle.is_empty() || hay.is_empty() {
            return String::new();
        }
        // column[i] = (edits to match needle[..i] ending here, where that match starts)
        let mut column: Vec<(usize, usize)> = (0..=needle.len()).map(|i| (i, 0)).collect();
        let mut best = (usize::MAX, 0, 0);
        for (j, &(_, c)) in hay.iter().enumerate() {
            let mut diagonal = (0, j); // a match may start anywhere
            column[0] = (0, j + 1);
            for i in 1..=needle.len() {
                let substitute = (diagonal.0 + usize::from(needle[i - 1] != c), diagonal.1);
                let delete = (column[i].0 + 1, column[i].1);
                let insert = (column[i - 1].0 + 1, column[i - 1].1);
                diagonal = column[i];
                column[i] = substitute.min(delete).min(insert);
            }
            // On a tie with the same start, the longer passage reads better ("world", not "wor").
            let (cost, start) = column[needle.len()];
            if cost < best.0 || (cost == best.0 && start == best.1) {
                best = (cost, start, j + 1);
            }
        }
        let (_, mut start, mut end) = best;
        // Whole words: a passage cut inside a word shows the word it is part of.
        while start > 0 && start < hay.len() && is_word(hay[start].1) && is_word(hay[start - 1].1) {
            start -= 1;
        }
        while end > 0 && end < hay.len() && is_word(hay[end - 1].1) && is_word(hay[end].1) {
            end += 1;
        }
        let to_byte = |k: usize| hay.get(k).map_or(self.normalized.len(), |&(b, _)| b);
        if start >= end {
            return String::new();
        }
        self.slice(self.span(to_byte(start), to_byte(end))).trim().to_owned()
    }

    /// The sentence (or sentences) around a located span, for showing it in context.
    pub fn sentence_around(&self, (start, end): (usize, usize)) -> String {
        let ends_sentence = |i: usize| matches!(self.original[i], '.' | '!' | '?' | '\n');
        let mut from = start;
        while from > 0 && !ends_sentence(from - 1) {
            from -= 1;
        }
        let mut to = end;
        while to < self.original.len() && !ends_sentence(to) {
            to += 1;
        }
        // Keep the full stop and any closing quotation mark after it.
        while to < self.original.len() && matches!(self.original[to], '.' | '!' | '?' | '”' | '"' | '’') {
            to += 1;
        }
        self.slice((from, to)).trim().to_owned()
    }
}

/// A character that words are made of, for quote boundaries.
fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// Bodies of sources, prepared once each, as a run meets them.
#[derive(Default)]
pub struct Bodies {
    texts: HashMap<String, Option<Text>>,
}

impl Bodies {
    pub fn get(&mut self, conn: &Connection, source: &str) -> Result<Option<&Text>> {
        if !self.texts.contains_key(source) {
            let body: Option<String> = conn
                .query_row("SELECT body FROM sources WHERE id = ?1", [source], |r| r.get(0))
                .map_err(|e| Error::failure(format!("reading the text of source {source}")).because(e))?;
            self.texts.insert(source.to_owned(), body.as_deref().map(Text::new));
        }
        Ok(self.texts[source].as_ref())
    }
}

/// Locate every quote in its source and store the offsets; quotes that are not
/// found keep NULL (`chancery verify` lists them). For a database whose quotes
/// were never located: one migrated from before provenance.
pub fn locate_all(conn: &Connection) -> Result<()> {
    let failed = |e| Error::failure("locating quotes").because(e);
    let mut stmt = conn.prepare("SELECT key, source, quote FROM statements WHERE kind = 'quote'").map_err(failed)?;
    let rows: Vec<(i64, String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .map_err(failed)?
        .collect::<rusqlite::Result<_>>()
        .map_err(failed)?;
    let mut bodies = Bodies::default();
    let mut update =
        conn.prepare("UPDATE statements SET quote_start = ?2, quote_end = ?3 WHERE key = ?1").map_err(failed)?;
    for (key, source, quote) in rows {
        let span = bodies.get(conn, &source)?.and_then(|text| text.locate(&quote));
        update.execute((key, span.map(|s| s.0 as i64), span.map(|s| s.1 as i64))).map_err(failed)?;
    }
    Ok(())
}

/// What `verify` found for one quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    pub statement: String,
    pub source: String,
    /// `found`, `missing` or `no text`.
    pub status: &'static str,
    pub span: Option<(usize, usize)>,
    /// The sentence around the quote when found; the closest passage when missing.
    pub context: Option<String>,
}

/// Check every quote (of one source, or all) against its source's text, as it is
/// in the database now: for databases filled from the sqlite3 shell, where
/// import never ran.
pub fn verify(conn: &Connection, source: Option<&str>) -> Result<Vec<Verification>> {
    let failed = |e| Error::failure("verifying quotes").because(e);
    let mut stmt = conn
        .prepare("SELECT id, source, quote FROM statements WHERE kind = 'quote' AND (?1 IS NULL OR source = ?1) ORDER BY source, key")
        .map_err(failed)?;
    let rows: Vec<(String, String, String)> = stmt
        .query_map([source], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .map_err(failed)?
        .collect::<rusqlite::Result<_>>()
        .map_err(failed)?;
    let mut bodies = Bodies::default();
    let mut found = Vec::with_capacity(rows.len());
    for (statement, source, quote) in rows {
        let (status, span, context) = match bodies.get(conn, &source)? {
            None => ("no text", None, None),
            Some(text) => match text.locate(&quote) {
                Some(span) => ("found", Some(span), Some(text.sentence_around(span))),
                None => ("missing", None, Some(text.closest(&quote))),
            },
        };
        found.push(Verification { statement, source, status, span, context });
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "Mohammad Naeem said so. “We urge all countries of the world to sit with us on any issue. We will always be vigilant,” he added.\n\nIran’s   President said “this opportunity must be used”.";

    #[test]
    fn a_quote_over_paragraphs_is_found_without_the_marks_that_continue_it() {
        // extract drafts it so: each paragraph opens with a mark, only the last closes.
        let text = Text::new("He spoke. “We can wait.\n\n“We should proceed slowly,” he said.");
        let span = text.locate("We can wait. We should proceed slowly").unwrap();
        assert_eq!(text.slice(span), "We can wait.\n\n“We should proceed slowly");
        // Indented, or after a paragraph with no final punctuation.
        let text = Text::new("He spoke. “We can wait\n\n  “we should proceed slowly,” he said.");
        assert!(text.locate("We can wait we should proceed slowly").is_some());
    }

    #[test]
    fn quotes_are_found_despite_typography() {
        let text = Text::new(ARTICLE);
        let span = text.locate("We will always be vigilant,").unwrap();
        assert_eq!(text.slice(span), "We will always be vigilant");
        let span = text.locate("Iran's President said \"this opportunity").unwrap();
        assert_eq!(text.slice(span), "Iran’s   President said “this opportunity");
        assert_eq!(span, (129, 170));
        assert_eq!(text.locate("We will never be vigilant"), None);
    }

    #[test]
    fn quotes_start_and_end_at_word_boundaries() {
        let text = Text::new("the United Nations on Monday. They are ready to work on concrete projects.");
        assert_eq!(text.locate("on").map(|s| text.slice(s)), Some("on".to_owned()));
        assert_eq!(text.locate("on"), Some((19, 21)));
        assert_eq!(text.locate("Nati"), None);
        assert_eq!(text.locate("e ready to work on concrete pro"), None);
        assert_eq!(text.closest("e ready to work on concrete pro"), "are ready to work on concrete projects");
        assert_eq!(
            text.locate("ready to work on concrete projects.").map(|s| text.slice(s)).as_deref(),
            Some("ready to work on concrete projects")
        );
    }

    #[test]
    fn the_closest_passage_points_at_a_typo() {
        let text = Text::new(ARTICLE);
        assert_eq!(text.closest("this oportunity must be used"), "this opportunity must be used");
        assert_eq!(text.closest("We urge all countries of the word"), "We urge all countries of the world");
    }

    #[test]
    fn the_sentence_around_a_quote() {
        let text = Text::new(ARTICLE);
        let span = text.locate("sit with us").unwrap();
        assert_eq!(text.sentence_around(span), "“We urge all countries of the world to sit with us on any issue.");
    }
}
