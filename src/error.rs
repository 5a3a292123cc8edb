//! The one error type: a message for the user, the cause behind it, and the exit
//! code it maps to. Every failure leaves the process through `main`, printed once.

use std::fmt;
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

#[derive(Debug)]
pub struct Error {
    kind: Kind,
    message: String,
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(kind: Kind, message: impl Into<String>) -> Error {
        Error { kind, message: message.into(), source: None }
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

    /// Attach the lower-level error that caused this one; it is printed after the message.
    pub fn because(mut self, cause: impl std::error::Error + Send + Sync + 'static) -> Error {
        self.source = Some(Box::new(cause));
        self
    }

    pub fn kind(&self) -> Kind {
        self.kind
    }

    pub fn message(&self) -> &str {
        &self.message
    }

    pub fn exit_code(&self) -> ExitCode {
        ExitCode::from(self.kind.exit_code())
    }

    /// True when the error is only that whoever read our output went away
    /// (`chancery report timeline | head -1`): that is no failure worth a word.
    pub fn is_broken_pipe(&self) -> bool {
        let mut cause: Option<&(dyn std::error::Error + 'static)> = self.source.as_deref().map(|e| e as _);
        while let Some(e) = cause {
            if e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe) {
                return true;
            }
            cause = e.source();
        }
        false
    }
}

impl fmt::Display for Error {
    /// The message, then the cause it wraps, on one line. Only the direct cause:
    /// SQLite's errors repeat themselves one level down ("constraint failed").
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some(cause) = &self.source {
            write!(f, ": {cause}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source.as_deref().map(|e| e as _)
    }
}

/// Writing output fails only when the reader is gone or the disk is full.
impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error::failure("cannot write output").because(e)
    }
}
