//! `chancery agree A B`: two coders' agreement, field by field, or with
//! --disagreements each unit and field where they differ.

use rusqlite::types::ValueRef;

use super::Ctx;
use crate::agree::{self, FIELDS};
use crate::cli::AgreeArgs;
use crate::error::{Error, Result};
use crate::output::text_or_null;

fn number_or_null(n: Option<f64>) -> ValueRef<'static> {
    n.map_or(ValueRef::Null, ValueRef::Real)
}

pub fn run(args: AgreeArgs, ctx: &Ctx) -> Result<()> {
    let (a, b) = (agree::read(&args.a)?, agree::read(&args.b)?);
    let mut writer = ctx.printer().writer(ctx.stdout());
    if args.disagreements {
        writer.begin(&["id", "field", "a", "b"].map(String::from)).map_err(Error::output)?;
        let units = agree::units(&a, &b);
        for (f, field) in FIELDS.iter().enumerate() {
            for (unit, [x, y]) in units.iter().zip(agree::pairs(&a, &b, &units, f)) {
                if x != y {
                    let row = [
                        ValueRef::Text(unit.as_bytes()),
                        ValueRef::Text(field.as_bytes()),
                        text_or_null(x),
                        text_or_null(y),
                    ];
                    writer.row(&row).map_err(Error::output)?;
                }
            }
        }
        return writer.finish().map_err(Error::output);
    }
    let rows = agree::agreement(&a, &b)?;
    writer
        .begin(&["field", "level", "coded_by_both", "agreement", "alpha"].map(String::from))
        .map_err(Error::output)?;
    for r in &rows {
        writer
            .row(&[
                ValueRef::Text(r.field.as_bytes()),
                ValueRef::Text(r.level.name().as_bytes()),
                ValueRef::Integer(r.both as i64),
                number_or_null(r.agreement),
                number_or_null(r.alpha),
            ])
            .map_err(Error::output)?;
    }
    writer.finish().map_err(Error::output)
}
