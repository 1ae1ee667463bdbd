//! The confirmation prompt itself, in a pseudo-terminal, on a real instance.

use rexpect::process::WaitStatus;
use rexpect::session::spawn_command;

use crate::support::*;

fn spawn(sandbox: &Sandbox, args: &[&str]) -> rexpect::session::PtySession {
    let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("postq"));
    command.arg("-c").arg(sandbox.config_dir()).args(args);
    command
        .env_remove("NO_COLOR")
        .env("POSTQ_STATE_DIR", sandbox.state_dir());
    spawn_command(command, Some(30_000)).unwrap()
}

fn exit_code(session: &rexpect::session::PtySession) -> i32 {
    match session.process().wait().unwrap() {
        WaitStatus::Exited(_, code) => code,
        other => panic!("postq did not exit normally: {other:?}"),
    }
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn answering_no_changes_nothing_and_yes_acts() {
    let sandbox = Sandbox::new();
    sandbox.incident(8);
    let before = sandbox.postqueue_json().len();

    let mut session = spawn(&sandbox, &["delete", "-f", COMPROMISED]);
    session.exp_string("Delete 8 messages (").unwrap();
    session.exp_string(COMPROMISED).unwrap();
    session.exp_string("Delete 8 messages?").unwrap();
    session.send_line("n").unwrap();
    session
        .exp_string("not confirmed: nothing was changed")
        .unwrap();
    assert_eq!(exit_code(&session), 3);
    assert_eq!(sandbox.postqueue_json().len(), before);

    // Ctrl-D at the prompt is a no; Ctrl-C stops postq there: nothing changes either way.
    for (key, status, said) in [
        ('d', 3, "not confirmed: nothing was changed"),
        ('c', 130, "interrupted: nothing more was done"),
    ] {
        let mut session = spawn(&sandbox, &["delete", "-f", COMPROMISED]);
        session.exp_string("Delete 8 messages? [y/N]").unwrap();
        session.send_control(key).unwrap();
        session.exp_string(said).unwrap();
        assert_eq!(exit_code(&session), status, "Ctrl-{key}");
        assert_eq!(sandbox.postqueue_json().len(), before);
    }

    // Enter alone takes the default, which is no.
    let mut session = spawn(&sandbox, &["delete", "-f", COMPROMISED]);
    session.exp_string("Delete 8 messages?").unwrap();
    session.send_line("").unwrap();
    session.exp_string("not confirmed").unwrap();
    assert_eq!(exit_code(&session), 3);
    assert_eq!(sandbox.postqueue_json().len(), before);

    let mut session = spawn(&sandbox, &["delete", "-f", COMPROMISED]);
    session.exp_string("Delete 8 messages?").unwrap();
    session.send_line("y").unwrap();
    session
        .exp_string("Deleted 8 of 8 selected messages.")
        .unwrap();
    assert_eq!(exit_code(&session), 0);
    assert_eq!(sandbox.postqueue_json().len(), before - 8);
}

#[test]
#[cfg_attr(
    not(feature = "real-postfix"),
    ignore = "starts Postfix as root: run scripts/test"
)]
fn a_purge_needs_the_count_typed() {
    let sandbox = Sandbox::new();
    sandbox.incident(4);
    let before = sandbox.postqueue_json().len();

    let mut session = spawn(&sandbox, &["purge"]);
    session
        .exp_string(&format!(
            "To purge {before} messages, type the number of messages"
        ))
        .unwrap();
    session.send_line("y").unwrap();
    session
        .exp_string(&format!(
            "not confirmed: 'y' is not the count, {before}: nothing was changed"
        ))
        .unwrap();
    assert_eq!(exit_code(&session), 3);

    let mut session = spawn(&sandbox, &["purge"]);
    session.exp_string("type the number of messages").unwrap();
    session.send_line(&(before - 1).to_string()).unwrap();
    session.exp_string("not confirmed").unwrap();
    assert_eq!(exit_code(&session), 3);
    assert_eq!(sandbox.postqueue_json().len(), before);

    let mut session = spawn(&sandbox, &["purge"]);
    session.exp_string("type the number of messages").unwrap();
    session.send_line(&before.to_string()).unwrap();
    session
        .exp_string(&format!(
            "Deleted {before} messages from hold, incoming, active, deferred."
        ))
        .unwrap();
    assert_eq!(exit_code(&session), 0);
    assert!(sandbox.postqueue_json().is_empty());
}
