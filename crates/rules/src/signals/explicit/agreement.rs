//! Agreement in more words than a yes: how a reply to the AI's offer of a person takes it
//! up ("please do, I can wait", "go for it", "that would be lovely", "I'd like that", "yes.
//! as soon as you can", "a call back after lunch works").
//!
//! Read only after an offer, so a reply that agrees with nothing turned down or put off is
//! taking the offer. Anything that declines ("no", "not"), sets a condition against it
//! ("but", "or"), or puts it off ("first", "instead", "later") leaves it untaken.

use super::*;

/// Whether `toks`, a reply to an offer of a person, agrees to it in words other than a
/// bare yes.
pub(super) fn agrees_at_length(toks: &[Tok<'_>]) -> bool {
    // "yes if they can do it today, otherwise don't bother": what follows "otherwise" is
    // the fallback, not a no to the offer.
    let toks = &toks[..toks
        .iter()
        .position(|t| t.word == "otherwise")
        .unwrap_or(toks.len())];
    if toks.is_empty() || toks.len() > 16 {
        return false;
    }
    if let [t] = toks
        && matches!(t.word, "y" | "ya" | "yea" | "yeh" | "yah" | "aye" | "ye")
    {
        return true;
    }
    // "ok as long as it's not before 10": a negation inside the condition sets the
    // condition, and takes nothing back.
    // "yes, but not before ten": the same, after "but".
    if yes_then_condition(toks) || yes_but_soon(toks) {
        return true;
    }
    if toks.iter().any(|t| t.is(Neg)) {
        return false;
    }
    // "yes, I'd rather talk to them": the person chosen in a verb of talking.
    if talks_to_them(toks) {
        return true;
    }
    // A call back asked for is a person's call whatever else is said of it ("call me back
    // instead"), unless set against something else.
    if names_the_call(toks) {
        return !toks.iter().any(|t| t.is(Boundary) && contrasts(t.word)) && !turns_down(toks);
    }
    if asks_about_them_after_yes(toks)
        || yes_on_condition(toks)
        || yes_then_condition(toks)
        || yes_but_soon(toks)
    {
        return true;
    }
    if toks.iter().any(|t| against(t.word)) {
        return false;
    }
    // After leading agreement ("ok", "oh yes", "absolutely,"), an agreeing phrase, or a
    // yes followed by what the customer adds about when and how.
    let lead = toks.iter().take_while(|t| leads(t)).count();
    if let Some(end) = agreeing_phrase(&toks[lead..]).map(|n| lead + n) {
        // The rest of the phrase's clause is thanks or emphasis; later clauses may say
        // anything that does not turn the offer down.
        let clause = toks[end - 1].clause;
        // "sim, pode ser por email?": how, after the phrase.
        return (end..toks.len())
            .take_while(|&i| toks[i].clause == clause)
            .all(|i| {
                agrees(&toks[i])
                    || emphasis(toks[i].word)
                    || thanks_said_strongly(toks, i)
                    || toks[..lead].iter().any(plain_yes) && adds_when_or_how(toks[i].word)
            });
    }
    let said_yes = toks[..lead].iter().any(plain_yes);
    said_yes
        && (lead..toks.len()).all(|i| {
            agrees(&toks[i]) || adds_when_or_how(toks[i].word) || thanks_said_strongly(toks, i)
        })
}

/// "grazie mille", "merci beaucoup", "danke vielmals", "muchas gracias": the word that
/// makes thanks stronger, next to the thanks.
fn thanks_said_strongly(toks: &[Tok<'_>], i: usize) -> bool {
    let thanks = |k: usize| {
        toks.get(k).is_some_and(|t| {
            matches!(
                t.word,
                "thanks"
                    | "thank"
                    | "grazie"
                    | "merci"
                    | "danke"
                    | "gracias"
                    | "obrigado"
                    | "obrigada"
            )
        })
    };
    matches!(
        toks[i].word,
        "mille"
            | "beaucoup"
            | "vielmals"
            | "vielen"
            | "sehr"
            | "mil"
            | "muito"
            | "muchas"
            | "muchisimas"
            | "tante"
            | "very"
            | "much"
            | "so"
            | "lot"
            | "a"
            | "you"
    ) && ((i.saturating_sub(3)..i).any(thanks) || thanks(i + 1))
}

/// "ja gerne, aber bitte zügig", "yes, but quickly please", "sí, pero rápido": a yes, then
/// a "but" that only asks for speed. Nothing is set against the offer.
fn yes_but_soon(toks: &[Tok<'_>]) -> bool {
    let lead = toks.iter().take_while(|t| leads(t) || agrees(t)).count();
    let soon = |w: &str| {
        matches!(
            w,
            "quick"
                | "quickly"
                | "fast"
                | "soon"
                | "asap"
                | "now"
                | "today"
                | "zugig"
                | "zuegig"
                | "schnell"
                | "bald"
                | "sofort"
                | "gleich"
                | "heute"
                | "rapido"
                | "rapida"
                | "pronto"
                | "hoy"
                | "ya"
                | "vite"
                | "rapidement"
                | "aujourdhui"
                | "presto"
                | "subito"
                | "oggi"
                | "logo"
                | "hoje"
                | "depressa"
        )
    };
    let rest = toks.get(lead + 1..).unwrap_or_default();
    // "yes, but how long will it take?", "sì, ma quanto devo aspettare?": the wait asked
    // about, the offer taken.
    let how_long = |i: usize| {
        let w = |k: usize| rest.get(k).map_or("", |t| t.word);
        matches!(
            (w(i), w(i + 1)),
            ("how", "long" | "soon")
                | ("wie", "lange" | "schnell" | "bald")
                | ("quanto" | "cuanto" | "combien", _)
                | ("cuando" | "quando" | "wann" | "when", _)
        )
    };
    // "sí vale, pero después de las 6", "yes, but not before ten": when, set as the yes's
    // condition.
    // "oui, mais plutôt après 18h", "ja, aber lieber nach fünf": the time preferred.
    let from = usize::from(rest.first().is_some_and(|t| {
        matches!(
            t.word,
            "not" | "only" | "rather" | "preferably" | "plutot" | "lieber" | "mejor" | "meglio"
        )
    }));
    let timed = rest.len() <= 6
        && rest.get(from).is_some_and(|t| {
            matches!(
                t.word,
                "after"
                    | "before"
                    | "despues"
                    | "antes"
                    | "apres"
                    | "avant"
                    | "nach"
                    | "vor"
                    | "ab"
                    | "dopo"
                    | "prima"
                    | "depois"
                    // "sì, però entro un'ora", "yes, but within the hour".
                    | "entro"
                    | "within"
                    | "innerhalb"
                    | "dentro"
            )
        })
        && !rest[from + 1..].iter().any(|t| t.is(Neg));
    toks[..lead].iter().any(|t| plain_yes(t) || sure(t.word))
        && toks
            .get(lead)
            .is_some_and(|t| matches!(t.word, "but" | "aber" | "pero" | "mais" | "ma" | "mas"))
        && (how_long(0) && !rest.iter().any(|t| t.is(Neg))
            || timed
            || rest.iter().any(|t| soon(t.word))
                && rest.iter().all(|t| {
                    soon(t.word)
                        || agrees(t)
                        || matches!(
                            t.word,
                            "very" | "really" | "sehr" | "muy" | "tres" | "molto" | "muito"
                                // "noch heute", "hoy mismo", "oggi stesso": today itself.
                                | "noch" | "mismo" | "stesso" | "meme" | "mesmo"
                        )
                }))
}

/// "I'll pass on the callback", "skip the adviser", "forget the call": what is offered,
/// turned down without a "no".
pub(super) fn turns_down(toks: &[Tok<'_>]) -> bool {
    toks.iter().enumerate().any(|(i, t)| {
        matches!(t.word, "skip" | "decline" | "without" | "forget")
            || t.word == "pass" && toks.get(i + 1).is_some_and(|n| n.word == "on")
    })
}

/// A yes said plainly: a yes-word that begins no phrase read whole below, and not thanks
/// alone ("No, that's fine. Thanks!").
pub(super) fn plain_yes(t: &Tok<'_>) -> bool {
    t.is(Yes) && !part_of_phrase(t.word) && !matches!(t.word, "thanks" | "thank")
}

/// A word that agrees by itself: yes, please, thanks, and the words between them.
pub(super) fn agrees(t: &Tok<'_>) -> bool {
    (t.is(Yes) || t.is(Polite) || t.is(Skip)) && !t.is(Neg)
}

/// A word that may come before the agreeing phrase: agreement, or an opening sound.
fn leads(t: &Tok<'_>) -> bool {
    ((t.is(Yes) || t.is(Polite)) && !t.is(Neg) && !part_of_phrase(t.word))
        || matches!(
            t.word,
            "oh" | "well"
                | "actually"
                | "totally"
                | "hell"
                | "god"
                | "100"
                | "yess"
                | "yas"
                | "ya"
                | "yea"
                | "yeh"
                | "yah"
        )
}

/// Yes-words and polite words that begin a phrase read whole below ("do it", "that would
/// be", "go on", "I would like that").
fn part_of_phrase(word: &str) -> bool {
    matches!(
        word,
        "do" | "go" | "that" | "would" | "be" | "you" | "ahead" | "i"
    )
}

/// Words that set a condition against the offer: "but", "or", "except".
fn contrasts(word: &str) -> bool {
    matches!(
        word,
        "but"
            | "or"
            | "except"
            | "unless"
            | "however"
            | "pero"
            | "mais"
            | "aber"
            | "ma"
            | "mas"
            | "o"
            | "ou"
            | "oder"
    )
}

/// Words that turn the offer down or put it off, or set a condition against it.
fn against(word: &str) -> bool {
    contrasts(word)
        || matches!(
            word,
            "first"
                | "instead"
                | "later"
                | "maybe"
                | "perhaps"
                | "rather"
                | "myself"
                | "yourself"
                | "forget"
                | "nevermind"
                | "primero"
                | "luego"
                | "despues"
                | "plutot"
                | "dabord"
                | "zuerst"
                | "spater"
                | "lieber"
                | "prima"
                | "dopo"
                | "invece"
                | "depois"
                | "antes"
        )
}

/// Emphasis or thanks that may end an agreeing phrase's clause ("that would be super,
/// thanks a lot", "do it now").
fn emphasis(word: &str) -> bool {
    matches!(
        word,
        "then"
            | "very"
            | "much"
            | "lot"
            | "really"
            | "so"
            | "too"
            | "now"
            | "than"
            | "this"
            // "machen Sie das", "hágalo así".
            | "das"
            | "es"
            | "asi"
    )
}

/// What a customer adds after a yes about when and how to be helped: soon, today, waiting,
/// the number to call, or having had enough ("yes. today if you can", "yes, I'll hold").
fn adds_when_or_how(word: &str) -> bool {
    // "5", "5pm", "half 2", "18h": a time.
    word.trim_end_matches(['a', 'p', 'm', 'h'])
        .bytes()
        .all(|b| b.is_ascii_digit())
        || NUMBER_WORDS.contains(&word)
        || matches!(
            word,
            "finally"
                | "last"
                | "quickly"
                | "quick"
                | "soon"
                | "sooner"
                | "better"
                | "asap"
                | "now"
                | "today"
                | "tonight"
                | "tomorrow"
                | "morning"
                | "afternoon"
                | "evening"
                | "possible"
                | "after"
                | "before"
                | "until"
                | "if"
                | "as"
                | "can"
                | "could"
                | "you"
                | "i"
                | "ill"
                | "im"
                | "ive"
                | "happy"
                // "sure, I'm free from four": when the customer can take the call.
                | "free"
                | "available"
                | "around"
                | "home"
                | "anytime"
                | "whenever"
                | "all"
                | "day"
                | "wait"
                | "waiting"
                | "hold"
                | "will"
                | "had"
                | "been"
                | "enough"
                | "this"
                | "ages"
                | "hour"
                | "hours"
                | "long"
                | "number"
                | "is"
                | "my"
                | "mobile"
                | "reach"
                | "best"
                | "they"
                | "call"
                | "ring"
                | "phone"
                // "yes, as long as it's after three", "sure, provided they ring".
                | "it"
                | "its"
                | "s"
                | "provided"
                | "providing"
                // "ja gerne, am besten per Mail", "yes, ideally by email": how.
                | "ideally"
                | "preferably"
                // "oui, plutôt après 18h", "ja, lieber morgen": the time preferred.
                | "rather"
                | "plutot"
                | "lieber"
                | "meglio"
                | "mejor"
                | "besten"
                | "per"
                | "by"
                | "mail"
                | "email"
                | "text"
                // When and how in the other languages: "oui, en fin d'aprem si possible",
                // "sì, subito se si può", "sim, pode ser por email?", "ja, heute Abend".
                | "en"
                | "d"
                | "fin"
                | "aprem"
                | "apres"
                | "midi"
                | "matin"
                | "soir"
                | "ce"
                | "demain"
                | "si"
                | "subito"
                | "se"
                | "puo"
                | "oggi"
                | "domani"
                | "stasera"
                | "pode"
                | "ser"
                | "por"
                | "hoje"
                | "amanha"
                | "hoy"
                | "manana"
                | "tarde"
                | "correo"
                | "heute"
                | "morgen"
                | "abend"
                | "nachmittag"
                | "bald"
                | "am"
        )
}

/// Numbers said as words, for a time ("before five", "after half two").
const NUMBER_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "half",
    "quarter",
    "noon",
    "midday",
    "lunch",
    "lunchtime",
    "oclock",
    "pm",
    "am",
];

/// "Yes - will it be the same falconer?", "absolutely, and could they bring up my file
/// first?": a yes, then a question about the person or their call. The offer is taken; what
/// the question asks of them ("first") puts nothing off.
fn asks_about_them_after_yes(toks: &[Tok<'_>]) -> bool {
    let lead = toks.iter().take_while(|t| leads(t)).count();
    let said_yes = toks[..lead].iter().any(|t| plain_yes(t) || sure(t.word));
    // "sure, but will she be able to see my payment history?": the question after "but"
    // asks what the person can do, and takes the offer.
    let mut at = lead
        + usize::from(
            toks.get(lead)
                .is_some_and(|t| matches!(t.word, "and" | "but")),
        );
    // "when will they call?", "who will it be?"
    at += usize::from(
        toks.get(at)
            .is_some_and(|t| matches!(t.word, "when" | "who")),
    );
    let w = |i: usize| toks.get(i).map_or("", |t| t.word);
    // "oui volontiers, il peut m'appeler ce soir ?", "ja, kann er mich heute anrufen?": the
    // other languages put the pronoun first, or the verb first with it after.
    let modal_other = |w: &str| {
        matches!(
            w,
            "peut"
                | "pourrait"
                | "peuvent"
                | "kann"
                | "konnte"
                | "puede"
                | "podria"
                | "pode"
                | "poderia"
                | "puo"
                | "potrebbe"
        )
    };
    let pronoun_other = |w: &str| {
        matches!(
            w,
            "il" | "elle" | "on" | "er" | "sie" | "el" | "ella" | "ele" | "ela" | "lui" | "lei"
        )
    };
    said_yes
        && (matches!(w(at), "will" | "would" | "could" | "can" | "is" | "does")
            && matches!(
                w(at + 1),
                "it" | "they" | "he" | "she" | "that" | "someone" | "somebody"
            )
            || pronoun_other(w(at)) && modal_other(w(at + 1))
            || modal_other(w(at)) && pronoun_other(w(at + 1)))
        && !toks[at..].iter().any(|t| contrasts(t.word) || t.is(Neg))
}

/// "Yes, as long as it's before 5, I'm at work after that", "yeah if they can do it
/// today": a yes, then the condition it is given on. Whatever the condition says, the offer
/// is taken, unless something in the reply says no or sets another choice against it.
fn yes_then_condition(toks: &[Tok<'_>]) -> bool {
    let mut lead = toks.iter().take_while(|t| leads(t)).count();
    // "oui, si c'est rapide": after another yes, "si" is the condition, not Spanish "sí".
    if lead >= 2 && toks[lead - 1].word == "si" {
        lead -= 1;
    }
    let w = |i: usize| toks.get(i).map_or("", |t| t.word);
    let condition = match w(lead) {
        // "oui, s'il peut m'appeler ce soir", "ja, wenn…", "sí, si…", "sì, se…".
        "if" | "provided" | "providing" | "assuming" | "sil" | "si" | "wenn" | "falls"
        | "sofern" | "se" => true,
        "as" | "so" => w(lead + 1) == "long" && w(lead + 2) == "as",
        "only" => w(lead + 1) == "if",
        // "sempre che", "siempre que", "desde que", "tant que", "solange".
        "sempre" | "siempre" | "desde" | "tant" => matches!(w(lead + 1), "che" | "que" | "qu"),
        "solange" => true,
        _ => false,
    };
    condition
        && toks[..lead].iter().any(|t| plain_yes(t) || sure(t.word))
        && !toks[..lead].iter().any(|t| t.is(Neg))
        && !toks.iter().any(|t| contrasts(t.word))
        && !turns_down(toks)
}

/// "ok if that's quicker than doing it here then yes": a condition, then the yes last.
fn yes_on_condition(toks: &[Tok<'_>]) -> bool {
    let n = toks.len();
    if n >= 4
        && plain_yes(&toks[n - 1])
        && toks[n - 2].word == "then"
        && toks[..n - 2].iter().any(|t| t.word == "if")
        && !toks.iter().any(|t| t.is(Neg) || contrasts(t.word))
    {
        return true;
    }
    // "If they can do it today, yes.", "as long as it's this week, sure", "si c'est
    // aujourd'hui, oui": the condition first, then the yes as a clause of its own.
    let Some(last) = toks.last() else {
        return false;
    };
    let answer = toks
        .iter()
        .rev()
        .take_while(|t| t.clause == last.clause)
        .count();
    let (condition, answer) = toks.split_at(n - answer);
    let word = |i: usize| condition.get(i).map_or("", |t| t.word);
    let opens_condition = matches!(
        word(0),
        "if" | "provided"
            | "providing"
            | "assuming"
            | "si"
            | "se"
            | "wenn"
            | "falls"
            | "sofern"
            | "purche"
    ) || matches!(
        (word(0), word(1)),
        ("as" | "so", "long") | ("only", "if") | ("siempre" | "desde" | "pourvu" | "basta", "que")
    );
    opens_condition
        && condition.len() <= 12
        && answer.len() <= 3
        && answer.iter().all(agrees)
        && answer.iter().any(|t| plain_yes(t) || sure(t.word))
        && !toks.iter().any(|t| contrasts(t.word))
}

/// Agreement words that are no plain yes but say one at the start of a reply.
fn sure(word: &str) -> bool {
    matches!(
        word,
        "absolutely" | "definitely" | "certainly" | "sure" | "course"
    )
}

/// Approving words said of an offer: "that would be super", "sounds good", "yes please,
/// that would be easier", "parfait".
pub(super) fn approving(word: &str) -> bool {
    matches!(
        word,
        "great"
            | "good"
            | "lovely"
            | "perfect"
            | "brilliant"
            | "helpful"
            | "fine"
            | "ideal"
            | "wonderful"
            | "amazing"
            | "fab"
            | "excellent"
            | "better"
            | "best"
            | "easier"
            | "ok"
            | "okay"
            | "super"
            | "cool"
            | "grand"
            | "fantastic"
            | "awesome"
            | "appreciated"
            | "useful"
            | "handy"
            | "quicker"
            | "simpler"
            | "nice"
            | "sensible"
            | "welcome"
            // "that would be a relief".
            | "relief"
            | "reassuring"
            // The other languages (accents folded).
            | "genial"
            | "parfait"
            | "perfekt"
            | "otimo"
            | "perfetto"
            | "perfecto"
    )
}

/// How many words an agreeing phrase at the start of `toks` takes, if it is one: "(please)
/// do (it)", "go for it", "go on", "let's do it", "that would be super", "sounds good",
/// "that works", "I'd like that", "I'll take it", "of course", "by all means", and their
/// kin in the other languages.
fn agreeing_phrase(toks: &[Tok<'_>]) -> Option<usize> {
    let w = |i: usize| toks.get(i).map_or("", |t| t.word);
    let object = |i: usize| matches!(w(i), "it" | "that" | "this" | "so");
    // A handing over named as what to do ("let's do the transfer", "I'll take the call").
    let handover = |i: usize| {
        matches!(
            w(i),
            "transfer" | "call" | "callback" | "handover" | "chat" | "offer" | "one"
        )
    };
    let end_of_clause = |i: usize| toks.get(i).is_none_or(|t| t.clause != toks[i - 1].clause);
    // An approving word, maybe after "really" or "much": "that'd be really helpful".
    let approves_at = |i: usize| {
        if approving(w(i)) {
            Some(i + 1)
        } else if matches!(w(i), "really" | "much" | "very" | "so" | "most") && approving(w(i + 1))
        {
            Some(i + 2)
        } else {
            None
        }
    };
    match (w(0), w(1)) {
        ("do", _) if object(1) => Some(2),
        ("do", _) if end_of_clause(1) => Some(1),
        ("go", "for") if object(2) => Some(3),
        ("go", "on" | "ahead") => Some(2),
        ("lets", "do" | "go") if object(2) || end_of_clause(2) => Some(2 + usize::from(object(2))),
        ("lets", "do") if w(2) == "the" && handover(3) => Some(4),
        // "that would be super", "that'd be lovely", "that'll be fine", "that's perfect",
        // "it would be helpful".
        ("that" | "it" | "this", "would" | "could" | "will") if w(2) == "be" => approves_at(3),
        ("thatd" | "thatll" | "itd" | "that", "be") => approves_at(2),
        ("thats" | "sounds" | "sound", _) => approves_at(1),
        ("that" | "this", "sounds") => approves_at(2),
        ("that" | "this", "works" | "suits") => Some(2),
        ("works" | "suits", "for") if w(2) == "me" => Some(3),
        // "I'd like that", "I would love that", "I'd appreciate it".
        ("id", "like" | "love" | "appreciate" | "welcome") if object(2) => Some(3),
        ("i", "would") if matches!(w(2), "like" | "love" | "appreciate") && object(3) => Some(4),
        ("id", "like" | "love") if w(2) == "that" && handover(3) => Some(4),
        // "I'll take it", "I'll take you up on that", "I'll take the call".
        ("ill", "take") if object(2) => Some(3),
        ("ill", "take") if w(2) == "the" && handover(3) => Some(4),
        // "I'll take you up on that kind offer of a real one": the whole clause.
        ("ill", "take") if w(2) == "you" && w(3) == "up" && w(4) == "on" => Some(
            toks.iter()
                .take_while(|t| t.clause == toks[0].clause)
                .count(),
        ),
        ("of", "course") | ("with", "pleasure") => Some(2),
        ("by", "all") if w(2) == "means" => Some(3),
        ("definitely" | "certainly" | "gladly" | "absolutely" | "please", _) => Some(1),
        // Spanish, French, German, Italian, Portuguese: "hazlo", "adelante", "allez-y",
        // "je veux bien", "avec plaisir", "machen Sie das", "klingt gut", "proceda", "faccia
        // pure", "pode passar", "pode ser".
        ("hazlo" | "adelante" | "dale" | "hagalo" | "proceda" | "procedi" | "avanti", _) => Some(1),
        ("de", "acuerdo") | ("me", "parece") | ("allez" | "vas", "y") | ("avec", "plaisir") => {
            Some(2)
        }
        ("je", "veux") if w(2) == "bien" => Some(3),
        ("ca", "marche" | "me") => Some(2),
        ("machen", "sie") | ("klingt", "gut") | ("gerne", "doch") | ("einverstanden", _) => {
            Some(1 + usize::from(w(0) != "einverstanden"))
        }
        ("faccia" | "vada", "pure") | ("d", "accordo") | ("daccordo", _) => {
            Some(1 + usize::from(w(0) != "daccordo"))
        }
        ("pode", "passar" | "ser" | "transferir" | "fazer") => Some(2),
        ("combinado" | "beleza", _) => Some(1),
        _ => None,
    }
}

/// A call back named and approved in a reply to an offer: "a call back after lunch works",
/// "the call option", "callback is fine".
fn names_the_call(toks: &[Tok<'_>]) -> bool {
    let call = (0..toks.len()).find(|&k| {
        let w = toks[k].word;
        matches!(w, "callback" | "callbacks" | "rappel" | "ruckruf" | "rueckruf")
            // "call me back", "ring us back".
            || matches!(w, "call" | "ring")
                && toks[k + 1..].iter().take(2).any(|n| n.word == "back")
            || w == "call"
                && (toks.get(k + 1).is_some_and(|n| n.word == "back")
                    || k > 0 && matches!(toks[k - 1].word, "phone" | "a" | "the"))
    });
    call.is_some()
        && toks.iter().any(|t| {
            approving(t.word)
                // Not an article ("will they charge for the call?" asks).
                || t.is(Polite) && !t.is(Skip)
                || t.is(Yes)
                || matches!(
                    t.word,
                    "works" | "work" | "suits" | "option" | "one" | "please"
                )
        })
}

/// "sure, I'd like to speak with them", "yes, I'd rather talk to them": the offered
/// person taken up with a verb of talking and a pronoun for them.
fn talks_to_them(toks: &[Tok<'_>]) -> bool {
    !toks.iter().any(|t| t.word != "rather" && against(t.word))
        && (0..toks.len()).any(|k| {
            // The first person present of talking, in the other languages ("hablo").
            (toks[k].is(Talk) || matches!(toks[k].word, "hablo" | "parlo" | "falo" | "spreche"))
                && toks[k + 1..].iter().take(2).any(|t| {
                    matches!(
                        t.word,
                        "them" | "him" | "her" | "someone" | "somebody"
                                // "mejor hablo con ella", "je préfère lui parler", "parlo
                                // con lei", "falo com ela", "mit ihr sprechen".
                                | "ella" | "ellas" | "ellos" | "elle" | "eux" | "lei" | "loro"
                                | "ela" | "ele" | "eles" | "ihr" | "ihm"
                    )
                })
        })
}

#[cfg(test)]
mod tests {
    use super::super::{accepts_offer, detect_in_reply};

    #[test]
    fn agreement_in_more_words_than_a_yes_takes_the_offer() {
        for reply in [
            "go for it, cheers",
            "ok, do that",
            "that would be really useful",
            "sounds perfect",
            "that works for me",
            "I'd love that",
            "I would appreciate that",
            "I'll take you up on it",
            "of course, put them on",
            "by all means",
            "yes!!! at last",
            "yes. as soon as possible",
            "yes, I can hold",
            "a call back this evening works",
            "Y",
            "vale, adelante",
            "allez-y",
            "ja, machen Sie das",
            "va bene, proceda",
            "pode ser",
        ] {
            assert!(accepts_offer(reply), "{reply}");
        }
    }

    #[test]
    fn a_reply_that_puts_the_offer_off_or_sets_it_against_something_does_not_take_it() {
        for reply in [
            "thanks, but I'll try the link first",
            "sounds good but not today",
            "maybe later",
            "do it yourself",
            "go for the refund instead",
            "I'd like that fixed by you please",
            "that would be super if it worked",
            "No, that's fine. Cheers!",
            "Thanks!",
        ] {
            assert!(!accepts_offer(reply), "{reply}");
        }
    }

    #[test]
    fn a_yes_takes_only_an_offer_of_a_person() {
        let offer = "Shall I get one of the team to phone you back?";
        assert!(detect_in_reply(offer, "yes please").is_some());
        assert!(detect_in_reply(offer, "no thanks, the email is enough").is_none());
        assert!(detect_in_reply("Shall I email you the receipt?", "yes please").is_none());
        // The person picked by the option's place.
        let either =
            "I can resend the code, or put you through to an adviser. Which would you like?";
        assert!(detect_in_reply(either, "the second one").is_some());
        assert!(detect_in_reply(either, "the first one").is_none());
    }

    #[test]
    fn a_yes_on_a_condition_or_with_a_question_about_the_person_takes_the_offer() {
        let offer = "Would you like one of our surveyors to phone you this afternoon?";
        for reply in [
            "yes, as long as it's after three",
            "sure, provided they ring my mobile",
            "yes - will they have my file to hand?",
            "definitely, and could they check the invoice first?",
            "if it's faster that way then yes",
        ] {
            assert!(detect_in_reply(offer, reply).is_some(), "{reply}");
        }
        for reply in [
            "yes but can you not just do it here?",
            "will they charge for the call?",
            "if it's free then no",
            "no, will it take long anyway?",
        ] {
            assert!(detect_in_reply(offer, reply).is_none(), "{reply}");
        }
    }

    #[test]
    fn a_yes_then_any_condition_takes_the_offer() {
        let offer = "Would you like a colleague from the workshop to ring you?";
        for reply in [
            "yes, provided the call comes before noon, I'm on a shift later",
            "yep if somebody can manage it this week",
            "ok so long as it's the weekend team",
            // A yes on a condition, and what happens otherwise, is still a yes.
            "yes if it's free, otherwise no",
        ] {
            assert!(detect_in_reply(offer, reply).is_some(), "{reply}");
        }
        for reply in [
            "yes if you must, but I'd rather sort it here",
            "if you like",
        ] {
            assert!(detect_in_reply(offer, reply).is_none(), "{reply}");
        }
    }

    #[test]
    fn whoever_is_brought_in_to_contact_the_customer_is_offered() {
        // A trade the lexicon does not know, and Spanish spoken to "tú".
        let offer = "Shall I arrange for a cooper to contact you?";
        assert!(detect_in_reply(offer, "yes please").is_some());
        assert!(detect_in_reply("Shall I set up an app to remind you?", "yes please").is_none());
        let either = "Puedo mandarte el enlace o pasarte con una compañera. ¿Qué prefieres?";
        assert!(detect_in_reply(either, "la segunda").is_some());
        assert!(detect_in_reply(either, "la primera").is_none());
    }
}
