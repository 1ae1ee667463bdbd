//! Writes the generated documentation: docs/postq.1 and completions/postq.{bash,zsh,fish,
//! elv,ps1}. Run after changing the command line; a test fails while they are stale.
//!
//!   cargo run --example gen_docs

use std::path::Path;

use clap_complete::Shell;

/// The completion files, by shell.
pub const COMPLETIONS: [(Shell, &str); 5] = [
    (Shell::Bash, "completions/postq.bash"),
    (Shell::Zsh, "completions/_postq"),
    (Shell::Fish, "completions/postq.fish"),
    (Shell::Elvish, "completions/postq.elv"),
    (Shell::PowerShell, "completions/_postq.ps1"),
];

fn main() -> std::io::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(root.join("docs"))?;
    std::fs::create_dir_all(root.join("completions"))?;
    std::fs::write(root.join("docs/postq.1"), postq::docs::man_page())?;
    for (shell, path) in COMPLETIONS {
        std::fs::write(root.join(path), postq::docs::completion_script(shell))?;
    }
    Ok(())
}
