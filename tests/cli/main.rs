//! Tests of the `chancery` binary: one module per command, each test in its own
//! temporary directory, with exact outputs and exit codes.

mod agree;
mod bad;
mod browser;
mod chart;
mod concurrency;
mod crash;
mod ecosystem;
mod export;
mod extract;
mod formats;
mod history;
mod hostile;
mod import;
mod loose_ends;
mod misc;
mod properties;
mod provenance;
mod query;
mod readme;
mod report;
mod revisions;
mod shell;
mod workdir;
