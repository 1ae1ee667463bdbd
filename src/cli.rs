//! The command line: clap types only. The doc comments are the help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXAMPLES: &str = "\
Examples:
  postq list                                   the whole queue as a table
  postq summary                                where the queue's weight is, and who floods it
  postq list -f compromised@customer.example   one sender's messages
  postq list --ids -q deferred --older-than 2d IDs only, ready for a pipe
  postq -c /etc/postfix-out list --count       a second Postfix instance
  postq --input saved.jsonl list --json        a saved `postqueue -j` dump";

/// Inspect and clean the Postfix mail queue.
///
/// postq reads the queue with Postfix's own `postqueue -j`, picks messages by sender,
/// recipient, age, size, queue or delay reason, and shows them.
#[derive(Debug, Parser)]
#[command(name = "postq", version, after_help = EXAMPLES, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat
    /// and postconf (for a second instance, e.g. /etc/postfix-out)
    #[arg(short = 'c', long, global = true, value_name = "DIR")]
    pub config_dir: Option<PathBuf>,

    /// Read `postqueue -j` output from FILE (`-` for stdin) instead of running postqueue.
    /// Read-only commands only
    #[arg(long, global = true, value_name = "FILE")]
    pub input: Option<PathBuf>,

    /// When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the queued messages: a table, JSON lines, IDs or a count
    #[command(after_help = LIST_EXAMPLES)]
    List(ListArgs),
}

const LIST_EXAMPLES: &str = "\
Examples:
  postq list                          a table, fitted to the terminal
  postq list --json | jq .sender      JSON lines, postqueue's own members
  postq list --ids | postsuper -d -   IDs only (postq delete does this safely)
  postq list --count                  how many
  postq list --sort size --reverse --limit 20
                                      the 20 largest messages";

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub format: ListFormat,

    /// Order by FIELD (default: the order postqueue lists them in)
    #[arg(long, value_enum, value_name = "FIELD")]
    pub sort: Option<SortField>,

    /// Reverse the order
    #[arg(long)]
    pub reverse: bool,

    /// Show at most N messages
    #[arg(long, value_name = "N")]
    pub limit: Option<u64>,
}

#[derive(Debug, Args)]
#[group(multiple = false)]
pub struct ListFormat {
    /// One JSON object a line, in postqueue's own member names (members postq does not know
    /// are passed through unchanged)
    #[arg(long)]
    pub json: bool,

    /// One queue ID a line
    #[arg(long)]
    pub ids: bool,

    /// Only the number of messages
    #[arg(long)]
    pub count: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortField {
    /// Arrival time, oldest first
    Arrival,
    /// Message size, smallest first
    Size,
    /// Sender address
    Sender,
    /// Queue name
    Queue,
    /// Number of recipients, fewest first
    Recipients,
    /// Queue ID
    Id,
}
