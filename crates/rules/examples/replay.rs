//! `baton replay` without building the whole binary: prints the report of each file.
fn main() {
    let rules = baton_rules::RuleSet::builtin();
    for path in std::env::args().skip(1) {
        let file = std::fs::File::open(&path).expect("open");
        let report =
            baton_rules::replay(&rules, std::io::BufReader::new(file), |_| {}).expect("replay");
        print!("{path}:\n{report}");
    }
}
