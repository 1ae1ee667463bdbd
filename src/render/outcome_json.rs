//! The outcome of an action for programs (`--json`): one JSON document, counts per class and
//! the IDs of each class but "acted on". Its member names are a contract: additions only.

use serde::Serialize;

use crate::action::Outcome;
use crate::error::Error;

#[derive(Serialize)]
struct OutcomeJson<'a> {
    operation: &'static str,
    planned: u64,
    acted: u64,
    gone: usize,
    changed: usize,
    moved: usize,
    failed: usize,
    stuck: usize,
    /// Messages matching the selection still queued after the last round.
    still_queued: u64,
    rounds: usize,
    ids: IdsJson<'a>,
    stuck_file: Option<String>,
    journal: Option<String>,
    error: Option<String>,
}

#[derive(Serialize)]
struct IdsJson<'a> {
    gone: &'a [String],
    changed: &'a [String],
    moved: &'a [String],
    failed: &'a [String],
    stuck: &'a [String],
}

pub fn render_outcome_json(
    outcome: &Outcome,
    rounds: usize,
    still_queued: u64,
    failure: Option<&Error>,
) -> Result<String, serde_json::Error> {
    let document = OutcomeJson {
        operation: outcome.operation.verb(),
        planned: outcome.planned,
        acted: outcome.acted,
        gone: outcome.gone.len(),
        changed: outcome.changed.len(),
        moved: outcome.moved.len(),
        failed: outcome.failed.len(),
        stuck: outcome.stuck.len(),
        still_queued,
        rounds,
        ids: IdsJson {
            gone: &outcome.gone,
            changed: &outcome.changed,
            moved: &outcome.moved,
            failed: &outcome.failed,
            stuck: &outcome.stuck,
        },
        stuck_file: outcome.stuck_file.as_ref().map(|p| p.display().to_string()),
        journal: outcome.journal.as_ref().map(|p| p.display().to_string()),
        error: failure.map(ToString::to_string),
    };
    let mut text = serde_json::to_string_pretty(&document)?;
    text.push('\n');
    Ok(text)
}
