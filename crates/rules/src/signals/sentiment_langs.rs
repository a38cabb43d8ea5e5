//! Sentiment of turns written in Spanish, French, German, Portuguese or Italian.
//!
//! VADER ([`super::sentiment`]) is English. For the other covered languages this module
//! scores with a curated lexicon per language on VADER's scale (−4 … +4 per word) and the
//! same composition: boosters, negation of the next three words, a contrastive "but",
//! exclamation marks, and VADER's normalisation. The lexicons list what customers say of a
//! service — anger, disgust, disappointment, scams, praise, thanks — in their inflected
//! forms, written without accents (text is folded before lookup).

use std::sync::LazyLock;

use super::language::{self, Language};
use super::words::AsciiWords;

/// The sentiment of `text` in its own language: VADER for English, the lexicon of the
/// language otherwise. What the rules read as a turn's sentiment.
pub fn compound(text: &str) -> f32 {
    // Without a word of any lexicon the score is 0 in every language: the language need
    // not be guessed.
    if !AsciiWords::with(text, may_score).unwrap_or(true) {
        return 0.0;
    }
    match language::guess(text) {
        Language::English => match with_praise_idioms_plain(text) {
            Some(plain) => super::sentiment::compound(&plain),
            None => super::sentiment::compound(text),
        },
        other => compound_in(text, other),
    }
}

/// Idioms of praise for a performance that VADER reads word by word as harm ("she killed
/// it", "they nailed it"), with what they mean.
const PRAISE_IDIOMS: &[(&str, &str)] = &[
    ("killed it", "did great"),
    ("killing it", "doing great"),
    ("nailed it", "did great"),
    ("smashed it", "did great"),
    ("crushed it", "did great"),
];

/// `text` with its idioms of praise said plainly, when it has any (ASCII texts only; the
/// other words keep their case, which VADER reads).
fn with_praise_idioms_plain(text: &str) -> Option<String> {
    AsciiWords::with(text, |words| {
        let lower = words.lower();
        if !PRAISE_IDIOMS.iter().any(|(idiom, _)| lower.contains(idiom)) {
            return None;
        }
        // Whole words only ("skilled it" is no idiom); byte offsets are the same in the
        // lowercased ASCII text.
        let mut found: Vec<(usize, &str, &str)> = PRAISE_IDIOMS
            .iter()
            .flat_map(|(idiom, meaning)| {
                lower
                    .match_indices(idiom)
                    .map(move |(at, _)| (at, *idiom, *meaning))
            })
            .filter(|&(at, idiom, _)| {
                let b = lower.as_bytes();
                let end = at + idiom.len();
                (at == 0 || !b[at - 1].is_ascii_alphanumeric())
                    && (end == b.len() || !b[end].is_ascii_alphanumeric())
            })
            .collect();
        if found.is_empty() {
            return None;
        }
        found.sort_unstable_by_key(|&(at, _, _)| std::cmp::Reverse(at));
        let mut plain = text.to_owned();
        for (at, idiom, meaning) in found {
            plain.replace_range(at..at + idiom.len(), meaning);
        }
        Some(plain)
    })
    .flatten()
}

/// Word valences per language.
const VALENCES: &[(Language, &[(&str, f32)])] = &[
    (
        Language::Spanish,
        &[
            ("horrible", -2.5),
            ("horribles", -2.5),
            ("terrible", -2.1),
            ("terribles", -2.1),
            ("pesimo", -2.8),
            ("pesima", -2.8),
            ("pesimos", -2.8),
            ("peor", -2.5),
            ("desastre", -2.6),
            ("desastroso", -2.7),
            ("desastrosa", -2.7),
            ("furioso", -3.0),
            ("furiosa", -3.0),
            ("enfadado", -2.2),
            ("enfadada", -2.2),
            ("enojado", -2.2),
            ("enojada", -2.2),
            ("harto", -2.0),
            ("harta", -2.0),
            ("molesto", -1.6),
            ("molesta", -1.6),
            ("indignado", -2.4),
            ("indignada", -2.4),
            ("verguenza", -2.0),
            ("vergonzoso", -2.3),
            ("estafa", -2.8),
            ("estafadores", -3.0),
            ("ladrones", -2.8),
            ("inutil", -2.0),
            ("inutiles", -2.0),
            ("fatal", -2.5),
            ("asco", -2.6),
            ("asqueroso", -2.7),
            ("odio", -3.0),
            ("mal", -1.5),
            ("malo", -1.9),
            ("mala", -1.9),
            ("decepcionado", -2.0),
            ("decepcionada", -2.0),
            ("decepcion", -2.0),
            ("frustrado", -2.0),
            ("frustrada", -2.0),
            ("ridiculo", -1.8),
            ("absurdo", -1.5),
            ("inaceptable", -2.3),
            ("lamentable", -2.1),
            ("basura", -2.4),
            ("mierda", -3.0),
            ("maldito", -2.4),
            ("maldita", -2.4),
            ("problema", -1.0),
            ("problemas", -1.0),
            ("queja", -1.2),
            ("incompetentes", -2.3),
            ("incompetente", -2.3),
            ("enfado", -2.0),
            ("cabreado", -2.6),
            ("cabreada", -2.6),
            ("insoportable", -2.4),
            ("triste", -2.0),
            ("gracias", 1.5),
            ("genial", 3.0),
            ("excelente", 3.2),
            ("perfecto", 2.7),
            ("perfecta", 2.7),
            ("bien", 1.6),
            ("bueno", 1.9),
            ("buena", 1.9),
            ("maravilloso", 3.0),
            ("estupendo", 2.8),
            ("encantado", 2.5),
            ("encantada", 2.5),
            ("contento", 2.2),
            ("contenta", 2.2),
            ("feliz", 2.6),
            ("amable", 2.0),
            ("agradecido", 2.2),
            ("agradecida", 2.2),
            ("fantastico", 3.0),
            ("resuelto", 1.2),
        ],
    ),
    (
        Language::French,
        &[
            ("horrible", -2.5),
            ("horribles", -2.5),
            ("terrible", -2.1),
            ("nul", -2.0),
            ("nulle", -2.0),
            ("nuls", -2.0),
            ("pire", -2.5),
            ("catastrophe", -2.6),
            ("catastrophique", -2.8),
            ("furieux", -3.0),
            ("furieuse", -3.0),
            ("enerve", -2.2),
            ("enervee", -2.2),
            ("fache", -2.0),
            ("fachee", -2.0),
            ("inadmissible", -2.6),
            ("inacceptable", -2.3),
            ("scandale", -2.6),
            ("scandaleux", -2.7),
            ("honte", -2.2),
            ("honteux", -2.4),
            ("arnaque", -2.8),
            ("escroc", -2.8),
            ("escrocs", -2.8),
            ("voleurs", -2.7),
            ("inutile", -1.9),
            ("degoute", -2.4),
            ("degoutee", -2.4),
            ("decu", -2.0),
            ("decue", -2.0),
            ("deception", -2.0),
            ("marre", -2.0),
            ("ridicule", -1.8),
            ("lamentable", -2.1),
            ("pourri", -2.4),
            ("merde", -3.0),
            ("putain", -2.5),
            ("mauvais", -1.9),
            ("mauvaise", -1.9),
            ("mal", -1.3),
            ("probleme", -1.0),
            ("problemes", -1.0),
            ("frustre", -2.0),
            ("frustree", -2.0),
            ("insupportable", -2.4),
            ("incompetent", -2.3),
            ("incompetents", -2.3),
            ("colere", -2.5),
            ("triste", -2.0),
            ("merci", 1.5),
            ("genial", 3.0),
            ("excellent", 3.2),
            ("excellente", 3.2),
            ("parfait", 2.7),
            ("parfaite", 2.7),
            ("super", 2.9),
            ("bien", 1.4),
            ("bon", 1.5),
            ("bonne", 1.5),
            ("formidable", 3.0),
            ("content", 2.2),
            ("contente", 2.2),
            ("ravi", 2.6),
            ("ravie", 2.6),
            ("heureux", 2.6),
            ("heureuse", 2.6),
            ("sympa", 2.0),
            ("gentil", 2.0),
            ("aimable", 2.0),
            ("impeccable", 2.5),
            ("resolu", 1.2),
        ],
    ),
    (
        Language::German,
        &[
            ("schrecklich", -2.6),
            ("furchtbar", -2.6),
            ("katastrophe", -2.6),
            ("katastrophal", -2.8),
            ("schlecht", -1.9),
            ("schlechte", -1.9),
            ("schlechter", -2.1),
            ("schlechten", -1.9),
            ("schlechteste", -2.8),
            ("schlechtesten", -2.8),
            ("frechheit", -2.6),
            ("unverschamt", -2.6),
            ("unverschamtheit", -2.7),
            ("sauer", -1.8),
            ("stinksauer", -3.0),
            ("wutend", -2.8),
            ("verargert", -2.2),
            ("argerlich", -1.8),
            ("enttauscht", -2.0),
            ("enttauschung", -2.0),
            ("mies", -2.2),
            ("miserabel", -2.6),
            ("betrug", -2.8),
            ("betruger", -3.0),
            ("abzocke", -2.8),
            ("nutzlos", -2.0),
            ("sinnlos", -1.8),
            ("scheisse", -3.0),
            ("mist", -2.0),
            ("lacherlich", -1.8),
            ("inakzeptabel", -2.3),
            ("unmoglich", -1.6),
            ("zumutung", -2.4),
            ("arger", -1.5),
            ("problem", -1.0),
            ("probleme", -1.0),
            ("genervt", -2.0),
            ("unfahig", -2.3),
            ("skandal", -2.5),
            ("skandalos", -2.6),
            ("traurig", -2.0),
            ("danke", 1.5),
            ("super", 2.9),
            ("toll", 2.8),
            ("klasse", 2.5),
            ("prima", 2.5),
            ("perfekt", 2.7),
            ("ausgezeichnet", 3.0),
            ("wunderbar", 3.0),
            ("gut", 1.9),
            ("gute", 1.9),
            ("guter", 1.9),
            ("zufrieden", 2.2),
            ("freundlich", 2.0),
            ("hilfreich", 2.0),
            ("grossartig", 3.0),
            ("spitze", 2.5),
            ("froh", 2.2),
            ("glucklich", 2.6),
            ("gelost", 1.2),
        ],
    ),
    (
        Language::Portuguese,
        &[
            ("horrivel", -2.5),
            ("terrivel", -2.1),
            ("pessimo", -2.8),
            ("pessima", -2.8),
            ("pior", -2.5),
            ("desastre", -2.6),
            ("furioso", -3.0),
            ("furiosa", -3.0),
            ("irritado", -2.2),
            ("irritada", -2.2),
            ("chateado", -2.0),
            ("chateada", -2.0),
            ("revoltado", -2.5),
            ("revoltada", -2.5),
            ("indignado", -2.4),
            ("indignada", -2.4),
            ("vergonha", -2.0),
            ("absurdo", -1.8),
            ("ridiculo", -1.8),
            ("inaceitavel", -2.3),
            ("lixo", -2.4),
            ("merda", -3.0),
            ("golpe", -2.5),
            ("ladroes", -2.7),
            ("inutil", -2.0),
            ("decepcionado", -2.0),
            ("decepcionada", -2.0),
            ("decepcao", -2.0),
            ("farto", -2.0),
            ("farta", -2.0),
            ("mau", -1.9),
            ("ruim", -1.9),
            ("problema", -1.0),
            ("problemas", -1.0),
            ("frustrado", -2.0),
            ("frustrada", -2.0),
            ("raiva", -2.5),
            ("triste", -2.0),
            ("obrigado", 1.5),
            ("obrigada", 1.5),
            ("otimo", 2.9),
            ("otima", 2.9),
            ("excelente", 3.2),
            ("perfeito", 2.7),
            ("perfeita", 2.7),
            ("bom", 1.9),
            ("maravilhoso", 3.0),
            ("feliz", 2.6),
            ("contente", 2.2),
            ("satisfeito", 2.2),
            ("satisfeita", 2.2),
            ("resolvido", 1.2),
        ],
    ),
    (
        Language::Italian,
        &[
            ("orribile", -2.5),
            ("terribile", -2.1),
            ("pessimo", -2.8),
            ("pessima", -2.8),
            ("peggiore", -2.5),
            ("peggio", -2.2),
            ("disastro", -2.6),
            ("disastroso", -2.7),
            ("furioso", -3.0),
            ("furiosa", -3.0),
            ("arrabbiato", -2.4),
            ("arrabbiata", -2.4),
            ("incazzato", -3.0),
            ("incazzata", -3.0),
            ("infuriato", -3.0),
            ("infuriata", -3.0),
            ("vergogna", -2.2),
            ("vergognoso", -2.4),
            ("schifo", -2.8),
            ("schifoso", -2.8),
            ("truffa", -2.8),
            ("truffatori", -3.0),
            ("ladri", -2.7),
            ("inutile", -1.9),
            ("deluso", -2.0),
            ("delusa", -2.0),
            ("delusione", -2.0),
            ("inaccettabile", -2.3),
            ("ridicolo", -1.8),
            ("assurdo", -1.8),
            ("stufo", -2.0),
            ("stufa", -2.0),
            ("merda", -3.0),
            ("male", -1.3),
            ("brutto", -1.8),
            ("problema", -1.0),
            ("problemi", -1.0),
            ("frustrato", -2.0),
            ("frustrata", -2.0),
            ("scandaloso", -2.6),
            ("incompetenti", -2.3),
            ("triste", -2.0),
            ("grazie", 1.5),
            ("ottimo", 2.9),
            ("ottima", 2.9),
            ("eccellente", 3.2),
            ("perfetto", 2.7),
            ("perfetta", 2.7),
            ("bene", 1.6),
            ("buono", 1.9),
            ("buona", 1.9),
            ("fantastico", 3.0),
            ("meraviglioso", 3.0),
            ("contento", 2.2),
            ("contenta", 2.2),
            ("felice", 2.6),
            ("gentile", 2.0),
            ("bravo", 2.2),
            ("bravi", 2.2),
            ("risolto", 1.2),
        ],
    ),
];

/// Words that turn the next three words around.
const NEGATIONS: &[(Language, &[&str])] = &[
    (
        Language::Spanish,
        &["no", "nunca", "jamas", "ni", "tampoco", "sin"],
    ),
    (
        Language::French,
        &["ne", "pas", "jamais", "rien", "sans", "aucun", "aucune"],
    ),
    (
        Language::German,
        &[
            "nicht", "kein", "keine", "keinen", "keinem", "nie", "niemals", "ohne",
        ],
    ),
    (
        Language::Portuguese,
        &["nao", "nunca", "nem", "jamais", "sem"],
    ),
    (Language::Italian, &["non", "mai", "ne", "senza"]),
];

/// Words that make the next word stronger.
const BOOSTERS: &[(Language, &[&str])] = &[
    (
        Language::Spanish,
        &[
            "muy",
            "tan",
            "demasiado",
            "totalmente",
            "completamente",
            "absolutamente",
            "realmente",
            "super",
        ],
    ),
    (
        Language::French,
        &[
            "tres",
            "trop",
            "vraiment",
            "tellement",
            "completement",
            "totalement",
            "absolument",
            "si",
        ],
    ),
    (
        Language::German,
        &[
            "sehr",
            "total",
            "vollig",
            "absolut",
            "absolute",
            "wirklich",
            "extrem",
            "echt",
            "so",
            "absoluten",
        ],
    ),
    (
        Language::Portuguese,
        &[
            "muito",
            "tao",
            "totalmente",
            "completamente",
            "realmente",
            "demais",
            "super",
        ],
    ),
    (
        Language::Italian,
        &[
            "molto",
            "troppo",
            "davvero",
            "proprio",
            "totalmente",
            "completamente",
            "cosi",
            "veramente",
        ],
    ),
];

/// The contrastive conjunction: what comes before it weighs half, what follows more.
fn but(language: Language) -> &'static str {
    match language {
        Language::Spanish => "pero",
        Language::French => "mais",
        Language::German => "aber",
        Language::Portuguese => "mas",
        Language::Italian | Language::English => "ma",
    }
}

/// Every language's valence of each word listed, looked up once per word (the words are
/// the keys, so a word no language lists costs one filter check).
struct Lexicons {
    valence: super::FastMap<&'static str, [Option<f32>; LANGUAGES]>,
    filter: super::WordFilter,
}

/// How many languages there are ([`Language`] is indexed by [`index`]).
const LANGUAGES: usize = 6;

fn index(language: Language) -> usize {
    match language {
        Language::English => 0,
        Language::Spanish => 1,
        Language::French => 2,
        Language::German => 3,
        Language::Portuguese => 4,
        Language::Italian => 5,
    }
}

static LEXICONS: LazyLock<Lexicons> = LazyLock::new(|| {
    let mut valence: super::FastMap<&'static str, [Option<f32>; LANGUAGES]> =
        super::FastMap::default();
    for (language, words) in VALENCES {
        for &(word, v) in *words {
            valence.entry(word).or_default()[index(*language)] = Some(v);
        }
    }
    let filter = super::WordFilter::new(valence.keys().copied());
    Lexicons { valence, filter }
});

/// Every ending [`valence`] strips, in any language.
#[cfg(test)]
const ENDINGS: [&str; 6] = ["e", "er", "en", "es", "em", "s"];

/// Whether any language lists `word` or a stem [`valence`] may strip it to.
pub(crate) fn listed_anywhere(word: &str) -> bool {
    listed_in(&LEXICONS.filter, word)
}

/// [`listed_anywhere`] with the filter at hand (looked up once per text, not per word).
fn listed_in(filter: &super::WordFilter, word: &str) -> bool {
    if filter.may_contain(word) {
        return true;
    }
    // German strengthens a feeling with a prefix ("stinkwütend", "todtraurig").
    if word.len() > 7
        && let Some(rest) = intensified(word)
        && filter.may_contain(rest)
    {
        return true;
    }
    // Each ending [`valence`] strips, in any language, by its last letter: one or two
    // stems to look at.
    let stem = |ending: &str| {
        word.strip_suffix(ending)
            .is_some_and(|s| filter.may_contain(s))
    };
    match word.as_bytes().last() {
        Some(b'e') => stem("e"),
        Some(b'r') => stem("er"),
        Some(b'n') => stem("en"),
        Some(b'm') => stem("em"),
        Some(b's') => stem("es") || stem("s"),
        _ => false,
    }
}

/// Whether some word of an ASCII text may carry a valence: a token VADER finds in its
/// lexicon ([`super::sentiment::valence_words`]), or a word a language may list
/// ([`listed_anywhere`]). Without one, every language scores the text 0.
fn may_score(words: &AsciiWords) -> bool {
    let valence_word = super::sentiment::valence_words();
    words
        .lower()
        .split_ascii_whitespace()
        .any(|t| valence_word(super::sentiment::strip_punct(t)))
        // The words of the other languages: runs of letters and digits.
        || words.facts().iter().any(|f| f.may_score)
}

/// The adjective a Romance superlative intensifies ("revoltadíssima" → "revoltada",
/// "enfadadísimo" → "enfadado", "arrabbiatissimi" → "arrabbiato"), accents folded.
fn superlative_base(word: &str) -> Option<String> {
    let (stem, ending) = ["issimo", "issima", "issimi", "issime", "isimo", "isima"]
        .into_iter()
        .chain(["issimos", "issimas", "isimos", "isimas"])
        .find_map(|e| word.strip_suffix(e).map(|stem| (stem, e)))?;
    if stem.len() < 4 {
        return None;
    }
    let feminine = ending.contains("ima") || ending.ends_with("ime");
    Some(format!("{stem}{}", if feminine { "a" } else { "o" }))
}

/// The valence of `word`, also through its inflections: a plural "-s" in the Romance
/// languages, the adjective endings "-e", "-er", "-en", "-es", "-em" in German, a Romance
/// superlative (its adjective's valence, made stronger).
/// A German word strengthened by a prefix ("stinkwütend", "todtraurig", "megasauer"), without
/// it: the prefix says "very".
fn intensified(word: &str) -> Option<&str> {
    ["stink", "sau", "tod", "mega"]
        .iter()
        .find_map(|p| word.strip_prefix(p))
        .filter(|rest| rest.len() >= 4)
}

fn valence(language: Language, word: &str) -> Option<f32> {
    let get = |w: &str| LEXICONS.valence.get(w)?[index(language)];
    if language == Language::German
        && get(word).is_none()
        && let Some(v) = intensified(word).and_then(|rest| valence(language, rest))
    {
        return Some((v * 1.3).clamp(-4.0, 4.0));
    }
    let superlative = || {
        if language == Language::German {
            return None;
        }
        let v = get(&superlative_base(word)?)?;
        Some((v * 1.3).clamp(-4.0, 4.0))
    };
    get(word).or_else(superlative).or_else(|| {
        let endings: &[&str] = match language {
            Language::German => &["e", "er", "en", "es", "em"],
            _ => &["s", "es"],
        };
        endings
            .iter()
            .filter_map(|e| word.strip_suffix(e))
            .filter(|stem| stem.len() >= 3)
            .find_map(get)
    })
}

/// The valence of `word` in a sister Romance language, when the guessed one has none: short
/// turns in Spanish and Portuguese share most function words, so a Portuguese complaint may
/// be guessed Spanish ("péssimo", "porcaria" are Portuguese only).
fn kindred_valence(language: Language, word: &str) -> Option<f32> {
    const ROMANCE: [Language; 4] = [
        Language::Spanish,
        Language::Portuguese,
        Language::Italian,
        Language::French,
    ];
    if !ROMANCE.contains(&language) {
        return None;
    }
    ROMANCE
        .iter()
        .filter(|l| **l != language)
        .find_map(|l| valence(*l, word))
}

fn listed(table: &[(Language, &[&'static str])], language: Language, word: &str) -> bool {
    table
        .iter()
        .any(|(l, words)| *l == language && words.contains(&word))
}

/// The most negative valence of any word of `text` in its language (0 when none is
/// negative): a turn holding "disgrace" or "lamentable" is not calm, however long.
pub fn most_negative_word(text: &str) -> f32 {
    match language::guess(text) {
        Language::English => super::sentiment::most_negative_word(text),
        other => language::folded_words(text)
            .filter_map(|w| valence(other, &w).or_else(|| kindred_valence(other, &w)))
            .fold(0.0, f32::min),
    }
}

/// Words of a strong negative feeling a customer may say they have ("I'm livid", "je suis
/// écœurée", "ich bin stinksauer"), in the six languages, accents folded. Curated: only
/// words that name a feeling, so that "I'm sick" (ill) or "I'm lost" are not read as anger.
const STRONG_FEELINGS: &[&str] = &[
    // English
    "furious",
    "livid",
    "angry",
    "fuming",
    "outraged",
    "disgusted",
    "devastated",
    "enraged",
    "seething",
    "appalled",
    "heartbroken",
    "humiliated",
    "mortified",
    "distraught",
    "gutted",
    "pissed",
    "incensed",
    "frustrated",
    "infuriated",
    "exasperated",
    "mad",
    // British and Irish "I'm raging", Scots "I'm beelin'".
    "raging",
    "beelin",
    "beeling",
    // Wronged: "I feel totally conned", "I feel cheated".
    "conned",
    "cheated",
    "betrayed",
    "scammed",
    // Growing: "I'm getting angrier and angrier".
    "angrier",
    "madder",
    // Spanish
    "furioso",
    "furiosa",
    "enfadado",
    "enfadada",
    "enfadadisimo",
    "enfadadisima",
    "cabreado",
    "cabreada",
    "harto",
    "harta",
    "indignado",
    "indignada",
    "enojado",
    "enojada",
    "indignadisimo",
    // French
    "furieux",
    "furieuse",
    "ecoeure",
    "ecœure",
    "ecœuree",
    "ecoeuree",
    "degoute",
    "degoutee",
    "excede",
    "excedee",
    "outre",
    "outree",
    "enerve",
    "enervee",
    "revolte",
    "revoltee",
    "scandalise",
    "scandalisee",
    // German
    "wutend",
    "stinksauer",
    "sauer",
    "emport",
    "fassungslos",
    "entsetzt",
    "verargert",
    "genervt",
    // Italian
    "furioso",
    "arrabbiato",
    "arrabbiata",
    "arrabbiatissimo",
    "incazzato",
    "incazzata",
    "indignato",
    "indignata",
    "esasperato",
    "stufo",
    "stufa",
    "esasperata",
    "schifato",
    "schifata",
    // Portuguese
    "revoltado",
    "revoltada",
    "irritado",
    "irritada",
    "farto",
    "farta",
    "chateado",
    "chateada",
    "furiosos",
    // Humiliated, in the other languages.
    "humillado",
    "humillada",
    "humilie",
    "humiliee",
    "gedemutigt",
    "umiliato",
    "umiliata",
    "humilhado",
    "humilhada",
    // Worn out by the matter ("I'm absolutely shattered"), as people say it of a service.
    "shattered",
    "exhausted",
];

/// Whether the customer blames themselves for what went wrong ("error on my side", "my
/// mistake", "I chose the wrong size", "c'est ma faute"): the negative words are about their
/// own slip, not anger at the service.
pub fn blames_self(text: &str) -> bool {
    let lower = text.to_lowercase().replace('’', "'");
    const PHRASES: &[&str] = &[
        "my mistake",
        "my fault",
        "my bad",
        "my error",
        "on my side",
        "on my part",
        "on my end",
        "silly me",
        "user error",
        "i messed up",
        "i got it wrong",
        "i picked the wrong",
        "i chose the wrong",
        "i selected the wrong",
        "i typed the wrong",
        "i entered the wrong",
        "i put the wrong",
        "culpa mía",
        "culpa mia",
        "error mío",
        "error mio",
        "mi error",
        "ma faute",
        "erreur de ma part",
        "mein fehler",
        "meine schuld",
        "erro meu",
        "culpa minha",
        "colpa mia",
        "errore mio",
    ];
    PHRASES.iter().any(|p| lower.contains(p))
}

/// Words between the speaker and the feeling: "I'm so angry", "je suis vraiment furieux".
const FEELING_INTENSIFIERS: &[&str] = &[
    "absolute",
    "so",
    "really",
    "honestly",
    "genuinely",
    "truly",
    "absolutely",
    "completely",
    "totally",
    "very",
    "extremely",
    "incredibly",
    "unbelievably",
    "seriously",
    "deeply",
    "thoroughly",
    "beyond",
    "just",
    "quite",
    "utterly",
    "bloody",
    "fucking",
    "effing",
    "flipping",
    "flaming",
    "freaking",
    // A swear word written with asterisks ("f***ing"), see [`stated_feeling`].
    "bleep",
    "now",
    "getting",
    "becoming",
    "vraiment",
    "tellement",
    "tres",
    "completement",
    "absolument",
    "muy",
    "super",
    "realmente",
    "totalmente",
    "bastante",
    "total",
    "echt",
    "wirklich",
    "richtig",
    "absolut",
    "sehr",
    "davvero",
    "molto",
    "proprio",
    "veramente",
    "assolutamente",
    "muito",
    // "so" in the Romance languages: "nunca fui tão humilhada", "je suis si déçue".
    "tao",
    "tan",
    "cosi",
    "aussi",
    "si",
    "mesmo",
    "bem",
    "extremamente",
];

/// Feelings said as idioms, word by word: "fed up", "sick of", "in tears", "losing my
/// patience", "hors de moi", "die Nase voll".
const FEELING_IDIOMS: &[&[&str]] = &[
    &["fed", "up"],
    &["so", "done", "with"],
    // "so annoyed I want to scream", "so wound up I can't think straight", "none of you
    // seem to give a damn": upset said by what it does.
    &["want", "to", "scream"],
    &["could", "scream"],
    &["wanna", "scream"],
    &["so", "wound", "up"],
    &["can", "t", "think", "straight"],
    &["cant", "think", "straight"],
    &["seem", "to", "give", "a", "damn"],
    // "I'm done with you", "we're done with you lot": finished with the service.
    &["m", "done", "with", "you"],
    &["am", "done", "with", "you"],
    &["re", "done", "with", "you"],
    &["sick", "to", "death"],
    &["marre"],
    &["saco", "cheio"],
    &["sick", "of"],
    &["sick", "and", "tired"],
    &["in", "tears"],
    &["shaking", "with"],
    &["losing", "my", "patience"],
    &["losing", "my", "temper"],
    &["lost", "my", "temper"],
    &["lost", "my", "patience"],
    &["end", "of", "my", "rope"],
    &["end", "of", "my", "tether"],
    &["make", "me", "sick"],
    &["makes", "me", "sick"],
    &["hors", "de", "moi"],
    &["en", "colere"],
    &["hasta", "las", "narices"],
    &["die", "nase", "voll"],
    &["auser", "mir"],
    &["ausser", "mir"],
    &["pieno", "le", "scatole"],
    &["fora", "de", "mim"],
    // Exasperation at the service, as people say it when they have had enough.
    &["had", "it", "up", "to", "here"],
    &["absolute", "shambles"],
    &["total", "shambles"],
    &["complete", "shambles"],
    &["bloody", "shambles"],
    &["shambolic"],
    &["absolute", "joke"],
    &["total", "joke"],
    &["complete", "joke"],
    &["utter", "joke"],
    &["ras", "le", "bol"],
    &["frechheit"],
    &["unverschamtheit"],
    &["saftladen"],
    &["mit", "den", "nerven"],
    &["una", "verguenza"],
    &["una", "vergogna"],
    &["uma", "vergonha"],
    &["palhacada"],
    // Worn down to the end of one's strength or patience.
    &["losing", "my", "mind"],
    &["lost", "my", "mind"],
    &["wits", "end"],
    &["tear", "my", "hair", "out"],
    &["pull", "my", "hair", "out"],
    &["tearing", "my", "hair", "out"],
    &["cant", "do", "this", "anymore"],
    &["can", "t", "do", "this", "anymore"],
    &["cant", "take", "this", "anymore"],
    &["can", "t", "take", "this", "anymore"],
    &["breaking", "me"],
    &["nase", "gestrichen", "voll"],
    &["platzt", "der", "kragen"],
    &["platzt", "gleich", "der", "kragen"],
    &["suis", "a", "bout"],
    &["a", "bout", "de", "nerfs"],
    &["no", "puedo", "mas"],
    &["nao", "aguento", "mais"],
    &["non", "ce", "la", "faccio", "piu"],
    &["n", "en", "peux", "plus"],
    // Beside oneself; treated with contempt ("taking the mickey"); shamed in public.
    &["beside", "myself"],
    // "I'm in bits", "I am in absolute bits": in pieces with upset (not "it came in bits").
    &["m", "in", "bits"],
    &["am", "in", "bits"],
    &["taking", "the", "mickey"],
    &["taking", "the", "mick"],
    &["taking", "the", "piss"],
    &["so", "humiliating"],
    &["is", "humiliating"],
    &["about", "to", "explode"],
    &["joke", "of", "a"],
    &["absolutely", "disgraceful"],
    &["utterly", "disgraceful"],
    // The service judged the worst of its kind: "the most useless, pathetic service I've
    // ever paid for", "an utterly pathetic company" (not "I feel a bit useless").
    &["most", "useless"],
    &["most", "pathetic"],
    &["most", "incompetent"],
    &["utterly", "useless"],
    &["utterly", "pathetic"],
    &["absolutely", "useless"],
    &["absolutely", "pathetic"],
    &["pathetic", "service"],
    &["useless", "service"],
    // The service told it is useless to its face: "you lot are useless", "you're all
    // incompetent".
    &["you", "lot", "are", "useless"],
    &["you", "lot", "are", "incompetent"],
    &["you", "re", "useless"],
    &["youre", "useless"],
    &["you", "are", "useless"],
    &["you", "re", "all", "useless"],
    &["youre", "all", "useless"],
    &["you", "are", "all", "useless"],
    &["you", "re", "incompetent"],
    &["youre", "incompetent"],
    &["you", "are", "incompetent"],
    &["you", "people", "are", "useless"],
    &["pathetic", "company"],
    &["useless", "company"],
    &["useless", "lot"],
    &["incompetent", "lot"],
    &["bunch", "of", "clowns"],
    &["bunch", "of", "cowboys"],
];

/// Swear words said for emphasis, skipped inside an idiom ("a total effing joke").
const EXPLETIVES: &[&str] = &[
    "bloody", "fucking", "effing", "flipping", "flaming", "freaking", "bleep", "damn",
];

/// Where `idiom` is said from word `i`, swear words and intensifiers between its words
/// skipped ("a total effing joke", "die Nase echt gestrichen voll").
fn idiom_at<'a>(w: &dyn Fn(usize) -> &'a str, i: usize, idiom: &[&str]) -> bool {
    let mut at = i;
    for (k, word) in idiom.iter().enumerate() {
        if k > 0 {
            while (EXPLETIVES.contains(&w(at)) || FEELING_INTENSIFIERS.contains(&w(at)))
                && w(at) != *word
            {
                at += 1;
            }
        }
        if w(at) != *word {
            return false;
        }
        at += 1;
    }
    true
}

/// Contempt said to the service: "you lot couldn't care less", "are you kidding me". The
/// words, when the idiom at `i` is said of the service (not "I couldn't care less").
fn contempt_at<'a>(w: &dyn Fn(usize) -> &'a str, i: usize) -> Option<String> {
    let at_you = |k: usize| matches!(w(k), "you" | "u" | "ya" | "lot" | "they" | "guys");
    match (w(i), w(i + 1)) {
        ("care", "less") => {
            // "couldn't" folds to "couldn" "t" or "couldnt".
            let neg = match w(i.wrapping_sub(1)) {
                "couldnt" => i.wrapping_sub(1),
                "t" if w(i.wrapping_sub(2)) == "couldn" => i.wrapping_sub(2),
                _ => return None,
            };
            let subject = neg.wrapping_sub(1);
            let subject = if matches!(w(subject), "clearly" | "obviously" | "really" | "just") {
                subject.wrapping_sub(1)
            } else {
                subject
            };
            at_you(subject).then(|| format!("{} couldn't care less", w(subject)))
        }
        ("kidding" | "joking", "me")
            if w(i.wrapping_sub(1)) == "you" || w(i.wrapping_sub(2)) == "you" =>
        {
            Some(format!("you {} me", w(i)))
        }
        // "nobody at your company gives a damn", "you don't give a toss".
        ("gives" | "give", "a")
            if matches!(
                w(i + 2),
                "damn" | "toss" | "monkeys" | "shit" | "crap" | "hoot"
            ) && (1..=6).any(|b| {
                matches!(w(i.wrapping_sub(b)), "nobody" | "noone")
                    || w(i.wrapping_sub(b)) == "no" && w(i.wrapping_sub(b) + 1) == "one"
                    || matches!(w(i.wrapping_sub(b)), "dont" | "doesnt")
                    || w(i.wrapping_sub(b)) == "t"
                        && matches!(w(i.wrapping_sub(b + 1)), "don" | "doesn")
            }) =>
        {
            Some(format!("{} a {}", w(i), w(i + 2)))
        }
        // "you lot are crooks", "you're a bunch of cowboys": the service called names.
        ("crooks" | "thieves" | "cowboys" | "scammers" | "liars" | "frauds" | "clowns", _)
            if (1..=5).any(|b| {
                matches!(w(i.wrapping_sub(b)), "you" | "youre" | "lot")
                    || w(i.wrapping_sub(b)) == "re" && w(i.wrapping_sub(b + 1)) == "you"
            }) =>
        {
            Some(format!("you … {}", w(i)))
        }
        _ => None,
    }
}

/// The words one of which every [`stated_feeling`] holds (the feelings, each idiom's longest
/// word, and the keys of contempt: "care", "kidding"), and a bit filter of them.
static FEELING_SCREEN: LazyLock<(super::WordFilter, super::FastMap<&'static str, ()>)> =
    LazyLock::new(|| {
        let keys: super::FastMap<&'static str, ()> = STRONG_FEELINGS
            .iter()
            .copied()
            // Every match of an idiom holds all its words: its longest is the rarest key.
            .chain(
                FEELING_IDIOMS
                    .iter()
                    .filter_map(|idiom| idiom.iter().copied().max_by_key(|w| w.len())),
            )
            .chain([
                "care",
                "kidding",
                "joking",
                "damn",
                "toss",
                "monkeys",
                "shit",
                "crap",
                "hoot",
                "crooks",
                "thieves",
                "cowboys",
                "scammers",
                "liars",
                "frauds",
                "clowns",
                // Strong only with an intensifier ([`stated_feeling`]).
                "upset",
                "distressed",
            ])
            .map(|w| (w, ()))
            .collect();
        (super::WordFilter::new(keys.keys().copied()), keys)
    });

/// Whether `text` may state a feeling: a cheap necessary condition for [`stated_feeling`]
/// (exact on ASCII text, whose words fold to their lowercase; other text is let through).
pub fn may_state_feeling(text: &str) -> bool {
    AsciiWords::with(text, |words| words.facts().iter().any(|f| f.feeling)).unwrap_or(true)
}

/// Whether the word `w` (a run of lowercase letters and digits) may state a strong feeling:
/// a word of [`FEELING_SCREEN`], also after a German prefix that strengthens it.
pub(crate) fn may_be_feeling(w: &str) -> bool {
    let (filter, keys) = &*FEELING_SCREEN;
    // The filter turns most words away without hashing; the rest are looked up.
    let known = |w: &str| w.len() <= 32 && filter.may_contain(w) && keys.contains_key(w);
    known(w) || w.len() > 7 && intensified(w).is_some_and(known)
}

/// The idioms by their first word (in [`FEELING_IDIOMS`] order), and the strong feelings:
/// [`stated_feeling`] looks each word up once instead of comparing it with every idiom.
type IdiomsByFirstWord = super::FastMap<&'static str, Vec<&'static [&'static str]>>;
static FEELING_INDEX: LazyLock<(IdiomsByFirstWord, super::FastMap<&'static str, ()>)> =
    LazyLock::new(|| {
        let mut idioms = IdiomsByFirstWord::default();
        for idiom in FEELING_IDIOMS {
            if let Some(first) = idiom.first() {
                idioms.entry(first).or_default().push(idiom);
            }
        }
        let feelings = STRONG_FEELINGS.iter().map(|w| (*w, ())).collect();
        (idioms, feelings)
    });

/// Where a customer says of themselves, now, that they feel strongly upset: "I'm livid",
/// "I'm so angry I could scream", "you lot make me sick", "je suis écœurée", "estoy
/// harta", "ich bin stinksauer", "sono furioso", "estou revoltado", or an idiom of it
/// ("fed up", "in tears"). Not a feeling in the past ("I was furious"), a hypothetical ("I'd
/// be furious") or negated ("I'm not angry"): the speaker word must come right before the
/// feeling, with only intensifiers between. The words of the statement, if any.
pub fn stated_feeling(text: &str) -> Option<String> {
    // A swear word written with asterisks ("f***ing", "sh*t") is one word, read as "bleep".
    let words: Vec<String> = if text.contains('*') {
        text.split(|c: char| !(c.is_alphanumeric() || c == '*'))
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .map(|w| {
                if w.contains('*') {
                    "bleep".to_owned()
                } else {
                    w.chars().map(language::fold).collect()
                }
            })
            .collect()
    } else {
        language::folded_words(text).collect()
    };
    let w = |i: usize| words.get(i).map_or("", String::as_str);
    let (idioms_by_first, feelings) = &*FEELING_INDEX;
    for i in 0..words.len() {
        // Each word is looked up once; most start nothing.
        if matches!(
            w(i),
            "care"
                | "kidding"
                | "joking"
                | "give"
                | "gives"
                | "crooks"
                | "thieves"
                | "cowboys"
                | "scammers"
                | "liars"
                | "frauds"
                | "clowns"
        ) && let Some(said) = contempt_at(&w, i)
        {
            return Some(said);
        }
        if let Some(idiom) = idioms_by_first
            .get(w(i))
            .and_then(|idioms| idioms.iter().find(|idiom| idiom_at(&w, i, idiom)))
        {
            // "I was fed up" tells of the past; "not fed up" denies; "a bit fed up" is mild.
            if !matches!(
                w(i.wrapping_sub(1)),
                "was"
                    | "were"
                    | "not"
                    | "be"
                    | "been"
                    | "bit"
                    | "little"
                    | "slightly"
                    | "tad"
                    | "somewhat"
                    | "mildly"
                    | "kinda"
            ) {
                return Some(idiom.join(" "));
            }
            continue;
        }
        // "upset" is strong only when said to be ("I'm so upset", "really upset"): "I'm
        // upset about the delay" is a complaint's ordinary word.
        let moderate = matches!(w(i), "upset" | "distressed");
        if !moderate
            && !feelings.contains_key(w(i))
            && !superlative_base(w(i)).is_some_and(|base| feelings.contains_key(base.as_str()))
            // "stinkwütend": a feeling strengthened by a German prefix.
            && !intensified(w(i)).is_some_and(|rest| feelings.contains_key(rest))
        {
            continue;
        }
        let mut j = i;
        while j > 0 && i - j < 3 && FEELING_INTENSIFIERS.contains(&w(j - 1)) {
            j -= 1;
        }
        if moderate
            && !(j..i).any(|k| {
                matches!(
                    w(k),
                    "so" | "really"
                        | "very"
                        | "extremely"
                        | "incredibly"
                        | "unbelievably"
                        | "truly"
                        | "deeply"
                        | "seriously"
                        | "beyond"
                        | "absolutely"
                        | "utterly"
                        | "bloody"
                        | "fucking"
                        | "bleep"
                )
            })
        {
            continue;
        }
        // A feeling that grows: "I'm getting really angry", "I'm growing angrier".
        if j > 0 && matches!(w(j - 1), "getting" | "growing" | "becoming") {
            j -= 1;
        }
        // "Utterly livid, the cake was ruined": the speaker left out, the
        // feeling made strong and opening its sentence.
        if j < i && !text.contains('*') && opens_sentence(text, j) {
            return Some(words[j..=i].join(" "));
        }
        let Some(speaker) = j.checked_sub(1) else {
            continue;
        };
        let says = match w(speaker) {
            // "I'm" is two words folded: "i", "m".
            "m" | "am" => w(speaker.wrapping_sub(1)) == "i",
            "im" | "suis" | "estoy" | "sono" | "estou" | "sto" | "tou" => true,
            // "I feel cheated", "honestly feel betrayed"; not "you won't feel cheated".
            "feel" => matches!(
                w(speaker.wrapping_sub(1)),
                "" | "i"
                    | "we"
                    | "really"
                    | "honestly"
                    | "genuinely"
                    | "truly"
                    | "just"
                    | "now"
                    | "and"
                    | "also"
            ),
            // Brazilian "tô muito irritado" ("estou"), before a Portuguese adjective (in
            // -o or -a); not English "went from calm to furious".
            "to" => w(i).ends_with(['o', 'a']),
            // "I have never been so insulted", "never felt so angry", "nunca fui tão
            // humilhada", "jamais été aussi vexée": now, as never before.
            "been" | "felt" => w(speaker.wrapping_sub(1)) == "never",
            "fui" | "estado" | "sido" | "ete" | "stato" | "stata" | "sentido" | "senti" => (1..=3)
                .any(|back| matches!(w(speaker.wrapping_sub(back)), "nunca" | "jamais" | "mai")),
            "bin" => w(speaker.wrapping_sub(1)) == "ich" || w(speaker + 1) == "so",
            "me" => matches!(
                w(speaker.wrapping_sub(1)),
                "makes" | "make" | "making" | "made"
            ),
            _ => false,
        };
        if says {
            // "im" is the speaker whole; "i m", "i am", "je suis" start a word before.
            let from = if w(speaker) == "im" {
                speaker
            } else {
                speaker.saturating_sub(1)
            };
            return Some(words[from..=i].join(" "));
        }
    }
    None
}

/// Whether the word at index `k` of `text` (its runs of letters and digits, as
/// [`language::folded_words`] splits them) opens a sentence: the first word, or the first
/// after a full stop, a question or an exclamation mark.
fn opens_sentence(text: &str, k: usize) -> bool {
    let mut index = 0;
    let mut in_word = false;
    let mut after_end = true;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if !in_word {
                if index == k {
                    return after_end;
                }
                index += 1;
                after_end = false;
            }
            in_word = true;
        } else {
            in_word = false;
            if matches!(c, '.' | '!' | '?' | '…' | '\n') {
                after_end = true;
            }
        }
    }
    false
}

/// The compound score of `text` read as `language` (not English).
pub fn compound_in(text: &str, language: Language) -> f32 {
    let words: Vec<String> = language::folded_words(text).collect();
    let mut scores: Vec<f32> = Vec::with_capacity(words.len());
    for (i, word) in words.iter().enumerate() {
        let Some(base) = listed_anywhere(word)
            .then(|| valence(language, word).or_else(|| kindred_valence(language, word)))
            .flatten()
        else {
            scores.push(0.0);
            continue;
        };
        let mut v = base;
        // A booster right before, or one further back with nothing but it between.
        for (back, damp) in [(1usize, 1.0f32), (2, 0.95)] {
            if i >= back && listed(BOOSTERS, language, &words[i - back]) {
                v += if v > 0.0 { 0.293 } else { -0.293 } * damp;
            }
        }
        if (1..=3).any(|back| i >= back && listed(NEGATIONS, language, &words[i - back])) {
            v *= -0.74;
        }
        scores.push(v);
    }
    if let Some(b) = words.iter().position(|w| w == but(language)) {
        for (i, s) in scores.iter_mut().enumerate() {
            if i < b {
                *s *= 0.5;
            } else if i > b {
                *s *= 1.5;
            }
        }
    }
    let mut sum: f32 = scores.iter().sum();
    let exclamations = text.bytes().filter(|b| *b == b'!').count().min(4) as f32 * 0.292;
    if sum > 0.0 {
        sum += exclamations;
    } else if sum < 0.0 {
        sum -= exclamations;
    }
    (sum / (sum * sum + 15.0).sqrt()).clamp(-1.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text states a feeling.
    fn all_stated(texts: &[&str]) {
        for text in texts {
            assert!(stated_feeling(text).is_some(), "{text}");
        }
    }

    /// No text states a feeling.
    fn none_stated(texts: &[&str]) {
        for text in texts {
            assert_eq!(stated_feeling(text), None, "{text}");
        }
    }

    #[test]
    fn a_strong_feeling_opening_a_sentence_is_stated_by_the_speaker_left_out() {
        all_stated(&[
            "The cake collapsed. Utterly livid, it was for a wedding.",
            "Really furious right now",
        ]);
        none_stated(&[
            "the driver was absolutely furious with the traffic",
            "Furious Five is my son's favourite film",
        ]);
    }

    #[test]
    fn a_german_feeling_strengthened_by_a_prefix_keeps_its_valence() {
        assert!(compound("ich bin stinkwütend") < -0.5);
        assert!(compound("wir sind todtraurig") < -0.3);
    }

    #[test]
    fn praise_for_a_performance_said_with_a_word_of_harm_scores_positive() {
        assert!(compound("Our DJ absolutely killed it on Saturday!") > 0.3);
        assert!(compound("the choir were killing it, amazing night") > 0.3);
        // The idiom whole only; the rest of the text keeps its words.
        assert!(compound("the update killed my battery, awful") < -0.3);
    }

    #[test]
    fn strong_anger_scores_strongly_negative_in_each_language() {
        for text in [
            "Es una vergüenza, el peor servicio del mundo, estoy furiosa con ustedes",
            "Service catastrophique, je suis vraiment furieux, c'est une honte",
            "Das ist eine Zumutung, ich bin wirklich wütend, absolut schrecklicher Service",
            "Que serviço péssimo, estou revoltado, uma vergonha total",
            "Servizio pessimo, sono davvero arrabbiato, è una vergogna",
        ] {
            assert!(compound(text) <= -0.8, "{text}: {}", compound(text));
        }
    }

    #[test]
    fn a_portuguese_complaint_guessed_spanish_keeps_its_words() {
        // Few function words: the guess may be Spanish; the Portuguese words still count.
        let text = "que porcaria de atendimento, péssimo";
        assert!(compound(text) < -0.5, "{}", compound(text));
    }

    #[test]
    fn ordinary_turns_in_other_languages_stay_neutral() {
        for text in [
            "Die Lieferung kam heute, aber die Größe passt nicht",
            "Quiero cambiar la dirección de envío sin coste adicional",
            "Je voudrais changer l adresse de livraison de ma commande",
            "Gostaria de saber quando chega o meu pedido",
            "Vorrei sapere quando arriva il mio ordine",
        ] {
            assert!(compound(text).abs() < 0.5, "{text}: {}", compound(text));
        }
    }

    #[test]
    fn negation_and_praise() {
        assert!(compound("Das ist nicht gut, gar nicht gut") < 0.0);
        assert!(compound("Muchas gracias, todo perfecto, muy amable") > 0.5);
        assert!(compound("Merci beaucoup, c'est parfait") > 0.5);
    }

    #[test]
    fn a_word_is_listed_when_it_or_a_stem_may_be() {
        let plain = |word: &str| {
            let filter = &LEXICONS.filter;
            filter.may_contain(word)
                || ENDINGS
                    .iter()
                    .filter_map(|e| word.strip_suffix(e))
                    .any(|stem| filter.may_contain(stem))
                || word.len() > 7 && intensified(word).is_some_and(|rest| filter.may_contain(rest))
        };
        for text in crate::test_texts::eval_texts() {
            for word in language::folded_words(&text) {
                assert_eq!(listed_anywhere(&word), plain(&word), "{word}");
            }
        }
    }

    #[test]
    fn texts_without_a_listed_word_score_what_their_language_scores() {
        let eval = crate::test_texts::eval_texts();
        let mut skipped = 0;
        for text in eval
            .iter()
            .filter(|t| AsciiWords::of(t).is_some_and(|w| !may_score(&w)))
        {
            let scored = match language::guess(text) {
                Language::English => super::super::sentiment::compound(text),
                other => compound_in(text, other),
            };
            skipped += 1;
            assert_eq!(compound(text).to_bits(), scored.to_bits(), "{text}");
        }
        eprintln!("{skipped} of {} texts take the short way", eval.len());
        assert!(skipped > 1000, "only {skipped} texts take the short way");
    }

    #[test]
    fn texts_the_feeling_screen_turns_away_state_no_feeling() {
        let eval = crate::test_texts::eval_texts();
        let mut screened = 0;
        for text in eval.iter().filter(|t| !may_state_feeling(t)) {
            screened += 1;
            assert_eq!(stated_feeling(text), None, "{text}");
        }
        assert!(screened > eval.len() / 2, "only {screened} turned away");
    }

    #[test]
    fn a_strong_feeling_said_now_is_found() {
        all_stated(&[
            "honestly I'm fuming about this",
            "I am so frustrated with this app",
            "your emails make me sick",
            "I'm fed up with waiting",
            "je suis tellement furieuse",
            "estoy harta de llamar",
            "ich bin echt sauer",
            "sono davvero arrabbiata",
            "estou muito revoltado com isto",
            "I'm honestly fuming",
            "I am so done with this airline",
            "j'en ai marre de vos excuses",
            "sono stufa di aspettare",
            "sick to death of the hold music",
        ]);
        none_stated(&[
            "I was furious last week but it's sorted",
            "I'd be livid if that happened",
            "I'm not angry, just confused",
            "I'm sick and can't make the appointment",
            "my son is frustrated with the homework",
            "the angry birds game won't load",
        ]);
    }

    #[test]
    fn english_is_still_vader() {
        let text = "this is the worst service ever";
        assert_eq!(compound(text), super::super::sentiment::compound(text));
    }

    #[test]
    fn feeling_wronged_is_stated_and_others_feelings_are_not() {
        all_stated(&[
            "we feel totally cheated by this renewal",
            "honestly feel betrayed after ten years as a customer",
            "I'm unbelievably furious right now",
        ]);
        none_stated(&[
            "you won't feel cheated by this deal",
            "they feel betrayed by the new policy",
        ]);
    }

    #[test]
    fn exasperation_and_contempt_said_to_the_service_are_stated_feelings() {
        all_stated(&[
            "honestly you lot couldn't care less about pensioners",
            "are you actually kidding me, a fourth missed delivery",
            "I've had it up to here with this broadband",
            "the whole thing is an absolute shambles",
            "c'est bon, j'en ai ras le bol de vos retards",
            "das ist eine Unverschämtheit, wirklich",
            "you're a bunch of cowboys, the lot of you",
            "three letters and no answer, I am in absolute bits",
            "easily the most pathetic excuse for a delivery firm I've dealt with",
            "what a useless lot, four weeks for one refund",
        ]);
        // Indifference of one's own, a joke told, names called of someone else, things in
        // pieces.
        none_stated(&[
            "I couldn't care less which colour it is",
            "my son told me a joke about your adverts",
            "the film was about two crooks in Naples",
            "the vase arrived in bits",
            "I feel a bit useless with apps, can you walk me through it",
            "which is the most useful plan for a family of four",
        ]);
    }

    #[test]
    fn swearing_and_exhaustion_state_a_feeling() {
        all_stated(&[
            "the next bill scares me and I am honestly f***ing livid",
            "this renewal is a complete flaming joke",
            "three weeks of this and I'm at my wits' end",
            "I'm totally shattered after two hours on hold",
            "nobody in your claims team gives a damn",
            "ich hab die Nase echt gestrichen voll",
            "je suis à bout avec ce compteur",
            "I'm beside myself, the move is on Friday",
            "you're taking the mick with these fees",
            "being refused at the counter in front of everyone is so humiliating",
            "I'm mortified, my guests saw the bailiff letter",
            "the way you treat pensioners is absolutely disgraceful",
            "i'm about to explode, third missed delivery",
            "this is a joke of a service",
        ]);
        none_stated(&[
            "I was beside myself with worry but it's fine now",
            "he was humiliated at chess by my daughter, not your problem",
            "the delivery driver was shattered glass everywhere",
            "does anyone give a discount for pensioners?",
            "I f***ed up the form, can I start again",
        ]);
    }

    #[test]
    fn never_before_so_upset_states_a_feeling_now() {
        all_stated(&[
            "I have never been so angry with a company",
            "never felt so humiliated at a checkout",
        ]);
        none_stated(&["I've never been to your Leeds branch"]);
    }

    #[test]
    fn upset_said_to_be_strong_states_a_feeling_plain_upset_does_not() {
        all_stated(&[
            "honestly I'm so upset I can't think",
            "im really upset with you lot",
        ]);
        none_stated(&[
            "I'm upset about the delay but fine",
            "I was so upset last week",
            "I'm not that upset",
        ]);
    }

    #[test]
    fn superlatives_humiliation_and_temper_state_a_feeling() {
        all_stated(&[
            // a Romance superlative of a feeling, never so upset in the other languages
            "estoy enfadadísima con la tienda",
            "sono arrabbiatissimo, è la terza volta",
            "nunca me he sentido tan humillada en un banco",
            "jamais été aussi humiliée devant mes enfants",
            // temper lost
            "I've lost my temper with this app",
        ]);
        none_stated(&[
            "la pizza era buonissima",
            "nunca fui tão longe de casa",
            "he lost his temper last year at the match",
        ]);
    }

    #[test]
    fn done_with_the_service_and_calling_it_useless_to_its_face_state_a_feeling() {
        all_stated(&[
            "that's it, I'm done with you",
            "honestly you're all useless, nobody turned up",
            "the door is still hanging off, I could scream",
            "I'm so wound up about the mess in the hall",
            "none of your staff seem to give a damn",
        ]);
        none_stated(&[
            "I'm done with the form, what's next?",
            "are you done with the quote yet?",
            "honestly I couldn't care less which colour it is",
        ]);
    }

    #[test]
    fn regional_speakers_and_feelings_are_read() {
        all_stated(&[
            // British, Irish and Scots words for furious; Brazilian "tô" for "estou"
            "honestly i'm raging about the bill",
            "I'm beelin, the van never came",
            "tô revoltada com esse atendimento",
            "tou mesmo furiosa com isto",
            // a feeling that grows
            "honestly I'm getting angrier with every reply",
            "i'm getting really frustrated now",
        ]);
        none_stated(&[
            "the river was raging after the storm",
            "it went from calm to furious in a minute",
            "the wait drove me to furious tears",
            "I was getting angrier but it's sorted now",
            "a little fed up with the rain, but the delivery was fine",
            "bit fed up of the wait tbh",
        ]);
    }
}
