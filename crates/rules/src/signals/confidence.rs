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
    /// The last AI turn fell under the soft threshold and says itself that it does not know.
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

/// [`low_confidence`], and one more reason: the last AI turn under the soft threshold
/// saying itself that it does not know (`admits_unsure`, asked only then) needs no second
/// turn to be seen.
pub fn low_confidence_or_unsure(
    ai_confidences: &[f64],
    below: f64,
    turns: usize,
    floor: f64,
    admits_unsure: impl FnOnce() -> bool,
) -> Option<LowConfidence> {
    low_confidence(ai_confidences, below, turns, floor).or_else(|| {
        let &last = ai_confidences.first()?;
        (last < below && admits_unsure()).then_some(LowConfidence::Unsure {
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
    fn one_soft_turn_that_admits_not_knowing_is_enough() {
        let unsure = || true;
        assert_eq!(
            low_confidence_or_unsure(&[0.5], SOFT, SOFT_TURNS, FLOOR, unsure),
            Some(LowConfidence::Unsure {
                confidence: 0.5,
                below: SOFT
            })
        );
        assert_eq!(
            low_confidence_or_unsure(&[0.5], SOFT, SOFT_TURNS, FLOOR, || false),
            None
        );
        // Confident enough by its own score: the admission is not even read.
        assert_eq!(
            low_confidence_or_unsure(&[0.8], SOFT, SOFT_TURNS, FLOOR, || unreachable!()),
            None
        );
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
