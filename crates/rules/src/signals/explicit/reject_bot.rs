//! Rejecting the bot or the machine in favour of a person ("no more bots", "I don't
//! want to talk to a machine anymore").

use super::*;

/// Rejecting the bot rather than naming a person: "no more bots", "I don't want to talk to
/// a machine anymore", "enough of this robot", "ya no quiero hablar con máquinas".
pub(super) fn reject_bot(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    if let Some(m) = identity_then_want(toks).or_else(|| a_real_one(toks)) {
        return Some(m);
    }
    // "real person here, not a bot", "I'm a human, not a robot": the customer saying what
    // they are, not turning the bot down.
    let speaker = speaker_says_human(toks);
    for k in 0..toks.len() {
        let t = &toks[k];
        // "virtual assistant", "AI agent", "asistente virtual": the bot, named as an agent.
        let bot_agent = bot_agent_at(toks, k);
        let strong = t.is(Bot) || bot_agent.is_some();
        if !strong && !t.is(Machine) {
            continue;
        }
        if speaker.is_some_and(|h| h < k && k - h <= 5) {
            continue;
        }
        // "robot vacuum", "AI-generated", "the system to update": a modifier, not the bot.
        if t.joined {
            continue;
        }
        // "if the chatbot still fails tomorrow…": a condition for later, not a refusal now.
        if toks[..k]
            .iter()
            .any(|p| p.sentence == t.sentence && matches!(p.word, "if" | "si" | "wenn" | "falls"))
        {
            continue;
        }
        // The noun phrase ends at the agent noun when the modifier comes first.
        let end = bot_agent.map_or(k, |(_, last)| last);
        // "con un computer non ci parlo", "mit dem Roboter rede ich nicht":
        // the bot named first, the talking refused after it.
        if let Some(m) = talking_refused_after(toks, k, end) {
            return Some(m);
        }
        let adjective = matches!(
            t.word,
            "automated"
                | "automatic"
                | "robotic"
                | "canned"
                | "scripted"
                | "templated"
                | "automatisch"
                | "automatische"
                | "automatischen"
        );
        let next = toks.get(end + 1).filter(|n| n.clause == t.clause);
        // What may follow the bot in the same clause: the end of a request ("no bot
        // please", "enough of the bot, I said"), or the bot's own doing ("quit the bot
        // answers", "get the robot out of here").
        let bot_thing = |w: &str| {
            matches!(
                w,
                "answers"
                    | "antworten"
                    | "nachrichten"
                    | "responses"
                    | "replies"
                    | "messages"
                    | "thing"
                    | "bit"
                    | "stuff"
                    | "nonsense"
                    | "crap"
                    | "garbage"
                    | "rubbish"
                    | "menu"
                    | "chat"
                    | "conversation"
                    | "any"
                    | "ever"
                    | "again"
                    | "longer"
                    | "anymore"
                    // German "keine Bots mehr" (no more bots).
                    | "mehr"
                    // "not arguing with a chatbot about the pension": what it is about.
                    | "about"
                    | "regarding"
                    | "out"
                    | "away"
                    | "off"
                    // The bot doing the work: "an AI handling my claim", "a machine answering".
                    | "handling"
                    | "answering"
                    | "deciding"
                    | "doing"
                    | "dealing"
                    | "processing"
                    | "reviewing"
                    | "managing"
                    | "sorting"
                    | "running"
            )
        };
        // "disable the automated payment reminders", "automatic renewal", "the automatic
        // reply emails": the adjective names another thing, not the bot.
        let other_thing = toks.get(end + 2).is_some_and(|m| {
            m.clause == t.clause
                && matches!(
                    m.word,
                    "emails"
                        | "email"
                        | "notifications"
                        | "reminders"
                        | "texts"
                        | "letters"
                        | "payments"
                        | "settings"
                        | "feature"
                        | "function"
                )
        });
        if adjective
            && (other_thing
                || next.is_some_and(|n| {
                    !(n.is(Bot)
                        || n.is(Machine)
                        || n.is(Polite)
                        || n.is(Boundary)
                        || bot_thing(n.word)
                        || matches!(
                            n.word,
                            "answer"
                                | "response"
                                | "reply"
                                | "message"
                                | "system"
                                | "systems"
                                | "voice"
                                | "service"
                                | "line"
                                | "help"
                                | "calls"
                                | "call"
                        ))
                }))
        {
            continue;
        }
        if adjective
            && next.is_some_and(|n| bot_thing(n.word))
            && let Some(m) = bot_useless_after(toks, end + 1)
        {
            return Some(m);
        }
        // "we want out of your bot", "I want out of this automated system".
        if before_want_out(toks, k) {
            return Some(ExplicitMatch {
                phrase: phrase(toks, k.saturating_sub(3), end),
                pattern: "reject_bot",
            });
        }
        // German puts the verb last: "nicht mit einem Bot über die Rechnung reden".
        let talked_after = toks[end + 1..]
            .iter()
            .take_while(|p| p.clause == t.clause)
            .any(|p| matches!(p.word, "reden" | "sprechen" | "chatten" | "schreiben"));
        if !adjective
            && bot_agent.is_none()
            && !talked_after
            && let Some(n) = next
            && !(n.is(Polite)
                || n.is(Boundary)
                || n.is(FedUp)
                || n.is(Talk)
                || n.is(TalkFinal)
                || bot_thing(n.word)
                // "bot go away", "bot, leave me alone": told to go (read below).
                || toks.len() <= 5 && matches!(n.word, "go" | "leave" | "begone" | "shut"))
        {
            if let Some(m) = bot_useless(toks, k) {
                return Some(m);
            }
            // "not typing to a computer for another hour": the talking itself refused,
            // whatever follows.
            if let Some(start) = talking_refused(toks, k) {
                return Some(ExplicitMatch {
                    phrase: phrase(toks, start, k),
                    pattern: "reject_bot",
                });
            }
            continue;
        }
        let start = toks[..k]
            .iter()
            .rposition(|p| p.clause != t.clause)
            .map_or(0, |p| p + 1);
        // "chega de respostas automáticas", "basta con le risposte automatiche": the
        // Romance adjective follows the bot's doing, which starts the noun phrase.
        let first = if k > 0 && toks[k - 1].clause == t.clause && romance_answers(toks[k - 1].word)
        {
            k - 1
        } else {
            bot_agent.map_or(k, |(first, _)| first)
        };
        let before = &toks[start..first];
        // "bot, stop": a short message that tells the bot to stop.
        if toks.len() <= 5
            && !(k > 0 && matches!(toks[k - 1].word, "my" | "our" | "his" | "her" | "their"))
            && toks.get(end + 1).is_some_and(|n| {
                matches!(
                    n.word,
                    "stop"
                        | "enough"
                        | "quit"
                        | "basta"
                        | "genug"
                        | "step"
                        | "shut"
                        | "go"
                        | "leave"
                        | "begone"
                )
            })
        {
            return Some(ExplicitMatch {
                phrase: phrase(toks, k, end + 1),
                pattern: "reject_bot",
            });
        }
        let talked_to = before.iter().any(|p| {
            matches!(
                p.word,
                "talk"
                    | "talking"
                    | "speak"
                    | "speaking"
                    | "chat"
                    | "chatting"
                    | "deal"
                    | "dealing"
                    | "converse"
                    | "communicate"
                    | "type"
                    | "typing"
                    | "hablar"
                    | "parler"
                    | "discuter"
                    | "sprechen"
                    | "reden"
                    | "chatten"
                    | "falar"
                    | "conversar"
                    | "parlare"
                    | "chattare"
                    | "discuss"
                    | "discussing"
                    | "explain"
                    | "explaining"
                    | "go"
                    // "pas question de continuer avec ce robot": going on with it.
                    | "continue"
                    | "continuing"
                    | "continuer"
                    | "continuar"
                    | "continuare"
                    | "hablando"
                    | "parlant"
                    | "falando"
                    | "parlando"
            )
        }) || talked_after;
        // "not chatting with a computer anymore": the talking itself refused.
        let not_talking = talking_refused(toks, k).is_some();
        // "get the bot out", "take the robot away".
        let removal = next.is_some_and(|n| matches!(n.word, "out" | "away" | "off"))
            && before
                .iter()
                .any(|p| matches!(p.word, "get" | "take" | "move"));
        // "we're not having this argument with a machine": the exchange itself refused.
        let exchange_refused = before.windows(2).any(|w| {
            w[0].is(Neg) && matches!(w[1].word, "having" | "doing" | "continuing" | "holding")
        }) && before.iter().any(|p| {
            matches!(
                p.word,
                // (the typo pass may read "discussion" as a verb of talking)
                "conversation"
                    | "chat"
                    | "discussion"
                    | "discuss"
                    | "discussing"
                    | "argument"
                    | "exchange"
            )
        })
            // "not discussing it with a machine": the matter at hand, done with the machine.
            || before.windows(4).any(|w| {
                w[0].is(Neg)
                    && matches!(w[1].word, "doing" | "having" | "discussing")
                    && matches!(w[2].word, "this" | "that" | "it")
                    && w[3].word == "with"
            });
        if (not_talking || removal || exchange_refused)
            && !before.iter().any(|p| p.is(Hypothetical))
        {
            return Some(ExplicitMatch {
                phrase: phrase(toks, start, end),
                pattern: "reject_bot",
            });
        }
        if !strong && !talked_to {
            continue;
        }
        // Only articles, "to", "with", "this" between the cue and the noun.
        let filler = |p: &Tok<'_>| {
            (p.is(Skip)
                || p.is(Talk)
                || p.is(Polite) && !p.is(Yes)
                // "quit feeding me canned answers": the feeding is the bot's.
                || matches!(p.word, "giving" | "sending" | "feeding" | "throwing")
                // "done typing to a machine".
                || matches!(p.word, "typing" | "texting" | "messaging" | "writing"))
                && !p.is(Desire)
                && !p.is(Neg)
                && !p.is(FedUp)
        };
        let cue = before.iter().rposition(|p| !filler(p));
        let Some(c) = cue else { continue };
        let cue_tok = &before[c];
        // "I have had it with the bot": fed up, said as an idiom.
        let had_it = cue_tok.word == "it" && c > 0 && before[c - 1].word == "had";
        // "switch the bot off", "get rid of"; but "check out this robot" is not a refusal.
        if matches!(cue_tok.word, "out" | "off" | "away")
            && !(c > 0
                && matches!(
                    before[c - 1].word,
                    "turn"
                        | "switch"
                        | "shut"
                        | "get"
                        | "take"
                        | "kick"
                        | "throw"
                        | "move"
                        | "log"
                        | "sign"
                        | "opt"
                        | "cut"
                ))
        {
            continue;
        }
        // "I refuse to go on chatting with a machine": a refusal with the talking in between.
        // The refusal is attached: a negator right before the desire ("don't want"), or
        // "refuse" itself.
        let attached = before.iter().enumerate().any(|(i, p)| {
            p.word == "refuse"
                || p.is(Desire)
                    && (i > 0 && (before[i - 1].is(Neg) || i > 1 && before[i - 2].is(Neg))
                        // "ich möchte nicht mit einer KI…"
                        || before.get(i + 1).is_some_and(|n| n.word == "nicht"))
        });
        let refuses_talking = talked_to && attached;
        let not_another = cue_tok.is(Neg)
            && before
                .get(c + 1)
                .is_some_and(|p| matches!(p.word, "another" | "more" | "any"));
        let refusal = refuses_talking
            || had_it
            || not_another
            || cue_tok.is(Desire) && before[..c].iter().any(|p| p.is(Neg))
            || cue_tok.is(Neg)
                && (talked_to
                    || matches!(
                        cue_tok.word,
                        "no" | "kein" | "keinen" | "keine" | "keinem" | "keiner" | "nicht"
                    ))
            // "pas de robot", "nada de robots", "niente robot", "nenhum robô": none of it.
            || matches!(cue_tok.word, "pas" | "nada")
                && before
                    .get(c + 1)
                    .is_some_and(|p| matches!(p.word, "de" | "d" | "du" | "des"))
            || matches!(cue_tok.word, "niente" | "nessun" | "nenhum")
            // "not bot. HUMAN.", "not a bot, a person": the bot set against a person.
            // Any word for the staff will do ("a member of staff, not a chatbot"), but not
            // the customer's own people ("not a bot, my colleague checked it").
            || cue_tok.word == "not"
                && toks.iter().enumerate().any(|(h, p)| {
                    (matches!(
                        p.word,
                        "human" | "humans" | "person" | "humano" | "humain" | "mensch" | "umano"
                    ) || p.is(StrongNoun) && !(h > 0 && own_possessive(toks[h - 1].word)))
                    // "I am a person, not a bot": the customer says what they are.
                    && !toks[h.saturating_sub(4)..h]
                        .iter()
                        .any(|q| q.clause == p.clause && matches!(q.word, "i" | "im" | "am"))
                })
            || (cue_tok.is(FedUp)
                && (cue_tok.word == "more" && c > 0 && before[c - 1].is(Neg)
                    // French "plus de robot" (no more robot); English "plus" adds.
                    || cue_tok.word == "plus"
                        && before
                            .get(c + 1)
                            .is_some_and(|p| matches!(p.word, "de" | "d" | "du" | "des"))
                    || !matches!(cue_tok.word, "more" | "over" | "plus")));
        let of_with = cue_tok.is(FedUp)
            || had_it
            || before[c + 1..]
                .first()
                .is_some_and(|p| matches!(p.word, "of" | "with" | "de" | "con" | "mit"));
        // "is the transcription done by AI?": the passive, not the customer done with it.
        let passive = cue_tok.word == "done" && before.get(c + 1).is_some_and(|p| p.word == "by");
        if refusal
            && !passive
            && (of_with || !cue_tok.is(FedUp) || cue_tok.is(Neg) || cue_tok.is(Desire))
        {
            return Some(ExplicitMatch {
                phrase: phrase(&toks[start..], c, end - start),
                pattern: "reject_bot",
            });
        }
    }
    None
}

/// Where the clause of the bot at `k` starts, when in it a negation comes right before a
/// verb of talking ("I'm not chatting with a computer", "no longer typing to a machine").
pub(super) fn talking_refused(toks: &[Tok<'_>], k: usize) -> Option<usize> {
    let clause = toks[k].clause;
    let start = toks[..k]
        .iter()
        .rposition(|p| p.clause != clause)
        .map_or(0, |p| p + 1);
    let before = &toks[start..k];
    before
        .iter()
        .enumerate()
        .any(|(i, p)| {
            // The negator right before the verb, or before "going to" ("not going to
            // explain this to a computer").
            let negated =
                |j: usize| before[j].is(Neg) || matches!(before[j].word, "longer" | "anymore");
            // "we refuse to settle the claim with your robot", "I would prefer not to carry on
            // with a bot": the act refused, or not wished, with the machine.
            let refused_act = i > 1
                && before[i - 1].word == "to"
                && (matches!(before[i - 2].word, "refuse" | "refusing" | "decline")
                    || negated(i - 2) && i > 2 && matches!(before[i - 3].word, "prefer" | "rather"));
            let attached = i > 0 && negated(i - 1)
                || refused_act
                || i > 2
                    && negated(i - 3)
                    && matches!(before[i - 2].word, "going" | "about")
                    && before[i - 1].word == "to"
                // "we didn't come here to argue with a program", "I never paid to chat
                // with a machine": what the customer came for, refused.
                || i > 1 && before[i - 1].word == "to" && {
                    let came_for = |w: &str| {
                        matches!(
                            w,
                            "come" | "here" | "sign" | "signed" | "up" | "pay" | "paid" | "call"
                                | "ring" | "phone" | "contact" | "you"
                        )
                    };
                    (i.saturating_sub(4)..i - 1).any(|x| {
                        negated(x) && x + 1 < i - 1 && before[x + 1..i - 1].iter().all(|q| came_for(q.word))
                    })
                };
            attached
                && matches!(
                    p.word,
                    "talk"
                        | "talking"
                        | "speak"
                        | "speaking"
                        | "chat"
                        | "chatting"
                        | "type"
                        | "typing"
                        | "deal"
                        | "dealing"
                        | "explain"
                        | "explaining"
                        | "tell"
                        | "telling"
                        | "describe"
                        | "argue"
                        | "arguing"
                        | "discuss"
                        | "write"
                        | "writing"
                        | "do"
                        | "sort"
                        | "carry"
                        | "continue"
                        | "go"
                        | "handle"
                        | "discussing"
                )
        })
        .then_some(start)
}

/// The bot's answers in the Romance languages, said before "automatic".
fn romance_answers(word: &str) -> bool {
    matches!(
        word,
        "respuesta"
            | "respuestas"
            | "reponse"
            | "reponses"
            | "resposta"
            | "respostas"
            | "risposta"
            | "risposte"
            | "mensajes"
            | "mensagens"
            | "messaggi"
            | "messages"
    )
}

/// The bot at `k..=end` after "with" ("con una macchina", "mit einem Automaten"), then in
/// its clause a verb of talking next to a negation: the talking with it refused.
fn talking_refused_after(toks: &[Tok<'_>], k: usize, end: usize) -> Option<ExplicitMatch> {
    let clause = toks[k].clause;
    let with = toks[..k]
        .iter()
        .rev()
        .take(3)
        .take_while(|p| p.clause == clause)
        .position(|p| matches!(p.word, "con" | "mit" | "avec" | "com" | "with"))?;
    let from = k - 1 - with;
    // Not "con la macchina del caffè": a machine of something else.
    if !toks[from + 1..k].iter().all(|p| p.is(Skip))
        || toks.get(end + 1).is_some_and(|n| {
            matches!(
                n.word,
                "del"
                    | "della"
                    | "di"
                    | "de"
                    | "des"
                    | "du"
                    | "da"
                    | "do"
                    | "der"
                    | "von"
                    | "for"
                    | "of"
            )
        })
    {
        return None;
    }
    let after: Vec<&Tok<'_>> = toks[end + 1..]
        .iter()
        .take_while(|p| p.clause == clause)
        .take(6)
        .collect();
    let talk = |w: &str| {
        matches!(
            w,
            "parlo"
                | "parlare"
                | "rede"
                | "reden"
                | "spreche"
                | "sprechen"
                | "diskutiere"
                | "diskutieren"
                | "discuto"
                | "hablo"
                | "hablar"
                | "falo"
                | "falar"
                | "converso"
                | "chatte"
                | "chatten"
                | "parle"
                | "discute"
        )
    };
    let v = after.iter().position(|p| talk(p.word))?;
    let negated = after[v.saturating_sub(2)..after.len().min(v + 4)]
        .iter()
        .any(|p| p.is(Neg));
    negated.then(|| ExplicitMatch {
        phrase: phrase(toks, from, end + 1 + v),
        pattern: "reject_bot",
    })
}

/// "want out of (the) bot": up to two articles or determiners between "of" and the bot.
pub(super) fn before_want_out(toks: &[Tok<'_>], k: usize) -> bool {
    let clause = toks[k].clause;
    let mut i = k;
    while i > 0
        && toks[i - 1].clause == clause
        && matches!(toks[i - 1].word, "the" | "this" | "that" | "your")
    {
        i -= 1;
    }
    i >= 3
        && toks[i - 1].word == "of"
        && toks[i - 2].word == "out"
        && matches!(toks[i - 3].word, "want" | "wanna" | "need")
        && !refused(toks, i - 3)
}

/// [`bot_useless`] for a bot named by an adjective and a head ("that scripted stuff is
/// rubbish"): what follows the head at `k` says the bot is useless.
pub(super) fn bot_useless_after(toks: &[Tok<'_>], k: usize) -> Option<ExplicitMatch> {
    let t = toks.get(k)?;
    let rest: Vec<&str> = toks[k + 1..]
        .iter()
        .take_while(|n| n.clause == t.clause)
        .take(4)
        .map(|n| n.word)
        .collect();
    let useless = rest.iter().any(|w| {
        matches!(
            *w,
            "useless" | "pointless" | "hopeless" | "rubbish" | "garbage" | "worthless" | "broken"
        )
    });
    let not_helping = rest.windows(2).any(|w| {
        matches!(w[0], "isnt" | "not" | "doesnt") && matches!(w[1], "helping" | "help" | "working")
    });
    (not_helping || useless && !rest.iter().any(|w| matches!(*w, "not" | "isnt" | "never"))).then(
        || ExplicitMatch {
            phrase: phrase(toks, k.saturating_sub(1), k),
            pattern: "reject_bot",
        },
    )
}

/// The words that make an agent or assistant the bot itself, on either side of it.
pub(super) fn bot_modifier(word: &str) -> bool {
    matches!(
        word,
        "virtual"
            | "virtuel"
            | "virtuelle"
            | "virtuale"
            | "virtueller"
            | "virtuellen"
            | "ai"
            | "ia"
            | "ki"
            | "digital"
            | "digitale"
            | "automated"
            | "automatic"
            | "automatico"
            | "automatique"
            | "automatisch"
            | "bot"
            | "robot"
            | "chatbot"
            | "smart"
            | "software"
    )
}

/// At `k`, "virtual assistant" / "AI agent" (modifier first) or "asistente virtual" (noun
/// first): the span of the bot named as an agent.
pub(super) fn bot_agent_at(toks: &[Tok<'_>], k: usize) -> Option<(usize, usize)> {
    let agent = |w: &str| {
        matches!(
            w,
            "agent"
                | "agents"
                | "assistant"
                | "assistants"
                | "agente"
                | "asistente"
                | "assistente"
                | "assistent"
                | "assistenten"
                | "assistante"
        )
    };
    let t = &toks[k];
    let n = toks.get(k + 1).filter(|n| n.clause == t.clause)?;
    if bot_modifier(t.word) && agent(n.word) {
        return Some((k, k + 1));
    }
    if agent(t.word) && bot_modifier(n.word) && !t.is(Bot) {
        return Some((k, k + 1));
    }
    None
}

/// "this chatbot isn't helping", "the bot doesn't understand me", "your AI is useless": the
/// bot itself judged useless, which asks for someone else. Not someone's own bot ("my
/// chatbot doesn't understand Spanish" is a question about a product).
pub(super) fn bot_useless(toks: &[Tok<'_>], k: usize) -> Option<ExplicitMatch> {
    let t = &toks[k];
    if !t.is(Bot) || (k > 0 && matches!(toks[k - 1].word, "my" | "our" | "their" | "his" | "her")) {
        return None;
    }
    let rest: Vec<&Tok<'_>> = toks[k + 1..]
        .iter()
        .take_while(|n| n.clause == t.clause)
        .take(4)
        .collect();
    let useless = |w: &str| {
        matches!(
            w,
            "useless"
                | "pointless"
                | "worthless"
                | "hopeless"
                | "stupid"
                | "dumb"
                | "clueless"
                | "inutil"
                | "inutile"
                | "nul"
                | "nutzlos"
                | "sinnlos"
        )
    };
    let fails = |w: &str| {
        matches!(
            w,
            "help"
                | "helping"
                | "helpful"
                | "understand"
                | "understanding"
                | "get"
                | "getting"
                | "sort"
                | "fix"
                | "solve"
                | "handle"
                | "do"
                | "deal"
                | "resolve"
                | "answer"
        )
    };
    let negated = |w: &str| {
        matches!(
            w,
            "isnt" | "not" | "doesnt" | "cant" | "cannot" | "wont" | "never" | "arent" | "dont"
        )
    };
    let hit = rest.iter().position(|n| useless(n.word)).or_else(|| {
        rest.windows(2)
            .position(|w| negated(w[0].word) && fails(w[1].word))
            .map(|p| p + 1)
    })?;
    Some(ExplicitMatch {
        phrase: phrase(toks, k, k + 1 + hit),
        pattern: "reject_bot",
    })
}

/// "are you human? if not, get me someone who is": an identity question, then a wish for a
/// person should the answer be no.
pub(super) fn identity_then_want(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    // "are you a person", "you're not human, are you": "you" near a person or bot word.
    let q = toks
        .iter()
        .position(|t| matches!(t.word, "you" | "u" | "youre" | "ur"))?;
    let asks_identity = toks[q.saturating_sub(2)..toks.len().min(q + 5)]
        .iter()
        .any(|n| n.is(StrongNoun) || n.is(Bot) || n.is(Machine));
    if !asks_identity {
        return None;
    }
    let cond = (q + 1..toks.len().saturating_sub(1)).find(|&i| {
        // An identity asked, then "if you are" or "if so" and the wish for someone else.
        (toks[i].word == "if" && matches!(toks[i + 1].word, "not" | "no" | "so" | "yes"))
            || toks[i].word == "if"
                && toks[i + 1].word == "you"
                && toks
                    .get(i + 2)
                    .is_some_and(|n| matches!(n.word, "are" | "re"))
                && toks[..q + 5.min(toks.len() - q)]
                    .iter()
                    .any(|n| n.is(Bot) || n.is(Machine))
            || matches!(toks[i].word, "otherwise" | "else")
            || (toks[i].word == "then" && toks[i].clause != toks[q].clause)
    })?;
    let wish = (cond + 1..toks.len().min(cond + 6))
        .find(|&i| (toks[i].is(Frame) || toks[i].is(Talk)) && !toks[i - 1].is(Neg))?;
    Some(ExplicitMatch {
        phrase: phrase(toks, q, wish),
        pattern: "identity_then_want",
    })
}

/// "you're a machine, you can't help me", "get me off this thing", "I don't want a
/// computer": the customer tells the bot it is a machine that cannot do this, or wants off it.
pub(super) fn done_with_the_machine(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    let machine = |t: &Tok<'_>| {
        t.is(Bot) || t.is(Machine) || matches!(t.word, "program" | "programme" | "thing")
    };
    for j in 0..toks.len() {
        let t = &toks[j];
        // "you're (just) a machine … you can't help".
        if matches!(t.word, "youre" | "ur" | "are")
            && (t.word != "are" || j > 0 && toks[j - 1].word == "you")
            && let Some(m) = (j + 1..toks.len().min(j + 4)).find(|&m| machine(&toks[m]))
            && toks[j + 1..m]
                .iter()
                .all(|p| matches!(p.word, "a" | "an" | "just" | "only"))
            && toks[m].word != "thing"
        {
            let cannot = toks[m + 1..].windows(2).any(|w| {
                matches!(w[0].word, "cant" | "cannot" | "wont" | "dont" | "unable")
                    && matches!(
                        w[1].word,
                        "help" | "sort" | "fix" | "solve" | "handle" | "do" | "deal" | "understand"
                    )
            });
            if cannot {
                return Some(ExplicitMatch {
                    phrase: phrase(toks, j, m),
                    pattern: "reject_bot",
                });
            }
        }
        // "get me off this thing", "take me off the bot".
        if matches!(t.word, "get" | "take" | "let")
            && toks.get(j + 1).is_some_and(|n| n.word == "me")
            && toks
                .get(j + 2)
                .is_some_and(|n| matches!(n.word, "off" | "out" | "away"))
            && let Some(m) = (j + 3..toks.len().min(j + 7)).find(|&m| {
                machine(&toks[m])
                    || matches!(toks[m].word, "menu" | "chat" | "loop")
                    // "this automated line is hopeless, get me out of it": the bot
                    // named before, then left.
                    || matches!(toks[m].word, "it" | "here")
                        && toks[..j]
                            .iter()
                            .any(|p| (p.is(Bot) || p.is(Machine)) && !p.joined)
            })
            && toks[j + 3..m].iter().all(|p| {
                matches!(
                    p.word,
                    "of" | "from" | "this" | "the" | "that" | "stupid" | "automated"
                )
            })
        {
            return Some(ExplicitMatch {
                phrase: phrase(toks, j, m),
                pattern: "reject_bot",
            });
        }
        // "I don't want a computer" (said to the bot): the machine refused outright.
        if t.is(Desire)
            && j > 0
            && toks[..j].iter().rev().take(2).any(|p| p.is(Neg))
            && let Some(m) = (j + 1..toks.len().min(j + 3)).find(|&m| machine(&toks[m]))
            && toks[m].word != "thing"
            && toks[j + 1..m]
                .iter()
                .all(|p| matches!(p.word, "a" | "an" | "the" | "this"))
            && toks
                .get(m + 1)
                .is_none_or(|n| n.clause != toks[m].clause || n.is(Polite))
        {
            return Some(ExplicitMatch {
                phrase: phrase(toks, j, m),
                pattern: "reject_bot",
            });
        }
    }
    None
}

/// Where the customer says they are a person ("real person here", "I'm a human"): the
/// index of the noun.
pub(super) fn speaker_says_human(toks: &[Tok<'_>]) -> Option<usize> {
    let human = |w: &str| matches!(w, "person" | "human");
    let adjective = |w: &str| matches!(w, "real" | "actual" | "a" | "an" | "just");
    let noun_after = |mut i: usize| {
        while toks.get(i).is_some_and(|t| adjective(t.word)) {
            i += 1;
        }
        toks.get(i).is_some_and(|t| human(t.word)).then_some(i)
    };
    // "(real) person here", opening the turn.
    if let Some(i) = noun_after(0)
        && toks.get(i + 1).is_some_and(|t| t.word == "here")
    {
        return Some(i);
    }
    // "I'm (a real) person", "i am human".
    (0..toks.len()).find_map(|k| {
        let me = toks[k].word == "im"
            || k > 0 && toks[k - 1].word == "i" && matches!(toks[k].word, "m" | "am");
        if me { noun_after(k + 1) } else { None }
    })
}

/// "let me talk to something that isn't a bot", "anyone who is not a machine": asking for
/// whatever is not the bot.
pub(super) fn not_a_bot(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    (0..toks.len()).find_map(|j| {
        let t = &toks[j];
        if !(t.is(Talk) || t.is(Frame)) || refused(toks, j) || not_now(toks, j) {
            return None;
        }
        let within = |k: usize| toks.get(k).filter(|n| n.clause == t.clause);
        let k = (j + 1..j + 4).find(|&k| {
            within(k).is_some_and(|n| {
                matches!(
                    n.word,
                    "something" | "someone" | "somebody" | "anyone" | "anybody" | "one"
                )
            })
        })?;
        let rest: Vec<&str> = (k + 1..k + 6)
            .filter_map(|i| within(i).map(|n| n.word))
            .collect();
        let negated = rest.windows(2).any(|w| {
            matches!(w[0], "that" | "who" | "which") && matches!(w[1], "isnt" | "aint" | "not")
        }) || rest
            .windows(3)
            .any(|w| matches!(w[0], "that" | "who" | "which") && w[1] == "is" && w[2] == "not");
        let bot = (k + 1..k + 7).any(|i| within(i).is_some_and(|n| n.is(Bot) || n.is(Machine)));
        (negated && bot).then(|| ExplicitMatch {
            phrase: phrase(toks, j, k),
            pattern: "not_a_bot",
        })
    })
}

/// "you're a bot, just get me a real one", "quiero uno de verdad": after the bot is named,
/// a real "one" asked for is a person.
pub(super) fn a_real_one(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    let b = toks.iter().position(|t| t.is(Bot) || t.is(Machine))?;
    // The bot ends its clause, or the asking follows it ("ur a bot just get me…"): not
    // a "robot vacuum", nor "the bot said to get…".
    let asking = |w: &str| matches!(w, "get" | "give" | "want" | "need" | "put");
    let named = toks.get(b + 1).is_none_or(|n| {
        n.clause != toks[b].clause
                || asking(n.word)
                // "ur a bot just get me…", "a chatbot isn't it": a tag question.
                || matches!(n.word, "just" | "isnt" | "arent" | "innit" | "right")
    });
    if !named || toks[b].joined {
        return None;
    }
    (b + 1..toks.len()).find_map(|k| {
        let ask = asking(toks[k].word) && toks[k - 1].word != "to" && !refused(toks, k);
        let rest = &toks[k + 1..];
        let rest = match rest.split_first() {
            Some((me, after)) if me.word == "me" => after,
            _ => rest,
        };
        let real_one = matches!(
            rest,
            [a, real, one, ..]
                if matches!(a.word, "a" | "an")
                    && matches!(real.word, "real" | "actual" | "proper" | "human" | "live" | "living")
                    && one.word == "one"
        );
        (ask && real_one).then(|| ExplicitMatch {
            phrase: phrase(toks, k, toks.len().min(k + 5) - 1),
            pattern: "reject_bot",
        })
    })
}

/// "i want the shop not the machine", "put me through to the office, not a bot": the place
/// where the staff are, wanted or talked to, set against the bot right after it.
pub(super) fn place_not_the_bot(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    (0..toks.len()).find_map(|j| {
        let t = &toks[j];
        if !(t.is(Talk) || t.is(Frame)) || refused(toks, j) || not_now(toks, j) {
            return None;
        }
        let k = (j + 1..toks.len().min(j + 5))
            .take_while(|&k| toks[k].is(Skip) || toks[k].is(Workplace) || toks[k].is(Dept))
            .find(|&k| toks[k].is(Workplace) || toks[k].is(Dept))?;
        // The bot ends the phrase: "not the machine wash" names a thing.
        let against = toks
            .get(k + 1)
            .is_some_and(|n| matches!(n.word, "not" | "no"))
            && (k + 2..toks.len().min(k + 4)).any(|m| {
                (toks[m].is(Bot) || toks[m].is(Machine))
                    && toks
                        .get(m + 1)
                        .is_none_or(|n| n.clause != toks[m].clause || n.is(Polite))
            });
        against.then(|| ExplicitMatch {
            phrase: phrase(toks, j, k),
            pattern: "reject_bot",
        })
    })
}
