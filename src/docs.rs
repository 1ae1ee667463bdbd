//! Generated documentation: the man page and the shell completions, both from the clap
//! definitions, so they cannot drift from the program. `cargo run --example gen_docs`
//! writes them to docs/ and completions/; a test fails when the committed ones are stale.

use clap::{Arg, Command, CommandFactory};

use crate::cli::Cli;

/// A completion script for `shell`.
pub fn completion_script(shell: clap_complete::Shell) -> String {
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "postq", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The help heading of the selection options.
const SELECTION_HEADING: &str = "Selection (all given must hold)";

/// The man page, postq(1), in roff.
pub fn man_page() -> String {
    let mut command = Cli::command();
    command.build();
    let version = command.get_version().unwrap_or_default().to_string();
    let man = clap_mangen::Man::new(command.clone())
        .title("POSTQ")
        .section("1")
        .date("")
        .source(format!("postq {version}"))
        .manual("User Commands");
    let mut page = Vec::new();
    let _ = man.render_title(&mut page);
    let _ = man.render_name_section(&mut page);
    let _ = man.render_synopsis_section(&mut page);
    let mut page = String::from_utf8_lossy(&page).into_owned();
    page.push_str(DESCRIPTION);

    page.push_str(".SH GLOBAL OPTIONS\nAccepted before or after the command.\n");
    for arg in command.get_arguments().filter(|a| shown(a)) {
        page.push_str(&option(arg));
    }

    page.push_str(".SH COMMANDS\n");
    for sub in command.get_subcommands() {
        page.push_str(&format!(".SS \"postq {}\"\n", sub.get_name()));
        let about = sub
            .get_long_about()
            .or_else(|| sub.get_about())
            .map(|text| text.to_string())
            .unwrap_or_default();
        page.push_str(&paragraphs(&about));
        let usage = sub
            .clone()
            .bin_name(format!("postq {}", sub.get_name()))
            .render_usage()
            .to_string();
        let usage = usage.trim_start_matches("Usage: ");
        page.push_str(&format!(".PP\n\\fB{}\\fR\n", roff_escape(usage)));
        if takes_selection(sub) {
            page.push_str(".PP\nAnd the selection options (see SELECTION).\n");
        }
        let own = |a: &&Arg| shown(a) && !a.is_global_set() && !is_selection(a);
        for arg in sub.get_arguments().filter(own) {
            page.push_str(&option(arg));
        }
    }

    page.push_str(".SH SELECTION\n");
    page.push_str(
        "The commands list, summary, delete, hold, release, requeue and flush pick messages \
         with these options. All that are given must hold.\n",
    );
    if let Some(list) = command.find_subcommand("list") {
        for arg in list.get_arguments().filter(|a| is_selection(a)) {
            page.push_str(&option(arg));
        }
    }
    page.push_str(FILTER_EXPRESSIONS);
    page.push_str(SAFETY);
    page.push_str(EXAMPLES);
    page.push_str(EXIT_STATUS);
    page.push_str(ENVIRONMENT);
    page.push_str(FILES);
    page.push_str(SEE_ALSO);
    page
}

fn shown(arg: &Arg) -> bool {
    !arg.is_hide_set() && !matches!(arg.get_id().as_str(), "help" | "version")
}

fn is_selection(arg: &Arg) -> bool {
    arg.get_help_heading() == Some(SELECTION_HEADING)
}

fn takes_selection(command: &Command) -> bool {
    command.get_arguments().any(is_selection)
}

/// One option as a roff tagged paragraph.
fn option(arg: &Arg) -> String {
    let mut names = Vec::new();
    if let Some(short) = arg.get_short() {
        names.push(format!("\\fB\\-{short}\\fR"));
    }
    if let Some(long) = arg.get_long() {
        names.push(format!("\\fB\\-\\-{}\\fR", long.replace('-', "\\-")));
    }
    let takes_value = arg.get_num_args().is_some_and(|n| n.takes_values());
    let value = arg
        .get_value_names()
        .and_then(|names| names.first())
        .map(|name| format!("\\fI{name}\\fR"))
        .filter(|_| takes_value)
        .unwrap_or_default();
    let head = if names.is_empty() {
        value.clone()
    } else if value.is_empty() {
        names.join(", ")
    } else {
        format!("{} {value}", names.join(", "))
    };
    let help = arg
        .get_long_help()
        .or_else(|| arg.get_help())
        .map(|text| text.to_string())
        .unwrap_or_default();
    let mut text = format!(".TP\n{head}\n{}\n", roff_escape(&help.replace('\n', " ")));
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !values.is_empty() && takes_value {
        text.push_str(&format!("Values: {}.\n", roff_escape(&values.join(", "))));
    }
    if let Some(default) = arg.get_default_values().first()
        && takes_value
    {
        text.push_str(&format!(
            "Default: {}.\n",
            roff_escape(&default.to_string_lossy())
        ));
    }
    text
}

fn paragraphs(text: &str) -> String {
    let mut out = String::new();
    for paragraph in text.split("\n\n") {
        out.push_str(".PP\n");
        out.push_str(&roff_escape(&paragraph.replace('\n', " ")));
        out.push('\n');
    }
    out
}

/// Text safe in roff: backslashes and dashes escaped, no line starting with a dot.
fn roff_escape(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    escaped
        .lines()
        .map(|line| {
            if line.starts_with('.') || line.starts_with('\'') {
                format!("\\&{line}")
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

const DESCRIPTION: &str = r#".SH DESCRIPTION
postq is a tool for the Postfix mail queue: to see what is in it, find who is flooding it,
and remove or quarantine exactly those messages, with a preview first.
.PP
It reads the queue with Postfix's own \fBpostqueue \-j\fR, streaming, and picks messages
with flags (\fB\-\-from\fR, \fB\-\-to\fR, \fB\-\-queue\fR, \fB\-\-older\-than\fR,
\fB\-\-reason\fR, ...) and a filter language (\fB\-\-where\fR). It shows them as a table,
JSON lines, queue IDs or a count (\fBlist\fR), or as the shape of the queue (\fBsummary\fR).
It deletes, holds, releases or requeues them through one \fBpostsuper\fR process that reads
all their queue IDs on stdin, and shows a message with \fBpostcat\fR.
.PP
Everything it runs gets \fB\-c\fR \fIDIR\fR when \fB\-\-config\-dir\fR is given, for a second
Postfix instance. Changing the queue and reading another instance's queue need root.
"#;

const FILTER_EXPRESSIONS: &str = r#".SH FILTER EXPRESSIONS
An expression compares fields of a message with values, and combines the comparisons with
\fBand\fR, \fBor\fR and \fBnot\fR (also \fB&&\fR, \fB||\fR and \fB!\fR) and parentheses.
\fBnot\fR binds tighter than \fBand\fR, \fBand\fR tighter than \fBor\fR.
.SS Fields
.TP
\fBid\fR
the queue ID (case-sensitive)
.TP
\fBqueue\fR
maildrop, incoming, active, deferred or hold
.TP
\fBsender\fR, \fBsender_domain\fR
the envelope sender and its domain; the null sender is MAILER\-DAEMON or <>
.TP
\fBrecipient\fR, \fBrecipient_domain\fR
any recipient, any recipient's domain
.TP
\fBreason\fR
any recipient's delay reason
.TP
\fBsize\fR
message_size in bytes; values take k, M, G (1024\-based): 512, 10k, 1.5M
.TP
\fBage\fR
time since arrival; values need a unit: 90s, 30m, 2h, 3d, 1w, 1h30m
.TP
\fBrecipients\fR
the number of recipients
.TP
\fBexpired\fR
forced to expire (postsuper \-f); stands alone: \fBexpired\fR, \fBnot expired\fR
.PP
postqueue's own member names work too: queue_id, queue_name, message_size, delay_reason,
forced_expire.
.SS Operators
.TP
\fB==\fR, \fB!=\fR
equal, not equal. Case-insensitive for addresses and domains, where the value is a
pattern: \fBuser@example.com\fR exactly, \fB@example.com\fR any address of that domain (not
its subdomains), globs with \fB*\fR and \fB?\fR (\fB*@*.example.com\fR), \fBMAILER\-DAEMON\fR
or \fB<>\fR for the null sender.
.TP
\fB~\fR, \fB!~\fR
matches, does not match a regular expression (Rust regex syntax), case-insensitive unless
the pattern says \fB(?\-i)\fR.
.TP
\fB<\fR, \fB<=\fR, \fB>\fR, \fB>=\fR
for size, age and recipients.
.PP
recipient, recipient_domain and reason hold when any recipient matches; \fB!=\fR and
\fB!~\fR on them hold when no recipient matches. Values are bare words or strings in double
or single quotes; in a string, a backslash escapes the quote and itself and stays
otherwise, so regular expressions read as written.
.PP
A mistake exits with status 2 and shows the expression with a caret under the fault:
.PP
.nf
.RS
postq: error: invalid \-\-where expression at column 40: invalid duration '2x' ...
  sender_domain == example.com and age > 2x
                                         ^^
.RE
.fi
.SS Examples
.nf
.RS
sender_domain == example.com and age > 2h and (reason ~ "refused" or queue == hold)
recipients > 10 and not sender == @example.org
sender == <> and age > 1d
reason ~ '4\e.7\e.(1|28)' or recipient_domain == gmail.com
.RE
.fi
"#;

const SAFETY: &str = r#".SH SAFETY
An action (delete, hold, release, requeue, purge, and a flush of more than one message)
never acts without a selection or \fB\-\-all\fR; \fB\-\-dry\-run\fR shows exactly what would
be done and changes nothing. Otherwise it asks on a terminal, showing the same preview (the
answer defaults to no; above 1,000 messages, and for a purge, you type the count), and
without a terminal it does nothing unless \fB\-\-yes\fR is given.
.PP
It acts on exactly the previewed messages. A queue listing that fails or has a malformed
line stops it before anything changes. Where Postfix reuses queue IDs
(enable_long_queue_ids = no, the default), a delete first holds the selected messages,
reads the queue again, deletes from the hold queue only those that still have the planned
arrival time, sender and size, and releases any other message it held. Messages in maildrop
cannot be held and are left alone.
"#;

const EXAMPLES: &str = r#".SH EXAMPLES
An account was compromised and floods the deferred queue.
.PP
.nf
.RS
# Where is the weight? The summary names the culprit.
postq summary
# Its messages, and a preview of their removal.
postq list \-\-from compromised@customer.example
postq delete \-\-from compromised@customer.example \-\-dry\-run
# Delete them (a prompt on a terminal; \-\-yes in scripts).
postq delete \-\-from compromised@customer.example
# Old bounces, and everything still deferred for a refused connection after two days.
postq delete \-w 'sender == <> and age > 1d' \-\-yes
postq delete \-q deferred \-\-older\-than 2d \-\-reason 'refused' \-\-dry\-run \-\-ids
# Quarantine, look closer, release.
postq hold \-t @victim.example \-\-yes
postq show 3CDF598C162 \-\-envelope
postq release \-t @victim.example \-\-yes
# A second instance, and a dump read elsewhere.
postq \-c /etc/postfix\-out summary \-\-by reason
postqueue \-j > queue.jsonl; postq \-\-input queue.jsonl summary
.RE
.fi
"#;

const EXIT_STATUS: &str = r#".SH EXIT STATUS
.TP
\fB0\fR
Success, including an empty queue and a selection that matched nothing.
.TP
\fB1\fR
A Postfix program failed or could not be run, or the queue data could not be read.
.TP
\fB2\fR
Usage error: a bad option, filter expression, duration, size, queue name or queue ID.
.TP
\fB3\fR
An action was not confirmed: declined at the prompt, or no terminal and no \fB\-\-yes\fR.
.TP
\fB130\fR
An action was interrupted (Ctrl\-C, a closed session, TERM) while it ran. It stopped at a safe
point: a delete releases the messages it had put on hold and deletes nothing more.
"#;

const ENVIRONMENT: &str = r#".SH ENVIRONMENT
.TP
\fBNO_COLOR\fR
When set and not empty, no colour with \fB\-\-color auto\fR.
.TP
\fBCOLUMNS\fR
The width tables are fitted to on a terminal.
.TP
\fBPATH\fR
Where postqueue, postsuper, postcat and postconf are looked for; then /usr/sbin and
/usr/local/sbin.
"#;

const FILES: &str = r#".SH FILES
.TP
\fI/etc/postfix/main.cf\fR
The default Postfix configuration; \fB\-c\fR \fIDIR\fR names another directory with a main.cf.
.TP
\fI/usr/sbin/postqueue\fR, \fI/usr/sbin/postsuper\fR, \fI/usr/sbin/postcat\fR, \fI/usr/sbin/postconf\fR
The Postfix programs postq runs.
"#;

const SEE_ALSO: &str = r#".SH SEE ALSO
\fBpostqueue\fR(1), \fBpostsuper\fR(1), \fBpostcat\fR(1), \fBqshape\fR(1), \fBpostconf\fR(5)
"#;
