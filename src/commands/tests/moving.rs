//! Actions on a queue that moves between the preview and the action: every operation acts
//! only on the previewed messages, and the outcome says what became of each of them.

use serde_json::Value;

use super::*;

/// `OPERATION -f spam@bad.example --yes` with extra settings.
fn act(postfix: &FakePostfix, operation: Operation, change: impl FnOnce(&mut ActionArgs)) -> Run {
    let mut args = action_args("spam@bad.example", false, true);
    change(&mut args);
    run(
        &settings(false),
        operation,
        &args,
        postfix,
        &mut Scripted::none(),
    )
}

/// Runs a command line (without `postq`) in `ctx`.
fn run_args(ctx: &mut Context<'_>, args: &[&str]) -> Result<()> {
    use clap::Parser;
    let cli = crate::cli::Cli::try_parse_from(std::iter::once("postq").chain(args.iter().copied()))
        .unwrap();
    super::super::run(&cli.command, ctx)
}

fn find<'a>(queue: &'a mut [Value], id: &str) -> &'a mut Value {
    queue.iter_mut().find(|e| e["queue_id"] == id).unwrap()
}

type Change = fn(&mut Value);

/// Each identity field alone, changed under the same queue ID.
const CHANGES: [(&str, Change); 3] = [
    ("arrival_time", |e| e["arrival_time"] = 4321.into()),
    ("sender", |e| e["sender"] = "ceo@good.example".into()),
    ("size", |e| e["message_size"] = 101.into()),
];

#[test]
fn a_message_changed_in_any_identity_field_is_not_acted_on_by_any_operation() {
    // (operation, where the two spam messages are, where C2 ends up)
    let operations = [
        (Operation::Delete, "deferred", None),
        (Operation::Hold, "deferred", Some("hold")),
        (Operation::Release, "hold", Some("deferred")),
        (Operation::Requeue, "deferred", Some("maildrop")),
    ];
    for (field, change) in CHANGES {
        for (operation, queue, after) in operations {
            let postfix = FakePostfix::new(&[
                entry(queue, "C1", "spam@bad.example", 100),
                entry(queue, "C2", "spam@bad.example", 200),
            ]);
            postfix.after_listing(1, move |queue| change(find(queue, "C1")));
            let done = act(&postfix, operation, |_| {});
            let case = format!("{operation:?} with {field} changed");
            assert!(done.result.is_ok(), "{case}: {}", done.err);
            // The message now under C1 is where it was, untouched; C2 was acted on.
            assert_eq!(postfix.queue_of("C1").as_deref(), Some(queue), "{case}");
            assert_eq!(postfix.queue_of("C2").as_deref(), after, "{case}");
            assert!(
                done.out.contains("of 2 selected messages")
                    && done
                        .out
                        .contains("1 queue ID now named a different message"),
                "{case}: {}",
                done.out
            );
        }
    }
}

#[test]
fn a_queue_id_listed_twice_is_previewed_and_acted_on_once() {
    let twice = |postfix: &FakePostfix| {
        postfix.doctor_listing(1, |entries, _| {
            let again = entries[0].clone();
            entries.push(again);
        })
    };
    let postfix = FakePostfix::new(&queue());
    twice(&postfix);
    let preview = act(&postfix, Operation::Delete, |args| {
        args.confirm.dry_run = true
    });
    assert!(
        preview.out.starts_with("Would delete 3 messages"),
        "{}",
        preview.out
    );
    let postfix = FakePostfix::new(&queue());
    twice(&postfix);
    let done = delete_spam_yes(&postfix);
    assert_eq!(
        postfix.postsuper_calls(),
        ["postsuper -h -: A1 A2", "postsuper -d - hold: A1 A2 A3"]
    );
    assert_eq!(done.out, "Deleted 3 of 3 selected messages.\n");
}

#[test]
fn mail_released_by_someone_else_during_a_delete_is_reported_as_moved_not_stuck() {
    let postfix = FakePostfix::new(&queue());
    // Another admin's `release --all` right after postq put the spam on hold.
    postfix.after_postsuper("-h", |queue| {
        for entry in queue.iter_mut() {
            if entry["queue_name"] == "hold" {
                entry["queue_name"] = "deferred".into();
            }
        }
    });
    let done = delete_spam_yes(&postfix);
    assert!(done.result.is_ok(), "{}", done.err);
    assert_eq!(
        done.out,
        "Deleted 0 of 3 selected messages.\n\
         3 messages were moved by someone else meanwhile (still queued, not where postq \
         expected them): left alone.\n\
         3 messages matching the selection are still queued (arrived, or in motion while the \
         queue was listed): run the same command again, or add --repeat N.\n"
    );
    assert!(!done.err.contains("postsuper -H"), "{}", done.err);
    assert_eq!(postfix.ids().len(), 6);
}

#[test]
fn what_postq_held_and_could_not_release_is_named_in_a_file_for_postsuper() {
    let postfix = FakePostfix::new(&queue());
    postfix.after_listing(1, |queue| {
        find(queue, "A2")["sender"] = "ceo@good.example".into()
    });
    postfix.fail_postsuper("-H", 0);
    let settings = settings(false);
    let done = run(
        &settings,
        Operation::Delete,
        &action_args("spam@bad.example", false, true),
        &postfix,
        &mut Scripted::none(),
    );
    assert_eq!(done.result.unwrap_err().exit_code(), 1);
    assert_eq!(postfix.queue_of("A2").as_deref(), Some("hold"));
    let (head, file) = done
        .out
        .split_once("1 message that postq put on hold is still on hold: release it with: postsuper -H - hold < ")
        .unwrap_or_else(|| panic!("{}", done.out));
    assert!(
        head.starts_with("Deleted 2 of 3 selected messages, then stopped"),
        "{head}"
    );
    let file = file.trim_end().trim_end_matches('.');
    assert_eq!(std::fs::read_to_string(file).unwrap(), "A2\n");
    // The journal stays for `postq recover`.
    assert_eq!(
        crate::action::interrupted(&settings.state_dir, None).len(),
        1
    );
}

#[test]
fn what_the_listing_missed_is_said_and_repeat_acts_on_it() {
    // showq walks the queue while qmgr moves mail: the first listing misses A2.
    let missed = |postfix: &FakePostfix| {
        postfix.doctor_listing(1, |entries, _| entries.retain(|e| e["queue_id"] != "A2"))
    };
    let postfix = FakePostfix::new(&queue());
    missed(&postfix);
    let done = delete_spam_yes(&postfix);
    assert_eq!(
        done.out,
        "Deleted 2 of 2 selected messages.\n\
         1 message matching the selection is still queued (arrived, or in motion while the \
         queue was listed): run the same command again, or add --repeat N.\n"
    );
    let postfix = FakePostfix::new(&queue());
    missed(&postfix);
    let done = act(&postfix, Operation::Delete, |args| args.repeat = 2);
    assert_eq!(
        done.out,
        "Round 1: Deleted 2 of 2 selected messages.\nRound 2: Deleted 1 of 1 selected message.\n"
    );
    assert_eq!(postfix.ids(), ["A4", "B1", "B2"]);
}

#[test]
fn json_is_one_document_with_counts_and_ids_per_class() {
    let postfix = FakePostfix::new(&queue());
    postfix.after_listing(1, |queue| {
        queue.retain(|e| e["queue_id"] != "A1");
        find(queue, "A2")["message_size"] = 999.into();
    });
    let done = act(&postfix, Operation::Delete, |args| args.json = true);
    assert!(done.result.is_ok(), "{}", done.err);
    let document: Value = serde_json::from_str(&done.out).unwrap();
    assert_eq!(document["operation"], "delete");
    assert_eq!(document["planned"], 3);
    assert_eq!(document["acted"], 1);
    assert_eq!(document["gone"], 1);
    assert_eq!(document["changed"], 1);
    assert_eq!(document["moved"], 0);
    assert_eq!(document["failed"], 0);
    assert_eq!(document["stuck"], 0);
    assert_eq!(document["ids"]["gone"], serde_json::json!(["A1"]));
    assert_eq!(document["ids"]["changed"], serde_json::json!(["A2"]));
    assert_eq!(document["rounds"], 1);
    assert_eq!(document["error"], Value::Null);
}

/// The journal a delete killed right after its hold step leaves: A1 and A2 held by it.
fn crashed_delete(settings: &Settings, postfix: &FakePostfix) {
    let mut plan = Plan::new(Operation::Delete, false);
    for line in queue() {
        let parsed = crate::queue::parse_line(1, &line).unwrap();
        if parsed.entry.sender == "spam@bad.example" {
            plan.add(&parsed.entry, parsed.text);
        }
    }
    let mut journal = Journal::begin(&settings.state_dir, None, &plan, settings.now).unwrap();
    journal.step("hold");
    let held = postfix.postsuper(Operation::Hold, plan.id_list(), &[]);
    journal.held(&held.done);
    // Killed here: the journal stays, unlocked.
    drop(journal);
}

#[test]
fn recover_releases_what_a_killed_delete_left_on_hold_and_nothing_else() {
    let settings = settings(false);
    let postfix = FakePostfix::new(&queue());
    crashed_delete(&settings, &postfix);
    // Any command on the instance says so.
    // Then A2's ID goes to another message, held by someone else.
    postfix.after_listing(1, |queue| {
        find(queue, "A2")["sender"] = "other@good.example".into()
    });
    let listed = run_in(&settings, &postfix, &mut Scripted::none(), |ctx| {
        run_args(ctx, &["list", "--count"])
    });
    assert!(
        listed.err.contains("an interrupted delete")
            && listed
                .err
                .contains("may have left 2 messages on hold; run: postq recover"),
        "{}",
        listed.err
    );
    let recovered = run_in(&settings, &postfix, &mut Scripted::none(), |ctx| {
        run_args(ctx, &["recover", "--yes"])
    });
    assert!(recovered.result.is_ok(), "{}", recovered.err);
    assert!(
        recovered
            .out
            .contains("Released 1 of 1 selected message from hold."),
        "{}",
        recovered.out
    );
    // A1 is back; A2 now names another message: left on hold; A3 was on hold before.
    assert_eq!(postfix.queue_of("A1").as_deref(), Some("deferred"));
    assert_eq!(postfix.queue_of("A2").as_deref(), Some("hold"));
    assert_eq!(postfix.queue_of("A3").as_deref(), Some("hold"));
    assert!(crate::action::interrupted(&settings.state_dir, None).is_empty());
}

#[test]
fn recover_finish_completes_a_killed_delete_with_the_same_checks() {
    let settings = settings(false);
    let postfix = FakePostfix::new(&queue());
    crashed_delete(&settings, &postfix);
    let finished = run_in(&settings, &postfix, &mut Scripted::none(), |ctx| {
        run_args(ctx, &["recover", "--finish", "--yes"])
    });
    assert!(finished.result.is_ok(), "{}", finished.err);
    assert!(
        finished.out.contains("Deleted 3 of 3 selected messages."),
        "{}",
        finished.out
    );
    assert_eq!(postfix.ids(), ["A4", "B1", "B2"]);
    assert!(crate::action::interrupted(&settings.state_dir, None).is_empty());
}

#[test]
fn flush_tries_only_the_messages_that_are_still_the_previewed_ones() {
    let postfix = FakePostfix::new(&queue());
    postfix.after_listing(1, |queue| find(queue, "A1")["arrival_time"] = 4444.into());
    let flushed = run_in(&settings(false), &postfix, &mut Scripted::none(), |ctx| {
        run_args(ctx, &["flush", "-f", "spam@bad.example", "--yes"])
    });
    assert!(flushed.result.is_ok(), "{}", flushed.err);
    assert_eq!(
        postfix.calls(),
        ["list", "list", "postqueue -i A2"],
        "A1 names another message by now"
    );
    assert!(
        flushed
            .err
            .contains("1 message left the deferred queue or changed"),
        "{}",
        flushed.err
    );
}
