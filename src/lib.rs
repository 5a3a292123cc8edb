//! chancery: coded statements about recognising the Taliban government, imported
//! from CSV into one SQLite database and answered with canned reports. The binary
//! is a thin shell around these modules; tests reach them here.

pub mod agree;
pub mod chart;
pub mod check;
pub mod cli;
pub mod cmd;
pub mod datasette;
pub mod db;
pub mod error;
pub mod export;
pub mod extract;
pub mod generate;
pub mod guard;
pub mod import;
pub mod interrupt;
pub mod output;
pub mod provenance;
pub mod query;
pub mod report;
pub mod revisions;
pub mod search;
pub mod strict_csv;
pub mod suggest;
