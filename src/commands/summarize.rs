//! `postq summary`: the shape of the queue in one streaming pass, and the culprit named.

use super::{Context, QueueOrigins, Unread};
use crate::cli::SummaryArgs;
use crate::console::report_malformed;
use crate::error::Result;
use crate::postfix::Origins;
use crate::render::{
    SummaryLayout, format_count, render_summary, render_summary_json, shell_quote,
};
use crate::scan::ScanReport;
use crate::scan::{parse_threads, scan_parallel};
use crate::selection::{Selection, Selector};
use crate::settings::Settings;
use crate::summary::{Aggregator, Grouping, Summary, find_culprit};

pub fn run(ctx: &mut Context<'_>, args: &SummaryArgs) -> Result<()> {
    let selection = Selection::from_args(&args.selection)?;
    let (origins, not_read) = origins_for(ctx, &selection, args)?;
    let groupings: Vec<Grouping> = match args.by {
        Some(by) => vec![by],
        None if origins.is_some() => {
            let mut groupings = Grouping::DEFAULT.to_vec();
            groupings.insert(1, Grouping::Origin);
            groupings
        }
        None => Grouping::DEFAULT.to_vec(),
    };
    let mut groupings = groupings;
    if ctx.settings.fleet() && args.by.is_none() {
        // Across hosts and instances: how much each holds, first after the queues.
        groupings.insert(1, Grouping::Host);
    }
    let (report, mut summary) =
        summarize(ctx, &selection, &groupings, origins.as_deref(), usize::MAX)?;
    summary.origins_not_read = not_read;
    let settings = ctx.settings;
    let console = &mut ctx.console;
    let culprit = find_culprit(&summary).map(|culprit| {
        let command = preview_command(settings, &culprit.selector);
        (culprit, command)
    });
    let culprit = culprit.as_ref().map(|(c, command)| (c, command.as_str()));
    if args.json {
        let json = render_summary_json(&summary, culprit, args.top)?;
        console.out.write_all(json.as_bytes())?;
    } else if report.entries == 0 && report.malformed == 0 {
        console.note("Mail queue is empty");
    } else if summary.total.count == 0 && report.malformed == 0 {
        console.note(&format!(
            "No message matches the selection ({} in the queue)",
            format_count(report.entries)
        ));
    } else {
        let layout = SummaryLayout {
            color: settings.color,
            width: settings.terminal.width,
            top: args.top,
        };
        console
            .out
            .write_all(render_summary(&summary, culprit, &layout).as_bytes())?;
    }
    match report.malformed_error() {
        Some(err) => Err(err),
        None => Ok(()),
    }
}

/// One pass over the listing on every core, each part aggregated apart and merged; the
/// `top` largest groups of each grouping kept.
pub(super) fn summarize(
    ctx: &mut Context<'_>,
    selection: &Selection,
    groupings: &[Grouping],
    origins: Option<&dyn Origins>,
    top: usize,
) -> Result<(ScanReport, Summary)> {
    let wanted = groupings.iter().any(|grouping| grouping.needs_origin());
    let now = ctx.settings.now;
    let selector = Selector::new(selection, now, origins, wanted);
    let progress = ctx.progress(&selector);
    let listing = ctx.open_listing()?;
    let parts: Vec<Aggregator> = (0..parse_threads())
        .map(|_| Aggregator::new(groupings, now))
        .collect();
    let err = &mut *ctx.console.err;
    let (report, parts) = scan_parallel(
        listing,
        parts,
        |entry| selector.select(entry),
        |part, line| part.add(&line.entry),
        |bad| report_malformed(&mut *err, bad),
    )?;
    let mut parts = parts.into_iter();
    let mut aggregator = parts
        .next()
        .unwrap_or_else(|| Aggregator::new(groupings, now));
    for part in parts {
        aggregator.merge(part);
    }
    drop(progress);
    for warning in &report.warnings {
        ctx.console.warn(warning);
    }
    let gone = selector.finish()?;
    ctx.note_gone(gone);
    Ok((report, aggregator.finish_top(top)))
}

/// The queue files to read origins from, or why the full summary does without them.
fn origins_for(
    ctx: &mut Context<'_>,
    selection: &Selection,
    args: &SummaryArgs,
) -> Result<(QueueOrigins, Option<String>)> {
    let needed =
        args.origin || selection.needs_origin() || args.by.is_some_and(Grouping::needs_origin);
    if needed {
        return Ok((ctx.origins(selection, true)?, None));
    }
    let why = if args.by.is_some() {
        return Ok((None, None));
    } else if args.no_origin {
        "--no-origin".to_string()
    } else {
        match ctx.origins_if_cheap() {
            Ok(origins) => return Ok((Some(origins), None)),
            Err(Unread::SavedListing) => "a saved listing (--input) has no queue files".into(),
            Err(Unread::TooMany(count)) => format!(
                "{} messages; give --origin to read them (a few seconds a 100,000)",
                format_count(count as u64)
            ),
            Err(Unread::NotReadable(err)) => {
                format!("the queue files cannot be read ({err}); run postq as root")
            }
            Err(Unread::Elsewhere) => {
                "the queue files are on the hosts; give --origin to read them there (postcat)"
                    .into()
            }
        }
    };
    Ok((None, Some(why)))
}

/// The command that previews the removal of what `selector` selects, for this instance.
pub(super) fn preview_command(settings: &Settings, (flag, value): &(&str, String)) -> String {
    format!(
        "{} delete {flag} {} --dry-run",
        settings.postq(),
        shell_quote(value)
    )
}
