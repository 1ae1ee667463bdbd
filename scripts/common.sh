# Shared by scripts/demo and scripts/test: make sure the Rust toolchain is there.
# shellcheck shell=bash

ensure_rust() {
    if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
        export PATH="$HOME/.cargo/bin:$PATH"
    fi
    if command -v cargo >/dev/null 2>&1; then
        return 0
    fi
    echo "postq: installing the Rust toolchain (rustup, minimal profile)" >&2
    if ! command -v curl >/dev/null 2>&1 || ! command -v cc >/dev/null 2>&1; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            curl ca-certificates gcc libc6-dev >/dev/null
    fi
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal >&2 || {
        echo "postq: error: cannot install Rust; install it from https://rustup.rs and run this again" >&2
        exit 1
    }
    export PATH="$HOME/.cargo/bin:$PATH"
}
