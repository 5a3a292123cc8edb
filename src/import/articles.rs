//! Source texts: reading an article file, and locating each quote in its
//! source's text (again, when the text changes).

use std::io::Read;
use std::path::Path;

use super::contract::Layout;
use super::field::{FieldError, field_error};
use super::rows::{Loader, Row, Value};
use crate::error::{Error, Result};

/// The most an article may hold: a long report is well under 1 MiB of text.
pub const MAX_ARTICLE_BYTES: u64 = 16 << 20;

/// A text file of at most `max` bytes, read without trusting its size: a file
/// can grow while it is read, and a link to /dev/zero never ends.
pub fn read_bounded(path: &Path, max: u64) -> std::io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)?.take(max + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= max).then_some(bytes))
}

/// An article's text: UTF-8, not empty, at most [`MAX_ARTICLE_BYTES`]; without
/// a leading byte-order mark, and with CRLF and lone CR line breaks as LF (see
/// [`normalize_article`]).
pub fn read_article(path: &Path) -> Result<String> {
    let bytes = read_bounded(path, MAX_ARTICLE_BYTES)
        .map_err(|e| Error::no_input(format!("{}", path.display())).because(e))?
        .ok_or_else(|| Error::data(format!("{}: longer than 16 MiB, the most an article may hold", path.display())))?;
    if bytes.is_empty() {
        return Err(Error::data(format!("{}: the file is empty; an article holds its source's text", path.display())));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::data(format!(
            "{}: not UTF-8 text (byte {} is invalid); save it as UTF-8",
            path.display(),
            e.utf8_error().valid_up_to()
        ))
    })?;
    let text = normalize_article(text);
    if text.is_empty() {
        return Err(Error::data(format!("{}: the file is empty; an article holds its source's text", path.display())));
    }
    Ok(text)
}

/// An article's text as it is stored: a leading byte-order mark (U+FEFF, which
/// editors on Windows write) dropped, and CRLF and lone CR line breaks written
/// as LF, so that the body and the offsets of its quotes do not depend on the
/// editor that saved the file.
pub fn normalize_article(text: String) -> String {
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Whether an article file holding `body` imports as exactly `body`.
pub fn survives_as_article(body: &str) -> bool {
    !body.starts_with('\u{feff}') && !body.contains('\r')
}

impl<'c> Loader<'c> {
    /// A quote must stand in its source's text, when the source has one; its
    /// offsets are stored with it.
    pub(super) fn locate(
        &mut self,
        layout: &Layout,
        row: &mut Row,
        record: &csv::StringRecord,
    ) -> Result<(), FieldError> {
        let Some(named) = &layout.named.statement else { return Ok(()) };
        row.values[named.quote_start] = Value::Null;
        row.values[named.quote_end] = Value::Null;
        if row.field(record, named.kind) != Some("quote") {
            return Ok(());
        }
        let source = row.field(record, named.source).unwrap_or_default();
        let text = self.bodies.get(self.conn, source).map_err(|e| field_error("quote", e.to_string()))?;
        let Some(text) = text else { return Ok(()) };
        let quote = row.field(record, named.quote).unwrap_or_default();
        match text.locate(quote) {
            Some((from, to)) => {
                row.values[named.quote_start] = Value::Int(from as i64);
                row.values[named.quote_end] = Value::Int(to as i64);
                Ok(())
            }
            None => Err(field_error(
                "quote",
                format!(
                    "statement {}'s quote is not in the text of source {source}; the closest passage is \"{}\"",
                    row.field(record, 0).unwrap_or_default(),
                    text.closest(quote)
                ),
            )),
        }
    }

    /// A source whose text changed must still hold every quote of its statements,
    /// those already in the database included; their offsets move with the text.
    pub(super) fn relocate_quotes(&mut self) -> Result<()> {
        let failed = |e| Error::failure("locating quotes in a changed text").because(e);
        for (source, article) in std::mem::take(&mut self.new_texts) {
            let mut stmt = self
                .conn
                .prepare_cached(
                    "SELECT key, id, quote FROM statements WHERE source = ?1 AND kind = 'quote' ORDER BY key",
                )
                .map_err(failed)?;
            let quotes: Vec<(i64, String, String)> = stmt
                .query_map([&source], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .map_err(failed)?
                .collect::<rusqlite::Result<_>>()
                .map_err(failed)?;
            let Some(text) = self.bodies.get(self.conn, &source)? else { continue };
            for (key, id, quote) in quotes {
                let Some((start, end)) = text.locate(&quote) else {
                    return Err(Error::data(format!(
                        "{}: the new text no longer holds statement {id}'s quote; the closest passage is \"{}\"",
                        article.display(),
                        text.closest(&quote)
                    )));
                };
                self.conn
                    .prepare_cached("UPDATE statements SET quote_start = ?2, quote_end = ?3 WHERE key = ?1")
                    .and_then(|mut s| s.execute((key, start as i64, end as i64)))
                    .map_err(failed)?;
            }
        }
        Ok(())
    }

    /// Sources that this import gave no row but an article text: update their body.
    pub(super) fn attach_remaining_articles(&mut self) -> Result<(u64, u64)> {
        let (mut rows, mut changed) = (0, 0);
        for (id, path) in &self.plan.articles {
            if self.articles_used.contains(id) {
                continue;
            }
            let text = read_article(path)?;
            let failed = |e| Error::failure(format!("{}", path.display())).because(e);
            let exists = self
                .conn
                .prepare_cached("SELECT 1 FROM sources WHERE id = ?1")
                .map_err(failed)?
                .exists([id])
                .map_err(failed)?;
            if !exists {
                return Err(Error::data(format!(
                    "{}: no source \"{id}\" (add a row for it to sources.csv, or rename the file)",
                    path.display()
                )));
            }
            rows += 1;
            let n = self
                .conn
                .prepare_cached("UPDATE sources SET body = ?2 WHERE id = ?1 AND body IS NOT ?2")
                .map_err(failed)?
                .execute((id, &text))
                .map_err(failed)?;
            if n == 1 {
                self.new_texts.push((id.clone(), path.clone()));
            }
            changed += n as u64;
        }
        Ok((rows, changed))
    }
}
