//! Explicit requests for a human ("let me talk to a real person").
//!
//! A keyword list fires on "the person I spoke to" and "human error" and misses "speakto
//! somelne". This detector is a small grammar instead: a request frame or communication
//! verb must govern a human noun inside one clause, with only function words between
//! them, and no refusal ("I don't need…") scoping over it. Tokens are normalised first
//! (case, accents, stretched letters, voice fillers, run-together words) and unknown
//! tokens are matched to the English lexicon with a Damerau–Levenshtein distance of one
//! (two for long words), which covers the typos real customers make without a list of them.
//!
//! Languages: English, Spanish, French, German, Portuguese and Italian share one lexicon;
//! German verb-final order ("mit einem Menschen sprechen") is handled explicitly.
//!
//! The pipeline, a file each: `tokenize` (words, then tokens with their classes from
//! `lexicon`, misspellings mended by `typos`), then the anchor screen (here) and the request
//! `patterns`, and `reject_bot` for turning the machine down.

mod agreement;
mod lexicon;
mod patterns;
mod reject_bot;
mod tokenize;
mod typos;

use lexicon::Class::*;
use lexicon::*;
use patterns::*;
use reject_bot::*;
use tokenize::*;
use typos::*;

use std::sync::LazyLock;

use crate::signals::word_facts::WordFacts;
use crate::signals::words::AsciiWords;

/// A detected request, with the words that carried it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ExplicitMatch {
    /// The normalised words of the request, e.g. "talk to a real person".
    pub phrase: String,
    /// Which pattern fired: `verb_noun`, `want_noun`, `bare_noun`, `escalate`, `transfer_me`,
    /// `noun_verb` (verb-final order) or `is_there`.
    pub pattern: &'static str,
}

/// Whether `text` opens with a plain yes ("yes, cancel it and …", "oui", "klar"), in any
/// of the covered languages: what agrees to a proposal before saying more.
pub fn opens_with_yes(text: &str) -> bool {
    let mut buf = String::with_capacity(text.len());
    let spans = words(text, &mut buf);
    tokenize(&buf, &spans)
        .first()
        .is_some_and(agreement::plain_yes)
}

/// A short "yes" ("yes please", "sure, go ahead", "sí por favor"), or a short answer that
/// names a person ("an agent then, thanks"), with no "no" in it: said to the AI's
/// offer of a person, it accepts the offer.
pub fn accepts_offer(text: &str) -> bool {
    let mut buf = String::with_capacity(text.len());
    let spans = words(text, &mut buf);
    let toks = tokenize(&buf, &spans);
    // "just do it here please", "hazlo aquí": the work done here, by the AI, is the other
    // option.
    // Not compared with it: "if that's quicker than doing it here, then yes".
    if toks.windows(2).enumerate().any(|(i, w)| {
        matches!(
            w[0].word,
            "it" | "this" | "that" | "lo" | "le" | "la" | "es" | "das"
        ) && matches!(w[1].word, "here" | "aqui" | "ici" | "hier" | "qui")
            && !toks[i.saturating_sub(3)..i]
                .iter()
                .any(|t| matches!(t.word, "than" | "que" | "als" | "di"))
    }) {
        return false;
    }
    if !asks_what_it_means(&toks) && accepts_in(&toks) {
        return true;
    }
    // "A tutor, meaning an actual human? Then yes, please arrange it": a question
    // about the offer, then the yes in a sentence of its own.
    let mut from = last_sentence_start(&toks);
    // "A real one? If so, yes": the question's condition met.
    for met in [&["if", "so"][..], &["in", "that", "case"]] {
        if toks.len() >= from + met.len()
            && toks[from..from + met.len()]
                .iter()
                .map(|t| t.word)
                .eq(met.iter().copied())
        {
            from += met.len();
        }
    }
    let from = from
        + usize::from(
            toks.get(from).is_some_and(|t| {
                matches!(t.word, "then" | "so" | "ok" | "okay" | "right" | "well")
            }),
        );
    // Not when an earlier sentence turned the offer down ("No, I'll wait. Thanks!").
    from > 0
        && from < toks.len()
        && !toks[..from].iter().any(|t| t.is(Neg))
        && accepts_in(&toks[from..])
}

/// Italian "dai" ("sì dai, grazie"), said with a yes to urge it on: agreeing only in a
/// short reply made of agreeing words (elsewhere it is "from the" or "you give").
fn encourages(word: &str) -> bool {
    word == "dai"
}

/// "cosa intende, al telefono o di persona?", "what do you mean, on the phone?": a reply
/// that opens by asking what the offer means, whatever options it then names back.
fn asks_what_it_means(toks: &[Tok<'_>]) -> bool {
    let w = |i: usize| toks.get(i).map_or("", |t| t.word);
    // "What's a care coordinator exactly?": what the offered person is.
    // ("what's" is one word once its apostrophe joins.)
    ((matches!((w(0), w(1), w(2)), ("what", "is", "a" | "an"))
        || matches!((w(0), w(1)), ("whats", "a" | "an")))
        && toks
            .iter()
            .any(|t| matches!(t.word, "exactly" | "mean" | "that")))
        // "what does a case handler actually do?", "qué hace un gestor?": what the offered
        // person does.
        || (0..toks.len().min(3)).any(|i| {
            let someone = |k: usize| {
                matches!(
                    w(k),
                    "a" | "an" | "the" | "your" | "that" | "this" | "they" | "he" | "she"
                        | "un" | "una" | "uno" | "une" | "um" | "uma" | "el" | "la" | "le"
                        | "il" | "o" | "ein" | "eine" | "der" | "die"
                )
            };
            matches!((w(i), w(i + 1)), ("what", "does" | "do" | "would"))
                && someone(i + 2)
                && toks[i + 2..].iter().take(6).any(|t| t.word == "do")
                || matches!(
                    (w(i), w(i + 1)),
                    ("que", "hace" | "fait" | "faz") | ("cosa" | "che", "fa") | ("was", "macht")
                ) && someone(i + 2)
        })
        || (0..toks.len().min(3)).any(|i| {
            matches!(
                (w(i), w(i + 1), w(i + 2), w(i + 3)),
                ("what", "do" | "d", "you", "mean")
                    | ("whatd", "you", "mean", _)
                    | ("what", "does", "that" | "it", "mean")
                    | ("cosa" | "che", "intende" | "intendi" | "significa", _, _)
                    | ("cosa", "vuol", "dire", _)
                    | ("que", "quiere" | "quieres", "decir", _)
                    | ("que", "voulez", "vous", "dire")
                    | ("quer", "dizer", _, _)
                    | ("was" | "wie", "meinen" | "meinst", _, _)
                    | ("was", "heisst" | "bedeutet", _, _)
            )
        })
}

/// [`accepts_offer`] on the words of one answer.
fn accepts_in(toks: &[Tok<'_>]) -> bool {
    let first_yes = toks.first().is_some_and(agreement::plain_yes);
    let agrees = agreement::agrees;
    // "yes please, that would be lovely": a yes, then only thanks for it.
    let first_clause = toks
        .iter()
        .take_while(|t| t.clause == toks[0].clause)
        .count();
    let rest = &toks[first_clause..];
    let appreciated = !rest.is_empty()
        // "yes, thank you, that would be a relief".
        && rest.len() <= 8
        && !rest.iter().any(|t| t.is(Neg) || t.is(Boundary))
        // "that would be easier", "sounds good".
        && rest.iter().any(|t| agreement::approving(t.word));
    // "yes, do it then", "sure, go on and do that": the yes, then a go-ahead.
    let go_ahead = !rest.is_empty()
        && rest.len() <= 5
        && rest.iter().all(|t| {
            agrees(t)
                || matches!(
                    t.word,
                    "do" | "that"
                        | "it"
                        | "so"
                        | "then"
                        | "go"
                        | "ahead"
                        | "right"
                        | "away"
                        | "and"
                        // "yes, please set that up", "yes, book it".
                        | "set"
                        | "up"
                        | "book"
                        | "arrange"
                        // "sim, quero", "oui, je veux bien", "ja, will ich": the yes, wanted.
                        | "quero"
                        | "quiero"
                        | "voglio"
                        | "lo"
                        | "je"
                        | "veux"
                        | "bien"
                        | "will"
                        | "ich"
                        | "gerne"
                        | "gern"
                        // "sí, por favor, cuanto antes", "yes, asap": the yes, and when.
                        | "asap"
                        | "soon"
                        | "quickly"
                        | "now"
                        | "today"
                        | "possible"
                        | "cuanto"
                        | "antes"
                        | "pronto"
                        | "rapido"
                        | "vite"
                        | "tot"
                        | "schnell"
                        | "bald"
                        | "sofort"
                        | "presto"
                        | "subito"
                        | "logo"
                        | "possivel"
                )
        });
    // "yes I think that would help", "yeah that'd be great": a yes, then the offer approved
    // in the same breath.
    let approved_after_yes = first_yes
        && toks.len() <= 8
        && !toks.iter().any(|t| t.is(Neg) || t.is(Boundary))
        && toks[1..]
            .iter()
            .any(|t| matches!(t.word, "that" | "it" | "this" | "thatd" | "itd"))
        && toks[1..]
            .iter()
            .any(|t| agreement::approving(t.word) || matches!(t.word, "help" | "helps"));
    // "quero sim", "sí, quiero", "voglio": the offer's verb said back ("Quer que…?").
    let wanted_back = toks.len() <= 3
        && toks
            .iter()
            .any(|t| matches!(t.word, "quero" | "quiero" | "voglio"))
        && toks
            .iter()
            .all(|t| agrees(t) || matches!(t.word, "quero" | "quiero" | "voglio" | "lo"));
    // "yeah go on", "ok go ahead then": the yes and the go-ahead in one breath.
    let go_on = first_yes
        && toks.len() <= 5
        && toks
            .windows(2)
            .any(|w| w[0].word == "go" && matches!(w[1].word, "on" | "ahead"))
        && toks[1..]
            .iter()
            .all(|t| agrees(t) || matches!(t.word, "go" | "on" | "ahead" | "then" | "please"));
    // "It would, yeah. Thanks." to "Would it help to…?": the offer's own words said back
    // as a yes.
    let echoed = (2..=6).contains(&toks.len())
        && matches!(toks[0].word, "it" | "that")
        && toks
            .get(1)
            .is_some_and(|t| matches!(t.word, "would" | "will" | "does" | "definitely" | "really"))
        && toks[2..].iter().all(agrees)
        && toks[2..].iter().any(agreement::plain_yes);
    // "oui svp, c'est urgent, la pompe fuit", "yes please, the pump is leaking": a yes,
    // then why, told without turning anything down, putting it off, or asking what it is.
    let reason_given = !rest.is_empty()
        && rest.len() <= 10
        // Told as a state of things ("c'est urgent", "the pump is leaking"), not as what
        // the customer will do ("I'll think about it").
        && !matches!(rest[0].word, "i" | "im" | "ill" | "je" | "j" | "ich" | "yo" | "eu" | "io" | "let")
        && rest.iter().any(|t| {
            matches!(
                t.word,
                "is" | "s" | "are" | "est" | "c" | "es" | "esta" | "ist" | "e" | "sono" | "urgent"
                    | "urgente" | "dringend"
            )
        })
        && !rest.iter().any(|t| {
            t.is(Neg)
                || t.is(Hypothetical)
                || t.is(Boundary)
                || either_or(t.word)
                || matches!(
                    t.word,
                    "what" | "quoi" | "que" | "qu" | "was" | "cosa" | "later" | "instead"
                        | "first" | "tarde" | "apres" | "spater" | "dopo" | "depois" | "think"
                        | "maybe" | "perhaps" | "who" | "how" | "why"
                )
        });
    let yes = wanted_back
        || go_on
        || echoed
        || practicalities_after_yes(toks)
        || first_yes
            && toks.len() <= 12
            && (toks.len() <= 8 && toks.iter().all(|t| agrees(t) || encourages(t.word))
                || (appreciated || go_ahead || reason_given)
                    && toks[..first_clause].iter().all(agrees));
    // Choosing the person of an either-or offer: "a real agent, please", "a person, not
    // the bot" (a "not" after the person names the other option).
    let chooses_person = toks.len() <= 8
        && (0..toks.len()).any(|k| {
            !toks[..=k].iter().any(|t| t.is(Neg))
                // "I'll pass on the agent", "skip the adviser": the person turned down.
                && !agreement::turns_down(&toks[..k])
                && toks[k + 1..].iter().enumerate().all(|(i, t)| {
                    !t.is(Neg)
                        || toks[k + 2 + i..].first().is_some_and(|n| {
                            matches!(n.word, "the" | "a" | "an" | "that" | "this" | "your")
                        })
                })
                // "the guide, thanks", "I'll give the guide a go": named alone in a reply, a
                // guide is the booklet offered more often than a person.
                && !names_a_guide(toks[k].word)
                && (human_noun(toks, k).is_some()
                // "the colleague option", "the person one".
                || ((toks[k].is(StrongNoun) || toks[k].is(WeakNoun)) && toks.get(k + 1).is_some_and(|n| {
                    matches!(n.word, "option" | "one" | "route" | "choice")
                })))
        });
    yes || approved_after_yes || chooses_person || agreement::agrees_at_length(toks)
}

/// "Yes - how long will that take?", "sure, will he call or email?", "sim, pode ser, mas
/// só depois das três": after the yes, only how or when the contact happens, asked about or
/// set as a condition. Not what the offer is ("yes, but what does a case handler do?"), and
/// nothing turned down or put off.
fn practicalities_after_yes(toks: &[Tok<'_>]) -> bool {
    let lead = agreeing_opening(toks);
    let rest = &toks[lead..];
    // "mais c'est possible ce soir ?", "but is that possible today?": when, asked.
    let day = |w: &str| {
        matches!(
            w,
            "today"
                | "tonight"
                | "tomorrow"
                | "soir"
                | "demain"
                | "aujourd"
                | "hoy"
                | "manana"
                | "hoje"
                | "amanha"
                | "oggi"
                | "domani"
                | "stasera"
                | "heute"
                | "morgen"
                | "abend"
        )
    };
    // "go on then, but will it be today?": the question may open with "but".
    let opening = rest
        .iter()
        .take_while(|t| {
            matches!(
                t.word,
                "but" | "mas" | "pero" | "mais" | "aber" | "ma" | "then" | "so"
            )
        })
        .count();
    let asked = &rest[opening..];
    let asked_how = matches!(
        asked.first().map(|t| t.word),
        Some("how" | "when" | "will" | "would" | "can" | "could" | "is" | "do" | "does" | "what")
    ) && rest.iter().any(|t| {
        matches!(
            t.word,
            "long"
                | "soon"
                | "quickly"
                | "call"
                | "ring"
                | "phone"
                | "email"
                | "text"
                | "number"
                | "wait"
        ) || day(t.word)
    });
    // "mas só depois das três", "but only after six", "aber erst nach 17 Uhr" (the "but"
    // may be read as part of the yes).
    let but = (1..toks.len().min(lead + 2)).find(|&b| {
        matches!(
            toks[b].word,
            "but" | "mas" | "pero" | "mais" | "aber" | "ma"
        )
    });
    let time_word = |w: &str| {
        matches!(
            w,
            "after"
                | "before"
                | "depois"
                | "antes"
                | "despues"
                | "apres"
                | "avant"
                | "nach"
                | "vor"
                | "dopo"
                | "prima"
                | "from"
                | "until"
                | "ab"
                | "desde"
                | "dalle"
                | "partir"
        )
    };
    // A time told after it ("after six", "depois das três", "nach 17 Uhr"), not a deferral
    // ("mas depois eu vejo").
    let a_time = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_digit())
            || crate::signals::topics::is_number_word(w)
            || matches!(
                w,
                "the"
                    | "das"
                    | "dos"
                    | "as"
                    | "os"
                    | "las"
                    | "los"
                    | "les"
                    | "le"
                    | "la"
                    | "l"
                    | "dem"
                    | "der"
                    | "den"
                    | "alle"
                    | "delle"
                    | "lunch"
                    | "lunchtime"
                    | "noon"
                    | "midday"
                    | "midi"
                    | "mittag"
                    | "work"
                    | "one"
            )
    };
    let when_set = but.is_some_and(|b| b + 1 >= lead)
        && rest
            .windows(2)
            .take(4)
            .any(|w| time_word(w[0].word) && a_time(w[1].word));
    // "sure, if they can sort it today", "oui, si quelqu'un peut passer": a yes on a
    // condition the person meets.
    let on_condition = matches!(
        rest.first().map(|t| t.word),
        Some("if" | "si" | "se" | "wenn" | "falls")
    ) && rest.iter().skip(1).take(3).any(|t| {
        matches!(
            t.word,
            "they"
                | "he"
                | "she"
                | "someone"
                | "somebody"
                | "ils"
                | "il"
                | "elle"
                | "quelqu"
                | "alguien"
                | "alguem"
                | "qualcuno"
                | "jemand"
        )
    });
    // "klappt das morgen?", "geht das noch diese Woche?": German asks whether it can be done.
    let possible_when = rest.iter().any(|t| {
        matches!(
            t.word,
            "possible" | "posible" | "possivel" | "moglich" | "possibile" | "geht" | "klappt"
        )
    }) && rest.iter().any(|t| day(t.word));
    // "by phone if possible", "por teléfono", "par mail": the channel picked.
    let channel = |w: &str| {
        matches!(
            w,
            "email"
                | "mail"
                | "e"
                | "phone"
                | "telephone"
                | "text"
                | "call"
                | "whatsapp"
                | "sms"
                | "correo"
                | "telefono"
                | "telefone"
                | "telefon"
                | "courriel"
        )
    };
    // (The yes may take "by" in as a word between.)
    let channel_chosen = (1..toks.len().min(lead + 2)).any(|b| {
        matches!(
            toks[b].word,
            "by" | "via" | "over" | "por" | "par" | "per" | "pelo" | "pela"
        ) && toks[b + 1..].iter().take(2).any(|t| channel(t.word))
    });
    // "de preferencia por la tarde", "preferably in the afternoon", "am liebsten vormittags": the
    // time the contact would best come ("lieber" names the other option instead).
    let time_of_day = |w: &str| {
        matches!(
            w,
            "morning"
                | "afternoon"
                | "evening"
                | "manha"
                | "tarde"
                | "manana"
                | "matin"
                | "soir"
                | "vormittags"
                | "nachmittags"
                | "morgens"
                | "abends"
                | "mattina"
                | "pomeriggio"
                | "sera"
        ) || day(w)
            || w.starts_with(|c: char| c.is_ascii_digit())
    };
    let time_preferred = rest.iter().take(3).any(|t| {
        matches!(
            t.word,
            "preferably"
                | "ideally"
                | "preferencia"
                | "preference"
                | "idealmente"
                | "preferibilmente"
                | "liebsten"
        )
    }) && rest.iter().any(|t| time_of_day(t.word));
    lead > 0
        && !rest.is_empty()
        && rest.len() <= 10
        && (asked_how || when_set || on_condition || possible_when || channel_chosen || time_preferred)
        && !rest.iter().enumerate().any(|(i, t)| {
            t.is(Neg)
                // "depois das três" sets the time ("depois" alone puts it off); "if they
                // can" sets a condition.
                || t.is(Hypothetical)
                    && !(when_set && time_word(t.word))
                    && !(on_condition && i == 0)
                    // "by phone if possible".
                    && !(channel_chosen && t.word == "if")
                    && !(possible_when && day(t.word))
                // "will he call or email?": how, not which option.
                || either_or(t.word)
                    && !(i > 0 && rest[i - 1].is(Contact) || rest.get(i + 1).is_some_and(|n| n.is(Contact)))
                || matches!(
                    t.word,
                    "mean" | "means" | "exactly" | "who" | "why" | "instead" | "think" | "maybe"
                        | "perhaps" | "cost" | "charge" | "pay" | "free"
                )
        })
}

/// How many words open `toks` with a yes ("yes", "sure thing", "go on then", "that'd be
/// great", "sim, quero", "ja, gerne"): the whole first clause when it only agrees, else the
/// agreeing words it opens with (0 when it opens otherwise).
fn agreeing_opening(toks: &[Tok<'_>]) -> usize {
    let agreeing = |t: &Tok<'_>| {
        agreement::agrees(t)
            || agreement::approving(t.word)
            || matches!(
                t.word,
                "pode" | "ser" | "vale" | "va" | "quero" | "quiero" | "voglio" | "gerne" | "gern"
            )
    };
    let first = toks.first().map_or("", |t| t.word);
    let second = toks.get(1).map_or("", |t| t.word);
    // "go on then", "that would be lovely", "sounds good": a yes in a phrase.
    let phrase = match (first, second) {
        ("go", "on" | "ahead") => 2,
        ("thatd" | "thatll", _) => 1,
        ("that", "would" | "will" | "d" | "ll") => 2,
        ("sounds", _) => 1,
        ("absolutely" | "definitely" | "certainly", _) => 1,
        _ => 0,
    };
    let first_clause = toks
        .iter()
        .take_while(|t| t.clause == toks[0].clause)
        .count();
    if phrase > 0 {
        let said = &toks[..first_clause];
        let yes = said.len() <= phrase + 3
            && said[phrase..]
                .iter()
                .all(|t| agreeing(t) || matches!(t.word, "then" | "be" | "so"))
            && (matches!(first, "go" | "absolutely" | "definitely" | "certainly")
                || said.iter().any(|t| agreement::approving(t.word)));
        return if yes { first_clause } else { 0 };
    }
    if !toks.first().is_some_and(agreement::plain_yes) {
        return 0;
    }
    toks.iter().take_while(|t| agreeing(t)).count()
}

/// The request a reply makes by taking the AI's offer of a person.
pub fn offer_taken() -> ExplicitMatch {
    ExplicitMatch {
        phrase: "yes to the offer of a person".to_owned(),
        pattern: "accepted_offer",
    }
}

/// Whether `reply` picks, by its place, the option of a person among those `offer` lists
/// ("the latter, thanks" to "I can send a new code, or put you through to someone").
/// Each text is read once: the offer, then the reply only when the offer leaves a choice
/// with a person in it.
pub fn chooses_offered_person(offer: &str, reply: &str) -> bool {
    picks(offer, reply).is_some_and(|(person, _)| person)
}

/// How `reply` answers the choice `offer` leaves: whether it picks the person's option (by
/// its place or by naming it), and whether it names only the other option. `None` when the
/// offer leaves no choice with a person in it.
fn picks(offer: &str, reply: &str) -> Option<(bool, bool)> {
    let lettered = lettered_options(offer);
    if !offer.contains('?') && !lettered {
        return None;
    }
    let mut buf = String::with_capacity(offer.len());
    let spans = words(offer, &mut buf);
    let toks = tokenize(&buf, &spans);
    let (side, j) = person_option_in(&toks, lettered)?;
    let mut rbuf = String::with_capacity(reply.len());
    let rspans = words(reply, &mut rbuf);
    let reply = tokenize(&rbuf, &rspans);
    // "What's a care coordinator exactly?": naming the person to ask what it is picks
    // nothing.
    let person = !asks_what_it_means(&reply)
        && (chosen_option_in(&reply) == Some(side) || names_person_option(&toks, j, side, &reply));
    // "le guide suffira" to "… un technicien ou vous envoyer le guide ?": a short reply
    // naming what only the other option says picks that one, whatever the word could name.
    let other = side <= 1 && names_person_option(&toks, j, 1 - side, &reply);
    Some((person, other))
}

/// "The forge, please" to "… or put you through to the forge?", "the phone call" to "…
/// or have someone phone you?": a short reply naming what only the person's option says
/// picks it (not "just the email" to "… or should I email you a quote?"). `toks` are the
/// offer's, its person offered at `j` in option `side`.
fn names_person_option(toks: &[Tok<'_>], j: usize, side: usize, reply: &[Tok<'_>]) -> bool {
    // The pick is said first ("La fromagère, s'il vous plaît, j'ai quelques questions…").
    let first_clause = reply
        .iter()
        .take_while(|t| t.clause == reply[0].clause)
        .count();
    let reply = &reply[..first_clause];
    if reply.is_empty() || reply.len() > 5 || reply.iter().any(|t| t.is(Neg)) {
        return false;
    }
    let sentence: Vec<&Tok<'_>> = toks
        .iter()
        .filter(|t| t.sentence == toks[j].sentence)
        .collect();
    let Some(or_at) = sentence.iter().position(|t| either_or(t.word)) else {
        return false;
    };
    let (before, after) = (&sentence[..or_at], &sentence[or_at + 1..]);
    let (person, other) = if side == 0 {
        (before, after)
    } else {
        (after, before)
    };
    // Compared by their first five letters ("phone" and "phoned").
    let stem = |w: &str| w.get(..5).unwrap_or(w).to_owned();
    let said = |side: &[&Tok<'_>], w: &str| side.iter().any(|t| stem(t.word) == stem(w));
    let named: Vec<&str> = reply
        .iter()
        .filter(|t| t.word.len() >= 4 && !t.is(Polite) && !t.is(Yes) && !t.is(Skip))
        .map(|t| t.word)
        .collect();
    named.iter().any(|w| said(person, w)) && !named.iter().any(|w| said(other, w))
}

/// The request for a person in `reply`, said to the AI's turn `before`: one of its own, or
/// the offer of a person in `before` taken ([`accepts_offer`], [`chooses_offered_person`]).
/// What the broker reads of a customer turn, for a turn read alone with the turn before it.
pub fn detect_in_reply(before: &str, reply: &str) -> Option<ExplicitMatch> {
    detect(reply).or_else(|| {
        (offers_handover(before) && {
            let (person, other) = picks(before, reply).unwrap_or_default();
            accepts_offer(reply) && !other || person
        })
        .then(offer_taken)
    })
}

/// Whether an AI turn offers to hand the conversation to a person ("Would you like me to
/// connect you with an agent?", "Shall I transfer you?").
pub fn offers_handover(text: &str) -> bool {
    if !text.contains('?') && !offered_if_wished(text) && !lettered_options(text) {
        return false;
    }
    let mut buf = String::with_capacity(text.len());
    let spans = words(text, &mut buf);
    handover_offered_at(&tokenize(&buf, &spans)).is_some()
}

/// Whether an AI turn without a question mark still leaves the choice to the customer: "I
/// could transfer you to an adviser if you like", "si lo prefiere".
fn offered_if_wished(text: &str) -> bool {
    let lower = text.to_lowercase().replace('’', "'");
    [
        "if you'd prefer",
        "if you prefer",
        "if you'd like",
        "if you would like",
        "if you like",
        "if you want",
        "if you wish",
        "si lo prefiere",
        "si prefiere",
        "si vous préférez",
        "si vous le souhaitez",
        "wenn sie möchten",
        "wenn sie wollen",
        "se preferir",
        "se preferisce",
    ]
    .iter()
    .any(|p| lower.contains(p))
}

/// Whether an AI turn lists its options by letter or number ("Option A: … Option B: …"):
/// a choice left to the customer, with or without a question mark.
fn lettered_options(text: &str) -> bool {
    let lower = text.to_lowercase();
    ["option a", "option 1", "option one"]
        .iter()
        .any(|a| lower.contains(a))
        && ["option b", "option 2", "option two"]
            .iter()
            .any(|b| lower.contains(b))
}

/// Where the second of an AI turn's lettered options starts ("Option B: …"), if it lists
/// them so.
fn second_lettered_option(toks: &[Tok<'_>]) -> Option<usize> {
    toks.windows(2)
        .position(|w| w[0].word == "option" && matches!(w[1].word, "b" | "2" | "two"))
}

/// Words that join the options of an either-or offer.
fn either_or(word: &str) -> bool {
    matches!(
        word,
        "or" | "o" | "ou" | "oder" | "oppure" | "alternatively"
    )
}

/// Which option of an AI's either-or offer hands the customer to a person: 0 when it
/// comes before the "or" ("Shall I connect you with an adviser, or resend the email?"),
/// 1 when after ("I could reset it for you, or would you prefer a colleague to ring?").
/// `None` when the turn offers no person or no choice.
pub fn person_option(text: &str) -> Option<usize> {
    let lettered = lettered_options(text);
    if !text.contains('?') && !lettered {
        return None;
    }
    let mut buf = String::with_capacity(text.len());
    let spans = words(text, &mut buf);
    person_option_in(&tokenize(&buf, &spans), lettered).map(|(side, _)| side)
}

/// [`person_option`] on the offer's words, with where the person is offered.
fn person_option_in(toks: &[Tok<'_>], lettered: bool) -> Option<(usize, usize)> {
    let j = handover_offered_at(toks)?;
    // "Option A: … Option B: someone calls you back": the options may be sentences apart.
    if lettered && let Some(b) = second_lettered_option(toks) {
        return Some((usize::from(j > b), j));
    }
    let sentence = toks[j].sentence;
    let or_before = toks[..j]
        .iter()
        .any(|t| t.sentence == sentence && either_or(t.word));
    let or_after = toks[j..]
        .iter()
        .any(|t| t.sentence == sentence && either_or(t.word));
    match (or_before, or_after) {
        (true, false) => Some((1, j)),
        (false, true) => Some((0, j)),
        _ => None,
    }
}

/// Which option a short answer picks by its place: 0 for "the first one", "the former",
/// "option one"; 1 for "the second one", "the latter", "number two", "la segunda".
pub fn chosen_option(text: &str) -> Option<usize> {
    let mut buf = String::with_capacity(text.len());
    let spans = words(text, &mut buf);
    chosen_option_in(&tokenize(&buf, &spans))
}

/// [`chosen_option`] on the answer's words.
fn chosen_option_in(toks: &[Tok<'_>]) -> Option<usize> {
    // A voice answer stammers ("er the the first, the first option").
    if toks.is_empty() || toks.len() > 12 || toks.iter().any(|t| t.is(Neg)) {
        return None;
    }
    let first = |w: &str| {
        matches!(
            w,
            "first"
                | "1st"
                | "former"
                | "primera"
                | "primero"
                | "premiere"
                | "premier"
                | "erste"
                | "ersten"
                | "erstere"
                | "primeira"
                | "primeiro"
                | "prima"
                | "primo"
        )
    };
    let second = |w: &str| {
        matches!(
            w,
            "second"
                | "2nd"
                | "latter"
                | "segunda"
                | "segundo"
                | "deuxieme"
                | "seconde"
                | "zweite"
                | "zweiten"
                | "letztere"
                | "seconda"
                | "secondo"
        )
    };
    // "two", "2, please": a number said alone names an option too.
    let alone = |k: usize| {
        toks.iter()
            .enumerate()
            .all(|(i, t)| i == k || t.is(Polite) || t.is(Yes))
    };
    let numbered = |k: usize| {
        k > 0 && matches!(toks[k - 1].word, "option" | "number" | "opcion" | "numero") || alone(k)
    };
    // "option a", "B", "option b, please": a lettered option picked; an "a" only after
    // "option" (alone it is an article).
    let option_b = |k: usize| {
        toks[k].word == "b"
            && (numbered(k) || k == 0 && toks[1..].iter().all(|t| t.is(Polite) || t.is(Yes)))
    };
    let mut picked = toks.iter().enumerate().filter_map(|(k, t)| {
        if first(t.word)
            || numbered(k) && matches!(t.word, "one" | "1" | "uno" | "un" | "eins")
            || numbered(k) && t.word == "a"
        {
            Some(0)
        } else if second(t.word)
            || numbered(k) && matches!(t.word, "two" | "2" | "dos" | "deux" | "zwei")
            || option_b(k)
        {
            Some(1)
        } else {
            None
        }
    });
    let choice = picked.next()?;
    // "the first one, no, the second": only a single, plain choice.
    picked.all(|c| c == choice).then_some(choice)
}

/// Where a turn offers to hand the customer to a person, if it does.
fn handover_offered_at(toks: &[Tok<'_>]) -> Option<usize> {
    // "Shall I arrange for someone from the office to call you?": a person named just
    // before a verb of contacting the customer.
    // The person in the same sentence, and someone in particular ("covers up to five
    // of you. Want me to move you across?" offers a plan, not a person).
    // "Soll Sie eine Kollegin aus der Werkstatt anrufen?": German puts the call last, the
    // customer ("Sie") and the person before it in the clause.
    let called_verb_final = |j: usize| {
        matches!(
            toks[j].word,
            "anrufen" | "zuruckrufen" | "kontaktieren" | "anschreiben" | "mailen"
        ) && {
            let clause = toks[..j]
                .iter()
                .enumerate()
                .rev()
                .take_while(|(_, t)| t.clause == toks[j].clause)
                .map(|(i, _)| i);
            let mut you = false;
            let mut person = false;
            for i in clause {
                you |= toks[i].word == "sie";
                person |= human_noun(toks, i).is_some();
            }
            you && person
        }
    };
    // "¿Quiere que le llame alguien del taller?": the person after the call.
    let called_by_after = |j: usize| {
        j >= 2
            && toks[j].is(Contact)
            && matches!(
                toks[j - 1].word,
                "le" | "te" | "lhe" | "ti" | "la" | "lo" | "vous"
            )
            && matches!(toks[j - 2].word, "que" | "che" | "qu")
            && (j + 1..toks.len().min(j + 4))
                .take_while(|&k| toks[k].clause == toks[j].clause)
                .any(|k| human_noun(toks, k).is_some())
    };
    let person_contacts_you = |j: usize| {
        if called_verb_final(j) || called_by_after(j) {
            return true;
        }
        // "Option B: someone from the team calls you back": the third person too; "… to
        // give you a call".
        let gives_you_a_call = matches!(toks[j].word, "give" | "gives")
            && toks.get(j + 1).is_some_and(|n| n.word == "you")
            && (j + 2..toks.len().min(j + 5))
                .any(|k| matches!(toks[k].word, "call" | "ring" | "bell" | "buzz"));
        // "que alguém da galeria entre em contacto consigo": in touch, in two words.
        let in_touch = matches!(
            toks[j].word,
            "contacto" | "contato" | "contatto" | "contact" | "touch"
        ) && j > 0
            && matches!(toks[j - 1].word, "em" | "en" | "in");
        // "have one of our fitters get in touch": with the customer, said or not.
        let touch_unsaid = toks[j].word == "touch"
            && in_touch
            && toks.get(j + 1).is_none_or(|n| n.clause != toks[j].clause);
        let with_you = toks.get(j + 1).is_some_and(|n| n.word == "with")
            && toks.get(j + 2).is_some_and(|n| n.word == "you");
        // "Marcus, your DJ, who'll message you", "our team to email you": a message by
        // its verb.
        let messages_you = matches!(toks[j].word, "message" | "text" | "email" | "whatsapp")
            && j > 0
            && matches!(
                toks[j - 1].word,
                "ll" | "will" | "would" | "to" | "can" | "could" | "wholl"
            );
        (toks[j].is(Contact)
            || toks[j].is(Talk)
            || in_touch
            || gives_you_a_call
            || messages_you
            || matches!(
                toks[j].word,
                "calls" | "rings" | "phones" | "emails" | "contacts"
            ))
            && (toks.get(j + 1).is_some_and(|n| matches!(n.word, "you" | "voce" | "consigo" | "contigo"))
                || touch_unsaid
                || in_touch && with_you
                // "que le photographe vous rappelle", "que alguien le llame": the object
                // pronoun before the verb.
                // "… para lhe ligar", "que un técnico le llame", "che un tecnico la richiami".
                || j > 0
                    && matches!(toks[j - 1].word, "vous" | "te" | "lhe" | "le" | "ti" | "la" | "lo")
                    && toks[j].is(Contact)
                // "pedir que um colega ligue para você"; "chame alguém … para falar com
                // você", "hable con usted", "parli con lei".
                || toks
                    .get(j + 1)
                    .is_some_and(|n| matches!(n.word, "para" | "com" | "con" | "avec" | "mit"))
                    && toks.get(j + 2).is_some_and(|n| {
                        matches!(n.word, "voce" | "usted" | "ustedes" | "lei" | "vous" | "ihnen")
                    }))
            // "Did an adviser call you back?": a call asked about, made or not.
            && !toks[..j]
                .iter()
                .rev()
                .take_while(|t| t.sentence == toks[j].sentence)
                .any(|t| matches!(t.word, "did" | "didnt"))
            && ((j.saturating_sub(6)..j).any(|i| {
                toks[i].sentence == toks[j].sentence
                    && (!matches!(toks[i].word, "people" | "persons")
                        // "our kitchen planner to contact you": the service's own, by name.
                        && (human_noun(toks, i).is_some() || one_of_ours(toks, i) || ours_who(toks, i))
                        // "… with one of our coaches, I can arrange for one of them to ring
                        // you": the people named before, taken up again.
                        || matches!(toks[i].word, "them" | "him" | "her")
                            && (0..i).any(|h| {
                                !matches!(toks[h].word, "people" | "persons")
                                    && human_noun(toks, h).is_some()
                            }))
            }) || whoever_asked_to(toks, j)
                // "pedir que una técnica te llame": whoever is the subject of the call to
                // the customer is a person, whatever the noun.
                // "que uma colega da nossa loja lhe telefone": who, told more of.
                || j >= 4
                    && matches!(toks[j - 1].word, "te" | "le" | "lhe" | "ti" | "la" | "vous")
                    && toks[j].is(Contact)
                    && (j.saturating_sub(8)..j - 3).any(|q| {
                        matches!(toks[q].word, "que" | "che")
                            && matches!(
                                toks[q + 1].word,
                                "un" | "una" | "el" | "la" | "um" | "uma" | "o" | "a" | "il" | "lo"
                            )
                            && toks[q..j].iter().all(|p| p.clause == toks[j].clause)
                    })
                // "¿quiere que le pida a un monitor que le llame?": whoever is asked to call.
                || j >= 3
                    && matches!(toks[j - 2].word, "que" | "che" | "de")
                    && matches!(toks[j - 1].word, "te" | "le" | "lhe" | "ti" | "la" | "vous")
                    && toks[j].is(Contact)
                    && toks[j.saturating_sub(8)..j - 2].iter().any(|p| {
                        matches!(
                            p.word,
                            "pida" | "pedir" | "pido" | "pedirle" | "chiedere" | "chiedo" | "demander"
                                | "demande" | "peca" | "pedire"
                        )
                    }))
    };
    toks.iter().enumerate().position(|(j, t)| {
        let hands_you_over = t.is(Talk)
            && !t.word.ends_with("ed")
            // German "gern verbinde ich Sie mit der Kundenberatung".
            && toks.get(j + 1).is_some_and(|n| matches!(n.word, "you" | "sie" | "voce"))
            && (matches!(
                t.word,
                "transfer" | "connect" | "put" | "pass" | "hand" | "forward"
            ) || toks[j + 1..]
                .iter()
                .take(6)
                .enumerate()
                .any(|(i, _)| human_noun(toks, j + 1 + i).is_some()));
        // "Shall I get a colleague from the surgery to follow it up?": a person
        // brought in to do the work.
        // "Shall I get someone from the pharmacy team to message you?": the person's team
        // named between.
        // German puts the verb last: "(soll ich) Sie mit unserem Kundendienst verbinden?".
        let you_connected_verb_final = matches!(
            t.word,
            "verbinden"
                | "verbinde"
                | "weiterleiten"
                | "weiterleite"
                | "durchstellen"
                | "durchstelle"
        ) && (j.saturating_sub(6)..j)
            .any(|i| toks[i].word == "sie" && toks[i].clause == t.clause)
            && !(j.saturating_sub(6)..j).any(|i| matches!(toks[i].word, "mich" | "uns"))
            && (j.saturating_sub(5)..j).any(|k| {
                toks[k].clause == t.clause
                    && (human_noun(toks, k).is_some()
                        // "mit unserem Küchenteam": a compound team.
                        || toks[k].word.len() > 6 && toks[k].word.ends_with("team")
                        || toks[k].is(Dept)
                        || toks[k].is(Customer)
                        || toks[k].is(ServiceHead))
            });
        // "I could ask the workshop to give you a call": the place's people call.
        // "the front desk team to call your room": the place's team, the customer's room or
        // phone.
        let place_calls_you = matches!(t.word, "ask" | "get" | "have")
            && (j + 1..toks.len().min(j + 5))
                .find(|&k| toks[k].is(Workplace) || toks[k].is(Dept))
                .map(|k| {
                    k + usize::from(
                        toks.get(k + 1).is_some_and(|n| {
                            matches!(n.word, "team" | "staff" | "desk" | "office")
                        }),
                    )
                })
                .is_some_and(|k| {
                    let you = |at: usize| {
                        toks.get(at).is_some_and(|n| n.word == "you")
                            || toks.get(at).is_some_and(|n| n.word == "your")
                                && toks.get(at + 1).is_some_and(|n| {
                                    matches!(
                                        n.word,
                                        "room" | "phone" | "mobile" | "number" | "cabin" | "flat"
                                    )
                                })
                    };
                    toks.get(k + 1).is_some_and(|n| n.word == "to")
                        && toks.get(k + 2).is_some_and(|v| {
                            v.is(Contact) && you(k + 3)
                                || v.word == "give"
                                    && toks.get(k + 3).is_some_and(|n| n.word == "you")
                                    && toks
                                        .get(k + 5)
                                        .is_some_and(|n| matches!(n.word, "call" | "ring" | "bell"))
                        })
                });
        let person_brought_in = matches!(t.word, "ask" | "get" | "have")
            && (j + 1..toks.len().min(j + 6))
                .find(|&k| {
                    human_noun(toks, k) == Some(true) || one_of_ours(toks, k) || ours_who(toks, k)
                })
                .is_some_and(|k| {
                    // "get Sam, our florist, to ring you": the "to" right after the
                    // appositive, in the next clause.
                    ours_who(toks, k)
                        || toks.get(k + 1).is_some_and(|n| n.word == "to")
                        || toks[k + 1..]
                            .iter()
                            .take(5)
                            .any(|n| n.word == "to" && n.clause == t.clause)
                });
        // "I can hand this to a human colleague", "shall I pass it on to a specialist?":
        // the case handed to a person.
        let case_handed_over = matches!(
            t.word,
            "hand" | "pass" | "transfer" | "forward" | "escalate" | "refer"
        ) && toks
            .get(j + 1)
            .is_some_and(|n| matches!(n.word, "this" | "it" | "that" | "your"))
            && (j + 2..toks.len().min(j + 6))
                .find(|&k| toks[k].word == "to" && toks[k].clause == t.clause)
                .is_some_and(|k| {
                    (k + 1..toks.len().min(k + 6)).any(|m| {
                        toks[m].clause == t.clause
                            && (human_noun(toks, m) == Some(true)
                                || one_of_ours(toks, m)
                                || ours_who(toks, m)
                                // "pass this to our customer care team", "to our
                                // billing department": the service's people.
                                || toks[k + 1].word == "our"
                                    && (toks[m].is(Dept)
                                        || toks[m].is(ServiceHead)
                                        || matches!(toks[m].word, "team" | "staff")))
                    })
                });
        // "Shall I bring in a colleague?", "I can loop in a specialist".
        let person_joined = matches!(t.word, "bring" | "loop" | "pull" | "involve")
            && (t.word == "involve" || toks.get(j + 1).is_some_and(|n| n.word == "in"))
            // "my colleagues": the AI's, that is the service's people.
            && (j + 1..toks.len().min(j + 7))
                .take_while(|&k| toks[k].clause == t.clause)
                .any(|k| toks[k].is(StrongNoun) || toks[k].is(WeakNoun));
        // "you may chat with one of our billing staff", "would you care to talk with
        // an adviser?": the customer put in touch, a person of the service named after.
        // "would you like to keep chatting with me or speak to one of our staff?": the
        // "you" further back, across the other option; "would it help to speak with one
        // of our carers?": the help offered.
        let you_talk_to_person = t.is(Talk)
            && !t.word.ends_with("ed")
            // "Did you speak to one of our advisers yesterday?": a talk asked about, not
            // offered.
            && !toks[..j]
                .iter()
                .rev()
                .take(6)
                .take_while(|p| p.sentence == t.sentence)
                .any(|p| p.is(PastAux) || p.word == "did")
            && !toks
                .iter()
                .any(|p| p.sentence == t.sentence && p.is(PastTime))
            && (j.saturating_sub(10)..j).any(|i| {
                toks[i].sentence == t.sentence
                    && (toks[i].word == "you"
                        // The formal "you" of a verb ("Vuole parlare con…?", "¿Desea
                        // hablar con…?").
                        || matches!(
                            toks[i].word,
                            "vuole" | "desidera" | "desea" | "quiere" | "deseja" | "voulez"
                                | "souhaitez" | "mochten" | "wollen"
                                // "Preferisce parlare con…?", "¿Prefiere hablar con…?".
                                | "preferisce" | "prefiere" | "prefere" | "preferez"
                        )
                        || toks[i].word == "help"
                            && i > 0
                            && matches!(toks[i - 1].word, "it" | "that")
                        // "Option B: chat with one of our fitters": an option offered to the
                        // customer, its verb bare.
                        || toks[i].word == "option"
                            && i + 2 == j
                            && matches!(
                                toks[i + 1].word,
                                "a" | "b" | "c" | "1" | "2" | "3" | "one" | "two" | "three"
                            ))
            })
            && (j + 1..toks.len().min(j + 8)).any(|k| {
                toks[k].sentence == t.sentence
                    // The person of this verb, not of the other option ("keep chatting with
                    // me or speak to one of our staff").
                    && !toks[j + 1..k].iter().any(|p| either_or(p.word))
                    && match human_noun(toks, k) {
                        Some(true) => !toks[k.saturating_sub(2)..k]
                            .iter()
                            .any(|p| matches!(p.word, "your" | "own")),
                        // A trade of the service: "one of our vets", "a tax preparer",
                        // "con un audioprotesista", "mit einem Bestatter".
                        Some(false) => toks[k.saturating_sub(3)..k].iter().any(|p| {
                            matches!(
                                p.word,
                                "our" | "a" | "an" | "un" | "una" | "uno" | "une" | "um" | "uma"
                                    | "einem" | "einen" | "einer" | "nostro" | "nostra"
                                    | "nuestro" | "nuestra" | "notre" | "nosso" | "nossa"
                                    | "unserem" | "unseren" | "unserer"
                            )
                        }),
                        // Said by the AI, "our staff" are the service's (said by the
                        // customer, their own: see `human_noun`); "the farm", "our
                        // workshop": a workplace talked with is its people.
                        None => {
                            one_of_ours(toks, k)
                                // "to talk to our wedding planner", "parlare con la nostra
                                // planner": said by the AI, "our" one, right after the
                                // verb's preposition, is the service's person.
                                || ours_talked_with(toks, j, k)
                                    && toks[k].word.len() >= 3
                                    && !toks[k].is(Skip)
                                    && !patterns::sends_messages(toks[k].word)
                                || toks[k].is(Workplace)
                                    && k > 0
                                    && matches!(toks[k - 1].word, "the" | "our")
                                || k > 0
                                && toks[k - 1].word == "our"
                                && matches!(
                                    toks[k].word,
                                    "staff" | "team" | "colleagues" | "colleague" | "employees"
                                )
                        }
                    }
            });
        // "Would you like one of our planners?", "do you want an adviser?": a person of
        // the service offered as the thing wanted.
        let person_wanted = matches!(t.word, "like" | "want" | "prefer")
            && j > 0
            && matches!(toks[j - 1].word, "you" | "youd")
            // "Would you like one of our cake designers to get in touch?": one of "our"
            // anything, a word naming which before it.
            && (j + 1..toks.len().min(j + 6)).any(|k| {
                toks[k].sentence == t.sentence
                    && (human_noun(toks, k).is_some() && k < j + 5
                        || one_of_ours(toks, k) && contacts_the_customer_after(toks, k))
                    && !toks[j + 1..k]
                        .iter()
                        .any(|p| matches!(p.word, "your" | "own" | "to"))
            });
        // German puts the verb last: "(dass) sich jemand aus unserem Team bei Ihnen meldet".
        let person_contacts_you_verb_final = matches!(
            t.word,
            "meldet" | "melden" | "anruft" | "zuruckruft" | "kontaktiert" | "schreibt"
        ) && (j.saturating_sub(8)..j)
            .any(|i| toks[i].clause == t.clause && matches!(toks[i].word, "ihnen" | "sie"))
            && (j.saturating_sub(8)..j)
                .any(|i| toks[i].clause == t.clause && human_noun(toks, i).is_some());
        // "Vuole che la faccia richiamare da un tecnico?", "Voulez-vous que je vous fasse
        // rappeler par un conseiller ?": the call caused, made by a person named after.
        let call_caused = t.is(Contact)
            && j > 0
            && matches!(
                toks[j - 1].word,
                "faccia"
                    | "faccio"
                    | "fare"
                    | "fasse"
                    | "faire"
                    | "fais"
                    | "haga"
                    | "hacer"
                    | "faca"
                    | "fazer"
            )
            && (j + 1..toks.len().min(j + 5)).any(|k| {
                matches!(
                    toks[k].word,
                    "da" | "dal" | "dalla" | "par" | "por" | "pelo" | "pela"
                ) && (k + 1..toks.len().min(k + 4))
                    .any(|m| human_noun(toks, m).is_some() || toks[m].is(Dept))
            });
        // "Would you like a call from our coordinator?", "¿quiere una llamada de un
        // asesor?", "un appel d'un conseiller ?": a call offered, made by a person named
        // after.
        let call_from_person = matches!(
            t.word,
            "call"
                | "callback"
                | "ring"
                | "llamada"
                | "appel"
                | "chiamata"
                | "telefonata"
                | "ligacao"
                | "chamada"
                | "anruf"
                | "ruckruf"
        ) && toks[j.saturating_sub(3)..j].iter().any(|p| {
            p.clause == t.clause
                && matches!(
                    p.word,
                    "a" | "an" | "una" | "un" | "uma" | "einen" | "quick" | "phone"
                )
        })
            // "Did you get a call from our engineer?": a call asked about, not offered.
            && !toks[..j]
                .iter()
                .rev()
                .take_while(|p| p.sentence == t.sentence)
                .any(|p| p.is(PastAux) || matches!(p.word, "did" | "didnt" | "had" | "got" | "received"))
            && (j + 1..toks.len().min(j + 3))
            .find(|&k| {
                toks[k].clause == t.clause
                    && matches!(toks[k].word, "from" | "de" | "d" | "da" | "do" | "von" | "del")
            })
            .is_some_and(|k| {
                (k + 1..toks.len().min(k + 5)).any(|m| {
                    toks[m].clause == t.clause
                        && (human_noun(toks, m).is_some()
                            || one_of_ours(toks, m)
                            || toks[m].is(Dept)
                            // "a call from our florist", "… our team": said by the AI,
                            // "our" one is the service's (not a thing that calls by itself).
                            || (toks[m - 1].word == "our"
                                || toks[m - 2].word == "our" && toks[m - 1].classes.is_empty())
                                && toks[m].word.len() >= 3
                                && !toks[m].is(Skip)
                                && !patterns::sends_messages(toks[m].word))
                })
            });
        hands_you_over
            || call_caused
            || call_from_person
            || person_contacts_you_verb_final
            || you_talk_to_person
            || person_wanted
            || person_contacts_you(j)
            || person_brought_in
            || place_calls_you
            || you_connected_verb_final
            || case_handed_over
            || person_joined
            || handed_over_as_object(toks, j)
            || call_arranged(toks, j)
            || first_person_passes_you(toks, j)
    })
}

/// "to talk to our wedding planner", "parlare con la nostra planner": whether the word at
/// `k` is "our" one (a word naming which may come between), right after the preposition of
/// the verb of talking at `j`.
fn ours_talked_with(toks: &[Tok<'_>], j: usize, k: usize) -> bool {
    let word = |i: usize| toks.get(i).map_or("", |t| t.word);
    if !matches!(word(j + 1), "to" | "with" | "con" | "avec" | "com" | "mit") {
        return false;
    }
    // "con la nostra …", "com a nossa …": the article before the possessive.
    let ours = j + 2 + usize::from(matches!(word(j + 2), "la" | "il" | "lo" | "a" | "o" | "el"));
    matches!(
        word(ours),
        "our"
            | "nostra"
            | "nostro"
            | "nuestra"
            | "nuestro"
            | "notre"
            | "nossa"
            | "nosso"
            | "unserem"
            | "unserer"
    ) && (k == ours + 1 || k == ours + 2 && toks[ours + 1].classes.is_empty())
}

/// "ask our bookbinder to get in touch with you", "pass it to our cheesemaker, who will
/// reply": said by the AI, one of "our" anything who contacts the customer, or is told of
/// with "who", is a person, whatever the lexicon knows of the noun.
fn ours_who(toks: &[Tok<'_>], k: usize) -> bool {
    // "our wedding florist": one word may name which.
    let ours = |at: usize| at > 0 && toks[at - 1].word == "our";
    (ours(k) || k > 1 && toks[k - 1].classes.is_empty() && ours(k - 1))
        && toks[k].word.len() >= 3
        && !toks[k].is(Skip)
        && !patterns::sends_messages(toks[k].word)
        && (contacts_the_customer_after(toks, k)
            || toks.get(k + 1).is_some_and(|n| n.word == "who")
            // "our valuer could email you", "our installer will ring you".
            || toks.get(k + 1).is_some_and(|n| {
                matches!(n.word, "can" | "could" | "will" | "would" | "ll" | "may" | "might")
            }) && toks.get(k + 2).is_some_and(|v| {
                v.is(Contact) || matches!(v.word, "message" | "text" | "email" | "whatsapp")
            }) && toks.get(k + 3).is_some_and(|n| n.word == "you"))
}

/// "arrange for a falconer to contact you": whoever is brought in "to" contact the
/// customer is a person, whatever the lexicon knows of the noun (not a thing that sends
/// messages: "an app to remind you").
fn whoever_asked_to(toks: &[Tok<'_>], j: usize) -> bool {
    j >= 3
        && toks[j - 1].word == "to"
        && matches!(toks[j - 3].word, "a" | "an" | "our" | "the")
        && toks[j - 2].word.len() >= 3
        && !toks[j - 2].is(Skip)
        && !patterns::sends_messages(toks[j - 2].word)
}

/// "… to get in touch", "… to call you", "… to talk it through with you": what comes
/// after the person at `k` is contacting or talking with the customer (not a thing wanted:
/// "one of our brochures").
fn contacts_the_customer_after(toks: &[Tok<'_>], k: usize) -> bool {
    // "a member of our salon team to message you": the "to" after what the person is
    // one of.
    // "Sam, our florist, to give you a ring": the "to" right after an appositive, in the
    // next clause.
    let Some(to) = (k + 1..toks.len().min(k + 6))
        .take_while(|&i| toks[i].clause == toks[k].clause || i == k + 1)
        .find(|&i| toks[i].word == "to")
    else {
        return false;
    };
    (k + 1..to).all(|i| {
        matches!(toks[i].word, "of" | "our")
            || toks[i].classes.is_empty()
            || toks[i].is(Dept)
            || matches!(toks[i].word, "team" | "staff")
    }) && (to + 1..toks.len().min(to + 5))
        .take_while(|&v| toks[v].clause == toks[to].clause)
        .any(|v| {
            toks[v].word == "touch"
                // "to give you a ring".
                || toks[v].word == "give"
                    && toks.get(v + 1).is_some_and(|n| n.word == "you")
                    && (v + 2..toks.len().min(v + 5))
                        .any(|c| matches!(toks[c].word, "call" | "ring" | "bell" | "buzz"))
                // "to message you", "to text you": a message from the person.
                || (toks[v].is(Contact)
                    || toks[v].is(Talk)
                    || matches!(toks[v].word, "message" | "text" | "email"))
                    && toks
                        .get(v + 1)
                        .is_some_and(|n| matches!(n.word, "you" | "with" | "to"))
        })
}

/// "one of our tuners", "one of our repair technicians": said by the AI, one of "our"
/// anything it puts the customer in touch with is one of the service's people, whatever
/// the lexicon knows of the noun (one word may name which).
fn one_of_ours(toks: &[Tok<'_>], k: usize) -> bool {
    let plural = |t: &Tok<'_>| t.word.len() >= 4 && t.word.ends_with('s') && !t.is(Skip);
    let of_our = |at: usize| at >= 2 && toks[at - 2].word == "one" && toks[at - 1].word == "of";
    // "a member of our salon team": said by the AI, "our" team is the service's.
    let member_of_ours = matches!(toks[k].word, "member" | "members")
        && toks.get(k + 1).is_some_and(|n| n.word == "of")
        && toks.get(k + 2).is_some_and(|n| n.word == "our");
    member_of_ours
        || k >= 3
            && plural(&toks[k])
            && (toks[k - 1].word == "our" && of_our(k - 1)
                || k >= 4
                    && toks[k - 2].word == "our"
                    && toks[k - 1].classes.is_empty()
                    && of_our(k - 2))
}

/// "¿Te paso con alguien del equipo?", "Quer que eu transfira para um atendente?": the AI
/// passing the customer on, in the first person, to a person named after.
fn first_person_passes_you(toks: &[Tok<'_>], j: usize) -> bool {
    let t = &toks[j];
    let before = |w: &[&str]| j > 0 && w.contains(&toks[j - 1].word);
    let passes = matches!(
        t.word,
        "paso"
            | "pase"
            | "transfiero"
            | "transfiera"
            | "comunico"
            | "comunique"
            | "pongo"
            | "ponga"
    ) && before(&["te", "le"])
        || matches!(
            t.word,
            "transfira"
                | "transfiro"
                | "passe"
                | "passo"
                | "encaminhe"
                | "encaminho"
                | "ligue"
                | "conecte"
        ) && before(&["eu", "te", "lhe", "que"]);
    passes
        && toks
            .get(j + 1)
            .is_some_and(|n| matches!(n.word, "con" | "com" | "para" | "pra"))
        && (j + 2..toks.len().min(j + 6))
            .take_while(|&k| toks[k].clause == t.clause)
            .any(|k| human_noun(toks, k).is_some())
}

/// "vous mettre en relation avec une pharmacienne", "pasarle con una gestora", "Soll ich Sie
/// mit einem Mitarbeiter verbinden?": the customer handed over in the other languages,
/// named by a pronoun before the verb or joined to it. Put in touch with someone, or
/// passed "con" someone, needs no known word for the person: only people are.
fn handed_over_as_object(toks: &[Tok<'_>], j: usize) -> bool {
    let t = &toks[j];
    let same = |k: &usize| toks[*k].sentence == t.sentence;
    let enclitic = matches!(
        t.word,
        "pasarle"
            | "pasarla"
            | "pasarlo"
            | "comunicarle"
            | "comunicarla"
            | "transferirle"
            | "transferirla"
            | "ponerle"
            | "ponerla"
            | "passarlhe"
            | "transferirlhe"
            | "metterla"
            | "passarla"
            | "trasferirla"
            | "collegarla"
            // Said to "tú": "pasarte con una persona", "metterti in contatto".
            | "pasarte"
            | "comunicarte"
            | "transferirte"
            | "conectarte"
            | "ponerte"
            | "passarti"
            | "metterti"
            | "trasferirti"
            | "collegarti"
    );
    let before_verb = t.is(Talk)
        && j > 0
        // Italian formal "la": "vuole che la metta in contatto con un collega?".
        && matches!(toks[j - 1].word, "vous" | "le" | "lo" | "la" | "lhe" | "te" | "ti");
    // A German verb at the end, "Sie" and the person before it.
    // "soll ich Sie mit der Buchhaltung verbinden, wo eine Kollegin …": the
    // person may be named after the verb, in the same sentence.
    let german = t.is(Talk)
        && (j.saturating_sub(8)..j).filter(same).any(|i| {
            toks[i].word == "sie"
                && (i + 1..toks.len().min(j + 6))
                    .filter(same)
                    .any(|k| human_noun(toks, k).is_some())
        });
    if german {
        return true;
    }
    if !(enclitic || before_verb) {
        return false;
    }
    let after: Vec<usize> = (j + 1..toks.len().min(j + 9)).filter(same).collect();
    // "en relation avec", "en contacto con", "in touch with": any person after "with".
    let with = after
        .iter()
        .position(|&k| matches!(toks[k].word, "avec" | "con" | "com" | "with" | "mit"));
    let in_touch = after.iter().any(|&k| {
        matches!(
            toks[k].word,
            "relation" | "contacto" | "contato" | "contatto" | "touch" | "kontakt"
        )
    });
    match with {
        Some(w) if in_touch || enclitic => after.get(w + 1).is_some_and(|&k| {
            matches!(
                toks[k].word,
                "un" | "une"
                    | "una"
                    | "uno"
                    | "um"
                    | "uma"
                    | "el"
                    | "la"
                    | "le"
                    | "o"
                    | "a"
                    | "il"
                    | "lo"
                    | "l"
            ) || romance_ours(toks[k].word)
                || human_noun(toks, k).is_some()
        }),
        _ => {
            after.iter().any(|&k| human_noun(toks, k).is_some())
                // "vous passer notre fromagère": one of "ours" the customer is passed to is a
                // person, whatever the lexicon knows of the noun.
                || matches!(
                    t.word,
                    "passer" | "pasar" | "passare" | "passar" | "transferer" | "transferir"
                ) && after.first().is_some_and(|&k| {
                    romance_ours(toks[k].word)
                        && toks.get(k + 1).is_some_and(|n| {
                        n.word.len() >= 3 && !n.is(Skip) && !patterns::sends_messages(n.word)
                    })
                })
        }
    }
}

/// "Our" in French, Spanish, Portuguese and Italian, said by the AI of the service's people.
fn romance_ours(word: &str) -> bool {
    matches!(
        word,
        "notre" | "nuestro" | "nuestra" | "nosso" | "nossa" | "nostro" | "nostra"
    )
}

/// A call arranged for the customer: a call, chat or appointment set up with a person
/// ("Shall I set up a call with one of our tutors?", "I can book you a chat with one of our
/// advisers"), or a call back from the service, whose people need not be named: the call
/// comes back to the customer ("Would you like me to arrange a callback from the team?",
/// "Ich kann Ihnen einen Rückruf von unserem Team organisieren").
fn call_arranged(toks: &[Tok<'_>], j: usize) -> bool {
    let t = &toks[j];
    // The verbs that arrange a call; each form adds its own.
    let arranges = matches!(
        t.word,
        "arrange" | "book" | "schedule" | "organise" | "organize"
    );
    let callback = |n: &Tok<'_>| matches!(n.word, "callback" | "ruckruf" | "rueckruf");
    // The tokenizer reads "callback" as "call back".
    let call_back = |k: usize| {
        callback(&toks[k])
            || toks[k].word == "call" && toks.get(k + 1).is_some_and(|n| n.word == "back")
    };
    let you_want = matches!(t.word, "like" | "want" | "prefer")
        && j > 0
        && matches!(toks[j - 1].word, "you" | "youd");
    let call_back_offered = (you_want || arranges || matches!(t.word, "request" | "get"))
        && (j + 1..toks.len().min(j + 4))
            .take_while(|&k| toks[k].clause == t.clause)
            .any(call_back)
        // German puts the verb last.
        || matches!(
            t.word,
            "organisieren" | "vereinbaren" | "veranlassen" | "einrichten"
        ) && toks[..j]
            .iter()
            .rev()
            .take(8)
            .take_while(|n| n.clause == t.clause)
            .any(callback);
    if call_back_offered {
        return true;
    }
    if !(arranges || matches!(t.word, "set" | "line")) {
        return false;
    }
    let same = |k: &usize| toks[*k].sentence == t.sentence;
    let Some(call) = (j + 1..toks.len().min(j + 5)).filter(same).find(|&k| {
        matches!(
            toks[k].word,
            "call" | "callback" | "chat" | "appointment" | "meeting" | "conversation"
        )
    }) else {
        return false;
    };
    (call + 1..toks.len().min(call + 3))
        .filter(same)
        .find(|&k| toks[k].word == "with")
        .is_some_and(|w| {
            (w + 1..toks.len().min(w + 6))
                .filter(same)
                .any(|k| human_noun(toks, k).is_some())
        })
}

/// Whether `word` (lowercased, accents folded) names a person in the request lexicon: the
/// staff, a trade, someone ("electrician", "asesora", "someone"). For readers that must
/// tell a person from a thing ("the engineer came out" is a visit, "the filling came out"
/// a fault).
pub(crate) fn names_a_person(word: &str) -> bool {
    lexicon::classes_of(word).is_some_and(|c| c.has(StrongNoun) || c.has(WeakNoun))
}

/// Finds an explicit request for a human in one customer turn.
pub fn detect(text: &str) -> Option<ExplicitMatch> {
    SCRATCH
        .try_with(|s| match s.try_borrow_mut() {
            Ok(mut s) => detect_with(text, &mut s),
            Err(_) => detect_with(text, &mut Scratch::default()),
        })
        .unwrap_or_else(|_| detect_with(text, &mut Scratch::default()))
}

/// Buffers [`detect`] reuses from one text to the next on the same thread: it runs on
/// every customer turn, and allocating them each time was a measurable part of it.
#[derive(Default)]
struct Scratch {
    buf: String,
    spans: Vec<(usize, usize, u32, u32)>,
    /// The run of the text each word of `spans` is, if one ([`NOT_ONE_RUN`] if not).
    runs_of: Vec<u32>,
    /// Always empty between calls: only its allocation is kept.
    toks: Vec<Tok<'static>>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// Buffers larger than this are given back after use rather than kept for the thread.
const KEEP_BYTES: usize = 64 << 10;

/// An empty vector that keeps `v`'s allocation, for tokens of another lifetime (the
/// element types have the same layout, so the standard library collects in place).
fn recycle<'b>(mut v: Vec<Tok<'_>>) -> Vec<Tok<'b>> {
    v.clear();
    v.into_iter()
        .map(|_| unreachable!("the vector is empty"))
        .collect()
}

/// `text` with every passage of three words or more inside double quotes blanked out: a
/// title ("Talk to a Human", a novel), a message read out ("reply HELP to speak to an
/// adviser") or words reported are mentioned, not asked. `None` when nothing is quoted.
fn without_quotations(text: &str) -> Option<String> {
    let double = without_double_quotations(text);
    without_single_quotations(double.as_deref().unwrap_or(text)).or(double)
}

/// `text` with every title in capitals blanked out: three capitalised words or more, one a
/// verb of contact, after a word in lower case in the same sentence ("can the band close
/// with Call Me When You Land?", "we loved Talk To Me Nicely"). A song, a film or a product
/// named is not asked for. `None` when there is none (most texts hold none of the verbs
/// capitalised, and are not read further).
fn without_titles(text: &str) -> Option<String> {
    const VERBS: [&str; 7] = ["Call", "Ring", "Talk", "Speak", "Phone", "Text", "Contact"];
    if !VERBS.iter().any(|v| text.contains(v)) {
        return None;
    }
    // Each word's byte range, and whether a sentence ends between it and the word before.
    let mut words: Vec<(usize, usize, bool)> = Vec::new();
    let mut start = None;
    let mut ended = true;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_alphanumeric() || c == '\'' || c == '’' {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            words.push((s, i, ended));
            ended = false;
        }
        if matches!(c, '.' | '!' | '?' | '\n' | ':' | ';') {
            ended = true;
        }
    }
    let capitalised = |w: &(usize, usize, bool)| {
        let word = &text[w.0..w.1];
        word != "I" && word.chars().next().is_some_and(char::is_uppercase)
    };
    let mut out: Option<String> = None;
    let mut i = 1;
    while i < words.len() {
        let after_lower = !words[i].2
            && text[words[i - 1].0..words[i - 1].1]
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
        let run = words[i..]
            .iter()
            .enumerate()
            .take_while(|(n, w)| capitalised(w) && (*n == 0 || !w.2))
            .count();
        // "can you please Call Me Back": a request in capitals, asked ("please", "you"
        // before it) or ending on when ("Back", "Now").
        let asked = matches!(
            text[words[i - 1].0..words[i - 1].1].to_lowercase().as_str(),
            "please" | "pls" | "plz" | "you" | "u"
        ) || run >= 3
            && matches!(
                text[words[i + run - 1].0..words[i + run - 1].1]
                    .to_lowercase()
                    .as_str(),
                "back" | "now" | "asap" | "please" | "today" | "tomorrow"
            );
        if after_lower
            && !asked
            && run >= 3
            && words[i..i + run]
                .iter()
                .any(|w| VERBS.contains(&&text[w.0..w.1]))
        {
            let (from, to) = (words[i].0, words[i + run - 1].1);
            let blanked = out.get_or_insert_with(|| text.to_owned());
            blanked.replace_range(from..to, &" ".repeat(to - from));
            i += run;
        } else {
            i += 1;
        }
    }
    out
}

/// Whether `word` introduces what a screen, a letter or a person says.
fn says(word: &str) -> bool {
    matches!(
        word,
        "says"
            | "said"
            | "reads"
            | "shows"
            | "button"
            | "option"
            | "link"
            | "menu"
            | "steht"
            | "dice"
            | "pone"
            | "dit"
            | "indique"
            | "diz"
            | "mostra"
    )
}

/// Single quotes are also apostrophes ("don't", "the customers' accounts"), so a quotation
/// in them is only taken after a word that introduces one ("the letter said 'please ring
/// one of our advisers'"): two words or more inside are blanked.
fn without_single_quotations(text: &str) -> Option<String> {
    if !(text.contains(" '") || text.contains(" ‘")) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut changed = false;
    while let Some(space) = rest.find(' ') {
        let after_space = &rest[space + 1..];
        let Some(open) = after_space
            .chars()
            .next()
            .filter(|c| matches!(c, '\'' | '‘'))
        else {
            out.push_str(&rest[..=space]);
            rest = after_space;
            continue;
        };
        let inner_start = space + 1 + open.len_utf8();
        let before = rest[..space]
            .split(|c: char| !c.is_alphanumeric())
            .rfind(|w| !w.is_empty())
            .map(str::to_lowercase);
        // The closing quote: one with no letter or digit right after it.
        let close = rest[inner_start..].char_indices().find(|&(i, c)| {
            matches!(c, '\'' | '’')
                && i > 0
                && !rest[inner_start + i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
        });
        match close {
            Some((i, c))
                if before.as_deref().is_some_and(says)
                    && rest[inner_start..inner_start + i]
                        .split_whitespace()
                        .count()
                        >= 2 =>
            {
                let inner = &rest[inner_start..inner_start + i];
                out.push_str(&rest[..inner_start]);
                out.extend(std::iter::repeat_n(' ', inner.chars().count()));
                out.push(c);
                rest = &rest[inner_start + i + c.len_utf8()..];
                changed = true;
            }
            _ => {
                out.push_str(&rest[..inner_start]);
                rest = &rest[inner_start..];
            }
        }
    }
    out.push_str(rest);
    changed.then_some(out)
}

fn without_double_quotations(text: &str) -> Option<String> {
    let is_quote = |c: char| matches!(c, '"' | '“' | '”' | '«' | '»' | '„');
    // Most text quotes nothing: ASCII text is checked for its one quote byte at once.
    if text.is_ascii() && !text.as_bytes().contains(&b'"') || !text.contains(is_quote) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(is_quote) {
        let quote_len = rest[open..].chars().next().map_or(1, char::len_utf8);
        let inner_start = open + quote_len;
        let Some(close) = rest[inner_start..].find(is_quote) else {
            break;
        };
        let inner = &rest[inner_start..inner_start + close];
        // The words right before and after the quotation, lowercased.
        let before = rest[..open]
            .split(|c: char| !c.is_alphanumeric())
            .rfind(|w| !w.is_empty())
            .map(str::to_lowercase);
        let after = rest[inner_start + close..]
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .map(str::to_lowercase);
        // What a screen or a letter says ("the app says "contact an adviser"") is mentioned
        // even in two words.
        let said = before.as_deref().is_some_and(says);
        // A term asked about or named ("what does "escalation contact" mean", "the field
        // called "agent"") is mentioned whatever its length.
        let named = after.as_deref().is_some_and(|w| {
            matches!(
                w,
                "mean"
                    | "means"
                    | "meant"
                    | "stand"
                    | "stands"
                    | "refer"
                    | "refers"
                    | "quiere"
                    | "significa"
                    | "signifie"
                    | "veut"
                    | "bedeutet"
                    | "vuol"
            )
        }) || before.as_deref().is_some_and(|w| {
            matches!(
                w,
                "term"
                    | "word"
                    | "phrase"
                    | "called"
                    | "labelled"
                    | "labeled"
                    | "field"
                    | "heading"
                    | "tab"
                    | "significa"
                    | "signifie"
                    | "bedeutet"
            )
        });
        out.push_str(&rest[..inner_start]);
        if named
            || inner.split_whitespace().count() >= 3
            || said && inner.split_whitespace().count() >= 2
        {
            // Blanked, not removed: the words on either side stay apart.
            out.extend(std::iter::repeat_n(' ', inner.chars().count()));
        } else {
            out.push_str(inner);
        }
        rest = &rest[inner_start + close..];
        let close_len = rest.chars().next().map_or(1, char::len_utf8);
        out.push_str(&rest[..close_len]);
        rest = &rest[close_len..];
    }
    out.push_str(rest);
    Some(out)
}

fn detect_with(text: &str, scratch: &mut Scratch) -> Option<ExplicitMatch> {
    let unquoted = without_quotations(text);
    let text = unquoted.as_deref().unwrap_or(text);
    let found = detect_unquoted(text, scratch)?;
    // A title in capitals is looked for only once a request is found (most turns have none
    // to take back): read again without it.
    match without_titles(text) {
        Some(untitled) => detect_unquoted(&untitled, scratch),
        None => Some(found),
    }
}

/// [`detect_with`] on a text whose quotations are blanked out.
fn detect_unquoted(text: &str, scratch: &mut Scratch) -> Option<ExplicitMatch> {
    let mut buf = std::mem::take(&mut scratch.buf);
    buf.clear();
    let mut spans = std::mem::take(&mut scratch.spans);
    spans.clear();
    let mut runs_of = std::mem::take(&mut scratch.runs_of);
    let anchored = AsciiWords::with(text, |ascii| {
        words_ascii_with_runs(ascii, &mut buf, &mut spans, &mut runs_of);
        may_anchor(&buf, &spans, Some((&runs_of, ascii.facts())))
    })
    .unwrap_or_else(|| {
        words_chars(text, &mut buf, &mut spans);
        may_anchor(&buf, &spans, None)
    });
    if runs_of.capacity() * std::mem::size_of::<u32>() <= KEEP_BYTES {
        scratch.runs_of = runs_of;
    }
    let mut toks = recycle(std::mem::take(&mut scratch.toks));
    let found = if anchored {
        tokenize_into(&buf, &spans, &mut toks);
        may_request(&toks)
            .then(|| detect_in(&toks))
            .flatten()
            // "not another chatbot. nope.": a "nope" after turning the bot down says it
            // again; after asking for someone, it takes the asking back.
            .filter(|m| m.pattern == "reject_bot" || !taken_back(&toks))
            .filter(|m| {
                m.pattern != "staff_asked_to_help"
                    || !person_or_machine_asked(&toks) && !work_added(&toks)
            })
            .filter(|m| m.pattern != "is_there" || !person_in_the_service_asked(&toks))
    } else {
        None
    };
    let toks = recycle(toks);
    if toks.capacity() * std::mem::size_of::<Tok<'_>>() <= KEEP_BYTES {
        scratch.toks = toks;
    }
    if buf.capacity() <= KEEP_BYTES {
        scratch.buf = buf;
    }
    if spans.capacity() * std::mem::size_of::<(usize, usize, u32, u32)>() <= KEEP_BYTES {
        scratch.spans = spans;
    }
    found
}

/// Where the turn's last sentence starts (0 for a turn of one sentence, or none).
fn last_sentence_start(toks: &[Tok<'_>]) -> usize {
    toks.last().map_or(0, |last| {
        toks.iter()
            .position(|t| t.sentence == last.sentence)
            .unwrap_or(0)
    })
}

/// "get a human in on this? nah, it's fine": the last sentence opens by saying
/// no to what came before, and names no one else instead.
fn taken_back(toks: &[Tok<'_>]) -> bool {
    let from = last_sentence_start(toks);
    from > 0
        && matches!(toks[from].word, "nah" | "nope")
        && !toks[from..].iter().any(|t| anchors(t.classes))
}

/// "can the fitter also look at the back gate?", "could the electrician check the shed too
/// while he's here?": more work added to a visit booked, a thing to look at, not a person to
/// deal with the customer ("can someone also look at my account?" still asks).
fn work_added(toks: &[Tok<'_>]) -> bool {
    let inspects = |w: &str| {
        matches!(
            w,
            "look" | "check" | "inspect" | "measure" | "survey" | "assess" | "fit" | "service"
        )
    };
    let the_customer_s = |w: &str| {
        matches!(
            w,
            "me" | "us"
                | "account"
                | "case"
                | "complaint"
                | "query"
                | "question"
                | "claim"
                | "order"
                | "booking"
                | "bill"
                | "invoice"
                | "problem"
                | "issue"
                | "file"
        )
    };
    toks.windows(2).enumerate().any(|(i, w)| {
        w[0].word == "also"
            && inspects(w[1].word)
            && toks[i + 2..]
                .iter()
                .take(5)
                .take_while(|t| t.clause == w[1].clause)
                .all(|t| !the_customer_s(t.word))
            && toks[i + 2..]
                .iter()
                .take(3)
                .any(|t| matches!(t.word, "the" | "our" | "a" | "at"))
    })
}

/// "Will a human check my photos or is it all automatic?": who does the work asked about,
/// a person or the machine, in a turn of one question (not "do you have actual people I can
/// speak with or is it all automated?", a person to talk to wanted).
fn person_or_machine_asked(toks: &[Tok<'_>]) -> bool {
    let one_sentence = toks.last().is_some_and(|l| toks[0].sentence == l.sentence);
    one_sentence
        && toks.windows(2).enumerate().any(|(i, w)| {
            either_or(w[0].word)
                && toks[i + 1..].iter().take(5).any(|t| {
                    t.sentence == w[0].sentence
                        && matches!(
                            t.word,
                            "automatic" | "automated" | "automatically" | "algorithm" | "ai"
                        )
                })
        })
        && toks.first().is_some_and(|t| {
            matches!(
                t.word,
                "will" | "would" | "does" | "do" | "is" | "are" | "can" | "could"
            )
        })
}

/// "Is there someone there to help with the painting, or is it self-guided?", "is there
/// someone at the studio who teaches copperplate, or only italic?": whether the service
/// comes with a person, asked against another way of having it. A person to talk to ("is
/// there someone I can talk to, or not?") or set against the bot ("… or just bots?") is
/// still wanted.
fn person_in_the_service_asked(toks: &[Tok<'_>]) -> bool {
    let [first, second, ..] = toks else {
        return false;
    };
    // "Is the commentary automated, or is there a live guide on board?": the machine way
    // named first, then whether a person comes with the service.
    if matches!(first.word, "is" | "are" | "does" | "do")
        && let Some(or_at) = toks.windows(3).position(|w| {
            w[0].sentence == first.sentence
                && either_or(w[0].word)
                && matches!(w[1].word, "is" | "are")
                && w[2].word == "there"
        })
        && toks[1..or_at].iter().any(|t| {
            t.is(Machine)
                || matches!(
                    t.word,
                    "automated" | "automatic" | "recorded" | "prerecorded" | "audio" | "app"
                        | "self" | "guided" | "online"
                )
        })
        // "is this automated…?", "are you a bot…?": the chat itself, the person wanted.
        && !matches!(second.word, "this" | "it" | "that" | "you")
        && !toks[1..or_at]
            .iter()
            .any(|t| t.is(Talk) || t.is(Contact) || matches!(t.word, "i" | "me" | "we"))
        // "… or is there a person I can talk to?": one to talk to, wanted.
        && !toks[or_at..].windows(2).any(|w| {
            matches!(w[0].word, "i" | "we")
                && matches!(w[1].word, "can" | "could" | "may" | "talk" | "speak" | "chat")
        })
    {
        return true;
    }
    if !(matches!(first.word, "is" | "are") && second.word == "there") {
        return false;
    }
    let Some(or_at) = toks
        .iter()
        .position(|t| t.sentence == first.sentence && either_or(t.word))
    else {
        return false;
    };
    let (asked, other) = (&toks[2..or_at], &toks[or_at + 1..]);
    let other: Vec<&Tok<'_>> = other
        .iter()
        .take_while(|t| t.sentence == first.sentence)
        .collect();
    // "… or not?", "… or what?": the question pressed, no other way offered.
    let offered = other
        .iter()
        .any(|t| t.word.len() >= 3 && !matches!(t.word, "not" | "what" | "nothing" | "else"));
    // The customer wanting the person ("someone I can talk to", "someone to help me"),
    // not only there while they wait ("someone who can frame it while I wait").
    let wanted = asked.windows(2).any(|w| {
        matches!(w[0].word, "i" | "we")
            && matches!(
                w[1].word,
                "can" | "could" | "may" | "might" | "need" | "want" | "talk" | "speak" | "chat"
            )
    });
    offered
        && !wanted
        && !asked
            .iter()
            .any(|t| t.is(Talk) || t.is(Contact) || matches!(t.word, "me" | "us" | "im" | "id"))
        && !other.iter().any(|t| {
            t.is(Bot)
                || t.is(Machine)
                || t.is(StrongNoun)
                || t.is(WeakNoun)
                || matches!(t.word, "automated" | "automatic" | "ai")
        })
        // "… or am I talking to a wall?": the customer's talk set against the person ("or
        // do I do it myself?" is another way).
        && !other.windows(2).any(|w| {
            matches!(w[0].word, "i" | "me")
                && (w[1].is(Talk)
                    || matches!(w[1].word, "talking" | "typing" | "chatting" | "writing"))
        })
}

/// Whether a word of `classes` may anchor a request: one of [`ANCHORS`], but not a
/// workplace alone (it needs a verb of talking, itself an anchor).
fn anchors(classes: Classes) -> bool {
    let a = classes.0 & ANCHORS.0;
    a != 0 && !(a == 1 << Dept as u32 && classes.has(Workplace))
}

/// The classes one of which every request contains: a verb of talking, contacting,
/// handing over or escalating, a noun for a person, a department or customer service, or
/// the bot. Without any of them (and without a menu's "zero"), no pattern of
/// [`detect_in`] can match, and most turns are turned away after one pass.
const ANCHORS: Classes = Classes(
    1 << Talk as u32
        | 1 << Contact as u32
        | 1 << Escalate as u32
        | 1 << TalkFinal as u32
        | 1 << StrongNoun as u32
        | 1 << WeakNoun as u32
        | 1 << Bot as u32
        | 1 << Machine as u32
        | 1 << Dept as u32
        | 1 << Customer as u32
        | 1 << ServiceHead as u32,
);

/// The words [`menu_zero`] takes for the operator's key.
const ZERO_WORDS: &[&str] = &[
    "zero", "0", "00", "cero", "null", "zéro", "nought", "naught",
];

/// Whether `word` is one of [`ZERO_WORDS`].
fn is_zero(word: &str) -> bool {
    ZERO_WORDS.contains(&word)
}

/// An English digit from one to nine, in words ("option two", "seven seven").
fn english_digit(word: &str) -> bool {
    matches!(
        word,
        "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine"
    )
}

/// A digit said in words, as a phone number is read out in a voice transcript: "oh seven
/// seven double one", "cero seis", "null eins", in the six languages.
fn spoken_digit(word: &str) -> bool {
    is_zero(word)
        || english_digit(word)
        || matches!(
            word,
            "oh" | "double"
                | "triple"
                | "uno"
                | "dos"
                | "tres"
                | "cuatro"
                | "cinco"
                | "seis"
                | "siete"
                | "ocho"
                | "nueve"
                | "un"
                | "deux"
                | "trois"
                | "quatre"
                | "cinq"
                | "sept"
                | "huit"
                | "neuf"
                | "eins"
                | "zwei"
                | "drei"
                | "vier"
                | "funf"
                | "fuenf"
                | "sechs"
                | "sieben"
                | "acht"
                | "neun"
                | "due"
                | "tre"
                | "quattro"
                | "cinque"
                | "sei"
                | "sette"
                | "otto"
                | "nove"
                | "um"
                | "dois"
                | "quatro"
                | "sete"
                | "oito"
        )
}

/// Words that start a request without an anchor class: the keys of [`person_does_it`] and
/// the escalation idioms that carry one in their own words ("kick it up the chain", "hear
/// a real voice", "a callback"), besides the menu's "zero" and an appointment to meet
/// someone ([`in_person`]).
const ANCHOR_WORDS: &[&str] = &[
    // "a word with the upholsterer": the idiom is the verb a trade known by its form needs.
    "word",
    // "is there really nobody there?" ([`detect_in`]).
    "nobody",
    "noone",
    "nessuno",
    // "who can decide on my refund?" ([`who_can_decide`]).
    "who",
    "whom",
    "quien",
    "qui",
    "wer",
    "quem",
    "chi",
    // "we'd want to be rung back" ([`to_be_called_back`]).
    "called",
    "phoned",
    "rung",
    "contacted",
    "bump",
    "kick",
    "push",
    "send",
    "take",
    "hear",
    "hearing",
    "callback",
    "callbacks",
    "ruckruf",
    "rueckruf",
    // A callback in German: "ruf mich zurück" ([`call_me_back`]).
    "ruf",
    "rufen",
    // "could the walker message me": a message from a person asked for
    // (role_asked_to_call).
    "message",
    "msg",
    "text",
    "email",
    "dm",
    "whatsapp",
    // "¿hay un vendedor disponible?": a trade known by its form, said to be free for the
    // customer (is_there_elsewhere).
    "disponible",
    "disponivel",
    "disponibile",
    "dispo",
];

/// Whether `word` starts a request without an anchor class ([`ANCHOR_WORDS`], the menu's
/// zero, an appointment).
fn anchor_word(word: &str) -> bool {
    is_zero(word) || is_appointment(word) || ANCHOR_WORDS.contains(&word)
}

/// What a word alone tells [`may_anchor`], found with one lookup per word of the turn.
mod screen_flags {
    /// The word alone may tokenize into an anchor, or give another word a class: a word of
    /// an anchor class, an anchor word, a phrase's first word, a compound's head,
    /// "whoever".
    pub(super) const ALONE: u8 = 1;
    /// A word of the lexicon: never corrected as a typo.
    pub(super) const KNOWN: u8 = 2;
    /// The start of a word that, cut by a transcript ("per son", "customer ser vice"), the
    /// tokenizer joins again into an anchor.
    pub(super) const CUT: u8 = 4;
    /// "no", "one", "them", "they", "through": an anchor by the word beside it ("no one",
    /// "a real one", "have them call me", "get me through to…").
    pub(super) const BY_NEIGHBOUR: u8 = 8;
}

/// [`screen_flags`] of every word that has any.
static ANCHOR_SCREEN: LazyLock<crate::signals::FastMap<&'static str, u8>> = LazyLock::new(|| {
    use screen_flags::*;
    let mut screen: crate::signals::FastMap<&'static str, u8> = Default::default();
    for (&word, lex) in LEXICON.iter() {
        *screen.entry(word).or_default() |= if anchors(lex.classes) {
            KNOWN | ALONE
        } else {
            KNOWN
        };
        if joins_into_anchor(lex.classes) {
            // `merged_anchor` reads two or three pieces of two bytes or more.
            for cut in (2..word.len()).filter(|&k| word.is_char_boundary(k)) {
                *screen.entry(&word[..cut]).or_default() |= CUT;
            }
        }
    }
    let heads = MODIFIED_HEADS.iter().flat_map(|row| row.heads.iter());
    for &word in ZERO_WORDS
        .iter()
        .chain(APPOINTMENT_WORDS)
        .chain(ANCHOR_WORDS)
        .chain(PHRASE_START_WORDS)
        .chain(heads)
        .chain(&["whoever", "whos"])
    {
        *screen.entry(word).or_default() |= ALONE;
    }
    for word in ["no", "one", "them", "they", "through", "thru"] {
        *screen.entry(word).or_default() |= BY_NEIGHBOUR;
    }
    screen
});

/// The [`screen_flags`] of `word`.
pub(crate) fn anchor_screen(word: &str) -> u8 {
    if ANCHOR_SCREEN_FILTER.may_contain(word) {
        ANCHOR_SCREEN.get(word).copied().unwrap_or(0)
    } else {
        0
    }
}

/// Whether the typo memo knows `word` has no correction and no split.
pub(crate) fn known_unfixable(word: &str) -> bool {
    unfixable::known(word)
}

/// Most words of a turn have no [`screen_flags`]: turned away here, the table is not read.
static ANCHOR_SCREEN_FILTER: LazyLock<crate::signals::WordFilter> =
    LazyLock::new(|| crate::signals::WordFilter::new(ANCHOR_SCREEN.keys().copied()));

/// Whether the words `spans` of `buf` may tokenize into a request's anchor: a necessary
/// condition for [`may_request`], read before tokenizing, from what each word is alone.
/// A word the lexicon does not know may be a typo or two words run together, and so
/// anything, until the typo memo knows it has no correction.
/// `facts`: for an ASCII text, the run each word is ([`NOT_ONE_RUN`] if none) and what
/// each run tells the readers, which holds each such word's screen flags.
fn may_anchor(
    buf: &str,
    spans: &[(usize, usize, u32, u32)],
    facts: Option<(&[u32], &[WordFacts])>,
) -> bool {
    use screen_flags::*;
    spans
        .iter()
        .enumerate()
        .any(|(i, &(from, to, clause, flags))| {
            let word = &buf[from..to];
            let fact = facts.and_then(|(runs_of, facts)| {
                runs_of.get(i).and_then(|&r| facts.get(r as usize))
            });
            let screen = fact.map_or_else(|| anchor_screen(word), |f| f.anchor_screen);
            let next = spans.get(i + 1);
            let word_at = |(from, to, _, _): (usize, usize, u32, u32)| &buf[from..to];
            // "Baker Street": a word before a street in its clause is a name (the tokenizer
            // takes its classes away too); an anchor word keeps its own ("…,000 Road" ends in
            // "00", a zero, which the request reader reads for itself).
            if screen & ALONE != 0
                && (!next.is_some_and(|&n| {
                    n.2 == clause && crate::signals::words::names_a_street(word_at(n))
                }) || anchor_word(word))
            {
                return true;
            }
            // Nothing corrects, splits or compounds a word of under four bytes.
            if screen & KNOWN == 0
                && word.len() >= 4
                && !fact.is_some_and(|f| f.unfixable)
                && !unfixable::known(word)
            {
                return true;
            }
            // "a real one", "get me one", "have them call me": a word for the person by
            // what stands before it; "no one" said in two words.
            screen & BY_NEIGHBOUR != 0
                && (i > 0 && {
                    let prev = word_at(spans[i - 1]);
                    word == "one"
                        && matches!(prev, "real" | "human" | "live" | "actual" | "me" | "us" | "get")
                        || matches!(word, "them" | "they") && matches!(prev, "have" | "get" | "let")
                        // "get me through to Priya": put through, by another verb.
                        || matches!(word, "through" | "thru") && prev == "me"
                } || word == "no" && next.is_some_and(|&n| word_at(n) == "one"))
            // Two or three pieces of a word a voice transcript cut ("per son", "represent a
            // tive").
            || screen & CUT != 0
                && next.is_some_and(|&(next_from, next_to, next_clause, _)| {
                    next_clause == clause
                        && flags & 1 == 0
                        && to - from >= 2
                        && (next_to - next_from >= 2 && merged_anchor(&buf[from..next_to])
                            || spans.get(i + 2).is_some_and(|&(_, last_to, last_clause, _)| {
                                last_clause == clause && merged_anchor(&buf[from..last_to])
                            }))
                })
            // Four or five syllables ("re pre sen ta tive").
            || screen & CUT != 0 && tokenize::syllables_joined(buf, spans, i).is_some()
        })
}

/// Whether `toks` may hold a request: a cheap necessary condition for [`detect_in`],
/// checked against every evaluation text by `no_request_is_found_without_an_anchor`.
fn may_request(toks: &[Tok<'_>]) -> bool {
    toks.iter()
        // A trade known only by its form is asked for through a verb, itself an anchor: it
        // anchors nothing alone (the anchor screen, which reads words without their
        // context, could not know it).
        .any(|t| anchors(t.classes) && !by_form(t) || anchor_word(t.word))
        // "un vendeur peut m'envoyer un mail ?": a message written to the customer is the
        // verb such a trade is asked for through.
        || toks.iter().any(by_form)
            && (0..toks.len())
                .any(|v| writes_to_customer(toks, v) || writes_to_me_verb_last(toks, 0, v))
        // "is there no one here to help?", said in two words.
        || toks
            .windows(2)
            .any(|w| w[0].word == "no" && w[1].word == "one")
        // "get me through to Priya".
        || toks.windows(3).any(|w| {
            w[0].word == "get" && w[1].word == "me" && matches!(w[2].word, "through" | "thru")
        })
}

/// The corrected typos in a text, for explanations ("somelne" → "someone").
pub fn corrections(text: &str) -> Vec<(String, String)> {
    let mut buf = String::with_capacity(text.len());
    let spans = words(text, &mut buf);
    tokenize(&buf, &spans)
        .into_iter()
        .filter_map(|t| {
            t.corrected_from
                .map(|from| (from.to_owned(), t.word.to_owned()))
        })
        .collect()
}

#[cfg(test)]
mod anchor_tests {
    use super::*;

    #[test]
    fn no_request_is_found_without_an_anchor() {
        let texts = crate::test_texts::eval_texts();
        assert!(texts.len() > 3000, "the evaluation files were read");
        let mut screened = 0;
        for text in &texts {
            let mut buf = String::new();
            let spans = words(text, &mut buf);
            let toks = tokenize(&buf, &spans);
            if !may_request(&toks) {
                screened += 1;
                assert_eq!(detect_in(&toks), None, "{text}");
            }
        }
        // The screen turns away most ordinary text.
        assert!(screened > texts.len() / 4, "{screened} of {}", texts.len());
    }

    #[test]
    fn words_without_an_anchor_tokenize_to_none() {
        let texts = crate::test_texts::eval_texts();
        let mut screened = 0;
        for text in &texts {
            // Once to teach the typo memo the text's words, as earlier turns do.
            detect(text);
            let mut buf = String::new();
            let spans = words(text, &mut buf);
            if !may_anchor(&buf, &spans, None) {
                screened += 1;
                assert!(!may_request(&tokenize(&buf, &spans)), "{text}");
            }
        }
        eprintln!("{screened} of {}", texts.len());
        assert!(screened > texts.len() / 4, "{screened} of {}", texts.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_matter_as_object_before_the_person() {
        all_requests(&[
            "can I talk this through with somebody from the lending team",
            "could I talk things over with one of the staff",
        ]);
        no_requests(&["we talked that through with our accountant last year"]);
    }

    #[test]
    fn a_german_callback_with_the_number_to_call() {
        all_requests(&[
            "rufen Sie mich unter 0221 998877 zurück",
            "könnten Sie mich unter der Nummer 040 55 66 77 anrufen",
            "rufen Sie mich heute noch zurück, danke",
        ]);
        no_requests(&["jemand hat mich unter einer fremden Nummer angerufen"]);
    }

    #[test]
    fn french_personne_before_ne_is_nobody() {
        no_requests(&[
            "le livreur devait passer hier et personne ne s'est présenté",
            "j'ai appelé trois fois, personne n'a décroché",
        ]);
        all_requests(&["passez-moi une vraie personne, merci"]);
    }

    /// Every text is a request.
    fn all_requests(texts: &[&str]) {
        for t in texts {
            assert!(detect(t).is_some(), "{t}");
        }
    }

    /// No text is a request.
    fn no_requests(texts: &[&str]) {
        for t in texts {
            assert_eq!(detect(t), None, "{t}");
        }
    }

    fn yes(text: &str) {
        assert!(detect(text).is_some(), "should detect: {text}");
    }
    fn no(text: &str) {
        assert!(
            detect(text).is_none(),
            "should not detect: {text} -> {:?}",
            detect(text)
        );
    }

    #[test]
    fn hand_over_idioms_bot_rejections_and_other_languages_are_requests() {
        for t in [
            // hand-over verbs and idioms
            "could you loop in somebody from your team",
            "hook me up with a real agent",
            "just hand off to a person",
            "may I have a word with the manager on duty",
            "send me to the front desk please",
            "I want to be dealt with by an actual person",
            "could one of your technicians ring me",
            // rejecting the bot without naming a person
            "please skip the bot",
            "switch off the chatbot",
            "the bot is useless",
            "your AI doesn't understand me at all",
            "I never asked for an AI assistant",
            "enough with the virtual agent",
            "we're done chatting with a computer",
            "take this robot off the chat",
            "are you human? if not, I want someone who is",
            // voice menus and typos
            "uh zero",
            "main menu, representative",
            "I nedd a person",
            // the other languages
            "¿me podría atender una persona?",
            "¿hay algún agente ahí?",
            "passez-moi votre responsable",
            "y a-t-il un conseiller ?",
            "verbinden Sie mich bitte mit Ihrem Vorgesetzten",
            "könnten Sie mich an einen Mitarbeiter weiterleiten",
            "stellen Sie mich zu einem Kollegen durch",
            "tem algum atendente disponível?",
            "mi passi un addetto per favore",
            "c'è un operatore?",
        ] {
            yes(t);
        }
        for t in [
            "I read the operator handbook twice",
            "the robot vacuum isn't working",
            "my chatbot doesn't understand Spanish",
            "I turned off the robot and it still beeps",
            "check out this robot",
            "the alarm is calling my daughter",
            "yesterday I spoke with an agent about this",
            "hablé con un agente ayer y no sirvió",
            "later I might talk to someone about it",
            "si mañana no llega, a lo mejor pido hablar con una agente",
            "ce conseiller m'a dit d'attendre",
        ] {
            no(t);
        }
    }

    #[test]
    fn a_person_asked_to_do_the_work_is_a_request() {
        for t in [
            "could you have somebody go through my statement",
            "is there any chance to get a colleague to verify this",
            "honestly I'd be happier if an advisor handled the refund",
            "I wonder if one of your staff could call me this afternoon",
            "somebody in your billing team could sort this out faster",
            "can I book a call back for Friday",
            "could we set up a quick call with a specialist",
            "are any agents available at the moment?",
            "I just want to hear a real voice",
            "me gustaría que una asesora revisara la factura",
            "je voudrais qu'un conseiller m'appelle",
            "vorrei che un tecnico controllasse il contatore",
            "je préférerais régler ça avec un conseiller",
            "páseme con el departamento de bajas, por favor",
            "können Sie mich mit der Abteilung für Rechnungen verbinden",
            "mi passi il reparto commerciale",
        ] {
            yes(t);
        }
        for t in [
            "I had someone check it yesterday and it was fine",
            "it would have been nice if a person had told me earlier",
            "anybody can see that the price went up",
            "is anyone else having this problem with the update?",
            "a callback was promised and nobody called",
            "I don't want somebody to call me, email is fine",
            "my neighbour could help me set it up",
        ] {
            no(t);
        }
    }

    #[test]
    fn escalating_in_other_words_and_being_done_with_the_machine_are_requests() {
        for t in [
            "please push my complaint up the ladder",
            "can you bump me up to a team leader",
            "just get me connected, this is going nowhere",
            "you are only a program, you cannot fix my bill",
            "take me out of this stupid menu",
            "no, I do not want a robot",
            "gibt es bei euch wen? ist da jemand vom Kundendienst",
            "c'è un tecnico disponibile adesso?",
            "I'd rather go through the claim with one of your advisors",
            "bitte an einen Mitarbeiter übergeben",
            "zero, I'm pressing zero again",
        ] {
            yes(t);
        }
        for t in [
            "what does the escalation policy say about refunds",
            "put me down for delivery on Tuesday",
            "can you bump my speed up to 500 megabits",
            "you're a lifesaver, the machine works now",
            "I got my money out of the machine",
        ] {
            no(t);
        }
    }

    #[test]
    fn call_backs_in_other_orders_and_who_to_talk_to_are_requests() {
        for t in [
            "une conseillère pourrait me rappeler demain ?",
            "algum atendente pode me retornar hoje?",
            "could an advisor get back to me this week",
            "who should I speak to about a refund",
            "please get me away from this robot",
            "eh, sí, un asesor, un asesor",
            "none of those options, an agent, an agent",
        ] {
            yes(t);
        }
        for t in [
            "the escalate link in the app does nothing",
            "someone got back to me yesterday, all sorted",
            "who can I call to book a delivery slot, or is it online only?",
            "yes the advisor, the advisor I had was lovely",
        ] {
            no(t);
        }
    }

    #[test]
    fn an_offer_to_have_a_person_call_and_a_yes_with_thanks_hand_over() {
        assert!(offers_handover(
            "Shall I ask a nurse from the clinic to call you this afternoon?"
        ));
        assert!(offers_handover(
            "Would you like me to connect you with an agent?"
        ));
        assert!(!offers_handover("Would you like me to call you a taxi?"));
        // A person of the service offered as the thing wanted.
        assert!(offers_handover("Would you like one of our advisers?"));
        assert!(!offers_handover("Would you like your own login?"));
        // A person brought in to do the work.
        assert!(offers_handover(
            "Shall I get a colleague from billing to look at the charge?"
        ));
        assert!(!offers_handover("Shall I ask the courier for a new slot?"));
        assert!(accepts_offer("yes please, that would be brilliant"));
        assert!(accepts_offer("yes please"));
        assert!(!accepts_offer("yes please, but not until Monday"));
        assert!(!accepts_offer("no thanks, that's great as it is"));
        // The person turned down by name.
        assert!(!accepts_offer("I'll skip the adviser for now"));
        assert!(!accepts_offer("think I'll pass on the specialist, ta"));
        assert!(!accepts_offer("I'll skip the call back, an email is fine"));
    }

    #[test]
    fn a_trade_talked_with_hearing_from_whoever_and_going_through_it_with_me() {
        all_requests(&[
            "could I have a word with the upholsterer about the fabric",
            "I want to speak to the engraver before it is cut",
            "I need to hear from whoever packed the order, today",
            "whoever approves discounts, that's who I'd like to hear from",
            "somebody who has looked at the drawings should get back to me",
            "someone needs to go through the quote with me line by line",
        ]);
        no_requests(&[
            "can you connect to the scanner from the app?",
            "I'd love to hear from you when the stock is in",
            "someone needs to go through the returns pile",
        ]);
    }

    #[test]
    fn a_thing_wanted_for_a_person_another_s_wish_some_day_and_staff_present_as_a_rule() {
        no_requests(&[
            "we'd like a leaving card for a colleague, do you print them?",
            "my brother would love to talk to the blacksmith some day",
            "is there a member of the crew on deck during the crossing in case of seasickness?",
        ]);
        all_requests(&[
            "I asked for a person, not this",
            "is there a member of the crew I could talk to?",
        ]);
    }

    #[test]
    fn offers_taken_up_by_a_pronoun_a_call_given_and_the_formal_italian_you() {
        assert!(offers_handover(
            "Would you like one of our kite experts to get in touch this week?"
        ));
        assert!(!offers_handover(
            "Would you like one of our kite bags as well?"
        ));
        for offer in [
            "If a chat with our nurses would help, I can ask one of them to phone you. Shall I?",
            "Shall I get one of our fitters to give you a ring this afternoon?",
            "Desidera che la trasferisca a un collega?",
        ] {
            assert!(offers_handover(offer), "{offer}");
        }
        assert!(!offers_handover(
            "Your order is with the couriers. Shall I ask them to text you the slot?"
        ));
    }

    #[test]
    fn replies_thanking_hard_wanting_it_soon_picking_a_number_or_keeping_it_here() {
        assert!(accepts_offer("yes, thanks so much"));
        assert!(accepts_offer("oui, merci beaucoup"));
        assert!(accepts_offer("sí, pero rápido por favor"));
        assert!(!accepts_offer("no thanks so much, I'm fine"));
        assert!(!accepts_offer("yes but let me look at the app first"));
        assert!(!accepts_offer("can you just sort it here"));
        assert!(accepts_offer(
            "if that's faster than fixing it here, then yes"
        ));
        let offer = "Option one: I rebook you online now. Option two: a colleague phones you.";
        assert!(chooses_offered_person(offer, "2"));
        assert!(chooses_offered_person(offer, "two please"));
        assert!(!chooses_offered_person(offer, "one"));
    }

    #[test]
    fn a_staff_word_set_against_the_bot_and_someone_about_to_do_something() {
        all_requests(&["I'd rather settle this with an adviser, not a chatbot"]);
        no_requests(&[
            "not a bot, my manager tested the form",
            "is this plan sensible for someone about to move abroad?",
        ]);
    }

    #[test]
    fn owners_coaches_by_compound_col_and_a_past_told_of_the_topic() {
        for text in [
            "¿puedo hablar con la dueña del local?",
            "kann ich bitte mit dem Inhaber sprechen?",
            "ich möchte mit der Schwimmtrainerin sprechen",
            "potrei parlare col titolare?",
            // "q" typed for "que"; the person's team between the person and the call.
            "me gustaria q alguien de la tienda me llamara",
            "pourriez-vous demander à quelqu'un du service des ventes de me rappeler ?",
            // The past is of what the talk is about.
            "I'd like to talk to a manager about the order that went missing yesterday",
        ] {
            assert!(detect(text).is_some(), "{text}");
        }
        for text in [
            "soy la dueña del perro que trajo ayer",
            "yesterday I talked to a manager about the order",
            // A condition opened by "should".
            "Should the clasp break again we'll ask for someone to fix it, all good today",
        ] {
            assert_eq!(detect(text), None, "{text}");
        }
    }

    #[test]
    fn offers_of_any_person_of_ours_and_replies_that_name_or_condition_the_yes() {
        for offer in [
            // One of "our" anything who contacts the customer, or is told of with "who".
            "Shall I ask our thatcher to get in touch with you next week?",
            "I can pass your message to our roaster, who will answer by email. Is that ok?",
            // A workplace talked with, and the formal "you" of a verb.
            "Would you like to talk with the bakery directly?",
            "Desidera parlare con un collega dell'ufficio?",
            // German verb last; Portuguese "falar com você".
            "Soll sich jemand aus der Werkstatt bei Ihnen melden?",
            "Posso pedir a alguém da loja para falar com você?",
        ] {
            assert!(offers_handover(offer), "{offer}");
        }
        assert!(!offers_handover("Would you like to read about our farm?"));
        // A yes with a condition or a way of contact, a yes asking how long, the verb said
        // back.
        for reply in [
            "oui, s'il me rappelle demain matin",
            "ja, aber wie lange dauert das?",
            "yes, ideally by email",
            "si, siempre que sea hoy",
            "quiero, sí",
        ] {
            assert!(accepts_offer(reply), "{reply}");
        }
        assert!(!accepts_offer("yes, but not today"));
        // "Call it off" is to cancel, whatever noun comes next in a transcript.
        assert_eq!(
            detect("we had to call it off the plumber never showed"),
            None
        );
        assert!(detect("can you call the plumber for me").is_some());
        assert!(!accepts_offer("no quiero"));
        // A reply naming what only the person's option says.
        let offer =
            "I can send the price list now, or put you through to the workshop. Which suits?";
        assert!(chooses_offered_person(offer, "the workshop please"));
        assert!(!chooses_offered_person(offer, "the price list please"));
        // One of "ours" the customer is passed to, picked first in a longer reply.
        let offer = "Je peux réserver ici, ou vous passer notre chocolatière. Que préférez-vous ?";
        assert!(chooses_offered_person(
            offer,
            "La chocolatière, merci, c'est pour un gâteau"
        ));
        assert!(!offers_handover("Je peux vous envoyer notre brochure ?"));
        let offer = "Shall I text you the times, or have a coach call you?";
        assert!(chooses_offered_person(offer, "the coach, thanks"));
        assert!(!chooses_offered_person(offer, "the text is fine"));
    }

    #[test]
    fn offers_in_the_other_languages_and_a_call_arranged_are_offers() {
        for offer in [
            "Je peux vous mettre en contact avec une collègue de l'agence, d'accord ?",
            "¿Quiere que le pase con un gestor?",
            "Posso passarla con un tecnico del negozio?",
            "Möchten Sie, dass ich Sie mit einer Beraterin verbinde?",
            "Shall I book a call with one of our advisers for tomorrow?",
        ] {
            assert!(offers_handover(offer), "{offer}");
        }
        for other in [
            "Would you like me to book a table for two?",
            "Shall I set up a direct debit with your bank?",
            "¿Quiere que le envíe el enlace por correo?",
        ] {
            assert!(!offers_handover(other), "{other}");
        }
        assert!(offers_handover(
            "Voulez-vous que je vous mette en contact avec une conseillère ?"
        ));
        assert!(accepts_offer("oui, volontiers"));
        assert!(accepts_offer("ok, yes please, that would be simpler"));
        assert!(accepts_offer(
            "Is that someone in the branch? Then yes, please arrange it."
        ));
        assert!(!accepts_offer(
            "Is that someone in the branch? No, leave it."
        ));
    }

    #[test]
    fn an_order_given_anew_in_a_run_on_call_is_a_request_a_german_statement_is_not() {
        all_requests(&[
            "das display bleibt schwarz geht gar nicht verbinden sie uns mit jemandem vom service",
            "no carga nada pongame con alguien de soporte",
        ]);
        no_requests(&[
            "Eben ist jemand vom Nachbarhaus in meinen Account eingeloggt gewesen",
            "morgen ist jemand von uns zu Hause",
        ]);
    }

    #[test]
    fn an_act_refused_or_not_wished_with_the_machine_rejects_the_bot() {
        all_requests(&[
            "we refuse to go through the pension switch with a chatbot",
            "frankly I would prefer not to handle a bereavement with a robot",
            "we're not discussing the insurance claim with an automated assistant",
        ]);
        no_requests(&[
            "I would rather not sort it with a spreadsheet",
            "I refuse to pay twice for the same delivery",
        ]);
    }

    #[test]
    fn a_named_newsletter_a_carrier_switched_and_a_call_asked_about_are_no_requests() {
        no_requests(&[
            "can I unsubscribe from the Talk to a Trainer newsletter?",
            "vou trocar de operadora no mês que vem",
            "why did somebody ring me twice on Sunday?",
        ]);
        all_requests(&["quero falar com uma operadora, por favor"]);
    }

    #[test]
    fn an_option_picked_by_its_place_is_matched_to_the_offer() {
        let offer = "We could post the form out, or shall I have an adviser phone you?";
        assert_eq!(person_option(offer), Some(1));
        assert_eq!(
            person_option(
                "Shall I pass you over to a colleague, or would you rather I resend the code?"
            ),
            Some(0)
        );
        assert_eq!(person_option("Shall I pass you over to a colleague?"), None);
        // The person offered as whom the customer may speak with, the question apart.
        let offer =
            "I could email the form, or you may speak with a colleague of mine. Which suits?";
        assert_eq!(person_option(offer), Some(1));
        assert!(!offers_handover(
            "You can speak to your own GP about it. Anything else?"
        ));
        assert_eq!(chosen_option("um the latter please"), Some(1));
        assert_eq!(chosen_option("option one"), Some(0));
        assert_eq!(chosen_option("la segunda, gracias"), Some(1));
        assert_eq!(chosen_option("not the second one"), None);
        assert_eq!(chosen_option("the first, no wait, the second"), None);
        assert_eq!(chosen_option("thanks"), None);
    }

    #[test]
    fn menus_said_twice_and_who_decides_are_requests() {
        for t in [
            "uh no no agent agent",
            "billing billing, customer service, customer service",
            "pues, este, asesor, asesor",
            "wer kann meine Erstattung genehmigen?",
            "who could approve this for me",
            "allô, quelqu'un est là ?",
        ] {
            yes(t);
        }
        for t in [
            "no agent",
            "customer service",
            "este recibo está mal",
            "who can decide which plan suits a student?",
        ] {
            no(t);
        }
    }

    #[test]
    fn trades_heads_teams_desks_and_a_real_one_are_requests() {
        for t in [
            "could the dentist give me a call this afternoon",
            "i'd like the head of sales to ring me",
            "can a member of the accounts team look at it",
            "please put me through to the lost property desk",
            "this is a chatbot isn't it, get me a real one",
            "is there honestly nobody there?",
            "to whoever reads this, ring me back please",
            "passez-moi la directrice s'il vous plaît",
            "mi giri a un collega del reparto guasti",
        ] {
            yes(t);
        }
        for t in [
            "my dentist wants the referral letter",
            "I'll give it to the doctor at my appointment",
            "the head of the queue was chaotic",
            "my robot vacuum broke, I need a real one",
            "is there anyone who can sign for it on my behalf?",
            "the letter says a member of our team will ring",
            "they told me a nurse would phone me today and nobody has",
        ] {
            no(t);
        }
    }

    #[test]
    fn paraphrases_are_requests() {
        for t in [
            "let me talk to a real person",
            "I want to speak with a human",
            "can I get a human please",
            "agent",
            "HUMAN!!!",
            "representative please",
            "live agent now",
            "transfer me to someone who can help",
            "put me through to an operator",
            "I need to speak to your supervisor",
            "is there a real person there?",
            "I'd like to escalate this",
            "connect me with one of your agents",
            "why can't I talk to a human?",
            "I don't know how to reach a person",
            "speak to customer service",
        ] {
            yes(t);
        }
    }

    #[test]
    fn typos_and_voice_disfluencies_are_requests() {
        for t in [
            "uh can I get a real person",
            "um, uh, I wanna like talk to somebody",
            "can i can i speak with a representative",
            "i need to speakto an agnet",
            "contactingassistant",
            "help to contacvt a live agent",
            "i cannot pseak to an operator",
            "is it possible to speak to osmebody",
            "talk to a represntative",
            "humaaan please",
        ] {
            yes(t);
        }
    }

    #[test]
    fn courtesies_cut_words_roles_and_word_orders_are_requests() {
        all_requests(&[
            "if it's no bother, I'd like to speak with someone",
            "who else could I talk to about the refund",
            "con quién puedo hablar sobre la factura",
            "could I have a brief word with a supervisor",
            "qualcuno dell'assistenza mi chiami per favore",
            "ist ein Kundenberater erreichbar?",
            "no. no. representative.",
            "zero, zero, operator",
            "can an account officer call me",
            "please put me through to the rep re sentative",
            "der Vertrag soll an die Rechtsabteilung weitergeleitet werden, bitte verbinden Sie mich mit der Rechtsabteilung",
        ]);
        no_requests(&[
            "if I ever need to talk to someone I'll ring back",
            "who can talk the bank into a refund?",
            "the Baker Street branch was closed",
            "my payment was adjusted twice",
        ]);
    }

    #[test]
    fn the_bot_refused_in_other_words() {
        all_requests(&[
            "robot, go away",
            "quit feeding me scripted answers",
            "I don't want an AI deciding my refund",
            "we want out of your bot",
            "that canned stuff is useless",
            "I'm not going to describe my injury to a computer",
        ]);
    }

    #[test]
    fn admin_acts_quotations_ordeals_and_carriers_are_not_requests() {
        no_requests(&[
            "how can I escalate permissions for a new teammate",
            "the leaflet says contact an agent for details, where is the form",
            "the app put me through four identity checks today",
            "vorrei cambiare operatore e tenere il numero",
            "the escalators in your mall are out of order",
        ]);
    }

    #[test]
    fn questions_wishes_and_oughts_that_ask_for_a_person() {
        all_requests(&[
            "why don't you just put me through to someone",
            "if a specialist could ring me tomorrow, it would help a lot",
            "who do I have to speak with to get a refund",
            "is there anyone we can talk to about the outage",
            "honestly an actual person should look at this",
            "perché non mi passate un operatore?",
            "necesito que una asesora me llame",
            "ich möchte nicht mit einem Bot über meine Rechnung reden",
            "I didn't come here to chat with a program",
            "I refuse to discuss my mortgage with software",
            "please put me straight through to an advisor",
            "can I talk to the property manager about the boiler",
            "new customer. zero. representative",
        ]);
        no_requests(&[
            "last month your advisor told me the fee was waived, and it was",
            "more people should check out your new app",
            "the talk to an expert option is not in my plan",
        ]);
    }

    #[test]
    fn quoted_passages_are_mentioned_not_asked() {
        no_requests(&[
            "the book \"Speak to a Real Person\" came with a torn spine",
            "an sms said “reply AGENT to talk to an advisor”, is it yours?",
        ]);
        // A short quote is still the customer's word, and text after the quote still counts.
        assert!(detect("\"agent\" please").is_some());
        assert!(
            detect("I read \"how to reset it\" twice, now put me through to someone").is_some()
        );
    }

    #[test]
    fn leads_tutors_and_bots_named_by_an_adjective() {
        all_requests(&[
            "can I speak to the shift lead",
            "who would I have to talk to about my deposit",
            "this automatic stuff isn't helping",
            "stop sending me templated replies",
            "one of your claims handlers could look over it when free",
            "is there someone who can just sign this off",
            "I'd rather hear the news from a real advisor",
            "do you mind if I speak to a supervisor",
            "any chance of a callback from your billing people",
            "I'm looking for a representative to discuss the contract",
            "can I ask one of your pharmacists about the dosage",
            "I'd rather sort it out with someone from your fraud team",
            "I want your team to look at the invoice",
            "I need anybody at the branch to confirm the transfer",
            "is the night manager about? my key card stopped working",
            "could you loop a supervisor into this chat",
            "maybe somebody more senior could weigh in on the fee",
            "are there people over there we could talk to",
            "could you pass me over to one of the claims people",
        ]);
        no_requests(&[
            "please switch off the automatic renewal on my plan",
            "how do I stop the automated reply emails",
            "I need the executive summary of my annual statement",
            "the lead time on the sofa is six weeks",
            "it is too much to ask people to queue for an hour",
            "is there anybody else on the policy who can make claims",
        ]);
    }

    #[test]
    fn other_languages_are_requests() {
        for t in [
            "necesito hablar con una persona",
            "¿puedo hablar con una agente?",
            "pásame con una asesora, por favor",
            "je veux parler à un vrai conseiller",
            "je voudrais parler avec un humain",
            "Ich möchte mit einem echten Mitarbeiter sprechen",
            "verbinden Sie mich bitte mit einem echten Menschen",
            "eu quero falar com algum atendente",
            "gostaria de falar com uma pessoa",
            "vorrei parlare subito col consulente",
            "posso parlare con una persona, per favore?",
        ] {
            yes(t);
        }
    }

    #[test]
    fn hard_negatives_are_not_requests() {
        for t in [
            "the person I spoke to was very rude",
            "that was a human error on your side",
            "I don't need an agent, just tell me the balance",
            "I do not want to talk to any person",
            "no need to transfer me",
            "the agent said my refund is on its way",
            "I spoke to someone yesterday",
            "please update my personal details",
            "am I talking to a real person?",
            "my travel agent booked it",
            "your virtual assistant is great",
            "how do I contact customer service",
            "what is the customer service phone number",
            "I talked to an agent already",
            "no quiero hablar con un humano",
            "je ne veux pas parler à une conseillère",
            "ich will keinen Menschen sprechen",
            "can you transfer money to my account",
            "update the contact person on my account",
            "I want to track my order",
            "human resources sent me an email",
        ] {
            no(t);
        }
    }

    #[test]
    fn twelfth_round_concepts_are_requests() {
        all_requests(&[
            // a person first, the reason after, no pause marked (voice)
            "representative please the meter reading is off",
            "human now the invoice total looks doubled",
            // ending on "just a person"
            "this is going nowhere, honestly just a person",
            // a presence check as the first sentence
            "anybody? the chat has been quiet for ages",
            // visits and appointments with a person, in the six languages
            "could I pop in and see somebody about the loan",
            "I'd like to book an appointment with an adviser",
            "quisiera pedir una cita presencial en la oficina",
            "gostaria de marcar um atendimento presencial",
            "vorrei fissare un appuntamento allo sportello",
            // hand-over verbs and take-over verbs of the other languages
            "pourriez-vous transmettre ma demande à un conseiller",
            "mi puoi passare un operatore",
            "que alguien humano asuma el caso por favor",
            "pode alguém assumir o atendimento",
            "kann ein Mitarbeiter das übernehmen",
            // a department then a polite formula; a patched call
            "pásame con reclamaciones por favor",
            "patch me through to the returns desk",
            // an umlaut typed as "ue"
            "koennen Sie mich bitte mit einem Mitarbeiter verbinden",
            // German verb-final transfer, and "lieber" between the want and the person
            "würden Sie mich jetzt weitervermitteln",
            "ich möchte das lieber mit einer Beraterin besprechen",
        ]);
    }

    #[test]
    fn twelfth_round_other_senses_are_not_requests() {
        no_requests(&[
            // things that escalate are not a case escalated
            "will the rent escalate next year",
            "fees keep escalating every quarter",
            // operators of other trades
            "the tour operator cancelled our flight",
            "which network operator do you use",
            // described, not asked for
            "he is just a human like the rest of us",
            "it is not just a person who decides",
            // an appointment the customer already has
            "I need to move my appointment at the branch",
            // "ue" that is no umlaut
            "the queue to the counter was long",
            // German: forwarding a mail, or refusing to be put through
            "können Sie die Rechnung an mich weiterleiten",
            "bitte stellen Sie mich nicht durch",
        ]);
    }

    #[test]
    fn thirteenth_round_concepts_are_requests() {
        all_requests(&[
            // callbacks asked in the imperative, in the six languages
            "phone me back asap",
            "rappelle-moi vite stp",
            "llamenme hoy por favor",
            "rufen Sie mich heute noch zurück",
            "me liguem por favor",
            "richiamatemi oggi",
            // a person described by what they may decide
            "someone who can authorise the refund, please",
            "alguien que pueda resolver esto",
            "quelqu'un qui peut décider",
            // hesitations of other languages between repeated nouns, "I said zero"
            "aeh berater berater",
            "ahn atendente, atendente",
            "zero, I said zero",
            // greetings before the person, an asking word in a clause of its own
            "hello, operator please, the line keeps dropping",
            "por favor, uma pessoa",
            // elided French "me" on the verb; reception in other languages
            "un agent pourrait-il m'appeler avant vendredi",
            "páseme con recepción",
            // a "no" to the AI's other offer, then the request
            "no just transfer me to the billing desk",
            // German verb-final callback by a person
            "bitte sorgen Sie dafür, dass mich bald eine Beraterin zurückruft",
            // a meeting with a person
            "can I book a meeting with a mortgage adviser",
        ]);
    }

    #[test]
    fn thirteenth_round_other_senses_are_not_requests() {
        no_requests(&[
            // a callback with more to it is not asked now
            "call me when the parcel ships",
            "call me crazy but I liked the old app",
            "mi chiamo Giulia e ho un problema con la bolletta",
            "ich rufe morgen wieder an",
            // a person who can do something, described
            "the man who can fix it is on holiday",
            "someone who helped me last week said it was done",
            // a quoted term asked about
            "what does \"escalation contact\" mean on this form",
            "the field labelled \"agent\" is empty",
            "er sagt, dass mich niemand anruft",
            "no I don't want to be transferred",
            "my meeting with the adviser last week went well",
        ]);
    }

    #[test]
    fn fifteenth_round_concepts_are_requests() {
        all_requests(&[
            // one of theirs, and the other languages' professionals and colleagues
            "could one of your advisers phone me this afternoon",
            "can a nurse call me back about the results",
            "quisiera hablar con una farmacéutica",
            "pásame con una compañera, por favor",
            // nobody to talk to; whoever handles it
            "is there no one I could speak with about this?",
            "non c'è proprio nessuno con cui parlare?",
            "gostaria de falar com quem resolve isso",
            "je voudrais parler à celle qui s'occupe de mon dossier",
            // the subjunctive asks; a time after the verb says when to call
            "que alguien de ventas me llame, por favor",
            "qualcuno dell'assistenza mi richiami",
            "could someone ring me on Friday morning",
            // moved over to someone, wanted, met
            "chuck me over to billing",
            "I'm after a supervisor",
            "I'd be grateful if an adviser could ring me",
            "je veux prendre rendez-vous en agence avec une conseillère",
            "could I come in and sit down with an adviser",
            "una persona de carne y hueso, por favor",
        ]);
    }

    #[test]
    fn fifteenth_round_other_senses_are_not_requests() {
        no_requests(&[
            // the trouble coming back, later
            "si se repite, pediré hablar con un supervisor",
            "s'il recommence, je demanderai à parler à quelqu'un",
            "se si ripete chiederò di parlare con un operatore",
            // the customer's own, a person passing by, a quotation
            "mi médico me recomendó este seguro",
            "cuando pase el técnico le doy la llave",
            "the sign said 'speak to a member of staff' so here I am",
            "quand quelqu'un me rappelle, je ne décroche jamais",
        ]);
    }

    #[test]
    fn sixteenth_round_requests_are_found() {
        all_requests(&[
            // a case passed on to a person
            "could you forward my query to a team leader",
            "je voudrais que ma plainte soit transmise à un responsable",
            "puoi girare la mia segnalazione a un tecnico?",
            // contacting in a phrase, a meeting sat down, a take-over
            "can somebody from accounts get in touch today",
            "is there any chance a supervisor could get in touch",
            "¿me puede devolver la llamada un asesor?",
            "quisiera reunirme con un asesor en la sucursal",
            "une conseillère peut prendre le relais ?",
            "pouvez-vous me mettre en relation avec un technicien",
            "mi mette in linea con un tecnico, grazie",
            "basculez-moi sur un technicien svp",
            "passez-moi le service après-vente s'il vous plaît",
            "please arrange for an engineer to ring me",
            "ich möchte, dass mich ein Kundenberater anruft",
            "kann ich kurz mit einer Beraterin telefonieren",
            // the bot set against a person
            "not a bot. a person please",
            "would you transfer me to someone if I paid the balance now",
        ]);
    }

    #[test]
    fn sixteenth_round_other_senses_are_not_requests() {
        no_requests(&[
            // a co-holder, a requirement, advice told, an exchange told, a condition
            "is anyone on my account allowed to order a card?",
            "do we need somebody to countersign the lease?",
            "my uncle was telling everyone to demand a human, but I won't",
            "a support agent said my warranty ends in May",
            "si mañana sigue sin conexión, igual pido hablar con alguien",
            "se giovedì il pacco ancora manca, magari chiederò un operatore",
            "inutile de me passer un conseiller, je veux juste le code",
            "the human papillomavirus jab, is it free?",
            "would it be possible to talk to an adviser if I moved to the gold plan?",
        ]);
    }

    #[test]
    fn seventeenth_round_requests_are_found() {
        all_requests(&[
            // a call asked for from a person, a person who must do the work
            "could you organise a call from a senior adviser",
            "any chance of a supervisor getting in touch today?",
            "a real person has to sort this out",
            "someone real must go over the bill",
            // the UK callback, a passive hand-over, vocatives and interjections
            "could one of your engineers give me a bell",
            "could I be forwarded to a person in accounts",
            "just a human, mate",
            "for god's sake, agent",
            "kindly call me back",
            "nought",
            // the person asked about, then asked for
            "who's the duty manager today? can I talk to her",
            // a meeting said in person
            "can I sit down with an adviser about my pension, face to face",
            // other languages: a passive callback, a subjunctive one, connecting, desks
            "je voudrais être recontactée par une conseillère",
            "vorrei essere richiamato da una tecnica domani",
            "que la enfermera me devuelva la llamada",
            "¿me comunica con un asesor?",
            "y a-t-il un conseiller disponible ?",
            "c'è nessuno?",
            "cadê o atendente?",
            "bitte eine echte Person",
            "chönnt ich mit öpperem rede?",
        ]);
    }

    #[test]
    fn seventeenth_round_other_senses_are_not_requests() {
        no_requests(&[
            "if the bot can't sort it by Friday I may ask for someone",
            "the captcha says I'm a robot, but I am a person, not a bot",
            "non c'è nessuno a casa il martedì",
            "who sent this letter? I'll talk to them myself later",
            "the reception on my phone is poor",
            "the engineer has to come out again next week?",
        ]);
    }

    #[test]
    fn eighteenth_round_requests_are_found() {
        all_requests(&[
            // passed and switched as hand-overs, slang verbs
            "can my complaint be passed to a supervisor",
            "please get me switched to an adviser",
            "bung me over to a supervisor, ta",
            // a staff noun with its place, the people addressed, the line
            "the shift supervisor please",
            "could one of you lot phone me tonight",
            "is anyone human on the line?",
            // asked as a possibility, wished in the past
            "is there a way for a pharmacist to check my dose with me",
            "it'd be lovely if someone from the surveyors got back to me",
            // German women's titles
            "ich hätte gern die Marktleiterin gesprochen",
            // a run-on transcript, a menu key said twice, a meeting said in person
            "stop the robot talk please i need an actual human",
            "zero, i mean zero",
            "could we talk it over face to face with an adviser",
            // regional words: Québec, Austria, Rome, Spain; German "here"
            "je veux jaser avec un préposé",
            "i hätt gern an Berater",
            "me chiami 'n tecnico?",
            "mándame con alguien de facturación",
            "gibt es hier überhaupt jemanden?",
            // "include" outside a question about a plan
            "my letter includes the photos, please pass me to a claims handler",
        ]);
    }

    #[test]
    fn eighteenth_round_other_senses_are_not_requests() {
        no_requests(&[
            // a hand-over told in the simple past, a wish in the past perfect
            "he switched me to the wrong desk twice",
            "the adviser passed me to collections and hung up",
            "it would have helped if an engineer had rung me",
            // "lot" as an amount, a carer, a conductor
            "one of you lot's vans blocked my drive",
            "my Betreuerin comes on Tuesdays",
            "ist das ein guter Halbleiter?",
            // advice told, a later maybe, contact to end, French yesterday
            "my sister reckons I should demand a supervisor; I won't",
            "se non funziona, magari domani chiedo un tecnico",
            "please ask your engineer to stop ringing me at work",
            "j'ai vu une conseillère hier",
        ]);
    }

    #[test]
    fn nineteenth_round_requests_are_found() {
        all_requests(&[
            // the bot set against a person in another clause, "a real one", "can I have"
            "chatbot again. a person perhaps?",
            "is this an AI? I need a proper one",
            "could I have an adviser for this",
            // where staff are, staff qualified, a home visit
            "where's your duty manager?",
            "someone with seniority has to check my case",
            "can we book a home visit from a technician",
            // told to call, regional words
            "dites à un conseiller de m'appeler demain",
            "chönd Sie mi mit emne Mitarbeiter verbinde",
            "passami un cristiano, per favore",
            "quero marcar uma reunião com um gestor na agência",
        ]);
    }

    #[test]
    fn nineteenth_round_other_senses_are_not_requests() {
        no_requests(&[
            // a question answered no, a return after a condition, one's own colleagues
            "transfer me? no, not yet, I'll restart it first",
            "si le colis manque lundi, je reviendrai vers vous pour voir un conseiller",
            "can my colleagues get their own logins?",
            // what a plan includes, money in French, people in general
            "which tier includes a dedicated account manager?",
            "does the gold plan include a named engineer",
            "je dois virer de l'argent à ma fille",
            "people can speak to the app in twelve languages",
            "where was the courier when I was home all day",
        ]);
    }

    #[test]
    fn twentieth_round_requests_are_found() {
        all_requests(&[
            // a role at a register office, a phone line wanted, one of the staff asked
            "could the registrar ring me about the wedding booking",
            "who approves refunds? I want them on the phone now",
            "ich hätte gern den Zahnarzt am Telefon",
            "can one of you phone me after lunch",
            // the noun offered as a suggestion, the menu answered, a service then a person
            "yet another canned reply. an adviser, perhaps?",
            "account options no just connect me with someone",
            "customer service, a real human",
            // a department named by its area, a plea in a clause of its own
            "páseme con el área de facturación",
            "einen Rückruf durch die Fachabteilung, bitte",
            // a relative clause telling who, regional and formal words
            "¿podría hablar con el técnico que vino ayer a casa?",
            "je suis tannée, passez-moi un téléconseiller",
            "mi dia un consulente, grazie",
            "geben Sie mir wen vom Kundendienst",
            // a colleague of the AI's, asked for
            "prefiero hablar con un colega suyo",
        ]);
    }

    #[test]
    fn twentieth_round_other_senses_are_not_requests() {
        no_requests(&[
            // a split word across languages, a quotation after "says", someone else's wish
            "a letter arrived about the meter",
            "the website says, and I quote, talk to an adviser. Which one?",
            "my son wanted to talk to a manager, but it's sorted now",
            // the customer's own visit, a time to come, a thing named by "callback"
            "I'll head to the shop to speak to someone on Saturday",
            "maybe I'll ask for an agent next month",
            "your docs give a broken callback URL",
            "mi día empezó fatal",
            // a practice's booking, things bought, an intermediary dealing with the service
            "can I get an appointment with the dentist on Tuesday",
            "I need to buy two phones for my staff",
            "I'll get my solicitor to talk to you about the deeds",
            "mi colega del trabajo me recomendó escribirles",
        ]);
    }

    #[test]
    fn twenty_first_round_requests_are_found() {
        all_requests(&[
            // people named by a group, a place, a title, a regional word
            "could one of the swimming coaches call me back",
            "can the lady from the billing office ring me",
            "the supervisor, then",
            "I need to see the manager, today",
            "abeg make a person help me with this",
            "¿me comunica con la licenciada de cobranzas?",
            "ó pá, arranje-me um técnico",
            // a service's office or technical service, hearing someone, someone to phone
            "vorrei parlare con la segreteria",
            "passez-moi le service technique",
            "posso sentire un operatore?",
            "quelqu'un pourrait-il me téléphoner demain",
            // a counter clerk, no one there to talk to
            "verbinden Sie mich mit einem Beamten",
            "gibt es keinen Mitarbeiter, mit dem ich sprechen kann?",
            "não tem nenhuma pessoa para me atender?",
            "c'è un cristiano in ufficio?",
        ]);
    }

    #[test]
    fn twenty_first_round_other_senses_are_not_requests() {
        no_requests(&[
            // a record, a promise someone else made, a maybe after a condition
            "please email the staff records for March",
            "he said he'd put me through, then nothing happened",
            "si no llega el lunes, quizás pida hablar con alguien",
            // things seen, "a gente" (we)
            "I'd like to see the staff rota for December",
            "a gente quer falar sobre a fatura",
            // a condition earlier in the sentence, then "might"
            "all good so far - if the heating fails again I might call and ask for an engineer",
        ]);
    }

    #[test]
    fn twenty_second_round_requests_are_found() {
        all_requests(&[
            // a professional named by the place, talking the customer through, a phrase
            "could the practice nurse ring me after two",
            "can a mechanic talk me through the quote",
            "can whoever handles the allotment waiting list contact me",
            // a wish after the callback, the bot turned away, a department of repairs
            "a call back would be lovely, from someone in billing",
            "no, not you. a real person",
            "put me on to repairs",
            // the other languages: subjunctive hand-overs, real people, elided articles
            "¿me pones con un asesor?",
            "necesito que me transfieran con una persona",
            "je veux parler à du vrai monde",
            "un être humain, je vous prie",
            "mi passi un'impiegata, grazie",
            // a person of a team, Italian talking with a clitic
            "could one of the lettings team call me back",
            "vorrei parlarne con un consulente",
        ]);
    }

    #[test]
    fn twenty_second_round_other_senses_are_not_requests() {
        no_requests(&[
            // an instruction read or reported, a question answered "no need"
            "the notice said call an engineer if the light flashes, it doesn't",
            "we were told to ring an adviser, but the app sorted it",
            "transfer me? no need, found the answer",
            // someone to take in a parcel, "not you" about the app
            "I need somebody home to sign for my fridge on Saturday",
            "it's not you, it's the app that keeps crashing",
        ]);
    }

    #[test]
    fn twenty_third_round_requests_are_found() {
        all_requests(&[
            // a department's person, the infinitive of "poner", staff in French and Italian
            "can I speak with the billing guy",
            "¿me podría poner con la encargada de turnos?",
            "quisiera hablar con un colaborador, no con el sistema",
            "merci de me passer un collaborateur",
            "desidererei parlare con un collaboratore",
            // a conversation asked for, a department wanted on the line
            "I'd like a conversation with your branch manager",
            "ich hätte gern die Kundenabteilung ans Telefon",
            // no one there to deal with it, asked of the service addressed
            "habt ihr keinen Menschen, der sich darum kümmert?",
            "vocês não têm nenhum atendente?",
            // someone sent out, the matter kicked on to a person
            "could you send us a technician this week",
            "mi mandi un tecnico, per favore",
            "bounce this over to a supervisor",
            // the machine turned away, an exclamation before a bare noun, authority
            "no, not a machine. a human being.",
            "for pete's sake, representative",
            "is there anyone with the authority to refund me?",
            // Caribbean "mi", spoken German "wer", Roman and Neapolitan Italian
            "have someone from accounts phone mi today",
            "kann mir mal wer vom Support helfen und mich anrufen?",
            "famme parlà co' n'operatore",
            "ce sta quarcuno ca me po' aiutà?",
            // a person assigned to the customer's case, the one in charge of a school
            "please allocate me an adviser",
            "I need the headmistress, it's about my daughter",
        ]);
    }

    #[test]
    fn twenty_third_round_other_senses_are_not_requests() {
        no_requests(&[
            // a message passed on, words said to something else, a report sent
            "pass my compliments on to the nurse please",
            "my son typed the bot a message asking for an agent and gave up",
            "send me the engineer's notes from the visit",
            // a past conversation, the customer's own matter thrown
            "throw it over to the neighbour",
            // a message left for a person
            "grand, I'll let the plumber know you rang",
            // a product feature, authority nobody has, a question who called
            "how can I assign an agent to a ticket in the dashboard",
            "nobody at that branch has the authority to do anything",
            "wer hat mich heute früh angerufen?",
            "ce sta nu guaio co' 'a bolletta",
            "the old headmaster wrote a lovely letter",
        ]);
    }

    #[test]
    fn the_machine_refused_in_the_other_languages() {
        all_requests(&[
            // Portuguese "mais" (more), going on with the machine, the bot named first
            "não quero mais conversar com um robô",
            "je refuse tout net de continuer avec un robot",
            "con un robot non ci parlo",
            "mit einem Roboter rede ich nicht",
            // fed up with the automatic answers, the adjective after the noun
            "chega de mensagens automáticas",
            "basta con i messaggi automatici",
            "Schluss mit den automatischen Nachrichten",
            "ça suffit les messages automatiques",
        ]);
        no_requests(&[
            "con il robot da cucina non ci parlo, lo uso e basta",
            "quiero desactivar las respuestas automáticas de mi correo",
            "chega de débito automático na conta antiga",
            "je veux continuer avec le même forfait, mais moins cher",
        ]);
    }

    #[test]
    fn the_matter_handled_by_a_person_is_asked_for() {
        all_requests(&[
            "could I have my appeal reviewed by a person please",
            "I'd want the refund decided by someone in charge",
            "please get the damage assessed by an engineer",
            "I need this escalated with a supervisor",
            "this one needs a human touch",
        ]);
        no_requests(&[
            "my appeal was already reviewed by a manager",
            "the boiler had been checked by an engineer in May",
            "was this reply written by a human or not?",
            "the app has a human touch to it, I like it",
        ]);
    }

    #[test]
    fn twenty_fourth_round_requests_are_found() {
        all_requests(&[
            // staff named by a word before them, a department's lot, demands, Brazilian "bota"
            "please, one of your branch cashiers",
            "could you send me along to the claims lot",
            "exijo un supervisor ahora mismo",
            "coloca um atendente pra falar comigo",
            // Jamaican, Québécois and Italian words, a German call handed over
            "mi need fi talk to a smaddy",
            "tu peux me brancher avec un conseiller?",
            "voglio parlare col meccanico",
            "leiten Sie den Anruf an einen Kollegen weiter",
            // the staff of a Portuguese department, a subjunctive contact, the phone's hello
            "pode me passar pro pessoal do suporte?",
            "pido que un asesor se comunique conmigo",
            "alô, zero, um atendente",
            // politeness and someone reading
            "an adviser now, if you'd be so kind",
            "any human being monitoring these messages?",
        ]);
    }

    #[test]
    fn twenty_fourth_round_other_senses_are_not_requests() {
        no_requests(&[
            // a hedged wish, a compound of staff, a role, advice reported, a field raised
            "we might want a chat with a loans adviser later on",
            "where is the staff entrance of the clinic",
            "I'm writing as the executor for my late father",
            "my sister told me, just demand a manager",
            "could you escalate the severity of the bug report",
            // a negated subjunctive, a person reading in general
            "que ningún asesor se comunique conmigo, por favor",
            "any person reading this would agree",
        ]);
    }

    #[test]
    fn twenty_fifth_round_requests_are_found() {
        all_requests(&[
            // text speak, a boss, a wish, a guy, the menu turned down in passing
            "can one of ur advisers ring me back",
            "fetch the gaffer please",
            "I'm wanting an actual human",
            "put me on to a real oke",
            "main menu no an agent",
            // a person wished for, asked who, a callback in the passive, Bavarian
            "honestly a supervisor would be ideal",
            "whom may I talk to about my lease?",
            "we would like to be rung back today",
            "i mecht mit am Chef redn",
            "¿me transfieres con un asesor?",
        ]);
    }

    #[test]
    fn twenty_fifth_round_other_senses_are_not_requests() {
        no_requests(&[
            // titles, a past call, someone else shouting, a channel asked for
            "do you stock the novel The Negotiator in paperback?",
            "the previous call with your adviser went nowhere",
            "a woman in the queue kept screaming let me talk to your boss",
            "I'd like to be contacted by email only",
            "a refund would be great",
            // verbs one letter from a staff noun, not misspellings of it
            "I need to advise you that my address has changed",
            "we want to manage the renewal ourselves",
            "I'd rather handle the return myself",
        ]);
    }

    #[test]
    fn twenty_sixth_round_requests_are_found() {
        all_requests(&[
            // waiting for a person, the person chosen among options
            "happy to hold for a real agent",
            "fine, I can hold for a specialist",
            "ok the human option please",
            "I'll pick the advisor option",
            // the person asked about, then asked to call; someone to answer
            "who handles refunds? can they phone me this afternoon",
            "the menu keeps saying try again im after a human",
            "Hiya? Anyone home?? Been on this chat ages",
            // team members in the other languages, the switchboard, services twice
            "puedo hablar con un miembro de su equipo",
            "vorrei parlare con un membro del vostro staff",
            "Vermittlung, bitte",
            "customer services customer service",
        ]);
    }

    #[test]
    fn twenty_sixth_round_other_senses_are_not_requests() {
        no_requests(&[
            // someone of the customer's own, reported
            "my brother said just ask for a supervisor, but it's fine now",
            "my mum told me to insist on a manager, I only need the balance though",
            "a friend said someone from your bank would ring, I'd rather do it here",
            // declined waiting, a wait told, a member of a club, "won't" and Italian need
            "I won't wait for an agent",
            "I waited for an agent for an hour yesterday",
            "soy miembro de su club de fidelidad",
            "I wont need a person for this",
            "non abbiamo bisogno di parlare con un operatore",
        ]);
    }

    #[test]
    fn twenty_seventh_round_requests_are_found() {
        all_requests(&[
            // a new statement after a refusal, an option asked for, "one" for the person
            "no i dont want the chatbot i need a real person",
            "do you have an agent option?",
            "are you a person? no? then find me one",
            // exclamations, the person asked about before, a callback taken
            "for fecks sake, a human",
            "whoever runs the lettings desk, I need them to deal with this",
            "who's your team leader? could I have a word with her",
            "ok I'll book the callback",
            // German "bitte" first, a person in haste, a Spanish hesitation after a filler
            "bitte rufen Sie mich zurück",
            "una persona, rapido",
            "mm este... agente, agente",
        ]);
    }

    #[test]
    fn twenty_seventh_round_other_senses_are_not_requests() {
        no_requests(&[
            // someone the customer would name, a registrar of shares, a callback told
            "is there anyone we can add as a second driver",
            "our transfer agent has the share register",
            "I had a callback from you last week about this",
            "get me one of the new brochures",
            "I don't think I want a person for this",
        ]);
    }

    #[test]
    fn twenty_eighth_round_requests_are_found() {
        all_requests(&[
            "I am asking for a supervisor to review it",
            "you're not human? right, ok, can I get one",
            "is there no one available who can fix this",
            "quero que me transfira ao apoio ao cliente",
            "i braucht an Menschen, schnell",
        ]);
    }

    #[test]
    fn twenty_eighth_round_other_senses_are_not_requests() {
        no_requests(&[
            "can you move us to quarterly billing from April",
            "my neighbour is asking for a manager at her bank",
            "er braucht mehr Zeit für die Unterlagen",
        ]);
    }

    #[test]
    fn twenty_ninth_round_requests_are_found() {
        all_requests(&[
            "could somebody from the loans team phone me back this afternoon",
            "I'd prefer one of your colleagues to phone me back tomorrow morning",
            "option 4, the human",
            "the chat-with-an-adviser option",
            "somebody real, yeah",
            "une vraie personne, pas une machine",
            "hmm. mmmm. agent.",
        ]);
    }

    #[test]
    fn twenty_ninth_round_other_senses_are_not_requests() {
        no_requests(&[
            "would you connect me to your guest network on floor two",
            "escalating fees on every renewal, why is that",
            "my brother might want a chat with your sales people next year",
            "can I put my old operator's card in this handset",
            "how do I send cash to someone overseas",
        ]);
    }

    #[test]
    fn thirtieth_round_requests_are_found() {
        all_requests(&[
            "could a technician bell us this evening",
            "any CSRs free right now?",
            "hook me up with your billing folks",
            "chuck me across to your complaints lot",
            "potrebbe ricontattarmi un operatore domani?",
            "mi madre dice que pida un supervisor, así que quiero un supervisor",
            "could I chat with a, a supervisor",
            "have you got anybody who handles refunds I could talk to",
            "a human one, please",
            "yes, get them to ring me",
            "a human, not the chatbot menu",
            "somebody from accounts please",
            "jawohl, verbinden Sie mich jetzt",
            "schalten Sie doch bitte einen Techniker dazu",
            "represent a tive now please",
        ]);
        assert!(offers_handover(
            "Shall I bring in a specialist from the claims team?"
        ));
        assert!(accepts_offer("yes, do it then"));
    }

    #[test]
    fn practitioners_staff_plurals_and_a_machine_refused_in_german_are_requests() {
        all_requests(&[
            "could one of your physiotherapists phone me about the knee",
            "quiero hablar con una de sus asesoras",
            "vorrei parlare con uno dei vostri consulenti",
            "I need a proper electrician, not a chatbot",
            "ich will mit keiner Maschine mehr schreiben",
            "quero uma pessoa de verdade",
        ]);
        no_requests(&[
            "talking to dietitians is a good first step",
            "I'm ringing to say the surveyor did a great job",
            "my daughter had a real teacher for that course",
        ]);
    }

    #[test]
    fn instructors_groomers_named_offices_and_a_refused_exchange_are_requests() {
        all_requests(&[
            "could I chat with the dog groomer please",
            "quisiera hablar con una profesora",
            "puis-je parler au moniteur",
            "ich möchte mit der Fahrlehrerin sprechen",
            "I'm not having this discussion with a bot",
            "oui, rappelez-moi",
            "demandez à une conseillère de m'appeler",
            "un membre de l'équipe peut-il prendre le relais ?",
            "put me through to the delivery office",
            "una persona x favor",
        ]);
        no_requests(&[
            "will there be someone at reception after midnight?",
            "our booking agent wants the invoice",
        ]);
    }

    #[test]
    fn coordinators_modified_practitioners_wishes_and_unpunctuated_imperatives_are_requests() {
        all_requests(&[
            "could I have a quick word with your event coordinator",
            "quisiera hablar con el coordinador del evento",
            "may I talk to the practice nurse",
            "could I talk to a dental surgeon about the crown",
            "we'd rather a person from your billing team took over now",
            "could I get a call from your end about the contract",
            "i dont want to hang on all day put me through to someone",
        ]);
        all_requests(&[
            "pouvez-vous me transférer au standard",
            "ring me back on my landline please",
            "rappelez-moi au zéro sept trente quinze",
            "um is there like someone from the office i could talk to",
            "we'd prefer to settle this with your people",
            "can I speak to the site warden",
            "quisiera hablar directamente con una de las monitoras",
            "posso parlare con una dipendente della filiale?",
            "sorry but I'm not discussing this with a bot",
        ]);
        no_requests(&[
            "le standard de livraison est trop lent",
            "our bookkeeper will get in touch with your accounts team next week",
            "there was like a person in the photo",
            "we want a swimming coach for our twins",
            "please cancel the callback, it's sorted",
            "ich möchte den Rückruf absagen",
            "if the van breaks down, will I get to ring a person then?",
            "a colleague of yours took over the booking in 2021",
            "dont put me through to anyone",
        ]);
    }

    #[test]
    fn fitters_assessors_impatience_a_possible_person_and_the_practitioner_dealt_with_are_requests()
    {
        all_requests(&[
            "could I speak with one of your fitters about the boiler",
            "transfer me to the loss assessor please",
            "gib mir jetzt endlich einen Mitarbeiter",
            "hol mir einen Berater",
            "vorrei finalmente un consulente",
            "someone from billing, is that possible?",
            "un conseiller, c'est possible ?",
            "any chance an engineer could give me a call back later",
            "c'è un impiegato che mi aiuti?",
            "I'd rather go through it with the dentist herself",
            "put me through to the skipper please",
            "the automated line is hopeless, get me out of it",
            "who can I discuss the new quote with",
            "has anybody there got two minutes to talk me through it",
            "um can i have a su per vi sor",
            "could a contact centre agent ring me back",
            "any chance of a proper conversation with someone",
            "honestly this one is for a person, not a machine",
            "is anybody at the reception",
            "quisiera que una técnica me llamara mañana",
            "can an adviser just book it in for me",
            "passez-moi la billetterie s'il vous plaît",
            "bitte mit der Disposition verbinden",
            "the van never showed and nobody rang can i speak to the depot manager",
        ]);
        no_requests(&[
            "the policy holder is a real person, not a company",
            "a note saying why the fitters need the key",
            "a table for three people please",
            "yes six people thanks",
            "I'd rather go through it with my own dentist",
            "a refund, is that possible?",
            "la última vez que hablé con un asesor tardaron semanas",
            "are your reception staff in on bank holidays?",
            "we need someone to come round and fit the blinds next Tuesday",
            "our locksmith said the cylinder is worn",
            "can my assistant book the table for me",
            "is anyone at the reception on bank holidays",
            "can I drop the form off in person at the branch",
            "is there anybody who can water the plants on Tuesdays",
            "glad you didn't make me phone an adviser",
            "human here, not a bot, just typing slowly",
        ]);
    }

    #[test]
    fn thirtieth_round_other_senses_are_not_requests() {
        no_requests(&[
            "mi primo dice que él siempre exige un supervisor",
            "is anyone else on our policy able to sign this",
            "time to ring my IT guy about the laptop",
        ]);
    }

    #[test]
    fn thirty_first_round_requests_are_found() {
        all_requests(&[
            "yeah, hand me over",
            "I'd sooner speak to somebody in your claims team",
            "have you any people working there I could chat with",
            "we'd prefer to go over it properly with a specialist of yours",
        ]);
    }

    #[test]
    fn thirty_first_round_other_senses_are_not_requests() {
        no_requests(&[
            "I'd sooner wait a month than speak to your supervisor",
            "I'll hand over to my husband now",
        ]);
    }

    #[test]
    fn thirty_second_round_requests_are_found() {
        all_requests(&[
            "could you route my complaint to the accounts desk",
            "we'd like our claim passed on to a supervisor",
            "we never signed up to chat with a computer",
            "non, plus de robots, merci",
            "keine Roboter mehr",
            "who should we ring about this",
            "would a callback be possible this afternoon",
            "ok, the callback",
            "the other option, a human",
            "someone phoning me back would help",
            "une vraie personne serait idéal",
            "ein Mensch wäre besser",
            "j'aimerais être rappelée par une conseillère vendredi",
            "une conseillère peut-elle regarder mon dossier ?",
            "das sollte sich ein Mitarbeiter ansehen",
            "una persona debe revisar mi caso",
            "pode me transferir agora",
        ]);
    }

    #[test]
    fn thirty_second_round_other_senses_are_not_requests() {
        no_requests(&[
            "is there anyone who sells spare chargers near the station",
            "I forwarded my complaint to the ombudsman in May",
            "plus the robot vacuum you sold me is broken",
            "who should we ring to book a skip",
            "my accountant must check the figures first",
            "the callback function returns an error",
        ]);
    }

    #[test]
    fn thirty_third_round_requests_are_found() {
        all_requests(&[
            "quisiera que me llamen esta tarde",
            "podem me ligar depois do almoço?",
            "mi faccia richiamare dalla sua collega",
            "faites-moi rappeler demain, merci",
            "je voudrais être recontactée",
            "könnten Sie mich bitte zurückrufen",
            "fine, pass me over",
            "I won't argue with a chatbot about my pension",
            "so who else is there we could speak to",
            "I'd rather get a real person",
            "une conseillère peut-elle reprendre mon dossier ?",
            "ja gerne durchstellen",
            "schnell einen Techniker ans Telefon bitte",
            "push my complaint up a level to someone senior",
            "if somebody could look at my claim that'd help",
        ]);
    }

    #[test]
    fn thirty_third_round_other_senses_are_not_requests() {
        no_requests(&[
            "ya me han llamado tres veces hoy",
            "no quiero que me llamen más",
            "on m'a rappelée hier soir",
            "the staff picks are great this month",
            "mein Sohn ans Telefon, sonst niemand",
            "I'd rather have a refund",
        ]);
    }

    #[test]
    fn a_topic_asked_about_company_brought_and_a_proxy_are_not_requests() {
        no_requests(&[
            "I'd like to ask about the nurse clinic opening hours",
            "may I bring somebody along to the viewing",
            "get a person on the phone? nope, this is quicker",
            "could someone else collect the parcel for me",
        ]);
        all_requests(&[
            "is this an AI? if so I want a person",
            "¿me puedes llamar a las cinco?",
        ]);
    }

    #[test]
    fn ease_with_a_person_is_asked_and_a_wish_set_aside_is_not() {
        all_requests(&[
            "honestly I'd feel safer sorting this with a human",
            "it'd be easier with someone rather than this chat window",
            "preferiría que una asesora me llamase esta tarde",
        ]);
        no_requests(&[
            // Just done, someone else's wish set aside, an act taken back, a job.
            "acabo de hablar con una asesora y ya está",
            "my daughter wants to speak to a supervisor but I only need the tracking link",
            "I'd call the helpline but it's shut on Sundays, so just tell me here",
            "are there call center jobs in your Leeds office?",
        ]);
    }

    #[test]
    fn a_question_put_in_mid_run_starts_a_clause() {
        // Voice transcripts run on: what came before the question neither refuses it nor
        // puts it in the past.
        all_requests(&[
            "the app is not loading at all could you put me through to the help desk",
            "it was about the delivery from last week um can someone ring me back",
        ]);
        no_requests(&["my neighbour asked if someone could ring her back"]);
        // The customer asking, wishing or ordering anew after a "not" of another matter.
        all_requests(&[
            "the sensor is not pairing at all can i speak to a technician",
            "i didn't get the code just put me through to someone",
            "die app geht nicht ich möchte einen mitarbeiter sprechen",
            "ça ne marche pas je veux discuter avec une conseillère",
            "i'm not happy with this who else can i talk to",
        ]);
        // What the customer will do, at a time "then" names, is asked later.
        no_requests(&[
            "if the parcel isn't here by six i'll call back and ask for a manager then",
            "we will ask for an adviser then, when the statement comes",
        ]);
        all_requests(&["ok i'll need a word with one of your staff then"]);
    }

    #[test]
    fn a_firm_s_lawyers_and_tech_support_are_asked_for_the_customer_s_own_are_not() {
        all_requests(&[
            "could I have a word with one of your lawyers about the lease?",
            "necesito hablar con un abogado del despacho",
            "kann ich bitte mit einem Anwalt von Ihnen sprechen",
            "can you transfer me to IT support",
            "i'd like to chat with tech support please",
        ]);
        no_requests(&[
            "I'll run it past my solicitor before I sign",
            "our lawyer has the paperwork",
            "tech support fixed it last time",
            "the technician said it could take ten days",
        ]);
    }

    #[test]
    fn the_customer_s_own_people_plans_given_up_and_named_services_ask_for_no_one() {
        no_requests(&[
            "I'll have my bookkeeper check the statement first",
            "we'll get our own engineer to look at the wiring",
            "I'll ask somebody at work which plan suits us",
            "I was going to ask for a supervisor but it's sorted now",
            "my dad would rather deal with an actual human being, I don't mind the chat",
            "who will my new case handler be after the move?",
            "will a person read my application before it's approved",
            "is the Talk to a Nurse line open at weekends?",
            "was Speak to the Manager the film with the hotel scene?",
            "is there somebody who could take the delivery if I'm out, maybe a friend?",
        ]);
        all_requests(&[
            "could you get our account manager to call me back",
            "will someone check my refund today",
            "I'll ask for a manager then, put me through",
        ]);
    }

    #[test]
    fn a_callback_in_every_form_of_the_verb_is_found() {
        // Forms no other reader held, once turned away before the callback reader saw them.
        all_requests(&[
            "preferia que me ligarem à tarde",
            "vorrei tanto che mi richiamino oggi",
            "era melhor que me contactem por telefone",
            "quería que me llamaran del servicio técnico",
            "ich möchte heute noch zurückgerufen werden",
            "kann ich bitte angerufen werden?",
        ]);
        no_requests(&[
            "ich will nicht angerufen werden",
            "ich wurde vorhin schon zurückgerufen",
            "el modelo llamado Nova no carga",
        ]);
    }

    #[test]
    fn thirty_fourth_round_requests_are_found() {
        all_requests(&[
            "let's skip the chatbot bit, a person please",
            "est-ce qu'un conseiller pourrait regarder ma facture ?",
            "kann sich mal jemand von Ihnen das ansehen?",
            "liguem-me de volta amanhã",
            "yes to the call back, same number as before",
        ]);
    }

    #[test]
    fn thirty_fourth_round_other_senses_are_not_requests() {
        no_requests(&[
            "the live agent button does nothing on my tablet",
            "the callback they promised never came",
        ]);
    }

    #[test]
    fn thirty_fifth_round_requests_are_found() {
        all_requests(&[
            "erm could we chat to like a real adviser",
            "ok, let's do the call back",
            "the other one, the adviser",
            "yes connect, please",
        ]);
    }

    #[test]
    fn thirty_fifth_round_other_senses_are_not_requests() {
        no_requests(&[
            "alerts keep coming like one a minute, a stranger spends on my card",
            "the actors feel like real people for once",
            "yes transfer the balance to savings",
        ]);
        // A plan offered for a household of people, not a person.
        assert!(!offers_handover(
            "The bundle covers up to four people. Would you like me to move you onto it?"
        ));
    }

    #[test]
    fn fifty_third_round_requests_are_found() {
        all_requests(&[
            // the menu said at the end of a longer spoken turn
            "no that doesnt help at all uh agent agent",
            "wrong department again er press zero representative",
            // a number to ring read out in words
            "ring me back on oh one six one double four nine",
            "llámame al seis cero dos",
            // chat spelling of "quiero", "quisiera"
            "kisiera hablar con un asesor",
            // no bot, in the other languages
            "pas de robot svp, une conseillère",
            "nada de robots, quiero una persona",
            // staff at work now, with no verb of talking
            "anybody on duty at the moment?",
            "is anyone from accounts about?",
            // "able to" as the modal
            "are any of your advisers able to speak with us today",
            // overdue
            "high time somebody called me back about this",
            // German staff compounds, a practice, a switchboard
            "kann ich bitte mit einer Fachkraft reden",
            "verbinden Sie mich bitte mit der Zentrale",
            "gibt es hier wirklich Mitarbeiter?",
            // French inverted subject
            "un collègue peut-il prendre le relais ?",
        ]);
    }

    #[test]
    fn fifty_third_round_other_senses_are_not_requests() {
        no_requests(&[
            // zero is a figure, the agent is talked about
            "my balance went down to zero",
            "I spoke to an agent agent yesterday",
            // no robot in the parcel; strength, buying power
            "il n'y a pas de robot dans le carton",
            "die Kaufkraft ist gesunken",
            "in der Praxis klappt das nie",
            // a job at the customer's place, a person still employed, work on the case
            "is there anyone who could come round to fit the meter?",
            "is the fitter who came last week still working there",
            "is anyone working on my complaint",
            // not overdue: what someone said, a time before
            "it's time someone told them the truth",
            "last time someone called me they were rude",
        ]);
    }

    #[test]
    fn fifty_fourth_round_requests_are_found() {
        all_requests(&[
            // a workplace after a hand-over verb, in five languages
            "could you put me through to the parts workshop",
            "páseme con el taller, por favor",
            "pouvez-vous me mettre en relation avec la clinique",
            "mi passi l'officina per favore",
            "verbinden Sie mich bitte mit der Klinik",
            // when the staff member works, said before the noun
            "can I speak to the on-call engineer",
            "I'd like to talk to the out of hours nurse",
            // a menu walked through, "uh huh", a cut word
            "main menu no uh billing a person please",
            "uh huh a person yes",
            "customer ser vice agent",
            // the matter said to need a person; "nope" agreeing with the refusal
            "honestly this is one for a human",
            "no more bots. nope.",
            // yes to a transfer, a callback wished, a person asked to call
            "sí, puede transferirme ya",
            "je veux bien qu'on me recontacte",
            "pouvez-vous demander à un technicien de me rappeler",
            "I'd welcome a call back from your team",
            // the menu tail after "just", a German adverb before the person
            "no thanks just er agent agent please",
            "stellen Sie mich bitte zuerst zu einem Berater durch",
        ]);
    }

    #[test]
    fn fifty_fourth_round_other_senses_are_not_requests() {
        no_requests(&[
            // the chat named as a thing, a person described, a fee named by the person
            "does the AI chat also take bookings",
            "my wife is the one who deals with suppliers",
            "what is this agent booking fee on my invoice",
            // advice reported, a workplace not talked to
            "my tutor said to ask the admissions office",
            "I left the car at the garage yesterday",
            "the clinic is closed on Sundays",
        ]);
    }

    #[test]
    fn fifty_fifth_round_requests_are_found() {
        all_requests(&[
            // the modal further from the person, an act on the account, a director
            "could one of your nurses look over my results",
            "can someone unlock my account please",
            "I'd like a word with the site director",
            "book me a call with one of your mortgage advisers",
            // the bot typed to, told to go; a menu passed over; the service said twice
            "sick of texting with a bot",
            "robot go away",
            "no none of these options uh agent",
            "customer service thanks customer service",
            // a spoken plea at the end, a despairing question, French passive
            "that did nothing at all um agent please",
            "is anybody ever going to answer me",
            "je voudrais être mise en relation",
        ]);
    }

    #[test]
    fn fifty_fifth_round_other_senses_are_not_requests() {
        no_requests(&[
            // credit given, what is expected, a film's director
            "you've got to hand it to the manager, he sorted it fast",
            "all we demand of the staff is a smile",
            "the director of the documentary did a fine job",
            // a scheduled call asked about, a plea in another sentence
            "is the engineer going to call before he comes",
            "i told your agent please fix it",
        ]);
    }

    #[test]
    fn sixty_fourth_round_requests_are_found() {
        all_requests(&[
            // a modifier before the staff noun puts the modal further back; trades
            "could one of your duty supervisors get back to me",
            "I'd like a word with your baker before Friday",
            "is there a quiz master I can speak to about the prize",
            "can one of the game masters ring us back",
            "can the baker on Mill Road call me back",
            "kann mich ein Monteur heute noch anrufen?",
            // heard back from any of them; the team and you people in other languages
            "please can I hear back from one of you by noon",
            "páseme con el equipo de reservas",
            "tengo que hablar con ustedes hoy mismo",
            // a person who can grant what the bot cannot
            "can somebody waive a late fee this small",
            "there has to be someone who can reverse this charge",
        ]);
    }

    #[test]
    fn sixty_fourth_round_other_senses_are_not_requests() {
        no_requests(&[
            // equipment, thanks, a past talk, a master bedroom, a baker named as a shop
            "el equipo de sonido no enciende",
            "muchas gracias a ustedes por todo",
            "hablé con ustedes la semana pasada",
            "ho parlato con un vostro operatore la settimana scorsa",
            "the master bedroom blind is stuck",
            "the baker down the road does a better sourdough",
            "the bank reversed the payment on its own",
            // a street named after a trade or a person
            "send the cake to 14 Baker Street please",
            "the parcel went to Agent Road by mistake",
        ]);
    }

    #[test]
    fn sixty_fifth_round_requests_are_found() {
        all_requests(&[
            // the trades of a library, a nursery, a tattoo studio, a hearing clinic
            "could a librarian phone me about the reservation",
            "I'd like to talk to one of the childminders about naps",
            "ich möchte mit der Erzieherin sprechen",
            "quiero hablar con el tatuador hoy",
            "pouvez-vous demander au bibliothécaire de me rappeler",
            "ich möchte mit der Leiterin der Filiale reden",
        ]);
    }

    #[test]
    fn sixty_fifth_round_other_senses_are_not_requests() {
        no_requests(&[
            // a person's visit or appointment moved, the apostrophe dropped
            "can we move the cleaner's visit to Wednesday",
            "I need to shift the practitioner's appointment by an hour",
            // a role the customer names for someone of their own
            "please register my neighbour as someone who can collect our dog",
            // who does the work asked about; a passive "done by"
            "will a person review the refund or is it automated?",
            "are the subtitles on the film done by AI?",
        ]);
    }

    #[test]
    fn sixty_fifth_round_offers_and_their_yes_are_read() {
        for offer in [
            "Would it help to speak with one of our groomers?",
            "I can hand this to a human colleague if you like.",
            "Shall I get someone from the billing team to email you?",
        ] {
            assert!(offers_handover(offer), "{offer}");
        }
        // The person is the second option, across the first one's words.
        assert_eq!(
            person_option("Would you like to keep chatting with me or speak to one of our staff?"),
            Some(1)
        );
        assert_eq!(
            person_option("Would you prefer to talk to a tax preparer or continue with me?"),
            Some(0)
        );
        // A talk asked about, not offered.
        assert!(!offers_handover(
            "Did you speak to one of our advisers yesterday?"
        ));
        for yes in [
            "yes I think that would help",
            "sí, por favor, cuanto antes",
            "yes, asap",
        ] {
            assert!(accepts_offer(yes), "{yes}");
        }
        assert!(!accepts_offer("yes but I don't think that would help"));
    }

    #[test]
    fn corrections_are_reported() {
        assert!(
            corrections("i need to speak to somelne")
                .contains(&("somelne".into(), "someone".into()))
        );
    }

    #[test]
    fn words_the_sentiment_lexicon_rates_are_never_corrected() {
        // One letter from "discussing" and "discussed", but spelt as meant.
        let text = "no one warned us about the delay, the whole thing is disgusting";
        assert!(corrections(text).is_empty(), "{:?}", corrections(text));
        assert_eq!(detect(text), None);
        assert!(corrections("honestly disgusted, nobody rang back").is_empty());
    }

    #[test]
    fn a_trade_no_list_names_is_known_by_its_form() {
        // Asked for through a verb of talking or contacting, in each covered language.
        for text in [
            "could one of ur glaziers ring me tomorrow",
            "I'd like to talk to the taxidermist about the fox",
            "can I speak with the conservator please",
            "je voudrais parler au restaurateur du tableau",
            "kann ich mit der Polsterin sprechen",
            "posso falar com a fisioterapeuta da clínica?",
            "vorrei parlare con il restauratore, grazie",
            "quiero hablar con el tapicero",
        ] {
            assert!(detect(text).is_some(), "{text}");
        }
        // Not asked for: wanting the work done, a thing, a comparative, a review's words,
        // the customer's own, a task rather than a contact.
        for text in [
            "I need a glazier for the back window",
            "how do I connect the printer to my laptop",
            "comment brancher le décodeur au salon",
            "the film speaks to the dreamer and the realist",
            "my accountant will call you on Monday",
            "can your drivers take the old mattress away",
            "ich verbinde den Drucker mit dem Laptop",
        ] {
            assert_eq!(detect(text), None, "{text}");
        }
    }

    #[test]
    fn trades_known_by_a_compound_head_and_in_every_language() {
        for text in [
            "could I have a word with the saddlemaker",
            "I'd like to speak to the blacksmith, please",
            "can I talk to the plasterer who did my hallway",
            "put me through to the auctioneer",
            "I need to speak with the handyman about the shelves",
            "je voudrais parler au menuisier",
            "kann ich bitte mit dem Schuhmacher sprechen?",
            "ich möchte mit dem Mechaniker reden",
            "quiero hablar con el cerrajero",
            "quero falar com o carpinteiro",
            "vorrei parlare con il calzolaio",
        ] {
            assert!(detect(text).is_some(), "{text}");
        }
        // Things and words of the same forms; an authority outside; a trade only booked.
        for text in [
            "quiero hablar del dinero que pagué",
            "je voudrais parler du dossier",
            "y a de la poussière partout",
            "I'm taking it to the ombudsman",
            "I need a locksmith for the back door",
            "o primeiro pedido chegou bem",
        ] {
            assert_eq!(detect(text), None, "{text}");
        }
    }

    #[test]
    fn the_call_passed_to_a_team_and_a_department_the_lexicon_does_not_know() {
        for text in [
            "could you transfer this call to the lettings person",
            "please put this chat through to the warranty team",
            "verbinden Sie mich bitte mit der Polsterei",
            "können Sie mich mit der Gravur verbinden?",
            "könnte mir jemand vom Empfang eine Mail schreiben?",
        ] {
            assert!(detect(text).is_some(), "{text}");
        }
        for text in [
            "können Sie mich mit dem Netzwerk verbinden?",
            "mein Handy verbindet sich nicht mit dem Fernseher",
            "the delivery person dumped it by the bins",
        ] {
            assert_eq!(detect(text), None, "{text}");
        }
    }

    #[test]
    fn flesh_and_blood_said_of_no_noun_is_the_person_and_a_repeated_phrase_is_one() {
        assert!(detect("just give me flesh and blood, no more menus").is_some());
        assert!(detect("pásame un técnico de carne y hueso, por favor").is_some());
        assert_eq!(detect("my own flesh and blood would never do this"), None);
        assert!(detect("an agent an agent please i have waited ages").is_some());
    }

    #[test]
    fn a_person_free_to_talk_to_the_customer_now_is_asked_for() {
        assert!(detect("est-ce que la responsable est dispo pour me parler ?").is_some());
        assert!(detect("il responsabile è disponibile per parlarmi?").is_some());
        assert_eq!(
            detect("la responsable n'est pas dispo pour me parler"),
            None
        );
    }

    #[test]
    fn presence_asked_about_and_another_wish_set_aside_ask_for_no_one() {
        for text in [
            "is there someone at the gate overnight in case of a break-in?",
            "is there anybody on the pool deck during lessons?",
            "my wife would like to speak to someone, but I only want the opening times",
            "ma fille voudrait discuter avec une conseillère, mais moi je veux juste l'adresse",
            "is there any Human League merchandise left?",
        ] {
            assert_eq!(detect(text), None, "{text}");
        }
        assert!(detect("is there a supervisor on duty I could speak to?").is_some());
        assert!(detect("my wife would like to speak to someone about the bill").is_some());
    }

    #[test]
    fn people_told_by_what_happened_to_them_are_not_asked_for() {
        assert_eq!(detect("hay personas atrapadas en el ascensor"), None);
        assert_eq!(detect("c'è un bambino ferito vicino al palco"), None);
        assert!(detect("¿hay alguien preparado para atenderme?").is_some());
        assert!(detect("¿hay alguien disponible ahora?").is_some());
    }

    #[test]
    fn whoever_is_asked_to_call_the_customer_is_a_person() {
        for text in [
            "could the head groundsman give me a ring this week",
            "I'd like the kiln technician herself to phone me",
            "would a volunteer from the food bank be able to get in touch",
        ] {
            assert!(detect(text).is_some(), "{text}");
        }
        for text in [
            "could the app call me when the table is free",
            "the groundsman rang me on Monday",
            "my brother will call you later",
            "the head groundsman can never give me a straight answer",
        ] {
            assert_eq!(detect(text), None, "{text}");
        }
    }

    #[test]
    fn offers_by_letter_by_a_place_and_in_portuguese_and_german_word_order() {
        let lettered = "Option A: I resend the voucher. Option B: a colleague rings you tomorrow.";
        assert!(offers_handover(lettered));
        assert!(chooses_offered_person(lettered, "b"));
        assert!(chooses_offered_person(lettered, "option B please"));
        assert!(!chooses_offered_person(lettered, "option a"));
        assert!(offers_handover(
            "I can ask the office to give you a call about the prints. Would that help?"
        ));
        assert!(offers_handover("Posso transferir você para um técnico?"));
        assert!(offers_handover(
            "Posso mandar o link ou pedir que um técnico ligue para você. O que prefere?"
        ));
        assert!(offers_handover(
            "Soll ich Sie mit unserer Buchhaltung verbinden?"
        ));
        assert!(accepts_offer("sim, quero"));
        assert!(accepts_offer("sí, quiero"));
        assert!(!accepts_offer("sim, não quero"));
    }

    #[test]
    fn one_of_our_people_a_callback_and_a_first_person_hand_over_are_offers() {
        for offer in [
            // "One of our" anything the AI puts the customer in touch with.
            "Would you rather chat with one of our farriers, or carry on here?",
            "Shall I pass your question to one of our glaziers?",
            "Shall I get one of our piano technicians to ring you?",
            // A call back from the service's people.
            "Would you like me to book a callback from the workshop?",
            "Would you like a call back from the office?",
            "Soll ich einen Rückruf von unserem Service vereinbaren?",
            // Spanish and Portuguese in the first person.
            "¿Te paso con alguien de recepción?",
            "Quer que eu passe para uma atendente?",
        ] {
            assert!(offers_handover(offer), "{offer}");
        }
        for text in [
            "Would you like one of our brochures?",
            "Shall I pass your details to our courier?",
            "¿Te paso el enlace?",
            "Did one of our farriers call you back?",
        ] {
            assert!(!offers_handover(text), "{text}");
        }
        let either = "Puedo mandarte el horario o te paso con alguien del taller. ¿Qué prefieres?";
        assert!(chooses_offered_person(either, "lo segundo"));
        assert!(!chooses_offered_person(either, "lo primero"));
    }

    #[test]
    fn a_pronoun_asked_to_contact_a_noun_said_to_be_who_and_a_person_to_talk_one_through() {
        for text in [
            "send the form to the registrar and ask her to phone me",
            "get them to give me a ring about the quote",
            "pass it to whoever handles refunds and have him text me",
            "I want to talk to the chandler who sold me the rope",
            "we need a specialist to walk us through the wiring",
        ] {
            assert!(detect(text).is_some(), "{text}");
        }
        for text in [
            "I asked him to ring me but he never did",
            "please don't have them call me",
            "have them email me the brochure",
            "I need a leaflet to talk me through it",
            "I talked to the chandler who sold me the rope",
        ] {
            assert!(detect(text).is_none(), "{text}");
        }
    }

    #[test]
    fn a_person_named_by_a_phrase_asked_to_contact_the_customer() {
        for text in [
            // Had, got or asked, the person a noun with a relative clause, "one of" them,
            // or "whoever".
            "could you have the engineer who measured our bay window drop me a line",
            "can you get one of them to phone me back",
            "please ask the surveyor to give me a ring",
            "I'd love whoever manages the rota to get in touch with me",
            // A time said of the person asked, before the verb.
            "could the groomer who did Rex on Friday call me?",
            "can the plumber from yesterday ring me",
            // The British passive, a message from a trade known by its form, the owner
            // handed over to.
            "honestly this needs kicking up to a supervisor",
            "would it be possible for the upholsterer to message me?",
            "could you pass me through to the owner",
            // Someone asked about, then asked for by a pronoun.
            "Is the head chef about? I want a word with him.",
            // A trade free for the customer, a profession by its Romance form.
            "¿hay un tapicero disponible?",
            "o psicólogo pode me ligar?",
        ] {
            assert!(detect(text).is_some(), "{text}");
        }
        for text in [
            "I have the groomer who did Rex texting me at night",
            "I'll get my sister to call you",
            "we handed the forms over to the owner last week",
            "are the children in? can I talk to them",
            "la lavadora no está disponible",
            "el prólogo del libro me gustó",
        ] {
            assert!(detect(text).is_none(), "{text}");
        }
    }

    #[test]
    fn a_menu_word_then_a_reason_a_talk_over_a_matter_and_a_person_named_before() {
        for text in [
            "representative um it's about my parcel",
            "operator, it's about the invoice",
            "customer service please i was billed twice",
            "can I go through it all with one of your consultants",
            "I'd rather the foreman explained it, put me through to him",
            "je voudrais parler au capitaine",
            "verbinden Sie mich mit der Aufsicht",
            "I'd appreciate hearing back from the manager",
            "can I speak to one of your groundsmen",
            "queria que a gerente me ligasse",
            "o naturopata pode me ligar?",
        ] {
            assert!(detect(text).is_some(), "{text}");
        }
        for text in [
            "agent smith rang me about my order",
            "operator error again, sorry",
            "customer service, I must say, was lovely",
            "I'd rather sort it with you than wait for someone",
            "my son is a nurse, I'll ask him",
            "can I bring my hiking staff",
            "an Employee of the Year plaque, engraved, please",
            "does the wood chipper need a qualified operator?",
        ] {
            assert!(detect(text).is_none(), "{text}");
        }
        assert!(accepts_offer("ok, if someone can come round today"));
        assert!(accepts_offer("oui, mais c'est possible demain ?"));
    }

    #[test]
    fn a_yes_then_how_or_when_the_contact_happens() {
        for text in [
            "yes - how soon will they ring?",
            "ok, will she phone or email?",
            "yes please, but only after four",
            "sí, vale, pero después de las seis",
        ] {
            assert!(accepts_offer(text), "{text}");
        }
        for text in [
            "yes, but what does that involve?",
            "yes, how much will it cost?",
            "yes, when does the shop open?",
            "yes, how do I change my address?",
        ] {
            assert!(!accepts_offer(text), "{text}");
        }
    }

    #[test]
    fn trades_by_the_spanish_feminine_and_german_heads_and_a_plural_after_a_modifier() {
        for text in [
            "quiero hablar con la cocinera, por favor",
            "kann ich mit dem Kassierer sprechen?",
            "verbinden Sie mich bitte mit einer Skilehrerin",
            "could I have a word with one of the henna artists",
        ] {
            assert!(detect(text).is_some(), "{text}");
        }
        for text in [
            "quiero hablar de la primera factura",
            "la nevera hace ruido",
            // The talk said of in general, not asked for.
            "talking to welders usually helps",
            "speaking with the receptionist was pointless",
        ] {
            assert!(detect(text).is_none(), "{text}");
        }
    }

    #[test]
    fn a_compound_names_the_person_and_escalar_may_be_climbing() {
        for text in [
            "could I talk to the ticket office staff?",
            "please put me through to your warehouse dispatch manager",
            "can I speak to one of your bike mechanics",
            "¿puedes escalar mi caso?",
        ] {
            assert!(detect(text).is_some(), "{text}");
        }
        for text in [
            "ho trovato un errore dell'operatore nella fattura",
            "I need a human figure for the diorama",
            "podemos escalar la pared del rocódromo?",
            "e se a criança escalar sozinha?",
        ] {
            assert!(detect(text).is_none(), "{text}");
        }
    }

    #[test]
    fn a_callback_about_something_from_a_place_by_on_or_by_message_is_asked() {
        for text in [
            "phone me back re the broken hinge",
            "I'd welcome a quick call from the office about my refund",
            "je voudrais qu'on me rappelle cet après-midi",
            "can somebody from the warehouse message me back",
        ] {
            assert!(detect(text).is_some(), "{text}");
        }
        for text in [
            "they had a call from the office last week",
            "je ne veux pas qu'on m'appelle le soir",
            "can the app text me the code",
        ] {
            assert_eq!(detect(text), None, "{text}");
        }
    }

    #[test]
    fn a_wish_that_a_person_handles_it_with_the_person_after_the_verb() {
        assert!(detect("vorrei che questa richiesta la gestisse un vostro operatore").is_some());
        assert!(detect("quisiera que el resto del trámite lo llevara un empleado").is_some());
        assert_eq!(
            detect("vorrei che la pratica fosse chiusa entro venerdì"),
            None
        );
    }

    #[test]
    fn a_message_written_or_sent_to_the_customer_by_a_person_in_the_romance_languages() {
        all_requests(&[
            "alguien del almacén me podría escribir hoy?",
            "alguien de soporte me puede enviar un whatsapp?",
            "alguém do atelier pode me escrever?",
            "qualcuno dell'ufficio mi può mandare una mail?",
            "un vendeur peut m'envoyer un mail ?",
        ]);
        assert!(detect("alguém do balcão pode me mandar e-mail?").is_some());
        // A thing sent, not a message; and a message wanted from the service itself. The
        // Portuguese and Italian "e" (and) is a message only as the "e" of "e-mail".
        no_requests(&[
            "alguém pode me mandar e explicar o prazo?",
            "alguien me puede enviar el catálogo?",
            "qualcuno mi può mandare le misure?",
            "me pueden mandar un correo cuando salga el pedido?",
        ]);
    }

    #[test]
    fn german_colloquial_articles_a_discussion_and_a_contact_after_sich_bei_mir() {
        all_requests(&[
            "kann ich mal mit nem Mitarbeiter reden?",
            "ich würd das gern mit ner Kollegin von Ihnen besprechen",
            "jemand aus der Buchhaltung möge sich bitte kurz bei mir melden",
            "könnten Sie mich verbinden?",
        ]);
        no_requests(&[
            "das besprechen wir dann beim nächsten Termin",
            "können Sie mich mit meinem Konto verbinden?",
        ]);
    }

    #[test]
    fn shops_and_workshops_by_name_and_by_form_when_talked_to() {
        all_requests(&[
            "could you put me through to the showroom?",
            "passez-moi la fromagerie s'il vous plaît",
            "me comunica con la carpinteria?",
            "mi passa la pasticceria?",
            "verbinden Sie mich bitte mit der Schreinerei",
            "me pone con la tienda?",
            "prefiero hablar con alguna de las dependientas",
        ]);
        no_requests(&[
            "la fromagerie est ouverte le dimanche ?",
            "mettez la batterie en charge",
            "the showroom has a new sofa in the window",
        ]);
    }

    #[test]
    fn those_who_run_the_place_and_a_club_board_are_people_to_ask_for() {
        all_requests(&[
            "Could I have a word with the garage owner?",
            "I wish to speak with management.",
            "Je souhaite parler à la direction, c'est inadmissible.",
            "Puis-je parler au patron ?",
            "Kann ich bitte mit dem Meister reden?",
            "Ich möchte den Vorstand sprechen.",
            "J'aimerais parler à un membre du comité.",
            "¿Puedo hablar con uno de vuestros jardineros?",
        ]);
        no_requests(&[
            "I'm the owner of the flat and the tenant left.",
            "Turn left, in the direction of the river.",
            "Le patron de mon mari est parti en vacances.",
            "I'll get my site manager to check the delivery.",
        ]);
    }

    #[test]
    fn a_matter_passed_on_a_service_asked_for_and_a_person_named_first() {
        all_requests(&[
            "Could you pass my enquiry on to a person?",
            "Please have somebody get in touch with me.",
            "customer care please",
            "um customer support, thanks",
            "Whoever runs the bookings, I'd like to hear from them.",
        ]);
        no_requests(&[
            "customer care?",
            "I'd like to hear from them about the delivery date.",
            "I had somebody get in touch last week.",
        ]);
    }

    #[test]
    fn trades_by_form_with_a_word_naming_which_or_a_verb_of_talking_last() {
        all_requests(&[
            "Could I speak with the head brewer?",
            "I'd like to talk to one of your dog walkers about Tuesday.",
            "Ich würde gern mit einem Steinmetz sprechen.",
            "Könnte mir die Gärtnerin eine Mail schreiben?",
            "advisor for pension questions please",
        ]);
        no_requests(&[
            "Ich möchte mit einem Hammer arbeiten.",
            "an agent for my manuscript",
            "I need to ring my cat's vet first.",
        ]);
    }

    #[test]
    fn a_person_in_the_service_or_a_machine_acting_alone_is_asked_about_not_asked_for() {
        no_requests(&[
            "Is there a guide on the tour, or do we walk it alone?",
            "Does the app escalate reminders automatically?",
        ]);
        all_requests(&[
            "Is there a member of staff I could speak to, or not?",
            "is there an actual human or only bots",
        ]);
    }

    #[test]
    fn a_yes_in_one_breath_a_relief_or_a_question_of_when_takes_the_offer() {
        let offer = "Shall I pass this to our accounts team so someone can check it?";
        for reply in ["ok go ahead then", "Yes, thanks, that would be reassuring."] {
            assert!(detect_in_reply(offer, reply).is_some(), "{reply}");
        }
        let offer = "Voulez-vous que je vous mette en relation avec une conseillère ?";
        assert!(detect_in_reply(offer, "oui, elle peut me rappeler demain ?").is_some());
        let offer = "¿Quiere que le pase con una de nuestras encuadernadoras?";
        assert!(detect_in_reply(offer, "sí, mejor hablo con ella").is_some());
        let offer = "¿Prefiere hablar con un tapicero o seguir conmigo?";
        assert!(detect_in_reply(offer, "con el tapicero, gracias").is_some());
        assert!(detect_in_reply(offer, "sigo contigo, gracias").is_none());
    }

    #[test]
    fn salespeople_supervisors_restorers_and_one_of_you_are_asked_for() {
        all_requests(&[
            "me pasa con una vendedora? es por el barco",
            "mi passi un commerciale per favore",
            "ich möchte eine Verkäuferin sprechen",
            "ich hätte gern die Filialleiterin gesprochen",
            "kann ich bitte die Aufsicht sprechen",
            "verbinden Sie mich bitte mit dem Moderator",
            "könnte einer von Ihnen mich heute anrufen?",
            "uno di voi mi può scrivere una mail?",
            "bitte eine Mitarbeiterin aus der Buchhaltung, es geht um die Rechnung",
            "ras le bol du robot, une conseillère boutique svp",
            "can my claim be bumped up to a supervisor?",
            "pass me on to your reservations team about the weekend",
            "we'd like to talk to the bookings desk about the coach",
            "I'd rather discuss the cracked veneer on the sideboard with a real upholsterer",
            "I want the office, not the bot",
            "could someone who knows sewing machines read this and get back to me",
            "would welcome a call from somebody who knows the warranty terms",
            "could you ring me back please",
            "prefiero hablarlo con la sastra",
            "posso parlare col sarto?",
        ]);
        no_requests(&[
            "el vendedor del anuncio no me contesta",
            "ich habe den Verkäufer gestern gesprochen",
            "der Ventilator im Laden ist laut",
            "die Kinder waren ohne Aufsicht",
            "I need to talk about my billing",
            "I want to talk about my reservation",
            "i want the shop not the machine wash",
            "can someone read the meter on Monday",
            "could you call me when the suit is ready",
            "mi hermana quiere hablar con alguien, pero a mí me basta con el horario",
            "Meine Tochter will den Trainer sprechen, aber ich glaube, das geht auch so",
            "My neighbour wants to speak to your installer, so I'll give her your number",
            "Can the band play Call Me When You Land at the reception?",
            "no hace falta que me llamen, el presupuesto del velero por email me vale",
            "wir wollen den Rückruf-Termin für Montag verschieben",
            "how could you send a trainee to a job like this?!",
            "can your minibuses take bikes on the roof?",
            "the tailor made a lovely job of the hem",
        ]);
    }

    #[test]
    fn guides_djs_drivers_clowns_and_whoever_is_on_the_desk_are_asked_for() {
        all_requests(&[
            "could I have a word with one of the hill guides about the weather?",
            "me pasas con una guía? es por la excursión",
            "voglio parlare con la guida di domani",
            "can the DJ for our party call me tonight?",
            "is it possible to speak to the van driver who's collecting my sofa on Friday?",
            "patch me through to whoever's at reception",
            "could you put me through to the sales desk at the Leeds branch?",
            "get me through to Priya please",
            "zero uh zero, can I get the workshop please",
            "please have whoever can approve refunds drop me a line",
            "someone from your IT team needs to talk me through the install",
            "alguien de verdad por ahí?",
            "qualcuno lì?",
            "y'a quelqu'un de dispo ?",
            "mi passa la sarta che è venuta lunedì?",
            "dile a mi profesor que me llame, porfa",
            "verbinden Sie mich mit dem Sekretariat der Tanzschule",
            "Soll ich Sie mit unserem Kunden-Team verbinden?",
        ]);
        no_requests(&[
            "I printed the guide you sent, very clear",
            "can a second driver be added to the hire?",
            "can you connect the driver to my tablet",
            "I'm not one of those speak-to-the-manager types, just need the receipt",
            "the transfer desk at the station said to call you",
            "is the audio tour automated or is there a guide on the boat?",
            "my dentist will call me about it",
            "zero zero seven is my locker code",
        ]);
        let offer = "Shall I ask the workshop to ring you?";
        assert!(detect_in_reply(offer, "oui svp, la pompe fuit").is_none());
        let offer = "Voulez-vous qu'un technicien vous rappelle ?";
        assert!(detect_in_reply(offer, "oui svp, c'est urgent, la pompe fuit").is_some());
        assert!(detect_in_reply(offer, "oui, je vais y réfléchir").is_none());
        let offer = "¿Quiere que le pida a un monitor que le llame?";
        assert!(detect_in_reply(offer, "sí, pero después de las cinco").is_some());
        let offer = "I can pass this to Leo, your coach, who'll message you later. Shall I?";
        assert!(detect_in_reply(offer, "yes please").is_some());
        // The other option named, whatever else the word could be.
        let offer = "Je peux vous mettre en relation avec un moniteur ou vous envoyer le guide du parcours. Que préférez-vous ?";
        assert!(detect_in_reply(offer, "le guide du parcours, merci").is_none());
        let offer = "Would you like me to connect you with a person?";
        assert!(detect_in_reply(offer, "yes please, email me the invoice").is_none());
        assert!(detect_in_reply(offer, "I'll read the guide first").is_none());
    }

    #[test]
    fn people_by_their_work_from_a_place_or_deciding_and_offers_with_an_appositive() {
        all_requests(&[
            "can I have a word with the man fitting our shower",
            "que alguien de la tienda me envie un whatsapp",
            "qualcuno dell'ufficio di Milano mi può mandare una mail?",
            "pásame con algún cocinero, por favor",
            "je voudrais parler au mécano de l'atelier",
            "puis-je avoir la vétérinaire au tel ?",
            "transférez-moi au garage s'il vous plaît",
            "gibt es im Laden jemanden, der mir das erklären kann?",
            "somebody there needs to decide if I get a refund",
            "a living, breathing person, please",
        ]);
        no_requests(&[
            "the man fitting our shower left early",
            "transférez-moi l'argent avant vendredi",
            "someone needs to decide on the tiles, me or my partner",
            "someone at my firm has to approve the invoice",
            "how quickly do you reply to people who email?",
            "If my bike gets a puncture on the trail, is there someone I can ring?",
            "My mum wants a chat with the optician when she comes in next week.",
            "cuando alguien me mande la factura, pago",
            // The job booked for a day, not a person to talk to.
            "I need somebody to paint the fence before Saturday",
            "necesito a alguien que me instale el toldo el lunes",
        ]);
        let offer = "Shall I get Sam, our florist, to give you a ring?";
        assert!(detect_in_reply(offer, "yes please, is she in today?").is_some());
        let offer = "I could ask the front desk team to call your room. Would that help?";
        assert!(detect_in_reply(offer, "that'd be lovely, thanks").is_some());
        let offer = "Would you like a call back from one of our fitters?";
        assert!(detect_in_reply(offer, "sure, I'm around after four").is_some());
        let offer = "Soll ich Sie mit unserem Küchenteam verbinden?";
        assert!(detect_in_reply(offer, "ja bitte, aber noch heute").is_some());
        let offer = "Prefere que eu trate disso ou que um técnico da nossa loja lhe telefone?";
        assert!(detect_in_reply(offer, "a segunda").is_some());
        let offer = "Vuole parlare con un nostro tecnico?";
        assert!(detect_in_reply(offer, "che cosa intende, di persona?").is_none());
    }

    #[test]
    fn a_call_from_a_person_offered_a_pronoun_for_the_person_and_a_wish_put_off() {
        all_requests(&[
            "c'è una commessa che mi può aiutare con la taglia?",
            "mi fa richiamare dall'idraulico? perde ancora",
            "posso parlare con quell'impiegata, per favore?",
            "mit wem kann ich wegen der Lieferung sprechen?",
            "stellen Sie mich bitte zur Technik durch",
            "I'd like to be put through to the sales desk if possible.",
            "Please pass my complaint about the late delivery to a member of your team.",
            "the plumber from Monday, can she ring me back?",
        ]);
        no_requests(&[
            "we might ask for a chat with the manager, but not yet",
            "c'è un problema con l'ordine",
            "mit wem hat mein Sohn gestern telefoniert?",
            "die Technik im Auto ist veraltet",
            "my daughter is out, can she call me back later?",
        ]);
        let offer = "Would you like a call from our head gardener?";
        assert!(detect_in_reply(offer, "yes please").is_some());
        assert!(detect_in_reply(offer, "what does a head gardener do?").is_none());
        // A call asked about is no offer.
        assert!(!offers_handover("Did you get a call from our gardener?"));
        let offer =
            "Preferisce ricevere il preventivo via email o parlare con la nostra event planner?";
        assert!(detect_in_reply(offer, "la seconda").is_some());
        let offer = "Voulez-vous qu'un collègue vous rappelle ?";
        assert!(detect_in_reply(offer, "oui, mais plutôt après 17h").is_some());
    }

    #[test]
    fn a_german_menu_answered_verb_first_a_one_word_service_and_anothers_wish_set_aside() {
        all_requests(&[
            "weiterleiten an die Poststelle bitte",
            "Kundenservice bitte",
            "stellen Sie mich bitte zu jemandem durch, der sich mit Heizungen auskennt",
        ]);
        no_requests(&[
            "mi madre quiere hablar con alguien, yo solo quiero el horario",
            "mein Mann will mit jemandem reden, ich brauche nur die Adresse",
            "my wife keeps telling me I should ask for a supervisor, but I only want the opening times",
            "verbinden mit dem Drucker",
            "At some point we'd like a word with the owner, but not this month",
            "please send me any photos your staff took at the party",
        ]);
        all_requests(&["I'd rather speak to the owner, not a machine"]);
    }

    #[test]
    fn a_person_by_what_they_do_a_stronger_yes_and_a_call_caused_by_a_person() {
        all_requests(&["can the man who does the deliveries ring me back?"]);
        no_requests(&["can anyone walk in on a Sunday?"]);
        let offer = "Would you like a call from our events planner?";
        assert!(detect_in_reply(offer, "What's an events planner exactly?").is_none());
        let offer = "Voulez-vous que je vous fasse rappeler par une conseillère ?";
        assert!(detect_in_reply(offer, "oui carrément").is_some());
        let offer = "Vuole che la faccia richiamare da un tecnico?";
        assert!(detect_in_reply(offer, "sì, però entro un'ora").is_some());
        assert!(detect_in_reply(offer, "no, grazie").is_none());
    }

    #[test]
    fn a_yes_with_a_question_after_but_or_a_negated_condition_takes_the_offer() {
        let offer = "I can put you through to the workshop manager. Shall I?";
        assert!(detect_in_reply(offer, "sure, but can he see my order notes?").is_some());
        assert!(detect_in_reply(offer, "yes as long as it isn't after 6").is_some());
        assert!(detect_in_reply(offer, "no, not today").is_none());
        let offer = "Voulez-vous que je demande à un technicien de vous rappeler ?";
        assert!(detect_in_reply(offer, "oui, si c'est avant midi").is_some());
        let offer = "Quer que eu peça a um técnico para lhe ligar amanhã?";
        assert!(detect_in_reply(offer, "sim, obrigado").is_some());
        let offer = "Puedo mirarlo yo o pedir que una instructora te llame. ¿Qué prefieres?";
        assert!(detect_in_reply(offer, "la segunda opción").is_some());
        assert!(detect_in_reply(offer, "la primera").is_none());
    }

    #[test]
    fn support_a_head_teacher_a_photographer_and_chat_spellings_are_asked_for() {
        all_requests(&[
            "Could I talk to support, please?",
            "llámame porfa",
            "llámame cuando puedas",
            "call me back when you can",
            "gibts ne Kollegin, mit der ich sprechen kann?",
            "me passa pro eletricista, por favor",
            "posso parlare con la fotografa?",
            "je voudrais parler à la photographe",
            "Can I speak with the headteacher today?",
            "je veux parler à la prof de danse",
            "Can I talk to the plumber for my repair next Tuesday?",
            "I'd like to speak to a manager before I sign with you.",
        ]);
        no_requests(&[
            "I need support with my order",
            "llámame Ana, todos lo hacen",
            "Can I talk to the plumber next month?",
        ]);
    }

    #[test]
    fn a_relative_clause_a_wish_with_rather_a_key_pressed_and_the_one_needed() {
        all_requests(&[
            "Could the warden who is on duty ring me?",
            "Is it possible to speak with the upholsterer?",
            "I'd rather you passed me on to an optometrist.",
            "i'm pressing zero and it just keeps ringing",
            "Whoever approves refunds, that's who I want.",
            "tem como alguém da loja me ligar?",
            "mettez-moi en relation avec le fleuriste",
        ]);
        no_requests(&[
            "Can someone my size wear the medium harness?",
            "Is there someone who can carry the boxes while I park, or do I do it myself?",
            "My dad wants to talk to the manager, I'll have him call you later.",
            "I'm pressing zero on the calculator",
        ]);
    }

    #[test]
    fn replies_echoing_the_offer_or_adding_when_and_how_take_it() {
        for (offer, reply) in [
            (
                "Would it help to speak with a tutor?",
                "It would, yes, thanks.",
            ),
            (
                "Would you like a member of our bakery team to text you?",
                "Yes if they can do it before noon, otherwise never mind",
            ),
            (
                "Souhaitez-vous que la fleuriste vous rappelle ?",
                "oui, demain matin si possible",
            ),
            (
                "Quer que alguém da loja entre em contacto consigo?",
                "sim, pode ser por email?",
            ),
            (
                "Soll ich Sie mit unserem Werkstattmeister verbinden, oder möchten Sie hier weiterschreiben?",
                "Das Erste, bitte.",
            ),
        ] {
            assert!(detect_in_reply(offer, reply).is_some(), "{reply}");
        }
        assert!(
            detect_in_reply(
                "Would you like a member of our bakery team to text you?",
                "No, otherwise I'll be late"
            )
            .is_none()
        );
    }

    #[test]
    fn a_negation_reaches_past_or_and_a_name_given_is_no_call() {
        for text in [
            "I don't need a callback or a word with the owner, only the opening hours",
            "the pitch everyone calls the manager is waterlogged again",
        ] {
            assert!(detect(text).is_none(), "{text}");
        }
        for text in [
            "I don't want a refund or a voucher, I want to talk to a manager",
            "can they call the manager for me",
        ] {
            assert!(detect(text).is_some(), "{text}");
        }
    }

    #[test]
    fn a_softened_have_getting_in_touch_and_pra_before_an_article_ask_for_a_person() {
        for text in [
            // A softener between "can I" and "have".
            "could I maybe have a supervisor",
            "can we please have someone from accounts",
            // Getting in touch, in the subjunctive, with the customer.
            "por favor que una asesora se ponga en contacto conmigo",
            "qualcuno del vostro ufficio si metta in contatto con me",
            "s'il vous plaît, qu'un conseiller prenne contact avec moi",
            "alguém da loja entre em contato comigo por favor",
            // "pra" for "para", then an article.
            "me passa pra uma gerente, por favor",
        ] {
            assert!(detect(text).is_some(), "{text}");
        }
        for text in [
            "can I just have a look at the invoice",
            "could I please have a copy of the receipt",
            "cuando un asesor se ponga en contacto conmigo le mando las fotos",
            "nadie se puso en contacto conmigo",
            "me passa pra um plano mais barato",
            "me transfere para o pacote familiar",
        ] {
            assert!(detect(text).is_none(), "{text}");
        }
    }

    #[test]
    fn a_yes_after_its_condition_with_thanks_or_urged_on_takes_the_offer() {
        for (offer, reply) in [
            // The condition first, the yes last.
            (
                "Shall I ask one of our roofers to ring you?",
                "As long as it's before Friday, sure.",
            ),
            (
                "Voulez-vous qu'un conseiller vous rappelle ?",
                "Si c'est avant midi, oui",
            ),
            // British thanks; Italian "dai".
            (
                "Would you like me to put you through to a fitter?",
                "yep, cheers",
            ),
            ("Vuole che la passi a un tecnico?", "ok dai, grazie"),
            // "Our X" who "could/will" contact the customer; a bare lettered option.
            (
                "Our upholsterer could phone you this afternoon. Shall I set that up?",
                "yes please",
            ),
            (
                "Option 1: rebook online. Option 2: talk to a coordinator today. Which suits?",
                "2 please",
            ),
        ] {
            assert!(detect_in_reply(offer, reply).is_some(), "{reply}");
        }
        for reply in [
            "If it's before Friday, no thanks",
            "if I must, but not today",
            "cheers, but I'll manage",
            "dai, lascia stare",
        ] {
            assert!(
                detect_in_reply("Shall I ask one of our roofers to ring you?", reply).is_none(),
                "{reply}"
            );
        }
        // "Our X" as a thing that contacts nobody.
        assert!(!offers_handover(
            "Our newsletter will email you the dates. Shall I sign you up?"
        ));
    }

    #[test]
    fn a_yes_in_a_phrase_then_the_channel_the_time_or_a_question_takes_the_offer() {
        for (offer, reply) in [
            (
                "Shall I have the workshop foreman phone you?",
                "Go on then, but will it be today?",
            ),
            (
                "I can have one of our glaziers get in touch. Would that suit?",
                "That would be lovely, how soon could they call?",
            ),
            (
                "Would you like our kitchen planner to contact you?",
                "Definitely, by phone if possible",
            ),
            (
                "Soll Sie eine Kollegin aus der Werkstatt anrufen?",
                "Ja, gern, aber klappt das morgen?",
            ),
            (
                "Quiere que le llame alguien del taller?",
                "Sí, quiero, de preferencia por la tarde",
            ),
        ] {
            assert!(detect_in_reply(offer, reply).is_some(), "{reply}");
        }
        for reply in [
            "Go on then, but not by phone",
            "Definitely not",
            "That would be lovely but I will think about it",
        ] {
            assert!(
                detect_in_reply("Shall I have the workshop foreman phone you?", reply).is_none(),
                "{reply}"
            );
        }
    }

    #[test]
    fn whoever_the_customer_is_put_through_to_or_called_by_is_a_person_whatever_the_noun() {
        for text in [
            "Páseme con el sumiller, por favor",
            "me passa para o síndico, obrigado",
            "Mi fa richiamare dal geometra?",
            "quisiera hablar directamente con el pintor",
            "ich hätte gerne, dass sich der Hausverwalter bei mir meldet",
            "Ich will, dass mich der Gutachter heute anruft",
            "Holen Sie mir bitte den Filialgeschäftsführer ans Telefon, ich möchte mit ihm sprechen",
        ] {
            assert!(detect(text).is_some(), "{text}");
        }
        for text in [
            "quero passar pro plano mensal",
            "pásame con el siguiente paso",
            "ich hätte gern, dass sich der Preis nicht ändert",
            "ich will nicht, dass mich der Vertreter anruft",
            "dass mich der Lärm nervt, ist klar",
        ] {
            assert!(detect(text).is_none(), "{text}");
        }
    }

    #[test]
    fn a_department_or_menu_word_set_apart_by_a_pause_then_the_reason_asks_for_it() {
        for text in [
            "adviser uh it's about the delivery slot on monday",
            "complaints complaints um my table came scratched",
            "uh customer services er the card reader keeps rejecting us",
        ] {
            assert!(detect(text).is_some(), "{text}");
        }
        for text in [
            "hello hello um i've got a question about the opening times",
            "sales were up this month um the shop did well",
            "the billing date um is it the first or the fifteenth",
        ] {
            assert!(detect(text).is_none(), "{text}");
        }
    }

    #[test]
    fn another_s_wish_they_will_call_about_themselves_and_a_french_purchase_ask_for_no_one() {
        for text in [
            "My brother wants to speak to your manager, but he'll phone you himself on Monday",
            "Proposez-vous l'achat en ligne pour les entreprises ?",
        ] {
            assert!(detect(text).is_none(), "{text}");
        }
        assert!(
            detect(
                "My brother wants to speak to your manager, but he is away so can someone call me"
            )
            .is_some()
        );
    }

    #[test]
    fn a_support_line_by_its_number_is_escalation_and_work_added_to_a_visit_is_no_request() {
        assert!(
            detect("please push this up to second line, the first line can't fix it").is_some()
        );
        assert!(detect("move this up to the second line of the address").is_none());
        assert!(detect("can the plumber also look at the outside tap when he comes?").is_none());
        assert!(detect("can someone also look at my account please").is_some());
    }

    #[test]
    fn a_person_who_must_act_then_contact_the_customer_after_and_is_asked_for() {
        for text in [
            "somebody needs to check the order and ring me back",
            "someone has to read my letter and tell me what to do",
        ] {
            assert!(detect(text).is_some(), "{text}");
        }
        for text in [
            "someone checked the order and rang me yesterday",
            "somebody has to tell the courier",
        ] {
            assert!(detect(text).is_none(), "{text}");
        }
    }

    #[test]
    fn every_evaluation_text_reads_the_same_after_all_the_others() {
        // The thread's memories (words found unreadable, reused buffers) must never change a
        // reading: each text alone, on a fresh thread, against each after all the others.
        let texts = crate::test_texts::eval_texts();
        let alone: Vec<_> = std::thread::spawn({
            let texts = texts.clone();
            move || {
                texts
                    .iter()
                    .map(|t| std::thread::scope(|s| s.spawn(|| detect(t)).join().unwrap()))
                    .collect()
            }
        })
        .join()
        .unwrap();
        for t in &texts {
            let _ = detect(t);
        }
        let changed: Vec<&String> = texts
            .iter()
            .zip(&alone)
            .filter(|(t, a)| detect(t) != **a)
            .map(|(t, _)| t)
            .collect();
        assert!(changed.is_empty(), "{changed:?}");
    }
}
