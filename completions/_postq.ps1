
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'postq' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'postq'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'postq' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'Read `postqueue -j` output from FILE (`-` for stdin) instead of running postqueue. Read-only commands only (list, summary; given after them too)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done (default 60s; 10s for check)')
            [CompletionResult]::new('--maillog', '--maillog', [CompletionResultType]::ParameterName, 'A Postfix mail log (`-` for stdin, e.g. from `journalctl -t postfix/smtpd -o cat`): mail that came back through a content filter is attributed to the account and client its first queue ID was logged with')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Run Postfix''s programs on HOST over ssh (BatchMode: a host that would ask for a password fails, named); HOST:CONFIG_DIR for another instance there. Repeat it for several hosts: read as one queue, each row naming its host. $POSTQ_SSH_COMMAND replaces `ssh` (e.g. `ssh -F FILE`)')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'The hosts from FILE, one a line (HOST or HOST:CONFIG_DIR; # comments)')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'A Postfix instance by its postmulti name (`-` is the primary), or `all`; repeatable. Found with `postmulti -l` (on each host with --host)')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'How many hosts and instances are read at once')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the queued messages: a table, JSON lines, IDs or a count')
            [CompletionResult]::new('summary', 'summary', [CompletionResultType]::ParameterValue, 'Where the queue''s weight is: per queue, top senders, domains, delay reasons, ages')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete the selected messages, after a preview and a confirmation')
            [CompletionResult]::new('hold', 'hold', [CompletionResultType]::ParameterValue, 'Put the selected messages on hold (postsuper -h): kept, but not delivered')
            [CompletionResult]::new('release', 'release', [CompletionResultType]::ParameterValue, 'Release the selected messages from hold (postsuper -H)')
            [CompletionResult]::new('requeue', 'requeue', [CompletionResultType]::ParameterValue, 'Requeue the selected messages (postsuper -r): they are routed again and get new IDs')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Delete every message of the given queues, or of all (postsuper -d ALL)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a queued message as postcat shows it: envelope, headers and body')
            [CompletionResult]::new('recover', 'recover', [CompletionResultType]::ParameterValue, 'Release what an interrupted action left on hold, or finish its delete')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'A monitoring plugin: the queue''s size, age and floods against thresholds')
            [CompletionResult]::new('metrics', 'metrics', [CompletionResultType]::ParameterValue, 'Prometheus metrics: each queue''s messages, bytes and ages, and who floods it')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'A live view for an incident: counts per queue and their change, mail in and out per minute, who grows fastest')
            [CompletionResult]::new('flush', 'flush', [CompletionResultType]::ParameterValue, 'Try to deliver now: all deferred mail (postqueue -f), or the selected messages (postqueue -i, one by one)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'postq;list' {
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'Read `postqueue -j` output from FILE (`-` for stdin) instead of running postqueue')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order by FIELD (default: the order postqueue lists them in)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most N messages')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Envelope sender: user@example.com exactly (<user@example.com> too), @example.com (that domain, not its subdomains), globs with * and ? (*@*.example.com), MAILER-DAEMON or <> (the null sender); case-insensitive. Repeat it or separate with commas: any of them')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Envelope sender: user@example.com exactly (<user@example.com> too), @example.com (that domain, not its subdomains), globs with * and ? (*@*.example.com), MAILER-DAEMON or <> (the null sender); case-insensitive. Repeat it or separate with commas: any of them')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Any recipient matches PATTERN (same forms as --from); repeat it or separate with commas: any of them')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Any recipient matches PATTERN (same forms as --from); repeat it or separate with commas: any of them')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'In queue NAME: active, deferred, hold, incoming, maildrop; repeat it or separate with commas')
            [CompletionResult]::new('--queue', '--queue', [CompletionResultType]::ParameterName, 'In queue NAME: active, deferred, hold, incoming, maildrop; repeat it or separate with commas')
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Arrived more than DURATION ago: 90s, 30m, 2h, 3d, 1w, 1h30m')
            [CompletionResult]::new('--newer-than', '--newer-than', [CompletionResultType]::ParameterName, 'Arrived less than DURATION ago')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Any recipient''s delay reason matches REGEX (case-insensitive)')
            [CompletionResult]::new('--min-size', '--min-size', [CompletionResultType]::ParameterName, 'At least SIZE bytes: 512, 10k, 5M (1024-based)')
            [CompletionResult]::new('--max-size', '--max-size', [CompletionResultType]::ParameterName, 'At most SIZE bytes')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The message with queue ID; repeat it for several')
            [CompletionResult]::new('--ids-from', '--ids-from', [CompletionResultType]::ParameterName, 'The messages whose queue IDs FILE lists, one a line (`-` for stdin), e.g. a saved `postq list --ids`')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'The authenticated account (SASL login) that sent it: exact, or globs with * and ?; repeat for any of several. Read from the queue files (root)')
            [CompletionResult]::new('--client', '--client', [CompletionResultType]::ParameterName, 'The client that sent it: an IP address or a CIDR block (203.0.113.0/24, 2001:db8::/32); repeat for any of several. Read from the queue files (root)')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'A filter expression, e.g. ''sender_domain == example.com and age > 2h'' (see `man postq`, FILTER EXPRESSIONS)')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'A filter expression, e.g. ''sender_domain == example.com and age > 2h'' (see `man postq`, FILTER EXPRESSIONS)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done (default 60s; 10s for check)')
            [CompletionResult]::new('--maillog', '--maillog', [CompletionResultType]::ParameterName, 'A Postfix mail log (`-` for stdin, e.g. from `journalctl -t postfix/smtpd -o cat`): mail that came back through a content filter is attributed to the account and client its first queue ID was logged with')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Run Postfix''s programs on HOST over ssh (BatchMode: a host that would ask for a password fails, named); HOST:CONFIG_DIR for another instance there. Repeat it for several hosts: read as one queue, each row naming its host. $POSTQ_SSH_COMMAND replaces `ssh` (e.g. `ssh -F FILE`)')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'The hosts from FILE, one a line (HOST or HOST:CONFIG_DIR; # comments)')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'A Postfix instance by its postmulti name (`-` is the primary), or `all`; repeatable. Found with `postmulti -l` (on each host with --host)')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'How many hosts and instances are read at once')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'One JSON object a line, in postqueue''s own member names (members postq does not know are passed through unchanged)')
            [CompletionResult]::new('--ids', '--ids', [CompletionResultType]::ParameterName, 'One queue ID a line')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Only the number of messages')
            [CompletionResult]::new('--reverse', '--reverse', [CompletionResultType]::ParameterName, 'Reverse the order')
            [CompletionResult]::new('--origin', '--origin', [CompletionResultType]::ParameterName, 'Read who sent each message from the queue files (root); with --json, an `origin` member on every line')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'postq;summary' {
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'Read `postqueue -j` output from FILE (`-` for stdin) instead of running postqueue')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'One grouping only, with count, bytes, share and oldest')
            [CompletionResult]::new('--top', '--top', [CompletionResultType]::ParameterName, 'Rows per grouping (at least 1)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Envelope sender: user@example.com exactly (<user@example.com> too), @example.com (that domain, not its subdomains), globs with * and ? (*@*.example.com), MAILER-DAEMON or <> (the null sender); case-insensitive. Repeat it or separate with commas: any of them')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Envelope sender: user@example.com exactly (<user@example.com> too), @example.com (that domain, not its subdomains), globs with * and ? (*@*.example.com), MAILER-DAEMON or <> (the null sender); case-insensitive. Repeat it or separate with commas: any of them')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Any recipient matches PATTERN (same forms as --from); repeat it or separate with commas: any of them')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Any recipient matches PATTERN (same forms as --from); repeat it or separate with commas: any of them')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'In queue NAME: active, deferred, hold, incoming, maildrop; repeat it or separate with commas')
            [CompletionResult]::new('--queue', '--queue', [CompletionResultType]::ParameterName, 'In queue NAME: active, deferred, hold, incoming, maildrop; repeat it or separate with commas')
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Arrived more than DURATION ago: 90s, 30m, 2h, 3d, 1w, 1h30m')
            [CompletionResult]::new('--newer-than', '--newer-than', [CompletionResultType]::ParameterName, 'Arrived less than DURATION ago')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Any recipient''s delay reason matches REGEX (case-insensitive)')
            [CompletionResult]::new('--min-size', '--min-size', [CompletionResultType]::ParameterName, 'At least SIZE bytes: 512, 10k, 5M (1024-based)')
            [CompletionResult]::new('--max-size', '--max-size', [CompletionResultType]::ParameterName, 'At most SIZE bytes')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The message with queue ID; repeat it for several')
            [CompletionResult]::new('--ids-from', '--ids-from', [CompletionResultType]::ParameterName, 'The messages whose queue IDs FILE lists, one a line (`-` for stdin), e.g. a saved `postq list --ids`')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'The authenticated account (SASL login) that sent it: exact, or globs with * and ?; repeat for any of several. Read from the queue files (root)')
            [CompletionResult]::new('--client', '--client', [CompletionResultType]::ParameterName, 'The client that sent it: an IP address or a CIDR block (203.0.113.0/24, 2001:db8::/32); repeat for any of several. Read from the queue files (root)')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'A filter expression, e.g. ''sender_domain == example.com and age > 2h'' (see `man postq`, FILTER EXPRESSIONS)')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'A filter expression, e.g. ''sender_domain == example.com and age > 2h'' (see `man postq`, FILTER EXPRESSIONS)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done (default 60s; 10s for check)')
            [CompletionResult]::new('--maillog', '--maillog', [CompletionResultType]::ParameterName, 'A Postfix mail log (`-` for stdin, e.g. from `journalctl -t postfix/smtpd -o cat`): mail that came back through a content filter is attributed to the account and client its first queue ID was logged with')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Run Postfix''s programs on HOST over ssh (BatchMode: a host that would ask for a password fails, named); HOST:CONFIG_DIR for another instance there. Repeat it for several hosts: read as one queue, each row naming its host. $POSTQ_SSH_COMMAND replaces `ssh` (e.g. `ssh -F FILE`)')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'The hosts from FILE, one a line (HOST or HOST:CONFIG_DIR; # comments)')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'A Postfix instance by its postmulti name (`-` is the primary), or `all`; repeatable. Found with `postmulti -l` (on each host with --host)')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'How many hosts and instances are read at once')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'One JSON document: every grouping a list of {key, count, bytes, share, oldest_age}, largest first')
            [CompletionResult]::new('--origin', '--origin', [CompletionResultType]::ParameterName, 'Read who sent each message (account, client, local user) from the queue files even for a large queue (the full summary does by itself up to 100,000 messages, as root)')
            [CompletionResult]::new('--no-origin', '--no-origin', [CompletionResultType]::ParameterName, 'Do not read the queue files: postqueue''s fields only')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'postq;delete' {
            [CompletionResult]::new('--repeat', '--repeat', [CompletionResultType]::ParameterName, 'After acting, read, plan and act again up to N more times while messages still match (mail that arrived or was in motion meanwhile); the consent covers every round. Not for requeue: requeued mail comes back under new IDs')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Envelope sender: user@example.com exactly (<user@example.com> too), @example.com (that domain, not its subdomains), globs with * and ? (*@*.example.com), MAILER-DAEMON or <> (the null sender); case-insensitive. Repeat it or separate with commas: any of them')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Envelope sender: user@example.com exactly (<user@example.com> too), @example.com (that domain, not its subdomains), globs with * and ? (*@*.example.com), MAILER-DAEMON or <> (the null sender); case-insensitive. Repeat it or separate with commas: any of them')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Any recipient matches PATTERN (same forms as --from); repeat it or separate with commas: any of them')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Any recipient matches PATTERN (same forms as --from); repeat it or separate with commas: any of them')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'In queue NAME: active, deferred, hold, incoming, maildrop; repeat it or separate with commas')
            [CompletionResult]::new('--queue', '--queue', [CompletionResultType]::ParameterName, 'In queue NAME: active, deferred, hold, incoming, maildrop; repeat it or separate with commas')
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Arrived more than DURATION ago: 90s, 30m, 2h, 3d, 1w, 1h30m')
            [CompletionResult]::new('--newer-than', '--newer-than', [CompletionResultType]::ParameterName, 'Arrived less than DURATION ago')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Any recipient''s delay reason matches REGEX (case-insensitive)')
            [CompletionResult]::new('--min-size', '--min-size', [CompletionResultType]::ParameterName, 'At least SIZE bytes: 512, 10k, 5M (1024-based)')
            [CompletionResult]::new('--max-size', '--max-size', [CompletionResultType]::ParameterName, 'At most SIZE bytes')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The message with queue ID; repeat it for several')
            [CompletionResult]::new('--ids-from', '--ids-from', [CompletionResultType]::ParameterName, 'The messages whose queue IDs FILE lists, one a line (`-` for stdin), e.g. a saved `postq list --ids`')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'The authenticated account (SASL login) that sent it: exact, or globs with * and ?; repeat for any of several. Read from the queue files (root)')
            [CompletionResult]::new('--client', '--client', [CompletionResultType]::ParameterName, 'The client that sent it: an IP address or a CIDR block (203.0.113.0/24, 2001:db8::/32); repeat for any of several. Read from the queue files (root)')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'A filter expression, e.g. ''sender_domain == example.com and age > 2h'' (see `man postq`, FILTER EXPRESSIONS)')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'A filter expression, e.g. ''sender_domain == example.com and age > 2h'' (see `man postq`, FILTER EXPRESSIONS)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done (default 60s; 10s for check)')
            [CompletionResult]::new('--maillog', '--maillog', [CompletionResultType]::ParameterName, 'A Postfix mail log (`-` for stdin, e.g. from `journalctl -t postfix/smtpd -o cat`): mail that came back through a content filter is attributed to the account and client its first queue ID was logged with')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Run Postfix''s programs on HOST over ssh (BatchMode: a host that would ask for a password fails, named); HOST:CONFIG_DIR for another instance there. Repeat it for several hosts: read as one queue, each row naming its host. $POSTQ_SSH_COMMAND replaces `ssh` (e.g. `ssh -F FILE`)')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'The hosts from FILE, one a line (HOST or HOST:CONFIG_DIR; # comments)')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'A Postfix instance by its postmulti name (`-` is the primary), or `all`; repeatable. Found with `postmulti -l` (on each host with --host)')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'How many hosts and instances are read at once')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every message: required when no selector is given')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would be done (count, bytes, queues, senders) and change nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be done (count, bytes, queues, senders) and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do it without asking (needed when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do it without asking (needed when there is no terminal to ask on)')
            [CompletionResult]::new('--ids', '--ids', [CompletionResultType]::ParameterName, 'In the preview, the exact messages: one queue ID a line (on stdout with --dry-run)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'In the preview, the exact messages: postqueue''s JSON lines; after acting, the outcome as one JSON document on stdout (counts and IDs per class)')
            [CompletionResult]::new('--skip-unreachable', '--skip-unreachable', [CompletionResultType]::ParameterName, 'Across hosts (--host, --hosts): with --yes, act on the hosts that could be read even when some could not (without it, nothing is changed anywhere then)')
            [CompletionResult]::new('--no-verify', '--no-verify', [CompletionResultType]::ParameterName, 'Delete directly, without holding and re-checking first. Safe only where queue IDs are not reused (enable_long_queue_ids = yes, where this is the default) or Postfix is stopped')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'postq;hold' {
            [CompletionResult]::new('--repeat', '--repeat', [CompletionResultType]::ParameterName, 'After acting, read, plan and act again up to N more times while messages still match (mail that arrived or was in motion meanwhile); the consent covers every round. Not for requeue: requeued mail comes back under new IDs')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Envelope sender: user@example.com exactly (<user@example.com> too), @example.com (that domain, not its subdomains), globs with * and ? (*@*.example.com), MAILER-DAEMON or <> (the null sender); case-insensitive. Repeat it or separate with commas: any of them')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Envelope sender: user@example.com exactly (<user@example.com> too), @example.com (that domain, not its subdomains), globs with * and ? (*@*.example.com), MAILER-DAEMON or <> (the null sender); case-insensitive. Repeat it or separate with commas: any of them')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Any recipient matches PATTERN (same forms as --from); repeat it or separate with commas: any of them')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Any recipient matches PATTERN (same forms as --from); repeat it or separate with commas: any of them')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'In queue NAME: active, deferred, hold, incoming, maildrop; repeat it or separate with commas')
            [CompletionResult]::new('--queue', '--queue', [CompletionResultType]::ParameterName, 'In queue NAME: active, deferred, hold, incoming, maildrop; repeat it or separate with commas')
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Arrived more than DURATION ago: 90s, 30m, 2h, 3d, 1w, 1h30m')
            [CompletionResult]::new('--newer-than', '--newer-than', [CompletionResultType]::ParameterName, 'Arrived less than DURATION ago')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Any recipient''s delay reason matches REGEX (case-insensitive)')
            [CompletionResult]::new('--min-size', '--min-size', [CompletionResultType]::ParameterName, 'At least SIZE bytes: 512, 10k, 5M (1024-based)')
            [CompletionResult]::new('--max-size', '--max-size', [CompletionResultType]::ParameterName, 'At most SIZE bytes')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The message with queue ID; repeat it for several')
            [CompletionResult]::new('--ids-from', '--ids-from', [CompletionResultType]::ParameterName, 'The messages whose queue IDs FILE lists, one a line (`-` for stdin), e.g. a saved `postq list --ids`')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'The authenticated account (SASL login) that sent it: exact, or globs with * and ?; repeat for any of several. Read from the queue files (root)')
            [CompletionResult]::new('--client', '--client', [CompletionResultType]::ParameterName, 'The client that sent it: an IP address or a CIDR block (203.0.113.0/24, 2001:db8::/32); repeat for any of several. Read from the queue files (root)')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'A filter expression, e.g. ''sender_domain == example.com and age > 2h'' (see `man postq`, FILTER EXPRESSIONS)')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'A filter expression, e.g. ''sender_domain == example.com and age > 2h'' (see `man postq`, FILTER EXPRESSIONS)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done (default 60s; 10s for check)')
            [CompletionResult]::new('--maillog', '--maillog', [CompletionResultType]::ParameterName, 'A Postfix mail log (`-` for stdin, e.g. from `journalctl -t postfix/smtpd -o cat`): mail that came back through a content filter is attributed to the account and client its first queue ID was logged with')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Run Postfix''s programs on HOST over ssh (BatchMode: a host that would ask for a password fails, named); HOST:CONFIG_DIR for another instance there. Repeat it for several hosts: read as one queue, each row naming its host. $POSTQ_SSH_COMMAND replaces `ssh` (e.g. `ssh -F FILE`)')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'The hosts from FILE, one a line (HOST or HOST:CONFIG_DIR; # comments)')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'A Postfix instance by its postmulti name (`-` is the primary), or `all`; repeatable. Found with `postmulti -l` (on each host with --host)')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'How many hosts and instances are read at once')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every message: required when no selector is given')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would be done (count, bytes, queues, senders) and change nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be done (count, bytes, queues, senders) and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do it without asking (needed when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do it without asking (needed when there is no terminal to ask on)')
            [CompletionResult]::new('--ids', '--ids', [CompletionResultType]::ParameterName, 'In the preview, the exact messages: one queue ID a line (on stdout with --dry-run)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'In the preview, the exact messages: postqueue''s JSON lines; after acting, the outcome as one JSON document on stdout (counts and IDs per class)')
            [CompletionResult]::new('--skip-unreachable', '--skip-unreachable', [CompletionResultType]::ParameterName, 'Across hosts (--host, --hosts): with --yes, act on the hosts that could be read even when some could not (without it, nothing is changed anywhere then)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'postq;release' {
            [CompletionResult]::new('--repeat', '--repeat', [CompletionResultType]::ParameterName, 'After acting, read, plan and act again up to N more times while messages still match (mail that arrived or was in motion meanwhile); the consent covers every round. Not for requeue: requeued mail comes back under new IDs')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Envelope sender: user@example.com exactly (<user@example.com> too), @example.com (that domain, not its subdomains), globs with * and ? (*@*.example.com), MAILER-DAEMON or <> (the null sender); case-insensitive. Repeat it or separate with commas: any of them')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Envelope sender: user@example.com exactly (<user@example.com> too), @example.com (that domain, not its subdomains), globs with * and ? (*@*.example.com), MAILER-DAEMON or <> (the null sender); case-insensitive. Repeat it or separate with commas: any of them')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Any recipient matches PATTERN (same forms as --from); repeat it or separate with commas: any of them')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Any recipient matches PATTERN (same forms as --from); repeat it or separate with commas: any of them')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'In queue NAME: active, deferred, hold, incoming, maildrop; repeat it or separate with commas')
            [CompletionResult]::new('--queue', '--queue', [CompletionResultType]::ParameterName, 'In queue NAME: active, deferred, hold, incoming, maildrop; repeat it or separate with commas')
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Arrived more than DURATION ago: 90s, 30m, 2h, 3d, 1w, 1h30m')
            [CompletionResult]::new('--newer-than', '--newer-than', [CompletionResultType]::ParameterName, 'Arrived less than DURATION ago')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Any recipient''s delay reason matches REGEX (case-insensitive)')
            [CompletionResult]::new('--min-size', '--min-size', [CompletionResultType]::ParameterName, 'At least SIZE bytes: 512, 10k, 5M (1024-based)')
            [CompletionResult]::new('--max-size', '--max-size', [CompletionResultType]::ParameterName, 'At most SIZE bytes')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The message with queue ID; repeat it for several')
            [CompletionResult]::new('--ids-from', '--ids-from', [CompletionResultType]::ParameterName, 'The messages whose queue IDs FILE lists, one a line (`-` for stdin), e.g. a saved `postq list --ids`')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'The authenticated account (SASL login) that sent it: exact, or globs with * and ?; repeat for any of several. Read from the queue files (root)')
            [CompletionResult]::new('--client', '--client', [CompletionResultType]::ParameterName, 'The client that sent it: an IP address or a CIDR block (203.0.113.0/24, 2001:db8::/32); repeat for any of several. Read from the queue files (root)')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'A filter expression, e.g. ''sender_domain == example.com and age > 2h'' (see `man postq`, FILTER EXPRESSIONS)')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'A filter expression, e.g. ''sender_domain == example.com and age > 2h'' (see `man postq`, FILTER EXPRESSIONS)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done (default 60s; 10s for check)')
            [CompletionResult]::new('--maillog', '--maillog', [CompletionResultType]::ParameterName, 'A Postfix mail log (`-` for stdin, e.g. from `journalctl -t postfix/smtpd -o cat`): mail that came back through a content filter is attributed to the account and client its first queue ID was logged with')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Run Postfix''s programs on HOST over ssh (BatchMode: a host that would ask for a password fails, named); HOST:CONFIG_DIR for another instance there. Repeat it for several hosts: read as one queue, each row naming its host. $POSTQ_SSH_COMMAND replaces `ssh` (e.g. `ssh -F FILE`)')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'The hosts from FILE, one a line (HOST or HOST:CONFIG_DIR; # comments)')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'A Postfix instance by its postmulti name (`-` is the primary), or `all`; repeatable. Found with `postmulti -l` (on each host with --host)')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'How many hosts and instances are read at once')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every message: required when no selector is given')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would be done (count, bytes, queues, senders) and change nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be done (count, bytes, queues, senders) and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do it without asking (needed when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do it without asking (needed when there is no terminal to ask on)')
            [CompletionResult]::new('--ids', '--ids', [CompletionResultType]::ParameterName, 'In the preview, the exact messages: one queue ID a line (on stdout with --dry-run)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'In the preview, the exact messages: postqueue''s JSON lines; after acting, the outcome as one JSON document on stdout (counts and IDs per class)')
            [CompletionResult]::new('--skip-unreachable', '--skip-unreachable', [CompletionResultType]::ParameterName, 'Across hosts (--host, --hosts): with --yes, act on the hosts that could be read even when some could not (without it, nothing is changed anywhere then)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'postq;requeue' {
            [CompletionResult]::new('--repeat', '--repeat', [CompletionResultType]::ParameterName, 'After acting, read, plan and act again up to N more times while messages still match (mail that arrived or was in motion meanwhile); the consent covers every round. Not for requeue: requeued mail comes back under new IDs')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Envelope sender: user@example.com exactly (<user@example.com> too), @example.com (that domain, not its subdomains), globs with * and ? (*@*.example.com), MAILER-DAEMON or <> (the null sender); case-insensitive. Repeat it or separate with commas: any of them')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Envelope sender: user@example.com exactly (<user@example.com> too), @example.com (that domain, not its subdomains), globs with * and ? (*@*.example.com), MAILER-DAEMON or <> (the null sender); case-insensitive. Repeat it or separate with commas: any of them')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Any recipient matches PATTERN (same forms as --from); repeat it or separate with commas: any of them')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Any recipient matches PATTERN (same forms as --from); repeat it or separate with commas: any of them')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'In queue NAME: active, deferred, hold, incoming, maildrop; repeat it or separate with commas')
            [CompletionResult]::new('--queue', '--queue', [CompletionResultType]::ParameterName, 'In queue NAME: active, deferred, hold, incoming, maildrop; repeat it or separate with commas')
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Arrived more than DURATION ago: 90s, 30m, 2h, 3d, 1w, 1h30m')
            [CompletionResult]::new('--newer-than', '--newer-than', [CompletionResultType]::ParameterName, 'Arrived less than DURATION ago')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Any recipient''s delay reason matches REGEX (case-insensitive)')
            [CompletionResult]::new('--min-size', '--min-size', [CompletionResultType]::ParameterName, 'At least SIZE bytes: 512, 10k, 5M (1024-based)')
            [CompletionResult]::new('--max-size', '--max-size', [CompletionResultType]::ParameterName, 'At most SIZE bytes')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The message with queue ID; repeat it for several')
            [CompletionResult]::new('--ids-from', '--ids-from', [CompletionResultType]::ParameterName, 'The messages whose queue IDs FILE lists, one a line (`-` for stdin), e.g. a saved `postq list --ids`')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'The authenticated account (SASL login) that sent it: exact, or globs with * and ?; repeat for any of several. Read from the queue files (root)')
            [CompletionResult]::new('--client', '--client', [CompletionResultType]::ParameterName, 'The client that sent it: an IP address or a CIDR block (203.0.113.0/24, 2001:db8::/32); repeat for any of several. Read from the queue files (root)')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'A filter expression, e.g. ''sender_domain == example.com and age > 2h'' (see `man postq`, FILTER EXPRESSIONS)')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'A filter expression, e.g. ''sender_domain == example.com and age > 2h'' (see `man postq`, FILTER EXPRESSIONS)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done (default 60s; 10s for check)')
            [CompletionResult]::new('--maillog', '--maillog', [CompletionResultType]::ParameterName, 'A Postfix mail log (`-` for stdin, e.g. from `journalctl -t postfix/smtpd -o cat`): mail that came back through a content filter is attributed to the account and client its first queue ID was logged with')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Run Postfix''s programs on HOST over ssh (BatchMode: a host that would ask for a password fails, named); HOST:CONFIG_DIR for another instance there. Repeat it for several hosts: read as one queue, each row naming its host. $POSTQ_SSH_COMMAND replaces `ssh` (e.g. `ssh -F FILE`)')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'The hosts from FILE, one a line (HOST or HOST:CONFIG_DIR; # comments)')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'A Postfix instance by its postmulti name (`-` is the primary), or `all`; repeatable. Found with `postmulti -l` (on each host with --host)')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'How many hosts and instances are read at once')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every message: required when no selector is given')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would be done (count, bytes, queues, senders) and change nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be done (count, bytes, queues, senders) and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do it without asking (needed when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do it without asking (needed when there is no terminal to ask on)')
            [CompletionResult]::new('--ids', '--ids', [CompletionResultType]::ParameterName, 'In the preview, the exact messages: one queue ID a line (on stdout with --dry-run)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'In the preview, the exact messages: postqueue''s JSON lines; after acting, the outcome as one JSON document on stdout (counts and IDs per class)')
            [CompletionResult]::new('--skip-unreachable', '--skip-unreachable', [CompletionResultType]::ParameterName, 'Across hosts (--host, --hosts): with --yes, act on the hosts that could be read even when some could not (without it, nothing is changed anywhere then)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'postq;purge' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done (default 60s; 10s for check)')
            [CompletionResult]::new('--maillog', '--maillog', [CompletionResultType]::ParameterName, 'A Postfix mail log (`-` for stdin, e.g. from `journalctl -t postfix/smtpd -o cat`): mail that came back through a content filter is attributed to the account and client its first queue ID was logged with')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Run Postfix''s programs on HOST over ssh (BatchMode: a host that would ask for a password fails, named); HOST:CONFIG_DIR for another instance there. Repeat it for several hosts: read as one queue, each row naming its host. $POSTQ_SSH_COMMAND replaces `ssh` (e.g. `ssh -F FILE`)')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'The hosts from FILE, one a line (HOST or HOST:CONFIG_DIR; # comments)')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'A Postfix instance by its postmulti name (`-` is the primary), or `all`; repeatable. Found with `postmulti -l` (on each host with --host)')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'How many hosts and instances are read at once')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would be done (count, bytes, queues, senders) and change nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be done (count, bytes, queues, senders) and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do it without asking (needed when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do it without asking (needed when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'postq;show' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done (default 60s; 10s for check)')
            [CompletionResult]::new('--maillog', '--maillog', [CompletionResultType]::ParameterName, 'A Postfix mail log (`-` for stdin, e.g. from `journalctl -t postfix/smtpd -o cat`): mail that came back through a content filter is attributed to the account and client its first queue ID was logged with')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Run Postfix''s programs on HOST over ssh (BatchMode: a host that would ask for a password fails, named); HOST:CONFIG_DIR for another instance there. Repeat it for several hosts: read as one queue, each row naming its host. $POSTQ_SSH_COMMAND replaces `ssh` (e.g. `ssh -F FILE`)')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'The hosts from FILE, one a line (HOST or HOST:CONFIG_DIR; # comments)')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'A Postfix instance by its postmulti name (`-` is the primary), or `all`; repeatable. Found with `postmulti -l` (on each host with --host)')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'How many hosts and instances are read at once')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty')
            [CompletionResult]::new('--envelope', '--envelope', [CompletionResultType]::ParameterName, 'The envelope records (postcat -e)')
            [CompletionResult]::new('--headers', '--headers', [CompletionResultType]::ParameterName, 'The message headers (postcat -h)')
            [CompletionResult]::new('--body', '--body', [CompletionResultType]::ParameterName, 'The message body (postcat -b)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'postq;recover' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done (default 60s; 10s for check)')
            [CompletionResult]::new('--maillog', '--maillog', [CompletionResultType]::ParameterName, 'A Postfix mail log (`-` for stdin, e.g. from `journalctl -t postfix/smtpd -o cat`): mail that came back through a content filter is attributed to the account and client its first queue ID was logged with')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Run Postfix''s programs on HOST over ssh (BatchMode: a host that would ask for a password fails, named); HOST:CONFIG_DIR for another instance there. Repeat it for several hosts: read as one queue, each row naming its host. $POSTQ_SSH_COMMAND replaces `ssh` (e.g. `ssh -F FILE`)')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'The hosts from FILE, one a line (HOST or HOST:CONFIG_DIR; # comments)')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'A Postfix instance by its postmulti name (`-` is the primary), or `all`; repeatable. Found with `postmulti -l` (on each host with --host)')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'How many hosts and instances are read at once')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty')
            [CompletionResult]::new('--finish', '--finish', [CompletionResultType]::ParameterName, 'Complete an interrupted delete (hold, re-check, delete) instead of releasing')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would be done (count, bytes, queues, senders) and change nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be done (count, bytes, queues, senders) and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do it without asking (needed when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do it without asking (needed when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'postq;check' {
            [CompletionResult]::new('--warn-messages', '--warn-messages', [CompletionResultType]::ParameterName, 'Messages in the queue: WARNING outside RANGE (a bare number N means 0:N)')
            [CompletionResult]::new('--crit-messages', '--crit-messages', [CompletionResultType]::ParameterName, 'Messages in the queue: CRITICAL outside RANGE')
            [CompletionResult]::new('--warn-bytes', '--warn-bytes', [CompletionResultType]::ParameterName, 'Bytes in the queue: WARNING outside RANGE (none by default)')
            [CompletionResult]::new('--crit-bytes', '--crit-bytes', [CompletionResultType]::ParameterName, 'Bytes in the queue: CRITICAL outside RANGE (none by default)')
            [CompletionResult]::new('--warn-age', '--warn-age', [CompletionResultType]::ParameterName, 'The oldest message''s age: WARNING above DURATION')
            [CompletionResult]::new('--crit-age', '--crit-age', [CompletionResultType]::ParameterName, 'The oldest message''s age: CRITICAL above DURATION')
            [CompletionResult]::new('--warn-queue', '--warn-queue', [CompletionResultType]::ParameterName, 'One queue''s messages: WARNING outside RANGE, as QUEUE=RANGE (hold=50); repeat it')
            [CompletionResult]::new('--crit-queue', '--crit-queue', [CompletionResultType]::ParameterName, 'One queue''s messages: CRITICAL outside RANGE, as QUEUE=RANGE; repeat it')
            [CompletionResult]::new('--warn-queue-age', '--warn-queue-age', [CompletionResultType]::ParameterName, 'One queue''s oldest message: WARNING above DURATION, as QUEUE=DURATION (incoming=1h); repeat it')
            [CompletionResult]::new('--crit-queue-age', '--crit-queue-age', [CompletionResultType]::ParameterName, 'One queue''s oldest message: CRITICAL above DURATION, as QUEUE=DURATION; repeat it')
            [CompletionResult]::new('--flood-warn-share', '--flood-warn-share', [CompletionResultType]::ParameterName, 'A flood: one account, sender or sender domain holding more than this share (0-1)...')
            [CompletionResult]::new('--flood-warn-count', '--flood-warn-count', [CompletionResultType]::ParameterName, '...and more than this many messages: WARNING')
            [CompletionResult]::new('--flood-crit-share', '--flood-crit-share', [CompletionResultType]::ParameterName, 'A flood this large is CRITICAL: more than this share...')
            [CompletionResult]::new('--flood-crit-count', '--flood-crit-count', [CompletionResultType]::ParameterName, '...and more than this many messages')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done (default 60s; 10s for check)')
            [CompletionResult]::new('--maillog', '--maillog', [CompletionResultType]::ParameterName, 'A Postfix mail log (`-` for stdin, e.g. from `journalctl -t postfix/smtpd -o cat`): mail that came back through a content filter is attributed to the account and client its first queue ID was logged with')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Run Postfix''s programs on HOST over ssh (BatchMode: a host that would ask for a password fails, named); HOST:CONFIG_DIR for another instance there. Repeat it for several hosts: read as one queue, each row naming its host. $POSTQ_SSH_COMMAND replaces `ssh` (e.g. `ssh -F FILE`)')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'The hosts from FILE, one a line (HOST or HOST:CONFIG_DIR; # comments)')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'A Postfix instance by its postmulti name (`-` is the primary), or `all`; repeatable. Found with `postmulti -l` (on each host with --host)')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'How many hosts and instances are read at once')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'postq;metrics' {
            [CompletionResult]::new('--textfile', '--textfile', [CompletionResultType]::ParameterName, 'Write DIR/postq.prom (a temporary file renamed into place) instead of stdout; on a failed listing the file still says so (postq_listing_success 0)')
            [CompletionResult]::new('--top', '--top', [CompletionResultType]::ParameterName, 'Series for the N largest senders, sender domains and origins each (0 to 100)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done (default 60s; 10s for check)')
            [CompletionResult]::new('--maillog', '--maillog', [CompletionResultType]::ParameterName, 'A Postfix mail log (`-` for stdin, e.g. from `journalctl -t postfix/smtpd -o cat`): mail that came back through a content filter is attributed to the account and client its first queue ID was logged with')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Run Postfix''s programs on HOST over ssh (BatchMode: a host that would ask for a password fails, named); HOST:CONFIG_DIR for another instance there. Repeat it for several hosts: read as one queue, each row naming its host. $POSTQ_SSH_COMMAND replaces `ssh` (e.g. `ssh -F FILE`)')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'The hosts from FILE, one a line (HOST or HOST:CONFIG_DIR; # comments)')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'A Postfix instance by its postmulti name (`-` is the primary), or `all`; repeatable. Found with `postmulti -l` (on each host with --host)')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'How many hosts and instances are read at once')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty')
            [CompletionResult]::new('--openmetrics', '--openmetrics', [CompletionResultType]::ParameterName, 'The OpenMetrics text format instead of Prometheus''s (ends with "# EOF")')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'postq;watch' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'How often to read the queue again (at least 1s)')
            [CompletionResult]::new('--top', '--top', [CompletionResultType]::ParameterName, 'How many of the fastest-growing accounts or senders to show (0 to 50)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done (default 60s; 10s for check)')
            [CompletionResult]::new('--maillog', '--maillog', [CompletionResultType]::ParameterName, 'A Postfix mail log (`-` for stdin, e.g. from `journalctl -t postfix/smtpd -o cat`): mail that came back through a content filter is attributed to the account and client its first queue ID was logged with')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Run Postfix''s programs on HOST over ssh (BatchMode: a host that would ask for a password fails, named); HOST:CONFIG_DIR for another instance there. Repeat it for several hosts: read as one queue, each row naming its host. $POSTQ_SSH_COMMAND replaces `ssh` (e.g. `ssh -F FILE`)')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'The hosts from FILE, one a line (HOST or HOST:CONFIG_DIR; # comments)')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'A Postfix instance by its postmulti name (`-` is the primary), or `all`; repeatable. Found with `postmulti -l` (on each host with --host)')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'How many hosts and instances are read at once')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'postq;flush' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Envelope sender: user@example.com exactly (<user@example.com> too), @example.com (that domain, not its subdomains), globs with * and ? (*@*.example.com), MAILER-DAEMON or <> (the null sender); case-insensitive. Repeat it or separate with commas: any of them')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Envelope sender: user@example.com exactly (<user@example.com> too), @example.com (that domain, not its subdomains), globs with * and ? (*@*.example.com), MAILER-DAEMON or <> (the null sender); case-insensitive. Repeat it or separate with commas: any of them')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Any recipient matches PATTERN (same forms as --from); repeat it or separate with commas: any of them')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Any recipient matches PATTERN (same forms as --from); repeat it or separate with commas: any of them')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'In queue NAME: active, deferred, hold, incoming, maildrop; repeat it or separate with commas')
            [CompletionResult]::new('--queue', '--queue', [CompletionResultType]::ParameterName, 'In queue NAME: active, deferred, hold, incoming, maildrop; repeat it or separate with commas')
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Arrived more than DURATION ago: 90s, 30m, 2h, 3d, 1w, 1h30m')
            [CompletionResult]::new('--newer-than', '--newer-than', [CompletionResultType]::ParameterName, 'Arrived less than DURATION ago')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Any recipient''s delay reason matches REGEX (case-insensitive)')
            [CompletionResult]::new('--min-size', '--min-size', [CompletionResultType]::ParameterName, 'At least SIZE bytes: 512, 10k, 5M (1024-based)')
            [CompletionResult]::new('--max-size', '--max-size', [CompletionResultType]::ParameterName, 'At most SIZE bytes')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The message with queue ID; repeat it for several')
            [CompletionResult]::new('--ids-from', '--ids-from', [CompletionResultType]::ParameterName, 'The messages whose queue IDs FILE lists, one a line (`-` for stdin), e.g. a saved `postq list --ids`')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'The authenticated account (SASL login) that sent it: exact, or globs with * and ?; repeat for any of several. Read from the queue files (root)')
            [CompletionResult]::new('--client', '--client', [CompletionResultType]::ParameterName, 'The client that sent it: an IP address or a CIDR block (203.0.113.0/24, 2001:db8::/32); repeat for any of several. Read from the queue files (root)')
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'A filter expression, e.g. ''sender_domain == example.com and age > 2h'' (see `man postq`, FILTER EXPRESSIONS)')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'A filter expression, e.g. ''sender_domain == example.com and age > 2h'' (see `man postq`, FILTER EXPRESSIONS)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done (default 60s; 10s for check)')
            [CompletionResult]::new('--maillog', '--maillog', [CompletionResultType]::ParameterName, 'A Postfix mail log (`-` for stdin, e.g. from `journalctl -t postfix/smtpd -o cat`): mail that came back through a content filter is attributed to the account and client its first queue ID was logged with')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Run Postfix''s programs on HOST over ssh (BatchMode: a host that would ask for a password fails, named); HOST:CONFIG_DIR for another instance there. Repeat it for several hosts: read as one queue, each row naming its host. $POSTQ_SSH_COMMAND replaces `ssh` (e.g. `ssh -F FILE`)')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'The hosts from FILE, one a line (HOST or HOST:CONFIG_DIR; # comments)')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'A Postfix instance by its postmulti name (`-` is the primary), or `all`; repeatable. Found with `postmulti -l` (on each host with --host)')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'How many hosts and instances are read at once')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show what would be done (count, bytes, queues, senders) and change nothing')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be done (count, bytes, queues, senders) and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do it without asking (needed when there is no terminal to ask on)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do it without asking (needed when there is no terminal to ask on)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'postq;completions' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)')
            [CompletionResult]::new('--config-dir', '--config-dir', [CompletionResultType]::ParameterName, 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done (default 60s; 10s for check)')
            [CompletionResult]::new('--maillog', '--maillog', [CompletionResultType]::ParameterName, 'A Postfix mail log (`-` for stdin, e.g. from `journalctl -t postfix/smtpd -o cat`): mail that came back through a content filter is attributed to the account and client its first queue ID was logged with')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Run Postfix''s programs on HOST over ssh (BatchMode: a host that would ask for a password fails, named); HOST:CONFIG_DIR for another instance there. Repeat it for several hosts: read as one queue, each row naming its host. $POSTQ_SSH_COMMAND replaces `ssh` (e.g. `ssh -F FILE`)')
            [CompletionResult]::new('--hosts', '--hosts', [CompletionResultType]::ParameterName, 'The hosts from FILE, one a line (HOST or HOST:CONFIG_DIR; # comments)')
            [CompletionResult]::new('--instance', '--instance', [CompletionResultType]::ParameterName, 'A Postfix instance by its postmulti name (`-` is the primary), or `all`; repeatable. Found with `postmulti -l` (on each host with --host)')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'How many hosts and instances are read at once')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'postq;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the queued messages: a table, JSON lines, IDs or a count')
            [CompletionResult]::new('summary', 'summary', [CompletionResultType]::ParameterValue, 'Where the queue''s weight is: per queue, top senders, domains, delay reasons, ages')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete the selected messages, after a preview and a confirmation')
            [CompletionResult]::new('hold', 'hold', [CompletionResultType]::ParameterValue, 'Put the selected messages on hold (postsuper -h): kept, but not delivered')
            [CompletionResult]::new('release', 'release', [CompletionResultType]::ParameterValue, 'Release the selected messages from hold (postsuper -H)')
            [CompletionResult]::new('requeue', 'requeue', [CompletionResultType]::ParameterValue, 'Requeue the selected messages (postsuper -r): they are routed again and get new IDs')
            [CompletionResult]::new('purge', 'purge', [CompletionResultType]::ParameterValue, 'Delete every message of the given queues, or of all (postsuper -d ALL)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a queued message as postcat shows it: envelope, headers and body')
            [CompletionResult]::new('recover', 'recover', [CompletionResultType]::ParameterValue, 'Release what an interrupted action left on hold, or finish its delete')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'A monitoring plugin: the queue''s size, age and floods against thresholds')
            [CompletionResult]::new('metrics', 'metrics', [CompletionResultType]::ParameterValue, 'Prometheus metrics: each queue''s messages, bytes and ages, and who floods it')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'A live view for an incident: counts per queue and their change, mail in and out per minute, who grows fastest')
            [CompletionResult]::new('flush', 'flush', [CompletionResultType]::ParameterValue, 'Try to deliver now: all deferred mail (postqueue -f), or the selected messages (postqueue -i, one by one)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'postq;help;list' {
            break
        }
        'postq;help;summary' {
            break
        }
        'postq;help;delete' {
            break
        }
        'postq;help;hold' {
            break
        }
        'postq;help;release' {
            break
        }
        'postq;help;requeue' {
            break
        }
        'postq;help;purge' {
            break
        }
        'postq;help;show' {
            break
        }
        'postq;help;recover' {
            break
        }
        'postq;help;check' {
            break
        }
        'postq;help;metrics' {
            break
        }
        'postq;help;watch' {
            break
        }
        'postq;help;flush' {
            break
        }
        'postq;help;completions' {
            break
        }
        'postq;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
