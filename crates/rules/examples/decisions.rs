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
            // The text is the third field (`category expected text [ai_turn]`, `intent
            // flags text`, `id score text`); a line of fewer fields is its own text.
            let line = line.trim_end_matches('\r');
            let text = line.split('\t').nth(2).unwrap_or(line);
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
