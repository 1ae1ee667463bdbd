# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_postq_global_optspecs
    string join \n c/config-dir= input= timeout= maillog= host= hosts= instance= parallel= color= h/help V/version
end

function __fish_postq_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_postq_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_postq_using_subcommand
    set -l cmd (__fish_postq_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c postq -n "__fish_postq_needs_command" -s c -l config-dir -d 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)' -r -f -a "(__fish_complete_directories)"
complete -c postq -n "__fish_postq_needs_command" -l input -d 'Read `postqueue -j` output from FILE (`-` for stdin) instead of running postqueue. Read-only commands only (list, summary; given after them too)' -r -F
complete -c postq -n "__fish_postq_needs_command" -l timeout -d 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done (default 60s; 10s for check)' -r
complete -c postq -n "__fish_postq_needs_command" -l maillog -d 'A Postfix mail log (`-` for stdin, e.g. from `journalctl -t postfix/smtpd -o cat`): mail that came back through a content filter is attributed to the account and client its first queue ID was logged with' -r -F
complete -c postq -n "__fish_postq_needs_command" -l host -d 'Run Postfix\'s programs on HOST over ssh (BatchMode: a host that would ask for a password fails, named); HOST:CONFIG_DIR for another instance there. Repeat it for several hosts: read as one queue, each row naming its host. $POSTQ_SSH_COMMAND replaces `ssh` (e.g. `ssh -F FILE`)' -r
complete -c postq -n "__fish_postq_needs_command" -l hosts -d 'The hosts from FILE, one a line (HOST or HOST:CONFIG_DIR; # comments)' -r -F
complete -c postq -n "__fish_postq_needs_command" -l instance -d 'A Postfix instance by its postmulti name (`-` is the primary), or `all`; repeatable. Found with `postmulti -l` (on each host with --host)' -r
complete -c postq -n "__fish_postq_needs_command" -l parallel -d 'How many hosts and instances are read at once' -r
complete -c postq -n "__fish_postq_needs_command" -l color -d 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty' -r -f -a "auto\t''
always\t''
never\t''"
complete -c postq -n "__fish_postq_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c postq -n "__fish_postq_needs_command" -s V -l version -d 'Print version'
complete -c postq -n "__fish_postq_needs_command" -f -a "list" -d 'List the queued messages: a table, JSON lines, IDs or a count'
complete -c postq -n "__fish_postq_needs_command" -f -a "summary" -d 'Where the queue\'s weight is: per queue, top senders, domains, delay reasons, ages'
complete -c postq -n "__fish_postq_needs_command" -f -a "delete" -d 'Delete the selected messages, after a preview and a confirmation'
complete -c postq -n "__fish_postq_needs_command" -f -a "hold" -d 'Put the selected messages on hold (postsuper -h): kept, but not delivered'
complete -c postq -n "__fish_postq_needs_command" -f -a "release" -d 'Release the selected messages from hold (postsuper -H)'
complete -c postq -n "__fish_postq_needs_command" -f -a "requeue" -d 'Requeue the selected messages (postsuper -r): they are routed again and get new IDs'
complete -c postq -n "__fish_postq_needs_command" -f -a "purge" -d 'Delete every message of the given queues, or of all (postsuper -d ALL)'
complete -c postq -n "__fish_postq_needs_command" -f -a "show" -d 'Show a queued message as postcat shows it: envelope, headers and body'
complete -c postq -n "__fish_postq_needs_command" -f -a "recover" -d 'Release what an interrupted action left on hold, or finish its delete'
complete -c postq -n "__fish_postq_needs_command" -f -a "check" -d 'A monitoring plugin: the queue\'s size, age and floods against thresholds'
complete -c postq -n "__fish_postq_needs_command" -f -a "metrics" -d 'Prometheus metrics: each queue\'s messages, bytes and ages, and who floods it'
complete -c postq -n "__fish_postq_needs_command" -f -a "watch" -d 'A live view for an incident: counts per queue and their change, mail in and out per minute, who grows fastest'
complete -c postq -n "__fish_postq_needs_command" -f -a "flush" -d 'Try to deliver now: all deferred mail (postqueue -f), or the selected messages (postqueue -i, one by one)'
complete -c postq -n "__fish_postq_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c postq -n "__fish_postq_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c postq -n "__fish_postq_using_subcommand list" -l input -d 'Read `postqueue -j` output from FILE (`-` for stdin) instead of running postqueue' -r -F
complete -c postq -n "__fish_postq_using_subcommand list" -l sort -d 'Order by FIELD (default: the order postqueue lists them in)' -r -f -a "arrival\t'Arrival time, oldest first'
size\t'Message size, smallest first'
sender\t'Sender address'
queue\t'Queue name'
recipients\t'Number of recipients, fewest first'
id\t'Queue ID'"
complete -c postq -n "__fish_postq_using_subcommand list" -l limit -d 'Show at most N messages' -r
complete -c postq -n "__fish_postq_using_subcommand list" -s f -l from -d 'Envelope sender: user@example.com exactly (<user@example.com> too), @example.com (that domain, not its subdomains), globs with * and ? (*@*.example.com), MAILER-DAEMON or <> (the null sender); case-insensitive. Repeat it or separate with commas: any of them' -r
complete -c postq -n "__fish_postq_using_subcommand list" -s t -l to -d 'Any recipient matches PATTERN (same forms as --from); repeat it or separate with commas: any of them' -r
complete -c postq -n "__fish_postq_using_subcommand list" -s q -l queue -d 'In queue NAME: active, deferred, hold, incoming, maildrop; repeat it or separate with commas' -r -f -a "maildrop\t''
incoming\t''
active\t''
deferred\t''
hold\t''"
complete -c postq -n "__fish_postq_using_subcommand list" -l older-than -d 'Arrived more than DURATION ago: 90s, 30m, 2h, 3d, 1w, 1h30m' -r
complete -c postq -n "__fish_postq_using_subcommand list" -l newer-than -d 'Arrived less than DURATION ago' -r
complete -c postq -n "__fish_postq_using_subcommand list" -l reason -d 'Any recipient\'s delay reason matches REGEX (case-insensitive)' -r
complete -c postq -n "__fish_postq_using_subcommand list" -l min-size -d 'At least SIZE bytes: 512, 10k, 5M (1024-based)' -r
complete -c postq -n "__fish_postq_using_subcommand list" -l max-size -d 'At most SIZE bytes' -r
complete -c postq -n "__fish_postq_using_subcommand list" -l id -d 'The message with queue ID; repeat it for several' -r
complete -c postq -n "__fish_postq_using_subcommand list" -l ids-from -d 'The messages whose queue IDs FILE lists, one a line (`-` for stdin), e.g. a saved `postq list --ids`' -r -F
complete -c postq -n "__fish_postq_using_subcommand list" -l account -d 'The authenticated account (SASL login) that sent it: exact, or globs with * and ?; repeat for any of several. Read from the queue files (root)' -r
complete -c postq -n "__fish_postq_using_subcommand list" -l client -d 'The client that sent it: an IP address or a CIDR block (203.0.113.0/24, 2001:db8::/32); repeat for any of several. Read from the queue files (root)' -r
complete -c postq -n "__fish_postq_using_subcommand list" -s w -l where -d 'A filter expression, e.g. \'sender_domain == example.com and age > 2h\' (see `man postq`, FILTER EXPRESSIONS)' -r
complete -c postq -n "__fish_postq_using_subcommand list" -s c -l config-dir -d 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)' -r -f -a "(__fish_complete_directories)"
complete -c postq -n "__fish_postq_using_subcommand list" -l timeout -d 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done (default 60s; 10s for check)' -r
complete -c postq -n "__fish_postq_using_subcommand list" -l maillog -d 'A Postfix mail log (`-` for stdin, e.g. from `journalctl -t postfix/smtpd -o cat`): mail that came back through a content filter is attributed to the account and client its first queue ID was logged with' -r -F
complete -c postq -n "__fish_postq_using_subcommand list" -l host -d 'Run Postfix\'s programs on HOST over ssh (BatchMode: a host that would ask for a password fails, named); HOST:CONFIG_DIR for another instance there. Repeat it for several hosts: read as one queue, each row naming its host. $POSTQ_SSH_COMMAND replaces `ssh` (e.g. `ssh -F FILE`)' -r
complete -c postq -n "__fish_postq_using_subcommand list" -l hosts -d 'The hosts from FILE, one a line (HOST or HOST:CONFIG_DIR; # comments)' -r -F
complete -c postq -n "__fish_postq_using_subcommand list" -l instance -d 'A Postfix instance by its postmulti name (`-` is the primary), or `all`; repeatable. Found with `postmulti -l` (on each host with --host)' -r
complete -c postq -n "__fish_postq_using_subcommand list" -l parallel -d 'How many hosts and instances are read at once' -r
complete -c postq -n "__fish_postq_using_subcommand list" -l color -d 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty' -r -f -a "auto\t''
always\t''
never\t''"
complete -c postq -n "__fish_postq_using_subcommand list" -l json -d 'One JSON object a line, in postqueue\'s own member names (members postq does not know are passed through unchanged)'
complete -c postq -n "__fish_postq_using_subcommand list" -l ids -d 'One queue ID a line'
complete -c postq -n "__fish_postq_using_subcommand list" -l count -d 'Only the number of messages'
complete -c postq -n "__fish_postq_using_subcommand list" -l reverse -d 'Reverse the order'
complete -c postq -n "__fish_postq_using_subcommand list" -l origin -d 'Read who sent each message from the queue files (root); with --json, an `origin` member on every line'
complete -c postq -n "__fish_postq_using_subcommand list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c postq -n "__fish_postq_using_subcommand summary" -l input -d 'Read `postqueue -j` output from FILE (`-` for stdin) instead of running postqueue' -r -F
complete -c postq -n "__fish_postq_using_subcommand summary" -l by -d 'One grouping only, with count, bytes, share and oldest' -r -f -a "sender\t''
sender-domain\t''
recipient\t''
recipient-domain\t''
reason\t'Delay reasons, with hosts, addresses and numbers made alike'
queue\t''
age\t'qshape\'s age buckets: 5, 10, 20, ... 1280 minutes and more'
account\t'The authenticated account (SASL login), from the queue files'
client\t'The client\'s IP address, from the queue files'
origin\t'Who: sasl:ACCOUNT, local:USER or client:IP, from the queue files'
subject\t'The Subject: header, from the queue files'
host\t'Where it is queued, when postq reads several hosts or instances'"
complete -c postq -n "__fish_postq_using_subcommand summary" -l top -d 'Rows per grouping (at least 1)' -r
complete -c postq -n "__fish_postq_using_subcommand summary" -s f -l from -d 'Envelope sender: user@example.com exactly (<user@example.com> too), @example.com (that domain, not its subdomains), globs with * and ? (*@*.example.com), MAILER-DAEMON or <> (the null sender); case-insensitive. Repeat it or separate with commas: any of them' -r
complete -c postq -n "__fish_postq_using_subcommand summary" -s t -l to -d 'Any recipient matches PATTERN (same forms as --from); repeat it or separate with commas: any of them' -r
complete -c postq -n "__fish_postq_using_subcommand summary" -s q -l queue -d 'In queue NAME: active, deferred, hold, incoming, maildrop; repeat it or separate with commas' -r -f -a "maildrop\t''
incoming\t''
active\t''
deferred\t''
hold\t''"
complete -c postq -n "__fish_postq_using_subcommand summary" -l older-than -d 'Arrived more than DURATION ago: 90s, 30m, 2h, 3d, 1w, 1h30m' -r
complete -c postq -n "__fish_postq_using_subcommand summary" -l newer-than -d 'Arrived less than DURATION ago' -r
complete -c postq -n "__fish_postq_using_subcommand summary" -l reason -d 'Any recipient\'s delay reason matches REGEX (case-insensitive)' -r
complete -c postq -n "__fish_postq_using_subcommand summary" -l min-size -d 'At least SIZE bytes: 512, 10k, 5M (1024-based)' -r
complete -c postq -n "__fish_postq_using_subcommand summary" -l max-size -d 'At most SIZE bytes' -r
complete -c postq -n "__fish_postq_using_subcommand summary" -l id -d 'The message with queue ID; repeat it for several' -r
complete -c postq -n "__fish_postq_using_subcommand summary" -l ids-from -d 'The messages whose queue IDs FILE lists, one a line (`-` for stdin), e.g. a saved `postq list --ids`' -r -F
complete -c postq -n "__fish_postq_using_subcommand summary" -l account -d 'The authenticated account (SASL login) that sent it: exact, or globs with * and ?; repeat for any of several. Read from the queue files (root)' -r
complete -c postq -n "__fish_postq_using_subcommand summary" -l client -d 'The client that sent it: an IP address or a CIDR block (203.0.113.0/24, 2001:db8::/32); repeat for any of several. Read from the queue files (root)' -r
complete -c postq -n "__fish_postq_using_subcommand summary" -s w -l where -d 'A filter expression, e.g. \'sender_domain == example.com and age > 2h\' (see `man postq`, FILTER EXPRESSIONS)' -r
complete -c postq -n "__fish_postq_using_subcommand summary" -s c -l config-dir -d 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)' -r -f -a "(__fish_complete_directories)"
complete -c postq -n "__fish_postq_using_subcommand summary" -l timeout -d 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done (default 60s; 10s for check)' -r
complete -c postq -n "__fish_postq_using_subcommand summary" -l maillog -d 'A Postfix mail log (`-` for stdin, e.g. from `journalctl -t postfix/smtpd -o cat`): mail that came back through a content filter is attributed to the account and client its first queue ID was logged with' -r -F
complete -c postq -n "__fish_postq_using_subcommand summary" -l host -d 'Run Postfix\'s programs on HOST over ssh (BatchMode: a host that would ask for a password fails, named); HOST:CONFIG_DIR for another instance there. Repeat it for several hosts: read as one queue, each row naming its host. $POSTQ_SSH_COMMAND replaces `ssh` (e.g. `ssh -F FILE`)' -r
complete -c postq -n "__fish_postq_using_subcommand summary" -l hosts -d 'The hosts from FILE, one a line (HOST or HOST:CONFIG_DIR; # comments)' -r -F
complete -c postq -n "__fish_postq_using_subcommand summary" -l instance -d 'A Postfix instance by its postmulti name (`-` is the primary), or `all`; repeatable. Found with `postmulti -l` (on each host with --host)' -r
complete -c postq -n "__fish_postq_using_subcommand summary" -l parallel -d 'How many hosts and instances are read at once' -r
complete -c postq -n "__fish_postq_using_subcommand summary" -l color -d 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty' -r -f -a "auto\t''
always\t''
never\t''"
complete -c postq -n "__fish_postq_using_subcommand summary" -l json -d 'One JSON document: every grouping a list of {key, count, bytes, share, oldest_age}, largest first'
complete -c postq -n "__fish_postq_using_subcommand summary" -l origin -d 'Read who sent each message (account, client, local user) from the queue files even for a large queue (the full summary does by itself up to 100,000 messages, as root)'
complete -c postq -n "__fish_postq_using_subcommand summary" -l no-origin -d 'Do not read the queue files: postqueue\'s fields only'
complete -c postq -n "__fish_postq_using_subcommand summary" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c postq -n "__fish_postq_using_subcommand delete" -l repeat -d 'After acting, read, plan and act again up to N more times while messages still match (mail that arrived or was in motion meanwhile); the consent covers every round. Not for requeue: requeued mail comes back under new IDs' -r
complete -c postq -n "__fish_postq_using_subcommand delete" -s f -l from -d 'Envelope sender: user@example.com exactly (<user@example.com> too), @example.com (that domain, not its subdomains), globs with * and ? (*@*.example.com), MAILER-DAEMON or <> (the null sender); case-insensitive. Repeat it or separate with commas: any of them' -r
complete -c postq -n "__fish_postq_using_subcommand delete" -s t -l to -d 'Any recipient matches PATTERN (same forms as --from); repeat it or separate with commas: any of them' -r
complete -c postq -n "__fish_postq_using_subcommand delete" -s q -l queue -d 'In queue NAME: active, deferred, hold, incoming, maildrop; repeat it or separate with commas' -r -f -a "maildrop\t''
incoming\t''
active\t''
deferred\t''
hold\t''"
complete -c postq -n "__fish_postq_using_subcommand delete" -l older-than -d 'Arrived more than DURATION ago: 90s, 30m, 2h, 3d, 1w, 1h30m' -r
complete -c postq -n "__fish_postq_using_subcommand delete" -l newer-than -d 'Arrived less than DURATION ago' -r
complete -c postq -n "__fish_postq_using_subcommand delete" -l reason -d 'Any recipient\'s delay reason matches REGEX (case-insensitive)' -r
complete -c postq -n "__fish_postq_using_subcommand delete" -l min-size -d 'At least SIZE bytes: 512, 10k, 5M (1024-based)' -r
complete -c postq -n "__fish_postq_using_subcommand delete" -l max-size -d 'At most SIZE bytes' -r
complete -c postq -n "__fish_postq_using_subcommand delete" -l id -d 'The message with queue ID; repeat it for several' -r
complete -c postq -n "__fish_postq_using_subcommand delete" -l ids-from -d 'The messages whose queue IDs FILE lists, one a line (`-` for stdin), e.g. a saved `postq list --ids`' -r -F
complete -c postq -n "__fish_postq_using_subcommand delete" -l account -d 'The authenticated account (SASL login) that sent it: exact, or globs with * and ?; repeat for any of several. Read from the queue files (root)' -r
complete -c postq -n "__fish_postq_using_subcommand delete" -l client -d 'The client that sent it: an IP address or a CIDR block (203.0.113.0/24, 2001:db8::/32); repeat for any of several. Read from the queue files (root)' -r
complete -c postq -n "__fish_postq_using_subcommand delete" -s w -l where -d 'A filter expression, e.g. \'sender_domain == example.com and age > 2h\' (see `man postq`, FILTER EXPRESSIONS)' -r
complete -c postq -n "__fish_postq_using_subcommand delete" -s c -l config-dir -d 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)' -r -f -a "(__fish_complete_directories)"
complete -c postq -n "__fish_postq_using_subcommand delete" -l timeout -d 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done (default 60s; 10s for check)' -r
complete -c postq -n "__fish_postq_using_subcommand delete" -l maillog -d 'A Postfix mail log (`-` for stdin, e.g. from `journalctl -t postfix/smtpd -o cat`): mail that came back through a content filter is attributed to the account and client its first queue ID was logged with' -r -F
complete -c postq -n "__fish_postq_using_subcommand delete" -l host -d 'Run Postfix\'s programs on HOST over ssh (BatchMode: a host that would ask for a password fails, named); HOST:CONFIG_DIR for another instance there. Repeat it for several hosts: read as one queue, each row naming its host. $POSTQ_SSH_COMMAND replaces `ssh` (e.g. `ssh -F FILE`)' -r
complete -c postq -n "__fish_postq_using_subcommand delete" -l hosts -d 'The hosts from FILE, one a line (HOST or HOST:CONFIG_DIR; # comments)' -r -F
complete -c postq -n "__fish_postq_using_subcommand delete" -l instance -d 'A Postfix instance by its postmulti name (`-` is the primary), or `all`; repeatable. Found with `postmulti -l` (on each host with --host)' -r
complete -c postq -n "__fish_postq_using_subcommand delete" -l parallel -d 'How many hosts and instances are read at once' -r
complete -c postq -n "__fish_postq_using_subcommand delete" -l color -d 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty' -r -f -a "auto\t''
always\t''
never\t''"
complete -c postq -n "__fish_postq_using_subcommand delete" -l all -d 'Every message: required when no selector is given'
complete -c postq -n "__fish_postq_using_subcommand delete" -s n -l dry-run -d 'Show what would be done (count, bytes, queues, senders) and change nothing'
complete -c postq -n "__fish_postq_using_subcommand delete" -s y -l yes -d 'Do it without asking (needed when there is no terminal to ask on)'
complete -c postq -n "__fish_postq_using_subcommand delete" -l ids -d 'In the preview, the exact messages: one queue ID a line (on stdout with --dry-run)'
complete -c postq -n "__fish_postq_using_subcommand delete" -l json -d 'In the preview, the exact messages: postqueue\'s JSON lines; after acting, the outcome as one JSON document on stdout (counts and IDs per class)'
complete -c postq -n "__fish_postq_using_subcommand delete" -l skip-unreachable -d 'Across hosts (--host, --hosts): with --yes, act on the hosts that could be read even when some could not (without it, nothing is changed anywhere then)'
complete -c postq -n "__fish_postq_using_subcommand delete" -l no-verify -d 'Delete directly, without holding and re-checking first. Safe only where queue IDs are not reused (enable_long_queue_ids = yes, where this is the default) or Postfix is stopped'
complete -c postq -n "__fish_postq_using_subcommand delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c postq -n "__fish_postq_using_subcommand hold" -l repeat -d 'After acting, read, plan and act again up to N more times while messages still match (mail that arrived or was in motion meanwhile); the consent covers every round. Not for requeue: requeued mail comes back under new IDs' -r
complete -c postq -n "__fish_postq_using_subcommand hold" -s f -l from -d 'Envelope sender: user@example.com exactly (<user@example.com> too), @example.com (that domain, not its subdomains), globs with * and ? (*@*.example.com), MAILER-DAEMON or <> (the null sender); case-insensitive. Repeat it or separate with commas: any of them' -r
complete -c postq -n "__fish_postq_using_subcommand hold" -s t -l to -d 'Any recipient matches PATTERN (same forms as --from); repeat it or separate with commas: any of them' -r
complete -c postq -n "__fish_postq_using_subcommand hold" -s q -l queue -d 'In queue NAME: active, deferred, hold, incoming, maildrop; repeat it or separate with commas' -r -f -a "maildrop\t''
incoming\t''
active\t''
deferred\t''
hold\t''"
complete -c postq -n "__fish_postq_using_subcommand hold" -l older-than -d 'Arrived more than DURATION ago: 90s, 30m, 2h, 3d, 1w, 1h30m' -r
complete -c postq -n "__fish_postq_using_subcommand hold" -l newer-than -d 'Arrived less than DURATION ago' -r
complete -c postq -n "__fish_postq_using_subcommand hold" -l reason -d 'Any recipient\'s delay reason matches REGEX (case-insensitive)' -r
complete -c postq -n "__fish_postq_using_subcommand hold" -l min-size -d 'At least SIZE bytes: 512, 10k, 5M (1024-based)' -r
complete -c postq -n "__fish_postq_using_subcommand hold" -l max-size -d 'At most SIZE bytes' -r
complete -c postq -n "__fish_postq_using_subcommand hold" -l id -d 'The message with queue ID; repeat it for several' -r
complete -c postq -n "__fish_postq_using_subcommand hold" -l ids-from -d 'The messages whose queue IDs FILE lists, one a line (`-` for stdin), e.g. a saved `postq list --ids`' -r -F
complete -c postq -n "__fish_postq_using_subcommand hold" -l account -d 'The authenticated account (SASL login) that sent it: exact, or globs with * and ?; repeat for any of several. Read from the queue files (root)' -r
complete -c postq -n "__fish_postq_using_subcommand hold" -l client -d 'The client that sent it: an IP address or a CIDR block (203.0.113.0/24, 2001:db8::/32); repeat for any of several. Read from the queue files (root)' -r
complete -c postq -n "__fish_postq_using_subcommand hold" -s w -l where -d 'A filter expression, e.g. \'sender_domain == example.com and age > 2h\' (see `man postq`, FILTER EXPRESSIONS)' -r
complete -c postq -n "__fish_postq_using_subcommand hold" -s c -l config-dir -d 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)' -r -f -a "(__fish_complete_directories)"
complete -c postq -n "__fish_postq_using_subcommand hold" -l timeout -d 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done (default 60s; 10s for check)' -r
complete -c postq -n "__fish_postq_using_subcommand hold" -l maillog -d 'A Postfix mail log (`-` for stdin, e.g. from `journalctl -t postfix/smtpd -o cat`): mail that came back through a content filter is attributed to the account and client its first queue ID was logged with' -r -F
complete -c postq -n "__fish_postq_using_subcommand hold" -l host -d 'Run Postfix\'s programs on HOST over ssh (BatchMode: a host that would ask for a password fails, named); HOST:CONFIG_DIR for another instance there. Repeat it for several hosts: read as one queue, each row naming its host. $POSTQ_SSH_COMMAND replaces `ssh` (e.g. `ssh -F FILE`)' -r
complete -c postq -n "__fish_postq_using_subcommand hold" -l hosts -d 'The hosts from FILE, one a line (HOST or HOST:CONFIG_DIR; # comments)' -r -F
complete -c postq -n "__fish_postq_using_subcommand hold" -l instance -d 'A Postfix instance by its postmulti name (`-` is the primary), or `all`; repeatable. Found with `postmulti -l` (on each host with --host)' -r
complete -c postq -n "__fish_postq_using_subcommand hold" -l parallel -d 'How many hosts and instances are read at once' -r
complete -c postq -n "__fish_postq_using_subcommand hold" -l color -d 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty' -r -f -a "auto\t''
always\t''
never\t''"
complete -c postq -n "__fish_postq_using_subcommand hold" -l all -d 'Every message: required when no selector is given'
complete -c postq -n "__fish_postq_using_subcommand hold" -s n -l dry-run -d 'Show what would be done (count, bytes, queues, senders) and change nothing'
complete -c postq -n "__fish_postq_using_subcommand hold" -s y -l yes -d 'Do it without asking (needed when there is no terminal to ask on)'
complete -c postq -n "__fish_postq_using_subcommand hold" -l ids -d 'In the preview, the exact messages: one queue ID a line (on stdout with --dry-run)'
complete -c postq -n "__fish_postq_using_subcommand hold" -l json -d 'In the preview, the exact messages: postqueue\'s JSON lines; after acting, the outcome as one JSON document on stdout (counts and IDs per class)'
complete -c postq -n "__fish_postq_using_subcommand hold" -l skip-unreachable -d 'Across hosts (--host, --hosts): with --yes, act on the hosts that could be read even when some could not (without it, nothing is changed anywhere then)'
complete -c postq -n "__fish_postq_using_subcommand hold" -s h -l help -d 'Print help'
complete -c postq -n "__fish_postq_using_subcommand release" -l repeat -d 'After acting, read, plan and act again up to N more times while messages still match (mail that arrived or was in motion meanwhile); the consent covers every round. Not for requeue: requeued mail comes back under new IDs' -r
complete -c postq -n "__fish_postq_using_subcommand release" -s f -l from -d 'Envelope sender: user@example.com exactly (<user@example.com> too), @example.com (that domain, not its subdomains), globs with * and ? (*@*.example.com), MAILER-DAEMON or <> (the null sender); case-insensitive. Repeat it or separate with commas: any of them' -r
complete -c postq -n "__fish_postq_using_subcommand release" -s t -l to -d 'Any recipient matches PATTERN (same forms as --from); repeat it or separate with commas: any of them' -r
complete -c postq -n "__fish_postq_using_subcommand release" -s q -l queue -d 'In queue NAME: active, deferred, hold, incoming, maildrop; repeat it or separate with commas' -r -f -a "maildrop\t''
incoming\t''
active\t''
deferred\t''
hold\t''"
complete -c postq -n "__fish_postq_using_subcommand release" -l older-than -d 'Arrived more than DURATION ago: 90s, 30m, 2h, 3d, 1w, 1h30m' -r
complete -c postq -n "__fish_postq_using_subcommand release" -l newer-than -d 'Arrived less than DURATION ago' -r
complete -c postq -n "__fish_postq_using_subcommand release" -l reason -d 'Any recipient\'s delay reason matches REGEX (case-insensitive)' -r
complete -c postq -n "__fish_postq_using_subcommand release" -l min-size -d 'At least SIZE bytes: 512, 10k, 5M (1024-based)' -r
complete -c postq -n "__fish_postq_using_subcommand release" -l max-size -d 'At most SIZE bytes' -r
complete -c postq -n "__fish_postq_using_subcommand release" -l id -d 'The message with queue ID; repeat it for several' -r
complete -c postq -n "__fish_postq_using_subcommand release" -l ids-from -d 'The messages whose queue IDs FILE lists, one a line (`-` for stdin), e.g. a saved `postq list --ids`' -r -F
complete -c postq -n "__fish_postq_using_subcommand release" -l account -d 'The authenticated account (SASL login) that sent it: exact, or globs with * and ?; repeat for any of several. Read from the queue files (root)' -r
complete -c postq -n "__fish_postq_using_subcommand release" -l client -d 'The client that sent it: an IP address or a CIDR block (203.0.113.0/24, 2001:db8::/32); repeat for any of several. Read from the queue files (root)' -r
complete -c postq -n "__fish_postq_using_subcommand release" -s w -l where -d 'A filter expression, e.g. \'sender_domain == example.com and age > 2h\' (see `man postq`, FILTER EXPRESSIONS)' -r
complete -c postq -n "__fish_postq_using_subcommand release" -s c -l config-dir -d 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)' -r -f -a "(__fish_complete_directories)"
complete -c postq -n "__fish_postq_using_subcommand release" -l timeout -d 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done (default 60s; 10s for check)' -r
complete -c postq -n "__fish_postq_using_subcommand release" -l maillog -d 'A Postfix mail log (`-` for stdin, e.g. from `journalctl -t postfix/smtpd -o cat`): mail that came back through a content filter is attributed to the account and client its first queue ID was logged with' -r -F
complete -c postq -n "__fish_postq_using_subcommand release" -l host -d 'Run Postfix\'s programs on HOST over ssh (BatchMode: a host that would ask for a password fails, named); HOST:CONFIG_DIR for another instance there. Repeat it for several hosts: read as one queue, each row naming its host. $POSTQ_SSH_COMMAND replaces `ssh` (e.g. `ssh -F FILE`)' -r
complete -c postq -n "__fish_postq_using_subcommand release" -l hosts -d 'The hosts from FILE, one a line (HOST or HOST:CONFIG_DIR; # comments)' -r -F
complete -c postq -n "__fish_postq_using_subcommand release" -l instance -d 'A Postfix instance by its postmulti name (`-` is the primary), or `all`; repeatable. Found with `postmulti -l` (on each host with --host)' -r
complete -c postq -n "__fish_postq_using_subcommand release" -l parallel -d 'How many hosts and instances are read at once' -r
complete -c postq -n "__fish_postq_using_subcommand release" -l color -d 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty' -r -f -a "auto\t''
always\t''
never\t''"
complete -c postq -n "__fish_postq_using_subcommand release" -l all -d 'Every message: required when no selector is given'
complete -c postq -n "__fish_postq_using_subcommand release" -s n -l dry-run -d 'Show what would be done (count, bytes, queues, senders) and change nothing'
complete -c postq -n "__fish_postq_using_subcommand release" -s y -l yes -d 'Do it without asking (needed when there is no terminal to ask on)'
complete -c postq -n "__fish_postq_using_subcommand release" -l ids -d 'In the preview, the exact messages: one queue ID a line (on stdout with --dry-run)'
complete -c postq -n "__fish_postq_using_subcommand release" -l json -d 'In the preview, the exact messages: postqueue\'s JSON lines; after acting, the outcome as one JSON document on stdout (counts and IDs per class)'
complete -c postq -n "__fish_postq_using_subcommand release" -l skip-unreachable -d 'Across hosts (--host, --hosts): with --yes, act on the hosts that could be read even when some could not (without it, nothing is changed anywhere then)'
complete -c postq -n "__fish_postq_using_subcommand release" -s h -l help -d 'Print help'
complete -c postq -n "__fish_postq_using_subcommand requeue" -l repeat -d 'After acting, read, plan and act again up to N more times while messages still match (mail that arrived or was in motion meanwhile); the consent covers every round. Not for requeue: requeued mail comes back under new IDs' -r
complete -c postq -n "__fish_postq_using_subcommand requeue" -s f -l from -d 'Envelope sender: user@example.com exactly (<user@example.com> too), @example.com (that domain, not its subdomains), globs with * and ? (*@*.example.com), MAILER-DAEMON or <> (the null sender); case-insensitive. Repeat it or separate with commas: any of them' -r
complete -c postq -n "__fish_postq_using_subcommand requeue" -s t -l to -d 'Any recipient matches PATTERN (same forms as --from); repeat it or separate with commas: any of them' -r
complete -c postq -n "__fish_postq_using_subcommand requeue" -s q -l queue -d 'In queue NAME: active, deferred, hold, incoming, maildrop; repeat it or separate with commas' -r -f -a "maildrop\t''
incoming\t''
active\t''
deferred\t''
hold\t''"
complete -c postq -n "__fish_postq_using_subcommand requeue" -l older-than -d 'Arrived more than DURATION ago: 90s, 30m, 2h, 3d, 1w, 1h30m' -r
complete -c postq -n "__fish_postq_using_subcommand requeue" -l newer-than -d 'Arrived less than DURATION ago' -r
complete -c postq -n "__fish_postq_using_subcommand requeue" -l reason -d 'Any recipient\'s delay reason matches REGEX (case-insensitive)' -r
complete -c postq -n "__fish_postq_using_subcommand requeue" -l min-size -d 'At least SIZE bytes: 512, 10k, 5M (1024-based)' -r
complete -c postq -n "__fish_postq_using_subcommand requeue" -l max-size -d 'At most SIZE bytes' -r
complete -c postq -n "__fish_postq_using_subcommand requeue" -l id -d 'The message with queue ID; repeat it for several' -r
complete -c postq -n "__fish_postq_using_subcommand requeue" -l ids-from -d 'The messages whose queue IDs FILE lists, one a line (`-` for stdin), e.g. a saved `postq list --ids`' -r -F
complete -c postq -n "__fish_postq_using_subcommand requeue" -l account -d 'The authenticated account (SASL login) that sent it: exact, or globs with * and ?; repeat for any of several. Read from the queue files (root)' -r
complete -c postq -n "__fish_postq_using_subcommand requeue" -l client -d 'The client that sent it: an IP address or a CIDR block (203.0.113.0/24, 2001:db8::/32); repeat for any of several. Read from the queue files (root)' -r
complete -c postq -n "__fish_postq_using_subcommand requeue" -s w -l where -d 'A filter expression, e.g. \'sender_domain == example.com and age > 2h\' (see `man postq`, FILTER EXPRESSIONS)' -r
complete -c postq -n "__fish_postq_using_subcommand requeue" -s c -l config-dir -d 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)' -r -f -a "(__fish_complete_directories)"
complete -c postq -n "__fish_postq_using_subcommand requeue" -l timeout -d 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done (default 60s; 10s for check)' -r
complete -c postq -n "__fish_postq_using_subcommand requeue" -l maillog -d 'A Postfix mail log (`-` for stdin, e.g. from `journalctl -t postfix/smtpd -o cat`): mail that came back through a content filter is attributed to the account and client its first queue ID was logged with' -r -F
complete -c postq -n "__fish_postq_using_subcommand requeue" -l host -d 'Run Postfix\'s programs on HOST over ssh (BatchMode: a host that would ask for a password fails, named); HOST:CONFIG_DIR for another instance there. Repeat it for several hosts: read as one queue, each row naming its host. $POSTQ_SSH_COMMAND replaces `ssh` (e.g. `ssh -F FILE`)' -r
complete -c postq -n "__fish_postq_using_subcommand requeue" -l hosts -d 'The hosts from FILE, one a line (HOST or HOST:CONFIG_DIR; # comments)' -r -F
complete -c postq -n "__fish_postq_using_subcommand requeue" -l instance -d 'A Postfix instance by its postmulti name (`-` is the primary), or `all`; repeatable. Found with `postmulti -l` (on each host with --host)' -r
complete -c postq -n "__fish_postq_using_subcommand requeue" -l parallel -d 'How many hosts and instances are read at once' -r
complete -c postq -n "__fish_postq_using_subcommand requeue" -l color -d 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty' -r -f -a "auto\t''
always\t''
never\t''"
complete -c postq -n "__fish_postq_using_subcommand requeue" -l all -d 'Every message: required when no selector is given'
complete -c postq -n "__fish_postq_using_subcommand requeue" -s n -l dry-run -d 'Show what would be done (count, bytes, queues, senders) and change nothing'
complete -c postq -n "__fish_postq_using_subcommand requeue" -s y -l yes -d 'Do it without asking (needed when there is no terminal to ask on)'
complete -c postq -n "__fish_postq_using_subcommand requeue" -l ids -d 'In the preview, the exact messages: one queue ID a line (on stdout with --dry-run)'
complete -c postq -n "__fish_postq_using_subcommand requeue" -l json -d 'In the preview, the exact messages: postqueue\'s JSON lines; after acting, the outcome as one JSON document on stdout (counts and IDs per class)'
complete -c postq -n "__fish_postq_using_subcommand requeue" -l skip-unreachable -d 'Across hosts (--host, --hosts): with --yes, act on the hosts that could be read even when some could not (without it, nothing is changed anywhere then)'
complete -c postq -n "__fish_postq_using_subcommand requeue" -s h -l help -d 'Print help'
complete -c postq -n "__fish_postq_using_subcommand purge" -s c -l config-dir -d 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)' -r -f -a "(__fish_complete_directories)"
complete -c postq -n "__fish_postq_using_subcommand purge" -l timeout -d 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done (default 60s; 10s for check)' -r
complete -c postq -n "__fish_postq_using_subcommand purge" -l maillog -d 'A Postfix mail log (`-` for stdin, e.g. from `journalctl -t postfix/smtpd -o cat`): mail that came back through a content filter is attributed to the account and client its first queue ID was logged with' -r -F
complete -c postq -n "__fish_postq_using_subcommand purge" -l host -d 'Run Postfix\'s programs on HOST over ssh (BatchMode: a host that would ask for a password fails, named); HOST:CONFIG_DIR for another instance there. Repeat it for several hosts: read as one queue, each row naming its host. $POSTQ_SSH_COMMAND replaces `ssh` (e.g. `ssh -F FILE`)' -r
complete -c postq -n "__fish_postq_using_subcommand purge" -l hosts -d 'The hosts from FILE, one a line (HOST or HOST:CONFIG_DIR; # comments)' -r -F
complete -c postq -n "__fish_postq_using_subcommand purge" -l instance -d 'A Postfix instance by its postmulti name (`-` is the primary), or `all`; repeatable. Found with `postmulti -l` (on each host with --host)' -r
complete -c postq -n "__fish_postq_using_subcommand purge" -l parallel -d 'How many hosts and instances are read at once' -r
complete -c postq -n "__fish_postq_using_subcommand purge" -l color -d 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty' -r -f -a "auto\t''
always\t''
never\t''"
complete -c postq -n "__fish_postq_using_subcommand purge" -s n -l dry-run -d 'Show what would be done (count, bytes, queues, senders) and change nothing'
complete -c postq -n "__fish_postq_using_subcommand purge" -s y -l yes -d 'Do it without asking (needed when there is no terminal to ask on)'
complete -c postq -n "__fish_postq_using_subcommand purge" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c postq -n "__fish_postq_using_subcommand show" -s c -l config-dir -d 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)' -r -f -a "(__fish_complete_directories)"
complete -c postq -n "__fish_postq_using_subcommand show" -l timeout -d 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done (default 60s; 10s for check)' -r
complete -c postq -n "__fish_postq_using_subcommand show" -l maillog -d 'A Postfix mail log (`-` for stdin, e.g. from `journalctl -t postfix/smtpd -o cat`): mail that came back through a content filter is attributed to the account and client its first queue ID was logged with' -r -F
complete -c postq -n "__fish_postq_using_subcommand show" -l host -d 'Run Postfix\'s programs on HOST over ssh (BatchMode: a host that would ask for a password fails, named); HOST:CONFIG_DIR for another instance there. Repeat it for several hosts: read as one queue, each row naming its host. $POSTQ_SSH_COMMAND replaces `ssh` (e.g. `ssh -F FILE`)' -r
complete -c postq -n "__fish_postq_using_subcommand show" -l hosts -d 'The hosts from FILE, one a line (HOST or HOST:CONFIG_DIR; # comments)' -r -F
complete -c postq -n "__fish_postq_using_subcommand show" -l instance -d 'A Postfix instance by its postmulti name (`-` is the primary), or `all`; repeatable. Found with `postmulti -l` (on each host with --host)' -r
complete -c postq -n "__fish_postq_using_subcommand show" -l parallel -d 'How many hosts and instances are read at once' -r
complete -c postq -n "__fish_postq_using_subcommand show" -l color -d 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty' -r -f -a "auto\t''
always\t''
never\t''"
complete -c postq -n "__fish_postq_using_subcommand show" -l envelope -d 'The envelope records (postcat -e)'
complete -c postq -n "__fish_postq_using_subcommand show" -l headers -d 'The message headers (postcat -h)'
complete -c postq -n "__fish_postq_using_subcommand show" -l body -d 'The message body (postcat -b)'
complete -c postq -n "__fish_postq_using_subcommand show" -s h -l help -d 'Print help'
complete -c postq -n "__fish_postq_using_subcommand recover" -s c -l config-dir -d 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)' -r -f -a "(__fish_complete_directories)"
complete -c postq -n "__fish_postq_using_subcommand recover" -l timeout -d 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done (default 60s; 10s for check)' -r
complete -c postq -n "__fish_postq_using_subcommand recover" -l maillog -d 'A Postfix mail log (`-` for stdin, e.g. from `journalctl -t postfix/smtpd -o cat`): mail that came back through a content filter is attributed to the account and client its first queue ID was logged with' -r -F
complete -c postq -n "__fish_postq_using_subcommand recover" -l host -d 'Run Postfix\'s programs on HOST over ssh (BatchMode: a host that would ask for a password fails, named); HOST:CONFIG_DIR for another instance there. Repeat it for several hosts: read as one queue, each row naming its host. $POSTQ_SSH_COMMAND replaces `ssh` (e.g. `ssh -F FILE`)' -r
complete -c postq -n "__fish_postq_using_subcommand recover" -l hosts -d 'The hosts from FILE, one a line (HOST or HOST:CONFIG_DIR; # comments)' -r -F
complete -c postq -n "__fish_postq_using_subcommand recover" -l instance -d 'A Postfix instance by its postmulti name (`-` is the primary), or `all`; repeatable. Found with `postmulti -l` (on each host with --host)' -r
complete -c postq -n "__fish_postq_using_subcommand recover" -l parallel -d 'How many hosts and instances are read at once' -r
complete -c postq -n "__fish_postq_using_subcommand recover" -l color -d 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty' -r -f -a "auto\t''
always\t''
never\t''"
complete -c postq -n "__fish_postq_using_subcommand recover" -l finish -d 'Complete an interrupted delete (hold, re-check, delete) instead of releasing'
complete -c postq -n "__fish_postq_using_subcommand recover" -s n -l dry-run -d 'Show what would be done (count, bytes, queues, senders) and change nothing'
complete -c postq -n "__fish_postq_using_subcommand recover" -s y -l yes -d 'Do it without asking (needed when there is no terminal to ask on)'
complete -c postq -n "__fish_postq_using_subcommand recover" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c postq -n "__fish_postq_using_subcommand check" -l warn-messages -d 'Messages in the queue: WARNING outside RANGE (a bare number N means 0:N)' -r
complete -c postq -n "__fish_postq_using_subcommand check" -l crit-messages -d 'Messages in the queue: CRITICAL outside RANGE' -r
complete -c postq -n "__fish_postq_using_subcommand check" -l warn-bytes -d 'Bytes in the queue: WARNING outside RANGE (none by default)' -r
complete -c postq -n "__fish_postq_using_subcommand check" -l crit-bytes -d 'Bytes in the queue: CRITICAL outside RANGE (none by default)' -r
complete -c postq -n "__fish_postq_using_subcommand check" -l warn-age -d 'The oldest message\'s age: WARNING above DURATION' -r
complete -c postq -n "__fish_postq_using_subcommand check" -l crit-age -d 'The oldest message\'s age: CRITICAL above DURATION' -r
complete -c postq -n "__fish_postq_using_subcommand check" -l warn-queue -d 'One queue\'s messages: WARNING outside RANGE, as QUEUE=RANGE (hold=50); repeat it' -r
complete -c postq -n "__fish_postq_using_subcommand check" -l crit-queue -d 'One queue\'s messages: CRITICAL outside RANGE, as QUEUE=RANGE; repeat it' -r
complete -c postq -n "__fish_postq_using_subcommand check" -l warn-queue-age -d 'One queue\'s oldest message: WARNING above DURATION, as QUEUE=DURATION (incoming=1h); repeat it' -r
complete -c postq -n "__fish_postq_using_subcommand check" -l crit-queue-age -d 'One queue\'s oldest message: CRITICAL above DURATION, as QUEUE=DURATION; repeat it' -r
complete -c postq -n "__fish_postq_using_subcommand check" -l flood-warn-share -d 'A flood: one account, sender or sender domain holding more than this share (0-1)...' -r
complete -c postq -n "__fish_postq_using_subcommand check" -l flood-warn-count -d '...and more than this many messages: WARNING' -r
complete -c postq -n "__fish_postq_using_subcommand check" -l flood-crit-share -d 'A flood this large is CRITICAL: more than this share...' -r
complete -c postq -n "__fish_postq_using_subcommand check" -l flood-crit-count -d '...and more than this many messages' -r
complete -c postq -n "__fish_postq_using_subcommand check" -s c -l config-dir -d 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)' -r -f -a "(__fish_complete_directories)"
complete -c postq -n "__fish_postq_using_subcommand check" -l timeout -d 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done (default 60s; 10s for check)' -r
complete -c postq -n "__fish_postq_using_subcommand check" -l maillog -d 'A Postfix mail log (`-` for stdin, e.g. from `journalctl -t postfix/smtpd -o cat`): mail that came back through a content filter is attributed to the account and client its first queue ID was logged with' -r -F
complete -c postq -n "__fish_postq_using_subcommand check" -l host -d 'Run Postfix\'s programs on HOST over ssh (BatchMode: a host that would ask for a password fails, named); HOST:CONFIG_DIR for another instance there. Repeat it for several hosts: read as one queue, each row naming its host. $POSTQ_SSH_COMMAND replaces `ssh` (e.g. `ssh -F FILE`)' -r
complete -c postq -n "__fish_postq_using_subcommand check" -l hosts -d 'The hosts from FILE, one a line (HOST or HOST:CONFIG_DIR; # comments)' -r -F
complete -c postq -n "__fish_postq_using_subcommand check" -l instance -d 'A Postfix instance by its postmulti name (`-` is the primary), or `all`; repeatable. Found with `postmulti -l` (on each host with --host)' -r
complete -c postq -n "__fish_postq_using_subcommand check" -l parallel -d 'How many hosts and instances are read at once' -r
complete -c postq -n "__fish_postq_using_subcommand check" -l color -d 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty' -r -f -a "auto\t''
always\t''
never\t''"
complete -c postq -n "__fish_postq_using_subcommand check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c postq -n "__fish_postq_using_subcommand metrics" -l textfile -d 'Write DIR/postq.prom (a temporary file renamed into place) instead of stdout; on a failed listing the file still says so (postq_listing_success 0)' -r -F
complete -c postq -n "__fish_postq_using_subcommand metrics" -l top -d 'Series for the N largest senders, sender domains and origins each (0 to 100)' -r
complete -c postq -n "__fish_postq_using_subcommand metrics" -s c -l config-dir -d 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)' -r -f -a "(__fish_complete_directories)"
complete -c postq -n "__fish_postq_using_subcommand metrics" -l timeout -d 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done (default 60s; 10s for check)' -r
complete -c postq -n "__fish_postq_using_subcommand metrics" -l maillog -d 'A Postfix mail log (`-` for stdin, e.g. from `journalctl -t postfix/smtpd -o cat`): mail that came back through a content filter is attributed to the account and client its first queue ID was logged with' -r -F
complete -c postq -n "__fish_postq_using_subcommand metrics" -l host -d 'Run Postfix\'s programs on HOST over ssh (BatchMode: a host that would ask for a password fails, named); HOST:CONFIG_DIR for another instance there. Repeat it for several hosts: read as one queue, each row naming its host. $POSTQ_SSH_COMMAND replaces `ssh` (e.g. `ssh -F FILE`)' -r
complete -c postq -n "__fish_postq_using_subcommand metrics" -l hosts -d 'The hosts from FILE, one a line (HOST or HOST:CONFIG_DIR; # comments)' -r -F
complete -c postq -n "__fish_postq_using_subcommand metrics" -l instance -d 'A Postfix instance by its postmulti name (`-` is the primary), or `all`; repeatable. Found with `postmulti -l` (on each host with --host)' -r
complete -c postq -n "__fish_postq_using_subcommand metrics" -l parallel -d 'How many hosts and instances are read at once' -r
complete -c postq -n "__fish_postq_using_subcommand metrics" -l color -d 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty' -r -f -a "auto\t''
always\t''
never\t''"
complete -c postq -n "__fish_postq_using_subcommand metrics" -l openmetrics -d 'The OpenMetrics text format instead of Prometheus\'s (ends with "# EOF")'
complete -c postq -n "__fish_postq_using_subcommand metrics" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c postq -n "__fish_postq_using_subcommand watch" -l interval -d 'How often to read the queue again (at least 1s)' -r
complete -c postq -n "__fish_postq_using_subcommand watch" -l top -d 'How many of the fastest-growing accounts or senders to show (0 to 50)' -r
complete -c postq -n "__fish_postq_using_subcommand watch" -s c -l config-dir -d 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)' -r -f -a "(__fish_complete_directories)"
complete -c postq -n "__fish_postq_using_subcommand watch" -l timeout -d 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done (default 60s; 10s for check)' -r
complete -c postq -n "__fish_postq_using_subcommand watch" -l maillog -d 'A Postfix mail log (`-` for stdin, e.g. from `journalctl -t postfix/smtpd -o cat`): mail that came back through a content filter is attributed to the account and client its first queue ID was logged with' -r -F
complete -c postq -n "__fish_postq_using_subcommand watch" -l host -d 'Run Postfix\'s programs on HOST over ssh (BatchMode: a host that would ask for a password fails, named); HOST:CONFIG_DIR for another instance there. Repeat it for several hosts: read as one queue, each row naming its host. $POSTQ_SSH_COMMAND replaces `ssh` (e.g. `ssh -F FILE`)' -r
complete -c postq -n "__fish_postq_using_subcommand watch" -l hosts -d 'The hosts from FILE, one a line (HOST or HOST:CONFIG_DIR; # comments)' -r -F
complete -c postq -n "__fish_postq_using_subcommand watch" -l instance -d 'A Postfix instance by its postmulti name (`-` is the primary), or `all`; repeatable. Found with `postmulti -l` (on each host with --host)' -r
complete -c postq -n "__fish_postq_using_subcommand watch" -l parallel -d 'How many hosts and instances are read at once' -r
complete -c postq -n "__fish_postq_using_subcommand watch" -l color -d 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty' -r -f -a "auto\t''
always\t''
never\t''"
complete -c postq -n "__fish_postq_using_subcommand watch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c postq -n "__fish_postq_using_subcommand flush" -s f -l from -d 'Envelope sender: user@example.com exactly (<user@example.com> too), @example.com (that domain, not its subdomains), globs with * and ? (*@*.example.com), MAILER-DAEMON or <> (the null sender); case-insensitive. Repeat it or separate with commas: any of them' -r
complete -c postq -n "__fish_postq_using_subcommand flush" -s t -l to -d 'Any recipient matches PATTERN (same forms as --from); repeat it or separate with commas: any of them' -r
complete -c postq -n "__fish_postq_using_subcommand flush" -s q -l queue -d 'In queue NAME: active, deferred, hold, incoming, maildrop; repeat it or separate with commas' -r -f -a "maildrop\t''
incoming\t''
active\t''
deferred\t''
hold\t''"
complete -c postq -n "__fish_postq_using_subcommand flush" -l older-than -d 'Arrived more than DURATION ago: 90s, 30m, 2h, 3d, 1w, 1h30m' -r
complete -c postq -n "__fish_postq_using_subcommand flush" -l newer-than -d 'Arrived less than DURATION ago' -r
complete -c postq -n "__fish_postq_using_subcommand flush" -l reason -d 'Any recipient\'s delay reason matches REGEX (case-insensitive)' -r
complete -c postq -n "__fish_postq_using_subcommand flush" -l min-size -d 'At least SIZE bytes: 512, 10k, 5M (1024-based)' -r
complete -c postq -n "__fish_postq_using_subcommand flush" -l max-size -d 'At most SIZE bytes' -r
complete -c postq -n "__fish_postq_using_subcommand flush" -l id -d 'The message with queue ID; repeat it for several' -r
complete -c postq -n "__fish_postq_using_subcommand flush" -l ids-from -d 'The messages whose queue IDs FILE lists, one a line (`-` for stdin), e.g. a saved `postq list --ids`' -r -F
complete -c postq -n "__fish_postq_using_subcommand flush" -l account -d 'The authenticated account (SASL login) that sent it: exact, or globs with * and ?; repeat for any of several. Read from the queue files (root)' -r
complete -c postq -n "__fish_postq_using_subcommand flush" -l client -d 'The client that sent it: an IP address or a CIDR block (203.0.113.0/24, 2001:db8::/32); repeat for any of several. Read from the queue files (root)' -r
complete -c postq -n "__fish_postq_using_subcommand flush" -s w -l where -d 'A filter expression, e.g. \'sender_domain == example.com and age > 2h\' (see `man postq`, FILTER EXPRESSIONS)' -r
complete -c postq -n "__fish_postq_using_subcommand flush" -s c -l config-dir -d 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)' -r -f -a "(__fish_complete_directories)"
complete -c postq -n "__fish_postq_using_subcommand flush" -l timeout -d 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done (default 60s; 10s for check)' -r
complete -c postq -n "__fish_postq_using_subcommand flush" -l maillog -d 'A Postfix mail log (`-` for stdin, e.g. from `journalctl -t postfix/smtpd -o cat`): mail that came back through a content filter is attributed to the account and client its first queue ID was logged with' -r -F
complete -c postq -n "__fish_postq_using_subcommand flush" -l host -d 'Run Postfix\'s programs on HOST over ssh (BatchMode: a host that would ask for a password fails, named); HOST:CONFIG_DIR for another instance there. Repeat it for several hosts: read as one queue, each row naming its host. $POSTQ_SSH_COMMAND replaces `ssh` (e.g. `ssh -F FILE`)' -r
complete -c postq -n "__fish_postq_using_subcommand flush" -l hosts -d 'The hosts from FILE, one a line (HOST or HOST:CONFIG_DIR; # comments)' -r -F
complete -c postq -n "__fish_postq_using_subcommand flush" -l instance -d 'A Postfix instance by its postmulti name (`-` is the primary), or `all`; repeatable. Found with `postmulti -l` (on each host with --host)' -r
complete -c postq -n "__fish_postq_using_subcommand flush" -l parallel -d 'How many hosts and instances are read at once' -r
complete -c postq -n "__fish_postq_using_subcommand flush" -l color -d 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty' -r -f -a "auto\t''
always\t''
never\t''"
complete -c postq -n "__fish_postq_using_subcommand flush" -s n -l dry-run -d 'Show what would be done (count, bytes, queues, senders) and change nothing'
complete -c postq -n "__fish_postq_using_subcommand flush" -s y -l yes -d 'Do it without asking (needed when there is no terminal to ask on)'
complete -c postq -n "__fish_postq_using_subcommand flush" -s h -l help -d 'Print help'
complete -c postq -n "__fish_postq_using_subcommand completions" -s c -l config-dir -d 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)' -r -f -a "(__fish_complete_directories)"
complete -c postq -n "__fish_postq_using_subcommand completions" -l timeout -d 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done (default 60s; 10s for check)' -r
complete -c postq -n "__fish_postq_using_subcommand completions" -l maillog -d 'A Postfix mail log (`-` for stdin, e.g. from `journalctl -t postfix/smtpd -o cat`): mail that came back through a content filter is attributed to the account and client its first queue ID was logged with' -r -F
complete -c postq -n "__fish_postq_using_subcommand completions" -l host -d 'Run Postfix\'s programs on HOST over ssh (BatchMode: a host that would ask for a password fails, named); HOST:CONFIG_DIR for another instance there. Repeat it for several hosts: read as one queue, each row naming its host. $POSTQ_SSH_COMMAND replaces `ssh` (e.g. `ssh -F FILE`)' -r
complete -c postq -n "__fish_postq_using_subcommand completions" -l hosts -d 'The hosts from FILE, one a line (HOST or HOST:CONFIG_DIR; # comments)' -r -F
complete -c postq -n "__fish_postq_using_subcommand completions" -l instance -d 'A Postfix instance by its postmulti name (`-` is the primary), or `all`; repeatable. Found with `postmulti -l` (on each host with --host)' -r
complete -c postq -n "__fish_postq_using_subcommand completions" -l parallel -d 'How many hosts and instances are read at once' -r
complete -c postq -n "__fish_postq_using_subcommand completions" -l color -d 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty' -r -f -a "auto\t''
always\t''
never\t''"
complete -c postq -n "__fish_postq_using_subcommand completions" -s h -l help -d 'Print help'
complete -c postq -n "__fish_postq_using_subcommand help; and not __fish_seen_subcommand_from list summary delete hold release requeue purge show recover check metrics watch flush completions help" -f -a "list" -d 'List the queued messages: a table, JSON lines, IDs or a count'
complete -c postq -n "__fish_postq_using_subcommand help; and not __fish_seen_subcommand_from list summary delete hold release requeue purge show recover check metrics watch flush completions help" -f -a "summary" -d 'Where the queue\'s weight is: per queue, top senders, domains, delay reasons, ages'
complete -c postq -n "__fish_postq_using_subcommand help; and not __fish_seen_subcommand_from list summary delete hold release requeue purge show recover check metrics watch flush completions help" -f -a "delete" -d 'Delete the selected messages, after a preview and a confirmation'
complete -c postq -n "__fish_postq_using_subcommand help; and not __fish_seen_subcommand_from list summary delete hold release requeue purge show recover check metrics watch flush completions help" -f -a "hold" -d 'Put the selected messages on hold (postsuper -h): kept, but not delivered'
complete -c postq -n "__fish_postq_using_subcommand help; and not __fish_seen_subcommand_from list summary delete hold release requeue purge show recover check metrics watch flush completions help" -f -a "release" -d 'Release the selected messages from hold (postsuper -H)'
complete -c postq -n "__fish_postq_using_subcommand help; and not __fish_seen_subcommand_from list summary delete hold release requeue purge show recover check metrics watch flush completions help" -f -a "requeue" -d 'Requeue the selected messages (postsuper -r): they are routed again and get new IDs'
complete -c postq -n "__fish_postq_using_subcommand help; and not __fish_seen_subcommand_from list summary delete hold release requeue purge show recover check metrics watch flush completions help" -f -a "purge" -d 'Delete every message of the given queues, or of all (postsuper -d ALL)'
complete -c postq -n "__fish_postq_using_subcommand help; and not __fish_seen_subcommand_from list summary delete hold release requeue purge show recover check metrics watch flush completions help" -f -a "show" -d 'Show a queued message as postcat shows it: envelope, headers and body'
complete -c postq -n "__fish_postq_using_subcommand help; and not __fish_seen_subcommand_from list summary delete hold release requeue purge show recover check metrics watch flush completions help" -f -a "recover" -d 'Release what an interrupted action left on hold, or finish its delete'
complete -c postq -n "__fish_postq_using_subcommand help; and not __fish_seen_subcommand_from list summary delete hold release requeue purge show recover check metrics watch flush completions help" -f -a "check" -d 'A monitoring plugin: the queue\'s size, age and floods against thresholds'
complete -c postq -n "__fish_postq_using_subcommand help; and not __fish_seen_subcommand_from list summary delete hold release requeue purge show recover check metrics watch flush completions help" -f -a "metrics" -d 'Prometheus metrics: each queue\'s messages, bytes and ages, and who floods it'
complete -c postq -n "__fish_postq_using_subcommand help; and not __fish_seen_subcommand_from list summary delete hold release requeue purge show recover check metrics watch flush completions help" -f -a "watch" -d 'A live view for an incident: counts per queue and their change, mail in and out per minute, who grows fastest'
complete -c postq -n "__fish_postq_using_subcommand help; and not __fish_seen_subcommand_from list summary delete hold release requeue purge show recover check metrics watch flush completions help" -f -a "flush" -d 'Try to deliver now: all deferred mail (postqueue -f), or the selected messages (postqueue -i, one by one)'
complete -c postq -n "__fish_postq_using_subcommand help; and not __fish_seen_subcommand_from list summary delete hold release requeue purge show recover check metrics watch flush completions help" -f -a "completions" -d 'Print a shell completion script'
complete -c postq -n "__fish_postq_using_subcommand help; and not __fish_seen_subcommand_from list summary delete hold release requeue purge show recover check metrics watch flush completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
