//! Confidence: the AI's own estimate of its answer. A hard floor hands off at once; a soft
//! threshold only when it is sustained, because one hesitant answer is normal.

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
