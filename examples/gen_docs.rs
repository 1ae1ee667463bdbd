//! Writes the generated documentation: docs/postq.1 and completions/postq.{bash,zsh,fish,
//! elv,ps1}. Run after changing the command line; a test fails while they are stale.
//!
//!   cargo run --example gen_docs

use std::path::Path;

fn main() -> std::io::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(root.join("docs"))?;
    std::fs::create_dir_all(root.join("completions"))?;
    std::fs::write(root.join("docs/postq.1"), postq::man_page())?;
    for (shell, path) in postq::COMPLETION_FILES {
        std::fs::write(root.join(path), postq::completion_script(shell))?;
    }
    Ok(())
}
