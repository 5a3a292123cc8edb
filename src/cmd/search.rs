//! `chancery search QUERY`: full-text search over quotes, summaries and speakers.

use super::Ctx;
use crate::cli::SearchArgs;
use crate::db::{self, Access};
use crate::error::Result;
use crate::search::{self, Search};
use crate::suggest::{self, Filter};

pub fn run(args: SearchArgs, ctx: &Ctx) -> Result<()> {
    let conn = db::open_existing(&ctx.db, Access::ReadOnly)?;
    for (filter, value) in [(Filter::Topic, &args.topic), (Filter::Actor, &args.actor)] {
        if let Some(value) = value {
            suggest::check(&conn, filter, value)?;
        }
    }
    let search = Search {
        query: &args.query,
        limit: args.limit,
        topic: args.topic.as_deref(),
        actor: args.actor.as_deref(),
        since: args.since.map(|d| d.to_string()),
        until: args.until.map(|d| d.to_string()),
    };
    let mut writer = ctx.printer().writer(ctx.stdout());
    search::run(&conn, &search, writer.as_mut())
}
