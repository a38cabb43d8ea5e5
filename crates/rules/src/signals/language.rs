//! Which of the six covered languages a turn is written in, from its function words.
//!
//! VADER's lexicon is English: read with it, the German article "die" or the Spanish "sin"
//! ("without") are strongly negative words. Sentiment is therefore scored with the lexicon of
//! the turn's language. Function words are the most frequent words of every language and
//! carry no topic, so a handful of them decides a turn of a few words; a turn with none of
//! them (a number, "ok", an emoji) is taken as English.

use std::sync::LazyLock;

/// A language Baton scores sentiment in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Language {
    English,
    Spanish,
    French,
    German,
    Portuguese,
    Italian,
}

/// Function words of each language, lowercased and without accents. Words shared by several
/// languages count for each of them; words that are also frequent English words ("a", "no",
/// "die", "in", "me") are left out, so English text never scores for another language.
const FUNCTION_WORDS: &[(Language, &[&str])] = &[
    (
        Language::English,
        &[
            "the", "and", "is", "are", "you", "my", "to", "of", "it", "that", "this", "for",
            "with", "have", "was", "be", "your", "can", "do", "please", "thanks", "what", "why",
            "how", "on", "at", "i", "im", "dont", "not", "but", "just", "will", "would", "there",
            "they", "we", "our", "from", "been", "has", "had", "get", "got", "its", "an", "or",
            "if", "so", "all", "any", "he", "she", "him", "her", "as", "us", "by", "up", "out",
            "about", "when", "who", "which", "one", "am", "were", "did", "does", "don", "t", "s",
            "m", "d", "ll", "ve", "re",
        ],
    ),
    (
        Language::Spanish,
        &[
            "el", "los", "las", "que", "y", "es", "una", "por", "con", "para", "mi", "se", "lo",
            "del", "al", "muy", "pero", "esta", "estoy", "tengo", "quiero", "hola", "gracias",
            "porque", "cuando", "como", "sin", "ya", "hay", "su", "le", "mis", "pedido", "puede",
            "pueden", "han", "nos", "eso", "este", "otra", "vez", "nada", "todo", "ahora", "aun",
            "todavia", "tambien", "usted",
        ],
    ),
    (
        Language::French,
        &[
            "le", "les", "des", "et", "est", "une", "je", "pas", "ne", "qui", "pour", "avec",
            "mon", "ma", "mes", "vous", "nous", "il", "elle", "ce", "cette", "sur", "dans", "au",
            "aux", "du", "merci", "bonjour", "suis", "qu", "toujours", "encore", "rien", "tres",
            "mais", "ou", "avez", "etait", "votre",
        ],
    ),
    (
        Language::German,
        &[
            "der", "das", "und", "ist", "ich", "nicht", "ein", "eine", "einen", "mit", "auf",
            "fur", "sie", "es", "zu", "den", "dem", "mein", "meine", "meinen", "bitte", "danke",
            "aber", "wie", "noch", "kann", "habe", "wir", "ihr", "ihre", "sind", "hallo", "schon",
            "immer", "auch", "nur", "wird", "wurde", "kein", "keine", "seit", "sich", "ganz",
            "mir", "mich", "uns", "von", "bei", "nach", "uber",
        ],
    ),
    (
        Language::Portuguese,
        &[
            "os", "as", "que", "e", "em", "um", "uma", "nao", "com", "para", "por", "meu", "minha",
            "eu", "voce", "voces", "esta", "estou", "obrigado", "obrigada", "ola", "mas", "se",
            "do", "da", "dos", "das", "na", "nos", "ja", "ainda", "muito", "isso", "foi", "tem",
            "sao", "ao", "pelo", "pela", "nada", "tudo", "agora",
        ],
    ),
    (
        Language::Italian,
        &[
            "il", "lo", "gli", "che", "di", "e", "un", "una", "non", "con", "mi", "ho", "sono",
            "mio", "mia", "grazie", "ciao", "del", "della", "nel", "nella", "ma", "anche",
            "questo", "questa", "ancora", "sempre", "niente", "tutto", "ora", "adesso", "perche",
            "gia", "hanno", "vostro", "vostra", "molto",
        ],
    ),
];

/// For every function word, the languages it belongs to (bit `i` for `FUNCTION_WORDS[i]`).
static LANGUAGES_OF: LazyLock<super::FastMap<&'static str, u8>> = LazyLock::new(|| {
    let mut map: super::FastMap<&'static str, u8> = super::FastMap::default();
    for (i, (_, words)) in FUNCTION_WORDS.iter().enumerate() {
        for w in *words {
            *map.entry(w).or_default() |= 1 << i;
        }
    }
    map
});

/// Every function word is ASCII and at most eight bytes long, so each fits in a `u64`
/// (its bytes, little-endian, zero-padded): looking a word up is packing it and probing a
/// small open-addressed table, with no hashing of strings.
const MAX_FUNCTION_WORD: usize = 8;

/// Open-addressed table of packed function words and their language bits; 0 marks a free
/// slot (no word packs to 0).
struct FunctionWordTable {
    keys: [u64; FunctionWordTable::SLOTS],
    bits: [u8; FunctionWordTable::SLOTS],
}

impl FunctionWordTable {
    /// Four times the number of function words at least: probes are short.
    const SLOTS: usize = 2048;

    fn slot(key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - Self::SLOTS.trailing_zeros())) as usize
    }

    fn new() -> FunctionWordTable {
        let mut table = FunctionWordTable {
            keys: [0; Self::SLOTS],
            bits: [0; Self::SLOTS],
        };
        for (word, bits) in LANGUAGES_OF.iter() {
            let key = pack(word.as_bytes()).expect("function words are short ASCII");
            let mut i = Self::slot(key);
            while table.keys[i] != 0 {
                i = (i + 1) % Self::SLOTS;
            }
            table.keys[i] = key;
            table.bits[i] = *bits;
        }
        table
    }

    #[inline]
    fn get(&self, key: u64) -> u8 {
        let mut i = Self::slot(key);
        loop {
            match self.keys[i] {
                0 => return 0,
                k if k == key => return self.bits[i],
                _ => i = (i + 1) % Self::SLOTS,
            }
        }
    }
}

/// The key of an ASCII word of one to eight bytes.
fn pack(word: &[u8]) -> Option<u64> {
    if word.is_empty() || word.len() > MAX_FUNCTION_WORD || !word.is_ascii() {
        return None;
    }
    let mut b = [0u8; 8];
    b[..word.len()].copy_from_slice(word);
    Some(u64::from_le_bytes(b))
}

static FUNCTION_WORD_TABLE: LazyLock<FunctionWordTable> = LazyLock::new(FunctionWordTable::new);

/// Lowercases and drops the accents of one character, as the lexicons are written.
pub(crate) fn fold(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'Á' | 'À' | 'Â' | 'Ä' | 'Ã' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'Í' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'Ó' | 'Ö' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ü' => 'u',
        'ñ' | 'Ñ' => 'n',
        'ç' | 'Ç' => 'c',
        'ß' => 's',
        _ => c.to_lowercase().next().unwrap_or(c),
    }
}

/// The folded words of `text` (letters and digits; everything else separates words).
pub(crate) fn folded_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().map(fold).collect())
}

/// The language of `text`: the one with the most function words in it, when that is more
/// than English has; English otherwise.
pub fn guess(text: &str) -> Language {
    let table = &*FUNCTION_WORD_TABLE;
    let mut counts = [0u32; FUNCTION_WORDS.len()];
    let mut count = |bits: u8| {
        for (i, count) in counts.iter_mut().enumerate() {
            *count += u32::from(bits >> i & 1);
        }
    };
    if text.is_ascii() {
        // Words are runs of ASCII letters and digits; each is packed lowercase as it is
        // read, and words longer than a function word are skipped unpacked.
        let mut key = 0u64;
        let mut len = 0usize;
        for &c in text.as_bytes().iter().chain([&b' ']) {
            if c.is_ascii_alphanumeric() {
                if len < MAX_FUNCTION_WORD {
                    key |= u64::from(c.to_ascii_lowercase()) << (8 * len);
                }
                len += 1;
            } else {
                if (1..=MAX_FUNCTION_WORD).contains(&len) {
                    count(table.get(key));
                }
                key = 0;
                len = 0;
            }
        }
    } else {
        // Folding may shorten a word ("ß" is two bytes, "s" one): words of up to 16 bytes
        // are folded, into a small buffer without allocating.
        let mut buf = String::with_capacity(16);
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            if word.is_empty() || word.len() > 16 {
                continue;
            }
            buf.clear();
            buf.extend(word.chars().map(fold));
            if let Some(key) = pack(buf.as_bytes()) {
                count(table.get(key));
            }
        }
    }
    let mut best = (Language::English, counts[0]);
    for (i, (language, _)) in FUNCTION_WORDS.iter().enumerate().skip(1) {
        if counts[i] > best.1 {
            best = (*language, counts[i]);
        }
    }
    best.0
}

#[cfg(test)]
mod speed_tests {
    use super::*;

    /// `guess` without the ASCII path and the filter.
    fn plain_guess(text: &str) -> Language {
        let mut counts = [0u32; FUNCTION_WORDS.len()];
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            if word.is_empty() || word.len() > 16 {
                continue;
            }
            let folded: String = word.chars().map(fold).collect();
            if let Some(bits) = LANGUAGES_OF.get(folded.as_str()) {
                for (i, count) in counts.iter_mut().enumerate() {
                    *count += u32::from(bits >> i & 1);
                }
            }
        }
        let mut best = (Language::English, counts[0]);
        for (i, (language, _)) in FUNCTION_WORDS.iter().enumerate().skip(1) {
            if counts[i] > best.1 {
                best = (*language, counts[i]);
            }
        }
        best.0
    }

    #[test]
    fn the_fast_paths_guess_like_the_plain_loop() {
        for (_, words) in FUNCTION_WORDS {
            for w in *words {
                let key = pack(w.as_bytes()).expect("short ASCII");
                assert_eq!(FUNCTION_WORD_TABLE.get(key), LANGUAGES_OF[w], "{w}");
            }
        }
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/eval");
        let mut texts: Vec<String> = Vec::new();
        for file in [
            "intents.tsv",
            "blind/intents.tsv",
            "conversations.txt",
            "ordinary.txt",
        ] {
            if let Ok(body) = std::fs::read_to_string(format!("{dir}/{file}")) {
                texts.extend(
                    body.lines()
                        .map(|l| l.rsplit('\t').next().unwrap_or("").to_owned()),
                );
            }
        }
        assert!(texts.len() > 100, "the evaluation files were read");
        texts.extend(["ÜBER DIE STRASSE", "Où ÉTAIT-IL", "ok", ""].map(String::from));
        for t in &texts {
            assert_eq!(guess(t), plain_guess(t), "{t}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_is_recognised() {
        for (text, language) in [
            (
                "my parcel never arrived and nobody answers",
                Language::English,
            ),
            (
                "Mi paquete no ha llegado y nadie me contesta",
                Language::Spanish,
            ),
            (
                "Mon colis n'est jamais arrivé et personne ne répond",
                Language::French,
            ),
            (
                "Mein Paket ist nie angekommen und niemand antwortet",
                Language::German,
            ),
            (
                "O meu pacote não chegou e ninguém responde",
                Language::Portuguese,
            ),
            (
                "Il mio pacco non è mai arrivato e nessuno risponde",
                Language::Italian,
            ),
            ("Die Rechnung ist falsch", Language::German),
            ("ok", Language::English),
            ("12345", Language::English),
            ("I want to die, this is so bad", Language::English),
            ("as soon as possible please", Language::English),
            ("AI useless", Language::English),
            ("come back tomorrow", Language::English),
        ] {
            assert_eq!(guess(text), language, "{text}");
        }
    }
}
