//! The entry point: parse the command line, dispatch, and turn the outcome into
//! one exit code, printing any error once.

use std::process::ExitCode;

use clap::Parser;

use chancery::cli::{self, Cli};
use chancery::error::one_line;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // --help and --version are not errors; they print as clap formats them.
        Err(e) if !e.use_stderr() => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            return ExitCode::from(2);
        }
        Err(e) => {
            eprintln!("chancery: {}", cli::one_line(&e));
            return ExitCode::from(2);
        }
    };
    match chancery::cmd::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // Whoever read our output has gone (`| head`): nothing to say.
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            // Values quoted in a message come from files and databases: escaped,
            // so that every error is exactly one line.
            eprintln!("chancery: {}", one_line(&e.to_string()));
            e.exit_code()
        }
    }
}
