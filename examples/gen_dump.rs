//! A realistic `postqueue -j` dump of an incident, for benchmarks:
//!
//!   cargo run --release --example gen_dump -- COUNT [--seed N] [--long-ids] > queue.jsonl
//!
//! One compromised account holds about 40% of the messages; a long tail of ~2,000 senders
//! in ~300 domains; bounces from the null sender; recipients at ~500 domains, most messages
//! to one recipient, 1% to 10-40; delay reasons from the texts real Postfix writes, with
//! varying hosts, IPs and addresses; sizes from 1 KiB to a few MiB; ages up to five days;
//! members postq does not know on 1% of the lines. Deterministic for a given seed.

#![allow(clippy::print_stderr)]

use std::io::{self, BufWriter, Write};
use std::time::{SystemTime, UNIX_EPOCH};

/// SplitMix64: small, fast, good enough for test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }

    /// Zipf-like: small indices far more often.
    fn skewed(&mut self, n: u64) -> u64 {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((n as f64).powf(u) - 1.0) as u64 % n.max(1)
    }
}

const COMPROMISED: &str = "compromised@customer.example";
const BIG_DOMAINS: [&str; 12] = [
    "gmail.com",
    "hotmail.com",
    "yahoo.com",
    "outlook.com",
    "aol.com",
    "gmx.de",
    "web.de",
    "orange.fr",
    "mail.ru",
    "yandex.ru",
    "qq.com",
    "comcast.net",
];

fn domain(rng: &mut Rng, count: u64, suffix: &str) -> String {
    let i = rng.skewed(count);
    if suffix == "rcpt" && (i as usize) < BIG_DOMAINS.len() {
        BIG_DOMAINS[i as usize].to_string()
    } else {
        format!("d{i}.{suffix}.example")
    }
}

fn ip(rng: &mut Rng) -> String {
    format!(
        "{}.{}.{}.{}",
        rng.below(223) + 1,
        rng.below(256),
        rng.below(256),
        rng.below(254) + 1
    )
}

fn reason(rng: &mut Rng, address: &str, domain: &str) -> String {
    let host = format!("mx{}.{domain}", rng.below(4));
    let ip = ip(rng);
    match rng.below(10) {
        0..=2 => format!(
            "host {host}[{ip}] said: 421-4.7.28 [{}      15] Our system has detected an unusual rate of 421-4.7.28 unsolicited mail originating from your IP address. 421 4.7.28 https://support.google.com/mail/?p=UnsolicitedRateLimitError a{}-20020a05600c{}.{} - gsmtp (in reply to end of DATA command)",
            self::ip(rng),
            rng.below(99),
            rng.below(1_000_000),
            rng.below(100)
        ),
        3 => format!("connect to {host}[{ip}]:25: Connection timed out"),
        4 => format!("connect to {host}[{ip}]:25: Connection refused"),
        5 => format!(
            "host {host}[{ip}] said: 450 4.7.1 <{address}>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/{domain}.html (in reply to RCPT TO command)"
        ),
        6 => format!(
            "host {host}[{ip}] said: 451 4.7.650 The mail server [{}] has been temporarily rate limited due to IP reputation. (in reply to MAIL FROM command)",
            self::ip(rng)
        ),
        7 => format!(
            "conversation with {host}[{ip}] timed out while receiving the initial server greeting"
        ),
        8 => format!(
            "Host or domain name not found. Name service error for name={domain} type=MX: Host not found, try again"
        ),
        _ => "deferred transport".to_string(),
    }
}

fn short_id(n: u64) -> String {
    // 5 hex digits of time-ish prefix, then the counter: unique and hex like Postfix's.
    format!("{:05X}{:06X}", 0x4C000 + (n >> 24), n & 0xFF_FFFF)
}

fn long_id(rng: &mut Rng, n: u64) -> String {
    const ALPHABET: &[u8] = b"0123456789BCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz";
    let mut id = String::from("4");
    let mut v = n.wrapping_mul(0x9E37_79B9) ^ rng.next();
    for _ in 0..10 {
        id.push(ALPHABET[(v % 51) as usize] as char);
        v /= 51;
    }
    id.push('z');
    let mut c = n;
    for _ in 0..4 {
        id.push(ALPHABET[(c % 51) as usize] as char);
        c /= 51;
    }
    id
}

fn main() -> io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let count: u64 = args
        .first()
        .and_then(|a| a.parse().ok())
        .unwrap_or_else(|| {
            eprintln!("usage: gen_dump COUNT [--seed N] [--long-ids] > queue.jsonl");
            std::process::exit(2)
        });
    let seed = args
        .iter()
        .position(|a| a == "--seed")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(42);
    let long_ids = args.iter().any(|a| a == "--long-ids");
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let mut rng = Rng(seed);
    let out = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 20, out.lock());
    for n in 0..count {
        let id = if long_ids {
            long_id(&mut rng, n)
        } else {
            short_id(n)
        };
        let queue = match rng.below(1000) {
            0..=929 => "deferred",
            930..=949 => "hold",
            950..=989 => "active",
            990..=994 => "incoming",
            _ => "maildrop",
        };
        let sender = match rng.below(100) {
            0..=39 => COMPROMISED.to_string(),
            40..=42 => "MAILER-DAEMON".to_string(),
            43 if rng.chance(50) => "\"john \\\"the\\\" doe\"@customer.example".to_string(),
            _ => format!(
                "user{}@{}",
                rng.skewed(2000),
                domain(&mut rng, 300, "sender")
            ),
        };
        let recipients = match rng.below(100) {
            0..=87 => 1,
            88..=98 => 2 + rng.below(4),
            _ => 10 + rng.below(31),
        };
        // Mostly recent: the incident is hours old; a tail goes back five days.
        let age = if rng.chance(800) {
            rng.below(6 * 3600)
        } else {
            rng.below(5 * 86400)
        };
        let size = match rng.below(100) {
            0..=69 => 1000 + rng.below(4000),
            70..=97 => 5000 + rng.below(60_000),
            _ => 100_000 + rng.below(5_000_000),
        };
        let with_reason = queue == "deferred" || (queue == "active" && rng.chance(500));
        let extra = rng.chance(10);
        let mut list = Vec::with_capacity(recipients as usize);
        for _ in 0..recipients {
            let rcpt_domain = domain(&mut rng, 500, "rcpt");
            let address = format!("r{}@{rcpt_domain}", rng.below(100_000));
            let mut recipient = format!("{{\"address\": {}", serde_json::to_string(&address)?);
            if extra {
                recipient.push_str(", \"orig_address\": \"\"");
            }
            if with_reason {
                let text = reason(&mut rng, &address, &rcpt_domain);
                recipient.push_str(&format!(
                    ", \"delay_reason\": {}",
                    serde_json::to_string(&text)?
                ));
            }
            if extra {
                recipient.push_str(", \"bounce_reason\": \"\"");
            }
            recipient.push('}');
            list.push(recipient);
        }
        write!(
            out,
            "{{\"queue_name\": \"{queue}\", \"queue_id\": \"{id}\", \"arrival_time\": {}, \"message_size\": {size}, \"forced_expire\": {}, \"sender\": {}, \"recipients\": [{}]",
            now - age,
            rng.chance(1),
            serde_json::to_string(&sender)?,
            list.join(", ")
        )?;
        if extra {
            write!(out, ", \"x_future_member\": {{\"n\": {}}}", rng.below(10))?;
        }
        writeln!(out, "}}")?;
    }
    out.flush()
}
