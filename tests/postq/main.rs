//! postq's integration tests: one binary. Tests named *_postfix run the real postqueue,
//! postsuper and postcat against throwaway Postfix instances (scripts/sandbox); they need
//! root and run with `--features real-postfix` (scripts/test, CI). A plain `cargo test`
//! lists them as ignored, with how to run them.

mod action_postfix;
mod check_input;
mod check_postfix;
mod docs;
mod fleet_postfix;
mod list_input;
mod list_postfix;
mod metrics_postfix;
mod moving_postfix;
mod origin_postfix;
mod package_postfix;
mod prompt_postfix;
mod select_input;
mod show_flush_postfix;
mod summary_input;
mod support;
mod watch_postfix;

/// In CI the real-Postfix tests are never left out.
#[test]
fn ci_runs_the_real_postfix_tests() {
    let ci = std::env::var_os("CI").is_some_and(|value| !value.is_empty());
    assert!(
        !ci || cfg!(feature = "real-postfix"),
        "CI is set but the real-Postfix tests are left out: run scripts/test (cargo test --features real-postfix)"
    );
}
