//! `chancery query SQL`: ad hoc SQL against the database, read-only unless --write.

use std::io::{Read, Write};

use super::Ctx;
use crate::cli::QueryArgs;
use crate::db::{self, Access};
use crate::error::{Error, Result};
use crate::guard::Mode;
use crate::interrupt;
use crate::query::{self, Query};

pub fn run(args: QueryArgs, ctx: &Ctx) -> Result<()> {
    let sql = if args.sql == "-" {
        let mut sql = String::new();
        std::io::stdin()
            .read_to_string(&mut sql)
            .map_err(|e| Error::failure("reading SQL from standard input").because(e))?;
        sql
    } else {
        args.sql
    };
    let mode = match (args.write, args.dangerously_allow_pragmas) {
        (false, _) => Mode::Read,
        (true, false) => Mode::Write,
        (true, true) => Mode::WriteUnguarded,
    };
    let access = if args.write { Access::ReadWrite } else { Access::ReadOnlyAsIs };
    let mut conn = db::open_existing(&ctx.db, access)?;
    if args.write {
        // Ctrl-C stops a writing script and rolls it back, as it does an import.
        interrupt::install().map_err(|e| Error::failure("cannot catch Ctrl-C").because(e))?;
        interrupt::watch(&mut conn).map_err(|e| Error::failure("cannot catch Ctrl-C").because(e))?;
    }
    let mut out = ctx.stdout();
    let query = Query { sql: &sql, params: &args.params, mode };
    let result = ctx.timed("query", || {
        let changes = query::run(&mut conn, &query, &ctx.printer(), &mut out)?;
        // What sqlite3's `.changes on` says, once the script has committed: a
        // line per statement that may write, after the rows on stdout (whose
        // reader may have gone: the write stands, and so do these lines).
        if changes.is_empty() {
            return Ok(());
        }
        match out.flush() {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
            flushed => flushed.map_err(Error::output)?,
        }
        let mut err = std::io::stderr().lock();
        for n in changes {
            writeln!(err, "changes: {n}").map_err(Error::output)?;
        }
        Ok(())
    });
    match result {
        Err(_) if interrupt::requested() => {
            Err(Error::interrupted(format!("interrupted; nothing was written to {}", ctx.db.display())))
        }
        other => other,
    }
}
