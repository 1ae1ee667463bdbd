use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(postq::run())
}
