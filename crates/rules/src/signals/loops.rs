//! Loops: the AI saying the same thing again, falling back again and again, or the
//! customer repeating the same request.

/// The sorted, deduplicated lowercase words of a text.
pub(crate) type WordSet = Vec<String>;

/// The sorted, deduplicated lowercase words of a text.
pub(crate) fn word_set(s: &str) -> WordSet {
    let mut w: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('\'', ""))
        .collect();
    w.sort_unstable();
    w.dedup();
    w
}

pub(crate) fn jaccard(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let common = a.iter().filter(|w| b.binary_search(w).is_ok()).count();
    common as f64 / (a.len() + b.len() - common) as f64
}

/// Word-set Jaccard similarity of two texts, case- and punctuation-insensitive (0..=1).
/// Cheap and robust to small rewordings ("Sorry, I didn't get that." / "sorry i did not
/// get that").
pub fn similarity(a: &str, b: &str) -> f64 {
    jaccard(&word_set(a), &word_set(b))
}

/// How many of `earlier` texts are near-duplicates of `latest` (similarity ≥ `threshold`).
pub fn repeats(latest: &str, earlier: &[&str], threshold: f64) -> usize {
    let latest = word_set(latest);
    earlier
        .iter()
        .filter(|e| jaccard(&latest, &word_set(e)) >= threshold)
        .count()
}

/// The length of the run of fallback intents at the end of `intents` (most recent first).
pub fn fallback_run(intents_recent_first: &[Option<&str>], fallbacks: &[String]) -> usize {
    intents_recent_first
        .iter()
        .take_while(|i| is_fallback(**i, fallbacks))
        .count()
}

/// Whether an intent is one of the fallbacks (case-insensitive).
pub(crate) fn is_fallback(intent: Option<&str>, fallbacks: &[String]) -> bool {
    intent.is_some_and(|i| fallbacks.iter().any(|f| f.eq_ignore_ascii_case(i)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_duplicates_are_similar() {
        assert!(similarity("Sorry, I didn't get that.", "sorry I didnt get that") > 0.99);
        assert_eq!(
            repeats(
                "Could you rephrase your question?",
                &["could you rephrase your question", "Here is your invoice."],
                0.8
            ),
            1
        );
    }

    #[test]
    fn hard_negatives() {
        assert!(similarity("Your order shipped today.", "Your refund was issued today.") < 0.5);
        assert_eq!(similarity("", ""), 0.0);
        let fallbacks = vec!["fallback".to_string()];
        assert_eq!(
            fallback_run(&[Some("billing"), Some("fallback")], &fallbacks),
            0
        );
        assert_eq!(
            fallback_run(&[Some("fallback"), None, Some("fallback")], &fallbacks),
            1
        );
    }
}
