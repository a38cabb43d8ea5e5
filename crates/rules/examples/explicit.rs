//! Tuning aid: prints the explicit-request decision for each line of stdin.
use std::io::BufRead;

fn main() {
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let m = baton_rules::signals::explicit::detect(&line);
        println!(
            "{}\t{line}",
            m.map_or("-".to_string(), |m| format!("{}:{}", m.pattern, m.phrase))
        );
    }
}
