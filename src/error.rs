//! The one error type: a message for the user, the cause behind it, and the exit
//! code it maps to. Every failure leaves the process through `main`, printed once.
//! The cause keeps its type, so that code asks what went wrong by matching, never
//! by reading a message: a lost reader of our output, an SQL statement that
//! failed, or anything else.

use std::borrow::Cow;
use std::fmt;
use std::io;
use std::process::ExitCode;

/// What went wrong, as far as the exit code is concerned (sysexits.h numbers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Anything else: an SQL error in an ad hoc query, a failed write, a bug.
    Failure,
    /// The command line asked for something that cannot be done as asked.
    Usage,
    /// Input data is wrong; nothing was written.
    Data,
    /// A named file or database does not exist.
    NoInput,
    /// Stopped by Ctrl-C; nothing was written.
    Interrupted,
}

impl Kind {
    pub fn exit_code(self) -> u8 {
        match self {
            Kind::Failure => 1,
            Kind::Usage => 2,
            Kind::Data => 65,
            Kind::NoInput => 66,
            Kind::Interrupted => 130,
        }
    }
}

/// The lower-level error behind an [`Error`], by what it is.
#[derive(Debug)]
pub enum Cause {
    None,
    /// Writing our own output failed: its reader went away, or the disk is full.
    Output(io::Error),
    /// SQLite refused or failed a statement.
    Sql(rusqlite::Error),
    Other(Box<dyn std::error::Error + Send + Sync + 'static>),
}

#[derive(Debug)]
pub struct Error {
    kind: Kind,
    message: String,
    cause: Cause,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(kind: Kind, message: impl Into<String>) -> Error {
        Error { kind, message: message.into(), cause: Cause::None }
    }

    pub fn usage(message: impl Into<String>) -> Error {
        Error::new(Kind::Usage, message)
    }

    pub fn data(message: impl Into<String>) -> Error {
        Error::new(Kind::Data, message)
    }

    pub fn no_input(message: impl Into<String>) -> Error {
        Error::new(Kind::NoInput, message)
    }

    pub fn interrupted(message: impl Into<String>) -> Error {
        Error::new(Kind::Interrupted, message)
    }

    pub fn failure(message: impl Into<String>) -> Error {
        Error::new(Kind::Failure, message)
    }

    /// Writing our output (rows on stdout, counts on stderr) failed.
    pub fn output(e: io::Error) -> Error {
        Error { kind: Kind::Failure, message: "cannot write output".to_owned(), cause: Cause::Output(e) }
    }

    /// Attach the lower-level error that caused this one; it is printed after the message.
    pub fn because(mut self, cause: impl std::error::Error + Send + Sync + 'static) -> Error {
        let mut cause: Box<dyn std::error::Error + Send + Sync> = Box::new(cause);
        // Keep SQLite's errors by their type, so that callers can match on them.
        self.cause = match cause.downcast::<rusqlite::Error>() {
            Ok(sql) => Cause::Sql(*sql),
            Err(other) => {
                cause = other;
                Cause::Other(cause)
            }
        };
        self
    }

    pub fn kind(&self) -> Kind {
        self.kind
    }

    pub fn cause(&self) -> &Cause {
        &self.cause
    }

    pub fn message(&self) -> &str {
        &self.message
    }

    /// The same error, its message after `context: ` (`report positions: ...`).
    pub fn context(mut self, context: impl fmt::Display) -> Error {
        self.message = format!("{context}: {}", self.message);
        self
    }

    /// The same cause and message, counted as another kind.
    pub fn with_kind(mut self, kind: Kind) -> Error {
        self.kind = kind;
        self
    }

    pub fn exit_code(&self) -> ExitCode {
        ExitCode::from(self.kind.exit_code())
    }

    /// True when the error is only that whoever read our output went away
    /// (`chancery report timeline | head -1`): that is no failure worth a word.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(&self.cause, Cause::Output(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }

    /// SQLite's error behind this one, if that is what it is.
    pub fn sql(&self) -> Option<&rusqlite::Error> {
        match &self.cause {
            Cause::Sql(e) => Some(e),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    /// The message, then the cause it wraps, on one line. Only the direct cause:
    /// SQLite's errors repeat themselves one level down ("constraint failed").
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        let cause = match &self.cause {
            Cause::None => return Ok(()),
            Cause::Output(e) => e.to_string(),
            Cause::Sql(e) => e.to_string(),
            Cause::Other(e) => e.to_string(),
        };
        // A message made of SQLite's own words (`no such table: x`) says it once.
        if self.message.ends_with(&cause) { Ok(()) } else { write!(f, ": {cause}") }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.cause {
            Cause::None => None,
            Cause::Output(e) => Some(e),
            Cause::Sql(e) => Some(e),
            Cause::Other(e) => Some(e.as_ref()),
        }
    }
}

/// `text` as one line that a terminal shows as it is: line breaks, escape
/// sequences and every other control character written as Rust escapes (`\n`,
/// `\u{1b}`), so that no value quoted in a message can forge a second line or
/// move the cursor. A backslash itself stays as it is.
pub fn one_line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    let mut line = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            line.extend(c.escape_debug());
        } else {
            line.push(c);
        }
    }
    Cow::Owned(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_escapes_every_control_character() {
        assert_eq!(one_line("plain “text” é"), "plain “text” é");
        assert_eq!(one_line("a\nchancery: b\r\x1b[2J\t\u{85}\u{7f}"), "a\\nchancery: b\\r\\u{1b}[2J\\t\\u{85}\\u{7f}");
    }

    #[test]
    fn sqlite_causes_keep_their_type() {
        let e = Error::failure("x").because(rusqlite::Error::InvalidQuery);
        assert!(e.sql().is_some());
        let e = Error::failure("x").because(io::Error::other("y"));
        assert!(e.sql().is_none() && !e.is_broken_pipe());
        assert!(Error::output(io::Error::from(io::ErrorKind::BrokenPipe)).is_broken_pipe());
    }
}
