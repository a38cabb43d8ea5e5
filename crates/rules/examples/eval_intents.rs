//! `baton eval intents` without building the whole binary: prints the report of each file.
fn main() {
    for path in std::env::args().skip(1) {
        let file = std::fs::File::open(&path).expect("open");
        let report = baton_rules::eval_intents(std::io::BufReader::new(file)).expect("eval");
        print!("{path}:\n{report}");
    }
}
