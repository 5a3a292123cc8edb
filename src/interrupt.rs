//! Ctrl-C during an import or a writing query: the first SIGINT asks the work
//! to stop (it rolls back and exits 130); a second one ends the process at once.
//! Either way SQLite's journal keeps the database as it was.

use std::sync::atomic::{AtomicBool, Ordering};

use rusqlite::Connection;

/// How many SQLite virtual-machine steps pass between looks at Ctrl-C.
const CHECK_STEPS: i32 = 100_000;

static REQUESTED: AtomicBool = AtomicBool::new(false);

/// Catch SIGINT from now on. Without this, SIGINT kills the process outright,
/// which is also safe for the data, but says nothing and leaves a temporary file.
pub fn install() -> std::io::Result<()> {
    use signal_hook::consts::SIGINT;
    // Order matters: the shutdown checks the flag before the flag is set.
    signal_hook::flag::register_conditional_shutdown(SIGINT, 130, &REQUESTED)?;
    signal_hook::flag::register(SIGINT, &REQUESTED)?;
    Ok(())
}

/// True once the user has pressed Ctrl-C.
pub fn requested() -> bool {
    REQUESTED.load(Ordering::Relaxed)
}

/// Stop long SQLite work on `conn` (a big statement, the commit) once Ctrl-C is pressed.
pub fn watch(conn: &mut Connection) -> rusqlite::Result<()> {
    conn.progress_handler(CHECK_STEPS, Some(requested))
}
