//! The command line: clap types only. The doc comments are the help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::queue::{QueueName, check_queue_id};
use crate::selection::{TextMatcher, ValueError, parse_client, parse_duration, parse_size};
use crate::summary::Grouping;

/// The help heading of the options every command takes.
pub const GLOBAL_HEADING: &str = "Global options";

/// The help heading of the selection options (the man page gathers them by it).
pub const SELECTION_HEADING: &str = "Selection (all given must hold)";

const EXAMPLES: &str = "\
Examples:
  postq list                                    the whole queue as a table
  postq summary                                 where the queue's weight is, and who floods it
  postq list -f compromised@customer.example    one sender's messages
  postq list --ids -q deferred --older-than 2d  IDs only, ready for a pipe
  postq -c /etc/postfix-out list --count        a second Postfix instance
  postq --input saved.jsonl list --json         a saved `postqueue -j` dump";

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

/// `--input` where a read-only command takes it after its name.
#[derive(Debug, Clone, Default, Args)]
pub struct InputArg {
    /// Read `postqueue -j` output from FILE (`-` for stdin) instead of running postqueue
    #[arg(long = "input", value_name = "FILE", value_hint = clap::ValueHint::FilePath, help_heading = GLOBAL_HEADING)]
    pub file: Option<PathBuf>,
}

impl Command {
    /// `--input` given after the command's name (list and summary take it there too).
    pub fn input(&self) -> Option<&PathBuf> {
        match self {
            Command::List(args) => args.input.file.as_ref(),
            Command::Summary(args) => args.input.file.as_ref(),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat
    /// and postconf (for a second instance, e.g. /etc/postfix-out)
    #[arg(short = 'c', long, global = true, value_name = "DIR", value_hint = clap::ValueHint::DirPath, help_heading = GLOBAL_HEADING)]
    pub config_dir: Option<PathBuf>,

    /// Read `postqueue -j` output from FILE (`-` for stdin) instead of running postqueue.
    /// Read-only commands only (list, summary; given after them too)
    // Not a clap global: a global is offered in every command's help and completions, and
    // the commands that change the queue refuse it. list and summary take it too.
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath, help_heading = GLOBAL_HEADING)]
    pub input: Option<PathBuf>,

    /// Stop a Postfix program that says nothing for DURATION (a stalled master or showq),
    /// and report what was done (default 60s; 10s for check)
    #[arg(long, global = true, value_name = "DURATION", value_parser = parse_duration, help_heading = GLOBAL_HEADING)]
    pub timeout: Option<i64>,

    /// A Postfix mail log (`-` for stdin, e.g. from `journalctl -t postfix/smtpd -o cat`):
    /// mail that came back through a content filter is attributed to the account and client
    /// its first queue ID was logged with
    #[arg(long, global = true, value_name = "FILE", value_hint = clap::ValueHint::FilePath, help_heading = GLOBAL_HEADING)]
    pub maillog: Option<PathBuf>,

    /// Run Postfix's programs on HOST over ssh (BatchMode: a host that would ask for a
    /// password fails, named); HOST:CONFIG_DIR for another instance there. Repeat it for
    /// several hosts: read as one queue, each row naming its host. $POSTQ_SSH_COMMAND
    /// replaces `ssh` (e.g. `ssh -F FILE`)
    #[arg(long, global = true, value_name = "HOST[:DIR]", help_heading = GLOBAL_HEADING)]
    pub host: Vec<String>,

    /// The hosts from FILE, one a line (HOST or HOST:CONFIG_DIR; # comments)
    #[arg(long, global = true, value_name = "FILE", value_hint = clap::ValueHint::FilePath, help_heading = GLOBAL_HEADING)]
    pub hosts: Option<PathBuf>,

    /// A Postfix instance by its postmulti name (`-` is the primary), or `all`; repeatable.
    /// Found with `postmulti -l` (on each host with --host)
    #[arg(long, global = true, value_name = "NAME|all", help_heading = GLOBAL_HEADING)]
    pub instance: Vec<String>,

    /// How many hosts and instances are read at once
    #[arg(long, global = true, value_name = "N", default_value_t = 16,
          value_parser = clap::value_parser!(u16).range(1..=256), help_heading = GLOBAL_HEADING)]
    pub parallel: u16,

    /// When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN", help_heading = GLOBAL_HEADING)]
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

    /// Where the queue's weight is: per queue, top senders, domains, delay reasons, ages
    #[command(after_help = SUMMARY_EXAMPLES)]
    Summary(SummaryArgs),

    /// Delete the selected messages, after a preview and a confirmation
    ///
    /// Where Postfix reuses queue IDs (enable_long_queue_ids = no, the default), the
    /// messages are first put on hold, the queue is read again, and only messages that are
    /// still the ones previewed (same queue ID, arrival time, sender and size) are deleted,
    /// from the hold queue; any other message held on the way is released.
    #[command(after_help = DELETE_EXAMPLES)]
    Delete(DeleteArgs),

    /// Put the selected messages on hold (postsuper -h): kept, but not delivered
    #[command(after_help = HOLD_EXAMPLES)]
    Hold(ActionArgs),

    /// Release the selected messages from hold (postsuper -H)
    #[command(after_help = RELEASE_EXAMPLES)]
    Release(ActionArgs),

    /// Requeue the selected messages (postsuper -r): they are routed again and get new IDs
    #[command(after_help = REQUEUE_EXAMPLES)]
    Requeue(ActionArgs),

    /// Delete every message of the given queues, or of all (postsuper -d ALL)
    ///
    /// Without QUEUE, postsuper's own default: hold, incoming, active and deferred.
    #[command(after_help = PURGE_EXAMPLES)]
    Purge(PurgeArgs),

    /// Show a queued message as postcat shows it: envelope, headers and body
    #[command(after_help = SHOW_EXAMPLES)]
    Show(ShowArgs),

    /// Release what an interrupted action left on hold, or finish its delete
    ///
    /// An action writes a journal before it changes anything (in /var/lib/postq, or
    /// $POSTQ_STATE_DIR). When postq is killed half-way, the journal stays, and every later
    /// command on that Postfix instance says so. recover shows it, then releases the
    /// messages it put on hold that are still on hold as planned; with --finish, it
    /// completes the interrupted delete instead, with the same checks.
    #[command(after_help = RECOVER_EXAMPLES)]
    Recover(RecoverArgs),

    /// A monitoring plugin: the queue's size, age and floods against thresholds
    ///
    /// Exit status 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN, with one status line and
    /// performance data, as Nagios, Icinga and the Monitoring Plugins expect. Thresholds take
    /// the Monitoring Plugins' range syntax (10, 10:, ~:10, 10:20, @10:20). It never hangs:
    /// postqueue is given --timeout, 10s by default here.
    #[command(after_help = CHECK_EXAMPLES)]
    Check(CheckArgs),

    /// Prometheus metrics: each queue's messages, bytes and ages, and who floods it
    ///
    /// Gauges only, in the Prometheus text format (--openmetrics for OpenMetrics): per
    /// queue (every queue, even when empty) messages, bytes, the oldest message's age and
    /// messages per age bucket (qshape's); the largest senders, sender domains and origins
    /// (where the queue files can be read) as labelled series, at most --top each; how long
    /// the listing took and whether it succeeded. With --textfile DIR it writes
    /// DIR/postq.prom atomically, for node_exporter's textfile collector.
    #[command(after_help = METRICS_EXAMPLES)]
    Metrics(MetricsArgs),

    /// A live view for an incident: counts per queue and their change, mail in and out per
    /// minute, who grows fastest
    ///
    /// On a terminal, a full screen refreshed every --interval (never sooner than the last
    /// listing took: postqueue is not kept busy); q, Esc or Ctrl-C quits and leaves the
    /// terminal as it was. Otherwise (a pipe, a log), one line per reading. Who grows
    /// fastest is by account where the queue files can be read (root, at most 100,000
    /// messages), else by sender.
    #[command(after_help = WATCH_EXAMPLES)]
    Watch(WatchArgs),

    /// Try to deliver now: all deferred mail (postqueue -f), or the selected messages
    /// (postqueue -i, one by one)
    #[command(after_help = FLUSH_EXAMPLES)]
    Flush(FlushArgs),

    /// Print a shell completion script
    #[command(after_help = COMPLETIONS_EXAMPLES)]
    Completions(CompletionsArgs),
}

const CHECK_EXAMPLES: &str = "\
Examples:
  postq check                                   the defaults: see the options
  postq check --warn-messages 500 --crit-messages 5000 --warn-age 6h
  postq -c /etc/postfix-out check --flood-warn-share 0.3";

const METRICS_EXAMPLES: &str = "\
Examples:
  postq metrics                                 print them
  postq metrics --textfile /var/lib/prometheus/node-exporter
                                                for node_exporter (Debian's directory)
  postq metrics --top 20 --openmetrics";

const WATCH_EXAMPLES: &str = "\
Examples:
  postq watch                                   every 5 seconds; q quits
  postq watch --interval 30s >> /var/log/postq-watch.log
                                                one line per reading";

#[derive(Debug, Args)]
pub struct WatchArgs {
    /// How often to read the queue again (at least 1s)
    #[arg(long, value_name = "DURATION", default_value = "5s")]
    pub interval: String,

    /// How many of the fastest-growing accounts or senders to show (0 to 50)
    #[arg(long, value_name = "N", default_value_t = 5,
          value_parser = clap::value_parser!(u16).range(0..=50))]
    pub top: u16,
}

#[derive(Debug, Args)]
pub struct MetricsArgs {
    /// Write DIR/postq.prom (a temporary file renamed into place) instead of stdout; on a
    /// failed listing the file still says so (postq_listing_success 0)
    #[arg(long, value_name = "DIR")]
    pub textfile: Option<PathBuf>,

    /// Series for the N largest senders, sender domains and origins each (0 to 100)
    #[arg(long, value_name = "N", default_value_t = 10,
          value_parser = clap::value_parser!(u16).range(0..=100))]
    pub top: u16,

    /// The OpenMetrics text format instead of Prometheus's (ends with "# EOF")
    #[arg(long)]
    pub openmetrics: bool,
}

/// Thresholds of `check`; the defaults catch a flood at a few hundred messages without
/// paging on a normal day (README, Monitoring).
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Messages in the queue: WARNING outside RANGE (a bare number N means 0:N)
    #[arg(long, value_name = "RANGE", default_value = "200")]
    pub warn_messages: String,

    /// Messages in the queue: CRITICAL outside RANGE
    #[arg(long, value_name = "RANGE", default_value = "2000")]
    pub crit_messages: String,

    /// Bytes in the queue: WARNING outside RANGE (none by default)
    #[arg(long, value_name = "RANGE")]
    pub warn_bytes: Option<String>,

    /// Bytes in the queue: CRITICAL outside RANGE (none by default)
    #[arg(long, value_name = "RANGE")]
    pub crit_bytes: Option<String>,

    /// The oldest message's age: WARNING above DURATION
    #[arg(long, value_name = "DURATION", value_parser = parse_duration, default_value = "1d")]
    pub warn_age: i64,

    /// The oldest message's age: CRITICAL above DURATION
    #[arg(long, value_name = "DURATION", value_parser = parse_duration, default_value = "4d")]
    pub crit_age: i64,

    /// One queue's messages: WARNING outside RANGE, as QUEUE=RANGE (hold=50); repeat it
    #[arg(long, value_name = "QUEUE=RANGE")]
    pub warn_queue: Vec<String>,

    /// One queue's messages: CRITICAL outside RANGE, as QUEUE=RANGE; repeat it
    #[arg(long, value_name = "QUEUE=RANGE")]
    pub crit_queue: Vec<String>,

    /// One queue's oldest message: WARNING above DURATION, as QUEUE=DURATION
    /// (incoming=1h); repeat it
    #[arg(long, value_name = "QUEUE=DURATION")]
    pub warn_queue_age: Vec<String>,

    /// One queue's oldest message: CRITICAL above DURATION, as QUEUE=DURATION; repeat it
    #[arg(long, value_name = "QUEUE=DURATION")]
    pub crit_queue_age: Vec<String>,

    /// A flood: one account, sender or sender domain holding more than this share (0-1)...
    #[arg(long, value_name = "SHARE", default_value_t = 0.5)]
    pub flood_warn_share: f64,

    /// ...and more than this many messages: WARNING
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub flood_warn_count: u64,

    /// A flood this large is CRITICAL: more than this share...
    #[arg(long, value_name = "SHARE", default_value_t = 0.8)]
    pub flood_crit_share: f64,

    /// ...and more than this many messages
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub flood_crit_count: u64,
}

const RECOVER_EXAMPLES: &str = "\
Examples:
  postq recover --dry-run                what an interrupted action left on hold
  postq recover                          release it, after a prompt
  postq recover --finish --yes           complete the interrupted delete instead";

#[derive(Debug, Args)]
pub struct RecoverArgs {
    /// Complete an interrupted delete (hold, re-check, delete) instead of releasing
    #[arg(long)]
    pub finish: bool,

    #[command(flatten)]
    pub confirm: ConfirmArgs,
}

const SHOW_EXAMPLES: &str = "\
Examples:
  postq show 3CDF598C162                 envelope, headers and body
  postq show 3CDF598C162 --envelope      who sent it: sasl_username, client_address
  postq show 3CDF598C162 --headers | grep -i '^subject:'";

const FLUSH_EXAMPLES: &str = "\
Examples:
  postq flush --dry-run                  how many deferred messages would be retried
  postq flush --yes                      postqueue -f
  postq flush --to @gmail.com --yes      retry one destination after it was fixed";

const COMPLETIONS_EXAMPLES: &str = "\
Examples:
  postq completions bash > /etc/bash_completion.d/postq
  postq completions zsh > /usr/local/share/zsh/site-functions/_postq
  postq completions fish > ~/.config/fish/completions/postq.fish";

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The message's queue ID; across hosts or instances (--host, --instance) as the list
    /// shows it, HOST:ID
    #[arg(value_name = "ID", value_parser = parse_shown_id_arg)]
    pub id: String,

    /// The envelope records (postcat -e)
    #[arg(long)]
    pub envelope: bool,

    /// The message headers (postcat -h)
    #[arg(long)]
    pub headers: bool,

    /// The message body (postcat -b)
    #[arg(long)]
    pub body: bool,
}

#[derive(Debug, Args)]
pub struct FlushArgs {
    #[command(flatten)]
    pub confirm: ConfirmArgs,

    // Last: its help heading would carry over to the options after it.
    #[command(flatten)]
    pub selection: SelectionArgs,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

const SUMMARY_EXAMPLES: &str = "\
Examples:
  postq summary                          one screen: queues, senders, domains, reasons, ages
  postq summary --by sender --top 20     the 20 senders with the most messages
  postq summary -q deferred --by reason  why the deferred mail is stuck
  postq summary --json | jq '.senders[0]'";

#[derive(Debug, Args)]
pub struct SummaryArgs {
    #[command(flatten)]
    pub input: InputArg,

    /// One grouping only, with count, bytes, share and oldest
    #[arg(long, value_enum, value_name = "FIELD")]
    pub by: Option<Grouping>,

    /// Rows per grouping (at least 1)
    #[arg(long, value_name = "N", default_value_t = 10, value_parser = parse_top)]
    pub top: usize,

    /// One JSON document: every grouping a list of {key, count, bytes, share, oldest_age},
    /// largest first
    #[arg(long)]
    pub json: bool,

    /// Read who sent each message (account, client, local user) from the queue files even
    /// for a large queue (the full summary does by itself up to 100,000 messages, as root)
    #[arg(long, conflicts_with = "no_origin")]
    pub origin: bool,

    /// Do not read the queue files: postqueue's fields only
    #[arg(long)]
    pub no_origin: bool,

    // Last: its help heading would carry over to the options after it.
    #[command(flatten)]
    pub selection: SelectionArgs,
}

const DELETE_EXAMPLES: &str = "\
Examples:
  postq delete -f compromised@customer.example --dry-run    preview
  postq delete -f compromised@customer.example              preview, confirm, delete
  postq delete -q deferred --older-than 5d --reason 'refused' --yes
  postq delete -w 'sender == MAILER-DAEMON and age > 2d' --dry-run --ids";

const HOLD_EXAMPLES: &str = "\
Examples:
  postq hold -f '*@spam.example'          quarantine while you look closer
  postq hold --to @victim.example --yes";

const RELEASE_EXAMPLES: &str = "\
Examples:
  postq release -f alice@customer.example   back to the deferred queue
  postq release --all --yes                 everything on hold";

const REQUEUE_EXAMPLES: &str = "\
Examples:
  postq requeue --to @gmail.com --reason '4\\.7\\.28'   after fixing the cause";

const PURGE_EXAMPLES: &str = "\
Examples:
  postq purge deferred --dry-run     how many would go
  postq purge deferred               asks you to type the count
  postq purge --yes                  hold, incoming, active and deferred, no question";

/// How an action is confirmed.
#[derive(Debug, Clone, Args)]
pub struct ConfirmArgs {
    /// Show what would be done (count, bytes, queues, senders) and change nothing
    #[arg(short = 'n', long)]
    pub dry_run: bool,

    /// Do it without asking (needed when there is no terminal to ask on)
    #[arg(short = 'y', long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct ActionArgs {
    /// Every message: required when no selector is given
    #[arg(long)]
    pub all: bool,

    #[command(flatten)]
    pub confirm: ConfirmArgs,

    /// In the preview, the exact messages: one queue ID a line (on stdout with --dry-run)
    #[arg(long, conflicts_with = "json")]
    pub ids: bool,

    /// In the preview, the exact messages: postqueue's JSON lines; after acting, the
    /// outcome as one JSON document on stdout (counts and IDs per class)
    #[arg(long)]
    pub json: bool,

    /// After acting, read, plan and act again up to N more times while messages still match
    /// (mail that arrived or was in motion meanwhile); the consent covers every round. Not
    /// for requeue: requeued mail comes back under new IDs
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub repeat: u32,

    /// Across hosts (--host, --hosts): with --yes, act on the hosts that could be read even
    /// when some could not (without it, nothing is changed anywhere then)
    #[arg(long)]
    pub skip_unreachable: bool,

    // Last: its help heading would carry over to the options after it.
    #[command(flatten)]
    pub selection: SelectionArgs,
}

#[derive(Debug, Args)]
pub struct DeleteArgs {
    #[command(flatten)]
    pub action: ActionArgs,

    /// Delete directly, without holding and re-checking first. Safe only where queue IDs
    /// are not reused (enable_long_queue_ids = yes, where this is the default) or Postfix is
    /// stopped
    #[arg(long)]
    pub no_verify: bool,
}

#[derive(Debug, Args)]
pub struct PurgeArgs {
    /// Queues to empty: active, deferred, hold, incoming, maildrop (default: hold, incoming,
    /// active and deferred)
    #[arg(value_name = "QUEUE", value_parser = QueueArg)]
    pub queues: Vec<QueueName>,

    #[command(flatten)]
    pub confirm: ConfirmArgs,
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

    #[command(flatten)]
    pub input: InputArg,

    /// Order by FIELD (default: the order postqueue lists them in)
    #[arg(long, value_enum, value_name = "FIELD")]
    pub sort: Option<SortField>,

    /// Reverse the order
    #[arg(long)]
    pub reverse: bool,

    /// Show at most N messages
    #[arg(long, value_name = "N")]
    pub limit: Option<u64>,

    /// Read who sent each message from the queue files (root); with --json, an `origin`
    /// member on every line
    #[arg(long)]
    pub origin: bool,

    // Last: its help heading would carry over to the options after it.
    #[command(flatten)]
    pub selection: SelectionArgs,
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

/// Which messages: every selector given must hold (they are ANDed).
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = SELECTION_HEADING)]
pub struct SelectionArgs {
    /// Envelope sender: user@example.com exactly (<user@example.com> too), @example.com
    /// (that domain, not its subdomains), globs with * and ? (*@*.example.com),
    /// MAILER-DAEMON or <> (the null sender); case-insensitive. Repeat it or separate with
    /// commas: any of them
    #[arg(short = 'f', long = "from", value_name = "PATTERN", value_delimiter = ',', value_parser = parse_address_arg)]
    pub from: Vec<TextMatcher>,

    /// Any recipient matches PATTERN (same forms as --from); repeat it or separate with
    /// commas: any of them
    #[arg(short = 't', long = "to", value_name = "PATTERN", value_delimiter = ',', value_parser = parse_address_arg)]
    pub to: Vec<TextMatcher>,

    /// In queue NAME: active, deferred, hold, incoming, maildrop; repeat it or separate with
    /// commas
    #[arg(short = 'q', long = "queue", value_name = "NAME", value_delimiter = ',', value_parser = QueueArg)]
    pub queues: Vec<QueueName>,

    /// Arrived more than DURATION ago: 90s, 30m, 2h, 3d, 1w, 1h30m
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub older_than: Option<i64>,

    /// Arrived less than DURATION ago
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub newer_than: Option<i64>,

    /// Any recipient's delay reason matches REGEX (case-insensitive)
    #[arg(long, value_name = "REGEX", value_parser = parse_reason_arg)]
    pub reason: Option<TextMatcher>,

    /// At least SIZE bytes: 512, 10k, 5M (1024-based)
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    pub min_size: Option<u64>,

    /// At most SIZE bytes
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    pub max_size: Option<u64>,

    /// The message with queue ID; repeat it for several
    #[arg(id = "id", long = "id", value_name = "ID", value_parser = parse_id_arg)]
    pub ids: Vec<String>,

    /// The messages whose queue IDs FILE lists, one a line (`-` for stdin), e.g. a saved
    /// `postq list --ids`
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub ids_from: Option<PathBuf>,

    /// The authenticated account (SASL login) that sent it: exact, or globs with * and ?;
    /// repeat for any of several. Read from the queue files (root)
    #[arg(long = "account", value_name = "PATTERN", value_parser = parse_account_arg)]
    pub accounts: Vec<TextMatcher>,

    /// The client that sent it: an IP address or a CIDR block (203.0.113.0/24,
    /// 2001:db8::/32); repeat for any of several. Read from the queue files (root)
    #[arg(long = "client", value_name = "IP|CIDR", value_parser = parse_client_arg)]
    pub clients: Vec<Vec<ipnet::IpNet>>,

    /// A filter expression, e.g. 'sender_domain == example.com and age > 2h'
    /// (see `man postq`, FILTER EXPRESSIONS)
    #[arg(short = 'w', long = "where", value_name = "EXPR")]
    pub expression: Option<String>,
}

fn parse_address_arg(text: &str) -> Result<TextMatcher, ValueError> {
    TextMatcher::address(text)
}

/// A queue name, with postq's own error, and the names for shell completion.
#[derive(Clone)]
struct QueueArg;

impl clap::builder::TypedValueParser for QueueArg {
    type Value = QueueName;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<QueueName, clap::Error> {
        let text = value.to_string_lossy();
        parse_queue_arg(&text).map_err(|err| {
            let arg = arg.map(ToString::to_string).unwrap_or_default();
            clap::Error::raw(
                clap::error::ErrorKind::ValueValidation,
                format!("invalid value '{text}' for '{arg}': {err}\n\nFor more information, try '--help'.\n"),
            )
            .with_cmd(cmd)
        })
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(QueueName::ALL.into_iter().map(|queue| {
            clap::builder::PossibleValue::new(queue.as_str())
        })))
    }
}

fn parse_queue_arg(text: &str) -> Result<QueueName, ValueError> {
    QueueName::parse(text.trim()).ok_or_else(|| {
        ValueError(format!(
            "unknown queue '{text}'; queues: {}",
            QueueName::ALL.map(QueueName::as_str).join(", ")
        ))
    })
}

fn parse_reason_arg(text: &str) -> Result<TextMatcher, ValueError> {
    TextMatcher::regex(text)
}

fn parse_account_arg(text: &str) -> Result<TextMatcher, ValueError> {
    if text.trim().is_empty() {
        return Err(ValueError(
            "empty account pattern; give the SASL login name, e.g. bob or bob@example.com".into(),
        ));
    }
    TextMatcher::glob(text.trim())
}

fn parse_client_arg(text: &str) -> Result<Vec<ipnet::IpNet>, ValueError> {
    parse_client(text).ok_or_else(|| {
        ValueError(format!(
            "invalid client '{text}': give an IP address or a CIDR block (203.0.113.7, \
             203.0.113.0/24, 2001:db8::/32)"
        ))
    })
}

fn parse_top(text: &str) -> Result<usize, ValueError> {
    match text.trim().parse::<usize>() {
        Ok(0) => Err(ValueError(
            "0 rows would show nothing: give 1 or more (--by FIELD for one grouping)".into(),
        )),
        Ok(top) => Ok(top),
        Err(_) => Err(ValueError(format!(
            "invalid number of rows '{text}': give 1 or more"
        ))),
    }
}

fn parse_id_arg(text: &str) -> Result<String, ValueError> {
    match check_queue_id(text) {
        Err(problem) => Err(ValueError(format!("invalid queue ID '{text}': {problem}"))),
        Ok(()) => Ok(text.to_string()),
    }
}

/// `ID`, or `PLACE:ID` as rows name a message across hosts and instances.
fn parse_shown_id_arg(text: &str) -> Result<String, ValueError> {
    let id = text.rsplit_once(':').map_or(text, |(_, id)| id);
    match check_queue_id(id) {
        Err(problem) => Err(ValueError(format!("invalid queue ID '{text}': {problem}"))),
        Ok(()) => Ok(text.to_string()),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_command_line_definition_is_consistent() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
