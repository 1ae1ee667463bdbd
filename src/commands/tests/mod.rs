//! The commands that change the queue, with the test double and a scripted prompter: what
//! is planned, when it may go ahead, what is called, what is reported.

use std::io;
use std::sync::atomic::AtomicBool;

use super::*;
use crate::action::{Journal, Plan, Verify, execute};
use crate::cli::{ActionArgs, ConfirmArgs, PurgeArgs, SelectionArgs};
use crate::queue::QueueName;
use crate::queue::testing::line as entry;
use crate::selection::TextMatcher;
use crate::settings::{Input, Terminal};
use crate::testing::FakePostfix;

fn queue() -> Vec<String> {
    vec![
        entry("deferred", "A1", "spam@bad.example", 100),
        entry("deferred", "A2", "spam@bad.example", 200),
        entry("hold", "A3", "spam@bad.example", 300),
        entry("maildrop", "A4", "spam@bad.example", 400),
        entry("deferred", "B1", "ok@good.example", 500),
        entry("hold", "B2", "ok@good.example", 600),
    ]
}

fn settings(interactive: bool) -> Settings {
    Settings {
        config_dir: None,
        input: None,
        color: false,
        terminal: Terminal {
            stdin: interactive,
            stdout: false,
            stderr: interactive,
            width: None,
        },
        now: 5000,
        maillog: None,
        state_dir: state_dir(),
        timeout: std::time::Duration::from_secs(60),
        places: 0,
        host: None,
        parallel: 8,
        places_args: String::new(),
    }
}

/// Journals of one test: a directory of its own (tests run side by side, and a journal
/// left by one must not be another's).
fn state_dir() -> std::path::PathBuf {
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    std::env::temp_dir().join(format!("postq-unit-{}-{n}", std::process::id()))
}

/// Answers prompts from a script; records the questions.
struct Scripted {
    confirm: Option<bool>,
    answer: Option<&'static str>,
    asked: Vec<String>,
}

impl Scripted {
    fn none() -> Scripted {
        Scripted {
            confirm: None,
            answer: None,
            asked: Vec::new(),
        }
    }
}

impl Prompter for Scripted {
    fn confirm(&mut self, question: &str) -> io::Result<bool> {
        self.asked.push(question.to_string());
        self.confirm.ok_or_else(|| io::Error::other("no terminal"))
    }

    fn ask(&mut self, question: &str) -> io::Result<String> {
        self.asked.push(question.to_string());
        self.answer
            .map(String::from)
            .ok_or_else(|| io::Error::other("no terminal"))
    }
}

struct Run {
    result: Result<()>,
    out: String,
    err: String,
}

fn action_args(from: &str, dry_run: bool, yes: bool) -> ActionArgs {
    let mut selection = SelectionArgs::default();
    if !from.is_empty() {
        selection.from = vec![TextMatcher::address(from).unwrap()];
    }
    ActionArgs {
        selection,
        all: false,
        confirm: ConfirmArgs { dry_run, yes },
        ids: false,
        json: false,
        repeat: 0,
        skip_unreachable: false,
    }
}

/// Runs `command` in a context of these settings, this Postfix and this prompter.
fn run_in(
    settings: &Settings,
    postfix: &FakePostfix,
    prompter: &mut Scripted,
    command: impl FnOnce(&mut Context<'_>) -> Result<()>,
) -> Run {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let result = command(&mut Context {
        settings,
        postfix,
        console: Console::new(&mut out, &mut err),
        prompter,
    });
    Run {
        result,
        out: String::from_utf8(out).unwrap(),
        err: String::from_utf8(err).unwrap(),
    }
}

fn run(
    settings: &Settings,
    operation: Operation,
    args: &ActionArgs,
    postfix: &FakePostfix,
    prompter: &mut Scripted,
) -> Run {
    run_in(settings, postfix, prompter, |ctx| {
        act::run(ctx, operation, args, false)
    })
}

/// `delete -f spam@bad.example --yes`, no terminal.
fn delete_spam_yes(postfix: &FakePostfix) -> Run {
    run(
        &settings(false),
        Operation::Delete,
        &action_args("spam@bad.example", false, true),
        postfix,
        &mut Scripted::none(),
    )
}

#[test]
fn a_dry_run_previews_and_calls_no_postsuper() {
    let postfix = FakePostfix::new(&queue());
    let done = run(
        &settings(true),
        Operation::Delete,
        &action_args("spam@bad.example", true, false),
        &postfix,
        &mut Scripted::none(),
    );
    assert!(done.result.is_ok());
    assert_eq!(postfix.calls(), ["list"]);
    assert_eq!(
        done.out,
        "Would delete 3 messages (600 B):\n  deferred  2  300 B\n  hold      1  300 B\nSenders:\n  3  600 B  spam@bad.example\n\
         Left alone: 1 message in maildrop, not picked up by Postfix yet (postsuper cannot hold them; run again once pickup has taken them: within a minute while Postfix runs)\n\
         Dry run: nothing was changed.\n"
    );
}

#[test]
fn dry_run_ids_are_the_exact_messages_on_stdout() {
    let postfix = FakePostfix::new(&queue());
    let mut args = action_args("spam@bad.example", true, false);
    args.ids = true;
    let done = run(
        &settings(false),
        Operation::Delete,
        &args,
        &postfix,
        &mut Scripted::none(),
    );
    assert_eq!(done.out, "A1\nA2\nA3\n");
    assert!(done.err.contains("Would delete 3 messages"));
    let mut args = action_args("spam@bad.example", true, false);
    args.json = true;
    let done = run(
        &settings(false),
        Operation::Delete,
        &args,
        &postfix,
        &mut Scripted::none(),
    );
    let ids: Vec<String> = done
        .out
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["queue_id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids, ["A1", "A2", "A3"]);
}

#[test]
fn without_a_terminal_and_without_yes_nothing_changes_and_the_exit_is_3() {
    let postfix = FakePostfix::new(&queue());
    let mut prompter = Scripted::none();
    let done = run(
        &settings(false),
        Operation::Delete,
        &action_args("spam@bad.example", false, false),
        &postfix,
        &mut prompter,
    );
    let err = done.result.unwrap_err();
    assert_eq!(err.exit_code(), 3);
    assert!(err.hint().unwrap().contains("--yes"));
    assert!(prompter.asked.is_empty());
    assert!(postfix.postsuper_calls().is_empty());
    assert_eq!(postfix.ids().len(), 6);
    // The preview went to stderr, so the refusal says what it was about.
    assert!(done.err.contains("Delete 3 messages"));
}

#[test]
fn the_prompt_decides() {
    for (answer, changed) in [(Some(true), true), (Some(false), false), (None, false)] {
        let postfix = FakePostfix::new(&queue());
        let mut prompter = Scripted {
            confirm: answer,
            answer: None,
            asked: Vec::new(),
        };
        let done = run(
            &settings(true),
            Operation::Hold,
            &action_args("spam@bad.example", false, false),
            &postfix,
            &mut prompter,
        );
        assert_eq!(prompter.asked, ["Hold 2 messages?"]);
        assert_eq!(done.result.is_ok(), changed, "{answer:?}");
        if changed {
            assert_eq!(postfix.postsuper_calls(), ["postsuper -h -: A1 A2"]);
            assert_eq!(done.out, "Put 2 of 2 selected messages on hold.\n");
        } else {
            assert_eq!(done.result.unwrap_err().exit_code(), 3);
            assert!(postfix.postsuper_calls().is_empty());
        }
    }
}

#[test]
fn large_selections_need_the_count_typed() {
    let lines: Vec<String> = (0..1001)
        .map(|i| entry("deferred", &format!("C{i:04}"), "bulk@bad.example", 10))
        .collect();
    for (typed, changed) in [
        ("1001", true),
        ("1,001", true),
        ("1000", false),
        ("y", false),
    ] {
        let postfix = FakePostfix::new(&lines);
        let mut prompter = Scripted {
            confirm: Some(true),
            answer: Some(typed),
            asked: Vec::new(),
        };
        let done = run(
            &settings(true),
            Operation::Delete,
            &action_args("bulk@bad.example", false, false),
            &postfix,
            &mut prompter,
        );
        assert_eq!(
            prompter.asked,
            ["To delete 1,001 messages, type the number of messages (1001)"]
        );
        assert_eq!(done.result.is_ok(), changed, "{typed}");
        assert_eq!(postfix.ids().is_empty(), changed, "{typed}");
    }
}

#[test]
fn no_selection_and_no_all_is_refused_before_reading() {
    let postfix = FakePostfix::new(&queue());
    let done = run(
        &settings(true),
        Operation::Delete,
        &action_args("", false, true),
        &postfix,
        &mut Scripted::none(),
    );
    assert_eq!(done.result.unwrap_err().exit_code(), 2);
    assert!(postfix.calls().is_empty());
    // --all is the explicit everything: messages on hold before are selected too.
    let mut args = action_args("", false, true);
    args.all = true;
    let done = run(
        &settings(false),
        Operation::Delete,
        &args,
        &postfix,
        &mut Scripted::none(),
    );
    assert!(done.result.is_ok());
    assert_eq!(postfix.ids(), ["A4"]);
}

#[test]
fn input_is_refused_for_actions() {
    let postfix = FakePostfix::new(&queue());
    let mut settings = settings(true);
    settings.input = Some(Input::Stdin);
    let done = run(
        &settings,
        Operation::Delete,
        &action_args("spam@bad.example", true, false),
        &postfix,
        &mut Scripted::none(),
    );
    assert_eq!(done.result.unwrap_err().exit_code(), 2);
    assert!(postfix.calls().is_empty());
}

#[test]
fn a_verified_delete_holds_rereads_deletes_from_hold_and_leaves_the_rest() {
    let postfix = FakePostfix::new(&queue());
    let done = delete_spam_yes(&postfix);
    assert!(done.result.is_ok(), "{}", done.err);
    assert_eq!(
        postfix.calls(),
        [
            "list",
            "postsuper -h -: A1 A2",
            "list",
            "postsuper -d - hold: A1 A2 A3",
            "list",
        ]
    );
    assert_eq!(postfix.ids(), ["A4", "B1", "B2"]);
    // Held before and not selected: still held. Not selected: untouched.
    assert_eq!(postfix.queue_of("B2").as_deref(), Some("hold"));
    assert_eq!(postfix.queue_of("B1").as_deref(), Some("deferred"));
    assert_eq!(done.out, "Deleted 3 of 3 selected messages.\n");
}

#[test]
fn a_queue_id_taken_by_another_message_is_never_deleted() {
    let postfix = FakePostfix::new(&queue());
    // Between the preview and the delete, A2 is delivered and Postfix gives its ID to a
    // new message from someone else; A1 leaves the queue.
    postfix.after_listing(1, |queue| {
        queue.retain(|e| e["queue_id"] != "A1");
        let a2 = queue.iter_mut().find(|e| e["queue_id"] == "A2").unwrap();
        a2["sender"] = "ceo@good.example".into();
        a2["arrival_time"] = 4000.into();
    });
    let done = delete_spam_yes(&postfix);
    assert!(done.result.is_ok(), "{}", done.err);
    assert_eq!(
        postfix.postsuper_calls(),
        [
            "postsuper -h -: A1 A2",
            "postsuper -d - hold: A3",
            "postsuper -H - hold: A2",
        ]
    );
    // The new A2 is in the queue, back out of hold.
    assert_eq!(postfix.queue_of("A2").as_deref(), Some("deferred"));
    assert_eq!(
        done.out,
        "Deleted 1 of 3 selected messages; 1 had already left the queue.\n\
         1 queue ID now named a different message than the one previewed (Postfix reuses short queue IDs): it was left in the queue.\n"
    );
}

#[test]
fn long_queue_ids_are_checked_then_deleted_without_holding() {
    // Long IDs are never reused: no hold, but still a re-read after consent.
    let postfix = FakePostfix::new(&[
        entry("deferred", "4jbGr21jPzz1SSZr", "spam@bad.example", 100),
        entry("hold", "4jbGr21jPzz1SSZs", "spam@bad.example", 200),
        entry("deferred", "4jbGr21jPzz1SSZt", "ok@good.example", 300),
    ]);
    let done = delete_spam_yes(&postfix);
    assert!(done.result.is_ok(), "{}", done.err);
    assert_eq!(
        postfix.calls(),
        [
            "list",
            "list",
            "postsuper -d - hold incoming active deferred: 4jbGr21jPzz1SSZr 4jbGr21jPzz1SSZs",
            "list",
        ]
    );
    assert_eq!(postfix.ids(), ["4jbGr21jPzz1SSZt"]);
}

#[test]
fn a_failing_postsuper_exits_1_and_releases_what_was_held() {
    let postfix = FakePostfix::new(&queue());
    postfix.fail_postsuper("-d", 0);
    let done = delete_spam_yes(&postfix);
    let err = done.result.unwrap_err();
    assert_eq!(err.exit_code(), 1);
    assert!(
        err.to_string().contains("reserved for the superuser"),
        "{err}"
    );
    assert_eq!(
        postfix.postsuper_calls(),
        [
            "postsuper -h -: A1 A2",
            "postsuper -d - hold: A1 A2 A3",
            "postsuper -H - hold: A1 A2",
        ]
    );
    assert_eq!(postfix.queue_of("A1").as_deref(), Some("deferred"));
    assert_eq!(
        done.out,
        "Deleted 0 of 3 selected messages, then stopped on the error below.\n"
    );
}

#[test]
fn a_damaged_listing_aborts_before_anything_changes() {
    let postfix = FakePostfix::new(&queue());
    postfix.doctor_listing(1, |_, text| {
        text.push_str("{\"queue_name\": \"deferred\", \"queue_id\": \"Z9\"\n")
    });
    let done = delete_spam_yes(&postfix);
    let error = done.result.unwrap_err();
    assert_eq!(error.exit_code(), 1);
    assert!(error.to_string().contains("nothing was changed"), "{error}");
    assert!(done.err.contains("line 7"), "{}", done.err);
    assert!(postfix.postsuper_calls().is_empty());
}

#[test]
fn an_interruption_after_the_hold_releases_and_deletes_nothing() {
    let postfix = FakePostfix::new(&queue());
    let plan = {
        let mut plan = Plan::new(Operation::Delete, false);
        for line in queue() {
            let parsed = crate::queue::parse_line(1, &line).unwrap();
            if parsed.entry.sender == "spam@bad.example" {
                plan.add(&parsed.entry, parsed.text);
            }
        }
        plan
    };
    // Ctrl-C came while postsuper was holding.
    let interrupted = AtomicBool::new(true);
    let outcome = execute(
        &plan,
        &postfix,
        Verify::Yes,
        &mut Journal::none(),
        &interrupted,
    );
    assert!(matches!(outcome.failure, Some(Error::Interrupted)));
    assert_eq!(outcome.acted, 0);
    assert_eq!(
        postfix.postsuper_calls(),
        ["postsuper -h -: A1 A2", "postsuper -H - hold: A1 A2"]
    );
    assert_eq!(postfix.queue_of("A1").as_deref(), Some("deferred"));
    assert_eq!(postfix.ids().len(), 6);
}

#[test]
fn a_damaged_reread_releases_and_deletes_nothing() {
    let postfix = FakePostfix::new(&queue());
    postfix.doctor_listing(2, |_, text| {
        text.push_str("{\"queue_name\": \"hold\", \"queue_id\": \n")
    });
    let done = delete_spam_yes(&postfix);
    assert_eq!(done.result.unwrap_err().exit_code(), 1);
    assert_eq!(
        postfix.postsuper_calls(),
        ["postsuper -h -: A1 A2", "postsuper -H - hold: A1 A2"]
    );
    assert_eq!(postfix.ids().len(), 6);
}

#[test]
fn release_takes_held_messages_only_and_requeue_says_ids_change() {
    let postfix = FakePostfix::new(&queue());
    let mut args = action_args("", false, true);
    args.all = true;
    let done = run(
        &settings(false),
        Operation::Release,
        &args,
        &postfix,
        &mut Scripted::none(),
    );
    assert!(done.result.is_ok());
    assert_eq!(postfix.postsuper_calls(), ["postsuper -H - hold: A3 B2"]);
    let done = run(
        &settings(false),
        Operation::Requeue,
        &action_args("ok@good.example", false, true),
        &postfix,
        &mut Scripted::none(),
    );
    assert!(
        done.out.contains("Requeued 2 of 2 selected messages."),
        "{}",
        done.out
    );
    assert!(done.out.contains("new queue IDs"));
}

#[test]
fn purge_asks_for_the_count_and_runs_delete_all() {
    let postfix = FakePostfix::new(&queue());
    let args = PurgeArgs {
        queues: vec![QueueName::Hold],
        confirm: ConfirmArgs {
            dry_run: false,
            yes: false,
        },
    };
    for (typed, done) in [("3", false), ("2", true)] {
        let mut prompter = Scripted {
            confirm: Some(true),
            answer: Some(typed),
            asked: Vec::new(),
        };
        let ran = run_in(&settings(true), &postfix, &mut prompter, |ctx| {
            purge::run(ctx, &args)
        });
        assert_eq!(ran.result.is_ok(), done, "{typed}");
        assert_eq!(
            prompter.asked,
            ["To purge 2 messages, type the number of messages (2)"]
        );
        if done {
            assert_eq!(postfix.postsuper_calls(), ["postsuper -d ALL hold"]);
            assert_eq!(ran.out, "Deleted 2 messages from hold.\n");
        } else {
            assert!(postfix.postsuper_calls().is_empty());
        }
    }
}

mod moving;
mod origins;
