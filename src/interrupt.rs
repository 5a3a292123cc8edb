//! Ctrl-C during an import: the first SIGINT asks the work to stop (the import
//! rolls back and exits 130); a second one ends the process at once. Either way
//! SQLite's journal keeps the database as it was.

use std::sync::atomic::{AtomicBool, Ordering};

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
