//! `chancery completions SHELL`: generated from the one clap definition, so it
//! never disagrees with the command line (as `chancery man` in man.rs).

use std::io::Write;

use clap::CommandFactory;

use super::Ctx;
use crate::cli::Cli;
use crate::error::{Error, Result};

pub fn run(shell: clap_complete::Shell, ctx: &Ctx) -> Result<()> {
    // clap_complete panics when its writer fails; it writes to memory here,
    // and a reader that goes away is told apart from other failures below.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "chancery", &mut script);
    let mut out = ctx.stdout();
    out.write_all(&script).and_then(|()| out.flush()).map_err(Error::output)?;
    Ok(())
}
