//! `chancery man [SUBCOMMAND]` and `chancery man --dir DIR`: man pages made by
//! clap_mangen from the one clap definition, so they never disagree with the
//! command line. The top page lists a page per subcommand, and `--dir` writes
//! exactly those pages.

use std::io::Write;
use std::path::Path;

use clap::CommandFactory;

use super::Ctx;
use crate::cli::{Cli, ManArgs};
use crate::error::{Error, Result};

pub fn run(args: ManArgs, ctx: &Ctx) -> Result<()> {
    let top = command();
    match &args.dir {
        Some(dir) => write_all(&top, dir),
        None => {
            let cmd = find(&top, &args.subcommand)?;
            let mut out = ctx.stdout();
            page(cmd).render(&mut out).map_err(Error::output)?;
            out.flush().map_err(Error::output)
        }
    }
}

/// The command line as the pages show it: built, so that each subcommand has
/// its page's name (`chancery-chart-positions`) and the global options, and
/// without clap's `help` subcommand, which has no page of its own.
fn command() -> clap::Command {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    cmd
}

/// A command's page, each footed with chancery's name and version.
fn page(cmd: &clap::Command) -> clap_mangen::Man {
    clap_mangen::Man::new(cmd.clone()).source(format!("chancery {}", env!("CARGO_PKG_VERSION")))
}

/// The subcommand named by `path` (`["chart", "positions"]`); chancery itself for none.
fn find<'c>(top: &'c clap::Command, path: &[String]) -> Result<&'c clap::Command> {
    let mut cmd = top;
    for name in path {
        cmd = cmd.get_subcommands().find(|s| s.get_name() == name).ok_or_else(|| {
            let names: Vec<&str> = cmd.get_subcommands().map(clap::Command::get_name).collect();
            let whose = if std::ptr::eq(cmd, top) { String::new() } else { format!(" of {}", cmd.get_name()) };
            Error::usage(format!("man: no subcommand \"{name}\"{whose} (the subcommands are {})", names.join(", ")))
        })?;
    }
    Ok(cmd)
}

/// chancery.1 and one page per subcommand, nested ones included, into `dir`.
fn write_all(top: &clap::Command, dir: &Path) -> Result<()> {
    if dir.exists() && !dir.is_dir() {
        return Err(Error::usage(format!("man --dir {}: not a directory", dir.display())));
    }
    std::fs::create_dir_all(dir).map_err(|e| Error::failure(format!("{}", dir.display())).because(e))?;
    fn write(cmd: &clap::Command, dir: &Path) -> Result<()> {
        let man = page(cmd);
        let path = dir.join(man.get_filename());
        man.generate_to(dir).map_err(|e| Error::failure(format!("{}", path.display())).because(e))?;
        cmd.get_subcommands().try_for_each(|sub| write(sub, dir))
    }
    write(top, dir)
}
