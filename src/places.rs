//! Which Postfix instances a command reads: `--host`, `--hosts FILE`, `--instance` turned
//! into targets (postmulti asked where instances are named), and what failed said at the
//! end.

use std::io::Write;
use std::path::PathBuf;

use crate::cli::{Cli, Command};
use crate::console::report_error;
use crate::error::{Error, Result};
use crate::postfix::{Fleet, PostfixPrograms, Target, hosts_file_entries, parse_host};
use crate::render::{format_count, shell_quote};
use crate::settings::Settings;

/// The fleet the command line names, or `None` for the one instance of `-c` (or the
/// default). With one target, `settings` takes its configuration directory.
pub fn build(cli: &Cli, settings: &mut Settings) -> Result<Option<Fleet>> {
    let global = &cli.global;
    if global.host.is_empty() && global.hosts.is_none() && global.instance.is_empty() {
        return Ok(None);
    }
    if settings.input.is_some() {
        return Err(Error::usage_with_hint(
            "--input reads a saved listing; --host, --hosts and --instance read live queues",
            "give one or the other",
        ));
    }
    // Each entry with where it was given, for an error that names it.
    let mut entries: Vec<(String, String)> = global
        .host
        .iter()
        .map(|host| (host.clone(), "--host".to_string()))
        .collect();
    if let Some(path) = &global.hosts {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Input {
            path: path.clone(),
            source,
        })?;
        let listed = hosts_file_entries(&text);
        if listed.is_empty() {
            return Err(Error::usage_with_hint(
                format!("no host in {}", path.display()),
                "one HOST or HOST:CONFIG_DIR a line; # starts a comment",
            ));
        }
        entries.extend(listed.into_iter().map(|(line, entry)| {
            (
                entry.to_string(),
                format!("{}, line {line}", path.display()),
            )
        }));
    }
    if !global.instance.is_empty() && settings.config_dir.is_some() {
        return Err(Error::usage_with_hint(
            "--instance finds instances with postmulti, which reads only the default \
             configuration directory's list: -c does not go with it",
            "drop -c (the primary is --instance -), or give -c DIR alone for one instance",
        ));
    }
    let places: Vec<(Option<String>, Option<PathBuf>)> = if entries.is_empty() {
        vec![(None, settings.config_dir.clone())]
    } else {
        entries
            .iter()
            .map(|(entry, given)| match parse_host(entry) {
                Some((host, dir)) => Ok((Some(host), dir.or_else(|| settings.config_dir.clone()))),
                None => Err(Error::usage_with_hint(
                    format!("invalid host '{entry}' ({given})"),
                    "HOST (anything ssh accepts, e.g. an alias from ~/.ssh/config) or \
                     HOST:/config/dir",
                )),
            })
            .collect::<Result<_>>()?
    };
    let mut targets: Vec<Target> = Vec::new();
    for (host, config_dir) in places {
        let found = if global.instance.is_empty() {
            vec![Target {
                host,
                config_dir,
                instance: None,
            }]
        } else {
            instances(&host, &global.instance, settings)?
        };
        for target in found {
            if !targets.iter().any(|known| known.label() == target.label()) {
                targets.push(target);
            }
        }
    }
    if let [target] = targets.as_slice() {
        settings.config_dir = target.config_dir.clone();
        settings.host = target.host.clone();
    }
    settings.places = targets.len();
    settings.places_args = places_args(cli);
    // Reading goes on without a host that failed (named at the end, exit 1); anything that
    // changes the queue, or watches it, needs every one.
    let lenient = matches!(cli.command, Command::List(_) | Command::Summary(_));
    let members = targets
        .into_iter()
        .map(|target| {
            let programs = PostfixPrograms::new(target.config_dir.clone(), settings.timeout)
                .on_host(target.host.clone());
            (target, programs)
        })
        .collect();
    Ok(Some(Fleet::new(
        members,
        usize::from(global.parallel),
        lenient,
    )))
}

/// The options that named the places, quoted for a shell.
fn places_args(cli: &Cli) -> String {
    let global = &cli.global;
    let mut words: Vec<String> = Vec::new();
    for host in &global.host {
        words.push(format!("--host {}", shell_quote(host)));
    }
    if let Some(file) = &global.hosts {
        words.push(format!(
            "--hosts {}",
            shell_quote(&file.display().to_string())
        ));
    }
    for instance in &global.instance {
        words.push(format!("--instance {}", shell_quote(instance)));
    }
    words.join(" ")
}

/// The instances `wanted` (names, or `all`) where `host` runs, from its `postmulti -l`.
fn instances(host: &Option<String>, wanted: &[String], settings: &Settings) -> Result<Vec<Target>> {
    let listed = PostfixPrograms::new(None, settings.timeout)
        .on_host(host.clone())
        .instances()?;
    let target = |(name, dir): &(String, PathBuf)| Target {
        host: host.clone(),
        config_dir: Some(dir.clone()),
        // The primary has no name of its own: its directory names it.
        instance: (name != "-").then(|| name.clone()),
    };
    let mut found = Vec::new();
    for name in wanted {
        if name == "all" {
            found.extend(listed.iter().map(target));
            continue;
        }
        match listed
            .iter()
            .find(|(listed, dir)| listed == name || dir.to_str() == Some(name.as_str()))
        {
            Some(instance) => found.push(target(instance)),
            None => {
                let names: Vec<&str> = listed.iter().map(|(name, _)| name.as_str()).collect();
                return Err(Error::usage_with_hint(
                    format!(
                        "no Postfix instance '{name}'{}",
                        host.as_ref()
                            .map(|h| format!(" on {h}"))
                            .unwrap_or_default()
                    ),
                    format!(
                        "postmulti -l lists: {} (or give --instance all)",
                        names.join(", ")
                    ),
                ));
            }
        }
    }
    Ok(found)
}

/// After a read across the fleet: each instance that could not be read, named with its
/// error; the exit status 1 when any (the output was of the others).
pub fn report_failures(fleet: &Fleet, code: u8, err: &mut dyn Write) -> u8 {
    let failures = fleet.take_failures();
    if failures.is_empty() {
        return code;
    }
    let failed = failures.len();
    for failure in failures {
        report_error(err, &Error::from(failure));
    }
    let total = fleet.targets().count();
    let _ = writeln!(
        err,
        "postq: {} of {} could not be read: what is shown is of the others",
        format_count(failed as u64),
        format_count(total as u64)
    );
    if code == 0 { 1 } else { code }
}
