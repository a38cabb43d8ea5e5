//! Confidence: the AI's own estimate of its answer. A hard floor hands off at once; a soft
//! threshold only when it is sustained, because one hesitant answer is normal — or when the AI
//! says in that answer that it does not know.

/// The default soft threshold.
pub const SOFT: f64 = 0.65;
/// The default number of consecutive AI turns the soft threshold must hold for.
pub const SOFT_TURNS: usize = 2;
/// The default hard floor.
pub const FLOOR: f64 = 0.40;

/// Why confidence is too low.
#[derive(Clone, Debug, PartialEq)]
pub enum LowConfidence {
    /// The last AI turn fell under the floor.
    Floor { confidence: f64, floor: f64 },
    /// The last `turns` AI turns all fell under the soft threshold.
    Sustained { confidences: Vec<f64>, below: f64 },
    /// The last AI turn says itself that it does not know the answer (or, under the soft
    /// threshold, that it is not sure or did not follow the customer).
    Unsure { confidence: f64, below: f64 },
}

/// `ai_confidences` are the confidences of the AI turns, most recent first (turns without a
/// confidence are skipped by the caller). Only the most recent AI turn can start a hand-off.
pub fn low_confidence(
    ai_confidences: &[f64],
    below: f64,
    turns: usize,
    floor: f64,
) -> Option<LowConfidence> {
    let &last = ai_confidences.first()?;
    if last < floor {
        return Some(LowConfidence::Floor {
            confidence: last,
            floor,
        });
    }
    let turns = turns.max(1);
    if ai_confidences.len() >= turns && ai_confidences[..turns].iter().all(|&c| c < below) {
        return Some(LowConfidence::Sustained {
            confidences: ai_confidences[..turns].to_vec(),
            below,
        });
    }
    None
}

/// What the AI's turn says of its own knowledge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Admission {
    /// Nothing: it answers.
    None,
    /// It hedges ("I'm not sure, but yes") or did not follow the customer ("I'm not sure
    /// what you mean", which the fallback rule counts): not a gap in what it knows.
    Hedges,
    /// It does not know the answer ("I don't know whether the clinic has one").
    NotKnowing,
}

/// [`low_confidence`], and one more reason that needs no second turn: the last AI turn
/// saying itself that it does not know the answer, whatever its score (its own words
/// outweigh a number it gave), or, under the soft threshold, that it is not sure.
/// `admits` is asked only when the score alone hands nothing off.
pub fn low_confidence_or_unsure(
    ai_confidences: &[f64],
    below: f64,
    turns: usize,
    floor: f64,
    admits: impl FnOnce() -> Admission,
) -> Option<LowConfidence> {
    low_confidence(ai_confidences, below, turns, floor).or_else(|| {
        let &last = ai_confidences.first()?;
        let counts = match admits() {
            Admission::None => false,
            Admission::Hedges => last < below,
            Admission::NotKnowing => true,
        };
        counts.then_some(LowConfidence::Unsure {
            confidence: last,
            below,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floor_is_immediate_and_soft_needs_to_be_sustained() {
        assert!(matches!(
            low_confidence(&[0.3], SOFT, SOFT_TURNS, FLOOR),
            Some(LowConfidence::Floor { .. })
        ));
        assert_eq!(low_confidence(&[0.5], SOFT, SOFT_TURNS, FLOOR), None);
        assert!(matches!(
            low_confidence(&[0.5, 0.6], SOFT, SOFT_TURNS, FLOOR),
            Some(LowConfidence::Sustained { .. })
        ));
    }

    #[test]
    fn one_turn_that_admits_not_knowing_is_enough() {
        let knows_not = || Admission::NotKnowing;
        assert_eq!(
            low_confidence_or_unsure(&[0.5], SOFT, SOFT_TURNS, FLOOR, knows_not),
            Some(LowConfidence::Unsure {
                confidence: 0.5,
                below: SOFT
            })
        );
        assert_eq!(
            low_confidence_or_unsure(&[0.5], SOFT, SOFT_TURNS, FLOOR, || Admission::None),
            None
        );
        // Its words outweigh its score: "I don't know whether…" at 0.7 or 0.9.
        for score in [0.7, 0.9] {
            assert_eq!(
                low_confidence_or_unsure(&[score], SOFT, SOFT_TURNS, FLOOR, knows_not),
                Some(LowConfidence::Unsure {
                    confidence: score,
                    below: SOFT
                })
            );
        }
        // A hedge, or not following the customer, counts only under the soft threshold:
        // confident, it answers or asks again (the fallback rule counts those).
        let lost = || Admission::Hedges;
        assert!(low_confidence_or_unsure(&[0.5], SOFT, SOFT_TURNS, FLOOR, lost).is_some());
        assert_eq!(
            low_confidence_or_unsure(&[0.9], SOFT, SOFT_TURNS, FLOOR, lost),
            None
        );
        // Under the floor the score says it all: the words are not read.
        assert!(matches!(
            low_confidence_or_unsure(&[0.3], SOFT, SOFT_TURNS, FLOOR, || unreachable!()),
            Some(LowConfidence::Floor { .. })
        ));
    }

    #[test]
    fn hard_negatives() {
        // A confident answer after hesitant ones ends the streak.
        assert_eq!(
            low_confidence(&[0.9, 0.5, 0.5], SOFT, SOFT_TURNS, FLOOR),
            None
        );
        // Exactly at the threshold is not below it.
        assert_eq!(low_confidence(&[0.65, 0.65], SOFT, SOFT_TURNS, FLOOR), None);
        assert_eq!(low_confidence(&[0.40], SOFT, 3, FLOOR), None);
        assert_eq!(low_confidence(&[], SOFT, SOFT_TURNS, FLOOR), None);
    }
}
