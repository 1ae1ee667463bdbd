//! Selecting and grouping by origin with the test double: what is read when, and what a
//! message that left meanwhile counts as.

use super::*;
use crate::queue::testing::line as entry;

/// A queue line with an origin (hidden from the listing, read by `origins()`).
fn from_account(queue: &str, id: &str, sender: &str, account: &str, client: &str) -> String {
    let mut value: serde_json::Value =
        serde_json::from_str(&entry(queue, id, sender, 100)).unwrap();
    value["origin"] = serde_json::json!({"sasl_username": account, "client_address": client});
    value.to_string()
}

fn lines() -> Vec<String> {
    vec![
        from_account(
            "deferred",
            "A1",
            "x@one.example",
            "thief@customer.example",
            "203.0.113.7",
        ),
        from_account(
            "deferred",
            "A2",
            "y@two.example",
            "thief@customer.example",
            "203.0.113.8",
        ),
        from_account(
            "hold",
            "A3",
            "z@three.example",
            "thief@customer.example",
            "2001:db8::1",
        ),
        from_account(
            "deferred",
            "B1",
            "bob@customer.example",
            "bob@customer.example",
            "192.0.2.10",
        ),
        entry("deferred", "C1", "nobody@example.org", 100),
    ]
}

fn run_list(postfix: &FakePostfix, args: &[&str]) -> Run {
    run_in(&settings(false), postfix, &mut Scripted::none(), |ctx| {
        use clap::Parser;
        let cli =
            crate::cli::Cli::try_parse_from(std::iter::once("postq").chain(args.iter().copied()))
                .unwrap();
        super::super::run(&cli.command, ctx)
    })
}

#[test]
fn origins_are_read_only_when_the_selection_needs_them() {
    let postfix = FakePostfix::new(&lines());
    let done = run_list(&postfix, &["list", "--count", "-f", "x@one.example"]);
    assert_eq!(done.out, "1\n");
    assert!(!postfix.calls().contains(&"origins".to_string()));
    let done = run_list(
        &postfix,
        &["list", "--count", "--account", "thief@customer.example"],
    );
    assert_eq!(done.out, "3\n");
    assert!(postfix.calls().contains(&"origins".to_string()));
}

#[test]
fn clients_match_addresses_and_blocks_of_either_family() {
    let postfix = FakePostfix::new(&lines());
    let count = |args: &[&str]| {
        let mut all = vec!["list", "--count"];
        all.extend_from_slice(args);
        run_list(&postfix, &all).out
    };
    assert_eq!(count(&["--client", "203.0.113.0/24"]), "2\n");
    assert_eq!(count(&["--client", "2001:db8::/32"]), "1\n");
    assert_eq!(
        count(&["--client", "203.0.113.8", "--client", "192.0.2.10"]),
        "2\n"
    );
    assert_eq!(count(&["-w", "not client == 203.0.113.0/24"]), "3\n");
    assert_eq!(count(&["-w", "origin == client:* or account == ''"]), "1\n");
}

#[test]
fn a_message_that_left_while_origins_were_read_is_counted_as_gone() {
    let postfix = FakePostfix::new(&lines());
    // Listed, but its queue file is gone by the time it is read.
    postfix.doctor_listing(1, |entries, _| {
        let mut ghost = entries[0].clone();
        ghost["queue_id"] = "D9".into();
        entries.push(ghost);
    });
    let done = run_list(&postfix, &["list", "--count", "--account", "thief@*"]);
    assert!(done.result.is_ok(), "{}", done.err);
    assert_eq!(done.out, "3\n");
    assert!(
        done.err
            .contains("1 message left the queue while their origins were read"),
        "{}",
        done.err
    );
}

#[test]
fn a_saved_listing_has_no_origins() {
    let postfix = FakePostfix::new(&lines());
    let mut settings = settings(false);
    settings.input = Some(Input::Stdin);
    let done = run_in(&settings, &postfix, &mut Scripted::none(), |ctx| {
        use clap::Parser;
        let cli = crate::cli::Cli::try_parse_from(["postq", "summary", "--by", "account"]).unwrap();
        super::super::run(&cli.command, ctx)
    });
    let err = done.result.unwrap_err();
    assert_eq!(err.exit_code(), 2);
    assert!(
        err.to_string()
            .contains("a saved listing (--input) has none"),
        "{err}"
    );
}
