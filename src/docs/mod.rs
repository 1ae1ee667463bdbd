//! Generated documentation: the man page and the shell completions, both from the clap
//! definitions, so they cannot drift from the program. `cargo run --example gen_docs`
//! writes them to docs/ and completions/; a test fails when the committed ones are stale.

use clap::{Arg, Command, CommandFactory};

use crate::cli::{Cli, SELECTION_HEADING};

/// The committed completion files, by shell.
pub const COMPLETION_FILES: [(clap_complete::Shell, &str); 5] = [
    (clap_complete::Shell::Bash, "completions/postq.bash"),
    (clap_complete::Shell::Zsh, "completions/_postq"),
    (clap_complete::Shell::Fish, "completions/postq.fish"),
    (clap_complete::Shell::Elvish, "completions/postq.elv"),
    (clap_complete::Shell::PowerShell, "completions/_postq.ps1"),
];

/// A completion script for `shell`.
pub fn completion_script(shell: clap_complete::Shell) -> String {
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "postq", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The man page, postq(1), in roff: the template with its generated parts filled in.
pub fn man_page() -> String {
    let mut command = Cli::command();
    command.build();
    TEMPLATE
        .lines()
        .filter(|line| !line.starts_with(".\\\""))
        .map(|line| match line {
            "!!HEADER!!" => header(&command),
            "!!GLOBAL OPTIONS!!" => global_options(&command),
            "!!COMMANDS!!" => commands(&command),
            "!!SELECTION!!" => selection(&command),
            text => format!("{text}\n"),
        })
        .collect()
}

/// The written parts of the page; `!!NAME!!` lines stand for generated ones.
const TEMPLATE: &str = include_str!("postq.1.template");

/// Title, NAME and SYNOPSIS (clap_mangen).
fn header(command: &Command) -> String {
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
    let mut page = String::from_utf8_lossy(&page).into_owned();
    page.push_str(&synopsis(command));
    page
}

/// `postq [-c|--config-dir DIR] ... COMMAND [OPTIONS]`: every global option with its
/// argument (clap_mangen's synopsis leaves the arguments out).
fn synopsis(command: &Command) -> String {
    let mut line = String::from("\\fBpostq\\fR");
    for arg in command.get_arguments().filter(|a| shown(a)) {
        let mut names = Vec::new();
        if let Some(short) = arg.get_short() {
            names.push(format!("\\fB\\-{short}\\fR"));
        }
        if let Some(long) = arg.get_long() {
            names.push(format!("\\fB\\-\\-{}\\fR", long.replace('-', "\\-")));
        }
        let value = arg
            .get_value_names()
            .and_then(|names| names.first())
            .filter(|_| arg.get_num_args().is_some_and(|n| n.takes_values()))
            .map(|name| format!(" \\fI{name}\\fR"))
            .unwrap_or_default();
        line.push_str(&format!(" [{}{value}]", names.join("|")));
    }
    line.push_str(" \\fICOMMAND\\fR [\\fIOPTIONS\\fR]\n");
    format!(".SH SYNOPSIS\n{line}")
}

fn global_options(command: &Command) -> String {
    let mut page = String::from(".SH GLOBAL OPTIONS\nAccepted before or after the command.\n");
    for arg in command.get_arguments().filter(|a| shown(a)) {
        page.push_str(&option(arg));
    }
    page
}

/// Each command: what it does, its usage and its own options.
fn commands(command: &Command) -> String {
    let mut page = String::from(".SH COMMANDS\n");
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
    page
}

fn selection(command: &Command) -> String {
    let mut page = String::from(
        ".SH SELECTION\nThe commands list, summary, delete, hold, release, requeue and flush \
         pick messages with these options. All that are given must hold.\n",
    );
    if let Some(list) = command.find_subcommand("list") {
        for arg in list.get_arguments().filter(|a| is_selection(a)) {
            page.push_str(&option(arg));
        }
    }
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
    let mut text = format!(
        ".TP\n{head}\n{}\n",
        roff_escape(&sentence(&help.replace('\n', " ")))
    );
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
        out.push_str(&roff_escape(&sentence(&paragraph.replace('\n', " "))));
        out.push('\n');
    }
    out
}

/// Help text as a sentence in the man page: clap's one-liners have no full stop.
fn sentence(text: &str) -> String {
    let text = text.trim_end();
    if text.is_empty() || text.ends_with(['.', '!', '?', ':']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
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
