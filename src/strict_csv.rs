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

/// The most a field may hold: past this, memory grows with the input, and a
/// file that never ends (a link to /dev/zero) would fill it.
pub const MAX_FIELD_BYTES: usize = 16 << 20;
/// The most a header line may hold; a longer one is not a table file's header.
pub const MAX_HEADER_BYTES: usize = 64 << 10;

pub struct StrictReader<R> {
    inner: R,
    /// Bytes of the field being read, and of the header while it is being read.
    field_bytes: usize,
    header_bytes: Option<usize>,
    state: State,
    line: u64,
    field: usize,
    /// Where the open quoted field began, for "never closed".
    quote_start: (u64, usize),
    done: bool,
}

impl<R: Read> StrictReader<R> {
    pub fn new(inner: R) -> StrictReader<R> {
        StrictReader {
            inner,
            field_bytes: 0,
            header_bytes: Some(0),
            state: State::FieldStart,
            line: 1,
            field: 0,
            quote_start: (1, 0),
            done: false,
        }
    }

    fn fail(&self, (line, field): (u64, usize), problem: &'static str) -> io::Error {
        io::Error::new(io::ErrorKind::InvalidData, QuotingError { line, field, problem })
    }

    /// The current field is `n` bytes longer.
    fn lengthen_field(&mut self, n: usize) -> io::Result<()> {
        self.field_bytes += n;
        if self.field_bytes > MAX_FIELD_BYTES {
            return Err(self.fail(
                (self.line, self.field),
                "a field longer than 16 MiB, the most a field may hold; keep a long text in articles/<source id>.txt",
            ));
        }
        Ok(())
    }

    /// `n` more bytes were read, which are the header's while it lasts.
    fn lengthen_header(&mut self, n: usize) -> io::Result<()> {
        if let Some(header) = &mut self.header_bytes {
            *header += n;
            if *header > MAX_HEADER_BYTES {
                return Err(self.fail(
                    (1, self.field),
                    "a header line longer than 64 KiB; a table file starts with a line of column names",
                ));
            }
        }
        Ok(())
    }

    fn check(&mut self, bytes: &[u8]) -> io::Result<()> {
        let mut i = 0;
        while i < bytes.len() {
            // Inside a field, a run of bytes that change nothing but the field's
            // length is taken at once: most of a file is such runs.
            if matches!(self.state, State::Quoted | State::Unquoted) {
                let run = bytes[i..].iter().position(|&b| SPECIAL[b as usize]).unwrap_or(bytes.len() - i);
                if run > 0 {
                    // (The header's limit first, as byte by byte it is met first.)
                    self.lengthen_header(run)?;
                    self.lengthen_field(run)?;
                    i += run;
                    continue;
                }
            }
            let b = bytes[i];
            i += 1;
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
            if self.state == State::FieldStart {
                self.field_bytes = 0;
            } else {
                self.lengthen_field(1)?;
            }
            self.lengthen_header(1)?;
            if b == b'\n' {
                self.line += 1;
                if self.state == State::FieldStart {
                    self.field = 0;
                    self.header_bytes = None;
                }
            }
        }
        Ok(())
    }
}

/// The bytes that move the reader's state: NUL, the quotation mark, the comma
/// and the line breaks. (A comma or a line break inside a quoted field moves
/// nothing, but is rare enough to take one at a time.)
const SPECIAL: [bool; 256] = {
    let mut special = [false; 256];
    special[0] = true;
    special[b'"' as usize] = true;
    special[b',' as usize] = true;
    special[b'\r' as usize] = true;
    special[b'\n' as usize] = true;
    special
};

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

    #[test]
    fn fields_and_header_lines_have_a_bound() {
        // As written in the file: a quoted field's marks count too.
        let field = "x".repeat(MAX_FIELD_BYTES);
        let quoted = &field[2..];
        assert_eq!(check(&format!("a,b\n1,{field}\n2,\"{quoted}\"\n")), Ok(()));
        let err = check(&format!("a,b\n1,{field}\n2,\"{quoted}x\"\n")).unwrap_err();
        assert_eq!((err.line, err.field), (3, 1));
        let err = check(&format!("a,{}\n", "b".repeat(MAX_HEADER_BYTES))).unwrap_err();
        assert_eq!((err.line, err.field, err.problem.starts_with("a header line")), (1, 1, true));
    }

    /// Reads at most `chunk` bytes at a time, as a slow pipe would deliver them.
    struct Trickle<'a> {
        bytes: &'a [u8],
        chunk: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.chunk.min(buf.len()).min(self.bytes.len());
            buf[..n].copy_from_slice(&self.bytes[..n]);
            self.bytes = &self.bytes[n..];
            Ok(n)
        }
    }

    fn check_in_chunks(input: &[u8], chunk: usize) -> Result<(), QuotingError> {
        let mut out = Vec::new();
        StrictReader::new(Trickle { bytes: input, chunk })
            .read_to_end(&mut out)
            .map(|_| ())
            .map_err(|e| quoting_error(&e).unwrap().clone())
    }

    proptest::proptest! {
        /// Runs of plain bytes are taken at once: the verdict (and the line and
        /// field it names) must be the one a byte-at-a-time reading gives.
        #[test]
        fn reading_in_runs_agrees_with_reading_byte_by_byte(
            input in proptest::collection::vec(proptest::sample::select(b"ab ,\"\r\n\0".to_vec()), 0..200),
            chunk in 2usize..64
        ) {
            proptest::prop_assert_eq!(check_in_chunks(&input, chunk), check_in_chunks(&input, 1));
        }
    }
}
