//! The request patterns: a frame or verb of talking, handing over or escalating that
//! governs a person in one clause, and what refuses or defers it.

use super::*;

/// Is the request at token `at` refused in its clause ("I don't need an agent",
/// "no quiero hablar con un humano")? Inability ("I can't reach a person") is not refusal.
pub(super) fn refused(toks: &[Tok<'_>], at: usize) -> bool {
    let clause_start = |at: usize| {
        let clause = toks[at].clause;
        toks[..at]
            .iter()
            .rposition(|t| t.clause != clause)
            .map_or(0, |p| p + 1)
    };
    let mut start = clause_start(at);
    // "I'm not asking for a visit or a chat with anyone": a clause opened by "or" is the
    // second of the things the clause before it names, negated with them.
    let opened_by_or = |s: usize| {
        toks.get(s).is_some_and(|t| matches!(t.word, "or" | "nor"))
            || s > 0 && matches!(toks[s - 1].word, "or" | "nor")
    };
    if start > 0 && opened_by_or(start) && toks[start - 1].sentence == toks[at].sentence {
        let before = clause_start(start - 1);
        if toks[before..start].iter().any(|t| t.is(Neg)) {
            start = before;
        }
    }
    let scope = &toks[start..=at];
    if declined(toks, at) {
        return true;
    }
    // "I'd rather wait than talk to a manager": what comes after "than" is not wanted.
    if let Some(than) = scope.iter().position(|t| t.word == "than")
        && scope[..than]
            .iter()
            .any(|t| matches!(t.word, "rather" | "sooner"))
    {
        return true;
    }
    for (i, t) in scope.iter().enumerate() {
        if !t.is(Neg) {
            continue;
        }
        // "i dont need the app route transfer me to an adviser": a transcript
        // without punctuation; the imperative starts a sentence of its own, out of the
        // negator's reach.
        // So does a question put anew ("… and nobody came can i talk to the office").
        if (i + 2..scope.len()).any(|q| {
            (matches!(
                scope[q].word,
                "put" | "transfer" | "connect" | "pass" | "get" | "send" | "give"
            ) && toks
                .get(start + q + 1)
                .is_some_and(|n| matches!(n.word, "me" | "us"))
                || matches!(scope[q].word, "can" | "could" | "may")
                    && toks
                        .get(start + q + 1)
                        .is_some_and(|n| matches!(n.word, "i" | "we"))
                    && toks
                        .get(start + q + 2)
                        .is_some_and(|n| n.is(Talk) || n.is(Contact)))
                && !(scope[q - 1].is(Neg)
                    || scope[q - 1].is(Skip)
                    || matches!(
                        scope[q - 1].word,
                        "to" | "and"
                            | "or"
                            | "can"
                            | "could"
                            | "would"
                            | "will"
                            | "should"
                            | "you"
                            | "i"
                            | "we"
                            | "they"
                            | "please"
                            | "just"
                    ))
        }) {
            continue;
        }
        // "no just put me through", "billing options no just connect me": a "no" before
        // "just" answers the AI's offer of something else, or the menu, unless it follows
        // a verb of its own; "no wait", "no sorry" take back what was said before.
        if t.word == "no"
            && scope[..i]
                .iter()
                .all(|p| !(p.is(Desire) || p.is(Talk) || p.is(Contact) || p.is(Frame)))
            && scope.get(i + 1).is_some_and(|n| {
                matches!(
                    n.word,
                    "just" | "simply" | "only" | "wait" | "sorry" | "actually"
                )
            })
        {
            continue;
        }
        // "why don't you put me through", "perché non mi passate qualcuno": a request.
        if scope[..i].iter().any(|p| {
            matches!(
                p.word,
                "why" | "perche" | "xke" | "pq" | "pourquoi" | "warum" | "porque" | "porqué"
            )
        }) {
            continue;
        }
        // "without" / "rather" / "instead" / "nobody" refuse whatever follows in the clause.
        if matches!(
            t.word,
            "without"
                | "instead"
                | "nobody"
                | "nadie"
                | "niemand"
                | "nessuno"
                | "ninguem"
                | "inutile"
                | "innecesario"
                | "desnecessario"
                | "unnotig"
        ) {
            return true;
        }
        // German "kein Mensch" / "nicht" anywhere before the noun.
        if matches!(t.word, "kein" | "keinen" | "keine" | "nicht") {
            return true;
        }
        // French "ne … pas" frames the verb; Roman "'n" before a noun is "a" ("me passi
        // 'n operatore?").
        if t.word == "ne" || t.word == "n" && !scope.get(i + 1).is_some_and(|n| n.is(StrongNoun)) {
            return true;
        }
        // "I don't think I want a person", "don't believe we need an agent": the doubt
        // refuses the wish after it.
        if let Some(v) = scope.get(i + 1)
            && matches!(v.word, "think" | "believe" | "reckon")
            && scope[i + 2..]
                .iter()
                .take(2)
                .any(|n| n.is(Desire) || n.is(Frame))
        {
            return true;
        }
        // A negator refuses when it attaches to a desire verb ("don't need", "no need",
        // "do not really want") or directly to the request verb ("not talk"): the first
        // word after it that is not a function word decides. "I don't know how to reach a
        // person" is a request.
        // Italian "avere bisogno" ("non abbiamo bisogno del tecnico") has its auxiliary
        // between.
        // "thanks for not making me talk to someone": a causative between changes nothing.
        let attached = scope[i + 1..]
            .iter()
            .find(|n| {
                !(n.is(Skip)
                    || n.is(Neg)
                    || matches!(
                        n.word,
                        "ho" | "hai"
                            | "abbiamo"
                            | "avete"
                            | "making"
                            | "make"
                            | "made"
                            | "forcing"
                            | "force"
                    ))
                    || n.is(Desire)
                    || n.is(Talk)
                    || n.is(Contact)
            })
            .is_some_and(|n| {
                n.is(Desire) || n.is(Talk) || n.is(Contact) || (n.is(Frame) && n.word != "get")
            });
        if attached {
            return true;
        }
    }
    false
}

/// "we'll decline that callback", "cancel my call back please", "den Rückruf bitte
/// absagen": a verb of declining or cancelling that governs the request's word (only a
/// determiner between) turns it down. Not across other words: "cancel my order and get
/// me a person" asks for one.
fn declined(toks: &[Tok<'_>], at: usize) -> bool {
    let determiner = |w: &str| {
        matches!(
            w,
            "the"
                | "a"
                | "my"
                | "our"
                | "your"
                | "this"
                | "that"
                | "any"
                | "le"
                | "la"
                | "el"
                | "mi"
                | "il"
                | "o"
                | "den"
                | "die"
                | "das"
                | "meinen"
                | "meine"
                | "ce"
                | "mon"
                | "ma"
                | "mio"
                | "meu"
                | "bitte"
                | "please"
        )
    };
    let declines = |w: &str| {
        matches!(
            w,
            "decline"
                | "declined"
                | "declining"
                | "cancel"
                | "cancelled"
                | "canceled"
                | "cancelling"
                | "canceling"
                | "refuse"
                | "refusing"
                | "skip"
                | "withdraw"
                | "annuler"
                | "annule"
                | "annulez"
                | "refuser"
                | "cancelar"
                | "cancele"
                | "cancela"
                | "rechazar"
                | "recusar"
                | "annullare"
                | "annulla"
                | "annullate"
                | "disdire"
                | "rifiutare"
                | "absagen"
                | "stornieren"
                | "abbestellen"
                | "ablehnen"
        )
    };
    let clause = toks[at].clause;
    let before = toks[..at]
        .iter()
        .rev()
        .take_while(|t| t.clause == clause)
        .find(|t| !determiner(t.word));
    let after = toks[at + 1..]
        .iter()
        .take_while(|t| t.clause == clause)
        .find(|t| !determiner(t.word));
    before.is_some_and(|t| declines(t.word)) || after.is_some_and(|t| declines(t.word))
}

/// "people" and "persons" in general ("I'd rather deal with people"), not the service's
/// own ("one of your people", "your people").
fn people_in_general(toks: &[Tok<'_>], k: usize) -> bool {
    matches!(toks[k].word, "people" | "persons") && !(k > 0 && toks[k - 1].word == "your")
}

/// Words after a request's words that make them a service's name ("the Ask a Nurse
/// line", "is the Talk to an Adviser service free?"): no person asked for.
fn names_a_service(word: &str) -> bool {
    matches!(
        word,
        "newsletter"
            | "magazine"
            | "podcast"
            | "webinar"
            | "column"
            | "service"
            | "scheme"
            | "option"
            | "button"
            | "feature"
            | "package"
            | "plan"
            | "line"
            | "hotline"
    )
}

/// People of the customer's own who might act for them ("… like a neighbour", "… maybe a
/// friend"): a proxy, not the staff.
fn names_a_proxy(word: &str) -> bool {
    matches!(
        word,
        "neighbour" | "neighbor" | "neighbours" | "friend" | "relative"
    )
}

/// Whether the modal at `modal` is "will" asking how the service works ("will a person read
/// the form before it's filed?"): nothing of the customer's ("me", "my") follows in its
/// clause from `from` on, as it does in "will someone sort my refund?".
fn asks_how_it_works(toks: &[Tok<'_>], modal: usize, from: usize) -> bool {
    let clause = toks[modal].clause;
    toks[modal].word == "will"
        && !toks[from..]
            .iter()
            .take_while(|n| n.clause == clause)
            .any(|n| matches!(n.word, "me" | "us" | "my" | "our"))
}

/// "my", "our" and their forms in the other languages: what follows is the customer's own.
pub(super) fn own_possessive(word: &str) -> bool {
    matches!(
        word,
        "my" | "our"
            | "mi"
            | "mis"
            | "mon"
            | "ma"
            | "notre"
            | "mein"
            | "meine"
            | "meinem"
            | "meinen"
            | "meiner"
            | "meu"
            | "minha"
            | "mio"
            | "mia"
    )
}

/// The words `from` to `to`, both included, as the phrase a detector matched. A
/// pattern names its span by what it expects to follow ("le SAV" then "client"); the
/// text may end first, so the span ends with the text.
pub(super) fn phrase(toks: &[Tok<'_>], from: usize, to: usize) -> String {
    let to = to.min(toks.len().saturating_sub(1));
    toks.get(from..=to)
        .unwrap_or_default()
        .iter()
        .map(|t| t.word)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether token `k` is a human noun here (not "human error", "travel agent",
/// "virtual assistant", "contact person").
pub(super) fn human_noun(toks: &[Tok<'_>], k: usize) -> Option<bool> {
    let t = toks.get(k)?;
    let strong = t.is(StrongNoun);
    if !strong && !t.is(WeakNoun) {
        return None;
    }
    // "can someone my age still join?", "anyone like me": the customer's kind, no staff.
    if matches!(t.word, "someone" | "somebody" | "anyone" | "anybody")
        && (toks.get(k + 1).is_some_and(|n| n.word == "my")
            && toks.get(k + 2).is_some_and(|n| {
                matches!(
                    n.word,
                    "age" | "size" | "height" | "weight" | "level" | "build"
                )
            })
            || toks.get(k + 1).is_some_and(|n| n.word == "like")
                && toks
                    .get(k + 2)
                    .is_some_and(|n| matches!(n.word, "me" | "us")))
    {
        return None;
    }
    // French "personne ne …", "personne n'est venu": nobody, no person.
    if t.word == "personne"
        && toks
            .get(k + 1)
            .is_some_and(|n| matches!(n.word, "ne" | "n"))
    {
        return None;
    }
    // "the film The Operator", "le film Agent secret": a title, not a person.
    if toks[k.saturating_sub(3)..k].iter().any(|p| {
        p.clause == t.clause
            && matches!(
                p.word,
                "film"
                    | "movie"
                    | "novel"
                    | "song"
                    | "album"
                    | "series"
                    | "dvd"
                    | "boxset"
                    | "pelicula"
                    | "filme"
                    | "livre"
                    | "libro"
                    | "buch"
                    | "serie"
            )
    }) {
        return None;
    }
    if let Some(next) = toks.get(k + 1)
        && next.clause == t.clause
        && (next.is(NonHumanHead) || (t.word == "human" && next.is(ServiceHead)))
        // "can a specialist check this": after a modal, "check" is what the person does
        // ("can one of your agents check" puts three more words between).
        && !(help_verb(next.word)
            && toks[..k]
                .iter()
                .rev()
                .take(5)
                .any(|p| matches!(p.word, "can" | "could" | "would" | "will" | "may" | "might")))
        // "it wants a human touch": a person's handling, wanted.
        && !(t.word == "human"
            && next.word == "touch"
            && toks[..k]
                .iter()
                .rev()
                .take(4)
                .any(|p| p.clause == t.clause && (p.is(Frame) || p.word == "for")))
    {
        return None;
    }
    // "an operator billing charge", "the agent booking fee": two nouns after the person
    // make one thing, named by the last.
    if let Some(next) = toks.get(k + 1)
        && next.clause == t.clause
        // "billing", "booking": a department or a noun of doing; not "del", "could".
        && (next.is(Dept) || next.classes.is_empty() && next.word.ends_with("ing"))
        && toks
            .get(k + 2)
            .is_some_and(|m| m.clause == t.clause && m.is(NonHumanHead))
    {
        return None;
    }
    // The customer's own professional ("my dentist"), or one naming a thing ("the dentist
    // appointment"), is no one who works for the service; nor are the professionals in
    // general ("talking to teachers helps"): a plural needs a determiner to be theirs.
    // The determiner may stand before a word naming which ("one of the tattoo artists").
    let determiner = |i: usize| {
        matches!(
            toks[i].word,
            "the"
                | "your"
                | "ur"
                | "any"
                | "some"
                | "of"
                | "los"
                | "las"
                | "les"
                | "des"
                | "i"
                | "gli"
                | "le"
                | "die"
                | "den"
                | "os"
                | "as"
                | "sus"
                | "vuestros"
                | "vuestras"
                // Said by the AI: "una de nuestras pasteleras".
                | "our"
                | "nuestros"
                | "nuestras"
                | "nossos"
                | "nossas"
                | "nostri"
                | "nostre"
                | "vos"
                | "vostri"
                | "vostre"
                | "suas"
                | "ihre"
                | "ihren"
                | "seus"
                | "dos"
                | "das"
                | "dei"
                | "delle"
        )
    };
    // "shall I email you our colour guide?", "I read the guide": a booklet sent or
    // read, not a person.
    if names_a_guide(t.word)
        && toks[k.saturating_sub(5)..k].iter().any(|p| {
            matches!(
                p.word,
                "send"
                    | "sent"
                    | "email"
                    | "emailed"
                    | "download"
                    | "downloaded"
                    | "read"
                    | "print"
                    | "printed"
                    | "attach"
                    | "attached"
                    | "post"
                    | "share"
                    | "pdf"
                    | "enviar"
                    | "envio"
                    | "mandar"
                    | "envoyer"
                    | "schicken"
                    | "senden"
                    | "inviare"
                    | "mandare"
            )
        })
    {
        return None;
    }
    // "a second driver", "an additional driver": another driver of the customer's, on a
    // hire or a policy.
    if matches!(t.word, "driver" | "drivers")
        && k > 0
        && matches!(
            toks[k - 1].word,
            "second"
                | "additional"
                | "extra"
                | "named"
                | "another"
                | "designated"
                | "learner"
                | "new"
                | "young"
                | "other"
        )
    {
        return None;
    }
    // "could my trainer Jamie give me a ring?", "dile a mi entrenador que me llame": the
    // customer's professional at the service, asked to contact the customer.
    let contacts_me = || {
        // Asked of the service: "could my trainer…?" opening the question, or "dile a mi
        // entrenador que…" (not "I'll ask my dentist to…", "my dentist will call me").
        let asked = k >= 2
            && (matches!(toks[k - 2].word, "could" | "can" | "would" | "will")
                && (k == 2
                    || toks[k - 3].clause != toks[k].clause
                    || matches!(toks[k - 3].word, "please" | "so" | "hi" | "hey"))
                || k >= 3
                    && toks[k - 2].word == "a"
                    && matches!(
                        toks[k - 3].word,
                        "decirle" | "dile" | "digale" | "pedirle" | "pidale" | "dica" | "peca"
                    ));
        let after = &toks[k + 1..toks.len().min(k + 6)];
        asked
            && after.windows(2).any(|w| {
                (w[0].is(Contact) || w[0].word == "give") && matches!(w[1].word, "me" | "us" | "mi")
                    || matches!(w[0].word, "me" | "mi" | "m") && w[1].is(Contact)
            })
    };
    if practice_professional(t)
        && (t.word.ends_with('s')
            && !(k > 0
                && (determiner(k - 1)
                    || k > 1 && toks[k - 1].classes.is_empty() && determiner(k - 2)))
            || k > 0
            && (own_possessive(toks[k - 1].word) && !contacts_me()
                || matches!(toks[k - 1].word, "his" | "her" | "their"))
            // "my gecko's vet", "my kids dentist": the professional of someone of the
            // customer's.
            || k > 1
                && own_possessive(toks[k - 2].word)
                && toks[k - 1].classes.is_empty()
                && toks[k - 1].word.ends_with('s')
        // "I'll hand it to the midwife": a thing given, not the customer passed on.
        || toks[k.saturating_sub(4)..k].iter().any(|p| {
            matches!(p.word, "hand" | "give" | "pass" | "send" | "take" | "bring" | "show")
        })
        || toks.get(k + 1).is_some_and(|n| {
            matches!(
                n.word,
                "appointment"
                    | "appointments"
                    | "surgery"
                    | "practice"
                    | "visit"
                    | "note"
                    | "letter"
                    | "bill"
                    | "receipt"
                    | "report"
                    | "records"
                    | "fees"
            )
        }))
    {
        return None;
    }
    // The customer's own colleagues ("give my colleague the admin role", "our staff
    // can't log in") work for the customer, not for the service.
    if k > 0
        && own_possessive(toks[k - 1].word)
        && matches!(
            t.word,
            "colleague"
                | "colleagues"
                | "coworker"
                | "coworkers"
                | "boss"
                | "staff"
                | "employees"
                | "employee"
                | "team"
        )
    {
        return None;
    }
    // A modifier that makes the head no person ("a property agent", "switch operator"),
    // unless the compound names staff ("the property manager").
    let sense = head_sense(toks, k);
    if sense == Some(HeadSense::NotStaff)
        || (k > 0
            && toks[k - 1].is(NonHumanModifier)
            // "bot, human please": a modifier modifies within its clause.
            && toks[k - 1].clause == t.clause
            && sense != Some(HeadSense::Staff))
    {
        return None;
    }
    // Hyphenated compounds: "human-readable", "AI-agent", "person-to-person". A head after
    // a modifier that names no machine is the people it says ("Tanz-Team", "Kunden-Berater").
    // Not "the shift-worker tariff" (the compound names a thing after it) nor
    // "speak-to-the-manager people".
    let named_by_modifier = k > 0
        && toks[k - 1].joined
        && !t.joined
        && !toks[k - 1].is(Skip)
        && toks
            .get(k + 1)
            .is_none_or(|n| n.clause != t.clause || !(n.classes.is_empty() && n.word.len() > 2))
        && !(toks[k - 1].is(Bot)
            || toks[k - 1].is(Machine)
            || toks[k - 1].is(NonHumanModifier)
            || matches!(
                toks[k - 1].word,
                "human"
                    | "person"
                    | "people"
                    | "ai"
                    | "self"
                    | "virtual"
                    | "chat"
                    | "voice"
                    | "robo"
            ));
    if t.joined || (k > 0 && toks[k - 1].joined && !named_by_modifier) {
        return None;
    }
    // "agent of change", "person of interest"; "member of staff" is a person.
    let of_head = toks
        .get(k + 1)
        .filter(|n| {
            n.clause == t.clause
                && matches!(
                    n.word,
                    "of" | "de" | "du" | "des" | "di" | "del" | "della" | "do" | "da" | "von"
                )
        })
        .and_then(|_| toks.get(k + 2));
    if of_head.is_some_and(|h| {
        matches!(
            h.word,
            "change" | "interest" | "chaos" | "color" | "colour" | "record" | "contact" | "note"
        )
    }) {
        return None;
    }
    if matches!(
        t.word,
        "member" | "members" | "membre" | "membres" | "miembro" | "membro" | "mitglied"
    ) {
        let staffed = |w: &str| {
            matches!(
                w,
                "staff"
                    | "team"
                    | "crew"
                    | "personnel"
                    | "equipe"
                    | "equipo"
                    | "equipa"
                    | "squadra"
                    | "personal"
                    | "personale"
                    | "teams"
                    // A club's committee or board: "un membre du bureau", "a member of the
                    // committee", "ein Mitglied des Vorstands".
                    | "committee"
                    | "bureau"
                    | "comite"
                    | "vorstand"
                    | "vorstands"
                    | "junta"
            )
        };
        // "a member of staff", "a member of the council team": a group of staff within
        // the four words after "of" ("a member of the gym" is a customer).
        let of_staff = of_head.is_some() && {
            let clause = toks[k].clause;
            let group = toks[k + 2..]
                .iter()
                .take(4)
                .take_while(|h| h.clause == clause)
                .position(|h| staffed(h.word) || h.is(Dept));
            // "a member of our team" in a letter quoted is the sender's.
            group.is_some_and(|g| {
                !toks[k + 2..k + 2 + g]
                    .iter()
                    .any(|h| matches!(h.word, "our" | "my" | "their"))
            })
        };
        let staff_member = k > 0 && staffed(toks[k - 1].word);
        if !(of_staff || staff_member) {
            return None;
        }
    }
    // A person qualified as one of theirs is as clear as a staff noun: "someone from your
    // billing team", "anybody at the branch", "your team".
    let theirs = |i: usize| {
        toks.get(i)
            .is_some_and(|n| matches!(n.word, "your" | "ur" | "the"))
    };
    let qualified = match t.word {
        "someone" | "somebody" | "anyone" | "anybody" | "bloke" | "fella" => {
            toks.get(k + 1).is_some_and(|n| {
                matches!(n.word, "from" | "on" | "at" | "in") && n.clause == t.clause
            }) && theirs(k + 2)
        }
        "team" | "department" => k > 0 && matches!(toks[k - 1].word, "your" | "ur"),
        // "one of your technicians", "one of your nurses": one of theirs; "an actual tax
        // preparer", "a real teacher": a person wanted instead of what the service offers.
        _ => {
            k >= 3
                && toks[k - 3].word == "one"
                && toks[k - 2].word == "of"
                && matches!(toks[k - 1].word, "your" | "ur")
                || (k.saturating_sub(2)..k).any(|i| {
                    matches!(
                        toks[i].word,
                        "real" | "actual" | "proper" | "qualified" | "live"
                    ) && toks[i + 1..k].iter().all(|m| m.classes.is_empty())
                        && toks[i..k].iter().all(|m| m.clause == t.clause)
                })
        }
    };
    Some(strong || qualified)
}

/// Whether the words before `j`, in its sentence, report what was said or promised ("they
/// said the doctor would ring me", "I was told an engineer would phone"): a promise told,
/// not a request.
pub(super) fn reported(toks: &[Tok<'_>], j: usize) -> bool {
    toks[j.saturating_sub(6)..j].iter().any(|p| {
        p.sentence == toks[j].sentence
            && matches!(
                p.word,
                "said"
                    | "told"
                    | "promised"
                    | "assured"
                    | "says"
                    | "claimed"
                    | "dijeron"
                    | "dijo"
                    | "prometieron"
                    | "dit"
                    | "promis"
                    | "gesagt"
                    | "versprochen"
                    | "disseram"
                    | "disse"
                    | "prometeram"
                    | "detto"
                    | "promesso"
            )
    })
}

/// Whether the request at `j` is about something else than now: a past event ("I was
/// transferred to an agent"), or a hypothetical ("if I need to talk to someone later").
pub(super) fn not_now(toks: &[Tok<'_>], j: usize) -> bool {
    not_now_when(toks, j, false)
}

/// [`not_now`] for a contact asked of the service ("could someone ring me tomorrow
/// morning?"): a time after the verb says when to call, not that the request is for later.
pub(super) fn not_now_scheduled(toks: &[Tok<'_>], j: usize) -> bool {
    not_now_when(toks, j, true)
}

/// A period named after "last" or "next": a week, a month, a year, a weekday, "time".
fn named_period(word: &str) -> bool {
    matches!(word, "week" | "month" | "year" | "time") || weekday(word)
}

/// A day to come named in one word: a weekday, "tomorrow", "next", the weekend, in the six
/// languages. What a visit or a job is booked for.
fn day_to_come(word: &str) -> bool {
    weekday(word)
        || matches!(
            word,
            "tomorrow"
                | "next"
                | "weekend"
                | "montag"
                | "dienstag"
                | "mittwoch"
                | "donnerstag"
                | "freitag"
                | "samstag"
                | "sonntag"
                | "morgen"
                | "lunes"
                | "martes"
                | "miercoles"
                | "jueves"
                | "viernes"
                | "sabado"
                | "domingo"
                | "manana"
                | "lundi"
                | "mardi"
                | "mercredi"
                | "jeudi"
                | "vendredi"
                | "samedi"
                | "dimanche"
                | "demain"
                | "lunedi"
                | "martedi"
                | "mercoledi"
                | "giovedi"
                | "venerdi"
                | "domenica"
                | "domani"
                | "amanha"
                | "sexta"
        )
}

/// A day of the week, in English.
fn weekday(word: &str) -> bool {
    matches!(
        word,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// Networks and devices one is connected to ("connect me to the wifi", "conéctame a la
/// red"): not a person.
/// "Mon mari voudrait parler à quelqu'un, mais moi je veux juste le prix", "my husband
/// would like to talk to someone, but I only want the price": someone of the customer's
/// wishes it, and the customer sets their own wish against it.
fn others_wish_set_aside(toks: &[Tok<'_>], j: usize, k: usize) -> bool {
    let t = &toks[j];
    // "my husband keeps saying I should ask for…": the wisher a few words back.
    let own_wisher = toks[..j]
        .iter()
        .rev()
        .take_while(|p| p.sentence == t.sentence)
        .take(7)
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| own_possessive(w[1].word) && w[0].classes.is_empty());
    let me = |w: &str| matches!(w, "i" | "moi" | "je" | "yo" | "ich" | "eu" | "io");
    let rest: Vec<&Tok<'_>> = toks[k + 1..]
        .iter()
        .take_while(|n| n.sentence == t.sentence)
        .collect();
    // "…, but she says she'll ring you herself": the one who wishes it will call.
    let they = |w: &str| {
        matches!(
            w,
            "she"
                | "he"
                | "they"
                | "elle"
                | "il"
                | "ils"
                | "ella"
                | "el"
                | "sie"
                | "er"
                | "lei"
                | "lui"
                | "ela"
                | "ele"
        )
    };
    let they_call = rest.iter().enumerate().any(|(b, w)| {
        matches!(w.word, "but" | "mais" | "pero" | "aber" | "ma" | "mas")
            && rest[b + 1..].iter().take(3).any(|p| they(p.word))
            && rest[b + 1..].iter().take(8).any(|p| p.is(Contact))
    });
    own_wisher
        && (they_call
            || rest.windows(3).any(|w| {
                matches!(w[0].word, "but" | "mais" | "pero" | "aber" | "ma" | "mas")
                    && w[1..].iter().any(|p| me(p.word))
            })
            // "…, yo solo pregunto el precio", "…, ich brauch nur die Zeiten": the customer's
            // own, lesser wish set after it without a "but".
            || rest.windows(3).any(|w| {
                me(w[0].word)
                    && w[1..].iter().any(|p| {
                        matches!(
                            p.word,
                            "only" | "just" | "solo" | "solamente" | "nur" | "seulement" | "apenas"
                        )
                    })
            }))
}

/// "is there somebody on the ice during public sessions in case a kid falls?", "is there
/// someone on site overnight?": whether staff are present at a place and time, asked
/// about, not a person asked for now.
fn presence_asked(toks: &[Tok<'_>], k: usize) -> bool {
    let t = &toks[k];
    let rest = || {
        toks[k + 1..]
            .iter()
            .take_while(|n| n.sentence == t.sentence)
    };
    // "is there a manager on duty I could have a word with": the person asked for after.
    if rest().any(|n| matches!(n.word, "i" | "we" | "me" | "who" | "that")) {
        return false;
    }
    // "a member of staff in the hall": past what the person is one of.
    let mut at = k + 1;
    if toks.get(at).is_some_and(|n| n.word == "of") {
        at += 1 + usize::from(
            toks.get(at + 1)
                .is_some_and(|n| matches!(n.word, "the" | "your")),
        );
        at += 1;
    }
    toks.get(at).is_some_and(|n| {
        matches!(
            n.word,
            "on" | "at" | "in" | "around" | "present" | "watching" | "supervising"
        ) && toks
            .get(at + 1)
            .is_none_or(|m| !matches!(m.word, "my" | "our"))
    }) && (rest().any(|n| {
        matches!(
            n.word,
            "during" | "overnight" | "duty" | "weekends" | "nights" | "always" | "while"
        )
    }) || rest()
        .zip(rest().skip(1))
        .any(|(a, b)| a.word == "in" && b.word == "case"))
}

/// "I need someone to fit the blinds by Friday", "ich brauch bis Freitag jemanden, der mir
/// die Küche anpasst": anyone at `k` wanted for a job done by a day, the service's work
/// booked, not a person to talk to now.
fn work_booked(toks: &[Tok<'_>], k: usize) -> bool {
    let t = &toks[k];
    if !matches!(
        t.word,
        "someone"
            | "somebody"
            | "anyone"
            | "anybody"
            | "jemanden"
            | "jemand"
            | "alguien"
            | "alguem"
            | "quelqu"
            | "qualcuno"
    ) {
        return false;
    }
    let sentence = || toks.iter().filter(|p| p.sentence == t.sentence);
    let work = |w: &str| {
        matches!(
            w,
            "fit"
                | "install"
                | "fix"
                | "repair"
                | "build"
                | "paint"
                | "clean"
                | "deliver"
                | "assemble"
                | "mount"
                | "adjust"
                | "service"
                | "tile"
                | "plaster"
                | "decorate"
                | "anpasst"
                | "einbaut"
                | "repariert"
                | "montiert"
                | "aufbaut"
                | "streicht"
                | "installiert"
                | "reinigt"
                | "liefert"
                | "anschliesst"
                | "monte"
                | "instale"
                | "arregle"
                | "repare"
                | "pinte"
                | "limpie"
                | "installe"
                | "nettoie"
                | "livre"
                | "pose"
                | "monti"
                | "installi"
                | "ripari"
                | "aggiusti"
                | "conserte"
                | "limpe"
        )
    };
    toks[k + 1..]
        .iter()
        .take(9)
        .take_while(|p| p.sentence == t.sentence)
        .any(|p| work(p.word))
        && sentence().any(|p| day_to_come(p.word))
}

/// "… when he comes in on Thursday", "… when I pop in next week": after the person at `k`,
/// a visit of the customer's side to come, at which the talk will be had in person.
fn in_person_later(toks: &[Tok<'_>], k: usize) -> bool {
    let t = &toks[k];
    let w = |i: usize| {
        toks.get(i)
            .filter(|n| n.sentence == t.sentence)
            .map_or("", |n| n.word)
    };
    (k + 1..toks.len().min(k + 8)).any(|i| {
        toks[i].clause == t.clause
            && matches!(w(i), "when" | "whenever" | "once")
            && matches!(w(i + 1), "i" | "he" | "she" | "we" | "they")
            && (matches!(
                w(i + 2),
                "come"
                    | "comes"
                    | "pop"
                    | "pops"
                    | "drop"
                    | "drops"
                    | "stop"
                    | "stops"
                    | "call"
                    | "calls"
            ) && matches!(w(i + 3), "in" | "by" | "round")
                || matches!(w(i + 2), "visit" | "visits"))
            && (i + 3..toks.len())
                .take_while(|&n| toks[n].sentence == t.sentence)
                .any(|n| day_to_come(toks[n].word) || toks[n].word == "later")
    })
}

/// "If my bike gets a puncture on the trail, is there someone I can ring?": whether help exists
/// should something happen later, asked before the question at `j`; not a person asked
/// for now. A condition on the service ("if you can't fix it", "if possible") still asks.
fn support_in_case(toks: &[Tok<'_>], j: usize) -> bool {
    let t = &toks[j];
    let Some(start) = toks[..j].iter().position(|p| p.sentence == t.sentence) else {
        return false;
    };
    toks[start].word == "if"
        && toks.get(start + 1).is_some_and(|n| {
            n.clause == toks[start].clause
                && !matches!(
                    n.word,
                    "you" | "u" | "ya" | "youre" | "your" | "possible" | "so" | "not" | "needed"
                )
        })
        && toks[start].clause != t.clause
}

/// "est-ce que le gérant est dispo pour me parler", "¿está libre la encargada para
/// atenderme?": a person said to be free to talk to the customer now, asked.
fn available_to_talk(toks: &[Tok<'_>], j: usize) -> Option<ExplicitMatch> {
    let t = &toks[j];
    if !matches!(
        t.word,
        "dispo" | "disponible" | "disponibles" | "libre" | "disponibile" | "disponivel"
    ) {
        return None;
    }
    let same = |i: &usize| toks[*i].clause == t.clause;
    // The person before, with a present "is" between ("le gérant est dispo"), or after
    // ("está libre la encargada").
    let copula = |w: &str| {
        matches!(
            w,
            "est" | "esta" | "e" | "sont" | "estan" | "sono" | "estao"
        )
    };
    let k = (j.saturating_sub(4)..j)
        .filter(same)
        .find(|&k| human_noun(toks, k).is_some() && toks[k + 1..j].iter().any(|p| copula(p.word)))
        .or_else(|| {
            (j + 1..toks.len().min(j + 4)).filter(same).find(|&k| {
                human_noun(toks, k).is_some() && toks[..j].iter().any(|p| copula(p.word))
            })
        })?;
    // What for: talking with the customer or helping them ("pour me parler", "para
    // atenderme", "per parlarmi", "pour m'aider").
    let v = (j + 1..toks.len().min(j + 7)).filter(same).find(|&v| {
        let w = toks[v].word;
        (toks[v].is(Talk)
            || toks[v].is(Contact)
            || help_verb(w)
            || matches!(w, "aider" | "renseigner" | "ayudar" | "atender" | "aiutare"))
            && (v > 0 && matches!(toks[v - 1].word, "me" | "m" | "mi")
                || toks
                    .get(v + 1)
                    .is_some_and(|n| matches!(n.word, "conmigo" | "comigo" | "me")))
            || matches!(
                w,
                "parlarmi" | "atenderme" | "ayudarme" | "aiutarmi" | "hablarme"
            )
    })?;
    // "le gérant n'est pas dispo": said not to be.
    if refused(toks, k) || reported(toks, j) || toks[k.min(j)..v].iter().any(|p| p.is(Neg)) {
        return None;
    }
    Some(ExplicitMatch {
        phrase: phrase(toks, k.min(j), v),
        pattern: "staff_asked_to_help",
    })
}

/// "verbinden Sie mich mit der Zahntechnik", "können Sie mich mit der Werkstatt
/// verbinden?": the customer connected "mit" something is connected with its people,
/// whatever the lexicon knows of the noun (not a network or a device: "mit dem WLAN").
fn connected_with_unnamed(toks: &[Tok<'_>], j: usize) -> Option<ExplicitMatch> {
    let t = &toks[j];
    if !matches!(
        t.word,
        "verbinden" | "verbinde" | "verbindet" | "durchstellen" | "weiterleiten"
    ) {
        return None;
    }
    let clause =
        (j.saturating_sub(7)..toks.len().min(j + 8)).filter(|&i| toks[i].clause == t.clause);
    let mut me = false;
    let mut with = None;
    for i in clause {
        me |= matches!(toks[i].word, "mich" | "uns");
        if i >= 2
            && toks[i - 2].word == "mit"
            && matches!(
                toks[i - 1].word,
                "der" | "dem" | "einer" | "einem" | "ihrer" | "ihrem"
            )
            && toks[i].classes.is_empty()
            && toks[i].word.len() >= 5
            && !connectable_thing(toks[i].word)
        {
            with = Some(i);
        }
    }
    let k = with.filter(|_| me)?;
    if refused(toks, j) || reported(toks, j) {
        return None;
    }
    Some(ExplicitMatch {
        phrase: phrase(toks, j.min(k - 2), j.max(k)),
        pattern: "verb_department",
    })
}

fn connectable_thing(word: &str) -> bool {
    matches!(
        word,
        "wifi"
            | "wlan"
            | "internet"
            | "network"
            | "hotspot"
            | "router"
            | "vpn"
            | "server"
            | "printer"
            | "bluetooth"
            | "tv"
            | "television"
            | "speaker"
            | "hub"
            | "red"
            | "reseau"
            | "netz"
            | "rede"
            | "rete"
            | "handy"
            | "telefon"
            | "computer"
            | "drucker"
            | "fernseher"
            | "netzwerk"
            | "konto"
            | "stromnetz"
    )
}

/// Whether the verb of saying at `r` has for subject someone of the customer's own ("my
/// wife", "our accountant", "a friend", "my best mate", "someone"), not the customer, nor the
/// service ("you said…", "your agent told me…" hold the service to its word).
fn speaker_of_their_own(toks: &[Tok<'_>], r: usize) -> bool {
    let before = &toks[r.saturating_sub(3)..r];
    let Some(subject) = before.last() else {
        return false;
    };
    if matches!(subject.word, "someone" | "somebody") {
        return true;
    }
    let det = &before[..before.len() - 1];
    // "my colleague" is the customer's even when "colleague" names staff; "an agent" is
    // the service's.
    !matches!(
        subject.word,
        "i" | "we" | "you" | "they" | "he" | "she" | "it"
    ) && before.iter().all(|p| p.clause == subject.clause)
        && !before
            .iter()
            .any(|p| matches!(p.word, "your" | "ur" | "you"))
        && (det.iter().any(|p| own_possessive(p.word))
            || det.iter().any(|p| matches!(p.word, "a" | "an"))
                && !subject.is(StrongNoun)
                && !subject.is(WeakNoun))
}

fn not_now_when(toks: &[Tok<'_>], j: usize, scheduled: bool) -> bool {
    let t = &toks[j];
    // "… a call with the coordinator, but not yet", "mais pas encore", "aber noch nicht":
    // the wish put off, said after it.
    let put_off = {
        // "but not just yet": the "just" left out.
        let rest: Vec<&str> = toks[j + 1..]
            .iter()
            .take_while(|n| n.sentence == t.sentence)
            .map(|n| n.word)
            .filter(|w| *w != "just")
            .collect();
        rest.windows(3).any(|w| {
            matches!(w[0], "but" | "pero" | "mais" | "aber" | "ma" | "mas")
                && matches!(
                    (w[1], w[2]),
                    ("not", "yet")
                        | ("pas", "encore" | "tout")
                        | ("noch", "nicht")
                        | ("non", "ancora" | "adesso")
                        | ("todavia" | "aun", "no")
                        | ("ainda", "nao")
                )
        })
    };
    // "At some point I'd like a word with the owner", "eventually we'll want a planner":
    // a wish for some later time.
    let before: Vec<&str> = toks[..j]
        .iter()
        .rev()
        .take_while(|p| p.sentence == t.sentence)
        .map(|p| p.word)
        .collect();
    let some_day = before
        .iter()
        .any(|w| matches!(*w, "eventually" | "someday"))
        || before.windows(2).any(|w| matches!(w, ["day", "one"]))
        || before
            .windows(3)
            .any(|w| matches!(w, ["point", "some", "at"]));
    if put_off || some_day {
        return true;
    }
    let past_form = t.word.ends_with("ed")
        || matches!(
            t.word,
            "dealt" | "spoke" | "spoken" | "rang" | "rung" | "put"
        );
    if past_form && j > 0 && toks[j - 1].is(PastAux) {
        return true;
    }
    // "my sister said somebody at your bank would ring her back", "my husband told me I
    // should insist on a supervisor", "a mate reckons ask for a human": what someone of
    // the customer's own said, reported. The customer speaking again after it ("…, so I want a
    // person", "… but please get me one") asks.
    if let Some(r) = (0..j)
        .rev()
        .take_while(|&r| toks[r].sentence == t.sentence)
        .find(|&r| {
            matches!(
                toks[r].word,
                "said"
                    | "says"
                    | "told"
                    | "tells"
                    | "reckons"
                    | "reckoned"
                    | "suggested"
                    | "advised"
                    | "recommended"
                    // The same, reported in the other languages ("mi hermano dice que…").
                    | "dice"
                    | "dijo"
                    | "decia"
                    | "dit"
                    | "disait"
                    | "sagt"
                    | "sagte"
                    | "diz"
                    | "disse"
                    | "diceva"
            )
        })
        && speaker_of_their_own(toks, r)
        && !toks[r + 1..j].iter().any(|p| {
            matches!(
                p.word,
                "i" | "im" | "id" | "ill" | "we" | "so" | "please" | "pls" | "plz" | "now" | "but"
                    // The customer speaking again in the other languages.
                    | "yo" | "je" | "ich" | "eu" | "io" | "asi" | "donc" | "entonces"
                    | "quindi" | "pero" | "mais" | "aber" | "mas"
            )
        })
    {
        return true;
    }
    // "if it's late I'll phone again and ask for a supervisor then": what the customer says
    // they will do, at the time "then" names.
    let before = &toks[..j];
    let will = before
        .iter()
        .enumerate()
        .rev()
        .take_while(|(_, p)| p.sentence == t.sentence)
        .any(|(r, p)| {
            (matches!(p.word, "ill" | "well" | "gonna")
                || p.word == "will" && r > 0 && matches!(toks[r - 1].word, "i" | "we"))
                // "I'll have to talk to an adviser then": a need now, "then" meaning "so".
                && !toks
                    .get(r + 1)
                    .is_some_and(|n| matches!(n.word, "need" | "have" | "want" | "wanna" | "like" | "require"))
        });
    // "then" is a boundary word: it opens the clause right after the request's.
    if will
        && toks[j + 1..]
            .iter()
            .find(|n| n.clause != t.clause)
            .is_some_and(|n| n.word == "then" && n.sentence == t.sentence)
    {
        return true;
    }
    let start = toks[..j]
        .iter()
        .rposition(|p| p.clause != t.clause)
        .map_or(0, |p| p + 1);
    // "me acaba de llamar un señor", "acabo de hablar con una asesora", "je viens de parler à
    // un conseiller": just done.
    if (start + 1..j).any(|i| {
        toks[i].word == "de"
            && (toks[i - 1].word.starts_with("acab")
                || matches!(toks[i - 1].word, "viens" | "vient" | "venons" | "venez"))
            && toks
                .get(i + 1)
                .is_some_and(|v| v.is(Talk) || v.is(Contact) || v.word == "me")
    }) {
        return true;
    }
    // "my wife wants a supervisor, but really I only need the date": another's
    // wish that the customer sets aside. ("my dad needs to go over it with one of your
    // team" asks on his behalf.)
    // "my mum wants to speak to the instructor, I'll get her to ring you herself": the
    // customer hands the wish back to its owner.
    // "the school's head wants to speak to your coordinator, so I'll pass your number on":
    // anyone's, named before the wish. "Meine Frau will … sprechen, aber ich glaube…", "mio
    // marito vuole parlare con qualcuno, ma a me basta…": the same in the other languages
    // (German "will" is also the customer's own: only with someone of theirs before it).
    let anyone_else = |w: &str| {
        !matches!(
            w,
            "someone"
                | "somebody"
                | "anyone"
                | "anybody"
                | "nobody"
                | "everyone"
                | "everybody"
                | "who"
                | "that"
                | "which"
                | "it"
                | "one"
                | "i"
                | "we"
                | "you"
                | "ich"
                | "wer"
                | "chi"
                | "quien"
                | "qui"
                | "quem"
        )
    };
    if (start + 1..j).any(|i| {
        let w = toks[i].word;
        matches!(
            w,
            "wants" | "wishes" | "insists" | "vuole" | "quiere" | "veut" | "quer"
        ) && anyone_else(toks[i - 1].word)
            || matches!(w, "will" | "mochte" | "moechte")
                && speaker_of_their_own(toks, i)
                && !matches!(toks[i - 1].word, "someone" | "somebody")
    }) && {
        let after: Vec<&str> = toks[j + 1..]
            .iter()
            .take_while(|n| n.sentence == t.sentence)
            .map(|n| n.word)
            .collect();
        after.contains(&"but")
            || after.iter().enumerate().any(|(i, w)| {
                matches!(*w, "aber" | "ma" | "mais" | "pero" | "mas")
                    && after[i + 1..].iter().take(3).any(|p| {
                        matches!(
                            *p,
                            "ich" | "mir" | "me" | "moi" | "je" | "yo" | "eu" | "io" | "mi"
                        )
                    })
            })
            || after.windows(3).any(|w| {
                matches!(w[0], "ill" | "i")
                    && matches!(
                        w[1],
                        "get" | "have" | "ask" | "ll" | "pass" | "give" | "tell" | "let"
                    )
                    && matches!(
                        w[2],
                        "her" | "him" | "them" | "get" | "have" | "ask" | "your" | "the"
                    )
            })
    } {
        return true;
    }
    // "my fiancé would love to chat with the baker at some point": another's wish, for
    // some time to come, is no request now.
    let someday = toks
        .iter()
        .enumerate()
        .filter(|(_, n)| n.sentence == t.sentence)
        .any(|(i, n)| {
            let next = |o: usize| toks.get(i + o).map_or("", |m| m.word);
            n.word == "sometime"
                || n.word == "eventually"
                || n.word == "some" && matches!(next(1), "point" | "day" | "stage")
                || n.word == "one" && next(1) == "day"
        });
    if someday
        && (start + 1..j).any(|i| {
            let wish = matches!(toks[i].word, "wants" | "wishes")
                || toks[i].word == "would"
                    && toks
                        .get(i + 1)
                        .is_some_and(|n| matches!(n.word, "love" | "like"));
            wish && (matches!(toks[i - 1].word, "he" | "she" | "they")
                || speaker_of_their_own(toks, i))
        })
    {
        return true;
    }
    // "I'd ring a supervisor but I haven't the time": a would-be act, taken back.
    if (start..j).any(|i| {
        (toks[i].word == "id" || toks[i].word == "would" && i > start && toks[i - 1].word == "i")
            && toks
                .get(i + 1)
                .is_some_and(|v| v.is(Talk) || v.is(Contact) || v.word == "ask")
    }) && toks[j + 1..]
        .iter()
        .take_while(|n| n.sentence == t.sentence)
        .any(|n| n.word == "but")
    {
        return true;
    }
    // "she transferred me to billing", "your colleague switched me to sales": a
    // simple past with its subject tells what happened ("put" is also the imperative;
    // "I'd rather you handed me on to…" wishes it).
    if t.word.ends_with("ed")
        && !t.word.ends_with("eed")
        && !toks[..j]
            .iter()
            .rev()
            .take(3)
            .any(|p| matches!(p.word, "rather" | "wish"))
        && let Some(p) = toks[..j].iter().rev().find(|p| {
            !matches!(
                p.word,
                "just" | "then" | "finally" | "eventually" | "already"
            )
        })
        && p.clause == t.clause
        && (matches!(
            p.word,
            "she" | "he" | "they" | "you" | "it" | "someone" | "somebody"
        ) || p.is(StrongNoun)
            || p.is(Bot))
    {
        return true;
    }
    let clause_start = toks[..j]
        .iter()
        .rposition(|p| p.clause != t.clause)
        .map_or(0, |p| p + 1);
    // "I might want a word with an adviser come spring": a wish hedged ("might I speak
    // to…?" asks, with the speaker after the modal).
    if toks[clause_start..(j + 1).min(toks.len())]
        .windows(2)
        .any(|w| w[0].word == "might" && (w[1].is(Frame) || w[1].is(Desire)))
    {
        return true;
    }
    // "hablé con una persona ayer", "j'ai parlé à quelqu'un hier": told as history.
    let clause_end = toks[j..]
        .iter()
        .position(|n| n.clause != t.clause)
        .map_or(toks.len(), |p| j + p);
    // "¿podría hablar con el técnico que vino el lunes?": a time in a relative
    // clause after an asked-for person says who, not when the request was made.
    // "mi passa l'idraulico che è passato lunedì?": the hand-over asked for with the
    // customer as its object, or opening the clause, frames the person too.
    let handed_over = toks[j].is(Talk)
        && (j == clause_start || matches!(toks[j - 1].word, "mi" | "me" | "m" | "nos" | "ci"));
    let framed = handed_over
        || toks[clause_start..j].iter().any(|p| {
            p.is(Frame)
                || p.is(Desire)
                || matches!(
                    p.word,
                    "can"
                        | "could"
                        | "may"
                        | "puedo"
                        | "puede"
                        | "podria"
                        | "peux"
                        | "puis"
                        | "pourrais"
                        | "kann"
                        | "konnte"
                        | "posso"
                        | "potrei"
                        | "poderia"
                )
        });
    let relative = framed
        .then(|| {
            toks[j + 1..clause_end]
                .iter()
                .position(|p| {
                    matches!(
                        p.word,
                        "who" | "que" | "qui" | "che" | "der" | "die" | "quem" | "whom"
                    )
                })
                .map(|p| j + 1 + p)
        })
        .flatten()
        .unwrap_or(clause_end);
    // "I need to speak to the supervisor about the cabin that stopped yesterday": a time
    // after what the talk is about says when that happened, not when the request was made.
    let relative = (j + 1..relative)
        .find(|&a| {
            matches!(
                toks[a].word,
                "about" | "regarding" | "concerning" | "sobre" | "wegen" | "riguardo"
            )
        })
        .filter(|_| framed || toks[j].is(Talk) || toks[clause_start..j].iter().any(|p| p.is(Talk)))
        .unwrap_or(relative);
    // "can the engineer who came yesterday call me?", "could the fitter from yesterday
    // ring me": a time said of the person asked, before the verb, says who.
    let said_of_person = |a: usize| {
        framed
            && a < j
            && (clause_start..a).any(|w| {
                w > 0
                    && human_noun(toks, w - 1).is_some()
                    && (matches!(
                        toks[w].word,
                        "who" | "que" | "qui" | "che" | "der" | "die" | "quem" | "whom" | "that"
                    ) || toks[w].word == "from" && w + 1 == a)
            })
    };
    if (clause_start..relative).any(|a| toks[a].is(PastTime) && !said_of_person(a))
        // "last week your agent told me…"; "last time" in the other languages ("la
        // última vez hablé con una persona").
        || toks[clause_start..relative].windows(2).any(|w| {
            w[0].word == "last" && (named_period(w[1].word) || w[1].word == "night")
                || matches!(
                    (w[0].word, w[1].word),
                    ("ultima", "vez" | "volta") | ("derniere", "fois") | ("letztes", "mal")
                )
        })
    {
        return true;
    }
    // "the sign says ask an assistant", "where it said call an agent": text being quoted,
    // not asked.
    if toks[clause_start..j].windows(2).any(|w| {
        matches!(w[1].word, "says" | "reads" | "states")
            || matches!(
                w[0].word,
                "it" | "that" | "which" | "leaflet" | "letter" | "sign" | "website" | "email"
                    | "notice" | "app" | "screen" | "page" | "form" | "message" | "text" | "poster"
            ) && w[1].word == "said"
            // "we were told to ring an engineer": an instruction reported.
            || matches!(w[0].word, "was" | "were" | "been") && w[1].word == "told"
            // "she kept yelling put me through to your boss": someone else's words.
            || matches!(w[0].word, "shouting" | "yelling" | "screaming" | "demanding")
                && !toks[clause_start..j].iter().any(|p| matches!(p.word, "i" | "im" | "were"))
            // "my mum typed it in: get me an adviser": words said to something else ("I
            // told you, get me a human" says them again, to the service).
            || matches!(w[0].word, "told" | "typed" | "wrote" | "texted" | "messaged")
                && matches!(w[1].word, "the" | "it" | "them" | "her" | "him" | "their" | "his")
    }) {
        return true;
    }
    // "the leaflet says, and I quote, talk to an adviser": a clause ending on "says" (and
    // one only saying "I quote") introduces what follows.
    let mut intro = clause_start;
    while intro > 0 && toks[intro - 1].sentence == t.sentence {
        let prev = toks[intro - 1].clause;
        let from = toks[..intro]
            .iter()
            .rposition(|p| p.clause != prev)
            .map_or(0, |p| p + 1);
        let words: Vec<&str> = toks[from..intro].iter().map(|p| p.word).collect();
        if matches!(
            words.last(),
            Some(&("says" | "reads" | "states" | "writes" | "quote" | "quoting"))
        ) && !matches!(words.as_slice(), ["and" | "i", ..] | ["quote"])
        {
            return true;
        }
        // "a friend told me, demand a supervisor": advice someone gave, reported
        // ("you told me…" holds the service to its word).
        if let [.., who, "told" | "advised", "me" | "us"] = words.as_slice()
            && *who != "you"
        {
            return true;
        }
        if !matches!(
            words.as_slice(),
            ["and", "i", "quote"] | ["i", "quote"] | ["quote"]
        ) {
            break;
        }
        intro = from;
    }
    // "I'll have my broker settle it with you": someone who deals with the service for
    // the customer is no one of the service ("rather a human than you" compares). What
    // the customer will do after a "before" or "when" is theirs ("I want to hear from the
    // manager before I book with you again").
    let own_end = toks[j..clause_end]
        .iter()
        .position(|p| {
            matches!(
                p.word,
                "before" | "after" | "until" | "because" | "since" | "when" | "once"
            )
        })
        .map_or(clause_end, |p| j + p);
    if !toks[j..clause_end].iter().any(|p| p.word == "than")
        && toks[j..own_end].windows(2).any(|w| {
            matches!(
                w[0].word,
                "with" | "call" | "contact" | "ring" | "phone" | "email" | "mail" | "text"
            ) && matches!(w[1].word, "you" | "yourselves")
        })
    {
        return true;
    }
    // "he said he'd put me through but I was cut off": someone else's promise,
    // told ("you said you'd put me through" holds the service to it).
    if toks[clause_start.saturating_sub(4)..j].windows(2).any(|w| {
        matches!(w[0].word, "said" | "promised" | "told")
            && matches!(
                w[1].word,
                "shed" | "hed" | "theyd" | "she" | "he" | "they" | "shell" | "hell" | "theyll"
            )
    }) {
        return true;
    }
    // "someone has to sign for the sofa": a person to receive a delivery, not staff.
    if toks[j..clause_end].windows(3).any(|w| {
        w[0].word == "to" && w[1].word == "sign" && w[2].word == "for"
            || w[0].word == "to"
                && w[1].word == "be"
                && matches!(w[2].word, "home" | "in" | "there")
    }) {
        return true;
    }
    // "my partner wanted to speak to a supervisor", "she tried to get an agent": someone else's
    // wish, told ("I wanted to speak to someone" is the customer's own, said politely).
    if toks[clause_start..j].windows(3).any(|w| {
        !matches!(w[0].word, "i" | "we" | "you" | "d")
            && matches!(
                w[1].word,
                "wanted" | "asked" | "tried" | "hoped" | "wished" | "planned" | "meant"
            )
            && w[2].word == "to"
    }) {
        return true;
    }
    // "I'll drop by the shop and speak to someone": the customer's own visit, planned.
    let motion = |w: &str| {
        matches!(
            w,
            "pop" | "go" | "come" | "head" | "drop" | "nip" | "swing" | "stop" | "walk" | "visit"
        )
    };
    // "I'll" is one word to the tokenizer ("ill").
    let before = &toks[clause_start..j];
    if (before.windows(3).any(|w| {
        w[0].word == "i" && matches!(w[1].word, "ll" | "will" | "shall") && motion(w[2].word)
    }) || before
        .windows(2)
        .any(|w| w[0].word == "ill" && motion(w[1].word)))
        && !before
            .windows(2)
            .any(|w| w[0].word == "go" && w[1].word == "ahead")
    {
        return true;
    }
    // "my husband keeps saying ask for a human": someone else's advice, told. "I keep
    // saying agent" insists, and so does the customer speaking after what was said ("it
    // keeps saying wrong code i need a human").
    if (clause_start..j).any(|i| {
        i + 2 < j
            && matches!(toks[i + 2].word, "saying" | "telling")
            && matches!(
                toks[i + 1].word,
                "keeps" | "kept" | "was" | "is" | "s" | "were" | "been"
            )
            && !matches!(toks[i].word, "i" | "we")
            && !toks[i + 3..j]
                .iter()
                .any(|p| matches!(p.word, "i" | "im" | "id" | "ill" | "we"))
    }) {
        return true;
    }
    // "my cousin said I should insist on a manager", "my son reckons we ought to ask for
    // someone": someone else's advice to the customer, told ("I said I should…" is the
    // customer's own).
    if toks[clause_start.saturating_sub(1)..j].windows(4).any(|w| {
        !matches!(w[0].word, "i" | "we")
            && matches!(
                w[1].word,
                "said"
                    | "says"
                    | "suggested"
                    | "suggests"
                    | "reckons"
                    | "reckoned"
                    | "thinks"
                    | "thought"
            )
            && matches!(w[2].word, "i" | "we")
            && matches!(w[3].word, "should" | "ought" | "could" | "must")
    }) {
        return true;
    }
    // "si rien ne change lundi, je téléphonerai pour avoir un conseiller": after a
    // condition, a first-person future in the request's clause ("rappellerai", "llamaré",
    // "richiamerò", "ligarei") puts it later.
    let condition_word = |w: &str| matches!(w, "si" | "sil" | "se" | "wenn" | "falls" | "if");
    let conditioned = toks[..clause_start].iter().enumerate().any(|(i, p)| {
        p.sentence == t.sentence
            && condition_word(p.word)
            && (i == 0 || toks[i - 1].clause != p.clause)
    });
    // "fine for now - if it fails again I might call to request an engineer": a condition
    // earlier in the sentence, then a "might", puts it later.
    let in_sentence = toks[..j]
        .iter()
        .rposition(|p| p.sentence != t.sentence)
        .map_or(0, |p| p + 1);
    if let Some(c) = toks[in_sentence..j]
        .iter()
        .rposition(|p| condition_word(p.word))
        && toks[in_sentence + c..j]
            .iter()
            .any(|p| matches!(p.word, "might" | "may"))
    {
        return true;
    }
    // "se não resolver até segunda, talvez eu peça um técnico": after a condition,
    // a "maybe" puts it later too.
    if conditioned
        && toks[clause_start..j].iter().any(|p| {
            matches!(
                p.word,
                // "maybe put me through" asks; "I might ask" is for later.
                "talvez" | "quizas" | "quiza" | "might" | "vielleicht" | "forse"
            )
        })
    {
        return true;
    }
    if conditioned
        && toks[clause_start..j].iter().any(|p| {
            // French and Portuguese futures by their endings; Spanish and Italian ones
            // (whose endings are also infinitives) by the verbs a customer comes back with.
            p.word.len() > 5
                && (p.word.ends_with("erai")
                    || p.word.ends_with("irai")
                    || p.word.ends_with("arei")
                    || p.word.ends_with("erei")
                    || p.word.ends_with("irei"))
                || matches!(
                    p.word,
                    "llamare"
                        | "volvere"
                        | "pedire"
                        | "hablare"
                        | "escribire"
                        | "chiamero"
                        | "richiamero"
                        | "chiedero"
                        | "parlero"
                        | "telefonero"
                        | "scrivero"
                        | "tornero"
                )
        })
    {
        return true;
    }
    // "which bundle includes a named account manager?": what a plan
    // includes, asked while comparing.
    let sentence_start = toks[..j]
        .iter()
        .rposition(|p| p.sentence != t.sentence)
        .map_or(0, |p| p + 1);
    if matches!(
        toks[sentence_start].word,
        "does" | "do" | "will" | "would" | "which" | "what" | "is" | "are" | "can"
    ) && toks[sentence_start..j]
        .iter()
        .any(|p| matches!(p.word, "include" | "includes" | "included" | "including"))
    {
        return true;
    }
    let rest = toks[j..]
        .iter()
        .position(|n| n.clause != t.clause)
        .map_or(toks.len(), |p| j + p);
    // "…to ring me back later today": a callback asked for now, at a time to come.
    let callback = toks[j..rest]
        .windows(2)
        .any(|w| w[0].is(Contact) && matches!(w[1].word, "me" | "us"))
        // The customer in the verb itself: "ricontattarmi", "llámeme", "contactez-nous".
        || toks[j..rest].iter().any(|n| {
            n.is(Contact)
                && n.word.len() > 5
                && ["mi", "me", "nos", "ci"].iter().any(|c| n.word.ends_with(c))
        })
        // The customer as the one to be called: "être rappelée par une conseillère lundi".
        || t.is(Contact)
            && j > 0
            && matches!(toks[j - 1].word, "etre" | "be" | "ser" | "essere" | "werden");
    // "talk to the fitter for my job next week", "about next week": a time after the
    // talk's topic says when the topic is, not when to talk.
    // The topic comes after the person talked to ("ask for a person later" asks later),
    // as a thing of its own ("about upgrading next year" may be when to talk).
    // "about tomorrow": the time is the topic. "the driver who's doing my move tomorrow":
    // a relative clause right after the person says who, and its time is the job's.
    let topic_at = (j + 1..rest)
        .find(|&a| {
            matches!(
                toks[a].word,
                "for" | "about" | "regarding" | "concerning" | "re"
            ) && (j + 1..a).any(|k| human_noun(toks, k).is_some())
                && toks.get(a + 1).is_some_and(|n| {
                    matches!(
                        n.word,
                        "my" | "our"
                            | "the"
                            | "this"
                            | "that"
                            | "your"
                            | "next"
                            | "tomorrow"
                            | "tomorrows"
                            | "tonight"
                            | "today"
                    ) || weekday(n.word)
                })
                || matches!(toks[a].word, "who" | "whos")
                    && a > j + 1
                    && human_noun(toks, a - 1).is_some()
                // "la guida di domani", "el guía de mañana": which person, by the day.
                || matches!(toks[a].word, "di" | "de" | "del" | "du" | "von" | "vom")
                    && a > j + 1
                    && human_noun(toks, a - 1).is_some()
                    && toks.get(a + 1).is_some_and(|n| n.is(Hypothetical) || weekday(n.word))
        })
        .unwrap_or(rest);
    let later = !scheduled
        && !callback
        && (toks[j..topic_at]
            .iter()
            .any(|n| n.is(Hypothetical) && !matches!(n.word, "if" | "whenever" | "case"))
            // "speak with an adviser next month": a time to come.
            || toks[j..topic_at]
                .windows(2)
                .any(|w| w[0].word == "next" && (named_period(w[1].word) || w[1].word == "weekend")));
    if later {
        return true;
    }
    // "do I have to / do I need to ring an adviser myself (to …)?": a question about the process.
    // "What do I have to do to talk to someone?" asks for the way: a request.
    let words: Vec<&str> = toks[clause_start..j].iter().map(|p| p.word).collect();
    let question = matches!(
        words.as_slice(),
        [
            ..,
            "do" | "will" | "would",
            "i" | "we",
            "have" | "need",
            "to"
        ] | [.., "must", "i"]
    ) && !words
        .iter()
        .any(|w| matches!(*w, "what" | "how" | "where" | "who"));
    // "would it be possible to see an adviser if I changed tariff?": whether it would be
    // possible under a second conditional, a what-if ("would you put me through if I paid
    // now" asks).
    let what_if = toks[..j].windows(3).any(|w| {
        w[0].sentence == t.sentence
            && w[0].word == "would"
            && matches!(w[1].word, "i" | "we" | "it")
            && w[2].word == "be"
    }) && toks[j..]
        .windows(3)
        .take_while(|w| w[0].sentence == t.sentence)
        .any(|w| {
            w[0].word == "if"
                && matches!(w[1].word, "i" | "we")
                && (w[2].word.ends_with("ed")
                    || matches!(
                        w[2].word,
                        "got" | "had" | "paid" | "bought" | "took" | "went" | "made" | "did"
                    ))
        });
    if what_if {
        return true;
    }
    // "do we need somebody to sign as a guarantor?": whether a person is required.
    let required = t.word == "need"
        && matches!(
            words.as_slice(),
            [
                ..,
                "do" | "will" | "would" | "does",
                "i" | "we" | "you" | "it"
            ]
        );
    if question || required {
        return true;
    }
    // "si vuelve a pasar…", "se succede di nuovo…", "se acontecer de novo…", "wenn es
    // wieder passiert…": a condition that the trouble comes back puts the request in the future.
    let again = |w: &str| {
        matches!(
            w,
            "again"
                | "vuelve"
                | "vuelva"
                | "nuevo"
                | "novo"
                | "novamente"
                | "ricapita"
                | "nuovo"
                | "encore"
                | "wieder"
                | "nochmal"
                | "erneut"
                // "si se repite", "s'il recommence", "se si ripete": it happens again.
                | "repite"
                | "repita"
                | "reproduce"
                | "recommence"
                | "reproduit"
                | "ripete"
                | "repete"
                | "repetir"
                // "si mañana todavía falla", "se ancora non va": it still fails.
                | "sigue"
                | "siga"
                | "todavia"
                | "ancora"
                | "toujours"
                | "ainda"
                | "immer"
        )
    };
    let if_again = toks[..j].iter().enumerate().any(|(i, p)| {
        p.sentence == t.sentence
            // "s'il" is one word ("sil").
            && matches!(p.word, "si" | "sil" | "se" | "wenn" | "falls")
            && (i == 0 || toks[i - 1].clause != p.clause)
            && toks[i + 1..j]
                .iter()
                .take(5)
                .take_while(|n| n.clause == p.clause)
                .any(|n| again(n.word))
    });
    if if_again {
        return true;
    }
    // "if …" earlier in the sentence, unless the request is an imperative of its own clause
    // ("if you can't help, transfer me to a human").
    let conditional = toks[..j].iter().enumerate().any(|(i, p)| {
        p.sentence == t.sentence
            && matches!(p.word, "if" | "whenever" | "case")
            && !polite_if(toks, i)
    });
    // A time to come before the request: in its own clause ("later I'll talk to someone"),
    // or earlier in the sentence when the request is hedged ("si mañana sigue igual, a lo
    // mejor pido hablar con una persona"). "Perhaps I could talk to someone?" alone is a
    // polite request.
    let future = |p: &Tok<'_>| p.is(Hypothetical) && !matches!(p.word, "if" | "whenever" | "case");
    let hedged = toks[clause_start..j].iter().any(|p| {
        matches!(
            p.word,
            "maybe"
                | "perhaps"
                | "might"
                | "mejor"
                | "quizas"
                | "quiza"
                | "talvez"
                | "vielleicht"
                | "forse"
                | "magari"
                | "eventuellement"
                | "peut"
        )
    });
    if toks[clause_start..j].iter().any(future)
        || hedged
            && toks[..clause_start]
                .iter()
                .any(|p| p.sentence == t.sentence && future(p))
    {
        return true;
    }
    let imperative = toks[clause_start..j]
        .iter()
        .all(|p| p.is(Polite) || matches!(p.word, "then" | "just"));
    conditional && !imperative
}

/// "if it's not too much trouble", "if possible", "if you don't mind", "if you could": a
/// courtesy, not a condition.
pub(super) fn polite_if(toks: &[Tok<'_>], i: usize) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| t.word);
    toks[i].word == "if"
        && (matches!(w(i + 1), "possible" | "poss")
            // "mind if I chat with one of your colleagues"
            || i > 0 && toks[i - 1].word == "mind"
            // "I'd appreciate it if…", "it would be great if…", "I'd be grateful if…".
            || toks[i.saturating_sub(2)..i].iter().any(|p| {
                matches!(
                    p.word,
                    "appreciate"
                        | "grateful"
                        | "thankful"
                        | "great"
                        | "good"
                        | "helpful"
                        | "nice"
                        | "lovely"
                        | "ideal"
                        | "brilliant"
                        | "fab"
                )
            })
            || matches!(w(i + 1), "its" | "it" | "thats" | "that")
                && (matches!(w(i + 2), "ok" | "okay" | "alright" | "fine" | "possible")
                    // "if it's not too much trouble", "if it's no bother" — but "if it's
                    // not working by tonight" is a condition.
                    || w(i + 2) == "not" && matches!(w(i + 3), "too" | "a" | "any")
                    || w(i + 2) == "no" && matches!(w(i + 3), "bother" | "trouble" | "problem"))
            || w(i + 1) == "you"
                && matches!(
                    w(i + 2),
                    "dont" | "could" | "would" | "wouldnt" | "can" | "please"
                )
            // "you're automated? if so, a person please", "is this real? if not, get me
            // someone": the answer to the question just asked, not a condition to come.
            || i > 0
                && toks[i - 1].sentence != toks[i].sentence
                && (w(i + 1) == "so"
                    || w(i + 1) == "not"
                        && toks.get(i + 2).is_none_or(|n| n.clause != toks[i].clause)))
}

/// A voice-menu habit: "zero", "press 0", "operator operator"; at the end of a longer
/// spoken turn too ("… that's wrong uh agent agent zero").
pub(super) fn menu_zero(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    if toks.is_empty() {
        return None;
    }
    if toks.len() <= 8
        && let Some(found) = menu_words(toks)
    {
        return Some(found);
    }
    // "zero um zero can i get the office please": a caller opening with zero said twice
    // keys the operator, whatever they say next ("zero zero seven" is a number).
    let said: Vec<usize> = (0..toks.len())
        .filter(|&i| !is_filler(toks[i].word))
        .take(3)
        .collect();
    let digit =
        |i: Option<&usize>| i.is_some_and(|&c| spoken_digit(toks[c].word) || is_zero(toks[c].word));
    let twice = match said.as_slice() {
        // Said twice in a row, the repeat folded into the first.
        [a, rest @ ..] if toks[*a].repeated && is_zero(toks[*a].word) && !digit(rest.first()) => {
            Some((*a, *a))
        }
        [a, b, rest @ ..]
            if is_zero(toks[*a].word) && is_zero(toks[*b].word) && !digit(rest.first()) =>
        {
            Some((*a, *b))
        }
        _ => None,
    };
    if let Some((a, b)) = twice {
        return Some(ExplicitMatch {
            phrase: phrase(toks, a, b),
            pattern: "menu_zero",
        });
    }
    // "i'm pressing zero and nothing's happening", "I keep hitting 0": the caller keying
    // the operator now, whatever else the turn says.
    if let Some(k) = (1..toks.len().saturating_sub(1)).find(|&k| {
        matches!(toks[k].word, "pressing" | "hitting" | "pushing")
            && matches!(toks[k - 1].word, "im" | "am" | "keep" | "been" | "still" | "are")
            && is_zero(toks[k + 1].word)
            // "pressing zero on the keypad": a device's key, not the phone menu's.
            && !toks
                .get(k + 2)
                .is_some_and(|n| matches!(n.word, "on" | "in" | "into"))
    }) && !not_now(toks, k)
    {
        return Some(ExplicitMatch {
            phrase: phrase(toks, k - 1, k + 1),
            pattern: "menu_zero",
        });
    }
    menu_tail(toks)
}

/// "this is one for a real person to look at", "that's one for a human": the matter
/// said to belong to a person, not to the bot.
fn one_for_a_person(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    let f = toks.iter().position(|t| t.word == "for")?;
    let t = &toks[f];
    // "this is for", "it's one for", "this one is for".
    let mut b = f;
    if b > 0 && toks[b - 1].word == "one" {
        b -= 1;
    }
    let said = b > 0 && matches!(toks[b - 1].word, "thats" | "its")
        || b > 1
            && matches!(toks[b - 1].word, "is" | "s")
            && matches!(toks[b - 2].word, "this" | "it" | "that" | "one");
    if !said {
        return None;
    }
    let k = (f + 1..toks.len().min(f + 5))
        .take_while(|&k| toks[k].clause == t.clause)
        .find(|&k| human_noun(toks, k) == Some(true))?;
    let real = toks[f + 1..k]
        .iter()
        .any(|p| matches!(p.word, "real" | "actual" | "live" | "human"))
        || matches!(toks[k].word, "human" | "humans");
    let to_do = toks
        .get(k + 1)
        .is_some_and(|n| n.word == "to" && n.clause == t.clause);
    // "… for a person, not for automation": set against the bot.
    let not_the_bot = toks[k + 1..]
        .iter()
        .take(4)
        .position(|n| matches!(n.word, "not" | "rather"))
        .is_some_and(|p| {
            toks[k + 2 + p..]
                .iter()
                .take(3)
                .any(|n| n.is(Bot) || n.is(Machine) || matches!(n.word, "automation" | "automated"))
        });
    ((real || to_do || not_the_bot)
        && (f + 1..k).all(|i| toks[i].is(Skip) || noun_modifier(toks, i))
        && !refused(toks, k)
        && !not_now(toks, k))
    .then(|| ExplicitMatch {
        phrase: phrase(toks, b.saturating_sub(2), k),
        pattern: "one_for_a_person",
    })
}

/// The menu words that end a turn, when they name the person or desk the caller wants and
/// key or say the menu's way to it: a zero, or the noun said twice ("agent agent").
/// "It dropped to zero" names nobody; "I spoke to an agent" keys nothing.
fn menu_tail(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    let start = toks
        .iter()
        .rposition(|t| {
            // An article or a preposition ends the tail: "the operator" is talked about.
            !(is_zero(t.word)
                || t.is(Polite) && !t.is(Skip)
                || is_filler(t.word)
                || t.is(StrongNoun)
                || t.is(Customer)
                || t.is(ServiceHead)
                || matches!(t.word, "press" | "dial" | "hit"))
        })
        .map_or(0, |k| k + 1);
    let tail = &toks[start..];
    let names = (start..toks.len()).find(|&k| {
        human_noun(toks, k) == Some(true) && toks[k].is(StrongNoun) || customer_service(toks, k)
    })?;
    // "… still broken uh agent please": the noun and a plea end the
    // spoken turn, as said to a menu.
    let pleaded = tail.len() >= 2
        && tail.last().is_some_and(|t| t.is(Polite) && !t.is(Skip))
        && toks[names].is(StrongNoun)
        && !toks[names].is(WeakNoun);
    let keyed = tail.iter().any(|t| is_zero(t.word))
        || toks[names].repeated && toks[names].is(StrongNoun)
        || pleaded;
    // "talk to the agent agent": a determiner or a verb before the tail is a sentence of
    // its own kind, read by the other patterns.
    let bare = start == 0
        || !matches!(
            toks[start - 1].word,
            "the" | "a" | "an" | "to" | "with" | "my" | "your" | "our" | "for" | "of" | "that"
        );
    // "yes six people thanks", "for one person please": a number of people counted (a
    // booking's), not a person asked for.
    let counted = start > 0 && {
        let w = toks[start - 1].word;
        w.bytes().all(|b| b.is_ascii_digit()) && w.bytes().any(|b| b != b'0')
            || english_digit(w) && w != "one"
            || w == "one" && start > 1 && toks[start - 2].word == "for"
            || matches!(
                w,
                "ten" | "eleven" | "twelve" | "twenty" | "few" | "several" | "many" | "both"
            )
    };
    (keyed && bare && !counted && tail.len() <= 6).then(|| ExplicitMatch {
        phrase: tail.iter().map(|t| t.word).collect::<Vec<_>>().join(" "),
        pattern: "menu_zero",
    })
}

/// A turn of menu words only, with a zero among them.
fn menu_words(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    let mut found = None;
    for (k, t) in toks.iter().enumerate() {
        if is_zero(t.word) {
            found.get_or_insert(k);
        } else if !(t.is(Polite)
            || is_filler(t.word)
            || matches!(
                t.word,
                "press"
                    | "pressing"
                    | "pressed"
                    | "dial"
                    | "hit"
                    | "option"
                    | "star"
                    | "pound"
                    | "hash"
                    | "i"
                    | "im"
                    | "m"
                    | "am"
                    | "again"
                    | "just"
                    // "zero, I want zero".
                    | "want"
                    | "wanna"
                    | "to"
                    // "zero, I said zero", "zero I mean zero".
                    | "said"
                    | "say"
                    | "saying"
                    | "mean"
                    | "meant"
            ))
        {
            return None;
        }
    }
    let k = found?;
    Some(ExplicitMatch {
        phrase: toks[..=k]
            .iter()
            .map(|t| t.word)
            .collect::<Vec<_>>()
            .join(" "),
        pattern: "menu_zero",
    })
}

/// "customer service / support / care" at `k` (the "customer" token).
pub(super) fn customer_service(toks: &[Tok<'_>], k: usize) -> bool {
    let t = &toks[k];
    let next = toks.get(k + 1);
    // "customer service"; "service client", "assistenza clienti", "servicio al cliente";
    // German writes it as one word.
    (t.is(Customer) && next.is_some_and(|n| n.is(ServiceHead)))
        || (t.is(ServiceHead)
            && !t.is(Customer)
            && (next.is_some_and(|n| n.is(Customer))
                || next.is_some_and(|n| n.is(Skip))
                    && toks.get(k + 2).is_some_and(|n| n.is(Customer))))
        || matches!(
            t.word,
            "kundendienst" | "kundenservice" | "sav" | "kundedienscht"
        )
        // "tech support", "technical support", "IT support": the support desk by its trade.
        || matches!(t.word, "tech" | "technical" | "it")
            && next.is_some_and(|n| matches!(n.word, "support" | "helpdesk"))
        // The after-sales service: "service après-vente", "servicio postventa", "assistenza
        // post vendita", "serviço pós-venda".
        || (t.is(ServiceHead) || matches!(t.word, "servicio" | "servico" | "assistencia"))
            && next.is_some_and(|n| {
                matches!(n.word, "apres" | "postventa" | "posventa" | "post" | "pos")
                    && toks
                        .get(k + 2)
                        .is_some_and(|v| matches!(v.word, "vente" | "vendita" | "venda"))
                    || matches!(n.word, "postventa" | "posventa" | "postvendita")
            })
}

/// Whether `toks[k]` opens a compound naming a department: one or two words the lexicon
/// does not know before a department's head ("the group bookings desk").
pub(super) fn dept_modifier(toks: &[Tok<'_>], k: usize) -> bool {
    let clause = toks[k].clause;
    toks[k..]
        .iter()
        .take(3)
        .take_while(|n| n.clause == clause)
        // "the shipping office", "the insurance desk": a word that makes an agent no person
        // only names the department.
        .position(|n| {
            !n.classes.is_empty() && n.classes != Classes::default().with(NonHumanModifier)
        })
        .is_some_and(|d| d > 0 && toks[k + d].is(Dept))
}

/// A word that only says which kind of person follows: "account" in "account manager",
/// "duty" in "duty manager". An unknown word right before a staff noun in the same clause,
/// or the start of a department's compound ([`dept_modifier`]).
pub(super) fn noun_modifier(toks: &[Tok<'_>], k: usize) -> bool {
    let t = &toks[k];
    if dept_modifier(toks, k) {
        return true;
    }
    // "the out-of-hours doctor", "the on call engineer", "an after hours nurse": when the
    // staff member works, said before the noun (hyphenated or spoken).
    let specific = |n: &Tok<'_>| (n.is(StrongNoun) || n.is(WeakNoun)) && !anyone_at_all(n.word);
    // "a call centre agent", "one of your contact center reps": where they work.
    for phrase in [
        &["out", "of", "hours"][..],
        &["after", "hours"],
        &["on", "call"],
        &["call", "centre"],
        &["call", "center"],
        &["contact", "centre"],
        &["contact", "center"],
    ] {
        if let Some(at) = phrase.iter().position(|w| *w == t.word)
            && k >= at
            && toks[k - at..]
                .iter()
                .zip(phrase.iter())
                .filter(|(n, w)| n.word == **w && n.clause == t.clause)
                .count()
                == phrase.len()
            && toks.get(k - at + phrase.len()).is_some_and(specific)
        {
            return true;
        }
    }
    if t.joined {
        let end = (k..toks.len())
            .find(|&e| !toks[e].joined)
            .unwrap_or(toks.len());
        if toks
            .get(end + 1)
            .is_some_and(|n| n.clause == t.clause && specific(n))
        {
            return true;
        }
    }
    // "a human support agent", "a human customer service agent": "human" qualifies the
    // compound whose head is the person.
    if t.word == "human"
        && toks[k + 1..]
            .iter()
            .take(3)
            .take_while(|n| n.clause == t.clause)
            .position(|n| !(n.is(ServiceHead) || n.is(Customer)))
            .is_some_and(|p| p > 0 && toks[k + 1 + p].is(StrongNoun))
    {
        return true;
    }
    // "property" in "the property manager": a compound naming staff.
    let staff_compound = head_sense(toks, k + 1) == Some(HeadSense::Staff);
    // "the renewals people", "your claims folks", "the events person", "the events team":
    // the people of a department are its staff.
    let dept_people = k > 0
        && matches!(toks[k - 1].word, "the" | "your")
        && toks.get(k + 1).is_some_and(|n| {
            matches!(n.word, "people" | "folks" | "guys" | "lot")
                // "the events person", "the events team": "your pension team" is often
                // the customer's own matter's people, told about.
                || toks[k - 1].word == "the" && matches!(n.word, "person" | "team" | "desk")
        });
    // A department before the person names which ("the box office staff", "an admissions
    // officer"), in up to three words ("the grooming salon staff", "your balloon
    // operations manager"); a trade known by its form is the head too ("one of your tattoo
    // artists"), asked for like one named alone.
    let modifies = |n: &Tok<'_>| {
        n.classes.is_empty()
            || n.classes == Classes::default().with(NonHumanHead)
            || n.classes == Classes::default().with(Dept)
            || n.classes == Classes::default().with(Dept).with(Workplace)
    };
    // English writes a compound's words apart after its determiner; the other languages
    // join them or name the department after the person ("el monitor de vela").
    let english_compound = k > 0
        && matches!(
            toks[k - 1].word,
            "the" | "your" | "ur" | "a" | "an" | "our" | "any"
        );
    (modifies(t) || staff_compound)
        && (dept_people
            || toks[k + 1..]
                .iter()
                .take(if english_compound { 3 } else { 1 })
                .take_while(|n| n.clause == t.clause)
                .find(|n| !modifies(n))
                .is_some_and(|n| {
                    // "anyone" and "anybody" are weak nouns: the helper's extra words
                    // change nothing here.
                    (n.is(StrongNoun)
                        // "a veterinary nurse", "the dental surgeon": a practitioner.
                        || practice_professional(n)
                        || english_compound && by_form(n)
                        || matches!(n.word, "nurse" | "nurses"))
                        && !anyone_at_all(n.word)
                }))
}

/// "with the optician", "avec l'opticien", "con el dentista": the service's practitioner
/// (the customer's own, "my dentist", is no human noun), named as the one to deal with.
fn practitioner_dealt_with(toks: &[Tok<'_>], k: usize) -> bool {
    k >= 2
        && practice_professional(&toks[k])
        && human_noun(toks, k).is_some()
        && matches!(
            toks[k - 1].word,
            "the"
                | "your"
                | "l"
                | "le"
                | "la"
                | "el"
                | "il"
                | "lo"
                | "o"
                | "a"
                | "dem"
                | "der"
                | "votre"
                | "su"
                | "vostro"
                | "seu"
                | "ihrem"
                | "ihrer"
        )
        && matches!(
            toks[k - 2].word,
            "with" | "avec" | "con" | "com" | "mit" | "col" | "by"
        )
}

/// Nouns for any person at all, which name no particular member of staff: a word before
/// them ("the billing human") is no compound naming one.
fn anyone_at_all(word: &str) -> bool {
    matches!(
        word,
        "people"
            | "persons"
            | "person"
            | "human"
            | "humans"
            | "someone"
            | "somebody"
            | "anyone"
            | "anybody"
    )
}

/// "can a specialist look at this?", "would one of your colleagues take a look", "can
/// somebody who works there help me": a person asked, by a modal question, to do the work.
pub(super) fn staff_asked_to_help(toks: &[Tok<'_>], j: usize) -> Option<ExplicitMatch> {
    let t = &toks[j];
    // "would it be possible for an adviser to…", "any chance for someone to…": asked as
    // a possibility.
    let possible_for = t.word == "for" && j > 0 && matches!(toks[j - 1].word, "possible" | "chance" | "way")
            // Portuguese "tem como alguém me ligar?": is there a way.
            || t.word == "como" && j > 0 && toks[j - 1].word == "tem";
    // "is anyone able to talk to me", "are any of your staff able to help": "able to" is
    // the modal, after the person.
    let able = matches!(t.word, "is" | "are")
        && toks[j + 1..]
            .windows(2)
            .take(6)
            .take_while(|w| w[0].clause == t.clause)
            .any(|w| w[0].word == "able" && w[1].word == "to");
    if !(modal(t.word) || possible_for || able) {
        return None;
    }
    // French asks by inverting the subject after the person: "un conseiller pourrait-il
    // vérifier ma commande ?", "un technicien peut-il m'aider ?"; or with "est-ce qu'…"
    // before the person ("est-ce qu'une conseillère saurait vérifier ?").
    let est_ce_que = toks[..j]
        .windows(2)
        .any(|w| w[0].clause == t.clause && w[0].word == "ce" && matches!(w[1].word, "que" | "qu"));
    if est_ce_que
        || toks.get(j + 1).is_some_and(|n| {
            n.clause == t.clause && matches!(n.word, "il" | "elle" | "ils" | "elles")
        })
    {
        let k = (j.saturating_sub(4)..j)
            .rev()
            .take_while(|&k| toks[k].clause == t.clause)
            .find(|&k| human_noun(toks, k) == Some(true))?;
        let v = (j + 1..toks.len().min(j + 8))
            .take_while(|&v| toks[v].clause == t.clause)
            .find(|&v| {
                let w = toks[v].word;
                help_verb(w) || toks[v].is(Contact) || w.strip_prefix('m').is_some_and(help_verb)
            })?;
        if refused(toks, k) || not_now_scheduled(toks, v) {
            return None;
        }
        return Some(ExplicitMatch {
            phrase: phrase(toks, k, v),
            pattern: "staff_asked_to_help",
        });
    }
    // "the electrician, the one who came on Tuesday, can he call me back": the person
    // named before, asked by a pronoun to call the customer.
    if toks
        .get(j + 1)
        .is_some_and(|n| n.clause == t.clause && matches!(n.word, "he" | "she" | "they"))
        && let Some(v) = (j + 2..toks.len().min(j + 4))
            .take_while(|&v| toks[v].clause == t.clause)
            .find(|&v| toks[v].is(Contact))
        && (j + 2..v).all(|i| matches!(toks[i].word, "just" | "please" | "maybe"))
        && toks
            .get(v + 1)
            .is_some_and(|n| matches!(n.word, "me" | "us"))
        && let Some(k) = (j.saturating_sub(14)..j).rev().find(|&k| {
            human_noun(toks, k).is_some()
                && !people_in_general(toks, k)
                && !(k > 0 && own_possessive(toks[k - 1].word))
        })
        && !refused(toks, k)
        && !not_now_scheduled(toks, v)
        && !reported(toks, j)
    {
        return Some(ExplicitMatch {
            phrase: phrase(toks, j, v),
            pattern: "staff_asked_to_help",
        });
    }
    // "could one of your advisers…": "one of" picks a person out, and adds to the gap.
    let one_of = toks.get(j + 1).is_some_and(|n| n.word == "one")
        && toks.get(j + 2).is_some_and(|n| n.word == "of");
    let from = if one_of { j + 3 } else { j + 1 };
    let k = (from..toks.len().min(from + 4))
        .take_while(|&k| toks[k].clause == t.clause)
        .find(|&k| human_noun(toks, k).is_some())?;
    // "one of the swimming coaches", "the school nurse": a word naming which people, after
    // "one of the" or before the service's professional ("any wookie experts" asks anyone).
    if able && toks.get(k + 1).is_none_or(|n| n.word != "able") {
        return None;
    }
    if !(from..k).all(|i| {
        toks[i].is(Skip)
            || noun_modifier(toks, i)
            // German "kann sich ein Sachbearbeiter … anschauen", "kann mir bitte jemand …".
            || matches!(toks[i].word, "sich" | "mir" | "uns" | "bitte" | "mal")
            || (one_of || toks[k].is(WeakNoun) && matches!(toks[i - 1].word, "the" | "your"))
                && i + 1 == k
                && i > from
                && toks[i].classes.is_empty()
    }) {
        return None;
    }
    // "could an adviser talk me through the form": talking the customer through is helping.
    let v = (k + 1..toks.len().min(k + 12))
        .take_while(|&v| toks[v].clause == t.clause)
        .find(|&v| {
            let next = |n: usize| toks.get(v + n).map(|m| m.word);
            // "can your coaches take wheelchairs": what a thing can carry; "take over", "take
            // a look", "take my details" are help.
            let takes_a_thing = toks[v].word == "take"
                && !matches!(
                    next(1),
                    Some("over" | "a" | "my" | "me" | "us" | "this" | "it" | "care" | "the" | "on" | "down")
                );
            // "can we just walk in?": coming without an appointment, no help.
            let walks_in = toks[v].word == "walk" && next(1) == Some("in");
            help_verb(toks[v].word) && !takes_a_thing && !walks_in
                || toks[v].is(Contact)
                // "can an operator reset the charger", "could someone unlock my account":
                // an act on the customer's account that the bot cannot do.
                || matches!(
                    toks[v].word,
                    "reset" | "unlock" | "unblock" | "override" | "waive" | "refund" | "approve"
                        | "authorise" | "authorize" | "release" | "reactivate" | "restart"
                        // "can an employee just book it in for me".
                        | "book"
                )
                || toks[v].is(Talk) && next(1) == Some("me")
                // "can somebody read this and reply to me": the customer's message read by
                // a person ("read the meter" is a visit).
                || toks[v].word == "read" && matches!(next(1), Some("this" | "it" | "through"))
                // "can someone from the shop msg me back": a message from a person.
                // ("email me the invoice" asks for a thing sent, not for a person.)
                // "könnte mir jemand aus dem Team eine Mail schreiben": written to the
                // customer, the verb last.
                || writes_to_me_verb_last(toks, j, v)
                || matches!(toks[v].word, "msg" | "message" | "text" | "email" | "dm" | "whatsapp")
                    && matches!(next(1), Some("me" | "us"))
                    && !matches!(next(2), Some("the" | "a" | "an" | "my" | "our" | "your" | "it" | "that" | "this"))
                || writes_to_customer(toks, v)
                // "talk to me", "speak with us".
                || toks[v].is(Talk)
                    && matches!(next(1), Some("to" | "with"))
                    && matches!(next(2), Some("me" | "us"))
                // "take my call", "pick up the phone": answering the customer's call.
                || toks[v].word == "take"
                    && matches!(next(1), Some("my" | "our" | "the"))
                    && next(2) == Some("call")
                || matches!(toks[v].word, "pick" | "picked")
                    && next(1) == Some("up")
                    && matches!(next(2), Some("the" | "my" | "our"))
                    && matches!(next(3), Some("phone" | "call"))
        })?;
    // A trade known only by its form is asked to contact or talk with the customer, not to
    // do a task ("can your drivers take away my old bags" books the work).
    // "Könnte mir der Dudelsacklehrer eine Mail schreiben?": writing to the customer is
    // contacting them.
    // "could the walker message me directly": a message to the customer contacts them.
    let messages_me = matches!(toks[v].word, "msg" | "message" | "text" | "email" | "dm")
        && toks
            .get(v + 1)
            .is_some_and(|n| matches!(n.word, "me" | "us"));
    if by_form(&toks[k])
        && !(toks[v].is(Contact)
            || toks[v].is(Talk)
            || messages_me
            || writes_to_me_verb_last(toks, j, v))
    {
        return None;
    }
    // "could someone else collect it for me": the customer's proxy, not staff.
    let proxy = toks.get(k + 1).is_some_and(|n| n.word == "else")
        && matches!(
            toks[v].word,
            "pick" | "collect" | "sign" | "receive" | "fetch"
        );
    // "can my assistant book the eye test": the customer's own person.
    let own = k > 0 && own_possessive(toks[k - 1].word);
    if proxy
        || own
        || asks_how_it_works(toks, j, v)
        || refused(toks, k)
        || not_now_scheduled(toks, v)
        || toks[k..v].iter().any(|p| p.is(PastAux))
    {
        return None;
    }
    Some(ExplicitMatch {
        phrase: phrase(toks, j, v),
        pattern: "staff_asked_to_help",
    })
}

/// German "könnte mir jemand eine Mail schreiben": verb `v`, last, writes to the customer,
/// whose pronoun stands between `from` and it.
pub(super) fn writes_to_me_verb_last(toks: &[Tok<'_>], from: usize, v: usize) -> bool {
    matches!(toks[v].word, "schreiben" | "mailen" | "zuschicken")
        && toks[from..v]
            .iter()
            .any(|p| matches!(p.word, "mir" | "uns"))
}

/// "me puede escribir", "pode me mandar uma mensagem", "mi può mandare una mail", "peut
/// m'envoyer un mail": in Spanish, Portuguese, Italian and French, verb `v` writes or sends
/// a message to the customer, whose pronoun stands before the verb or on it. A thing sent
/// ("me puede mandar la factura") is no message from a person.
pub(super) fn writes_to_customer(toks: &[Tok<'_>], v: usize) -> bool {
    let t = &toks[v];
    let here = |k: usize| toks.get(k).filter(|n| n.clause == t.clause);
    let to_me_before = (v.saturating_sub(3)..v)
        .any(|k| here(k).is_some_and(|p| matches!(p.word, "me" | "mi" | "nos" | "ci" | "m")));
    let (stem, on_verb) = match ["me", "mi", "nos", "ci"]
        .iter()
        .find_map(|p| t.word.strip_suffix(p).filter(|s| s.len() >= 5))
    {
        Some(stem) => (stem, true),
        // French elides "me" into the verb: "m'envoyer", "m'écrire".
        None => match t
            .word
            .strip_prefix('m')
            .filter(|s| s.starts_with("env") || s.starts_with("ecri"))
        {
            Some(stem) => (stem, true),
            None => (t.word, false),
        },
    };
    if !(to_me_before || on_verb) {
        return false;
    }
    let writes = matches!(
        stem,
        "escribir"
            | "escriba"
            | "escriban"
            | "escribe"
            | "escrever"
            | "escreva"
            | "escrevam"
            | "escreve"
            | "scrivere"
            | "scriva"
            | "scrivi"
            | "scriver"
            | "ecrire"
            | "ecrive"
            | "ecrivez"
    );
    let sends = matches!(
        stem,
        "mandar"
            | "mande"
            | "manden"
            | "mandem"
            | "manda"
            | "enviar"
            | "envie"
            | "envien"
            | "enviem"
            | "envia"
            | "mandare"
            | "mandi"
            | "inviare"
            | "invii"
            | "invia"
            | "inviar"
            | "envoyer"
            | "envoie"
            | "envoyez"
    );
    let message = |k: usize| {
        here(k).is_some_and(|n| {
            matches!(
                n.word,
                "mensaje"
                    | "mensajes"
                    | "correo"
                    | "email"
                    | "mail"
                    | "mails"
                    | "emails"
                    | "mensagem"
                    | "mensagens"
                    | "messaggio"
                    | "messaggi"
                    | "message"
                    | "messages"
                    | "sms"
                    | "whatsapp"
                    | "wasap"
                    | "texto"
                    | "mensajito"
            ) || n.word == "e" && here(k + 1).is_some_and(|m| m.word == "mail")
        })
    };
    let thing_next = |k: usize| {
        here(k).is_some_and(|n| {
            matches!(
                n.word,
                "la" | "el"
                    | "los"
                    | "las"
                    | "lo"
                    | "o"
                    | "os"
                    | "as"
                    | "il"
                    | "le"
                    | "les"
                    | "gli"
                    | "mi"
                    | "mis"
                    | "meu"
                    | "minha"
                    | "ma"
                    | "mon"
                    | "mes"
                    | "su"
                    | "sus"
            )
        }) && !message(k + 1)
    };
    writes && !thing_next(v + 1) || sends && (v + 1..v + 4).any(message)
}

/// "could the site warden give me a call?", "I'd like the sweep himself to ring me",
/// "would a member of the allotment committee be able to get in touch?": whoever is asked to
/// call the customer is a person, whatever the lexicon knows of the noun — things do not
/// phone anyone. Only asked (a modal, a wish or a "please" before the noun), with a
/// determiner before it, never the customer's own, never a thing that sends messages, and
/// only for a call or a contact (not a message a system may send).
fn role_asked_to_call(toks: &[Tok<'_>], j: usize) -> Option<ExplicitMatch> {
    let t = &toks[j];
    if !matches!(t.word, "the" | "a" | "an" | "your" | "ur" | "any") {
        return None;
    }
    // The noun phrase: up to three words the lexicon does not know, then "of/from the …".
    let mut h = j + 1;
    while h < toks.len().min(j + 4)
        && toks[h].clause == t.clause
        && (toks[h].classes.is_empty()
            || toks[h].classes == Classes::default().with(Dept)
            || toks[h].classes == Classes::default().with(Workplace)
            || toks[h].classes == Classes::default().with(Dept).with(Workplace)
            || practice_professional(&toks[h]))
        && toks[h].word.bytes().all(|b| b.is_ascii_alphabetic())
        && !matches!(toks[h].word, "who" | "whos" | "that" | "which")
    {
        h += 1;
    }
    if h == j + 1 || h > toks.len() {
        return None;
    }
    let head = &toks[h - 1];
    if sends_messages(head.word) || head.word.len() < 3 {
        return None;
    }
    // "a member of the allotment committee", "the warden from the campsite".
    let mut v_from = h;
    if toks
        .get(h)
        .is_some_and(|n| n.clause == t.clause && matches!(n.word, "of" | "from" | "at"))
    {
        v_from = (h + 1..toks.len().min(h + 5))
            .find(|&i| !(toks[i].classes.is_empty() || toks[i].is(Skip) || toks[i].is(Dept)))
            .unwrap_or(h);
    }
    // "the sitter who is looking after Biscuit ring me": a relative clause between.
    let relative = toks
        .get(h)
        .is_some_and(|n| matches!(n.word, "who" | "whos" | "that"));
    let v = (v_from..toks.len().min(v_from + if relative { 11 } else { 8 }))
        .take_while(|&v| {
            toks[v].clause == t.clause || relative && toks[v].sentence == t.sentence
        })
        .find(|&v| {
            let next = |n: usize| toks.get(v + n).map(|m| m.word);
            toks[v].is(Contact) && matches!(next(1), Some("me" | "us"))
                // "for the walker to message me directly": a message from the person
                // ("text me the code" sends a thing).
                || matches!(toks[v].word, "message" | "msg" | "text" | "email" | "dm" | "whatsapp")
                    && matches!(next(1), Some("me" | "us"))
                    && !matches!(
                        next(2),
                        Some("the" | "a" | "an" | "my" | "our" | "your" | "it" | "that" | "this" | "some")
                    )
                // "give me a call", "give us a ring".
                || toks[v].word == "give"
                    && matches!(next(1), Some("me" | "us"))
                    && matches!(next(2), Some("a"))
                    && matches!(next(3), Some("call" | "ring" | "bell" | "shout" | "buzz"))
                // "get in touch (with me)", "get back to me": not "with customer assistance".
                || toks[v].word == "get"
                    && (next(1) == Some("in")
                        && next(2) == Some("touch")
                        && toks
                            .get(v + 3)
                            .is_none_or(|n| n.clause != t.clause || n.word != "with" || matches!(next(4), Some("me" | "us")))
                        || next(1) == Some("back")
                            && next(2) == Some("to")
                            && matches!(next(3), Some("me" | "us")))
        })?;
    // A listed person next to the verb is read by the patterns of human nouns; here only
    // when other words stand between ("the site warden pop over to pitch 14 or give me a
    // call").
    // A trade known by its form alone is read here ("the head groundsman give me a ring").
    if (j + 1..=h.min(toks.len() - 1)).any(|i| human_noun(toks, i).is_some() && !by_form(&toks[i]))
        && v <= v_from + 3
    {
        return None;
    }
    // Asked: a modal, a wish or a "please" in the clause before the noun phrase.
    let asked = toks[..j]
        .iter()
        .rev()
        .take_while(|p| p.clause == t.clause)
        .any(|p| {
            modal(p.word)
                || matches!(
                    p.word,
                    "like"
                        | "want"
                        | "need"
                        | "please"
                        | "pls"
                        | "plz"
                        | "have"
                        | "get"
                        | "ask"
                        | "prefer"
                        | "rather"
                )
        });
    let own = toks[..j].last().is_some_and(|p| own_possessive(p.word));
    // "the sitter who's been looking after Biscuit": a relative clause says who, and its
    // tense is not the ask's.
    let said_of = if relative { h } else { v };
    if !asked
        || own
        || toks[j..said_of]
            .iter()
            .any(|p| p.is(PastAux) || p.is(Neg) || p.word == "did")
        || not_now(toks, v)
        || reported(toks, j)
    {
        return None;
    }
    Some(ExplicitMatch {
        phrase: phrase(toks, j, v),
        pattern: "role_asked_to_call",
    })
}

/// Whether `word` names a thing that sends calls and messages itself ("the app will text
/// you"): never the person asked to call.
pub(super) fn sends_messages(word: &str) -> bool {
    SENDS_MESSAGES.contains(&word)
}

/// Things that send calls and messages themselves: never the person asked to call.
const SENDS_MESSAGES: &[&str] = &[
    "app",
    "system",
    "website",
    "site",
    "portal",
    "platform",
    "bot",
    "chatbot",
    "machine",
    "computer",
    "phone",
    "account",
    "locker",
    "kiosk",
    "device",
    "alarm",
    "sensor",
    "software",
    "program",
    "tracker",
    "robot",
    "server",
    "printer",
    "invoice",
    "bill",
    "notification",
    "reminder",
    "automated",
    "automatic",
    "recording",
    "line",
    "number",
    "service",
    "courier",
    "driver",
    "delivery",
    "post",
    "parcel",
    "order",
    "network",
    "newsletter",
    "mailing",
    "confirmation",
    "receipt",
];

/// "does anybody there have five minutes for me?", "has someone got a moment to
/// talk to me": a person asked to spare the customer some time.
fn time_spared_for_me(toks: &[Tok<'_>], j: usize) -> Option<ExplicitMatch> {
    let t = &toks[j];
    if !matches!(t.word, "does" | "has" | "do" | "have") {
        return None;
    }
    let k = (j + 1..toks.len().min(j + 3))
        .take_while(|&k| toks[k].clause == t.clause)
        .find(|&k| human_noun(toks, k).is_some())?;
    // "have"/"got", then "a minute", "five minutes", "a moment", within the clause.
    let v = (k + 1..toks.len().min(k + 6))
        .take_while(|&v| toks[v].clause == t.clause)
        .find(|&v| matches!(toks[v].word, "have" | "got"))?;
    let span = toks.get(v + 2)?;
    let amount = toks[v + 1].word;
    let spare = matches!(
        span.word,
        "minute" | "minutes" | "moment" | "moments" | "sec" | "second" | "seconds" | "mins"
    ) && (matches!(
        amount,
        "a" | "few" | "two" | "five" | "ten" | "spare" | "couple"
    ) || amount.bytes().all(|b| b.is_ascii_digit()));
    // For the customer: "for me", "to talk", "to help me".
    let for_me = toks[v + 3..]
        .iter()
        .take(3)
        .take_while(|n| n.clause == t.clause)
        .any(|n| matches!(n.word, "me" | "us" | "talk" | "chat" | "speak"));
    (spare && for_me && !refused(toks, k)).then(|| ExplicitMatch {
        phrase: phrase(toks, j, v + 2),
        pattern: "staff_asked_to_help",
    })
}

/// The person first, then the modal and a verb of contacting: "un tecnico mi può chiamare
/// domani?", "quelqu'un de la facturation peut me contacter ?".
/// Only contacting: "a technician can check it" describes, it does not ask.
pub(super) fn staff_can_contact(toks: &[Tok<'_>], j: usize) -> Option<ExplicitMatch> {
    let t = &toks[j];
    // English asks with the modal first ("can someone call me"): "a technician can call
    // round on Monday" tells.
    if !modal(t.word) || j == 0 {
        return None;
    }
    let k = (j.saturating_sub(6)..j)
        .rev()
        .take_while(|&k| toks[k].clause == t.clause)
        .find(|&k| human_noun(toks, k).is_some())?;
    // Unless asked: "any chance the manager could ring me?".
    let asked = toks[..k]
        .iter()
        .rev()
        .take_while(|p| p.sentence == t.sentence)
        .any(|p| p.word == "chance" || p.word == "chances");
    if matches!(t.word, "can" | "could" | "would" | "will" | "may") && !asked {
        return None;
    }
    let v = (j + 1..toks.len().min(j + 4))
        .take_while(|&v| toks[v].clause == t.clause)
        .find(|&v| toks[v].is(Contact) || writes_to_customer(toks, v))?;
    // "get in touch" is contacting whole.
    if !(toks[v].word == "touch"
        || (j + 1..v).all(|i| toks[i].is(Skip) || toks[i].classes.is_empty()))
    {
        return None;
    }
    if refused(toks, v) || not_now(toks, v) || toks[k..v].iter().any(|p| p.is(PastAux)) {
        return None;
    }
    Some(ExplicitMatch {
        phrase: phrase(toks, k, v),
        pattern: "staff_asked_to_help",
    })
}

/// The customer's case handed to a person: "refer my case to a team leader", "giri la
/// pratica a un responsabile", "que mon dossier soit transmis à un chef". A verb of passing
/// on, the customer's matter next to it, then the person.
pub(super) fn matter_passed_to_person(toks: &[Tok<'_>], j: usize) -> Option<ExplicitMatch> {
    let t = &toks[j];
    if !passes_on(t.word) {
        return None;
    }
    matter_passed_from(toks, j, None)
}

/// "we'd like our claim moved on to a manager", "I want my ticket sent on to a
/// supervisor": the matter's passing on wished for, told with the participle ("I sent my
/// complaint to your team" tells what was done).
pub(super) fn matter_passed_as_wished(toks: &[Tok<'_>], j: usize) -> Option<ExplicitMatch> {
    let t = &toks[j];
    if !matches!(
        t.word,
        "passed"
            | "forwarded"
            | "referred"
            | "escalated"
            | "handed"
            | "sent"
            | "transferred"
            | "routed"
            | "moved"
    ) || j < 3
        || !matter_noun(toks[j - 1].word)
        || !(own_possessive(toks[j - 2].word) || toks[j - 2].word == "my")
        || !matches!(
            toks[j - 3].word,
            "want" | "wanna" | "like" | "need" | "prefer" | "get" | "have"
        )
    {
        return None;
    }
    // The participle looks past: when is read at the wish.
    matter_passed_from(toks, j, Some(j - 3))
}

/// A callback asked for in the Romance languages and German, the customer the one called:
/// "que me llamen mañana", "quero que me liguem", "potete richiamarmi?", "mi faccia
/// richiamare", "faites-moi rappeler", "j'aimerais être recontactée", "können Sie mich
/// zurückrufen". The verb of calling back has the customer for object (a clitic before or
/// after it, or the passive), and the clause wishes, asks or bids it.
pub(super) fn callback_to_me(toks: &[Tok<'_>], j: usize) -> Option<ExplicitMatch> {
    let t = &toks[j];
    let calls = |w: &str| {
        matches!(
            w,
            "llamar"
                | "llamen"
                | "llame"
                | "llamaran"
                | "llamara"
                | "llamase"
                | "llamasen"
                | "contacten"
                | "contactar"
                | "ligar"
                | "liguem"
                | "ligue"
                | "ligarem"
                | "ligasse"
                | "ligassem"
                | "telefonar"
                | "contatar"
                | "contactem"
                | "richiamare"
                | "richiamino"
                | "chiamino"
                | "richiami"
                | "chiamare"
                | "ricontattare"
                | "rappeler"
                | "recontacter"
                | "rappele"
                | "rappelee"
                | "richiamato"
                | "richiamata"
                | "llamado"
                | "llamada"
                | "ligado"
                | "ligada"
                | "contactado"
                | "contactada"
                | "contattato"
                | "contattata"
                | "recontacte"
                | "recontactee"
                | "zuruckrufen"
                | "zurueckrufen"
                | "zuruckgerufen"
                | "anrufen"
                | "angerufen"
        )
    };
    // The customer in the verb itself: "richiamarmi", "llamarme", "ricontattarmi".
    let enclitic = [
        "richiamarmi",
        "llamarme",
        "contactarme",
        "ricontattarmi",
        "chiamarmi",
    ]
    .contains(&t.word);
    if !(calls(t.word) || enclitic) {
        return None;
    }
    let here = |i: &usize| toks[*i].clause == t.clause;
    let clause_start = toks[..j]
        .iter()
        .rposition(|p| p.clause != t.clause)
        .map_or(0, |p| p + 1);
    let before = &toks[clause_start..j];
    let me = |w: &str| matches!(w, "me" | "mi" | "moi" | "mich" | "m");
    // Whom: a clitic right before ("que me llamen", "mi faccia richiamare": "faccia" may
    // stand between), "-moi" after the causative ("faites-moi rappeler"), the passive
    // ("être rappelé", "essere richiamato"), "mich" before a German verb at the end.
    let object = enclitic
        || before.last().is_some_and(|p| me(p.word))
        || before.len() >= 2
            && me(before[before.len() - 2].word)
            && (matches!(
                before[before.len() - 1].word,
                "faccia" | "fate" | "faites" | "fais" | "haga" | "hagan" | "faca" | "facam"
            ) || modal(before[before.len() - 1].word)
                || matches!(
                    before[before.len() - 1].word,
                    "pueden" | "podem" | "podeis" | "puedes" | "podes"
                ))
        || before.len() >= 2
            && matches!(before[before.len() - 2].word, "faites" | "fais" | "fate")
            && me(before[before.len() - 1].word)
        || before
            .last()
            .is_some_and(|p| matches!(p.word, "etre" | "essere" | "ser" | "werden" | "sein"))
        || before.iter().any(|p| p.word == "mich")
        // The German passive puts "werden" after: "möchte zurückgerufen werden".
        || toks
            .get(j + 1)
            .is_some_and(|n| here(&(j + 1)) && n.word == "werden");
    if !object {
        return None;
    }
    // Asked: a wish, a modal question, a bidding, or a subjunctive "que" opening the clause.
    let asked = before.iter().any(|p| {
        p.is(Desire)
            || p.is(Frame)
            || modal(p.word)
            || asking_word(p.word)
            || matches!(
                p.word,
                "quiero"
                    | "quisiera"
                    | "queria"
                    | "quero"
                    | "gostaria"
                    | "vorrei"
                    | "voglio"
                    | "veux"
                    | "voudrais"
                    | "souhaite"
                    | "souhaiterais"
                    | "aimerais"
                    | "mochte"
                    | "moechte"
                    | "will"
                    | "pueden"
                    | "podeis"
                    | "puedes"
                    | "podem"
                    | "potete"
                    | "potreste"
                    | "pouvez"
                    | "konnen"
                    | "koennen"
                    | "konnten"
                    | "faccia"
                    | "fate"
                    | "faites"
                    | "haga"
                    | "hagan"
                    | "bien"
            )
    }) || before.first().is_some_and(|p| p.word == "que")
        || bid_in_subjunctive(before, t.word)
        || toks
            .get(j + 1)
            .is_some_and(|n| here(&(j + 1)) && asking_word(n.word));
    // Told as done ("ya me han llamado", "on m'a rappelé hier"): an auxiliary of the past.
    let past = before.iter().any(|p| {
        p.is(PastAux)
            || matches!(
                p.word,
                "han" | "ha" | "hanno" | "a" | "ont" | "hat" | "haben" | "foi" | "fui"
            )
    });
    if !asked || past || refused(toks, j) || not_now_scheduled(toks, j) || reported(toks, j) {
        return None;
    }
    Some(ExplicitMatch {
        phrase: phrase(toks, clause_start, j),
        pattern: "call_me_back",
    })
}

/// "que me llamen", "che mi richiamino", "que me liguem": a call to the customer in the
/// subjunctive after "que" is wished or bidden whatever the verb before it ("prefiero",
/// "sería mejor", "ojalá"); the indicative tells what happens ("la vez que me llaman").
fn bid_in_subjunctive(before: &[Tok<'_>], verb: &str) -> bool {
    let subjunctive = matches!(
        verb,
        "llamen"
            | "llamaran"
            | "llamasen"
            | "contacten"
            | "liguem"
            | "ligarem"
            | "ligassem"
            | "contactem"
            | "contatem"
            | "richiamino"
            | "chiamino"
    );
    subjunctive
        && matches!(
            before,
            [.., q, me] if matches!(q.word, "que" | "che") && matches!(me.word, "me" | "mi")
        )
}

/// The matter passed on at `j`, then "to" a person; `time_at` is the word whose time
/// says whether it is asked now (the person when `None`).
fn matter_passed_from(toks: &[Tok<'_>], j: usize, time_at: Option<usize>) -> Option<ExplicitMatch> {
    let t = &toks[j];
    let here = |i: &usize| toks[*i].clause == t.clause;
    // The matter is the customer's ("my complaint", "ma réclamation"), before or after.
    let matter = |i: usize| {
        matter_noun(toks[i].word)
            && i > 0
            && (own_possessive(toks[i - 1].word) || toks[i - 1].word == "my")
    };
    let before = (j.saturating_sub(4)..j).rev().take_while(here).any(matter);
    let after = (j + 1..toks.len().min(j + 5))
        .take_while(here)
        .find(|&i| matter(i));
    if !before && after.is_none() {
        return None;
    }
    // Then "to" a person, at most three words on, or after what the matter is about
    // ("my complaint about the restricted view to a member of the team").
    let from = after.map_or(j, |i| i) + 1;
    let about = toks.get(from).is_some_and(|n| {
        matches!(
            n.word,
            "about" | "regarding" | "concerning" | "re" | "over" | "sobre" | "concernant"
        )
    });
    let to = (from..toks.len().min(from + if about { 7 } else { 2 }))
        .take_while(here)
        .find(|&i| matches!(toks[i].word, "to" | "a" | "al" | "an" | "ao" | "à"))?;
    let k = (to + 1..toks.len().min(to + 4))
        .take_while(here)
        .find(|&k| human_noun(toks, k) == Some(true) || toks[k].is(Dept))?;
    if refused(toks, k)
        || not_now(toks, time_at.unwrap_or(k))
        || reported(toks, j)
        || toks[..j]
            .iter()
            .any(|p| p.sentence == t.sentence && p.is(PastAux))
    {
        return None;
    }
    Some(ExplicitMatch {
        phrase: phrase(toks, j, k),
        pattern: "matter_passed_to_person",
    })
}

/// A person who has to do the work: "a real person must go through it", "an agent has to
/// review my claim". Only a clearly human noun: "someone needs to tell the council" is said
/// of anyone.
pub(super) fn person_must_do_it(toks: &[Tok<'_>], j: usize) -> Option<ExplicitMatch> {
    let t = &toks[j];
    let here = |i: &usize| toks[*i].clause == t.clause;
    // The obligation first: it runs for every word, and few are followed by one.
    let obligation = |w: &str| {
        matches!(
            w,
            "needs"
                | "need"
                | "has"
                | "must"
                | "should"
                | "gotta"
                | "muss"
                | "soll"
                | "sollte"
                | "doit"
                | "devrait"
                | "debe"
                | "deberia"
                | "tiene"
                | "deve"
                | "dovrebbe"
                | "precisa"
                | "tem"
        )
    };
    // "my manager must check it first", "mein Mitarbeiter muss das prüfen": the customer's
    // own people (an adviser assigned by the service is still the service's).
    if j > 0
        && own_possessive(toks[j - 1].word)
        && !matches!(
            t.word,
            "adviser" | "advisor" | "conseiller" | "conseillere" | "berater" | "beraterin"
        )
    {
        return None;
    }
    // German puts the obligation before the person and the verb last: "das muss sich ein
    // Mensch anschauen".
    if matches!(
        t.word,
        "mensch" | "mitarbeiter" | "mitarbeiterin" | "fachmann" | "techniker"
    ) && (j.saturating_sub(4)..j)
        .rev()
        .take_while(here)
        .any(|i| matches!(toks[i].word, "muss" | "soll" | "sollte"))
        && let Some(v) = (j + 1..toks.len().min(j + 4))
            .take_while(here)
            .find(|&v| help_verb(toks[v].word))
        && !refused(toks, j)
        && !reported(toks, j)
    {
        return Some(ExplicitMatch {
            phrase: phrase(toks, j, v),
            pattern: "person_must_do_it",
        });
    }
    let m = (j + 1..toks.len().min(j + 5))
        .take_while(here)
        .find(|&i| obligation(toks[i].word))?;
    // "someone real", "somebody senior", "someone with authority": qualified as staff.
    let real_someone = matches!(t.word, "someone" | "somebody")
        && toks.get(j + 1).is_some_and(|n| {
            matches!(
                n.word,
                "real" | "human" | "competent" | "qualified" | "senior" | "higher" | "more"
            ) || n.word == "with"
                && toks.get(j + 2).is_some_and(|a| {
                    matches!(a.word, "authority" | "power" | "clout" | "seniority")
                })
                && m > j + 2
        });
    if !(human_noun(toks, j) == Some(true)
        && !matches!(
            t.word,
            "someone" | "somebody" | "people" | "persons" | "humans" | "folks" | "everyone"
        )
        || real_someone)
    {
        return None;
    }
    let v = (m + 1..toks.len().min(m + 4))
        .take_while(here)
        .find(|&v| help_verb(toks[v].word) || toks[v].is(Contact))?;
    let to_ok = match toks[m].word {
        "has" | "needs" => toks[m + 1].word == "to",
        // "tiene que", "tem que".
        "tiene" | "tem" => toks[m + 1].word == "que",
        _ => true,
    };
    if !to_ok || refused(toks, j) || not_now(toks, v) || reported(toks, j) {
        return None;
    }
    Some(ExplicitMatch {
        phrase: phrase(toks, j, v),
        pattern: "person_must_do_it",
    })
}

/// "Who runs the branch? Can I speak to him?": the person a question asked about,
/// then asked for by a pronoun.
pub(super) fn talk_to_the_one_asked_about(toks: &[Tok<'_>], j: usize) -> Option<ExplicitMatch> {
    let t = &toks[j];
    if !(t.is(Talk) || t.is(Contact)) || t.word.ends_with("ed") {
        return None;
    }
    let pronoun = (j + 1..toks.len().min(j + 3))
        .take_while(|&k| toks[k].clause == t.clause)
        .find(|&k| {
            matches!(
                toks[k].word,
                "them"
                    | "him"
                    | "her"
                    | "el"
                    | "ella"
                    | "ellos"
                    | "ellas"
                    | "ele"
                    | "ela"
                    | "eles"
                    | "elas"
                    | "lui"
                    | "lei"
                    | "loro"
                    | "elle"
                    | "eux"
                    | "ihm"
                    | "ihr"
                    | "ihnen"
            )
        })?;
    // "Prefiero que me lo diga el osteópata, páseme con él": a word for the staff in an
    // earlier clause of the turn, then the pronoun.
    // Asked of the service: the verb opens its clause ("páseme con él") or follows a modal
    // or a wish ("can I talk to her", "I'd like to speak with him"); and the turn names no
    // one of the customer's own ("my son is a doctor, I'll talk to him").
    let clause_start = toks[..j]
        .iter()
        .rposition(|p| p.clause != t.clause)
        .map_or(0, |p| p + 1);
    let asked_of_service = j == clause_start
        || toks[clause_start..j]
            .iter()
            .any(|p| modal(p.word) || p.is(Frame) || p.is(Desire));
    let named_before = asked_of_service
        && !toks[..j].iter().any(|p| own_possessive(p.word))
        && toks[..j].iter().enumerate().any(|(k, p)| {
            p.clause < t.clause && human_noun(toks, k).is_some() && !people_in_general(toks, k)
        });
    // An earlier sentence of the turn asks who: "who's in charge", "who can sign it off";
    // or whether someone is there: "is the head groom around?", "is Dana in today?".
    let opens = |i: usize| i == 0 || toks[i - 1].sentence != toks[i].sentence;
    let asked = toks[..j].iter().enumerate().any(|(i, p)| {
        p.sentence < t.sentence
            && opens(i)
            // "who's" is one word.
            && (matches!(p.word, "who" | "whos")
                || matches!(p.word, "is" | "are")
                    // "are the kids in?": the customer's own people asked about.
                    && !toks[i + 1..j]
                        .iter()
                        .take_while(|n| n.sentence == p.sentence)
                        .any(|n| {
                            matches!(
                                n.word,
                                "it" | "kids" | "children" | "child" | "son" | "daughter"
                                    | "husband" | "wife" | "partner" | "mum" | "mom" | "dad"
                                    | "parents" | "family" | "friend" | "friends"
                            )
                        })
                    && toks[i + 1..j]
                        .iter()
                        .take_while(|n| n.sentence == p.sentence)
                        .last()
                        .is_some_and(|n| {
                            matches!(
                                n.word,
                                "around" | "about" | "available" | "free" | "in" | "there"
                                    | "today" | "working" | "on"
                            )
                        }))
    });
    if !(asked || named_before) || refused(toks, j) || not_now(toks, j) || reported(toks, j) {
        return None;
    }
    Some(ExplicitMatch {
        phrase: phrase(toks, j, pronoun),
        pattern: "talk_to_the_one_asked_about",
    })
}

/// "I need to hear from whoever fitted it", "that's who I want to hear from": hearing from a
/// person, wished for, is being contacted by them. The person follows "from", or stands
/// earlier in the turn as "whoever" or a word for the staff.
pub(super) fn hears_from_person(toks: &[Tok<'_>], j: usize) -> Option<ExplicitMatch> {
    let t = &toks[j];
    // "hear from", "hear back from", "I'd appreciate hearing back from".
    let back = usize::from(toks.get(j + 1).is_some_and(|n| n.word == "back"));
    if !matches!(t.word, "hear" | "hearing")
        || toks.get(j + 1 + back).is_none_or(|n| n.word != "from")
    {
        return None;
    }
    let wished = (j.saturating_sub(4)..j).any(|i| {
        toks[i].clause == t.clause
            && matches!(
                toks[i].word,
                "need"
                    | "needs"
                    | "want"
                    | "wants"
                    | "like"
                    | "love"
                    | "expect"
                    | "waiting"
                    | "appreciate"
            )
    });
    let after_from = j + 2 + back;
    let person_after = (after_from..toks.len().min(after_from + 3))
        .take_while(|&k| toks[k].clause == t.clause)
        .find(|&k| human_noun(toks, k).is_some() || toks[k].word == "whoever");
    let ends_here = toks.get(after_from).is_none_or(|n| n.clause != t.clause);
    let person_before = ends_here
        && toks[..j].iter().enumerate().any(|(k, p)| {
            p.word == "whoever" || p.word == "who" && k > 0 && human_noun(toks, k - 1).is_some()
        });
    if !wished || !(person_after.is_some() || person_before) {
        return None;
    }
    // "the person I'd like to hear from is my solicitor": the customer's own.
    if person_after.is_some_and(|k| k > 0 && own_possessive(toks[k - 1].word))
        || refused(toks, j)
        || not_now(toks, j)
        || reported(toks, j)
    {
        return None;
    }
    Some(ExplicitMatch {
        phrase: phrase(toks, j, person_after.unwrap_or(j + 1)),
        pattern: "noun_contact_me",
    })
}

/// "pass this on to the thatcher and ask him to ring me", "… and have them email me
/// back", "can you get one of them to ring me", "please have the person who handles our
/// contract drop me a line": a person asked, had or got to contact the customer. The
/// person is a pronoun (whoever the noun before named), "one of" them or the staff, or a
/// word for the staff, which a relative clause may follow.
pub(super) fn pronoun_asked_to_contact(toks: &[Tok<'_>], j: usize) -> Option<ExplicitMatch> {
    let t = &toks[j];
    // "I'd like whoever handles refunds to get in touch": wished like a person had.
    let wished_whoever = matches!(t.word, "like" | "love" | "want" | "need" | "prefer")
        && toks
            .get(j + 1)
            .is_some_and(|n| n.word == "whoever" && n.clause == t.clause);
    if !(matches!(t.word, "ask" | "have" | "get" | "tell") || wished_whoever) {
        return None;
    }
    let here = |k: usize| toks.get(k).filter(|n| n.clause == t.clause);
    // "I have the fitter's number", "we get the manager's emails": the customer's own
    // doing, not a person asked.
    if j > 0 && matches!(toks[j - 1].word, "i" | "we" | "they" | "he" | "she") && !wished_whoever {
        return None;
    }
    let pronoun = |k: usize| here(k).is_some_and(|n| matches!(n.word, "him" | "her" | "them"));
    // The last word naming the person, and whether a relative clause may follow it.
    let (person, noun) = if here(j + 1).is_some_and(|n| n.word == "whoever") {
        // "get whoever signs off on refunds to call me".
        (j + 1, true)
    } else if pronoun(j + 1) {
        (j + 1, false)
    } else if here(j + 1).is_some_and(|n| n.word == "one")
        && here(j + 2).is_some_and(|n| n.word == "of")
    {
        let k = (j + 3..j + 6).find(|&k| pronoun(k) || human_noun(toks, k).is_some())?;
        (k, !pronoun(k))
    } else {
        let k = (j + 1..j + 4)
            .take_while(|&k| here(k).is_some())
            .find(|&k| human_noun(toks, k).is_some())?;
        let determined = (j + 1..k).all(|i| {
            matches!(
                toks[i].word,
                "the" | "your" | "a" | "an" | "one" | "someone"
            ) || noun_modifier(toks, i)
        });
        if !determined || k > 0 && own_possessive(toks[k - 1].word) || people_in_general(toks, k) {
            return None;
        }
        (k, true)
    };
    // "get her to give me a call", "have them email me", "ask the owner to drop me a line".
    let contacts_me_at = |verb: usize| {
        let to_me = |k: usize| here(k).is_some_and(|n| matches!(n.word, "me" | "us"));
        here(verb).is_some_and(|v| {
            v.is(Contact) || matches!(v.word, "email" | "text" | "message" | "mail" | "write")
        }) && to_me(verb + 1)
            // "have them email me the photos": a thing sent, not a person in touch.
            && !here(verb + 2).is_some_and(|n| {
                matches!(
                    n.word,
                    "the" | "a" | "an" | "my" | "our" | "those" | "these" | "some"
                )
            })
            // "get in touch with me", "reach out to me".
            || here(verb).is_some_and(|v| v.word == "get")
                && here(verb + 1).is_some_and(|n| n.word == "in")
                && here(verb + 2).is_some_and(|n| n.word == "touch")
                && here(verb + 3).is_some_and(|n| n.word == "with")
                && to_me(verb + 4)
            || here(verb).is_some_and(|v| v.word == "reach")
                && here(verb + 1).is_some_and(|n| n.word == "out")
                && here(verb + 2).is_some_and(|n| n.word == "to")
                && to_me(verb + 3)
            || here(verb).is_some_and(|v| matches!(v.word, "give" | "drop" | "send"))
                && to_me(verb + 1)
                && (verb + 2..verb + 5).any(|k| {
                    here(k).is_some_and(|n| {
                        matches!(n.word, "call" | "ring" | "bell" | "line" | "note")
                            || n.word == "email" && toks[verb].word == "drop"
                    })
                })
    };
    let first = person + 1 + usize::from(here(person + 1).is_some_and(|n| n.word == "to"));
    let verb = if contacts_me_at(first) {
        first
    } else if noun
        && (toks[person].word == "whoever"
            || here(person + 1).is_some_and(|n| matches!(n.word, "who" | "that" | "whos" | "from")))
    {
        // "the person who handles our contract drop me a line": past the relative clause.
        (person + 1..person + 11)
            .find(|&v| {
                contacts_me_at(v)
                    || here(v).is_some_and(|n| n.word == "to") && contacts_me_at(v + 1)
            })
            .map(|v| v + usize::from(toks[v].word == "to"))?
    } else {
        return None;
    };
    if refused(toks, j) || not_now(toks, j) || reported(toks, j) {
        return None;
    }
    Some(ExplicitMatch {
        phrase: phrase(toks, j, verb + 1),
        pattern: if noun {
            "person_asked_to_contact"
        } else {
            "pronoun_asked_to_contact"
        },
    })
}

/// A call asked for from a person: "book me a call from a specialist", "can I get a
/// callback from an adviser", "any chance of an engineer phoning me".
pub(super) fn call_from_person(toks: &[Tok<'_>], j: usize) -> Option<ExplicitMatch> {
    let t = &toks[j];
    let here = |i: &usize| toks[*i].clause == t.clause;
    // "a call from the manager", asked for by the words before it.
    if matches!(t.word, "call" | "callback" | "ring" | "bell")
        && j > 1
        && matches!(toks[j - 1].word, "a" | "an")
        && toks.get(j + 1).is_some_and(|n| n.word == "from")
        && toks[j.saturating_sub(4)..j - 1].iter().any(|p| {
            matches!(
                p.word,
                "arrange"
                    | "book"
                    | "request"
                    | "schedule"
                    | "organise"
                    | "organize"
                    | "get"
                    | "want"
                    | "need"
                    | "like"
                    | "please"
                    | "set"
                    // "would appreciate a ring from somebody who…".
                    | "appreciate"
                    | "welcome"
            )
        })
        && let Some(k) = (j + 2..toks.len().min(j + 6))
            .take_while(here)
            .find(|&k| human_noun(toks, k).is_some())
        && !refused(toks, j)
        && !not_now_scheduled(toks, j)
        && !toks[..j]
            .iter()
            .any(|p| p.sentence == t.sentence && p.is(PastAux))
    {
        return Some(ExplicitMatch {
            phrase: phrase(toks, j - 1, k),
            pattern: "call_from_person",
        });
    }
    // "any chance of an adviser ringing me?": a person's contact hoped for.
    if matches!(t.word, "chance" | "chances")
        && toks.get(j + 1).is_some_and(|n| n.word == "of")
        && let Some(k) = (j + 2..toks.len().min(j + 5))
            .take_while(here)
            .find(|&k| human_noun(toks, k).is_some())
        && let Some(v) = (k + 1..toks.len().min(k + 5))
            .take_while(here)
            .find(|&v| toks[v].is(Contact) || help_verb(toks[v].word))
        && !refused(toks, k)
        && !not_now_scheduled(toks, v)
    {
        return Some(ExplicitMatch {
            phrase: phrase(toks, j, v),
            pattern: "call_from_person",
        });
    }
    None
}

/// Verbs of passing a case on to someone, in the six languages (past participles of the
/// passive "que ma demande soit transmise" too).
fn passes_on(word: &str) -> bool {
    matches!(
        word,
        "pass"
            | "forward"
            | "refer"
            | "escalate"
            | "hand"
            | "send"
            | "transfer"
            | "route"
            | "remonter"
            | "remontee"
            | "remonte"
            | "transmettre"
            | "transmise"
            | "transmis"
            | "transmettez"
            | "inoltrare"
            | "inoltri"
            | "inoltrata"
            | "girare"
            | "giri"
            | "passare"
            | "pasar"
            | "pase"
            | "remitir"
            | "remita"
            | "derivar"
            | "derive"
            | "trasladar"
            | "traslade"
            | "escalar"
            | "encaminhar"
            | "encaminhe"
            | "encaminhada"
            | "repassar"
            | "weiterleiten"
            | "weitergeben"
    )
}

/// The customer's call or matter, or its possessive, between a verb of passing on and
/// where it goes: "my call", "this case".
fn handed_matter(toks: &[Tok<'_>], i: usize) -> bool {
    let thing = |w: &str| matter_noun(w) || matches!(w, "call" | "calls" | "chat");
    let owner = |w: &str| matches!(w, "my" | "this" | "our") || own_possessive(w);
    thing(toks[i].word) && i > 0 && owner(toks[i - 1].word)
        || owner(toks[i].word) && toks.get(i + 1).is_some_and(|n| thing(n.word))
}

/// Whether `word`, before "manager" or "adviser", says the service assigned the person to
/// the customer ("my account manager", "my case handler"): theirs, not the customer's own.
fn assigned_by_service(word: &str) -> bool {
    matches!(
        word,
        "account" | "case" | "relationship" | "client" | "customer" | "dedicated"
    )
}

/// The customer's matter, as passed on: a complaint, a case, a request.
fn matter_noun(word: &str) -> bool {
    matches!(
        word,
        "complaint"
            | "case"
            | "query"
            | "request"
            | "claim"
            | "ticket"
            | "issue"
            | "reclamation"
            | "demande"
            | "dossier"
            | "requete"
            | "plainte"
            | "richiesta"
            | "reclamo"
            | "pratica"
            | "segnalazione"
            | "caso"
            | "queja"
            | "reclamacion"
            | "solicitud"
            | "pedido"
            | "reclamacao"
            | "queixa"
            | "solicitacao"
            | "beschwerde"
            | "anliegen"
            | "anfrage"
            | "fall"
            // "route my question to a human", "pass my problem on to someone" (not "my
            // message", often thanks passed on: see `is_message`).
            | "question"
            | "questions"
            | "problem"
            | "enquiry"
            | "inquiry"
            | "concern"
            | "pregunta"
            | "mensaje"
            | "problema"
            | "domanda"
            | "messaggio"
            | "pergunta"
            | "mensagem"
            | "frage"
            | "nachricht"
    )
}

pub(super) const MAX_GAP: usize = 7;

/// Modal verbs that ask for something ("could a specialist…", "un technicien peut…", "ein
/// Techniker soll…"), in the six languages.
pub(super) fn modal(word: &str) -> bool {
    matches!(
        word,
        "can"
            | "could"
            | "would"
            | "will"
            | "may"
            | "peut"
            | "pourrait"
            | "pourriez"
            | "pouvez"
            | "pourrais"
            | "pode"
            | "poderia"
            | "podia"
            | "puede"
            | "podria"
            | "pueda"
            | "pueden"
            | "podrian"
            | "kann"
            | "konnte"
            | "koennte"
            | "konnen"
            | "koennen"
            | "soll"
            | "sollte"
            | "puo"
            | "potrebbe"
            | "possa"
            | "potete"
            | "potreste"
    )
}

/// What a person is asked to do with the customer's case.
pub(super) fn help_verb(word: &str) -> bool {
    matches!(
        word,
        "help"
            | "look"
            | "check"
            | "handle"
            | "handled"
            | "sort"
            | "sorted"
            | "fix"
            | "assist"
            | "review"
            | "reviewed"
            | "deal"
            | "investigate"
            | "explain"
            | "confirm"
            | "confirmed"
            | "take"
            | "ring"
            | "call"
            | "go"
            | "walk"
            | "advise"
            | "approve"
            | "verify"
            | "involved"
            | "pick"
            | "hop"
            | "jump"
            | "join"
            | "weigh"
            | "decide"
            | "repondre"
            // "reprendre la conversation": take it over.
            | "reprendre"
            | "responder"
            | "rispondere"
            | "antworten"
            | "give"
            | "listen"
            | "reach"
            | "contact"
            | "answer"
            | "respond"
            | "reply"
            | "message"
            | "email"
            | "phone"
            // The same acts in the other languages.
            | "revisar"
            | "revise"
            | "mirar"
            | "atender"
            | "ayudar"
            | "ayudarme"
            | "gestionar"
            | "examiner"
            | "regarder"
            | "verifier"
            | "traiter"
            | "aider"
            | "prufen"
            | "pruefen"
            | "ansehen"
            | "anschauen"
            | "bearbeiten"
            | "helfen"
            | "kummern"
            | "kuemmern"
            | "verificar"
            | "analisar"
            | "ajudar"
            | "tratar"
            | "olhar"
            | "controllare"
            | "verificare"
            | "guardare"
            | "aiutare"
            | "aiutarmi"
            | "gestire"
            // Deciding what the bot may not: "someone who can override this".
            | "override"
            | "overrule"
            | "authorise"
            | "authorize"
            // What only a person may grant: "somebody who can waive the charge".
            | "waive"
            | "reverse"
            | "unblock"
            | "resolve"
            | "decidir"
            | "resolver"
            | "decider"
            | "resoudre"
            | "entscheiden"
            | "decidere"
            | "risolvere"
            | "ajudarme"
            | "aidez"
            | "maider"
    )
}

/// A person described by what they can do, as the turn's first words: "someone who can
/// actually decide this", "alguien que pueda ayudarme", "quelqu'un qui peut m'aider",
/// "jemand, der mir helfen kann", "qualcuno che possa aiutarmi".
pub(super) fn someone_who_can(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    let k = toks
        .iter()
        .position(|t| !(t.is(Skip) || t.is(Polite) && !t.is(Neg) || is_filler(t.word)))?;
    human_noun(toks, k)?;
    // "quelqu'un" is two tokens.
    let k = if toks[k].word == "quelqu" && toks.get(k + 1).is_some_and(|n| n.word == "un") {
        k + 1
    } else {
        k
    };
    let relative = toks.get(k + 1).filter(|r| {
        r.sentence == toks[k].sentence
            && matches!(
                r.word,
                "who" | "that" | "que" | "qui" | "der" | "die" | "che" | "quem"
            )
    })?;
    let v = (k + 2..toks.len().min(k + 7))
        .take_while(|&v| toks[v].sentence == relative.sentence)
        .find(|&v| help_verb(toks[v].word))?;
    if refused(toks, k) || not_now(toks, v) || toks[k..v].iter().any(|p| p.is(PastAux) || p.is(Neg))
    {
        return None;
    }
    Some(ExplicitMatch {
        phrase: phrase(toks, k, v),
        pattern: "someone_who_can",
    })
}

/// "an adviser would be lovely", "an engineer would be ideal": a person wished for; in the
/// other languages "serait bien", "sería genial", "sarebbe meglio", "wäre gut".
pub(super) fn person_would_be_welcome(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    // English says "would be" and a word of welcome; the other languages one conditional
    // form of "be" and theirs.
    let english_welcome = |w: &str| {
        matches!(
            w,
            "great"
                | "lovely"
                | "good"
                | "ideal"
                | "helpful"
                | "best"
                | "brilliant"
                | "perfect"
                | "nice"
                | "appreciated"
                | "better"
        )
    };
    let conditional_be = |w: &str| {
        matches!(
            w,
            "serait" | "seria" | "estaria" | "sarebbe" | "ware" | "waere"
        )
    };
    let other_welcome = |w: &str| {
        matches!(
            w,
            "bien"
                | "parfait"
                | "ideal"
                | "top"
                | "mieux"
                | "genial"
                | "utile"
                | "perfecto"
                | "mejor"
                | "util"
                | "bom"
                | "otimo"
                | "perfeito"
                | "melhor"
                | "bello"
                | "ideale"
                | "perfetto"
                | "meglio"
                | "ottimo"
                | "gradito"
                | "gut"
                | "toll"
                | "super"
                | "besser"
                | "prima"
                | "hilfreich"
        )
    };
    (0..toks.len()).find_map(|k| {
        let next = |i: usize| toks.get(k + i).map(|n| n.word);
        // The last word of the wish.
        let end = match (next(1)?, next(2)?) {
            ("would", "be") => (english_welcome(next(3)?)
                && !matches!(toks[k].word, "someone" | "somebody" | "people"))
            .then_some(k + 3)?,
            (be, welcome) => (conditional_be(be) && other_welcome(welcome)).then_some(k + 2)?,
        };
        (human_noun(toks, k) == Some(true)
            && toks[k + 1..=end].iter().all(|n| n.clause == toks[k].clause)
            && !refused(toks, k)
            && !not_now(toks, k))
        .then(|| ExplicitMatch {
            phrase: phrase(toks, k, end),
            pattern: "person_would_be_welcome",
        })
    })
}

/// "we'd want to be rung back", "we need to be phoned by someone": a callback asked for in
/// the passive ("to be contacted by email" asks for no person).
pub(super) fn to_be_called_back(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    // French says it with "on": "je veux qu'on m'appelle", "j'aimerais qu'on me rappelle".
    let on_calls_me = (2..toks.len()).find_map(|v| {
        let verb = toks[v].word;
        let joined = matches!(verb, "mappelle" | "mappelez" | "mappeler");
        let with_me = matches!(verb, "rappelle" | "appelle" | "contacte" | "recontacte")
            && matches!(toks[v - 1].word, "me" | "m");
        let on_at = if joined { v - 1 } else { v.checked_sub(2)? };
        if !(joined || with_me) || toks[on_at].word != "on" {
            return None;
        }
        let clause = toks[v].clause;
        let wish = toks[..on_at].iter().rev().take(4).any(|p| {
            p.clause == clause
                && (p.is(Frame)
                    || p.is(Desire)
                    || matches!(
                        p.word,
                        "veux" | "voudrais" | "souhaite" | "aimerais" | "prefere"
                    ))
        });
        (wish && !refused(toks, v)).then(|| ExplicitMatch {
            phrase: phrase(toks, on_at, v),
            pattern: "call_me_back",
        })
    });
    on_calls_me.or_else(|| {
        (2..toks.len()).find_map(|v| {
            if !matches!(
                toks[v].word,
                "called" | "phoned" | "rung" | "contacted" | "rang"
            ) || toks[v - 1].word != "be"
                || toks[v - 2].word != "to"
            {
                return None;
            }
            let clause = toks[v].clause;
            let wish = toks[..v - 2]
                .iter()
                .rev()
                .take(3)
                .any(|p| p.clause == clause && (p.is(Frame) || p.is(Desire)));
            // "by email", "by text", "on my mobile": the channel, not a person.
            let channel = toks[v + 1..].iter().take(4).any(|n| {
                matches!(
                    n.word,
                    "email" | "mail" | "text" | "sms" | "post" | "letter" | "whatsapp"
                )
            });
            (wish && !channel && !refused(toks, v) && !not_now(toks, v)).then(|| ExplicitMatch {
                phrase: phrase(toks, v - 2, v),
                pattern: "call_me_back",
            })
        })
    })
}

/// "could the bill be checked by an adviser?", "I want it reviewed by a human", "I'd
/// like this raised with a manager": the matter handled by a person, asked for.
pub(super) fn handled_by_person(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    (1..toks.len()).find_map(|b| {
        if !matches!(toks[b].word, "by" | "with") {
            return None;
        }
        let clause = toks[b].clause;
        // The participle right before ("looked at", "dealt with" take their particle).
        let mut p = b - 1;
        if matches!(toks[p].word, "at" | "over" | "into") && p > 0 {
            p -= 1;
        }
        let by_participle = matches!(
            toks[p].word,
            "looked"
                | "reviewed"
                | "handled"
                | "checked"
                | "seen"
                | "assessed"
                | "examined"
                | "sorted"
                | "dealt"
                | "processed"
                | "read"
                | "investigated"
                | "answered"
                | "decided"
                | "signed"
                | "approved"
                | "inspected"
        );
        let with_participle = matches!(toks[p].word, "raised" | "discussed" | "escalated");
        if toks[b].word == "by" && !by_participle || toks[b].word == "with" && !with_participle {
            return None;
        }
        let k = (b + 1..toks.len().min(b + 4))
            .take_while(|&k| toks[k].clause == clause)
            .find(|&k| human_noun(toks, k).is_some())?;
        if !(b + 1..k).all(|i| toks[i].is(Skip) || noun_modifier(toks, i)) {
            return None;
        }
        // Asked for: a wish, a need or a modal before it in the clause ("can I get", "I'd
        // like", "please have"), never a past event ("it was looked at by a manager").
        let before: Vec<&Tok<'_>> = toks[..p]
            .iter()
            .rev()
            .take_while(|q| q.clause == clause)
            .collect();
        let asked = before.iter().any(|q| {
            q.is(Frame)
                || matches!(
                    q.word,
                    "can" | "could" | "please" | "get" | "have" | "way" | "possible" | "should"
                )
        });
        let past = before.iter().any(|q| {
            q.is(PastAux) || matches!(q.word, "was" | "were" | "been" | "already" | "had")
        });
        (asked && !past && !refused(toks, k) && !not_now(toks, k)).then(|| ExplicitMatch {
            phrase: phrase(toks, p, k),
            pattern: "handled_by_person",
        })
    })
}

/// "is there anybody with the authority to cancel it", "anyone with the power to sign
/// this off?": someone who can decide, named by their authority, is asked for.
pub(super) fn someone_with_authority(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    (0..toks.len()).find_map(|k| {
        if !matches!(
            toks[k].word,
            "someone"
                | "somebody"
                | "anyone"
                | "anybody"
                | "alguien"
                | "jemand"
                | "alguem"
                | "qualcuno"
        ) || k > 0 && toks[k - 1].is(Neg)
        {
            return None;
        }
        let within = |i: usize| toks.get(i).filter(|n| n.sentence == toks[k].sentence);
        let has = (k + 1..k + 4).find(|&i| {
            within(i).is_some_and(|n| {
                matches!(
                    n.word,
                    "has" | "with" | "hat" | "mit" | "tiene" | "con" | "tem" | "com" | "ha"
                )
            })
        })?;
        let v = (has + 1..has + 3).find(|&i| {
            within(i).is_some_and(|n| {
                matches!(
                    n.word,
                    "authority"
                        | "power"
                        | "powers"
                        | "clearance"
                        | "mandate"
                        | "autoridad"
                        | "befugnis"
                        | "vollmacht"
                        | "autoridade"
                        | "autorita"
                        | "potere"
                )
            })
        })?;
        let between_ok = (k + 1..has).all(|i| {
            toks[i].is(Skip)
                || matches!(
                    toks[i].word,
                    "there" | "here" | "else" | "da" | "ahi" | "la"
                )
        }) && (has + 1..v).all(|i| toks[i].is(Skip));
        (between_ok && !refused(toks, k) && !not_now(toks, v)).then(|| ExplicitMatch {
            phrase: phrase(toks, k, v),
            pattern: "someone_who_can",
        })
    })
}

/// "who can decide on my refund?", "chi può decidere?", "wer kann das genehmigen?": asking
/// who has the authority is asking for that person.
pub(super) fn who_can_decide(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    let k = toks
        .iter()
        .position(|t| !(t.is(Polite) && !t.is(Neg) || is_filler(t.word)))?;
    let who = matches!(
        toks[k].word,
        "who" | "quien" | "qui" | "wer" | "quem" | "chi"
    );
    let modal = toks.get(k + 1).is_some_and(|m| {
        matches!(
            m.word,
            "can"
                | "could"
                | "puede"
                | "podria"
                | "peut"
                | "pourrait"
                | "kann"
                | "konnte"
                | "pode"
                | "poderia"
                | "puo"
                | "potrebbe"
        )
    });
    let v = (k + 2..toks.len().min(k + 6)).find(|&v| {
        matches!(
            toks[v].word,
            "decide"
                | "decision"
                | "authorise"
                | "authorize"
                | "approve"
                | "override"
                | "decidir"
                | "autorizar"
                | "aprobar"
                | "decider"
                | "autoriser"
                | "approuver"
                | "entscheiden"
                | "genehmigen"
                | "freigeben"
                | "aprovar"
                | "decidere"
                | "autorizzare"
                | "approvare"
        )
    })?;
    // About the customer's case ("my refund", "this"), not any choice ("what colour…").
    let case = toks
        .iter()
        .skip(k + 2)
        .take_while(|t| t.clause == toks[k].clause)
        .any(|t| {
            matches!(
                t.word,
                "my" | "this"
                    | "it"
                    | "that"
                    | "mi"
                    | "esto"
                    | "eso"
                    | "mon"
                    | "ma"
                    | "mes"
                    | "ca"
                    | "cela"
                    | "mein"
                    | "meine"
                    | "meinen"
                    | "das"
                    | "dies"
                    | "meu"
                    | "minha"
                    | "isso"
                    | "isto"
                    | "mio"
                    | "mia"
                    | "questo"
            )
        });
    (who && modal && case && toks[v].clause == toks[k].clause && !not_now(toks, v)).then(|| {
        ExplicitMatch {
            phrase: phrase(toks, k, v),
            pattern: "someone_who_can",
        }
    })
}

/// One-word verbs of taking over a conversation, in the other languages ("que alguien
/// asuma", "jemand übernehmen", "assumir a conversa", "reprendre", "subentrare").
fn takes_over(word: &str) -> bool {
    matches!(
        word,
        "asumir"
            | "asuma"
            | "assumir"
            | "assuma"
            | "ubernehmen"
            | "ubernimmt"
            | "reprendre"
            | "reprenne"
            | "subentrare"
            | "subentri"
            // "prendre le relais".
            | "relais"
    )
}

/// Requests made through a person doing the work, in forms the verb-noun grammar misses:
/// "could you have a colleague go over my bill", "I'd be glad if an advisor checked it",
/// "quiero que una asesora me llame", "je préférerais voir ça avec un conseiller", "can we
/// set up a call with a specialist", "can I get a callback".
pub(super) fn person_does_it(toks: &[Tok<'_>], j: usize) -> Option<ExplicitMatch> {
    let t = &toks[j];
    let in_clause = |from: usize, n: usize| {
        (from..toks.len().min(from + n)).take_while(move |&k| toks[k].clause == t.clause)
    };
    let person_after =
        |from: usize, n: usize| in_clause(from, n).find(|&k| human_noun(toks, k).is_some());
    let ok = |k: usize| !refused(toks, k) && !not_now(toks, k);
    let found = |to: usize, pattern: &'static str| {
        Some(ExplicitMatch {
            phrase: phrase(toks, j, to),
            pattern,
        })
    };
    match t.word {
        // "pouvez-vous demander à un technicien de me rappeler", "pídale a un técnico que
        // me llame": a person asked, through the bot, to contact or help the customer.
        "demander" | "demandez" | "demande" | "pidale" | "pida" | "chieda" | "chiedete"
        | "peca" | "pergunte" => {
            let k = person_after(j + 1, 4)?;
            // "quelqu'un de l'équipe de vidange de m'appeler": the person's team between.
            let v = in_clause(k + 1, 8).find(|&v| {
                let w = toks[v].word;
                toks[v].is(Contact)
                    || help_verb(w)
                    || matches!(
                        w,
                        "rappeler"
                            | "appeler"
                            | "contacter"
                            | "recontacter"
                            | "llame"
                            | "llamar"
                            | "chiami"
                            | "richiami"
                            | "chiamarmi"
                            | "richiamarmi"
                            | "ligue"
                            | "ligar"
                            // "de m'appeler", "de m'aider": the "me" elided onto the verb.
                            | "mappeler"
                            | "maider"
                    )
            })?;
            // The customer there as the one contacted: "de me rappeler", "que me llame".
            let me = toks[k + 1..v]
                .iter()
                .any(|p| matches!(p.word, "me" | "m" | "mi" | "nous"))
                || toks[v].word.ends_with("rmi")
                || matches!(toks[v].word, "mappeler" | "maider" | "mecrire");
            (me && ok(k)).then_some(())?;
            found(v, "ask_a_person_to")
        }
        // "it's time somebody over there picked up", "about time a manager
        // stepped in": a person doing it, demanded as overdue.
        "time" => {
            let said = j > 0 && matches!(toks[j - 1].word, "its" | "about" | "high" | "s");
            said.then_some(())?;
            let k = person_after(j + 1, 3)?;
            let v = in_clause(k + 1, 6).find(|&v| {
                let w = toks[v].word;
                help_verb(w)
                    || toks[v].is(Contact)
                    || toks[v].is(Talk)
                    || matches!(
                        w,
                        "helped"
                            | "stepped"
                            | "took"
                            | "dealt"
                            | "looked"
                            | "sorted"
                            | "rang"
                            | "phoned"
                            | "called"
                    )
                    || w == "picked" && toks.get(v + 1).is_some_and(|n| n.word == "up")
            })?;
            ok(k).then_some(())?;
            found(v, "time_a_person_did")
        }
        // "have someone look at this", "get someone to check": a person made to do the work.
        // "arrange for a manager to look into it".
        "have" | "get" | "getting" | "arrange" | "arranging" => {
            let k = person_after(j + 1, 4)?;
            // "I'll have my bookkeeper check", "get our own engineer to…", "I'll have my
            // farm manager sort it": the customer's own; "get our account manager to call"
            // names whom the service assigned, by the kind of manager.
            let assigned = matches!(
                toks[k].word,
                "manager"
                    | "adviser"
                    | "advisor"
                    | "handler"
                    | "rep"
                    | "representative"
                    | "consultant"
            ) && k > j + 1
                && assigned_by_service(toks[k - 1].word);
            if !assigned
                && toks[j + 1..k]
                    .iter()
                    .any(|p| own_possessive(p.word) || p.word == "own")
            {
                return None;
            }
            // "have someone get in touch", "get somebody to ring me": the person contacts
            // the customer.
            let v = in_clause(k + 1, 5).find(|&v| {
                help_verb(toks[v].word)
                    || toks[v].is(Contact)
                    || toks[v].word == "get"
                        && toks.get(v + 1).is_some_and(|n| n.word == "in")
                        && toks.get(v + 2).is_some_and(|n| n.word == "touch")
            })?;
            let told = toks[..j].iter().any(|p| p.is(PastAux) || p.word == "had");
            (!told && ok(k) && !toks[k..v].iter().any(|p| p.is(PastAux))).then_some(())?;
            found(v, "have_someone_do_it")
        }
        // "I'd feel better / it'd be easier / I'd appreciate it if a person confirmed it".
        "if" => {
            let wish = toks[..j]
                .iter()
                .rev()
                .take_while(|p| p.sentence == t.sentence)
                .any(|p| {
                    matches!(
                        p.word,
                        "id" | "itd"
                            | "would"
                            | "might"
                            | "wed"
                            | "d"
                            | "rather"
                            | "prefer"
                            | "better"
                            | "easier"
                            | "appreciate"
                            | "wonder"
                            | "wondering"
                            | "happier"
                            | "happy"
                            | "nicer"
                            | "glad"
                            | "comfortable"
                            | "safer"
                    )
                });
            // The wish may come after: "if someone could call me, that would be lovely".
            let wish = wish
                || toks[j..]
                    .iter()
                    .filter(|p| p.sentence == t.sentence)
                    .collect::<Vec<_>>()
                    .windows(2)
                    .any(|w| {
                        // "that'd be great" is one word before "be".
                        matches!(w[0].word, "would" | "d" | "thatd" | "itd" | "thatll")
                            && matches!(
                                w[1].word,
                                "be" | "help" | "love" | "appreciate" | "great" | "lovely"
                            )
                    });
            let k = person_after(j + 1, 5)?;
            // A wish takes the past ("if somebody in lettings got back to me", "if a
            // manager rang me"), and the person may be named in several words.
            let wished_past = |v: usize| {
                matches!(
                    toks[v].word,
                    "called"
                        | "rang"
                        | "phoned"
                        | "contacted"
                        | "looked"
                        | "checked"
                        | "took"
                        | "went"
                        | "gave"
                        | "helped"
                        | "sorted"
                        | "dealt"
                        | "handled"
                ) || toks[v].word == "got"
                    && toks
                        .get(v + 1)
                        .is_some_and(|n| matches!(n.word, "back" | "in" | "involved"))
            };
            // "if someone who works at the Leeds store just gave me a ring": a relative
            // clause saying which person comes between.
            let relative = toks
                .get(k + 1)
                .is_some_and(|n| matches!(n.word, "who" | "that"));
            let v = in_clause(k + 1, if relative { 10 } else { 6 })
                .find(|&v| help_verb(toks[v].word) || toks[v].is(Contact) || wished_past(v))?;
            let undone = toks[k..v].iter().any(|p| p.is(PastAux) || p.word == "had");
            (wish && !undone && !refused(toks, k)).then_some(())?;
            found(v, "if_a_person_did_it")
        }
        // "quiero que una asesora…", "gostaria que um atendente me ajudasse", "vorrei che
        // un operatore…": wanting a person to act. "je préférerais un conseiller",
        // "I'd prefer a person for this": a preference for a person.
        "quisiera" | "quiero" | "queria" | "querria" | "gustaria" | "voudrais" | "veux"
        | "aimerais" | "vorrei" | "voglio" | "gostaria" | "quero" | "preferiria" | "prefiero"
        | "prefiro" | "preferia" | "preferirei" | "prefere" | "preferisco" | "prefer"
        | "prefererais" | "preferiamo" | "necesito" | "preciso" | "necessito" | "possible"
        | "posible" | "possivel" | "possibile" | "moglich" | "mochte" | "wunsche" | "souhaite"
        | "souhaiterais" | "desidero" | "vorremmo" | "deseo" | "desearia" | "desejo"
        // "ich hätte gern, dass …", "ich würde gerne, dass …".
        | "gern" | "gerne" => {
            let que = toks
                .get(j + 1)
                .filter(|n| matches!(n.word, "que" | "qu" | "che" | "dass"));
            // "je voudrais qu'on me rappelle", "je veux bien qu'on m'aide": French "on" is
            // someone, with a verb of contacting or helping the customer.
            // "je veux bien qu'on…": the "bien" of a willing yes.
            let q = if toks.get(j + 1).is_some_and(|n| n.word == "bien") {
                j + 2
            } else {
                j + 1
            };
            let word = |i: usize| toks.get(i).map(|t| t.word);
            // "je souhaite être mise en contact", "je voudrais être rappelée": the customer
            // put in touch or called back, wished.
            if word(q) == Some("etre")
                && (matches!(word(q + 1), Some("mis" | "mise"))
                    && word(q + 2) == Some("en")
                    && matches!(word(q + 3), Some("relation" | "contact"))
                    || matches!(
                        word(q + 1),
                        Some("rappele" | "rappelee" | "recontacte" | "recontactee")
                    ))
                && !refused(toks, q)
            {
                return found(q + 1, "want_a_person_to");
            }
            if word(q) == Some("qu")
                && word(q + 1) == Some("on")
                && matches!(word(q + 2), Some("me" | "m" | "nous"))
                && toks.get(q + 3).is_some_and(|v| {
                    v.is(Contact)
                        || help_verb(v.word)
                        || matches!(
                            v.word,
                            "rappelle" | "aide" | "appelle" | "contacte" | "recontacte"
                        )
                })
                && !refused(toks, q + 1)
            {
                return found(q + 3, "want_a_person_to");
            }
            if let Some(que) = que {
                // German sets "dass" off with a comma: the person is in its clause. The
                // person may come after the verb: "vorrei che il resto della pratica lo
                // seguisse un vostro impiegato".
                let k = (j + 2..toks.len().min(j + 12))
                    .take_while(|&k| toks[k].clause == que.clause)
                    .find(|&k| {
                        human_noun(toks, k).is_some()
                            // Further on, only a person named with a determiner of its own
                            // ("lo seguisse un vostro impiegato"; not "mis datos personales").
                            && (k < j + 6
                                || matches!(
                                    toks[k - 1].word,
                                    "un" | "una" | "uno" | "vostro" | "vostra" | "el" | "il"
                                        | "lo" | "la" | "le" | "une" | "um" | "uma" | "o" | "a"
                                        | "ein" | "eine" | "einen" | "einer" | "der" | "die"
                                        | "su" | "seu" | "sua" | "votre" | "ihr" | "ihre"
                                ))
                    })?;
                // "que un técnico me llamara mañana": a call wished for a time to come.
                let contact = (k + 1..toks.len().min(k + 4))
                    .take_while(|&v| toks[v].clause == que.clause)
                    .find(|&v| toks[v].is(Contact));
                match contact {
                    Some(v) => (!refused(toks, k) && !not_now_scheduled(toks, v)).then_some(())?,
                    None => ok(k).then_some(())?,
                }
                return found(k, "want_a_person_to");
            }
            // "prefer", "préfère", but also "prefiero", "prefiro".
            if !t.word.starts_with("pref") {
                return None;
            }
            // "we'd prefer to go over it in detail with a specialist": further, after "with".
            let k = person_after(j + 1, 6).or_else(|| {
                person_after(j + 1, 10).filter(|&k| toks[j + 1..k].iter().any(|p| p.word == "with"))
            })?;
            let strong = human_noun(toks, k) == Some(true) && !people_in_general(toks, k)
                || practitioner_dealt_with(toks, k);
            (strong && ok(k)).then_some(())?;
            found(k, "prefer_a_person")
        }
        // "who could I speak with about my bill?": asking for the person, not a fact.
        "who" | "whom" | "quien" | "qui" | "wem" | "quem" | "chi" => {
            // "who else can I…", "who can I actually talk to": an adverb may come between.
            let adverb = |w: &str| matches!(w, "else" | "actually" | "really" | "even" | "then");
            let mut k = j + 1;
            while toks.get(k).is_some_and(|n| adverb(n.word)) {
                k += 1;
            }
            // "who is there that we could speak with": the person asked for by who is there.
            if toks.get(k).is_some_and(|n| matches!(n.word, "is" | "s"))
                && toks.get(k + 1).is_some_and(|n| n.word == "there")
            {
                let mut i = k + 2;
                if toks.get(i).is_some_and(|n| n.word == "that") {
                    i += 1;
                }
                if toks.get(i).is_some_and(|n| matches!(n.word, "i" | "we"))
                    && toks.get(i + 1).is_some_and(|n| modal(n.word))
                    && toks
                        .get(i + 2)
                        .is_some_and(|n| n.is(Talk) && !n.is(Contact) && n.clause == t.clause)
                    && ok(i + 2)
                {
                    return found(i + 2, "who_can_i_talk_to");
                }
            }
            let modal = toks.get(k).is_some_and(|n| {
                matches!(
                    n.word,
                    "can"
                        | "could"
                        | "should"
                        | "would"
                        | "will"
                        | "must"
                        | "may"
                        | "do"
                        | "puedo"
                        | "podria"
                        | "peux"
                        | "pourrais"
                        | "kann"
                        | "posso"
                        | "potrei"
                )
            });
            k += 1;
            let me = toks
                .get(k)
                .is_some_and(|n| matches!(n.word, "i" | "we" | "je" | "ich" | "eu" | "io"));
            if me {
                k += 1;
            }
            while toks.get(k).is_some_and(|n| adverb(n.word)) {
                k += 1;
            }
            // "who do I need to talk to", "who do I have to speak with".
            if toks
                .get(k)
                .is_some_and(|n| matches!(n.word, "need" | "have" | "got"))
                && toks.get(k + 1).is_some_and(|n| n.word == "to")
            {
                k += 2;
            }
            // "who can I call to book…" asks for a number; talking asks for a person, and
            // so does calling about the matter ("who do I ring about this?").
            let about = |v: usize| {
                toks.get(v + 1).is_none_or(|n| {
                    n.clause != toks[v].clause
                        || matches!(n.word, "about" | "regarding" | "re" | "over")
                })
                // "who can I discuss my complaint with": the one to discuss it with (the
                // clause ends on "with").
                || (v + 1..toks.len().min(v + 6)).any(|w| {
                    toks[w].word == "with"
                        && toks[w].clause == toks[v].clause
                        && toks.get(w + 1).is_none_or(|n| n.clause != toks[w].clause)
                })
            };
            // German puts the verb last: "mit wem kann ich an der Kasse sprechen?".
            if t.word == "wem"
                && let Some(last) = (k..toks.len().min(k + 6))
                    .take_while(|&v| toks[v].clause == t.clause)
                    .find(|&v| toks[v].is(Talk) && !toks[v].is(Contact))
            {
                k = last;
            }
            let v = toks
                .get(k)
                .filter(|n| n.is(Talk) && !n.is(Contact) || n.is(Contact) && about(k))?;
            // English needs the subject ("who can talk" is a question about people).
            let subject = me || !matches!(t.word, "who");
            (modal && subject && v.clause == t.clause && ok(k)).then_some(())?;
            found(k, "who_can_i_talk_to")
        }
        // "I'd feel better sorting it out with an actual person", "I'd be happier with
        // someone rather than in this chat": the customer at ease only with a person.
        "better" | "happier" | "comfortable" | "safer" | "easier" => {
            let before = &toks[j.saturating_sub(5)..j];
            let would_feel = before.iter().any(|p| matches!(p.word, "feel" | "be"))
                && before
                    .iter()
                    .any(|p| matches!(p.word, "id" | "d" | "would" | "wed" | "itd"));
            if !would_feel {
                return None;
            }
            let with = in_clause(j + 1, 10).find(|&k| toks[k].word == "with")?;
            let k = person_after(with + 1, 4)?;
            let strong = human_noun(toks, k) == Some(true) && !people_in_general(toks, k);
            let instead_of_this = toks
                .get(k + 1)
                .is_some_and(|n| matches!(n.word, "rather" | "instead"));
            ((strong || instead_of_this) && ok(k)).then_some(())?;
            found(k, "prefer_a_person")
        }
        // "I'd rather settle this with one of your advisors": a preference for a person.
        // "I'd sooner deal with a person": the same preference.
        "rather" | "sooner" => {
            let wish = j > 0 && matches!(toks[j - 1].word, "id" | "d" | "would" | "wed" | "i");
            if !wish || toks.get(j + 1).is_some_and(|n| n.word == "than") {
                return None;
            }
            // "my mum would rather have a human": another's preference.
            if j > 1 && toks[j - 1].word == "would" && !matches!(toks[j - 2].word, "i" | "we") {
                return None;
            }
            let k = person_after(j + 1, 10)?;
            // "rather wait a week than queue for an advisor" prefers something else.
            let with = toks[j + 1..k]
                .iter()
                .any(|p| matches!(p.word, "with" | "to" | "by"))
                && !toks[j + 1..k].iter().any(|p| p.word == "than")
                // "I'd rather get a proper adviser": the person had, nothing else between.
                || toks[j + 1..k].iter().all(|p| {
                    matches!(
                        p.word,
                        "have" | "get" | "a" | "an" | "the" | "one" | "real" | "actual" | "proper"
                            | "live" | "just"
                    )
                }) && toks.get(j + 1).is_some_and(|n| matches!(n.word, "have" | "get"));
            // "someone on your payments team" is as clear as a staff noun.
            let qualified = matches!(toks[k].word, "someone" | "somebody")
                && toks
                    .get(k + 1)
                    .is_some_and(|n| matches!(n.word, "on" | "from" | "in" | "at"))
                && toks
                    .get(k + 2)
                    .is_some_and(|n| matches!(n.word, "your" | "the"));
            let strong = human_noun(toks, k) == Some(true) && !people_in_general(toks, k)
                || qualified
                || practitioner_dealt_with(toks, k);
            (with && strong && ok(k)).then_some(())?;
            found(k, "prefer_a_person")
        }
        // "a callback", "get a call back", "arrange a call with an advisor", "jump on a call".
        // "den Rückruf-Kurs", "a call-centre job": a hyphen makes the call a compound's
        // first part, naming something else.
        "callback" | "callbacks" | "call" | "ruckruf" | "rueckruf" if !t.joined => {
            let asked = toks[..j]
                .iter()
                .rev()
                .take_while(|p| p.clause == t.clause)
                .any(|p| {
                    matches!(
                        p.word,
                        "get"
                            | "have"
                            | "want"
                            | "need"
                            | "arrange"
                            | "book"
                            | "request"
                            | "schedule"
                            | "possible"
                            | "can"
                            | "could"
                            | "like"
                            | "jump"
                            | "hop"
                            | "organise"
                            | "organize"
                            | "set"
                            | "bitte"
                            | "possibility"
                            | "chance"
                            | "appreciate"
                            | "welcome"
                            | "love"
                            | "prefer"
                            | "um"
                            | "mochte"
                            | "moechte"
                            | "hatte"
                            | "haette"
                            | "gerne"
                    )
                });
            // "Rückruf durch einen Techniker bitte": a plea after it asks too, in its clause
            // or in one of its own ("a callback from the surgery, please").
            let clause_end = toks[j..]
                .iter()
                .position(|p| p.clause != t.clause)
                .map(|p| j + p);
            // "a call back from sales would be ideal": wished for after it.
            let wished = toks[j + 1..].windows(3).take(4).any(|w| {
                w[0].word == "would"
                    && w[1].word == "be"
                    && matches!(
                        w[2].word,
                        "great" | "good" | "lovely" | "ideal" | "appreciated" | "helpful" | "nice"
                    )
            });
            // "could a callback be possible?", "would a call back be an option": asked whether
            // it can be had.
            let can_be_had = toks[j + 1..]
                .iter()
                .take_while(|p| p.clause == t.clause)
                .any(|p| matches!(p.word, "possible" | "available" | "option" | "doable"));
            // "yes, the callback", "a callback", "yes to the call back, same number as
            // before": the option picked, its clause (and any before it) saying nothing
            // else.
            let picked_word = |i: usize, p: &Tok<'_>| {
                i == j
                    || i == j + 1 && p.word == "back"
                    || p.is(Yes)
                    || p.is(Polite)
                    || is_filler(p.word)
                    || matches!(
                        p.word,
                        "a" | "the" | "that" | "one" | "to" | "works" | "lets" | "let" | "s"
                    )
            };
            let picked = toks
                .iter()
                .enumerate()
                .all(|(i, p)| (p.clause > t.clause && toks.len() <= 12) || picked_word(i, p))
                && toks.iter().take(j).all(|p| p.clause <= t.clause);
            let asked = asked
                || wished
                || can_be_had
                || picked
                || polite_clause(toks, clause_end)
                || toks[j + 1..]
                    .iter()
                    .take_while(|p| p.clause == t.clause)
                    .any(|p| {
                        matches!(
                            p.word,
                            "please" | "pls" | "plz" | "bitte" | "favor" | "plait" | "favore"
                        )
                    });
            // "the callback URL", "a callback function": a compound naming a thing.
            let after = j + if toks.get(j + 1).is_some_and(|n| n.word == "back") {
                2
            } else {
                1
            };
            if toks.get(after).is_some_and(|n| {
                n.clause == t.clause
                    && matches!(
                        n.word,
                        "url"
                            | "urls"
                            | "uri"
                            | "function"
                            | "functions"
                            | "handler"
                            | "handlers"
                            | "hook"
                            | "hooks"
                            | "endpoint"
                            | "endpoints"
                            | "method"
                            | "api"
                            | "parameter"
                            | "param"
                            | "number"
                            | "nummer"
                            | "numero"
                            | "field"
                    )
            }) {
                return None;
            }
            let back = t.word != "call" || toks.get(j + 1).is_some_and(|n| n.word == "back");
            let with_person = t.word == "call"
                && j > 0
                && matches!(toks[j - 1].word, "a" | "quick" | "phone")
                && (toks
                    .get(j + 1)
                    .is_some_and(|n| matches!(n.word, "with" | "from"))
                    // "a call with one of your pension advisers": a few words may
                    // say which person.
                    && ((j + 2..toks.len().min(j + 7))
                        .take_while(|&k| toks[k].clause == t.clause)
                        .any(|k| human_noun(toks, k).is_some())
                        // "a call back from your end", "a ring from your side": from
                        // the company.
                        || toks.get(j + 1).is_some_and(|n| n.word == "from")
                            && toks.get(j + 2).is_some_and(|n| n.word == "your")
                            && toks
                                .get(j + 3)
                                .is_some_and(|n| matches!(n.word, "side" | "end"))
                        // "a phone call from the clinic": from the place's people.
                        || toks.get(j + 1).is_some_and(|n| n.word == "from")
                            && toks.get(j + 2).is_some_and(|n| matches!(n.word, "the" | "your"))
                            && toks
                                .get(j + 3)
                                .is_some_and(|n| n.clause == t.clause && (n.is(Workplace) || n.is(Dept))))
                    || (0..j).any(|i| toks[i].clause == t.clause && human_noun(toks, i).is_some()));
            // A call back is asked for a time to come: only a refusal or a past event stops it.
            let past = toks[..j]
                .iter()
                .any(|p| p.clause == t.clause && p.is(PastAux));
            ((back || with_person) && asked && !past && !refused(toks, j)).then_some(())?;
            found(j, "call_back")
        }
        // "is somebody from billing around?", "are any agents free at the moment?"
        "is" | "are" | "any" | "ist" | "sind" => {
            // "is the duty manager around", "are any of your billing clerks free".
            let k = person_after(j + 1, 5)?;
            // "any notes your cleaners made": "any" of a thing, the person further on.
            if t.word == "any"
                && !(j + 1..k).all(|i| matches!(toks[i].word, "of" | "your" | "the" | "ur"))
            {
                return None;
            }
            // "is anyone else out there…" asks the world, not the company.
            if toks.get(k + 1).is_some_and(|n| n.word == "else") {
                return None;
            }
            // "… working today?", "… reading this?": the question ends on the time or
            // what is read ("any person reading this would agree" says something else).
            let ends_at = |v: usize| {
                toks[v + 1..]
                    .iter()
                    .take_while(|n| n.clause == t.clause)
                    .all(|n| {
                        matches!(
                            n.word,
                            "today"
                                | "tonight"
                                | "now"
                                | "right"
                                | "at"
                                | "the"
                                | "moment"
                                | "currently"
                                | "this"
                                | "these"
                                | "messages"
                                | "chat"
                                | "chats"
                                | "there"
                                | "here"
                                | "all"
                                | "or"
                                | "what"
                                | "anyone"
                        ) || n.is(Polite)
                    })
            };
            let free = in_clause(k + 1, 6).any(|v| {
                // "someone about to retire": "about to" tells what comes next, not presence.
                if toks[v].word == "about" && toks.get(v + 1).is_some_and(|n| n.word == "to") {
                    return false;
                }
                matches!(
                    toks[v].word,
                    "free"
                        | "available"
                        | "around"
                        | "online"
                        | "about"
                        | "there"
                        | "erreichbar"
                        | "verfugbar"
                        | "frei"
                        | "da"
                        | "disponible"
                        | "disponibile"
                        | "disponivel"
                        | "libre"
                ) || matches!(
                    toks[v].word,
                    // "any humans working this morning?", "is anybody on duty", "anyone
                    // listening?": at work now.
                    "working" | "duty" | "answering" | "listening" | "reading"
                ) && ends_at(v)
                    // "is the nurse who saw me last month still working there": whether one
                    // person still works there, asked about.
                    && !(k + 1..v).any(|i| matches!(toks[i].word, "who" | "that" | "still"))
                    // "is anyone in the office today?", "anybody at the desk?": at the
                    // workplace, now.
                    || matches!(toks[v].word, "in" | "at")
                        && v == k + 1
                        && toks.get(v + 1).is_some_and(|n| matches!(n.word, "the" | "your"))
                        && toks.get(v + 2).is_some_and(|n| {
                            matches!(
                                n.word,
                                "office" | "shop" | "store" | "branch" | "desk" | "reception"
                                    | "clinic" | "workshop" | "practice" | "depot" | "yard"
                            )
                        })
            });
            // "is the Ask a Nurse service free?": a service named, not a person.
            let named_service = toks.get(k + 1).is_some_and(|n| names_a_service(n.word));
            // "are the desk staff there on Sundays?", "is anyone around in the evenings?":
            // when people are there, asked about, not a person asked for now.
            let as_a_rule = toks[k + 1..]
                .iter()
                .take_while(|n| n.clause == t.clause)
                .any(|n| {
                    matches!(
                        n.word,
                        "mondays"
                            | "tuesdays"
                            | "wednesdays"
                            | "thursdays"
                            | "fridays"
                            | "saturdays"
                            | "sundays"
                            | "weekends"
                            | "weekdays"
                            | "evenings"
                            | "mornings"
                            | "nights"
                            | "overnight"
                            | "holidays"
                            | "usually"
                            | "normally"
                            | "generally"
                            | "every"
                    )
                });
            (free && !named_service && !as_a_rule && ok(k)).then_some(())?;
            found(k, "is_there")
        }
        // "I just want to hear a human voice".
        "hear" | "hearing" => {
            // "I'd rather hear it from an actual person".
            // "I'd like to hear back from one of you today": heard back from, any of the
            // people who work there is asked to answer.
            let back = toks.get(j + 1).is_some_and(|b| b.word == "back");
            if let Some(k) = in_clause(j + 1, 5).find(|&k| toks[k].word == "from")
                && let Some(p) = person_after(k + 1, 3)
                && (human_noun(toks, p) == Some(true) || back && human_noun(toks, p).is_some())
                && ok(j)
            {
                return found(p, "hear_a_person");
            }
            let v = in_clause(j + 1, 4)
                .find(|&v| matches!(toks[v].word, "voice" | "voz" | "voix" | "stimme"))?;
            let real = toks[j + 1..v]
                .iter()
                .any(|p| matches!(p.word, "real" | "actual" | "human" | "live" | "friendly"));
            (real && ok(j)).then_some(())?;
            found(v, "hear_a_person")
        }
        _ => {
            // "perhaps someone in billing could check it?": the person first,
            // then what they are asked to do. People in general ("people can listen to
            // it in full") are told about, not asked.
            human_noun(toks, j)?;
            if matches!(
                t.word,
                "people" | "persons" | "humans" | "folks" | "everyone"
            ) {
                return None;
            }
            // A person qualified first ("somebody who knows the system could…"); a bare
            // "anybody can explain that?" is a question to the world.
            // A person named by a clear noun needs no qualification ("one of your
            // advisers could take a look").
            // So does a role ("a technician could give me a ring"), weak only because it
            // may be the customer's own, which `human_noun` has already ruled out.
            let from = if !matches!(
                t.word,
                "someone"
                    | "somebody"
                    | "somone"
                    | "sum1"
                    | "some1"
                    | "anyone"
                    | "anybody"
                    | "whoever"
                    | "individual"
                    | "soul"
                    | "souls"
            ) {
                j + 1
            } else {
                j + 2
            };
            let m = in_clause(from, 6)
                .find(|&m| matches!(toks[m].word, "could" | "can" | "would" | "might"))
                // "a real person should handle this": what ought to be, a request.
                // One person, not people in general ("more people should check it out").
                .or_else(|| {
                    toks.get(j + 1)
                        .filter(|n| {
                            n.word == "should"
                                && n.clause == t.clause
                                && t.word != "people"
                                && !t.word.ends_with('s')
                        })
                        .map(|_| j + 1)
                })?;
            // "someone who can just approve this": an adverb may come first.
            let mut v = m + 1;
            while toks
                .get(v)
                .is_some_and(|n| matches!(n.word, "just" | "actually" | "please" | "maybe"))
            {
                v += 1;
            }
            let v = toks
                .get(v)
                .filter(|v| v.clause == t.clause && help_verb(v.word))?;
            if asks_how_it_works(toks, m, m) {
                return None;
            }
            // "the engineer said it could take weeks": what the person said, reported;
            // so is "they told me a nurse would phone": what someone said would happen.
            let reporting = |w: &str| {
                matches!(
                    w,
                    "said"
                        | "says"
                        | "told"
                        | "tells"
                        | "reckons"
                        | "mentioned"
                        | "thinks"
                        | "promised"
                )
            };
            let told = toks[j..m]
                .iter()
                .any(|p| p.is(PastAux) || reporting(p.word))
                || toks[..j]
                    .iter()
                    .rev()
                    .take(3)
                    .take_while(|p| p.sentence == t.sentence)
                    .any(|p| reporting(p.word));
            // "somebody else on our plan who could sign": another holder, not the staff.
            let holder = toks.get(j + 1).is_some_and(|n| n.word == "else")
                || toks[j + 1..m]
                    .windows(2)
                    .any(|w| matches!(w[0].word, "on" | "in") && matches!(w[1].word, "my" | "our"))
                // "… who could take the delivery, maybe a friend": a proxy of the customer's.
                || toks[j..]
                    .iter()
                    .take_while(|n| n.sentence == t.sentence)
                    .any(|n| names_a_proxy(n.word))
                // "add my mum as someone who can pick up": a role the customer names.
                || toks[..j]
                    .iter()
                    .rev()
                    .take(2)
                    .take_while(|p| p.clause == t.clause)
                    .any(|p| p.word == "as");
            (!told && !holder && ok(j) && !matches!(v.word, "call" | "ring")).then_some(())?;
            found(m + 1, "staff_asked_to_help")
        }
    }
}

/// "escalate? nah, not yet", "transfer me? no, I'll try again first": a short question of
/// the customer's own, answered no in the next sentence.
fn asked_and_answered_no(toks: &[Tok<'_>]) -> bool {
    let Some(second) = toks.iter().position(|t| t.sentence != toks[0].sentence) else {
        return false;
    };
    second <= 4
        && matches!(
            toks[second].word,
            "nah" | "no" | "nope" | "nein" | "non" | "nao"
        )
        && toks.get(second + 1).is_some_and(|n| {
            matches!(
                n.word,
                "not" | "nicht" | "pas" | "ancora" | "todavia" | "i" | "ill" | "lets" | "need"
            )
        })
}

pub(super) fn detect_in(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    if asked_and_answered_no(toks) {
        return None;
    }
    detect_unanswered(toks)
}

/// Whether `word` names a message one hands on: "pass my regards on to the nurse".
fn is_message(word: &str) -> bool {
    matches!(
        word,
        "thanks"
            | "regards"
            | "compliments"
            | "gratitude"
            | "appreciation"
            | "apologies"
            | "message"
            | "feedback"
            | "comments"
            | "congratulations"
            | "best"
            | "love"
            | "praise"
    )
}

/// "(que un técnico se) ponga en contacto conmigo", "(qualcuno si) metta in contatto con
/// me", "(que quelqu'un) prenne contact avec moi", "(que alguém) entre em contato comigo":
/// the subjunctive at `v` of getting in touch, with the customer.
fn in_touch_with_me(toks: &[Tok<'_>], v: usize) -> bool {
    let w = |i: usize| toks.get(i).map_or("", |t| t.word);
    match w(v) {
        "ponga" | "pongan" => (w(v + 1), w(v + 2), w(v + 3)) == ("en", "contacto", "conmigo"),
        "metta" | "mettano" => {
            (w(v + 1), w(v + 2), w(v + 3), w(v + 4)) == ("in", "contatto", "con", "me")
        }
        "prenne" | "prennent" => (w(v + 1), w(v + 2), w(v + 3)) == ("contact", "avec", "moi"),
        "entre" | "entrem" => {
            w(v + 1) == "em" && matches!(w(v + 2), "contato" | "contacto") && w(v + 3) == "comigo"
        }
        _ => false,
    }
}

/// Whether `word` sends someone out: "send", "schicken", "mandatemi", "envoyez".
fn is_send(word: &str) -> bool {
    word == "send" || SENDING.contains(&word)
}

/// Whether `toks[j]` is a noun of conversation after an article and before "with"
/// ("a conversation with", "un colloquio con", "un entretien avec", "ein Gespräch mit").
fn conversation_with(toks: &[Tok<'_>], j: usize) -> bool {
    matches!(
        toks[j].word,
        "conversation"
            | "colloquio"
            | "conversazione"
            | "entretien"
            | "gesprach"
            | "conversacion"
            | "conversa"
    ) && j > 0
        && {
            // "a real conversation with", "a quick conversation with".
            let article = if j > 1
                && matches!(
                    toks[j - 1].word,
                    "real" | "proper" | "actual" | "quick" | "short" | "brief" | "live" | "human"
                ) {
                j - 2
            } else {
                j - 1
            };
            matches!(
                toks[article].word,
                "a" | "an" | "un" | "uno" | "una" | "ein" | "einem" | "uma" | "one"
            )
        }
        && toks
            .get(j + 1)
            .is_some_and(|n| matches!(n.word, "with" | "con" | "avec" | "mit" | "com"))
}

fn detect_unanswered(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    // Identity questions are not requests: "am I talking to a real person?", "are you human?"
    let identity_question = |j: usize| {
        j >= 2 && matches!(toks[j - 2].word, "am" | "are") && matches!(toks[j - 1].word, "i" | "we")
    };

    for j in 0..toks.len() {
        let t = &toks[j];
        if let Some(m) = person_does_it(toks, j)
            .or_else(|| call_from_person(toks, j))
            .or_else(|| talk_to_the_one_asked_about(toks, j))
            .or_else(|| matter_passed_as_wished(toks, j))
            .or_else(|| callback_to_me(toks, j))
            .or_else(|| connected_with_unnamed(toks, j))
            .or_else(|| available_to_talk(toks, j))
            .or_else(|| pronoun_asked_to_contact(toks, j))
            .or_else(|| hears_from_person(toks, j))
        {
            return Some(m);
        }
        // "can I have a word with your manager": the idiom is a verb of talking.
        let a_word_with = t.word == "word"
            && j > 0
            && (toks[j - 1].word == "a"
                || j > 1
                    && toks[j - 2].word == "a"
                    && matches!(toks[j - 1].word, "quick" | "brief" | "short" | "quiet"))
            && toks
                .get(j + 1)
                .is_some_and(|n| n.word == "with" || n.word == "w")
            // "vorrei una conversazione con un responsabile", "ein Gespräch mit dem Chef":
            // a conversation asked for is talking.
            || conversation_with(toks, j);
        // "get me across to the fraud team": "get" moving the customer is a hand-over.
        // Any verb moving the customer "over to" someone is one too: "bounce me over to
        // billing", "flick me across to the claims team".
        let get_me_to = toks.get(j + 1).is_some_and(|n| n.word == "me")
            && (t.word == "get"
                && toks.get(j + 2).is_some_and(|n| {
                    matches!(n.word, "across" | "through" | "thru" | "over" | "to")
                })
                || !matches!(t.word, "talk" | "walk" | "take" | "run" | "show" | "guide")
                    && toks
                        .get(j + 2)
                        .is_some_and(|n| matches!(n.word, "across" | "through" | "thru" | "over"))
                    && toks.get(j + 3).is_some_and(|n| n.word == "to"))
            // "chuck it across to a real human": the matter moved on to someone.
            || toks
                .get(j + 1)
                .is_some_and(|n| matches!(n.word, "this" | "it"))
                && matches!(
                    t.word,
                    "kick" | "bump" | "bounce" | "flick" | "shunt" | "punt" | "push" | "toss"
                        | "chuck" | "throw" | "shift"
                )
                && toks
                    .get(j + 2)
                    .is_some_and(|n| matches!(n.word, "across" | "over"))
                && toks.get(j + 3).is_some_and(|n| n.word == "to");
        // "the AI chat", "your live chat", "this call": the talking named as a thing.
        let named_thing = matches!(t.word, "chat" | "chats" | "call" | "calls" | "talk")
            && j > 0
            && (toks[j - 1].is(Bot) || matches!(toks[j - 1].word, "the" | "your"));
        // "go over it with someone from bookings", "run through the plans with a designer":
        // a talk, said with "go over" and who it is with.
        let go_over_with = matches!(t.word, "go" | "run" | "sort")
            && toks.get(j + 1).is_some_and(|n| matches!(n.word, "over" | "through" | "it" | "this" | "things" | "everything"))
            // The person right after "with" ("sort this with you than wait for a person"
            // keeps it with the AI).
            && (j + 2..toks.len().min(j + 6))
                .take_while(|&k| toks[k].clause == t.clause)
                .find(|&k| toks[k].word == "with")
                .and_then(|w| {
                    (w + 1..toks.len().min(w + 5))
                        .find(|&k| !matches!(toks[k].word, "a" | "an" | "the" | "one" | "of" | "your"))
                })
                .is_some_and(|k| human_noun(toks, k).is_some());
        let verb = (t.is(Talk) || t.is(Contact)) && !named_thing
            || a_word_with
            || get_me_to
            || go_over_with;
        // German "will" wants; English "will a person need to…" asks about the future.
        let english_will = t.word == "will"
            && toks.get(j + 1).is_some_and(|n| {
                matches!(
                    n.word,
                    "a" | "an" | "the" | "someone" | "somebody" | "anyone" | "anybody" | "you"
                )
            });
        // British "I'm after a manager": wanting one.
        let after = t.word == "after" && j > 0 && matches!(toks[j - 1].word, "im" | "am");
        // "they're like one after another": "like" as a filler or a comparison, not a wish
        // (which has its wisher: "I'd like", "would like", "we like").
        // A voice caller's "uhh like a person", "ja like a human" still asks: the filler
        // before a bare person after a filler, a yes or a menu digit.
        let filler_like = t.word == "like"
            && !(j == 0 && toks.len() <= 12)
            && !(j > 0
                && (matches!(
                    toks[j - 1].word,
                    "i" | "id"
                        | "d"
                        | "would"
                        | "we"
                        | "wed"
                        | "youd"
                        | "really"
                        | "just"
                        | "also"
                        | "still"
                        | "much"
                        | "so"
                        | "not"
                        | "dont"
                        | "do"
                        | "should"
                        | "might"
                ) || is_filler(toks[j - 1].word)
                    || toks[j - 1].is(Yes)
                    || is_zero(toks[j - 1].word)));
        let frame = t.is(Frame) && !english_will && !filler_like || after;
        if verb || frame {
            // "the alarm isn't calling anyone", "he was talking to someone": a description
            // of what someone else is doing, not a request.
            // "spent an hour talking to a manager": the same, told as history.
            if t.word.ends_with("ing")
                && j > 0
                && (matches!(
                    toks[j - 1].word,
                    "is" | "isnt"
                        | "are"
                        | "arent"
                        | "was"
                        | "wasnt"
                        | "were"
                        | "werent"
                        | "s"
                        | "keeps"
                        | "kept"
                ) || toks[..j].iter().any(|p| {
                    p.sentence == t.sentence && matches!(p.word, "spent" | "been" | "was" | "were")
                }))
            {
                continue;
            }
            // "does the log splitter need a trained operator?": what a thing needs, asked.
            if matches!(t.word, "need" | "needs" | "require" | "requires")
                && toks[..j]
                    .iter()
                    .rposition(|p| {
                        p.clause == t.clause && matches!(p.word, "does" | "do" | "will" | "would")
                    })
                    .is_some_and(|a| {
                        toks.get(a + 1).is_some_and(|n| {
                            matches!(
                                n.word,
                                "the"
                                    | "this"
                                    | "that"
                                    | "it"
                                    | "a"
                                    | "an"
                                    | "your"
                                    | "these"
                                    | "those"
                            )
                        })
                    })
            {
                continue;
            }
            // "I handed the keys over to the manager", "we phoned the office": the
            // customer's own past act, told.
            if verb
                && !t.is(Frame)
                && t.word.ends_with("ed")
                && j > 0
                && matches!(toks[j - 1].word, "i" | "we")
            {
                continue;
            }
            // "you've got to hand it to the director": credit given, an idiom; "what we
            // demand of the director": what is expected of someone.
            if t.word == "hand"
                && toks.get(j + 1).is_some_and(|n| n.word == "it")
                && toks.get(j + 2).is_some_and(|n| n.word == "to")
                && toks[j.saturating_sub(3)..j]
                    .iter()
                    .any(|p| matches!(p.word, "got" | "gotta" | "have" | "must"))
                || matches!(t.word, "demand" | "demanded" | "demands")
                    && toks.get(j + 1).is_some_and(|n| n.word == "of")
            {
                continue;
            }
            // "contact person" is a compound noun, not a request.
            if t.is(Contact)
                && toks
                    .get(j + 1)
                    .is_some_and(|n| n.word == "person" || n.word == "persons")
            {
                continue;
            }
            if identity_question(j) || not_now(toks, j) {
                continue;
            }
            // "I said agent", "I mean a person": only in the first person.
            // "I'm asking for…", "we are asking for…" too.
            let first_person = j > 0
                && (matches!(toks[j - 1].word, "i" | "im" | "we")
                    || j > 1
                        && matches!(toks[j - 1].word, "am" | "m" | "are" | "re")
                        && matches!(toks[j - 2].word, "i" | "we"));
            if matches!(t.word, "said" | "mean" | "meant" | "asked" | "asking") && !first_person {
                continue;
            }
            // "a call to", "on the phone with": a noun.
            if t.is(Contact)
                && !t.is(Talk)
                && j > 0
                && matches!(
                    toks[j - 1].word,
                    "a" | "the"
                        | "my"
                        | "your"
                        | "this"
                        | "that"
                        | "every"
                        | "each"
                        | "last"
                        | "previous"
                        | "first"
                        | "latest"
                )
            {
                continue;
            }
            // Hand-over verbs take the customer or the conversation as object: "pass me
            // to", "hand this over", "move me to"; "deal" takes "with".
            if matches!(
                t.word,
                "pass"
                    | "passing"
                    | "hand"
                    | "handing"
                    | "move"
                    | "switch"
                    | "route"
                    | "routing"
                    | "forward"
                    | "forwarding"
                    | "patch"
                    | "loop"
                    | "looping"
                    | "link"
                    | "hook"
            ) && !(j > 0 && matches!(toks[j - 1].word, "be" | "being" | "get" | "getting"))
                && !toks.get(j + 1).is_some_and(|n| {
                    matches!(n.word, "me" | "us" | "this" | "it" | "the")
                    // "pass my call to", not "pass my regards on to the nurse": a message
                    // handed on is not the customer.
                    || n.word == "my" && toks.get(j + 2).is_none_or(|m| !is_message(m.word))
                    // "loop someone from billing in".
                    || t.word == "loop"
                        && (human_noun(toks, j + 1).is_some()
                            || n.is(Skip) && human_noun(toks, j + 2).is_some())
                    || matches!(
                        (t.word, n.word),
                        ("loop" | "looping", "in") | ("hand", "off")
                    )
                })
            {
                continue;
            }
            if matches!(t.word, "deal" | "dealing" | "dealt")
                && toks.get(j + 1).is_none_or(|n| n.word != "with")
            {
                continue;
            }
            // "¿a qué hora suele pasar el técnico?", "quand passe le technicien": the person
            // comes by; a hand-over takes the person after "con", "a", "al" ("pásame con") or
            // the customer before ("pourriez-vous me passer la responsable").
            if matches!(
                t.word,
                "pasar"
                    | "pasa"
                    | "pase"
                    | "pasen"
                    | "passer"
                    | "passe"
                    | "passa"
                    | "passare"
                    | "passar"
            ) && !(j > 0 && matches!(toks[j - 1].word, "me" | "m" | "mi" | "nous" | "nos"))
                && toks.get(j + 1).is_some_and(|n| {
                    matches!(
                        n.word,
                        "el" | "la" | "los" | "las" | "le" | "les" | "il" | "lo" | "o"
                    )
                })
                && human_noun(toks, j + 2).is_some()
            {
                continue;
            }
            // "order phones for the team", "two new lines": a thing bought, not a verb.
            if matches!(
                t.word,
                "phone" | "phones" | "line" | "lines" | "call" | "calls"
            ) && j > 0
                && (matches!(
                    toks[j - 1].word,
                    "order"
                        | "buy"
                        | "bought"
                        | "new"
                        | "extra"
                        | "spare"
                        | "more"
                        | "two"
                        | "three"
                        | "four"
                        | "five"
                        | "six"
                        | "ten"
                        | "twelve"
                        | "some"
                        | "few"
                        | "mobile"
                        | "work"
                        | "office"
                        | "their"
                        | "our"
                ) || own_possessive(toks[j - 1].word))
            {
                continue;
            }
            // "put my other SIM in", "put our names down": a thing placed; "put my call
            // through" is still handed over.
            if t.word == "put"
                && toks.get(j + 1).is_some_and(|n| own_possessive(n.word))
                && toks
                    .get(j + 2)
                    .is_none_or(|n| !matches!(n.word, "call" | "calls" | "complaint" | "case"))
            {
                continue;
            }
            // "on the other hand", "second hand": a noun.
            if t.word == "hand"
                && j > 0
                && matches!(
                    toks[j - 1].word,
                    "other" | "second" | "first" | "the" | "a" | "my" | "your" | "left" | "right"
                )
            {
                continue;
            }
            // "one of" picks a person out of a group, and adds nothing to the gap.
            let one_of = toks[j + 1..toks.len().min(j + 2 + MAX_GAP)]
                .windows(2)
                .any(|w| w[0].word == "one" && w[1].word == "of");
            // "the out of hours doctor": a three-word modifier adds two words to the gap.
            let out_of_hours = toks[j + 1..toks.len().min(j + 2 + MAX_GAP)]
                .windows(3)
                .any(|w| w[0].word == "out" && w[1].word == "of" && w[2].word == "hours");
            // "discuss the cracked veneer on the sideboard with…": what is discussed may be
            // a longer phrase (read word by word below).
            let discussing = matches!(t.word, "discuss" | "discussing");
            let reach = j
                + 2
                + MAX_GAP
                + if one_of || out_of_hours { 2 } else { 0 }
                + if discussing { 3 } else { 0 };
            for k in j + 1..toks.len().min(reach) {
                let n = &toks[k];
                if n.clause != t.clause {
                    break;
                }
                // "put us through to repairs", "can I speak to sales?"
                // "put us on yearly billing", "move me to paperless billing": a way of
                // being billed, not the department.
                let billing_mode = matches!(
                    toks[k - 1].word,
                    "annual"
                        | "yearly"
                        | "monthly"
                        | "quarterly"
                        | "weekly"
                        | "paperless"
                        | "paper"
                        | "online"
                        | "electronic"
                        | "automatic"
                        | "direct"
                );
                // "talk about my billing": the department is the topic, not the one
                // talked to.
                let topic = (j + 1..k).any(|i| {
                    matches!(
                        toks[i].word,
                        "about" | "regarding" | "concerning" | "sobre" | "uber" | "riguardo"
                    )
                }) || own_possessive(toks[k - 1].word);
                // "the transfer desk at the airport": the verb's word naming a desk.
                let named_desk = j > 0
                    && matches!(
                        toks[j - 1].word,
                        "the" | "a" | "an" | "your" | "my" | "our" | "this" | "that"
                    );
                if (t.is(Talk) || t.word == "send" || get_me_to)
                    && n.is(Dept)
                    && !billing_mode
                    && !topic
                    && !named_desk
                    && (j + 1..k).all(|i| {
                        toks[i].is(Skip)
                            || toks[i].is(Polite)
                            || dept_modifier(toks, i)
                            // "send my call on to the claims desk": the customer's call or
                            // case is what is passed on.
                            || handed_matter(toks, i)
                            // "pass me on to repairs", "send me across to sales".
                            || matches!(toks[i].word, "on" | "across" | "over")
                                && toks[i - 1].word == "me"
                    })
                    && toks.get(k + 1).is_none_or(|m| {
                        m.clause != n.clause
                            || m.is(Polite)
                            // "… to the membership desk if possible", "… now": how soon,
                            // asked politely.
                            || m.word == "if"
                                && toks.get(k + 2).is_some_and(|p| {
                                    matches!(p.word, "possible" | "poss" | "you")
                                })
                            || matches!(m.word, "now" | "asap" | "straight" | "immediately")
                            // "por favor", "per favore", "s'il vous plaît".
                            || matches!(m.word, "por" | "per")
                                && toks.get(k + 2).is_some_and(|f| f.word.starts_with("favo"))
                            || matches!(m.word, "s" | "sil")
                                && toks.get(k + 2).is_some_and(|f| matches!(f.word, "il" | "vous"))
                            || m.is(Dept)
                            // "le service réservation des autocars", "das Sekretariat der
                            // Musikschule", "the front desk at the clinic": whose department.
                            || matches!(
                                m.word,
                                "des" | "du" | "de" | "del" | "della" | "do" | "da" | "der" | "at"
                            )
                            // "talk to reception about my pass": what about ends the name
                            // ("the billing address" goes on naming a thing).
                            || matches!(
                                m.word,
                                "about" | "regarding" | "concerning" | "re" | "sobre" | "wegen"
                                    | "riguardo" | "concernant"
                            )
                            // "el departamento de facturación", "le service facturation".
                            || dept_head(n.word)
                            // "the refunds lot", "the billing folks": the people of it.
                            || matches!(
                                m.word,
                                "lot" | "crowd" | "folks" | "folk" | "guys" | "people" | "lads"
                                    | "gang" | "bunch"
                            ) && toks.get(k + 2).is_none_or(|f| f.clause != n.clause || f.is(Polite))
                    })
                    && !refused(toks, j)
                    // "my tutor said to ask the finance office": advice reported.
                    && !reported(toks, j)
                {
                    return Some(ExplicitMatch {
                        phrase: phrase(toks, j, k),
                        pattern: "verb_department",
                    });
                }
                // A compound's head is its last noun: "team leader", "support agent".
                if human_noun(toks, k).is_some()
                    && toks
                        .get(k + 1)
                        .is_some_and(|n| n.clause == t.clause && n.is(StrongNoun))
                {
                    continue;
                }
                // "want to add three employees": the noun is another verb's object.
                if !verb
                    && n.classes.is_empty()
                    && toks[k - 1].word == "to"
                    && k - 1 > j
                    && !n.word.ends_with("ly")
                {
                    break;
                }
                // "talk to the sweep who did our flue", "speak to the pilot who's flying
                // us": "who" says a noun the lexicon does not know is a person, asked for
                // through a verb of talking.
                if verb
                    && t.is(Talk)
                    && n.classes.is_empty()
                    && n.word.len() >= 3
                    && matches!(
                        toks[k - 1].word,
                        "the" | "a" | "an" | "your" | "ur" | "that"
                    )
                    && toks
                        .get(k + 1)
                        .is_some_and(|w| matches!(w.word, "who" | "whos") && w.clause == n.clause)
                    && !refused(toks, j)
                    && !reported(toks, j)
                    && !not_now(toks, j)
                {
                    return Some(ExplicitMatch {
                        phrase: phrase(toks, j, k),
                        pattern: "verb_noun",
                    });
                }
                // "I need an expert to talk me through it": wanted to talk the customer
                // through, or guide them, only a person can be.
                if !verb
                    && (n.classes.is_empty() || human_noun(toks, k) == Some(false))
                    // "an app to talk me through it", "a video to walk me through it".
                    && !sends_messages(n.word)
                    && !matches!(
                        n.word,
                        "video" | "videos" | "tutorial" | "manual" | "leaflet" | "diagram"
                            | "walkthrough" | "recording" | "document" | "doc" | "link" | "page"
                    )
                    && matches!(toks[k - 1].word, "a" | "an" | "someone" | "somebody")
                    && toks.get(k + 1).is_some_and(|w| w.word == "to")
                    && toks.get(k + 2).is_some_and(|w| {
                        matches!(w.word, "talk" | "walk" | "guide" | "take" | "coach")
                    })
                    && toks.get(k + 3).is_some_and(|w| matches!(w.word, "me" | "us"))
                    && toks[k + 4..]
                        .iter()
                        .take(3)
                        .take_while(|w| w.clause == n.clause)
                        .any(|w| w.word == "through")
                    && !refused(toks, j)
                    && !reported(toks, j)
                    && !not_now(toks, j)
                {
                    return Some(ExplicitMatch {
                        phrase: phrase(toks, j, k + 3),
                        pattern: "want_noun",
                    });
                }
                if let Some(strong) = human_noun(toks, k) {
                    // "a lot to ask people to…": asking people in general is no request.
                    // "ask people", "how long do you take to get back to people": anyone,
                    // the service's customers, no one asked for.
                    let general =
                        matches!(toks[k].word, "people" | "persons" | "humans" | "everyone")
                            && (t.word == "ask"
                                || k >= 2
                                    && toks[k - 1].word == "to"
                                    && matches!(toks[k - 2].word, "back" | "reply" | "respond"));
                    // "I'll speak to my accountant and get back to you": the customer's
                    // own person, talked to later, not staff asked for.
                    let own_later = k > 0
                        && matches!(toks[k - 1].word, "my" | "our")
                        && toks[..j]
                            .iter()
                            .rev()
                            .take(3)
                            .any(|p| matches!(p.word, "ill" | "will" | "gonna" | "going"));
                    // "an agent told me last week…": an exchange told, not asked for.
                    let told_by = toks.get(k + 1).is_some_and(|n| {
                        matches!(
                            n.word,
                            "told" | "said" | "promised" | "assured" | "explained" | "insisted"
                        )
                    });
                    // "ask your engineer to stop ringing me": a message to pass on, that
                    // the person should not do something.
                    let stop_message = t.word == "ask"
                        && toks.get(k + 1).is_some_and(|n| n.word == "to")
                        && toks
                            .get(k + 2)
                            .is_some_and(|n| matches!(n.word, "stop" | "quit" | "not" | "never"));
                    // "send us an engineer", "schicken Sie uns jemanden vorbei": someone
                    // sent out to deal with it.
                    let sent_out = is_send(t.word)
                        && toks[j + 1..k].iter().any(|p| {
                            matches!(p.word, "me" | "us" | "mir" | "uns" | "moi" | "nous")
                        })
                        // Not "send me the engineer's report": the person ends the phrase.
                        && toks.get(k + 1).is_none_or(|n| {
                            n.clause != t.clause
                                || n.is(Skip)
                                || n.is(Polite)
                                || matches!(
                                    n.word,
                                    "who" | "that" | "out" | "round" | "over" | "che" | "der"
                                        | "die" | "qui" | "que"
                                )
                        });
                    // "wire cash to a relative overseas", "give a gift to a colleague": a
                    // thing given, the person who gets it.
                    let given_to = matches!(t.word, "send" | "give" | "wire" | "pay" | "post")
                        && toks[j + 1..k].iter().any(|p| p.word == "to")
                        && toks[j + 1..k].iter().any(|p| {
                            p.word.bytes().all(|b| b.is_ascii_digit())
                                || matches!(
                                    p.word,
                                    "money"
                                        | "cash"
                                        | "funds"
                                        | "payment"
                                        | "payments"
                                        | "transfer"
                                        | "gift"
                                        | "gifts"
                                        | "present"
                                        | "parcel"
                                        | "package"
                                        | "flowers"
                                        | "pounds"
                                        | "dollars"
                                        | "euros"
                                )
                        });
                    // "ringing as the executor of the estate": the speaker's role.
                    let as_role = toks[j + 1..k].iter().any(|p| p.word == "as");
                    // "we'll let the manager know": a message for the person, not a request.
                    let let_know =
                        t.word == "let" && toks.get(k + 1).is_some_and(|n| n.word == "know");
                    // "ringing to say the plumber was great", "calling to thank the nurse":
                    // the call carries a message about the person.
                    let message_about = toks[j + 1..k].iter().any(|p| {
                        matches!(
                            p.word,
                            "say" | "tell" | "thank" | "report" | "mention" | "confirm" | "praise"
                        )
                    });
                    // "assign a person to my complaint", not "how do I assign an agent to a
                    // ticket" (a feature of the product).
                    let assigned_elsewhere = matches!(t.word, "assign" | "allocate")
                        && !toks
                            .get(j + 1)
                            .is_some_and(|n| matches!(n.word, "me" | "us"))
                        && !toks[k + 1..toks.len().min(k + 4)].windows(2).any(|w| {
                            w[0].word == "to" && matches!(w[1].word, "my" | "our" | "me" | "us")
                        });
                    // "ask about the physio sessions": the topic asked about, whoever
                    // it names; "bring someone with me": company brought along.
                    let about_topic = toks.get(j + 1).is_some_and(|n| n.word == "about")
                        && !toks[j + 1..k]
                            .iter()
                            .any(|p| matches!(p.word, "with" | "to"));
                    let brought_along = t.word == "bring"
                        && toks
                            .get(k + 1)
                            .is_some_and(|n| matches!(n.word, "with" | "along"));
                    let clause_from = toks[..j]
                        .iter()
                        .rposition(|p| p.clause != t.clause)
                        .map_or(0, |p| p + 1);
                    let before = &toks[clause_from..j];
                    // "I'll ask somebody at work": the customer will ask a person of their
                    // own, not for one ("I'll ask for a supervisor" still asks).
                    let own_ask = t.word == "ask"
                        && toks.get(j + 1).is_some_and(|n| n.word != "for")
                        && (before
                            .iter()
                            .any(|p| matches!(p.word, "ill" | "well" | "gonna"))
                            || before
                                .windows(2)
                                .any(|w| matches!(w[0].word, "i" | "we") && w[1].word == "will"));
                    // "I was going to ring a supervisor but…", "we were about to call an agent":
                    // an act given up.
                    let given_up = before.windows(3).any(|w| {
                        matches!(w[0].word, "was" | "were")
                            && matches!(w[1].word, "about" | "going")
                            && w[2].word == "to"
                    });
                    // "connect the driver to the new laptop": the noun is what is connected
                    // to something else, not whom the customer is put through to.
                    let connected_to_thing = matches!(
                        t.word,
                        "connect" | "transfer" | "forward" | "route" | "patch" | "link"
                    ) && !toks[j + 1..k]
                        .iter()
                        .any(|p| matches!(p.word, "me" | "us" | "to" | "with" | "through"))
                        && toks
                            .get(k + 1)
                            .is_some_and(|n| matches!(n.word, "to" | "into" | "with" | "onto"));
                    // "how could you send someone like this?!", "why did you send a trainee":
                    // a reproach for what was done, not a person asked for.
                    let reproach = before.windows(3).any(|w| {
                        matches!(
                            (w[0].word, w[1].word),
                            ("how", "could" | "dare" | "did") | ("why", "did" | "would")
                        ) && w[2].word == "you"
                    });
                    // "my mum would rather have a human": another's preference.
                    let others_wish = before.windows(3).any(|w| {
                        !matches!(w[0].word, "i" | "we")
                            && w[1].word == "would"
                            && matches!(w[2].word, "rather" | "sooner")
                    }) || others_wish_set_aside(toks, j, k);
                    // "our solicitor will write to your claims people": what
                    // someone of the customer's will do, told, not asked.
                    let others_will = (2..before.len()).any(|w| {
                        matches!(before[w].word, "will" | "ll" | "shall")
                            && (w.saturating_sub(3)..w - 1).any(|p| own_possessive(before[p].word))
                            // "my wife will need a word with an adviser" still asks.
                            && !before[w + 1..]
                                .iter()
                                .any(|p| p.is(Desire) || p.is(Frame))
                    });
                    // "a letter explaining why the installers need access": the person is
                    // the subject of a question the verb carries, not the one contacted.
                    let wh_between = toks[j + 1..k].iter().any(|p| {
                        matches!(
                            p.word,
                            "why" | "how" | "whether" | "what" | "pourquoi" | "warum" | "perche"
                        )
                    });
                    // "I need someone to come and change the locks tomorrow morning", "send
                    // someone out to look at it Thursday": a visit booked for a day to come,
                    // the service's work, not a person to talk to now.
                    let visit_booked = toks
                        .get(k + 1)
                        .is_some_and(|n| matches!(n.word, "to" | "out" | "round" | "over"))
                        && toks[k + 1..]
                            .iter()
                            .take(3)
                            .any(|p| matches!(p.word, "come" | "out" | "round" | "visit" | "pop"))
                        && toks[k + 1..]
                            .iter()
                            .take_while(|p| p.sentence == t.sentence)
                            .any(|p| day_to_come(p.word))
                        // "a chat with the optician when she comes in next week": the talk
                        // had in person at a visit to come.
                        || in_person_later(toks, k)
                        || work_booked(toks, k);
                    // "get our own engineer in": the customer's own person, had.
                    // "I'll get my site manager to check it": the customer's own person, made
                    // to do something ("get my account manager to call me" is the service's).
                    let own_person = !verb
                        && (toks[j + 1..k].iter().any(|p| p.word == "own")
                            || matches!(t.word, "get" | "have")
                                && toks.get(j + 1).is_some_and(|p| own_possessive(p.word))
                                && toks.get(k + 1).is_some_and(|n| n.word == "to")
                                && !assigned_by_service(toks[k - 1].word));
                    // "who will my case handler be now?", "will there be anyone at the gate once
                    // we land?": "will" of the future, asked about.
                    let future_asked = !verb
                        && t.word == "will"
                        && (j > 0
                            && matches!(
                                toks[j - 1].word,
                                "who" | "when" | "what" | "which" | "where"
                            )
                            || toks.get(j + 1).is_some_and(|n| n.word == "there")
                            // "if the delivery slips, will I get to phone a person
                            // then?": asked about a time the condition names.
                            || toks[..j]
                                .iter()
                                .any(|p| p.sentence == t.sentence && p.word == "if"));
                    // "was Speak to the Manager a sitcom?": a bare verb after "is" is a
                    // title, not a request.
                    let title = verb
                        && j > 0
                        && matches!(toks[j - 1].word, "is" | "was")
                        && matches!(t.word, "talk" | "speak" | "chat");
                    // "the Ask a Nurse line": a service named by the words.
                    let named_service = title
                        || toks.get(k + 1).is_some_and(|n| names_a_service(n.word))
                            && j > 0
                            && toks[j - 1].word == "the";
                    // "quero mudar de operadora": the carrier switched from, not a person.
                    let switched_from = k >= 2
                        && toks[k - 1].word == "de"
                        && matches!(
                            toks[k - 2].word,
                            "mudar" | "trocar" | "cambiar" | "changer" | "cambiare"
                        );
                    // "we'd like a maths tutor for my son", "we need a dog walker
                    // for my mum": a practitioner booked for someone, the service's product.
                    let booked_for = !verb
                        && toks.get(k + 1).is_some_and(|n| n.word == "for")
                        && toks.get(k + 2).is_some_and(|n| {
                            matches!(n.word, "my" | "her" | "his" | "our" | "their")
                        })
                        && toks.get(k + 3).is_some_and(|n| {
                            matches!(
                                n.word,
                                "son"
                                    | "daughter"
                                    | "brother"
                                    | "sister"
                                    | "kid"
                                    | "kids"
                                    | "child"
                                    | "children"
                                    | "mum"
                                    | "mom"
                                    | "dad"
                                    | "mother"
                                    | "father"
                                    | "wife"
                                    | "husband"
                                    | "partner"
                                    | "nephew"
                                    | "niece"
                                    | "grandson"
                                    | "granddaughter"
                                    | "twins"
                                    | "boys"
                                    | "girls"
                            )
                        });
                    // "talking to groomers helps", "talking to the manager usually works":
                    // the talk as the subject of what is said of it in general, not asked
                    // for ("talking to a person would be better" still wishes it).
                    let said_in_general = t.word.ends_with("ing")
                        && toks[..j]
                            .iter()
                            .rev()
                            .take_while(|p| p.clause == t.clause)
                            .all(|p| matches!(p.word, "but" | "and" | "honestly" | "well"))
                        && toks[k + 1..]
                            .iter()
                            .take(3)
                            .take_while(|p| p.clause == t.clause)
                            .any(|p| {
                                matches!(
                                    p.word,
                                    "helps"
                                        | "helped"
                                        | "works"
                                        | "worked"
                                        | "usually"
                                        | "always"
                                        | "never"
                                        | "is"
                                        | "was"
                                        | "makes"
                                        | "made"
                                        | "gets"
                                        | "takes"
                                        | "took"
                                )
                            });
                    // "we'd like a cake for a colleague's leaving do": the person is whom the
                    // thing wanted is for.
                    // "una tarta para doce personas", "un rôti pour six personnes": how many
                    // the thing is for, a number between.
                    let for_word = |w: &str| matches!(w, "for" | "para" | "pour" | "per" | "pra");
                    let counted = |w: &str| {
                        matches!(w, "a" | "an" | "the" | "one")
                            || w.bytes().all(|b| b.is_ascii_digit())
                            || crate::signals::topics::is_number_word(w)
                    };
                    let for_at = if k >= 1 && for_word(toks[k - 1].word) {
                        Some(k - 1)
                    } else if k >= 2 && for_word(toks[k - 2].word) && counted(toks[k - 1].word) {
                        Some(k - 2)
                    } else {
                        None
                    };
                    let wanted_for = !verb
                        && (matches!(t.word, "like" | "want" | "need" | "love" | "order" | "buy")
                            || t.is(Desire)
                                && for_at.is_some_and(|f| f >= 2 && counted(toks[f + 1].word)))
                        && for_at.is_some_and(|f| {
                            (j + 1..f)
                                .any(|i| toks[i].classes.is_empty() && toks[i].word.len() >= 3)
                        });
                    // "the swim they call the Operator", "what locals call the agent": a
                    // name given, said after whoever gives it, not a call to make.
                    let named_so = matches!(t.word, "call" | "calls")
                        && j >= 2
                        && matches!(
                            toks[j - 1].word,
                            "they" | "people" | "everyone" | "everybody" | "locals" | "folk"
                        )
                        && !modal(toks[j - 2].word)
                        && !toks[j - 2].is(Polite)
                        && !matches!(
                            toks[j - 2].word,
                            "do" | "did"
                                | "dont"
                                | "didnt"
                                | "and"
                                | "then"
                                | "to"
                                | "let"
                                | "have"
                                | "make"
                                | "get"
                                | "should"
                                | "must"
                                | "why"
                                | "pls"
                        );
                    let governs = !general
                        && !named_so
                        && !reproach
                        && !connected_to_thing
                        && !wanted_for
                        && !said_in_general
                        && !wh_between
                        && !visit_booked
                        && !booked_for
                        && !others_will
                        && !switched_from
                        && !own_ask
                        && !given_up
                        && !others_wish
                        && !own_person
                        && !future_asked
                        && !named_service
                        && !about_topic
                        && !brought_along
                        && !given_to
                        && !as_role
                        && !let_know
                        && !message_about
                        && !assigned_elsewhere
                        && !own_later
                        && !told_by
                        && !stop_message
                        && (verb || strong || sent_out);
                    if governs && !refused(toks, j) {
                        return Some(ExplicitMatch {
                            phrase: phrase(toks, j, k),
                            pattern: if verb { "verb_noun" } else { "want_noun" },
                        });
                    }
                    break;
                }
                if t.is(Talk) && customer_service(toks, k) {
                    if !refused(toks, j) {
                        return Some(ExplicitMatch {
                            phrase: phrase(toks, j, k + 1),
                            pattern: "verb_customer_service",
                        });
                    }
                    break;
                }
                // Function words may be misspelt too ("wirh", "ot", "ann"): an unknown
                // short word is let through; a known content word ends the search.
                let unknown_short = n.classes.is_empty() && n.word.chars().count() <= 5;
                // "chat to like an adviser": the spoken filler.
                let filler_like = n.word == "like" && verb;
                // "talk that through with …", "go over this with …": the matter as the
                // verb's object, then the person.
                let object_through = verb
                    && matches!(n.word, "that" | "this" | "everything" | "things")
                    && toks
                        .get(k + 1)
                        .is_some_and(|m| matches!(m.word, "through" | "over"));
                // "discuss this chest of drawers with a restorer": what is discussed, a
                // noun phrase of any words, before "with" and the person.
                let discussed = verb
                    && discussing
                    && n.classes.is_empty()
                    && toks[k + 1..]
                        .iter()
                        .take(6)
                        .take_while(|m| m.clause == t.clause)
                        .any(|m| m.word == "with");
                if !(n.is(Skip)
                    || n.is(Polite)
                    || unknown_short
                    || filler_like
                    || object_through
                    || discussed
                    || noun_modifier(toks, k))
                {
                    break;
                }
            }
            // "transfer me" / "put me through" / "pásame" without a noun: still a hand-off.
            // "sure, hand me over then": the hand-over agreed to, no one named.
            // "yes transfer, thanks": the hand-over offered, agreed to by its verb alone.
            // "sí, puede transferirme", "sim, pode transferir", "oui, transférez": the
            // same in the other languages, a "you can" between.
            let agreed = |w: &str| {
                matches!(
                    w,
                    "yes"
                        | "yeah"
                        | "yep"
                        | "ok"
                        | "okay"
                        | "sure"
                        | "please"
                        | "alright"
                        | "fine"
                        | "si"
                        | "sim"
                        | "oui"
                        | "ja"
                        | "claro"
                        | "vale"
                        | "certo"
                        | "dacord"
                        | "bitte"
                        | "gerne"
                )
            };
            let you_can = |w: &str| {
                matches!(
                    w,
                    "puede" | "pueden" | "pode" | "podem" | "puo" | "pouvez" | "peux" | "konnen"
                )
            };
            let yes_at = (j > 0 && agreed(toks[j - 1].word))
                .then(|| j - 1)
                .or_else(|| {
                    (j > 1 && you_can(toks[j - 1].word) && agreed(toks[j - 2].word)).then(|| j - 2)
                });
            if let Some(y) = yes_at
                && matches!(
                    t.word,
                    "transfer"
                        | "connect"
                        | "transferir"
                        | "transferirme"
                        | "transfiera"
                        | "transfirame"
                        | "transfira"
                        | "transfere"
                        | "trasferire"
                        | "trasferirmi"
                        | "trasferisca"
                        | "transferez"
                        | "transferer"
                )
                && toks.get(j + 1).is_none_or(|n| {
                    n.clause != t.clause
                        || asking_word(n.word)
                        || matches!(
                            n.word,
                            "thanks"
                                | "thank"
                                | "cheers"
                                | "me"
                                | "pure"
                                | "ya"
                                | "agora"
                                | "jetzt"
                        )
                })
                && !refused(toks, j)
            {
                return Some(ExplicitMatch {
                    phrase: phrase(toks, y, j),
                    pattern: "transfer_me",
                });
            }
            // "can you get me through to Dave": put through, by another verb.
            if t.word == "get"
                && toks.get(j + 1).is_some_and(|n| n.word == "me")
                && toks
                    .get(j + 2)
                    .is_some_and(|n| matches!(n.word, "through" | "thru"))
                && toks.get(j + 3).is_some_and(|n| n.word == "to")
                && !refused(toks, j)
                && !not_now(toks, j)
            {
                return Some(ExplicitMatch {
                    phrase: phrase(toks, j, j + 2),
                    pattern: "transfer_me",
                });
            }
            if matches!(t.word, "hand" | "pass")
                && toks.get(j + 1).is_some_and(|n| n.word == "me")
                && toks.get(j + 2).is_some_and(|n| n.word == "over")
                && toks
                    .get(j + 3)
                    .is_none_or(|n| n.clause != t.clause || n.is(Polite))
                && !refused(toks, j)
                && !not_now(toks, j)
            {
                return Some(ExplicitMatch {
                    phrase: phrase(toks, j, j + 2),
                    pattern: "transfer_me",
                });
            }
            // "transférez-moi au garage": French, the same.
            let me_after = |me: &str| toks.get(j + 1).is_some_and(|n| n.word == me);
            if (t.is(Talk)
                && matches!(t.word, "transfer" | "put" | "connect" | "redirect" | "patch")
                && me_after("me")
                || matches!(t.word, "transferez" | "transfere" | "connectez" | "redirigez")
                    && me_after("moi"))
                // "put me down for the 10am slot", "put me on the list": not a hand-over.
                && (!matches!(t.word, "put" | "patch")
                    || toks.get(j + 2).is_none_or(|n| {
                        n.clause != t.clause
                            || n.is(Polite)
                            || matches!(n.word, "through" | "thru" | "across" | "over")
                                // "put me through three security checks": an ordeal, not
                                // a hand-over; the hand-over ends or goes on "to" someone.
                                // "through to disputes" goes to someone; otherwise the
                                // first word after the articles decides ("put me through
                                // the security questions" is the ordeal too).
                                && (toks.get(j + 3).is_some_and(|m| m.word == "to")
                                    || (j + 3..toks.len())
                                    .find(|&k| !toks[k].is(Skip))
                                    .is_none_or(|k| {
                                        let m = &toks[k];
                                        m.clause != t.clause
                                            || m.is(Polite)
                                            || human_noun(toks, k).is_some()
                                            || m.is(Dept)
                                    }))
                    }))
                && !refused(toks, j)
                && !toks[j + 1..]
                    .iter()
                    .take(3)
                    .any(|n| {
                        matches!(
                            n.word,
                            "card" | "money" | "funds" | "somme" | "argent" | "montant" | "fonds"
                        )
                    })
                // "connect me to the wifi": a network or a device, not a person.
                && !toks[j + 1..]
                    .iter()
                    .take(7)
                    .take_while(|n| n.clause == t.clause)
                    .any(|n| connectable_thing(n.word))
            {
                return Some(ExplicitMatch {
                    phrase: phrase(toks, j, j + 1),
                    pattern: "transfer_me",
                });
            }
        }
        // "pode me transferir", "mi trasferisca pure", "me transfiere ya": the customer put
        // through, the clitic before the verb, nothing after but a plea or "now".
        if j > 0
            && matches!(toks[j - 1].word, "me" | "mi")
            && toks[j - 1].clause == t.clause
            && matches!(
                t.word,
                "transferir"
                    | "transfira"
                    | "transfere"
                    | "transfiera"
                    | "transfiere"
                    | "trasferisca"
                    | "trasferire"
                    | "trasferite"
                    | "trasferisce"
            )
            && toks.get(j + 1).is_none_or(|n| {
                n.clause != t.clause
                    || n.is(Polite)
                    || matches!(
                        n.word,
                        "pure" | "agora" | "ya" | "subito" | "ahora" | "por" | "per" | "favor"
                    )
            })
            && !refused(toks, j)
            && !not_now(toks, j)
        {
            return Some(ExplicitMatch {
                phrase: phrase(toks, j - 1, j),
                pattern: "transfer_me",
            });
        }
        // "push my case up to a manager", "kick it up the chain": escalating in other words.
        // "could my case get bumped up to a supervisor", "can I be kicked up to a manager":
        // the same, in the passive.
        // "this needs bumping up to someone senior": the British passive.
        let passive = matches!(t.word, "bumped" | "kicked" | "pushed" | "moved")
            && j > 0
            && matches!(toks[j - 1].word, "get" | "be" | "gets" | "getting")
            || matches!(t.word, "bumping" | "kicking" | "pushing" | "moving")
                && j > 0
                && matches!(toks[j - 1].word, "needs" | "need" | "wants");
        if (passive || matches!(t.word, "bump" | "kick" | "push" | "send" | "move" | "take"))
            && let Some(u) = (j + 1..toks.len().min(j + 4))
                .take_while(|&u| toks[u].clause == t.clause)
                .find(|&u| matches!(toks[u].word, "up" | "upstairs" | "higher"))
            && toks[j + 1..u].iter().all(|p| {
                matches!(
                    p.word,
                    "this" | "it" | "me" | "my" | "case" | "ticket" | "complaint" | "the" | "issue"
                )
            })
            && (toks.get(u + 1).is_some_and(|n| {
                matches!(n.word, "the" | "a")
                    && toks.get(u + 2).is_some_and(|m| {
                        matches!(
                            m.word,
                            "chain" | "ladder" | "line" | "food" | "level" | "ranks"
                        )
                    })
            }) || toks.get(u + 1).is_some_and(|n| n.word == "to")
                && (u + 2..toks.len().min(u + 6)).any(|k| {
                    human_noun(toks, k).is_some()
                        || toks[k].is(Dept)
                        // "bump me up to tier two", "push my case up to second line": a
                        // level of support, when the customer or the case is moved.
                        || matches!(toks[k].word, "tier" | "line" | "level")
                            && toks[j + 1..u].iter().any(|p| {
                                matches!(p.word, "me" | "case" | "ticket" | "complaint" | "issue")
                            })
                })
                // "bump this up to second line": a support line by its number, right after
                // "to" (not "up to the second line" of a form).
                || toks.get(u + 1).is_some_and(|n| n.word == "to")
                    && toks
                        .get(u + 2)
                        .is_some_and(|n| matches!(n.word, "second" | "2nd" | "third" | "3rd"))
                    && toks
                        .get(u + 3)
                        .is_some_and(|n| matches!(n.word, "line" | "tier" | "level")))
            && !refused(toks, j)
            && !not_now(toks, j)
        {
            return Some(ExplicitMatch {
                phrase: phrase(toks, j, u + 2),
                pattern: "escalate",
            });
        }
        // "get me transferred", "have me connected to someone".
        if matches!(t.word, "get" | "have")
            && toks.get(j + 1).is_some_and(|n| n.word == "me")
            && toks.get(j + 2).is_some_and(|n| {
                matches!(
                    n.word,
                    "transferred" | "connected" | "escalated" | "forwarded" | "routed" | "passed"
                )
            })
            && !refused(toks, j)
            && !toks[..j]
                .iter()
                .any(|p| p.clause == t.clause && p.is(PastAux))
        {
            return Some(ExplicitMatch {
                phrase: phrase(toks, j, j + 2),
                pattern: "transfer_me",
            });
        }
        // "an escalation clause", "the escalation process": a noun modifying another;
        // "escalating prices": a participle describing one.
        let modifier = (t.word.ends_with("ion")
            || j > 0
                && matches!(
                    toks[j - 1].word,
                    "the" | "an" | "this" | "that" | "your" | "my"
                ))
            && toks.get(j + 1).is_some_and(|n| {
                n.clause == t.clause && !(n.is(Polite) || n.is(Skip) || n.is(Dept))
            })
            || t.word.ends_with("ing")
                && toks.get(j + 1).is_some_and(|n| {
                    n.clause == t.clause
                        // No class, or a thing's ("fees", "charges").
                        && n.classes.0 & !(1 << NonHumanHead as u32 | 1 << NonHumanModifier as u32)
                            == 0
                        && !matches!(
                            n.word,
                            "my" | "our" | "me" | "us" | "it" | "this" | "that" | "his" | "her"
                                | "their" | "your" | "ur" | "things" | "matters"
                        )
                });
        // "escalate privileges", "escalate a user's access": an admin's act, not a case.
        let admin_object = toks
            .iter()
            .skip(j + 1)
            .take_while(|n| n.clause == t.clause)
            .take(4)
            .any(|n| {
                matches!(
                    n.word,
                    "privileges"
                        | "privilege"
                        | "permissions"
                        | "permission"
                        | "rights"
                        | "role"
                        | "roles"
                        | "access"
                        // "escalate the priority on my ticket": a field raised, not a person.
                        | "priority"
                        | "severity"
                )
            });
        // "escalate a ticket myself in the portal": the customer does it, no one is asked.
        let by_themselves = toks.iter().filter(|n| n.clause == t.clause).any(|n| {
            matches!(
                n.word,
                "myself" | "ourselves" | "selbst" | "mismo" | "misma"
            )
        });
        // Whether one of the three words before the verb, in its clause, is one of `words`.
        let said_before = |words: fn(&str) -> bool| {
            toks[..j]
                .iter()
                .rev()
                .take_while(|p| p.clause == t.clause)
                .take(3)
                .any(|p| words(p.word))
        };
        // "the price may escalate", "with energy prices escalating": things that grow.
        let grows = said_before(|w| {
            matches!(
                w,
                "price"
                    | "prices"
                    | "cost"
                    | "costs"
                    | "rate"
                    | "rates"
                    | "fee"
                    | "fees"
                    | "bill"
                    | "bills"
                    | "charges"
                    | "premium"
                    | "premiums"
                    | "tariff"
                    | "tariffs"
                    | "rent"
                    | "situation"
                    | "things"
                    | "tension"
                    | "tensions"
                    | "conflict"
                    | "violence"
            )
        });
        // Spanish and Portuguese "escalar" is also to climb: said of a wall or a rock, or of
        // a child or another grown-up who climbs ("e se o adulto não escalar?").
        let climbs = t.word.starts_with("escal")
            && (toks.iter().filter(|n| n.sentence == t.sentence).any(|n| {
                matches!(
                    n.word,
                    "pared"
                        | "parede"
                        | "muro"
                        | "boulder"
                        | "rocodromo"
                        | "escalada"
                        | "cuerda"
                        | "corda"
                        | "arnes"
                        | "montana"
                        | "montanha"
                        | "roca"
                        | "rocha"
                        | "via"
                        | "cumbre"
                        | "cume"
                )
            }) || said_before(|w| {
                matches!(
                    w,
                    "adulto"
                        | "adultos"
                        | "adulta"
                        | "nino"
                        | "nina"
                        | "ninos"
                        | "crianca"
                        | "criancas"
                        | "hijo"
                        | "hija"
                        | "hijos"
                        | "filho"
                        | "filha"
                        | "filhos"
                )
            }));
        // "does the system escalate fault alerts to my phone automatically?": what a machine
        // does by itself, asked about.
        let by_machine = said_before(|w| {
            matches!(
                w,
                "system"
                    | "app"
                    | "software"
                    | "platform"
                    | "portal"
                    | "tool"
                    | "alarm"
                    | "sensor"
                    | "monitor"
            )
        }) || toks
            .iter()
            .filter(|n| n.clause == t.clause)
            .any(|n| matches!(n.word, "automatically" | "automatic" | "automated"));
        if t.is(Escalate)
            && !climbs
            && !modifier
            && !grows
            && !by_machine
            && !admin_object
            && !by_themselves
            && !refused(toks, j)
            && !not_now(toks, j)
        {
            return Some(ExplicitMatch {
                phrase: t.word.to_owned(),
                pattern: "escalate",
            });
        }
        // A voice menu answered verb first: "weiterleiten an die Kasse bitte", "verbinden mit
        // der Buchhaltung": whatever is named after the article is a place with people
        // (not a network or a device: "mit dem WLAN").
        if matches!(t.word, "weiterleiten" | "verbinden" | "durchstellen")
            && toks[..j]
                .iter()
                .rev()
                .take_while(|p| p.clause == t.clause)
                .all(|p| p.is(Polite) || p.is(Skip) || is_filler(p.word))
            && toks
                .get(j + 1)
                .is_some_and(|n| matches!(n.word, "an" | "mit" | "zu" | "zur" | "zum"))
            && let Some(k) = (j + 2..toks.len().min(j + 5))
                .take_while(|&k| toks[k].clause == t.clause)
                .find(|&k| {
                    human_noun(toks, k).is_some()
                        || toks[k].is(Dept)
                        || toks[k].classes.is_empty()
                            && toks[k].word.len() >= 4
                            && !connectable_thing(toks[k].word)
                            && matches!(
                                toks[k - 1].word,
                                "die" | "der" | "den" | "dem" | "zur" | "zum"
                            )
                })
            && !refused(toks, j)
        {
            return Some(ExplicitMatch {
                phrase: phrase(toks, j, k),
                pattern: "verb_department",
            });
        }
        // German verb-final order: "(ich möchte) mit einem Menschen sprechen". The particle
        // of a separable verb ("stellen Sie mich … durch") only at the end of its clause.
        let particle = matches!(t.word, "durch" | "weiter" | "haben" | "bekommen");
        if t.is(TalkFinal)
            && (!particle
                || toks.get(j + 1).is_none_or(|n| {
                    n.clause != t.clause
                        || n.is(Polite)
                        // "… zu jemandem durch, der sich auskennt": who, told after.
                        || matches!(n.word, "der" | "die" | "den" | "dem" | "welcher" | "welche")
                }))
        {
            let start = j.saturating_sub(MAX_GAP);
            for k in (start..j).rev() {
                if toks[k].clause != t.clause {
                    break;
                }
                // "mit der Buchhaltung verbinden", "an die Abteilung für Rechnungen weiterleiten".
                let dept = toks[k].is(Dept)
                    && k > 0
                    && matches!(
                        toks[k - 1].word,
                        "der" | "die" | "dem" | "den" | "mit" | "zur" | "zum" | "an"
                    );
                if human_noun(toks, k).is_some() || dept {
                    if !refused(toks, j) && !others_wish_set_aside(toks, j, k) {
                        return Some(ExplicitMatch {
                            phrase: phrase(toks, k, j),
                            pattern: "noun_verb",
                        });
                    }
                    break;
                }
            }
        }
        // "un conseiller pourrait me rappeler ?", "alguém pode me retornar?", "could somebody
        // get back to me": the object before the verb, or a call back in other words.
        if human_noun(toks, j).is_some()
            && !refused(toks, j)
            // German puts the verb last, after "sich bei mir": two words further.
            && let Some(v) = (j + 1..toks.len().min(j + 10)).find(|&v| {
                // "somebody who has seen the plans get back to me": a relative clause, like a
                // German verb put last, sets the verb further on.
                let relative = toks.get(j + 1).is_some_and(|n| matches!(n.word, "who" | "that"));
                let with_me = |k: usize| {
                    toks.get(k).is_some_and(|n| matches!(n.word, "to" | "with"))
                        && toks.get(k + 1).is_some_and(|n| matches!(n.word, "me" | "us"))
                };
                // "someone with the right training has to…": what the person has
                // or where they are from, said after them, sets the verb further on too.
                // "qualcuno del negozio di Roma mi può scrivere": where from,
                // in the other languages.
                let described = toks.get(j + 1).is_some_and(|n| {
                    matches!(
                        n.word,
                        "with" | "from" | "on" | "at" | "del" | "della" | "dal" | "do" | "da"
                            | "du" | "vom" | "von"
                    )
                }) && v < j + 11;
                // "somebody there needs to decide if…", "someone at your end needs to hear
                // what happened": a decision or a hearing only a person of the service
                // gives (not one on the customer's own side: "someone at my office").
                let decides_or_hears = (toks[v].word == "decide"
                    && toks.get(v + 1).is_some_and(|n| {
                        matches!(n.word, "whether" | "if" | "about" | "what" | "how" | "this")
                    })
                    || matches!(toks[v].word, "authorise" | "authorize" | "approve")
                    || toks[v].word == "hear"
                    && toks
                        .get(v + 1)
                        .is_some_and(|n| matches!(n.word, "what" | "about" | "me" | "my" | "this"))
                    || toks[v].word == "listen"
                        && toks.get(v + 1).is_some_and(|n| n.word == "to")
                        && toks.get(v + 2).is_some_and(|n| matches!(n.word, "me" | "us")))
                    && toks.get(v - 1).is_some_and(|p| p.word == "to")
                    && v >= 2
                    && matches!(toks[v - 2].word, "needs" | "need" | "has" | "have" | "ought")
                    && !toks[j..v].iter().any(|p| own_possessive(p.word));
                toks[v].clause == t.clause
                    && (v < j + 8 || toks[v].is(TalkFinal) || relative || described)
                    // "someone needs to talk to me", "… to go through this invoice with me",
                    // "… to talk me through this error code".
                    && (decides_or_hears
                        || toks[v].is(Talk) && with_me(v + 1)
                        || toks[v].is(Talk)
                            && toks.get(v + 1).is_some_and(|n| matches!(n.word, "me" | "us"))
                            && toks.get(v + 2).is_some_and(|n| n.word == "through")
                        || matches!(toks[v].word, "go" | "run" | "walk")
                            && toks.get(v + 1).is_some_and(|n| n.word == "through")
                            && (v + 2..toks.len().min(v + 7))
                                .take_while(|&k| toks[k].clause == t.clause)
                                .any(with_me)
                    // "que un funcionario se comunique conmigo": contact with the customer.
                        || matches!(toks[v].word, "comunique" | "comuniquen" | "contacte" | "contacten")
                        && toks.get(v + 1).is_some_and(|n| matches!(n.word, "conmigo" | "comigo"))
                        || in_touch_with_me(toks, v)
                        || writes_to_customer(toks, v)
                        || toks[v].is(Contact)
                        && (matches!(
                            toks[v - 1].word,
                            "me" | "m" | "mi" | "mich" | "mir" | "nos" | "us"
                        )
                            // French "m'appeler" is one word once its apostrophe joins.
                            || matches!(toks[v].word, "mappeler" | "mappelle" | "mappelez"))
                        || toks[v].word == "get"
                            && toks.get(v + 1).is_some_and(|n| n.word == "back")
                            && toks.get(v + 2).is_some_and(|n| n.word == "to")
                            && toks
                                .get(v + 3)
                                .is_some_and(|n| matches!(n.word, "me" | "us")))
            })
            // The subjunctive asks by itself: "que alguien me llame", "qualcuno mi richiami",
            // "alguém me ligue"; so does "liga" after "aí" (somebody there: call me).
            && (matches!(
                toks[v].word,
                "llame" | "llamen" | "ligue" | "liguem" | "chiami" | "richiami" | "rappelle"
                    | "contacte" | "contacten" | "contate" | "contatem" | "contatti"
                    | "devuelva" | "devuelvan" | "retorne" | "retornem" | "recontacte"
                    | "comunique" | "comuniquen"
                    // "que alguien me mande un correo", "che qualcuno mi scriva".
                    | "mande" | "manden" | "envie" | "envien" | "escriba" | "escriban"
                    | "scriva" | "mandi" | "invii" | "escreva" | "mandem" | "enviem"
                    // "que un técnico se ponga en contacto conmigo" (see `in_touch_with_me`).
                    | "ponga" | "pongan" | "metta" | "mettano" | "prenne" | "prennent"
                    | "entre" | "entrem"
            ) && !toks[..j].iter().rev().take_while(|p| p.clause == t.clause).any(|p| {
                // "quand quelqu'un me rappelle…": a time, not a wish.
                matches!(
                    p.word,
                    "quand" | "lorsque" | "cuando" | "quando" | "si" | "wenn" | "when" | "if"
                )
            }) || toks[v].word == "liga" && toks[j + 1..v].iter().any(|p| p.word == "ai")
            // "could one of ur crew supervisors get back to me": a modifier before the noun
            // puts the modal five words back.
            || toks[j.saturating_sub(5)..toks.len().min(v + 4)]
                .iter()
                .enumerate()
                .any(|(i, p)| {
                    // "someone should get back to me", not "should have called".
                    let at = j.saturating_sub(5) + i;
                    matches!(p.word, "should" | "must")
                        && toks.get(at + 1).is_none_or(|n| !matches!(n.word, "have" | "ve"))
                        || modal(p.word)
                        || matches!(
                            p.word,
                            "please" | "pls" | "plz" | "bitte" | "porfa" | "pfv" | "favor"
                                | "favore" | "svp" | "stp" | "needs" | "need" | "moglich"
                                | "possible" | "posible" | "possivel" | "possibile"
                                // "dites à quelqu'un de m'appeler": told to the service.
                                | "dites" | "demandez" | "dile" | "digale" | "diga" | "pida"
                                | "sagen" | "sag" | "dica" | "chieda" | "diz" | "peca"
                        )
                }))
            && !toks[j.saturating_sub(1)..v].iter().any(|p| {
                p.is(PastAux)
                    || p.is(Neg)
                    || matches!(p.word, "ningun" | "ninguno" | "ninguna" | "nenhum" | "nenhuma")
            })
            // A call back is asked for a time to come ("demain"): only the past stops it.
            && !toks.iter().any(|p| p.clause == t.clause && p.is(PastTime))
        {
            return Some(ExplicitMatch {
                phrase: phrase(toks, j, v),
                pattern: "noun_contact_me",
            });
        }
        // "can an agent call me back?", "have someone contact me".
        // "someone has to look at the photos and tell me", "someone needs to check it and
        // call me": a second verb after "and", of the person who must act.
        let must = |v: usize| {
            toks[j + 1..v]
                .iter()
                .any(|p| matches!(p.word, "needs" | "need" | "has" | "must" | "should"))
                && toks[j + 1..v]
                    .iter()
                    .any(|p| p.word == "to" || p.word == "must")
        };
        if human_noun(toks, j).is_some()
            && !refused(toks, j)
            && let Some(v) = (j + 1..toks.len().min(j + 14)).find(|&v| {
                toks[v].is(Contact)
                    || matches!(toks[v].word, "email" | "text" | "message")
                    || toks[v].word == "tell" && toks[v - 1].word == "and"
            })
            && (toks[v].clause == t.clause && v < j + 8
                || toks[v - 1].word == "and" && toks[v].sentence == t.sentence && must(v))
            && (toks
                .get(v + 1)
                // Caribbean English "call mi".
                .is_some_and(|n| matches!(n.word, "me" | "us" | "mi"))
                // "could someone give us a bell": the contact idiom holds its "me".
                || matches!(toks[v].word, "bell" | "shout" | "buzz" | "tinkle"))
            // "can your rep quit phoning me": contact the customer wants ended.
            && !matches!(toks[v - 1].word, "stop" | "quit" | "cease" | "longer")
            && !toks[j..v].iter().any(|p| p.is(PastAux))
            // "why did a rep call me so late?": a call asked about, made before.
            && !toks[j.saturating_sub(2)..j]
                .iter()
                .any(|p| p.is(PastAux) || p.word == "did")
            && !not_now(toks, v)
            && !reported(toks, j)
        {
            return Some(ExplicitMatch {
                phrase: phrase(toks, j, v + 1),
                pattern: "noun_contact_me",
            });
        }
        // "can a person take over this chat?", "I'd like someone to step in".
        if human_noun(toks, j).is_some()
            && !refused(toks, j)
            // "un collègue pourrait-il prendre le relais": an inverted subject adds a word,
            // and "quelqu'un" is two; "un membre de l'équipe" three more.
            && let Some(v) = (j + 1..toks.len().min(j + 9)).find(|&v| {
                (matches!(
                    toks[v].word,
                    "take" | "taking" | "step" | "jump" | "takeover"
                ) || takes_over(toks[v].word)
                    // "I wish a person in billing took over": a wish, in the past
                    // form.
                    || matches!(toks[v].word, "took" | "stepped")
                        && toks[..j]
                            .iter()
                            .rev()
                            .take_while(|p| p.clause == t.clause)
                            .any(|p| matches!(p.word, "rather" | "sooner" | "wish")))
                    && toks[v].clause == t.clause
            })
            && (toks[v].word == "takeover"
                || takes_over(toks[v].word)
                || toks
                    .get(v + 1)
                    .is_some_and(|n| matches!(n.word, "over" | "in")))
            && !toks[j..v].iter().any(|p| p.is(PastAux) || p.word == "will")
        {
            // "take over", "step in"; "prendre le relais" ends on its noun.
            let end = if toks[v].word == "takeover" || takes_over(toks[v].word) {
                v
            } else {
                v + 1
            };
            return Some(ExplicitMatch {
                phrase: phrase(toks, j, end),
                pattern: "take_over",
            });
        }
        if let Some(m) = is_there_elsewhere(toks, j) {
            return Some(m);
        }
        // "someone I could speak to", "a person we can talk with": a person wanted to talk to.
        // "people over there I could chat with": a place word may come between.
        // "staff sitting in branch we could ring": a participle may say which, too.
        let mut at = j + 1;
        while toks.get(at).is_some_and(|n| {
            n.clause == t.clause
                && (matches!(n.word, "over" | "there" | "here")
                    || at == j + 1 && n.word.len() > 5 && n.word.ends_with("ing"))
        }) {
            at += 1;
        }
        // "anybody who handles claims we could speak to": a relative clause may say which.
        if toks
            .get(at)
            .is_some_and(|n| matches!(n.word, "who" | "that"))
            && let Some(i) = (at + 1..toks.len().min(at + 7))
                .take_while(|&i| toks[i].clause == t.clause)
                .find(|&i| matches!(toks[i].word, "i" | "we"))
        {
            at = i;
        }
        // "… I could talk to", or "… we might have a natter with".
        let talk_at = toks.get(at + 2).and_then(|n| {
            if n.is(Talk) && !n.is(Contact) {
                return Some(at + 2);
            }
            (n.word == "have")
                .then(|| {
                    (at + 3..toks.len().min(at + 6))
                        .find(|&v| matches!(toks[v].word, "chat" | "word" | "talk"))
                })
                .flatten()
        });
        if human_noun(toks, j).is_some()
            && toks
                .get(at)
                .is_some_and(|n| matches!(n.word, "i" | "we") && n.clause == t.clause)
            && toks.get(at + 1).is_some_and(|n| modal(n.word))
            && let Some(v) = talk_at
            && !refused(toks, j)
            && !not_now(toks, v)
        {
            return Some(ExplicitMatch {
                phrase: phrase(toks, j, v),
                pattern: "is_there",
            });
        }
        // "is there a human / anyone there?"
        if t.word == "there"
            && j > 0
            && matches!(toks[j - 1].word, "is" | "are")
            && let Some(k) = (j + 1..toks.len().min(j + 4)).find(|&k| human_noun(toks, k).is_some())
            && (j + 1..k).all(|i| toks[i].is(Skip) || noun_modifier(toks, i))
            // "is there anybody else on my account", "anyone on my policy": another holder or
            // member, not the staff.
            && toks.get(k + 1).is_none_or(|n| n.word != "else")
            && !(matches!(toks[k].word, "anyone" | "anybody" | "someone" | "somebody")
                && toks.get(k + 1).is_some_and(|n| matches!(n.word, "on" | "in"))
                && toks.get(k + 2).is_some_and(|n| matches!(n.word, "my" | "our")))
            // "is there someone we could add to the policy": someone the customer would name,
            // not the staff.
            && !(toks.get(k + 1).is_some_and(|n| matches!(n.word, "i" | "we"))
                && toks.get(k + 2).is_some_and(|n| modal(n.word))
                && toks[k + 3..]
                    .iter()
                    .find(|n| !matches!(n.word, "actually" | "really" | "just" | "also"))
                    .is_some_and(|n| {
                        matches!(
                            n.word,
                            "name" | "add" | "nominate" | "authorise" | "authorize" | "appoint"
                                | "list" | "register"
                        )
                    }))
            // "is there anybody who fits tyres near here": who provides a service, asked about;
            // "anyone who can help", "anybody who works there" ask for a person.
            && toks
                .get(k + 1)
                .filter(|n| matches!(n.word, "who" | "that") && n.clause == t.clause)
                .map(|_| {
                    toks[k + 2..]
                        .iter()
                        .take_while(|n| n.clause == t.clause)
                        .filter(|n| !matches!(n.word, "actually" | "really" | "else"))
                        .take(2)
                        .collect::<Vec<_>>()
                })
                .is_none_or(|after: Vec<&Tok<'_>>| {
                    let Some(v) = after.first() else { return true };
                    // "someone who can deliver the sofa on Monday", "who could come out
                    // today": a job done at the customer's place, asked about, not a person
                    // to deal with now.
                    let visit = after.get(1).is_some_and(|w| {
                        matches!(
                            w.word,
                            "deliver" | "collect" | "install" | "fit" | "come" | "visit"
                                | "bring" | "drop" | "tow" | "clean" | "empty" | "remove"
                                // A sitter's, a groomer's, a printer's work.
                                | "water" | "feed" | "walk" | "mow" | "babysit" | "mind"
                                | "groom" | "repair" | "paint" | "print"
                        )
                    });
                    // "someone who could sign this off": what a person could do, asked.
                    modal(v.word) && !visit
                        || help_verb(v.word)
                        || v.is(Talk)
                        || v.is(Contact)
                        || v.is(Escalate)
                        || matches!(
                            v.word,
                            "works" | "work" | "knows" | "know" | "understands" | "understand"
                                | "speaks" | "handles" | "deals" | "is" | "isnt" | "has" | "does"
                                | "sorts" | "fixes" | "i" | "we"
                        )
                })
            // "is there anyone who can collect it on my behalf", "… a friend maybe": a
            // proxy, not the staff.
            && !toks[k..]
                .iter()
                .take_while(|n| n.sentence == t.sentence)
                .any(|n| n.word == "behalf" || names_a_proxy(n.word))
            && !presence_asked(toks, k)
            && !support_in_case(toks, j)
            && !refused(toks, j)
        {
            return Some(ExplicitMatch {
                phrase: phrase(toks, j - 1, k),
                pattern: "is_there",
            });
        }
        // "is there really nobody there who can help?": the same question, in despair.
        if t.word == "there"
            && j > 0
            && matches!(toks[j - 1].word, "is" | "isnt")
            && let Some(k) = (j + 1..toks.len().min(j + 3))
                .find(|&k| matches!(toks[k].word, "nobody" | "noone" | "no"))
            && (j + 1..k).all(|i| matches!(toks[i].word, "really" | "honestly" | "actually"))
            && toks.get(k + 1).is_some_and(|n| {
                n.clause == t.clause
                    && (toks[k].word != "no" || n.word == "one")
                    && matches!(
                        n.word,
                        "one" | "there" | "here" | "who" | "that" | "available" | "around"
                    )
            })
        {
            return Some(ExplicitMatch {
                phrase: phrase(toks, j - 1, k + 1),
                pattern: "is_there",
            });
        }
        // "is there nobody I can talk to?", "¿no hay nadie con quien hablar?", "non
        // c'è nessuno con cui parlare?": nobody to talk to, said to get someone.
        let nobody = matches!(
            t.word,
            "nobody" | "noone" | "nadie" | "ninguem" | "nessuno" | "niemand" | "niemanden"
        ) || t.word == "no" && toks.get(j + 1).is_some_and(|n| n.word == "one")
            || t.word == "personne" && j > 0 && toks[j - 1].word == "a";
        if nobody
            && toks[j.saturating_sub(3)..j].iter().any(|p| {
                p.sentence == t.sentence
                    && matches!(p.word, "there" | "hay" | "ha" | "tem" | "ce" | "a" | "gibt")
            })
            && let Some(v) = (j + 1..toks.len().min(j + 7))
                .take_while(|&v| toks[v].sentence == t.sentence)
                .find(|&v| toks[v].is(Talk) || toks[v].is(Contact))
            && !reported(toks, j)
            && !not_now(toks, v)
        {
            return Some(ExplicitMatch {
                phrase: phrase(toks, j, v),
                pattern: "is_there",
            });
        }
        // "is anybody real on the other end?", "is someone around?", "is anyone actually
        // reading this?" (an adverb may come between).
        let presence_at = if toks
            .get(j + 2)
            .is_some_and(|n| matches!(n.word, "actually" | "really" | "even" | "still" | "ever"))
        {
            j + 3
        } else {
            j + 2
        };
        if matches!(t.word, "is" | "are")
            && human_noun(toks, j + 1).is_some()
            && toks.get(presence_at).is_some_and(|n| {
                n.clause == t.clause
                    && matches!(
                        n.word,
                        "real"
                            | "human"
                            | "there"
                            | "alive"
                            | "around"
                            | "available"
                            | "here"
                            | "listening"
                            | "reading"
                            | "awake"
                            | "home"
                    )
            })
            && !refused(toks, j + 1)
            && !not_now(toks, j + 1)
        {
            return Some(ExplicitMatch {
                phrase: phrase(toks, j, presence_at),
                pattern: "is_there",
            });
        }
        // "is a person ever going to read my messages?", "will anyone ever answer?": whether a
        // person will ever read or answer, asked in despair.
        if matches!(t.word, "is" | "are" | "will")
            && let Some(k) = (j + 1..toks.len().min(j + 3)).find(|&k| human_noun(toks, k).is_some())
            && (j + 1..k).all(|i| matches!(toks[i].word, "a" | "an" | "any" | "one"))
        {
            let w = |i: usize| toks.get(i).filter(|n| n.clause == t.clause).map(|n| n.word);
            let mut at = k + 1;
            let mut ever = false;
            while matches!(w(at), Some("ever" | "actually" | "even" | "really")) {
                ever |= w(at) == Some("ever");
                at += 1;
            }
            if w(at) == Some("going") && w(at + 1) == Some("to") {
                at += 2;
            } else if t.word != "will" {
                at = usize::MAX;
            }
            // Despair says "ever" or ends on the customer ("… going to help me?"); "will a
            // person read my application" asks how the process works.
            let despair = ever
                || at != usize::MAX
                    && matches!(w(at + 1), None | Some("me" | "us" | "this" | "or"));
            if matches!(
                w(at),
                Some("read" | "answer" | "reply" | "respond" | "help")
            ) && despair
                && !refused(toks, k)
            {
                return Some(ExplicitMatch {
                    phrase: phrase(toks, j, at),
                    pattern: "is_there",
                });
            }
        }
        if let Some(m) = staff_asked_to_help(toks, j)
            .or_else(|| time_spared_for_me(toks, j))
            .or_else(|| staff_can_contact(toks, j))
            .or_else(|| matter_passed_to_person(toks, j))
            .or_else(|| person_must_do_it(toks, j))
            .or_else(|| role_asked_to_call(toks, j))
        {
            return Some(m);
        }
        // "I'd rather a member of staff did this": a preference for a person.
        if t.word == "rather"
            && j > 0
            && matches!(toks[j - 1].word, "id" | "d" | "would" | "wed" | "i")
            && let Some(k) = (j + 1..toks.len().min(j + 5))
                .take_while(|&k| toks[k].clause == t.clause)
                .find(|&k| human_noun(toks, k) == Some(true))
            && !matches!(toks[k].word, "someone" | "somebody")
            && (j + 1..k).all(|i| toks[i].is(Skip) || noun_modifier(toks, i))
            && !refused(toks, k)
        {
            return Some(ExplicitMatch {
                phrase: phrase(toks, j, k),
                pattern: "rather_a_person",
            });
        }
    }
    anyone_there(toks)
        // "Hi. Anyone there? I've a question on fees": any sentence of a longer turn.
        .or_else(|| sentences(toks).find_map(anyone_there))
        .or_else(|| in_person(toks))
        .or_else(|| bare_noun(toks))
        .or_else(|| bare_noun_clause(toks))
        .or_else(|| the_one_i_need(toks))
        .or_else(|| where_is_staff(toks))
        .or_else(|| person_first_then_reason(toks))
        .or_else(|| transfer_me_verb_final(toks))
        .or_else(|| just_a_person(toks))
        .or_else(|| done_with_the_machine(toks))
        .or_else(|| not_a_bot(toks))
        .or_else(|| place_not_the_bot(toks))
        .or_else(|| reject_bot(toks))
        .or_else(|| menu_zero(toks))
        .or_else(|| one_for_a_person(toks))
        .or_else(|| call_me_back(toks))
        .or_else(|| someone_who_can(toks))
        .or_else(|| who_can_decide(toks))
        .or_else(|| someone_with_authority(toks))
        .or_else(|| handled_by_person(toks))
        .or_else(|| person_would_be_welcome(toks))
        .or_else(|| to_be_called_back(toks))
        .or_else(|| is_a_person_there(toks))
        .or_else(|| person_calls_me_verb_final(toks))
        .or_else(|| waits_for_a_person(toks))
        .or_else(|| takes_the_callback(toks))
        .or_else(|| the_person_option(toks))
}

/// The customer says they will wait or hold for a person: "I'll hold for an agent", "happy
/// to wait for whichever specialist is free". Not a wait told or complained of ("I waited
/// for an agent for an hour", "how long do I have to wait for a human?").
pub(super) fn waits_for_a_person(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    (0..toks.len()).find_map(|j| {
        if !matches!(toks[j].word, "wait" | "hold") || toks.get(j + 1)?.word != "for" {
            return None;
        }
        let clause = toks[j].clause;
        // The noun after "for", past an article and words like "next available", "real".
        let k = (j + 2..toks.len().min(j + 6))
            .take_while(|&k| toks[k].clause == clause)
            .find(|&k| human_noun(toks, k).is_some())?;
        let between_ok = (j + 2..k).all(|i| {
            toks[i].is(Skip)
                || noun_modifier(toks, i)
                || matches!(toks[i].word, "next" | "first" | "available" | "free")
        });
        // The speaker's will to wait: "I'll", "I can", "happy to", "willing to".
        let willing = toks[..j]
            .iter()
            .rev()
            .take_while(|p| p.clause == clause)
            .take(4)
            .any(|p| {
                matches!(
                    p.word,
                    "ill"
                        | "will"
                        | "can"
                        | "happy"
                        | "willing"
                        | "glad"
                        | "gladly"
                        | "prefer"
                        | "rather"
                        | "id"
                )
            });
        (between_ok
            && willing
            && human_noun(toks, k) == Some(true)
            && !refused(toks, j)
            && !not_now(toks, j))
        .then(|| ExplicitMatch {
            phrase: phrase(toks, j, k),
            pattern: "waits_for_a_person",
        })
    })
}

/// The callback offered, taken: "I'll take that callback", "book me the call-back please",
/// "yes, a callback would do". Not one told of ("I got a callback yesterday").
pub(super) fn takes_the_callback(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    // "callback" is read as "call" "back".
    let k = (0..toks.len()).find(|&k| {
        matches!(toks[k].word, "callback" | "callbacks")
            || toks[k].word == "call" && toks.get(k + 1).is_some_and(|n| n.word == "back")
    })?;
    let clause = toks[k].clause;
    let j = (k.saturating_sub(4)..k).find(|&j| {
        toks[j].clause == clause
            && matches!(
                toks[j].word,
                "take" | "book" | "accept" | "arrange" | "schedule" | "request" | "want" | "like"
            )
    })?;
    let det = (j + 1..k).all(|i| toks[i].is(Skip) || matches!(toks[i].word, "me" | "us"));
    (det && !refused(toks, j) && !not_now(toks, j)).then(|| ExplicitMatch {
        phrase: phrase(toks, j, k),
        pattern: "takes_the_callback",
    })
}

/// The person chosen among the options offered: "ok, the advisor option", "I'll take the
/// human option". The option named ends its clause ("the agent option doesn't work" tells
/// of it).
pub(super) fn the_person_option(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    (2..toks.len()).find_map(|k| {
        // "the human option", or one asked for: "is there an adviser option?"
        let asked = k >= 4
            && matches!(toks[k - 2].word, "a" | "an" | "any")
            && (toks[k - 4].word == "is" && toks[k - 3].word == "there"
                || toks[k - 4].word == "you" && toks[k - 3].word == "have");
        if toks[k].word != "option" {
            return None;
        }
        // "the speak-to-a-human option": the option named by a hyphenated phrase.
        let named = (k.saturating_sub(6)..k - 1)
            .rev()
            .find(|&d| toks[d].word == "the" && toks[d + 1..k - 1].iter().all(|p| p.joined))
            .filter(|&d| d + 2 < k)
            .filter(|&d| {
                toks[d + 1..k].iter().any(|p| p.is(Talk) || p.is(Contact))
                    && toks[d + 1..k].iter().any(|p| p.is(StrongNoun))
            });
        if let Some(d) = named
            && toks
                .get(k + 1)
                .is_none_or(|n| n.clause != toks[k].clause || n.is(Polite))
            && !refused(toks, d)
        {
            return Some(ExplicitMatch {
                phrase: phrase(toks, d, k),
                pattern: "the_person_option",
            });
        }
        if !(toks[k - 2].word == "the" || asked) {
            return None;
        }
        let ends = toks
            .get(k + 1)
            .is_none_or(|n| n.clause != toks[k].clause || n.is(Polite));
        let chosen = toks[..k - 2]
            .iter()
            .rev()
            .take_while(|p| p.sentence == toks[k].sentence)
            .take(4)
            .any(|p| {
                p.is(Yes)
                    || matches!(
                        p.word,
                        "take" | "choose" | "pick" | "select" | "want" | "prefer" | "go"
                    )
            })
            || asked
            || toks[..k - 2]
                .iter()
                .all(|p| p.is(Skip) || p.is(Polite) || is_filler(p.word));
        // The noun modifies "option" here, which `human_noun` reads as a compound.
        let person = toks[k - 1].is(StrongNoun)
            || matches!(
                toks[k - 1].word,
                "human" | "person" | "humano" | "humain" | "mensch"
            );
        (ends && chosen && person && !refused(toks, k - 1)).then(|| ExplicitMatch {
            phrase: phrase(toks, k - 2, k),
            pattern: "the_person_option",
        })
    })
}

/// A callback asked for in the imperative, the turn's first words: "ring me please",
/// "call me back asap", "rappelez-moi svp", "llámeme por favor", "ruf mich bitte zurück",
/// "me liga", "richiamatemi". Said to the service, a person calls. Anything else in the
/// clause ("call me when it ships", "call me Bob") leaves it a description.
pub(super) fn call_me_back(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    // "Whoever reads these, please phone me back": a first clause that only addresses the
    // reader.
    let addressed = toks.first().is_some_and(|t| {
        matches!(t.word, "whoever" | "whomever" | "dear")
            || t.word == "to" && toks.get(1).is_some_and(|n| n.word == "whoever")
    });
    let from = if addressed {
        toks.iter().position(|t| t.clause != toks[0].clause)?
    } else {
        0
    };
    let k = from
        + toks[from..].iter().position(|t| {
            !(t.is(Polite) && !t.is(Neg)
                || is_filler(t.word)
                || asking_word(t.word)
                // "oui, rappelez-moi", "yes, ring me back": a yes before it.
                || matches!(
                    t.word,
                    "yes" | "yep" | "sure" | "oui" | "si" | "ja" | "sim" | "vale" | "claro" | "certo"
                ))
        })?;
    let words: Vec<&str> = toks[k..]
        .iter()
        .take_while(|t| t.clause == toks[k].clause)
        .map(|t| t.word)
        .collect();
    // "can you call me back?", "could you please ring me": the service asked, the callback
    // the same ("can you call me when it's ready" is told by what follows).
    let asked_of_you = match words.as_slice() {
        [
            "can" | "could" | "would" | "will",
            "you" | "u",
            "please" | "pls" | "plz",
            ..,
        ] => 3,
        ["can" | "could" | "would" | "will", "you" | "u", ..] => 2,
        _ => 0,
    };
    let words = &words[asked_of_you..];
    // The verb and its "me", in each language's order; `rest` is what follows.
    let rest = match words {
        ["call" | "ring" | "phone", "me", rest @ ..]
        | [
            "rappelez" | "rappelle" | "appelez" | "appelle",
            "moi",
            rest @ ..,
        ]
        | ["llamame" | "llameme" | "llamenme" | "llamadme", rest @ ..]
        | ["ligue" | "liga" | "ligar", "me", rest @ ..]
        | [
            "me",
            "ligue" | "liga" | "ligar" | "ligem" | "liguem",
            rest @ ..,
        ]
        // "liguem-me de volta".
        | ["liguem" | "ligem", "me", rest @ ..]
        | [
            "chiamami" | "chiamatemi" | "richiamami" | "richiamatemi" | "mi",
            rest @ ..,
        ] => rest,
        ["ruf" | "rufen", rest @ ..] => {
            // German: "ruf mich (bitte) an / zurück", "rufen Sie mich an".
            let rest = rest.strip_prefix(&["sie"]).unwrap_or(rest);
            let rest = rest.strip_prefix(&["mich"])?;
            let end = rest
                .iter()
                .position(|w| matches!(*w, "an" | "zuruck" | "zurueck"))?;
            (rest[..end].iter().all(|w| callback_extra(w))).then_some(&rest[end + 1..])?
        }
        _ => return None,
    };
    // Italian "mi" only with a verb of calling after it: "mi richiami", "mi chiami".
    let rest = if words[0] == "mi" {
        rest.strip_prefix(&["richiami"])
            .or_else(|| rest.strip_prefix(&["chiami"]))
            .or_else(|| rest.strip_prefix(&["richiamate"]))?
    } else {
        rest
    };
    // "ring me back pls abt the cargo bike": what the call is about may follow.
    let about = rest
        .iter()
        .position(|w| {
            matches!(
                *w,
                "about"
                    | "abt"
                    | "re"
                    | "regarding"
                    | "concerning"
                    | "sobre"
                    | "acerca"
                    | "concernant"
                    | "wegen"
                    | "bezuglich"
                    | "riguardo"
            )
        })
        .unwrap_or(rest.len());
    rest[..about]
        .iter()
        .all(|w| callback_extra(w))
        .then(|| ExplicitMatch {
            phrase: words[..words.len() - rest.len()].join(" "),
            pattern: "call_me_back",
        })
}

/// Words that may stand around a callback asked for: back, please, now, today, urgently,
/// a number to call, in the six languages.
fn callback_extra(word: &str) -> bool {
    asking_word(word)
        || word.bytes().all(|b| b.is_ascii_digit())
        || spoken_digit(word)
        || is_filler(word)
        || matches!(
            word,
            "back"
                // "de volta": back.
                | "volta"
                | "de"
                // A callback asked for now, for a time to come: "liguem-me amanhã".
                | "tomorrow"
                | "manana"
                | "demain"
                | "morgen"
                | "domani"
                | "amanha"
                | "morning"
                | "afternoon"
                | "manha"
                | "matin"
                | "mattina"
                | "pomeriggio"
                | "asap"
                | "today"
                | "urgently"
                | "soon"
                | "right"
                | "away"
                | "again"
                | "on"
                | "at"
                | "this"
                | "number"
                // "al seis cero dos", "au zéro six", "sul tre due": at the number.
                | "al"
                | "au"
                | "sul"
                | "pelo"
                | "numero"
                // German: "unter der Nummer …".
                | "unter"
                | "der"
                | "nummer"
                | "s"
                | "sil"
                | "vous"
                | "il"
                | "c"
                | "cest"
                | "urgent"
                | "urgente"
                | "vite"
                | "por"
                | "per"
                | "dringend"
                | "schnell"
                | "jetzt"
                | "heute"
                | "noch"
                // "when you can": "llámame cuando puedas", "call me when you can".
                | "when"
                | "you"
                | "can"
                | "cuando"
                | "puedas"
                | "pueda"
                | "puedan"
                | "quand"
                | "pouvez"
                | "quando"
                | "puder"
                | "puo"
                | "gleich"
                | "ahora"
                | "hoy"
                | "agora"
                | "hoje"
                | "subito"
                | "oggi"
                | "presto"
                // A French number read in pairs: "zéro sept, quinze, quarante".
                | "dix"
                | "onze"
                | "douze"
                | "treize"
                | "quatorze"
                | "quinze"
                | "seize"
                | "vingt"
                | "trente"
                | "quarante"
                | "cinquante"
                | "soixante"
                // On the customer's phone: "call me back on my mobile", "rappelez-moi sur
                // mon portable", "llámame al móvil".
                | "my"
                | "mon"
                | "sur"
                | "mobile"
                | "cell"
                | "landline"
                | "portable"
                | "fixe"
                | "movil"
                | "celular"
                | "handy"
                | "festnetz"
                | "cellulare"
                | "telemovel"
        )
}

/// The tokens of the first sentence ("anybody? it has been an hour" → "anybody").
/// Each sentence of a turn of several (a one-sentence turn was already read whole).
fn sentences<'t, 'a>(toks: &'t [Tok<'a>]) -> impl Iterator<Item = &'t [Tok<'a>]> {
    let several = toks
        .first()
        .is_some_and(|f| toks.iter().any(|t| t.sentence != f.sentence));
    let mut rest = if several { toks } else { &[] };
    std::iter::from_fn(move || {
        let first = rest.first()?;
        let end = rest
            .iter()
            .position(|t| t.sentence != first.sentence)
            .unwrap_or(rest.len());
        let (sentence, after) = rest.split_at(end);
        rest = after;
        Some(sentence)
    })
}

/// German verb-final callback by a person: "(können Sie veranlassen,) dass mich heute noch
/// ein Mitarbeiter zurückruft", "dass mich jemand anruft".
pub(super) fn person_calls_me_verb_final(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    let j = toks.iter().position(|t| t.word == "mich")?;
    let k = (j + 1..toks.len())
        .take_while(|&k| toks[k].clause == toks[j].clause)
        .last()?;
    if !calls_back_verb_final(toks[k].word) {
        return None;
    }
    let person = (j + 1..k).find(|&p| human_noun(toks, p).is_some())?;
    let between = (j + 1..k).all(|i| {
        i == person
            || toks[i].is(Skip)
            || toks[i].is(Polite)
            || matches!(
                toks[i].word,
                "bitte"
                    | "heute"
                    | "noch"
                    | "morgen"
                    | "bald"
                    | "gleich"
                    | "schnell"
                    | "ein"
                    | "eine"
                    | "einer"
                    | "ihrer"
                    | "ihr"
                    | "von"
                    | "aus"
                    | "der"
                    | "dem"
            )
            || toks[i].is(Dept)
    });
    // "ich will nicht, dass mich der Vertreter anruft": the wish before it turned down.
    let wish_refused = toks[..j]
        .iter()
        .rev()
        .take_while(|t| t.sentence == toks[j].sentence)
        .any(|t| t.is(Neg));
    (between && !wish_refused && !refused(toks, person) && !not_now(toks, k)).then(|| {
        ExplicitMatch {
            phrase: phrase(toks, j, k),
            pattern: "call_me_back",
        }
    })
}

/// "is a real person reading this?", "is a human on the line?", "is an agent there": a
/// question whether a person is there now, the noun right after "is".
pub(super) fn is_a_person_there(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    let j = toks.iter().position(|t| t.word == "is")?;
    let mut k = j + 1;
    while toks.get(k).is_some_and(|t| {
        matches!(
            t.word,
            "a" | "an" | "any" | "some" | "real" | "actual" | "live"
        )
    }) {
        k += 1;
    }
    let noun = toks.get(k).filter(|n| n.sentence == toks[j].sentence)?;
    let there = toks.get(k + 1).filter(|n| n.sentence == noun.sentence)?;
    let is_there = matches!(
        there.word,
        "reading" | "listening" | "there" | "here" | "on" | "seeing" | "watching" | "available"
    );
    // The question opens its sentence: "this is a person reading" tells.
    let opens = toks[..j]
        .iter()
        .all(|t| t.sentence != toks[j].sentence || is_filler(t.word) || t.is(Polite));
    (k > j + 1 && is_there && opens && human_noun(toks, k) == Some(true) && !refused(toks, k)).then(
        || ExplicitMatch {
            phrase: phrase(toks, j, k + 1),
            pattern: "is_there",
        },
    )
}

/// A voice caller who opens with the person and a word of asking, then gives the reason
/// without a pause a transcript would mark: "operator please the card got declined".
pub(super) fn person_first_then_reason(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    // Greetings and words of asking may come first: "yeah hi um agent please …".
    let k = toks
        .iter()
        .position(|t| !(t.is(Skip) || t.is(Polite) && !t.is(Neg) || is_filler(t.word)))?;
    let asks = toks.get(k + 1).is_some_and(|n| {
        n.clause == toks[k].clause
            && matches!(
                n.word,
                "please" | "pls" | "plz" | "svp" | "bitte" | "now" | "asap"
            )
    });
    (asks
        && human_noun(toks, k) == Some(true)
        && !matches!(toks[k].word, "someone" | "somebody" | "people" | "persons")
        && !refused(toks, k))
    .then(|| ExplicitMatch {
        phrase: phrase(toks, k, k + 1),
        pattern: "bare_noun",
    })
}

/// German verb-final order: "können Sie mich bitte weiterverbinden?", "stellen Sie mich
/// durch": the caller asks to be put through, the verb closing the clause.
pub(super) fn transfer_me_verb_final(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    // "ja, bitte verbinden": the infinitive bids, with only yes and please around it.
    if let Some(v) = toks.iter().position(|t| {
        matches!(
            t.word,
            "verbinden" | "durchstellen" | "weiterverbinden" | "weiterleiten" | "weitervermitteln"
        )
    }) && toks.len() <= 6
        && toks.iter().enumerate().all(|(i, t)| {
            i == v
                || matches!(
                    t.word,
                    "ja" | "bitte"
                        | "jetzt"
                        | "gerne"
                        | "gern"
                        | "doch"
                        | "mal"
                        | "schnell"
                        | "ok"
                        | "okay"
                        | "genau"
                )
        })
        && toks
            .iter()
            .any(|t| matches!(t.word, "bitte" | "ja" | "gerne" | "gern"))
    {
        return Some(ExplicitMatch {
            phrase: phrase(toks, 0, v),
            pattern: "transfer_me",
        });
    }
    // "holen Sie mir jemanden an den Apparat", "eine Fachkraft ans Telefon": a person
    // brought to the phone.
    if let Some(k) = (0..toks.len()).find(|&k| {
        human_noun(toks, k).is_some()
            && (toks.get(k + 1).is_some_and(|n| n.word == "ans")
                && toks.get(k + 2).is_some_and(|n| n.word == "telefon")
                || toks.get(k + 1).is_some_and(|n| n.word == "an")
                    && toks.get(k + 2).is_some_and(|n| n.word == "den")
                    && toks.get(k + 3).is_some_and(|n| n.word == "apparat"))
    }) && !(k > 0 && own_possessive(toks[k - 1].word))
        && !refused(toks, k)
        && !not_now(toks, k)
    {
        return Some(ExplicitMatch {
            phrase: phrase(toks, k, k + 2),
            pattern: "transfer_me",
        });
    }
    // "schalten Sie mal eine Fachkraft dazu": a person switched into the call.
    if let Some(d) = toks.iter().position(|t| t.word == "dazu")
        && toks.get(d + 1).is_none_or(|n| n.clause != toks[d].clause)
        && let Some(v) = toks[..d]
            .iter()
            .rposition(|t| t.clause == toks[d].clause && t.word == "schalten")
        && (v + 1..d).any(|k| human_noun(toks, k).is_some())
        && !refused(toks, v)
        && !not_now(toks, v)
    {
        return Some(ExplicitMatch {
            phrase: phrase(toks, v, d),
            pattern: "transfer_me",
        });
    }
    // "mich" as what is put through, not "an mich" (a mail forwarded to me).
    let j = toks.iter().enumerate().position(|(j, t)| {
        t.word == "mich"
            && !(j > 0 && matches!(toks[j - 1].word, "an" | "fur" | "zu" | "uber" | "auf"))
    })?;
    // "bitte verbinden Sie mich", the verb first and nothing after: put through.
    let rest_polite = toks[j + 1..]
        .iter()
        .take_while(|t| t.clause == toks[j].clause)
        .all(|t| t.is(Polite) || matches!(t.word, "bitte" | "doch" | "mal" | "jetzt" | "schnell"));
    if j >= 2
        && toks[j - 1].word == "sie"
        && matches!(
            toks[j - 2].word,
            "verbinden" | "weiterverbinden" | "vermitteln" | "weitervermitteln"
        )
        && rest_polite
        && !refused(toks, j)
        && !not_now(toks, j)
    {
        return Some(ExplicitMatch {
            phrase: phrase(toks, j - 2, j),
            pattern: "transfer_me",
        });
    }
    let k = (j + 1..toks.len())
        .take_while(|&k| toks[k].clause == toks[j].clause)
        .last()?;
    // "können Sie mich verbinden?": with nothing but "mich" and small words before it,
    // connecting the caller is putting them through.
    let through = matches!(
        toks[k].word,
        "weiterverbinden"
            | "durchstellen"
            | "weiterleiten"
            | "weitervermitteln"
            | "durch"
            | "verbinden"
            | "vermitteln"
    );
    let between = toks[j + 1..k].iter().all(|t| {
        t.is(Skip) || t.is(Polite) || matches!(t.word, "bitte" | "doch" | "mal" | "jetzt")
    });
    (through && between && !refused(toks, j) && !not_now(toks, j)).then(|| ExplicitMatch {
        phrase: phrase(toks, j, k),
        pattern: "transfer_me",
    })
}

/// The turn ends by asking for "just a person": "honestly, at this point just a person".
/// Not when it describes someone ("he is just a human", "not just a human").
pub(super) fn just_a_person(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    let j = toks
        .iter()
        .rposition(|t| matches!(t.word, "just" | "only"))?;
    let k = (j + 1..toks.len()).find(|&k| !toks[k].is(Skip))?;
    let described = j > 0
        && (toks[j - 1].is(Neg)
            || toks[j - 1].is(PastAux)
            || matches!(
                toks[j - 1].word,
                "is" | "im" | "am" | "are" | "youre" | "hes" | "shes" | "theyre" | "be" | "was"
            ));
    // "just a person from the surgery": where the person works may follow.
    let rest = match toks.get(k + 1) {
        Some(n) if matches!(n.word, "from" | "at" | "in") && toks.len() <= k + 6 => &[][..],
        _ => &toks[k + 1..],
    };
    let last = rest.iter().all(|t| t.is(Polite));
    (last
        && !described
        && human_noun(toks, k) == Some(true)
        && !matches!(toks[k].word, "someone" | "somebody" | "people" | "persons")
        && !refused(toks, k))
    .then(|| ExplicitMatch {
        phrase: phrase(toks, j, k),
        pattern: "bare_noun",
    })
}

/// "I don't trust bots with this, real person please": one clause that is a bare request for a
/// person with a word of asking ("please", "svp", "bitte"), or the last clause after one
/// that already asks ("mi passi il servizio clienti, un operatore").
pub(super) fn bare_noun_clause(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    let last_clause = toks.last()?.clause;
    let short = toks.len() <= 8;
    let mut start = 0;
    while start < toks.len() {
        let clause = toks[start].clause;
        let end = toks[start..]
            .iter()
            .position(|t| t.clause != clause)
            .map_or(toks.len(), |p| start + p);
        let part = &toks[start..end];
        let marker = (if short { toks } else { part }).iter().any(|t| asking_word(t.word))
            // "por favor, um ser humano", "your officer, please.": the asking word in a
            // clause of its own next to the noun's.
            || polite_clause(toks, start.checked_sub(1))
            || polite_clause(toks, Some(end))
            // "another canned reply. a person, perhaps?": the noun offered as a suggestion,
            // the turn's last clause saying so.
            || suggestion_clause(toks, end)
            // "someone real, yes", "the person, yeah": the noun picked, then agreed to.
            || yes_clause(toks, end);
        // "lovely, another robot. a person perhaps?": the person set against the bot named in
        // a sentence before ("are you a bot or a person?" asks what it is).
        let bot_before = || {
            toks[..start].iter().enumerate().any(|(i, t)| {
                // "no machine. a human being.": the machine turned away.
                (t.is(Bot)
                    || t.is(Machine)
                        && toks[..i]
                            .iter()
                            .rev()
                            .take(2)
                            .any(|p| matches!(p.word, "not" | "no")))
                    && t.sentence != toks[start].sentence
                    && !toks
                        .iter()
                        .any(|p| p.sentence == t.sentence && matches!(p.word, "are" | "am" | "is"))
            })
        };
        // "une vraie conseillère, pas un bot", "a human, not another bot": the person set
        // against the bot in the clause right after.
        let bot_after = || {
            let Some(next) = toks.get(end) else {
                return false;
            };
            matches!(
                next.word,
                "not" | "no" | "pas" | "nicht" | "kein" | "keinen" | "non" | "nao" | "never"
            ) && {
                let against: Vec<&Tok<'_>> = toks[end..]
                    .iter()
                    .take_while(|t| t.clause == next.clause)
                    .collect();
                // "an adviser, not the help pages", "a human, not more links": anything but
                // another person, and not "not sure", "not now".
                against.len() <= 4 && against.iter().any(|t| t.is(Bot) || t.is(Machine))
                    || against.len() <= 4
                        && against.len() >= 2
                        && !against.iter().any(|t| {
                            t.is(StrongNoun)
                                || t.is(WeakNoun)
                                || matches!(
                                    t.word,
                                    "sure" | "now" | "yet" | "really" | "today" | "anymore"
                                )
                        })
            }
        };
        let asked_before = short
            && (clause == last_clause
                && (toks[..start].iter().any(|t| t.is(Talk)) || bot_before())
                || bot_after());
        // A voice menu answered with a person: "existing. zero. operator".
        // "option three, the adviser": an option of the menu picked by its number too.
        let menu = short
            && toks.iter().enumerate().any(|(i, t)| {
                is_zero(t.word)
                    || t.word == "menu"
                    // "the other one, an adviser": the one picked by its place.
                    || t.word == "one"
                        && i > 0
                        && matches!(
                            toks[i - 1].word,
                            "first" | "second" | "third" | "last" | "other" | "latter"
                        )
                    // "the last option, an adviser": the option picked by its place.
                    || t.word == "option"
                        && i > 0
                        && matches!(
                            toks[i - 1].word,
                            "first" | "second" | "third" | "fourth" | "last" | "other" | "latter"
                        )
                    || t.word == "option"
                        && toks.get(i + 1).is_some_and(|n| {
                            n.word.bytes().all(|b| b.is_ascii_digit()) || english_digit(n.word)
                        })
            });
        let marker = marker || menu && clause == last_clause;
        // "einen Mitarbeiter aus der Disposition", "someone from the booking office": the
        // department a person is of, and its article, say who, not more.
        let of_dept = |i: usize| {
            part[i].is(Dept)
                && (i > 0 && matches!(part[i - 1].word, "from" | "in" | "de" | "du" | "del")
                    || i > 1
                        && matches!(part[i - 2].word, "from" | "aus" | "von" | "in" | "de")
                        && part[i - 1].is(Skip))
        };
        let dept_words = (0..part.len())
            .filter(|&i| of_dept(i))
            .map(|i| if part[i - 1].is(Skip) && i > 1 { 3 } else { 2 })
            .sum::<usize>();
        if part.len() <= 5 + dept_words.min(3) && (marker || asked_before) {
            let mut found = None;
            // "someone real", "somebody human": a person said to be real is asked for.
            let said_real = part.iter().enumerate().any(|(i, t)| {
                matches!(t.word, "real" | "human" | "actual" | "live")
                    // "someone from billing": a person of a department.
                    || t.is(Dept)
                        && i > 0
                        && matches!(part[i - 1].word, "from" | "in" | "de" | "du" | "del")
            });
            let only_noun = part.iter().enumerate().all(|(i, t)| {
                if human_noun(toks, start + i) == Some(true)
                    && (!matches!(t.word, "someone" | "somebody" | "people" | "persons")
                        || said_real && matches!(t.word, "someone" | "somebody"))
                {
                    found.get_or_insert(start + i);
                    true
                } else {
                    t.is(Polite)
                        || t.is(Skip)
                        || is_filler(t.word)
                        || t.is(Boundary)
                        || matches!(t.word, "maybe" | "perhaps")
                        || of_dept(i)
                        || matches!(t.word, "from" | "aus" | "von")
                            && part.get(i + 1).is_some_and(|n| n.is(Dept) || n.is(Skip))
                        // "un technicien piscine svp": what the trade works on, right
                        // after the person and before the asking word.
                        || i > 0
                            && (t.classes.is_empty() || t.is(Workplace) || t.is(Dept))
                            && found == Some(start + i - 1)
                            && part.get(i + 1).is_some_and(|n| asking_word(n.word))
                        // "one of your branch cashiers": a word naming which of the
                        // service's staff.
                        || noun_modifier(toks, start + i)
                            && part[..i].iter().any(|p| p.word == "your")
                }
            });
            if only_noun
                && let Some(k) = found
                && !refused(toks, k)
                && !not_now(toks, k)
                // "human here, not a bot": the customer says what they are.
                && speaker_says_human(toks) != Some(k)
            {
                return Some(ExplicitMatch {
                    phrase: toks[k].word.to_owned(),
                    pattern: "bare_noun",
                });
            }
        }
        start = end;
    }
    None
}

/// A short question after where a member of staff is: "where's your floor manager?", "¿dónde
/// está el encargado?", "wo ist der Filialleiter?". Said to the service, it asks for them.
pub(super) fn where_is_staff(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    if toks.len() > 8 {
        return None;
    }
    let w = toks.iter().position(|t| {
        matches!(
            t.word,
            "where" | "wheres" | "donde" | "ou" | "wo" | "onde" | "dove" | "dov"
        )
    })?;
    if !toks[..w]
        .iter()
        .all(|t| is_filler(t.word) || t.is(Polite) || t.is(Yes))
    {
        return None;
    }
    let k = (w + 1..toks.len().min(w + 5))
        .take_while(|&k| toks[k].clause == toks[w].clause)
        .find(|&k| human_noun(toks, k) == Some(true))?;
    let between_ok = (w + 1..k).all(|i| {
        toks[i].is(Skip)
            || noun_modifier(toks, i)
            || matches!(
                toks[i].word,
                "is" | "s" | "are" | "ur" | "your" | "esta" | "est" | "ist" | "sind" | "e" | "sta"
            )
    });
    (between_ok && !toks.iter().any(|t| t.is(PastAux)) && !refused(toks, k)).then(|| {
        ExplicitMatch {
            phrase: phrase(toks, w, k),
            pattern: "where_is_staff",
        }
    })
}

/// A word that makes a bare noun a request: "please", "now", "s'il vous plaît"…
fn asking_word(word: &str) -> bool {
    matches!(
        word,
        "please"
            | "pls"
            | "plz"
            | "svp"
            | "stp"
            // Spanish chat's "porfa", "xfa".
            | "porfa"
            | "porfavor"
            | "xfa"
            | "pfv"
            | "bitte"
            | "favor"
            | "favore"
            | "plait"
            // "je vous prie".
            | "prie"
            | "now"
            | "asap"
            // "un humain, vite", "ein Mensch, schnell": a person asked for in haste.
            | "vite"
            | "schnell"
            | "rapido"
            | "presto"
            | "quickly"
    )
}

/// Whether the clause at `at` ends the turn and only says yes ("yes", "yeah please").
fn yes_clause(toks: &[Tok<'_>], at: usize) -> bool {
    let Some(clause) = toks.get(at).map(|t| t.clause) else {
        return false;
    };
    toks[at..].iter().any(|t| t.is(Yes) && !t.is(Neg))
        && toks[at..].iter().all(|t| {
            t.clause == clause
                && (matches!(
                    t.word,
                    "yes" | "yeah" | "yep" | "yup" | "si" | "oui" | "ja" | "sim" | "please"
                ) || is_filler(t.word))
        })
}

/// Whether the clause at `at` ends the turn and only says "maybe" or "perhaps".
fn suggestion_clause(toks: &[Tok<'_>], at: usize) -> bool {
    let Some(clause) = toks.get(at).map(|t| t.clause) else {
        return false;
    };
    toks[at..].iter().all(|t| {
        t.clause == clause
            && (matches!(t.word, "maybe" | "perhaps" | "possibly")
                || t.is(Polite)
                || is_filler(t.word))
    }) || possible_question(&toks[at..])
}

/// "… is that possible?", "…, c'est possible ?", "¿es posible?", "ist das möglich?": the
/// turn's last words ask only whether the thing named before can be had.
fn possible_question(rest: &[Tok<'_>]) -> bool {
    let possible = |w: &str| {
        matches!(
            w,
            "possible" | "posible" | "possibile" | "possivel" | "moglich" | "moeglich" | "doable"
        )
    };
    rest.len() <= 5
        && rest.iter().all(|t| t.clause == rest[0].clause)
        && rest
            .last()
            .is_some_and(|t| possible(t.word) || t.is(Polite))
        && rest.iter().any(|t| possible(t.word))
        && rest.iter().all(|t| {
            possible(t.word)
                || t.is(Polite)
                || matches!(
                    t.word,
                    "is" | "would"
                        | "be"
                        | "that"
                        | "this"
                        | "it"
                        | "cest"
                        | "est"
                        | "ce"
                        | "es"
                        | "e"
                        | "ist"
                        | "das"
                        | "sera"
                        | "seria"
                        | "sarebbe"
                        | "ware"
                        | "waere"
                        | "at"
                        | "all"
                        | "even"
                        | "still"
                )
        })
}

/// Whether the clause holding `toks[at]` is only words of asking ("please", "por favor",
/// "s'il vous plaît"), at least one of them an [`asking_word`].
fn polite_clause(toks: &[Tok<'_>], at: Option<usize>) -> bool {
    let Some(clause) = at.and_then(|at| toks.get(at)).map(|t| t.clause) else {
        return false;
    };
    let words = toks.iter().filter(|t| t.clause == clause);
    words.clone().any(|t| asking_word(t.word))
        && words.clone().all(|t| {
            asking_word(t.word)
                || is_filler(t.word)
                || matches!(t.word, "por" | "per" | "sil" | "vous" | "s" | "il")
        })
}

/// "¿hay alguna persona?", "y a quelqu'un ou pas ?", "gibt es da jemanden", "tem alguém aí",
/// "c'è qualcuno": asking whether a person is there, in the other languages.
pub(super) fn is_there_elsewhere(toks: &[Tok<'_>], j: usize) -> Option<ExplicitMatch> {
    let t = &toks[j];
    let next = |k: usize| toks.get(k).filter(|n| n.clause == t.clause).map(|n| n.word);
    // Spoken Italian asks "c'è nessuno?" for "is anybody there?" ("non c'è nessuno" says
    // there is not).
    if t.word == "ce" && next(j + 1) == Some("nessuno") && (j == 0 || !toks[j - 1].is(Neg)) {
        return Some(ExplicitMatch {
            phrase: phrase(toks, j, j + 1),
            pattern: "is_there",
        });
    }
    let marker_end = match t.word {
        // Southern Italian "ce sta quaccheduno?" ("c'è qualcuno?").
        "ce" if next(j + 1) == Some("sta") => j + 1,
        "hay" | "habria" | "tem" | "ha" | "ce" | "gibts" => j,
        // "¿ustedes no tienen a nadie…?", "vous n'avez personne…?": the service addressed.
        "tienen" | "avez" | "habt"
            if toks[j.saturating_sub(3)..toks.len().min(j + 2)]
                .iter()
                .any(|p| matches!(p.word, "ustedes" | "vous" | "ihr")) =>
        {
            j
        }
        // Spoken French "y'a un humain dispo ?": "il y a", its apostrophe joining "ya".
        "ya" if matches!(
            next(j + 1),
            Some("un" | "une" | "quelqu" | "des" | "personne")
        ) =>
        {
            j
        }
        // "y a-t-il": the inversion's "t il" is part of the marker.
        "y" if next(j + 1) == Some("a") => {
            if next(j + 2) == Some("t") && next(j + 3) == Some("il") {
                j + 3
            } else {
                j + 1
            }
        }
        // "cadê um atendente?": where is one.
        "cade" => j,
        "gibt" if next(j + 1) == Some("es") => j + 1,
        // "ist da jemand?", "sind hier Mitarbeiter?": asked with the verb first ("eben ist
        // jemand im Konto" tells who is there).
        "ist" | "sind"
            if matches!(next(j + 1), Some("da" | "hier" | "jemand" | "irgendjemand"))
                && toks[..j]
                    .iter()
                    .rev()
                    .take_while(|p| p.clause == t.clause)
                    .all(|p| {
                        p.is(Skip)
                            || matches!(
                                p.word,
                                "hallo"
                                    | "hi"
                                    | "also"
                                    | "ah"
                                    | "ahm"
                                    | "aeh"
                                    | "hm"
                                    | "ja"
                                    | "na"
                                    | "und"
                            )
                    }) =>
        {
            j
        }
        // "c'è", "ci sono", "ci sarebbe qualcuno…?"
        "ci" | "c" if matches!(next(j + 1), Some("sono" | "e" | "sarebbe" | "sarebbero")) => j + 1,

        _ => return None,
    };
    // "gibt es keinen Mitarbeiter, mit dem ich sprechen kann?", "não há nenhuma pessoa
    // pra me atender?": no one there to talk to, said to the service, asks for one.
    let to_talk_to = |k: usize| {
        toks[k + 1..].iter().take(6).any(|n| {
            n.is(Talk)
                || n.is(TalkFinal)
                || n.is(Contact)
                || matches!(
                    n.word,
                    "atender" | "atenderme" | "atienda" | "atenda" | "reden" | "sprechen"
                )
                // "… keinen Mitarbeiter, der sich kümmert?", "… ninguém que resolva isso?":
                // no one there to deal with the matter.
                || matches!(
                    n.word,
                    "bearbeitet"
                        | "bearbeiten"
                        | "kummert"
                        | "resolva"
                        | "resolver"
                        | "resuelva"
                        | "risolva"
                        | "occupe"
                        | "handles"
                        | "handle"
                )
        })
    };
    // "vocês não têm nenhum atendente?", "¿ustedes no tienen a nadie?": asked of the
    // service addressed, whether it has a person, is asking for one.
    let addressed = toks[..j]
        .iter()
        .rev()
        .take(3)
        .any(|p| matches!(p.word, "voces" | "ustedes" | "vous" | "ihr"));
    let negated = j > 0 && toks[j - 1].is(Neg) && !addressed;
    let place = |w: &str| {
        matches!(
            w,
            "da" | "hier" | "ai" | "ahi" | "aqui" | "alli" | "la" | "li" | "qui" | "ici" | "t"
                // "gibt es bei Ihnen überhaupt Mitarbeiter?": at yours, still, at all.
                | "bei" | "euch" | "ihnen" | "ihr" | "noch" | "uberhaupt" | "ueberhaupt" | "denn"
                | "eigentlich"
                // "gibt es hier auch echte Mitarbeiter?": too, really.
                | "auch" | "wirklich"
        )
    };
    let k = (marker_end + 1..toks.len().min(marker_end + 6))
        .take_while(|&k| toks[k].clause == t.clause)
        .find(|&k| human_noun(toks, k).is_some())?;
    // A word read as a trade by its form alone ("y a de la poussière") is no person there
    // to be asked for, unless said to be free for the customer ("tem algum vendedor
    // disponível?", "hay un vendedor libre para atenderme?").
    if by_form(&toks[k])
        && !matches!(
            next(k + 1),
            Some(
                "disponible"
                    | "disponibles"
                    | "disponivel"
                    | "disponiveis"
                    | "disponibile"
                    | "disponibili"
                    | "dispo"
                    | "libre"
                    | "livre"
                    | "libero"
                    | "libera"
                    | "verfugbar"
                    | "frei"
            )
        )
    {
        return None;
    }
    // French "ce" is "this" ("ce conseiller m'a dit"); Italian "c'è" folds to the same word.
    // An article after it is Italian only ("c'è un commesso", "c'è una ragazza").
    if t.word == "ce"
        && !matches!(next(j + 1), Some("un" | "una" | "uno"))
        && !matches!(
            toks[k].word,
            "qualcuno"
                | "quarcuno"
                | "quaccheduno"
                | "qualcheduno"
                | "operatore"
                | "operatrice"
                | "operatori"
                | "persona"
                | "umano"
                | "collega"
                | "colleghi"
                | "responsabile"
                | "tecnico"
                | "consulente"
                | "specialista"
                | "addetto"
                | "addetta"
                | "addetti"
                | "cristiano"
                // Italian words for staff that French spells otherwise.
                | "dipendente"
                | "dipendenti"
                | "impiegato"
                | "impiegata"
                | "impiegati"
                | "assistente"
                | "esperto"
                | "esperta"
                | "agente"
                | "rappresentante"
                | "tecnici"
                | "consulenti"
                | "persone"
                | "istruttore"
                | "istruttrice"
                | "ottico"
                | "dentista"
                | "veterinario"
        )
    {
        return None;
    }
    let nobody_to_talk_to = to_talk_to(k);
    if negated && !nobody_to_talk_to {
        return None;
    }
    // "hay gente aplastada contra la valla", "c'è una persona ferita": people there, told
    // by what happened to them (a participle after the noun), are reported, not asked for.
    let described = toks.get(k + 1).is_some_and(|n| {
        n.clause == t.clause
            && n.classes.is_empty()
            && n.word.len() > 5
            && [
                "ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas", "ato", "ata", "ati",
                "ate", "ito", "ita", "iti", "ite", "uto", "uta",
            ]
            .iter()
            .any(|e| n.word.ends_with(e))
    });
    // "¿hay alguien capacitado para ayudarme?": one fit for a purpose is asked for.
    let for_a_purpose = toks[k + 1..]
        .iter()
        .take(4)
        .any(|n| matches!(n.word, "para" | "pra" | "per" | "que" | "che" | "pour"));
    if described && !nobody_to_talk_to && !for_a_purpose {
        return None;
    }
    // "gibt es im Laden jemanden": where, in a place named after "im".
    let in_place = |i: usize| {
        matches!(toks[i].word, "im" | "am" | "beim")
            || i > 0
                && matches!(toks[i - 1].word, "im" | "am" | "beim")
                && (toks[i].classes.is_empty() || toks[i].is(Workplace))
    };
    if !(marker_end + 1..k).all(|i| {
        toks[i].is(Skip)
            || place(toks[i].word)
            || in_place(i)
            || noun_modifier(toks, i)
            || nobody_to_talk_to && matches!(toks[i].word, "kein" | "keinen" | "keine")
    }) || refused(toks, k) && !nobody_to_talk_to
        || not_now(toks, k)
    {
        return None;
    }
    Some(ExplicitMatch {
        phrase: phrase(toks, j, k),
        pattern: "is_there",
    })
}

/// "operator um it's about my booking", "representative representative i was charged
/// twice", "customer services please, it's about my package": a voice caller's menu habit,
/// the person's word said first and set apart (a filler, a "please", the word again, a
/// pause), then what the call is about. Not a noun that goes on naming something ("agent
/// smith rang me", "operator error", "representative of the council").
fn menu_word_then_reason(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    let first = toks.iter().position(|t| !is_filler(t.word))?;
    let menu_word = |t: &Tok<'_>| {
        matches!(
            t.word,
            "operator" | "agent" | "representative" | "rep" | "advisor" | "adviser"
        )
    };
    // The word, a department ("complaints complaints um …", "billing please, my …"; only set apart
    // below), or the service named in two ("customer services").
    let dept = toks[first].is(Dept) && !menu_word(&toks[first]);
    let end = if menu_word(&toks[first]) || dept {
        first + 1
    } else if toks[first].is(Customer) && toks.get(first + 1).is_some_and(|n| n.is(ServiceHead)) {
        first + 2
    } else {
        return None;
    };
    let mut at = end;
    // Said twice (the tokenizer keeps one), or with a filler or a plea after it.
    let mut set_apart = toks[end - 1].repeated || toks[end - 1].filler_after;
    // Only a pause after it: what it is about must be said as such ("customer service, I
    // must say, was great" praises it).
    let paused = toks.get(at).is_some_and(|n| n.clause != toks[first].clause);
    while let Some(n) = toks.get(at) {
        let again = n.word == toks[end - 1].word || n.word == toks[first].word;
        if is_filler(n.word) || again || matches!(n.word, "please" | "pls" | "plz") {
            set_apart = true;
            at += 1;
        } else {
            break;
        }
    }
    // What it is about follows: a sentence of its own, said by the caller.
    let about = |k: usize| {
        matches!(toks[k].word, "about" | "regarding" | "re")
            || matches!(toks[k].word, "its" | "it")
                && toks.get(k + 1).is_some_and(|n| n.word == "about")
    };
    // ("customer services er the card reader keeps …": the thing at fault named first.)
    let reason = toks.len() >= at + 3
        && (about(at)
            || set_apart
                && matches!(
                    toks[at].word,
                    "i" | "im"
                        | "ive"
                        | "my"
                        | "we"
                        | "our"
                        | "for"
                        | "its"
                        | "it"
                        | "the"
                        | "this"
                        | "there"
                        | "theres"
                ));
    ((set_apart || paused && !dept) && reason && !toks[..first].iter().any(|t| t.is(Neg))).then(
        || ExplicitMatch {
            phrase: phrase(toks, first, end - 1),
            pattern: "bare_noun",
        },
    )
}

/// "Whoever signs off warranty claims, that's who I need right now", "the duty manager -
/// that's the person we want": a person named first, then said to be the one needed.
fn the_one_i_need(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    let w = |i: usize| toks.get(i).map_or("", |t| t.word);
    let at = (1..toks.len()).find(|&i| {
        let (that, mut n) = match w(i) {
            "thats" => (true, i + 1),
            "that" if matches!(w(i + 1), "s" | "is") => (true, i + 2),
            _ => (false, i),
        };
        if !that {
            return false;
        }
        if w(n) == "who" {
            n += 1;
        } else if w(n) == "the" && matches!(w(n + 1), "one" | "person") {
            n += 2;
        } else {
            return false;
        }
        matches!(w(n), "i" | "we") && matches!(w(n + 1), "need" | "want" | "wanna")
    })?;
    let named =
        (0..at).find(|&k| toks[k].word == "whoever" || human_noun(toks, k) == Some(true))?;
    (!refused(toks, at) && !not_now(toks, at)).then(|| ExplicitMatch {
        phrase: phrase(toks, named, at + 3),
        pattern: "want_noun",
    })
}

/// A message that is little more than a human noun: "agent", "HUMAN please", "live agent now".
pub(super) fn bare_noun(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    if let Some(m) = menu_word_then_reason(toks) {
        return Some(m);
    }
    // A voice caller repeats the noun ("un conseiller, un conseiller", "agent agent"): a
    // little longer, and a "no" to the menu before it stays an answer to the menu.
    let repeated = toks.iter().enumerate().any(|(k, t)| {
        t.is(StrongNoun) && (t.repeated || toks[k + 1..].iter().any(|n| n.word == t.word))
    });
    // The turn ends on the noun said twice ("no agent agent"): the menu's "no" before it
    // answers the menu.
    let said_last_twice = toks.iter().rposition(|t| !t.is(Polite)).is_some_and(|k| {
        toks[k].is(StrongNoun)
            && (toks[k].repeated || toks[..k].iter().any(|p| p.word == toks[k].word))
    });
    // "customer service, customer service", "Kundenservice Kundenservice": the service
    // asked for by name, insistently.
    // "customer service, customer services": said again in the plural.
    let same = |a: &str, b: &str| {
        a == b || a.strip_suffix('s') == Some(b) || b.strip_suffix('s') == Some(a)
    };
    let service_twice = (toks.len() <= 8)
        .then(|| {
            toks.windows(4)
                .position(|w| {
                    w[0].is(Customer)
                        && w[1].is(ServiceHead)
                        && same(w[2].word, w[0].word)
                        && same(w[3].word, w[1].word)
                })
                .or_else(|| {
                    toks.iter()
                        .position(|t| t.repeated && t.is(ServiceHead) && t.is(Dept))
                })
                // "customer service, thanks, customer service": a plea between.
                .or_else(|| {
                    let pairs: Vec<usize> = toks
                        .windows(2)
                        .enumerate()
                        .filter(|(_, w)| w[0].is(Customer) && w[1].is(ServiceHead))
                        .map(|(i, _)| i)
                        .collect();
                    (pairs.len() >= 2
                        && toks.iter().enumerate().all(|(i, t)| {
                            pairs.iter().any(|&p| i == p || i == p + 1) || t.is(Polite)
                        }))
                    .then(|| pairs[0])
                })
        })
        .flatten();
    // "customer service please", "um customer support, please": the service asked for
    // with a word of asking and nothing else (named alone, it may answer a question).
    let service_please = || {
        let asking = |w: &str| matches!(w, "please" | "pls" | "plz" | "thanks" | "thank" | "ta");
        let rest: Vec<usize> = (0..toks.len())
            .filter(|&i| {
                let w = toks[i].word;
                !(asking(w)
                    || is_filler(w)
                    || toks[i].is(Yes) && !toks[i].is(Neg)
                    || matches!(w, "the" | "den" | "der" | "die" | "bitte"))
            })
            .collect();
        // German writes the service as one word ("Kundenservice bitte").
        let one_word_service = |w: &str| {
            matches!(
                w,
                "kundenservice"
                    | "kundendienst"
                    | "kundensupport"
                    | "kundenbetreuung"
                    | "kundenberatung"
            )
        };
        (toks.iter().any(|t| asking(t.word) || t.word == "bitte")
            && (rest.len() == 2
                && toks[rest[0]].is(Customer)
                && rest[1] == rest[0] + 1
                && toks[rest[1]].is(ServiceHead)
                || rest.len() == 1 && one_word_service(toks[rest[0]].word)))
        .then(|| rest[0])
    };
    if let Some(k) = service_twice.or_else(|| (toks.len() <= 8).then(service_please).flatten()) {
        return Some(ExplicitMatch {
            phrase: phrase(toks, k, k + 1),
            pattern: "bare_noun",
        });
    }
    // A voice menu walked through first ("main menu, no, billing, a person").
    let menu = toks
        .iter()
        .any(|t| matches!(t.word, "menu" | "press" | "option" | "options"));
    // "representative for wholesale orders", "an agent for billing please": the person,
    // then what for in a few words, read no further.
    let purpose = toks.iter().position(|t| t.word == "for").filter(|&f| {
        f > 0
                && human_noun(toks, f - 1) == Some(true)
                && toks.len() <= f + 4
                // "an agent for my novel": one of the customer's own to find.
                && toks
                    .get(f + 1)
                    .is_some_and(|n| !matches!(n.word, "my" | "our" | "me" | "us"))
    });
    let said = &toks[..purpose.unwrap_or(toks.len())];
    if said.is_empty() || said.len() > if repeated || menu { 9 } else { 6 } {
        return None;
    }
    let mut found = None;
    for (k, t) in said.iter().enumerate() {
        if human_noun(toks, k) == Some(true)
            && !matches!(t.word, "someone" | "somebody" | "people" | "persons")
        {
            found.get_or_insert(k);
        } else if t.is(Customer) && toks.get(k + 1).is_some_and(|n| n.is(ServiceHead)) {
            // "customer service agent", "customer service, live person" handled by the noun;
            // "customer service" alone is not bare.
            if !toks[k + 2..]
                .iter()
                .find(|n| !n.is(Skip))
                .is_some_and(|n| n.is(StrongNoun))
            {
                return None;
            }
        } else if !(t.is(Polite)
            || t.is(Skip)
            || t.is(ServiceHead)
            || t.is(Customer)
            || is_filler(t.word)
            // A voice menu or a fed-up customer: "main menu, agent", "bot, stop. human.",
            // "enough machines, a person".
            || t.is(Bot)
            || t.is(Machine)
            || t.is(FedUp)
            // "una persona de verdad", "uma pessoa de verdade": a real one.
            || matches!(t.word, "verdad" | "verdade") && k > 0 && toks[k - 1].word == "de"
            // "una persona x favor": chat's "x" for "por".
            || t.word == "x" && toks.get(k + 1).is_some_and(|n| n.word.starts_with("favo"))
            // "yes, a person", "none of the above, a person"; "uh huh" says yes.
            || t.is(Yes) && !t.is(Neg)
            || t.word == "huh"
            || matches!(
                t.word,
                "main" | "menu" | "option" | "options" | "none" | "above" | "of" | "those" | "these"
                    | "press"
                    | "sorry" | "pardon"
                    // "a human maybe?": a bare noun offered as a suggestion; "the manager,
                    // then": the one left.
                    | "maybe" | "perhaps" | "then"
            )
            || is_zero(t.word)
            // A word naming the staff's place or shift: "the branch manager, quick" ("same
            // counselor" names no one new).
            || noun_modifier(toks, k)
                && matches!(
                    t.word,
                    "store" | "shop" | "branch" | "duty" | "shift" | "floor" | "site" | "office"
                        | "area" | "regional" | "depot" | "warehouse" | "clinic" | "ward"
                        | "centre" | "center" | "desk" | "front" | "hotel" | "restaurant"
                )
            // The menu turned down in passing: "main menu, no, an adviser", "no, none of
            // those options, a representative".
            || t.word == "no" && k > 0 && toks[k - 1].word == "menu"
            || t.word == "no" && toks.get(k + 1).is_some_and(|n| n.word == "none")
            // A "no" to the menu in a clause of its own ("no. agent."), or before a noun said
            // twice ("no agent agent"), or said again and again (three "no"s, then the noun).
            || t.word == "no"
                && (said_last_twice
                    || t.repeated
                    || toks.get(k + 1).is_some_and(|n| n.clause != t.clause))
            // A word cut off and said again: "customer serv- customer service".
            || t.classes.is_empty()
                && t.word.len() >= 3
                && toks[k + 1..].iter().any(|n| n.word.len() > t.word.len() && n.word.starts_with(t.word)))
        {
            return None;
        }
    }
    let k = found?;
    if refused(toks, k) {
        return None;
    }
    Some(ExplicitMatch {
        phrase: toks[k].word.to_owned(),
        pattern: "bare_noun",
    })
}

/// A turn that only checks whether anyone is there: "hello? anyone?", "anybody there??".
/// Said to a bot, it looks for a person.
pub(super) fn anyone_there(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    // French "quelqu'un est là ?", said as a short question.
    if toks.len() <= 8
        && let Some(k) = toks.windows(4).position(|w| {
            w[0].word == "quelqu"
                && w[1].word == "un"
                && w[2].word == "est"
                && matches!(w[3].word, "la" | "ici")
        })
    {
        return Some(ExplicitMatch {
            phrase: phrase(toks, k, k + 3),
            pattern: "is_there",
        });
    }
    // "alguien real por ahí??", "alguém aí?", "qualcuno lì?", "jemand da?": the same in the
    // other languages.
    let someone = |w: &str| {
        matches!(
            w,
            "anyone"
                | "anybody"
                | "someone"
                | "somebody"
                | "alguien"
                | "alguem"
                | "qualcuno"
                | "jemand"
        )
    };
    let rest = |w: &str| {
        matches!(
            w,
            "hello"
                | "hi"
                | "hey"
                | "hallo"
                | "ola"
                | "there"
                | "here"
                | "around"
                | "out"
                | "home"
                | "ahi"
                | "alli"
                | "ai"
                | "li"
                | "da"
                | "hola"
                | "oi"
                | "ciao"
        )
    };
    // "someone" alone answers a question ("who should I send it to?"); "anyone?" asks.
    let asks = toks.iter().any(|t| matches!(t.word, "anyone" | "anybody"))
        || toks.iter().any(|t| rest(t.word));
    // "anybody actually reading this?": what the asked person would be doing.
    let present = |w: &str| {
        matches!(
            w,
            "actually"
                | "really"
                | "even"
                | "reading"
                | "listening"
                | "awake"
                | "alive"
                | "this"
                | "real"
                | "human"
                | "live"
                // "any human being on this chat?"
                | "any"
                | "being"
                | "these"
                | "messages"
                | "chats"
                | "monitoring"
                | "watching"
                // "anybody on duty at the moment?", "anyone working today?": at work now.
                | "duty"
                | "working"
                | "today"
                | "tonight"
                | "now"
                | "right"
                | "currently"
                | "at"
                | "moment"
                // "alguien de verdad por ahí?", "qualcuno di vero?".
                | "por"
                | "de"
                | "verdad"
                | "verdade"
                | "vero"
                | "echt"
                | "echtes"
        )
    };
    // "any human being…?": "any" and a person, asked as "anyone".
    let any_person = toks
        .windows(2)
        .any(|w| w[0].word == "any" && matches!(w[1].word, "human" | "humans" | "person"));
    // What a person there would be doing makes the question longer.
    let doing = toks
        .iter()
        .any(|t| matches!(t.word, "reading" | "listening" | "monitoring" | "watching"));
    // "anybody on the other end?", "anyone on the line?": where the person would be.
    let line = |w: &str| matches!(w, "on" | "the" | "other" | "end" | "line");
    // "anyone around who knows the system?": someone there, and what they would know.
    let who_knows = toks
        .windows(2)
        .any(|w| rest(w[0].word) && w[1].word == "who");
    // "anyone from reception about?", "anybody from billing?": the person's desk.
    let from = toks
        .windows(2)
        .position(|w| someone(w[0].word) && w[1].word == "from");
    let of_desk = |k: usize| {
        from.is_some_and(|f| k > f)
            && (toks[k].is(Dept)
                || matches!(
                    toks[k].word,
                    "from" | "the" | "your" | "front" | "desk" | "reception" | "office" | "team"
                ))
    };
    (toks.len() <= 8
        && (toks.len() <= 5
            || toks.iter().any(|t| line(t.word))
            || who_knows
            || doing
            || from.is_some())
        && (asks || any_person)
        && (toks.iter().any(|t| someone(t.word)) || any_person)
        && toks.iter().enumerate().all(|(k, t)| {
            someone(t.word) || rest(t.word) || present(t.word) || line(t.word) || of_desk(k)
        }))
    .then(|| ExplicitMatch {
        phrase: phrase(toks, 0, toks.len() - 1),
        pattern: "is_there",
    })
}

/// An appointment, in the six languages.
pub(super) const APPOINTMENT_WORDS: &[&str] = &[
    "appointment",
    "appointments",
    "appuntamento",
    "termin",
    "cita",
    "rendez",
    "rdv",
    "agendamento",
    "meeting",
    "reuniao",
    "reunion",
    "riunione",
    "besprechung",
];

/// Whether `word` is one of [`APPOINTMENT_WORDS`].
pub(super) fn is_appointment(word: &str) -> bool {
    APPOINTMENT_WORDS.contains(&word)
}

/// A meeting with a person asked for: an appointment at the branch or in person ("un
/// rendez-vous en agence", "einen Termin in der Filiale", "a face-to-face appointment"), or
/// someone to see at a branch or desk ("can I see someone at your office?").
pub(super) fn in_person(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    let appointment = is_appointment;
    let branch = |w: &str| {
        matches!(
            w,
            "branch"
                | "filiale"
                | "agence"
                | "agencia"
                | "sucursal"
                | "oficina"
                | "office"
                | "desk"
                | "counter"
                | "store"
                | "shop"
                | "loja"
                | "negozio"
                | "geschaft"
                | "boutique"
                | "sede"
                | "ufficio"
                | "sportello"
                | "guichet"
                | "schalter"
                | "balcao"
                | "ventanilla"
        )
    };
    let in_person = |w: &str| {
        matches!(
            w,
            "person"
                | "persona"
                | "personne"
                | "personlich"
                | "persoenlich"
                | "pessoalmente"
                | "presencial"
                | "face"
        )
    };
    let asked = |sentence: u32, before: usize| {
        toks[..before].iter().any(|p| {
            p.sentence == sentence
                && (modal(p.word)
                    || p.is(Desire)
                    || p.is(Frame)
                    || matches!(
                        p.word,
                        "like"
                            | "peux"
                            | "posso"
                            | "puedo"
                            | "arrange"
                            | "book"
                            | "schedule"
                            | "gustaria"
                            | "gostaria"
                            | "pedir"
                            | "solicitar"
                            | "agendar"
                            | "marcar"
                            | "prenotare"
                            | "fissare"
                            | "vereinbaren"
                            | "buchen"
                            | "prendre"
                    ))
        })
    };
    // "pop in to see someone", "drop by and meet somebody": a visit, as good as a place.
    let visit = |sentence: u32, before: usize| {
        toks[..before].windows(2).any(|w| {
            w[0].sentence == sentence
                && (w[0].word == "visit"
                    || matches!(w[0].word, "come" | "pop" | "drop" | "stop" | "swing")
                        && matches!(w[1].word, "in" | "by" | "round" | "over" | "down"))
        })
    };
    let told = |sentence: u32| toks.iter().any(|p| p.sentence == sentence && p.is(PastAux));
    // Most turns name no appointment and no place: nothing to look for.
    if !toks.iter().any(|t| {
        appointment(t.word)
            || branch(t.word)
            || matches!(t.word, "in" | "by" | "visit" | "atendimento" | "face")
    }) {
        return None;
    }
    // "um atendimento presencial": a service session in person is an appointment.
    let appointment = |j: usize| {
        appointment(toks[j].word)
            || toks[j].word == "atendimento" && toks.get(j + 1).is_some_and(|n| in_person(n.word))
            // "a home visit from an adviser": a meeting at the customer's.
            || toks[j].word == "visit" && j > 0 && toks[j - 1].word == "home"
    };
    // An appointment to see a person ("an appointment to see someone", "with an adviser").
    let with_person = |j: usize, sentence: u32| {
        (j + 1..toks.len()).any(|i| {
            toks[i].sentence == sentence
                && human_noun(toks, i).is_some()
                // "an appointment with the dentist": a practice's routine booking.
                && !practice_professional(&toks[i])
                && toks[j + 1..i].iter().rev().take(5).any(|p| {
                    matches!(
                        p.word,
                        "see"
                            | "meet"
                            | "with"
                            | "con"
                            | "avec"
                            | "mit"
                            | "com"
                            | "voir"
                            | "ver"
                            | "from"
                    )
                })
        })
    };
    for (j, t) in toks.iter().enumerate() {
        let sentence = t.sentence;
        let here = |i: usize| toks[i].sentence == sentence;
        // A new appointment asked for ("book an appointment"), not one the customer has
        // ("cancel my appointment at the store").
        let new_one = || {
            let before = &toks[j.saturating_sub(5)..j];
            (before.iter().any(|p| {
                matches!(
                    p.word,
                    "a" | "an" | "un" | "une" | "einen" | "uma" | "um" | "una" | "uno"
                )
            }) || toks[..j].last().is_some_and(|p| {
                // French takes one with no article: "prendre rendez-vous".
                matches!(p.word, "prendre" | "fixer" | "demander")
            })) && !before.iter().any(|p| own_possessive(p.word))
        };
        let found = if appointment(j) {
            new_one()
                && asked(sentence, j)
                && ((0..toks.len()).any(|i| {
                    i != j && here(i) && (branch(toks[i].word) || in_person(toks[i].word))
                }) || with_person(j, sentence))
        } else if human_noun(toks, j).is_some()
            // "hand the files in in person": the manner, not someone to meet.
            && !(j > 0
                && matches!(toks[j - 1].word, "in" | "en" | "em" | "di")
                && matches!(t.word, "person" | "persona" | "personne" | "pessoa"))
        {
            // Someone to see, meet or talk to there ("see someone at your office"), not
            // someone described ("the staff at the shop", "appointed by the branch").
            let meet = toks[..j]
                .iter()
                .rev()
                .take_while(|p| p.clause == t.clause)
                .any(|p| {
                    p.is(Talk)
                        || matches!(
                            p.word,
                            "see"
                                | "meet"
                                // "come in and sit down with an adviser".
                                | "sit"
                                | "sentarme"
                                | "sentarnos"
                                | "reunirme"
                                | "reunirnos"
                                | "sentar"
                                | "reunir"
                                | "asseoir"
                                | "sedermi"
                                | "incontrarmi"
                                | "sort"
                                | "voir"
                                | "ver"
                                | "sehen"
                                | "vedere"
                                | "treffen"
                                | "incontrare"
                                | "encontrar"
                                | "rencontrer"
                        )
                });
            // "in person if possible", "face to face": said as well as a place.
            let in_person_said = toks.windows(2).any(|w| {
                w[0].sentence == sentence
                    && (matches!(w[0].word, "in" | "en" | "di" | "em")
                        && matches!(w[1].word, "person" | "persona" | "personne" | "pessoa")
                        || w[0].word == "face" && w[1].word == "to")
            });
            // "sort it out face to face with a clerk": said in person, the
            // person met is the one it is done with.
            let met_with = in_person_said
                && toks[j.saturating_sub(4)..j]
                    .iter()
                    .any(|p| matches!(p.word, "with" | "con" | "avec" | "mit" | "com"));
            (meet || met_with)
                && ((j + 1..toks.len().min(j + 5)).any(|i| here(i) && branch(toks[i].word))
                    || visit(sentence, j)
                    || in_person_said)
                && asked(sentence, j)
        } else {
            false
        };
        if found && !told(sentence) && !refused(toks, j) && !not_now(toks, j) {
            return Some(ExplicitMatch {
                phrase: phrase(toks, j, j),
                pattern: "in_person",
            });
        }
    }
    None
}
