//! Prints one line per input line: the sentiment compound and the explicit-request decision,
//! for checking that speed work changes no decision (diff the output before and after).
//! Usage: `cargo run -p baton-rules --example decisions -- FILE...` (the text is the last
//! tab-separated column).
use std::io::{BufRead, Write};

fn main() {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for path in std::env::args().skip(1) {
        let file = std::fs::File::open(&path).expect("open");
        for line in std::io::BufReader::new(file).lines().map_while(Result::ok) {
            let text = line
                .trim_end_matches('\r')
                .rsplit('\t')
                .next()
                .unwrap_or("");
            let s = baton_rules::signals::sentiment::compound(text);
            let e = baton_rules::signals::explicit::detect(text);
            let _ = writeln!(
                out,
                "{s:.4}\t{}",
                e.map_or("-".to_string(), |m| format!("{}:{}", m.pattern, m.phrase))
            );
        }
    }
}
