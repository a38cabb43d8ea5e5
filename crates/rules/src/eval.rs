//! Measurements on labelled data: explicit-request detection on an intents file, and
//! sentiment against human ratings. Both read from any `BufRead` and return reports
//! that print as text (`Display`) and as the JSON of DESIGN.md (`Serialize`).

use std::collections::BTreeMap;
use std::fmt;
use std::io::BufRead;
use std::time::Instant;

use serde::Serialize;

use crate::RulesError;
use crate::signals::{explicit, sentiment};

/// The intent whose utterances are explicit requests for a human.
pub const HUMAN_INTENT: &str = "contact_human_agent";
/// Mostly requests for contact details: reported apart, neither positive nor negative.
pub const CUSTOMER_SERVICE_INTENT: &str = "contact_customer_service";

/// Explicit-request detection measured on an `intent<TAB>flags<TAB>instruction` file.
#[derive(Clone, Debug, Serialize)]
pub struct IntentReport {
    /// Utterances of `contact_human_agent`.
    pub positives: u64,
    /// Share of positives detected.
    pub recall: f64,
    /// Utterances of every other intent except `contact_customer_service`.
    pub negatives: u64,
    /// Share of negatives wrongly detected.
    pub false_positive_rate: f64,
    /// Utterances of `contact_customer_service`.
    pub customer_service: u64,
    /// Share of `contact_customer_service` utterances detected (reported, not scored).
    pub customer_service_rate: f64,
    /// Positives not detected.
    pub misses: Vec<String>,
    /// Negatives detected, with the phrase that fired.
    pub false_positives: Vec<IntentHit>,
    /// Share of rows decided right (categorised files only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accuracy: Option<f64>,
    /// Accuracy per category, for files with a `category<TAB>expected<TAB>text` header.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub categories: BTreeMap<String, CategoryScore>,
    /// Rows read as the customer's reply to an AI turn: those with a fourth column, and
    /// follow-up rows (read as said to [`PLAIN_OFFER`]).
    pub replies: u64,
}

/// How one category of a categorised intents file did.
#[derive(Clone, Debug, Default, Serialize)]
pub struct CategoryScore {
    pub rows: u64,
    pub correct: u64,
    pub accuracy: f64,
}

/// One utterance that fired, with its intent and the phrase that matched.
#[derive(Clone, Debug, Serialize)]
pub struct IntentHit {
    pub intent: String,
    pub text: String,
    pub matched: String,
}

fn ratio(n: u64, d: u64) -> f64 {
    if d == 0 { 0.0 } else { n as f64 / d as f64 }
}

/// Runs the explicit-request detector over an intents file (with a header line): either
/// Bitext's `intent<TAB>flags<TAB>instruction`, or `category<TAB>expected<TAB>text` where
/// `expected` is `request` or `none`, reported per category (with that header line, or
/// without it when the first line's second column is `request` or `none`).
///
/// A categorised row may carry a fourth column, the AI's turn the text replies to; the row
/// is then read as the broker reads a customer turn after it, so "yes please" to an offer
/// of a person is a request. A row of the `followup` category without one answers an offer
/// of a person by definition, and is read as said to [`PLAIN_OFFER`].
pub fn eval_intents(reader: impl BufRead) -> Result<IntentReport, RulesError> {
    let (mut positives, mut hits, mut negatives, mut fps, mut cs, mut cs_hits) = (0, 0, 0, 0, 0, 0);
    let mut misses = Vec::new();
    let mut false_positives = Vec::new();
    let mut categorised = false;
    let mut replies = 0;
    let mut categories: BTreeMap<String, CategoryScore> = BTreeMap::new();
    for (index, line) in reader.lines().enumerate() {
        let line_no = index as u64 + 1;
        let line = line?;
        let line = line.trim_end_matches('\r');
        if line_no == 1 && line.starts_with("category\texpected\t") {
            categorised = true;
            continue;
        }
        // Without the header, a first line whose second column is a label says the same.
        if line_no == 1
            && matches!(line.split('\t').nth(1), Some("request" | "none"))
            && line.split('\t').count() >= 3
        {
            categorised = true;
        }
        if line.is_empty() || (line_no == 1 && line.starts_with("intent\t")) {
            continue;
        }
        if categorised {
            let mut cols = line.splitn(4, '\t');
            let (Some(category), Some(expected), Some(text)) =
                (cols.next(), cols.next(), cols.next())
            else {
                return Err(RulesError::Input {
                    line: line_no,
                    message: "expected three tab-separated columns: category, expected, text \
                              (and optionally a fourth: the AI turn the text replies to)"
                        .into(),
                });
            };
            // The AI's turn the row answers: the fourth column, else a plain offer of a
            // person for a follow-up row, which by definition answers one.
            let before = cols
                .next()
                .filter(|b| !b.trim().is_empty())
                .or_else(|| is_followup(category).then_some(PLAIN_OFFER));
            let want = match expected {
                "request" => true,
                "none" => false,
                other => {
                    return Err(RulesError::Input {
                        line: line_no,
                        message: format!("expected `request` or `none`, not `{other}`"),
                    });
                }
            };
            let found = match before {
                Some(before) => {
                    replies += 1;
                    explicit::detect_in_reply(before, text)
                }
                None => explicit::detect(text),
            };
            let score = categories.entry(category.to_owned()).or_default();
            score.rows += 1;
            score.correct += u64::from(found.is_some() == want);
            if want {
                positives += 1;
                if found.is_some() {
                    hits += 1;
                } else {
                    misses.push(format!("[{category}] {text}"));
                }
            } else {
                negatives += 1;
                if let Some(m) = found {
                    fps += 1;
                    false_positives.push(IntentHit {
                        intent: category.to_owned(),
                        text: text.to_owned(),
                        matched: m.phrase,
                    });
                }
            }
            continue;
        }
        let mut cols = line.splitn(3, '\t');
        let (Some(intent), Some(_flags), Some(text)) = (cols.next(), cols.next(), cols.next())
        else {
            return Err(RulesError::Input {
                line: line_no,
                message: "expected three tab-separated columns: intent, flags, instruction".into(),
            });
        };
        let found = explicit::detect(text);
        match intent {
            HUMAN_INTENT => {
                positives += 1;
                if found.is_some() {
                    hits += 1;
                } else {
                    misses.push(text.to_owned());
                }
            }
            CUSTOMER_SERVICE_INTENT => {
                cs += 1;
                cs_hits += u64::from(found.is_some());
            }
            _ => {
                negatives += 1;
                if let Some(m) = found {
                    fps += 1;
                    false_positives.push(IntentHit {
                        intent: intent.to_owned(),
                        text: text.to_owned(),
                        matched: m.phrase,
                    });
                }
            }
        }
    }
    let (rows, correct) = categories
        .values()
        .fold((0, 0), |(r, c), s| (r + s.rows, c + s.correct));
    for s in categories.values_mut() {
        s.accuracy = ratio(s.correct, s.rows);
    }
    Ok(IntentReport {
        accuracy: categorised.then(|| ratio(correct, rows)),
        categories,
        positives,
        recall: ratio(hits, positives),
        negatives,
        false_positive_rate: ratio(fps, negatives),
        customer_service: cs,
        customer_service_rate: ratio(cs_hits, cs),
        misses,
        false_positives,
        replies,
    })
}

/// The AI turn a follow-up row answers when its file gives none.
pub const PLAIN_OFFER: &str = "Would you like me to connect you with a person?";

/// Whether `category` names follow-ups: replies to an offer of a person ("followup",
/// "follow-up", "Follow_up").
fn is_followup(category: &str) -> bool {
    category
        .chars()
        .filter(|c| !matches!(c, '_' | '-' | ' '))
        .map(|c| c.to_ascii_lowercase())
        .eq("followup".chars())
}

impl fmt::Display for IntentReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(accuracy) = self.accuracy {
            writeln!(f, "accuracy {accuracy:.4} by category:")?;
            for (name, s) in &self.categories {
                writeln!(
                    f,
                    "  {name:<20} {:.4}  ({} of {})",
                    s.accuracy, s.correct, s.rows
                )?;
            }
        }
        if self.replies > 0 {
            writeln!(
                f,
                "{} rows read as replies to the AI turn before them (their fourth column, or \
                 for follow-ups a plain offer of a person: {PLAIN_OFFER:?})",
                self.replies
            )?;
        }
        writeln!(
            f,
            "explicit requests: recall {:.4} on {} `{HUMAN_INTENT}` utterances",
            self.recall, self.positives
        )?;
        writeln!(
            f,
            "false positives: {:.4} ({} of {} utterances of other intents)",
            self.false_positive_rate,
            self.false_positives.len(),
            self.negatives
        )?;
        writeln!(
            f,
            "`{CUSTOMER_SERVICE_INTENT}` detected: {:.4} of {} (reported apart)",
            self.customer_service_rate, self.customer_service
        )?;
        for m in &self.misses {
            writeln!(f, "  missed: {m}")?;
        }
        for fp in &self.false_positives {
            writeln!(
                f,
                "  false positive [{}] {:?}: {}",
                fp.intent, fp.matched, fp.text
            )?;
        }
        Ok(())
    }
}

/// Sentiment measured against human ratings.
#[derive(Clone, Debug, Serialize)]
pub struct SentimentReport {
    pub sentences: u64,
    /// Pearson correlation of the compound score with the mean human rating.
    pub pearson_r: f64,
    /// Scoring throughput on one core (parsing excluded).
    pub sentences_per_second: f64,
}

/// Scores a ground-truth file of `id<TAB>mean<TAB>text` lines (CRLF allowed). The input is
/// read whole and every text borrowed from it; sentences are scored on every core.
pub fn eval_sentiment(mut reader: impl BufRead) -> Result<SentimentReport, RulesError> {
    let mut input = String::new();
    reader.read_to_string(&mut input)?;
    let mut ratings = Vec::new();
    let mut texts: Vec<&str> = Vec::new();
    for (index, line) in input.split('\n').enumerate() {
        let line_no = index as u64 + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        let mut cols = line.splitn(3, '\t');
        let (Some(_id), Some(mean), Some(text)) = (cols.next(), cols.next(), cols.next()) else {
            return Err(RulesError::Input {
                line: line_no,
                message: "expected three tab-separated columns: id, mean rating, text".into(),
            });
        };
        let mean: f64 = mean.trim().parse().map_err(|_| RulesError::Input {
            line: line_no,
            message: format!("the mean rating `{mean}` is not a number"),
        })?;
        ratings.push(mean);
        texts.push(text);
    }
    let started = Instant::now();
    let scores = score_all(&texts);
    let elapsed = started.elapsed().as_secs_f64();
    Ok(SentimentReport {
        sentences: scores.len() as u64,
        pearson_r: pearson(&scores, &ratings),
        sentences_per_second: if elapsed > 0.0 {
            scores.len() as f64 / elapsed
        } else {
            0.0
        },
    })
}

/// The compound score of every text, in order, on every available core. The texts are
/// handed out in small batches, so that a core slowed by other work takes fewer of them
/// instead of holding up the end.
fn score_all(texts: &[&str]) -> Vec<f64> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    const BATCH: usize = 2048;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut scores = vec![0f64; texts.len()];
    if threads == 1 || texts.len() <= BATCH {
        for (t, o) in texts.iter().zip(&mut scores) {
            *o = f64::from(sentiment::compound(t));
        }
        return scores;
    }
    let next = AtomicUsize::new(0);
    let batches: Vec<std::sync::Mutex<&mut [f64]>> = scores
        .chunks_mut(BATCH)
        .map(std::sync::Mutex::new)
        .collect();
    let work = || {
        loop {
            let b = next.fetch_add(1, Ordering::Relaxed);
            let Some(out) = batches.get(b) else { break };
            let mut out = out
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            for (t, o) in texts[b * BATCH..].iter().zip(out.iter_mut()) {
                *o = f64::from(sentiment::compound(t));
            }
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..threads {
            scope.spawn(work);
        }
        work();
    });
    drop(batches);
    scores
}

/// Pearson's r; 0 when either side has no variance.
pub fn pearson(xs: &[f64], ys: &[f64]) -> f64 {
    let n = xs.len().min(ys.len());
    if n == 0 {
        return 0.0;
    }
    let mean = |v: &[f64]| v[..n].iter().sum::<f64>() / n as f64;
    let (mx, my) = (mean(xs), mean(ys));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in xs[..n].iter().zip(&ys[..n]) {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
    }
    if sxx == 0.0 || syy == 0.0 {
        0.0
    } else {
        sxy / (sxx * syy).sqrt()
    }
}

impl fmt::Display for SentimentReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "sentiment: Pearson r {:.4} over {} sentences ({:.0} sentences/s)",
            self.pearson_r, self.sentences, self.sentences_per_second
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pearson_of_a_line_is_one() {
        assert!((pearson(&[1.0, 2.0, 3.0], &[2.0, 4.0, 6.0]) - 1.0).abs() < 1e-12);
        assert_eq!(pearson(&[1.0, 1.0], &[2.0, 3.0]), 0.0);
    }

    #[test]
    fn every_sentence_is_scored_in_order() {
        let texts: Vec<String> = (0..5000)
            .map(|i| match i % 3 {
                0 => format!("{i} good"),
                1 => format!("{i} terrible"),
                _ => format!("{i} table"),
            })
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let scores = score_all(&refs);
        assert_eq!(scores.len(), texts.len());
        for (t, s) in refs.iter().zip(&scores) {
            assert_eq!(*s, f64::from(sentiment::compound(t)), "{t}");
        }
    }

    #[test]
    fn malformed_lines_are_named() {
        let headless = eval_intents(
            "staff\trequest\tget me a person\nordinary\tnone\twhere is it\n".as_bytes(),
        )
        .unwrap();
        assert_eq!(headless.categories.len(), 2);
        let err = eval_sentiment("1\t0.5\tgood\r\n2\tx\tbad\r\n".as_bytes()).unwrap_err();
        assert_eq!(err.line(), Some(2));
        let err =
            eval_intents("intent\tflags\tinstruction\nonly one column\n".as_bytes()).unwrap_err();
        assert_eq!(err.line(), Some(2));
    }

    #[test]
    fn a_row_replying_to_an_ai_turn_is_read_after_it() {
        let file = "category\texpected\ttext\tbefore\n\
                    followup\trequest\tsure thing, go for it\n\
                    Follow-up\tnone\tno thanks, the link is enough\n\
                    callback\trequest\tyes please\tShall I get one of the team to phone you back?\n\
                    receipt\tnone\tyes please\tShall I email you the receipt?\n\
                    alone\tnone\tyes please\n";
        let r = eval_intents(file.as_bytes()).unwrap();
        assert_eq!(r.replies, 4);
        assert_eq!(r.accuracy, Some(1.0), "{r}");
        assert!(r.to_string().contains("4 rows read as replies"));
    }
}
