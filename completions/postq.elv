
use builtin;
use str;

set edit:completion:arg-completer[postq] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'postq'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'postq'= {
            cand -c 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)'
            cand --config-dir 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)'
            cand --input 'Read `postqueue -j` output from FILE (`-` for stdin) instead of running postqueue. Read-only commands only'
            cand --timeout 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done'
            cand --color 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List the queued messages: a table, JSON lines, IDs or a count'
            cand summary 'Where the queue''s weight is: per queue, top senders, domains, delay reasons, ages'
            cand delete 'Delete the selected messages, after a preview and a confirmation'
            cand hold 'Put the selected messages on hold (postsuper -h): kept, but not delivered'
            cand release 'Release the selected messages from hold (postsuper -H)'
            cand requeue 'Requeue the selected messages (postsuper -r): they are routed again and get new IDs'
            cand purge 'Delete every message of the given queues, or of all (postsuper -d ALL)'
            cand show 'Show a queued message as postcat shows it: envelope, headers and body'
            cand recover 'Release what an interrupted action left on hold, or finish its delete'
            cand flush 'Try to deliver now: all deferred mail (postqueue -f), or the selected messages (postqueue -i, one by one)'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'postq;list'= {
            cand --sort 'Order by FIELD (default: the order postqueue lists them in)'
            cand --limit 'Show at most N messages'
            cand -f 'Envelope sender: user@example.com exactly, @example.com (that domain, not its subdomains), globs with * and ? (*@*.example.com), MAILER-DAEMON or <> (the null sender); case-insensitive'
            cand --from 'Envelope sender: user@example.com exactly, @example.com (that domain, not its subdomains), globs with * and ? (*@*.example.com), MAILER-DAEMON or <> (the null sender); case-insensitive'
            cand -t 'Any recipient matches PATTERN (same forms as --from)'
            cand --to 'Any recipient matches PATTERN (same forms as --from)'
            cand -q 'In queue NAME: active, deferred, hold, incoming, maildrop; repeat it or separate with commas'
            cand --queue 'In queue NAME: active, deferred, hold, incoming, maildrop; repeat it or separate with commas'
            cand --older-than 'Arrived more than DURATION ago: 90s, 30m, 2h, 3d, 1w, 1h30m'
            cand --newer-than 'Arrived less than DURATION ago'
            cand --reason 'Any recipient''s delay reason matches REGEX (case-insensitive)'
            cand --min-size 'At least SIZE bytes: 512, 10k, 5M (1024-based)'
            cand --max-size 'At most SIZE bytes'
            cand --id 'The message with queue ID; repeat it for several'
            cand --account 'The authenticated account (SASL login) that sent it: exact, or globs with * and ?; repeat for any of several. Read from the queue files (root)'
            cand --client 'The client that sent it: an IP address or a CIDR block (203.0.113.0/24, 2001:db8::/32); repeat for any of several. Read from the queue files (root)'
            cand -w 'A filter expression, e.g. ''sender_domain == example.com and age > 2h'' (see `man postq`, FILTER EXPRESSIONS)'
            cand --where 'A filter expression, e.g. ''sender_domain == example.com and age > 2h'' (see `man postq`, FILTER EXPRESSIONS)'
            cand -c 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)'
            cand --config-dir 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)'
            cand --input 'Read `postqueue -j` output from FILE (`-` for stdin) instead of running postqueue. Read-only commands only'
            cand --timeout 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done'
            cand --color 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty'
            cand --json 'One JSON object a line, in postqueue''s own member names (members postq does not know are passed through unchanged)'
            cand --ids 'One queue ID a line'
            cand --count 'Only the number of messages'
            cand --reverse 'Reverse the order'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'postq;summary'= {
            cand --by 'One grouping only, with count, bytes, share and oldest'
            cand --top 'Rows per grouping'
            cand -f 'Envelope sender: user@example.com exactly, @example.com (that domain, not its subdomains), globs with * and ? (*@*.example.com), MAILER-DAEMON or <> (the null sender); case-insensitive'
            cand --from 'Envelope sender: user@example.com exactly, @example.com (that domain, not its subdomains), globs with * and ? (*@*.example.com), MAILER-DAEMON or <> (the null sender); case-insensitive'
            cand -t 'Any recipient matches PATTERN (same forms as --from)'
            cand --to 'Any recipient matches PATTERN (same forms as --from)'
            cand -q 'In queue NAME: active, deferred, hold, incoming, maildrop; repeat it or separate with commas'
            cand --queue 'In queue NAME: active, deferred, hold, incoming, maildrop; repeat it or separate with commas'
            cand --older-than 'Arrived more than DURATION ago: 90s, 30m, 2h, 3d, 1w, 1h30m'
            cand --newer-than 'Arrived less than DURATION ago'
            cand --reason 'Any recipient''s delay reason matches REGEX (case-insensitive)'
            cand --min-size 'At least SIZE bytes: 512, 10k, 5M (1024-based)'
            cand --max-size 'At most SIZE bytes'
            cand --id 'The message with queue ID; repeat it for several'
            cand --account 'The authenticated account (SASL login) that sent it: exact, or globs with * and ?; repeat for any of several. Read from the queue files (root)'
            cand --client 'The client that sent it: an IP address or a CIDR block (203.0.113.0/24, 2001:db8::/32); repeat for any of several. Read from the queue files (root)'
            cand -w 'A filter expression, e.g. ''sender_domain == example.com and age > 2h'' (see `man postq`, FILTER EXPRESSIONS)'
            cand --where 'A filter expression, e.g. ''sender_domain == example.com and age > 2h'' (see `man postq`, FILTER EXPRESSIONS)'
            cand -c 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)'
            cand --config-dir 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)'
            cand --input 'Read `postqueue -j` output from FILE (`-` for stdin) instead of running postqueue. Read-only commands only'
            cand --timeout 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done'
            cand --color 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty'
            cand --json 'One JSON document: every grouping a list of {key, count, bytes, share, oldest_age}, largest first'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'postq;delete'= {
            cand --repeat 'After acting, read, plan and act again up to N more times while messages still match (mail that arrived or was in motion meanwhile); the consent covers every round. Not for requeue: requeued mail comes back under new IDs'
            cand -f 'Envelope sender: user@example.com exactly, @example.com (that domain, not its subdomains), globs with * and ? (*@*.example.com), MAILER-DAEMON or <> (the null sender); case-insensitive'
            cand --from 'Envelope sender: user@example.com exactly, @example.com (that domain, not its subdomains), globs with * and ? (*@*.example.com), MAILER-DAEMON or <> (the null sender); case-insensitive'
            cand -t 'Any recipient matches PATTERN (same forms as --from)'
            cand --to 'Any recipient matches PATTERN (same forms as --from)'
            cand -q 'In queue NAME: active, deferred, hold, incoming, maildrop; repeat it or separate with commas'
            cand --queue 'In queue NAME: active, deferred, hold, incoming, maildrop; repeat it or separate with commas'
            cand --older-than 'Arrived more than DURATION ago: 90s, 30m, 2h, 3d, 1w, 1h30m'
            cand --newer-than 'Arrived less than DURATION ago'
            cand --reason 'Any recipient''s delay reason matches REGEX (case-insensitive)'
            cand --min-size 'At least SIZE bytes: 512, 10k, 5M (1024-based)'
            cand --max-size 'At most SIZE bytes'
            cand --id 'The message with queue ID; repeat it for several'
            cand --account 'The authenticated account (SASL login) that sent it: exact, or globs with * and ?; repeat for any of several. Read from the queue files (root)'
            cand --client 'The client that sent it: an IP address or a CIDR block (203.0.113.0/24, 2001:db8::/32); repeat for any of several. Read from the queue files (root)'
            cand -w 'A filter expression, e.g. ''sender_domain == example.com and age > 2h'' (see `man postq`, FILTER EXPRESSIONS)'
            cand --where 'A filter expression, e.g. ''sender_domain == example.com and age > 2h'' (see `man postq`, FILTER EXPRESSIONS)'
            cand -c 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)'
            cand --config-dir 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)'
            cand --input 'Read `postqueue -j` output from FILE (`-` for stdin) instead of running postqueue. Read-only commands only'
            cand --timeout 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done'
            cand --color 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty'
            cand --all 'Every message: required when no selector is given'
            cand -n 'Show what would be done (count, bytes, queues, senders) and change nothing'
            cand --dry-run 'Show what would be done (count, bytes, queues, senders) and change nothing'
            cand -y 'Do it without asking (needed when there is no terminal to ask on)'
            cand --yes 'Do it without asking (needed when there is no terminal to ask on)'
            cand --ids 'In the preview, the exact messages: one queue ID a line (on stdout with --dry-run)'
            cand --json 'In the preview, the exact messages: postqueue''s JSON lines; after acting, the outcome as one JSON document on stdout (counts and IDs per class)'
            cand --no-verify 'Delete directly, without holding and re-checking first. Safe only where queue IDs are not reused (enable_long_queue_ids = yes, where this is the default) or Postfix is stopped'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'postq;hold'= {
            cand --repeat 'After acting, read, plan and act again up to N more times while messages still match (mail that arrived or was in motion meanwhile); the consent covers every round. Not for requeue: requeued mail comes back under new IDs'
            cand -f 'Envelope sender: user@example.com exactly, @example.com (that domain, not its subdomains), globs with * and ? (*@*.example.com), MAILER-DAEMON or <> (the null sender); case-insensitive'
            cand --from 'Envelope sender: user@example.com exactly, @example.com (that domain, not its subdomains), globs with * and ? (*@*.example.com), MAILER-DAEMON or <> (the null sender); case-insensitive'
            cand -t 'Any recipient matches PATTERN (same forms as --from)'
            cand --to 'Any recipient matches PATTERN (same forms as --from)'
            cand -q 'In queue NAME: active, deferred, hold, incoming, maildrop; repeat it or separate with commas'
            cand --queue 'In queue NAME: active, deferred, hold, incoming, maildrop; repeat it or separate with commas'
            cand --older-than 'Arrived more than DURATION ago: 90s, 30m, 2h, 3d, 1w, 1h30m'
            cand --newer-than 'Arrived less than DURATION ago'
            cand --reason 'Any recipient''s delay reason matches REGEX (case-insensitive)'
            cand --min-size 'At least SIZE bytes: 512, 10k, 5M (1024-based)'
            cand --max-size 'At most SIZE bytes'
            cand --id 'The message with queue ID; repeat it for several'
            cand --account 'The authenticated account (SASL login) that sent it: exact, or globs with * and ?; repeat for any of several. Read from the queue files (root)'
            cand --client 'The client that sent it: an IP address or a CIDR block (203.0.113.0/24, 2001:db8::/32); repeat for any of several. Read from the queue files (root)'
            cand -w 'A filter expression, e.g. ''sender_domain == example.com and age > 2h'' (see `man postq`, FILTER EXPRESSIONS)'
            cand --where 'A filter expression, e.g. ''sender_domain == example.com and age > 2h'' (see `man postq`, FILTER EXPRESSIONS)'
            cand -c 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)'
            cand --config-dir 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)'
            cand --input 'Read `postqueue -j` output from FILE (`-` for stdin) instead of running postqueue. Read-only commands only'
            cand --timeout 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done'
            cand --color 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty'
            cand --all 'Every message: required when no selector is given'
            cand -n 'Show what would be done (count, bytes, queues, senders) and change nothing'
            cand --dry-run 'Show what would be done (count, bytes, queues, senders) and change nothing'
            cand -y 'Do it without asking (needed when there is no terminal to ask on)'
            cand --yes 'Do it without asking (needed when there is no terminal to ask on)'
            cand --ids 'In the preview, the exact messages: one queue ID a line (on stdout with --dry-run)'
            cand --json 'In the preview, the exact messages: postqueue''s JSON lines; after acting, the outcome as one JSON document on stdout (counts and IDs per class)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'postq;release'= {
            cand --repeat 'After acting, read, plan and act again up to N more times while messages still match (mail that arrived or was in motion meanwhile); the consent covers every round. Not for requeue: requeued mail comes back under new IDs'
            cand -f 'Envelope sender: user@example.com exactly, @example.com (that domain, not its subdomains), globs with * and ? (*@*.example.com), MAILER-DAEMON or <> (the null sender); case-insensitive'
            cand --from 'Envelope sender: user@example.com exactly, @example.com (that domain, not its subdomains), globs with * and ? (*@*.example.com), MAILER-DAEMON or <> (the null sender); case-insensitive'
            cand -t 'Any recipient matches PATTERN (same forms as --from)'
            cand --to 'Any recipient matches PATTERN (same forms as --from)'
            cand -q 'In queue NAME: active, deferred, hold, incoming, maildrop; repeat it or separate with commas'
            cand --queue 'In queue NAME: active, deferred, hold, incoming, maildrop; repeat it or separate with commas'
            cand --older-than 'Arrived more than DURATION ago: 90s, 30m, 2h, 3d, 1w, 1h30m'
            cand --newer-than 'Arrived less than DURATION ago'
            cand --reason 'Any recipient''s delay reason matches REGEX (case-insensitive)'
            cand --min-size 'At least SIZE bytes: 512, 10k, 5M (1024-based)'
            cand --max-size 'At most SIZE bytes'
            cand --id 'The message with queue ID; repeat it for several'
            cand --account 'The authenticated account (SASL login) that sent it: exact, or globs with * and ?; repeat for any of several. Read from the queue files (root)'
            cand --client 'The client that sent it: an IP address or a CIDR block (203.0.113.0/24, 2001:db8::/32); repeat for any of several. Read from the queue files (root)'
            cand -w 'A filter expression, e.g. ''sender_domain == example.com and age > 2h'' (see `man postq`, FILTER EXPRESSIONS)'
            cand --where 'A filter expression, e.g. ''sender_domain == example.com and age > 2h'' (see `man postq`, FILTER EXPRESSIONS)'
            cand -c 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)'
            cand --config-dir 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)'
            cand --input 'Read `postqueue -j` output from FILE (`-` for stdin) instead of running postqueue. Read-only commands only'
            cand --timeout 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done'
            cand --color 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty'
            cand --all 'Every message: required when no selector is given'
            cand -n 'Show what would be done (count, bytes, queues, senders) and change nothing'
            cand --dry-run 'Show what would be done (count, bytes, queues, senders) and change nothing'
            cand -y 'Do it without asking (needed when there is no terminal to ask on)'
            cand --yes 'Do it without asking (needed when there is no terminal to ask on)'
            cand --ids 'In the preview, the exact messages: one queue ID a line (on stdout with --dry-run)'
            cand --json 'In the preview, the exact messages: postqueue''s JSON lines; after acting, the outcome as one JSON document on stdout (counts and IDs per class)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'postq;requeue'= {
            cand --repeat 'After acting, read, plan and act again up to N more times while messages still match (mail that arrived or was in motion meanwhile); the consent covers every round. Not for requeue: requeued mail comes back under new IDs'
            cand -f 'Envelope sender: user@example.com exactly, @example.com (that domain, not its subdomains), globs with * and ? (*@*.example.com), MAILER-DAEMON or <> (the null sender); case-insensitive'
            cand --from 'Envelope sender: user@example.com exactly, @example.com (that domain, not its subdomains), globs with * and ? (*@*.example.com), MAILER-DAEMON or <> (the null sender); case-insensitive'
            cand -t 'Any recipient matches PATTERN (same forms as --from)'
            cand --to 'Any recipient matches PATTERN (same forms as --from)'
            cand -q 'In queue NAME: active, deferred, hold, incoming, maildrop; repeat it or separate with commas'
            cand --queue 'In queue NAME: active, deferred, hold, incoming, maildrop; repeat it or separate with commas'
            cand --older-than 'Arrived more than DURATION ago: 90s, 30m, 2h, 3d, 1w, 1h30m'
            cand --newer-than 'Arrived less than DURATION ago'
            cand --reason 'Any recipient''s delay reason matches REGEX (case-insensitive)'
            cand --min-size 'At least SIZE bytes: 512, 10k, 5M (1024-based)'
            cand --max-size 'At most SIZE bytes'
            cand --id 'The message with queue ID; repeat it for several'
            cand --account 'The authenticated account (SASL login) that sent it: exact, or globs with * and ?; repeat for any of several. Read from the queue files (root)'
            cand --client 'The client that sent it: an IP address or a CIDR block (203.0.113.0/24, 2001:db8::/32); repeat for any of several. Read from the queue files (root)'
            cand -w 'A filter expression, e.g. ''sender_domain == example.com and age > 2h'' (see `man postq`, FILTER EXPRESSIONS)'
            cand --where 'A filter expression, e.g. ''sender_domain == example.com and age > 2h'' (see `man postq`, FILTER EXPRESSIONS)'
            cand -c 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)'
            cand --config-dir 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)'
            cand --input 'Read `postqueue -j` output from FILE (`-` for stdin) instead of running postqueue. Read-only commands only'
            cand --timeout 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done'
            cand --color 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty'
            cand --all 'Every message: required when no selector is given'
            cand -n 'Show what would be done (count, bytes, queues, senders) and change nothing'
            cand --dry-run 'Show what would be done (count, bytes, queues, senders) and change nothing'
            cand -y 'Do it without asking (needed when there is no terminal to ask on)'
            cand --yes 'Do it without asking (needed when there is no terminal to ask on)'
            cand --ids 'In the preview, the exact messages: one queue ID a line (on stdout with --dry-run)'
            cand --json 'In the preview, the exact messages: postqueue''s JSON lines; after acting, the outcome as one JSON document on stdout (counts and IDs per class)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'postq;purge'= {
            cand -c 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)'
            cand --config-dir 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)'
            cand --input 'Read `postqueue -j` output from FILE (`-` for stdin) instead of running postqueue. Read-only commands only'
            cand --timeout 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done'
            cand --color 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty'
            cand -n 'Show what would be done (count, bytes, queues, senders) and change nothing'
            cand --dry-run 'Show what would be done (count, bytes, queues, senders) and change nothing'
            cand -y 'Do it without asking (needed when there is no terminal to ask on)'
            cand --yes 'Do it without asking (needed when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'postq;show'= {
            cand -c 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)'
            cand --config-dir 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)'
            cand --input 'Read `postqueue -j` output from FILE (`-` for stdin) instead of running postqueue. Read-only commands only'
            cand --timeout 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done'
            cand --color 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty'
            cand --envelope 'The envelope records (postcat -e)'
            cand --headers 'The message headers (postcat -h)'
            cand --body 'The message body (postcat -b)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'postq;recover'= {
            cand -c 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)'
            cand --config-dir 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)'
            cand --input 'Read `postqueue -j` output from FILE (`-` for stdin) instead of running postqueue. Read-only commands only'
            cand --timeout 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done'
            cand --color 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty'
            cand --finish 'Complete an interrupted delete (hold, re-check, delete) instead of releasing'
            cand -n 'Show what would be done (count, bytes, queues, senders) and change nothing'
            cand --dry-run 'Show what would be done (count, bytes, queues, senders) and change nothing'
            cand -y 'Do it without asking (needed when there is no terminal to ask on)'
            cand --yes 'Do it without asking (needed when there is no terminal to ask on)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'postq;flush'= {
            cand -f 'Envelope sender: user@example.com exactly, @example.com (that domain, not its subdomains), globs with * and ? (*@*.example.com), MAILER-DAEMON or <> (the null sender); case-insensitive'
            cand --from 'Envelope sender: user@example.com exactly, @example.com (that domain, not its subdomains), globs with * and ? (*@*.example.com), MAILER-DAEMON or <> (the null sender); case-insensitive'
            cand -t 'Any recipient matches PATTERN (same forms as --from)'
            cand --to 'Any recipient matches PATTERN (same forms as --from)'
            cand -q 'In queue NAME: active, deferred, hold, incoming, maildrop; repeat it or separate with commas'
            cand --queue 'In queue NAME: active, deferred, hold, incoming, maildrop; repeat it or separate with commas'
            cand --older-than 'Arrived more than DURATION ago: 90s, 30m, 2h, 3d, 1w, 1h30m'
            cand --newer-than 'Arrived less than DURATION ago'
            cand --reason 'Any recipient''s delay reason matches REGEX (case-insensitive)'
            cand --min-size 'At least SIZE bytes: 512, 10k, 5M (1024-based)'
            cand --max-size 'At most SIZE bytes'
            cand --id 'The message with queue ID; repeat it for several'
            cand --account 'The authenticated account (SASL login) that sent it: exact, or globs with * and ?; repeat for any of several. Read from the queue files (root)'
            cand --client 'The client that sent it: an IP address or a CIDR block (203.0.113.0/24, 2001:db8::/32); repeat for any of several. Read from the queue files (root)'
            cand -w 'A filter expression, e.g. ''sender_domain == example.com and age > 2h'' (see `man postq`, FILTER EXPRESSIONS)'
            cand --where 'A filter expression, e.g. ''sender_domain == example.com and age > 2h'' (see `man postq`, FILTER EXPRESSIONS)'
            cand -c 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)'
            cand --config-dir 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)'
            cand --input 'Read `postqueue -j` output from FILE (`-` for stdin) instead of running postqueue. Read-only commands only'
            cand --timeout 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done'
            cand --color 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty'
            cand -n 'Show what would be done (count, bytes, queues, senders) and change nothing'
            cand --dry-run 'Show what would be done (count, bytes, queues, senders) and change nothing'
            cand -y 'Do it without asking (needed when there is no terminal to ask on)'
            cand --yes 'Do it without asking (needed when there is no terminal to ask on)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'postq;completions'= {
            cand -c 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)'
            cand --config-dir 'Postfix configuration directory, passed as `-c DIR` to postqueue, postsuper, postcat and postconf (for a second instance, e.g. /etc/postfix-out)'
            cand --input 'Read `postqueue -j` output from FILE (`-` for stdin) instead of running postqueue. Read-only commands only'
            cand --timeout 'Stop a Postfix program that says nothing for DURATION (a stalled master or showq), and report what was done'
            cand --color 'When to use colour: `auto` means on a terminal and only when NO_COLOR is unset or empty'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'postq;help'= {
            cand list 'List the queued messages: a table, JSON lines, IDs or a count'
            cand summary 'Where the queue''s weight is: per queue, top senders, domains, delay reasons, ages'
            cand delete 'Delete the selected messages, after a preview and a confirmation'
            cand hold 'Put the selected messages on hold (postsuper -h): kept, but not delivered'
            cand release 'Release the selected messages from hold (postsuper -H)'
            cand requeue 'Requeue the selected messages (postsuper -r): they are routed again and get new IDs'
            cand purge 'Delete every message of the given queues, or of all (postsuper -d ALL)'
            cand show 'Show a queued message as postcat shows it: envelope, headers and body'
            cand recover 'Release what an interrupted action left on hold, or finish its delete'
            cand flush 'Try to deliver now: all deferred mail (postqueue -f), or the selected messages (postqueue -i, one by one)'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'postq;help;list'= {
        }
        &'postq;help;summary'= {
        }
        &'postq;help;delete'= {
        }
        &'postq;help;hold'= {
        }
        &'postq;help;release'= {
        }
        &'postq;help;requeue'= {
        }
        &'postq;help;purge'= {
        }
        &'postq;help;show'= {
        }
        &'postq;help;recover'= {
        }
        &'postq;help;flush'= {
        }
        &'postq;help;completions'= {
        }
        &'postq;help;help'= {
        }
    ]
    $completions[$command]
}
