//! Measures sentiment on the ground-truth files given as arguments.
fn main() {
    for path in std::env::args().skip(1) {
        let file = std::fs::File::open(&path).expect("open");
        let report =
            baton_rules::eval::eval_sentiment(std::io::BufReader::new(file)).expect("eval");
        print!("{path}: {report}");
    }
}
