//! Texts the unit tests run every signal over.

/// Every text of the evaluation sets, the blind ones included: customer and AI turns of
/// the conversations and the utterances, in every covered language.
pub(crate) fn eval_texts() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/eval");
    let mut texts = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from(dir)];
    while let Some(d) = dirs.pop() {
        for entry in std::fs::read_dir(&d).expect("eval dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "tsv" || e == "txt") {
                let body = std::fs::read_to_string(&path).expect("eval file");
                texts.extend(body.lines().map(|l| {
                    let l = l.rsplit('\t').next().unwrap_or("");
                    // Conversation lines: "c: text", "a 0.4: text".
                    l.split_once(": ").map_or(l, |(_, t)| t).to_owned()
                }));
            }
        }
    }
    texts
}
