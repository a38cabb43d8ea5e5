//! Scratch: prints the matters of each stdin line.
use std::io::BufRead;
fn main() {
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let m = baton_rules::signals::matters::matters_of(&line);
        println!("{:?}\t{:?}\n   {line}", m.verdict(3), m);
    }
}
