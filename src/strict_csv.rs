//! CSV input held to RFC 4180's quoting. The csv crate is forgiving by design: it
//! reads `"a"b` as `ab` and lets an unclosed quotation mark swallow the rest of the
//! file. For data that must be exactly what the analyst typed, a stray quotation
//! mark is an error with its line, and so is a NUL byte. This reader sits between
//! the file and the csv crate and checks the bytes as they stream past.

use std::fmt;
use std::io::{self, Read};

/// Where the quoting went wrong: the physical line and what to fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotingError {
    pub line: u64,
    /// The field's index in its record, counting from 0.
    pub field: usize,
    pub problem: &'static str,
}

impl fmt::Display for QuotingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.problem)
    }
}

impl std::error::Error for QuotingError {}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    FieldStart,
    Unquoted,
    Quoted,
    /// A quotation mark inside a quoted field: either the first of `""` or the close.
    QuoteInQuoted,
}

pub struct StrictReader<R> {
    inner: R,
    state: State,
    line: u64,
    field: usize,
    /// Where the open quoted field began, for "never closed".
    quote_start: (u64, usize),
    done: bool,
}

impl<R: Read> StrictReader<R> {
    pub fn new(inner: R) -> StrictReader<R> {
        StrictReader { inner, state: State::FieldStart, line: 1, field: 0, quote_start: (1, 0), done: false }
    }

    fn fail(&self, (line, field): (u64, usize), problem: &'static str) -> io::Error {
        io::Error::new(io::ErrorKind::InvalidData, QuotingError { line, field, problem })
    }

    fn check(&mut self, bytes: &[u8]) -> io::Result<()> {
        for &b in bytes {
            if b == 0 {
                return Err(self.fail((self.line, self.field), "a NUL byte; save the file as plain text"));
            }
            self.state = match (self.state, b) {
                (State::Quoted, b'"') => State::QuoteInQuoted,
                (State::Quoted, _) => State::Quoted,
                (State::QuoteInQuoted, b'"') => State::Quoted,
                (State::FieldStart, b'"') => {
                    self.quote_start = (self.line, self.field);
                    State::Quoted
                }
                (State::Unquoted, b'"') => {
                    return Err(self.fail(
                        (self.line, self.field),
                        "a quotation mark inside an unquoted field; quote the whole field and double the mark: \"a \"\"b\"\" c\"",
                    ));
                }
                (_, b',') => {
                    self.field += 1;
                    State::FieldStart
                }
                (_, b'\r' | b'\n') => State::FieldStart,
                (State::QuoteInQuoted, _) => {
                    return Err(self.fail(
                        (self.line, self.field),
                        "text after the closing quotation mark of a field; double a quotation mark inside a quoted field: \"a \"\"b\"\" c\"",
                    ));
                }
                (State::FieldStart | State::Unquoted, _) => State::Unquoted,
            };
            if b == b'\n' {
                self.line += 1;
                if self.state == State::FieldStart {
                    self.field = 0;
                }
            }
        }
        Ok(())
    }
}

impl<R: Read> Read for StrictReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.done {
            return Ok(0);
        }
        let n = self.inner.read(buf)?;
        if n == 0 {
            self.done = true;
            if self.state == State::Quoted {
                return Err(
                    self.fail(self.quote_start, "a quoted field is never closed; add the closing quotation mark")
                );
            }
            return Ok(0);
        }
        self.check(&buf[..n])?;
        Ok(n)
    }
}

/// The quoting problem behind an I/O error from a [`StrictReader`], if that is what it is.
pub fn quoting_error(e: &io::Error) -> Option<&QuotingError> {
    e.get_ref().and_then(|inner| inner.downcast_ref::<QuotingError>())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str) -> Result<(), QuotingError> {
        let mut out = Vec::new();
        StrictReader::new(input.as_bytes())
            .read_to_end(&mut out)
            .map(|_| ())
            .map_err(|e| quoting_error(&e).unwrap().clone())
    }

    #[test]
    fn well_quoted_csv_passes() {
        assert_eq!(check("a,b\r\n\"x, \"\"y\"\"\",\"line\nbreak\"\n,\n\"\"\n"), Ok(()));
    }

    #[test]
    fn stray_quotes_are_found_on_their_line() {
        assert_eq!(
            check("a,b\nx,y\"z\n").unwrap_err(),
            QuotingError {
                line: 2,
                field: 1,
                problem: "a quotation mark inside an unquoted field; quote the whole field and double the mark: \"a \"\"b\"\" c\""
            }
        );
        assert_eq!(check("a,b\n\"x\ny\"z,w\n").unwrap_err().line, 3);
        assert_eq!(
            check("a,b\nx,\"open\n\n").unwrap_err(),
            QuotingError {
                line: 2,
                field: 1,
                problem: "a quoted field is never closed; add the closing quotation mark"
            }
        );
        assert_eq!(check("a\n\0\n").unwrap_err().line, 2);
    }
}
