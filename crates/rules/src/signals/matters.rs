//! Several separate matters in one turn: the customer lists changes or problems that belong to
//! different parts of the service ("move the broadband, keep my number and change the payer"),
//! or announces them ("I've got three problems"). One matter told in detail ("my order is late,
//! the tracking says delivered") is not several.
//!
//! The turn is cut into segments at punctuation and at conjunctions; each segment names at
//! most one matter: an act on the account (change, move, merge, cancel… in six languages), or a
//! possessive followed by a thing of the service (my card, her pension, mi cuenta…), which is
//! mapped to its part of the service (billing, delivery, contract…), so that details of one
//! matter count once.

use super::language::fold;

/// Words that join two matters: a new segment starts after them.
const JOINERS: &[&str] = &[
    "and", "also", "plus", "then", "but", "y", "e", "et", "und", "sowie", "aber", "pero", "mais",
    "mas", "ma", "ed", "ademas", "aussi", "auch", "tambem", "anche", "inoltre", "puis", "luego",
    "dann", "depois", "poi",
];

/// Acts on an account or a contract, as stems: a word is the act when it starts with the stem
/// and what follows is an inflection (see [`inflection`]).
const ACTS: &[(&str, &[&str])] = &[
    (
        "change",
        &[
            "chang", "troc", "voltur", "cambi", "alter", "modific", "andern", "geandert", "wechsel",
        ],
    ),
    (
        "move",
        &[
            "mov",
            "relocat",
            "shift",
            "trasloc",
            "demenag",
            "mudar",
            "mudei",
            "mudou",
            "mudamos",
            "spost",
            "traslad",
            "umzieh",
            "umgezogen",
            "umstell",
        ],
    ),
    (
        "add",
        &[
            "add", "anad", "agreg", "ajout", "adicion", "aggiung", "hinzufug",
        ],
    ),
    (
        "remove",
        &[
            "remov", "elimin", "quitar", "supprim", "rimuov", "togli", "entfern",
        ],
    ),
    (
        "close",
        &[
            "clos", "cerr", "clotur", "fechar", "encerr", "chiud", "schliess", "schlies",
        ],
    ),
    (
        "cancel",
        &[
            "cancel",
            "annul",
            "annull",
            "resili",
            "disd",
            "kundig",
            "gekundigt",
        ],
    ),
    (
        "merge",
        &[
            "merg",
            "combin",
            "consolidat",
            "fusion",
            "fusionn",
            "unific",
            "unir",
            "juntar",
            "regroup",
            "unire",
            "zusammenleg",
            "zusammenfuhr",
        ],
    ),
    (
        "split",
        &["split", "separ", "divid", "repart", "aufteil", "trenn"],
    ),
    (
        "transfer",
        &[
            "transfer",
            "portabilidad",
            "portabilit",
            "traspas",
            "trasfer",
            "ubertrag",
            "port",
        ],
    ),
    ("keep", &["keep", "kept", "manten", "conserv", "behalt"]),
    (
        "switch",
        &["switch", "upgrad", "downgrad", "replac", "renam"],
    ),
    (
        "update",
        &["updat", "aktualis", "actualiz", "atualiz", "aggiorn"],
    ),
];

/// What may follow an act's stem: English and Romance inflections, with object pronouns glued
/// to a Spanish or Italian infinitive ("unificarlas").
fn inflection(rest: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "", "s", "e", "es", "d", "ed", "ing", "led", "ling", "red", "ring", "ted", "ting", "ar",
        "er", "ir", "are", "ere", "ire", "o", "a", "i", "an", "en", "ado", "ada", "ido", "ida",
        "ato", "ata", "ito", "ita", "ee", "ons", "ez", "amos", "emos", "imos", "iamo", "t", "te",
        "ung", "n", "iert", "ieren", "ando", "endo", "iendo", "ement", "amento", "imento", "mento",
        "ation", "lation", "acion", "acao", "azione",
    ];
    const CLITICS: &[&str] = &[
        "", "lo", "la", "los", "las", "le", "les", "li", "me", "nos", "ne",
    ];
    ENDINGS.iter().any(|e| {
        rest.strip_prefix(e)
            .is_some_and(|tail| CLITICS.contains(&tail))
    })
}

fn act_of(word: &str) -> Option<&'static str> {
    ACTS.iter().find_map(|(act, stems)| {
        stems
            .iter()
            .any(|s| word.strip_prefix(s).is_some_and(inflection))
            .then_some(*act)
    })
}

const POSSESSIVES: &[&str] = &[
    "my", "our", "his", "her", "their", "mi", "mis", "su", "sus", "nuestro", "nuestra", "nuestros",
    "nuestras", "mon", "ma", "mes", "notre", "nos", "son", "sa", "ses", "mein", "meine", "meinen",
    "meinem", "meiner", "meines", "unser", "unsere", "unseren", "unserem", "ihr", "ihre", "ihren",
    "ihrem", "sein", "seine", "seinen", "meu", "minha", "meus", "minhas", "nosso", "nossa", "seu",
    "sua", "mio", "mia", "miei", "mie", "nostro", "nostra", "suo",
];

/// The things of a service, by the part of it they belong to.
const PARTS: &[(&str, &[&str])] = &[
    (
        "account",
        &[
            "account", "accounts", "login", "password", "profile", "username", "email", "cuenta",
            "compte", "konto", "conta", "conto", "acceso", "zugang",
        ],
    ),
    (
        "billing",
        &[
            "bill",
            "bills",
            "invoice",
            "invoices",
            "payment",
            "payments",
            "charge",
            "charges",
            "debit",
            "debits",
            "direct",
            "fee",
            "fees",
            "factura",
            "facturas",
            "facture",
            "factures",
            "rechnung",
            "fatura",
            "fattura",
            "bolletta",
            "pago",
            "pagos",
            "paiement",
            "zahlung",
            "pagamento",
            "recibo",
            "prelevement",
            "lastschrift",
            "abbuchung",
            "payer",
            "titular",
            "titulaire",
        ],
    ),
    (
        "delivery",
        &[
            "order",
            "orders",
            "parcel",
            "package",
            "delivery",
            "shipment",
            "tracking",
            "pedido",
            "commande",
            "colis",
            "bestellung",
            "paket",
            "lieferung",
            "encomenda",
            "entrega",
            "ordine",
            "pacco",
            "consegna",
        ],
    ),
    (
        "banking",
        &[
            "card",
            "visa",
            "mastercard",
            "pin",
            "pension",
            "savings",
            "loan",
            "mortgage",
            "tarjeta",
            "carte",
            "karte",
            "cartao",
            "carta",
            "pensao",
            "pensione",
            "rente",
            "hipoteca",
            "pret",
            "kredit",
            "emprestimo",
            "prestito",
            "mutuo",
        ],
    ),
    (
        "contract",
        &[
            "contract",
            "contracts",
            "plan",
            "tariff",
            "subscription",
            "line",
            "broadband",
            "sim",
            "contrato",
            "contrat",
            "vertrag",
            "contratto",
            "abonnement",
            "abo",
            "suscripcion",
            "assinatura",
            "abbonamento",
            "tarifa",
            "tarif",
            "internet",
            "wifi",
        ],
    ),
    (
        "device",
        &[
            "router",
            "phone",
            "modem",
            "device",
            "meter",
            "laptop",
            "tv",
            "telefono",
            "telephone",
            "handy",
            "telemovel",
            "celular",
            "movil",
            "portable",
            "contador",
            "compteur",
            "zahler",
            "contatore",
            "app",
        ],
    ),
    (
        "details",
        &[
            "address",
            "number",
            "name",
            "details",
            "direccion",
            "adresse",
            "endereco",
            "indirizzo",
            "numero",
            "nombre",
            "nom",
            "nome",
            "anschrift",
            "telefonnummer",
        ],
    ),
    (
        "home",
        &[
            "house",
            "flat",
            "home",
            "apartment",
            "casa",
            "maison",
            "wohnung",
            "haus",
            "appartement",
            "piso",
            "appartamento",
        ],
    ),
];

fn part_of(word: &str) -> Option<&'static str> {
    PARTS
        .iter()
        .find_map(|(part, words)| words.contains(&word).then_some(*part))
}

/// Quantities of three or more, and "several".
const MANY: &[&str] = &[
    "three",
    "four",
    "five",
    "six",
    "3",
    "4",
    "5",
    "6",
    "several",
    "multiple",
    "various",
    "tres",
    "cuatro",
    "cinco",
    "varios",
    "varias",
    "multiples",
    "trois",
    "quatre",
    "cinq",
    "plusieurs",
    "drei",
    "vier",
    "funf",
    "mehrere",
    "verschiedene",
    "quatro",
    "diversos",
    "diversas",
    "tre",
    "quattro",
    "cinque",
    "diversi",
    "diverse",
    "vari",
    "varie",
    "parecchi",
    "parecchie",
];

/// What a customer announces several of: problems and requests.
const MATTERS: &[&str] = &[
    "problems",
    "issues",
    "things",
    "matters",
    "changes",
    "requests",
    "problemas",
    "cosas",
    "asuntos",
    "cambios",
    "gestiones",
    "temas",
    "problemes",
    "choses",
    "soucis",
    "changements",
    "demandes",
    "probleme",
    "dinge",
    "sachen",
    "anliegen",
    "anderungen",
    "themen",
    "coisas",
    "assuntos",
    "mudancas",
    "questoes",
    "problemi",
    "cose",
    "questioni",
    "modifiche",
];

/// Things a customer holds several of; with an act in the same turn they make it several
/// matters ("three accounts … merge them").
const HOLDINGS: &[&str] = &[
    "accounts",
    "contracts",
    "sites",
    "lines",
    "numbers",
    "cards",
    "cuentas",
    "contratos",
    "lineas",
    "tarjetas",
    "comptes",
    "contrats",
    "lignes",
    "cartes",
    "konten",
    "vertrage",
    "leitungen",
    "karten",
    "contas",
    "contratos",
    "linhas",
    "cartoes",
    "conti",
    "contratti",
    "linee",
    "carte",
    "sedes",
    "standorte",
    "filiales",
    "filiali",
];

/// Words a turn must have for details of different parts to count as several matters.
const MIN_WORDS_FOR_PARTS: usize = 18;

/// Whether `text` raises at least `at_least` separate matters; the words that show it.
pub fn several(text: &str, at_least: usize) -> Option<String> {
    // Cheap refusal first: several matters need several segments.
    let joints = text
        .bytes()
        .filter(|b| matches!(b, b',' | b';' | b':' | b' '))
        .count();
    if joints < 4 {
        return None;
    }
    let words: Vec<(String, bool)> = tokens(text);
    if words.len() < 5 {
        return None;
    }
    // One matter per segment: its act, else the part of the service it names.
    let mut acts: Vec<&'static str> = Vec::new();
    let mut parts: Vec<&'static str> = Vec::new();
    let mut shown: Vec<String> = Vec::new();
    let mut announced: Option<String> = None;
    let mut holdings: Option<String> = None;
    let mut act: Option<(&'static str, String)> = None;
    let mut part: Option<(&'static str, String)> = None;
    let mut close = |act: &mut Option<(&'static str, String)>,
                     part: &mut Option<(&'static str, String)>| {
        if let Some((a, w)) = act.take() {
            if !acts.contains(&a) {
                acts.push(a);
                shown.push(w);
            }
            part.take();
        } else if let Some((p, w)) = part.take()
            && !parts.contains(&p)
        {
            parts.push(p);
            shown.push(w);
        }
    };
    for (i, (w, starts)) in words.iter().enumerate() {
        if *starts {
            close(&mut act, &mut part);
        }
        if JOINERS.contains(&w.as_str()) {
            close(&mut act, &mut part);
            continue;
        }
        if MANY.contains(&w.as_str()) {
            for (n, _) in words.iter().skip(i + 1).take(2) {
                if announced.is_none() && MATTERS.contains(&n.as_str()) {
                    announced = Some(format!("{w} {n}"));
                }
                if holdings.is_none() && HOLDINGS.contains(&n.as_str()) {
                    holdings = Some(format!("{w} {n}"));
                }
            }
        }
        if act.is_none()
            && let Some(a) = act_of(w)
        {
            act = Some((a, w.clone()));
        }
        if part.is_none() && POSSESSIVES.contains(&w.as_str()) {
            // The thing possessed: within the next three words ("my late mother's account").
            part = words
                .iter()
                .skip(i + 1)
                .take(3)
                .take_while(|(_, starts)| !starts)
                .find_map(|(n, _)| part_of(n).map(|p| (p, format!("{w} {n}"))));
        }
    }
    close(&mut act, &mut part);
    if let Some(a) = announced {
        return Some(a);
    }
    if acts.len() >= at_least
        || (acts.len() + parts.len() >= at_least && words.len() >= MIN_WORDS_FOR_PARTS)
    {
        return Some(shown.join(" … "));
    }
    if let Some(h) = holdings
        && !acts.is_empty()
    {
        return Some(format!("{h} … {}", acts.join(", ")));
    }
    None
}

/// Intents that name no matter of their own.
const GENERIC_INTENTS: &[&str] = &[
    "greeting",
    "goodbye",
    "thanks",
    "thank_you",
    "affirm",
    "deny",
    "yes",
    "no",
    "none",
    "unknown",
    "other",
    "fallback",
    "chitchat",
    "smalltalk",
    "small_talk",
    "confirm",
    "no_match",
    "default_fallback",
];

/// The distinct intents of substance among `intents`, in the order they first came.
pub fn distinct_intents<'a>(intents: impl Iterator<Item = Option<&'a str>>) -> Vec<&'a str> {
    let mut seen: Vec<&str> = Vec::new();
    for i in intents.flatten() {
        let generic = GENERIC_INTENTS.iter().any(|g| g.eq_ignore_ascii_case(i));
        if !generic && !seen.iter().any(|s| s.eq_ignore_ascii_case(i)) {
            seen.push(i);
        }
    }
    seen
}

/// Folded words, each with whether punctuation cut the text just before it.
fn tokens(text: &str) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::with_capacity(32);
    let mut word = String::new();
    let mut cut = true;
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.push(fold(c));
        } else {
            if !word.is_empty() {
                out.push((std::mem::take(&mut word), cut));
                cut = false;
            }
            if matches!(
                c,
                ',' | ';' | ':' | '.' | '!' | '?' | '\n' | '(' | ')' | '-' | '–'
            ) {
                cut = true;
            }
        }
    }
    if !word.is_empty() {
        out.push((word, cut));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::several;

    #[test]
    fn lists_of_acts_or_of_parts_of_the_service_are_several_matters() {
        for text in [
            "We're relocating: please shift the landline to the new place, keep our current number and put the bill in my wife's name",
            "necesito cambiar la dirección, añadir a mi hijo al contrato y cerrar la cuenta vieja",
            "je voudrais fusionner nos deux abonnements, changer le titulaire et supprimer l'ancienne ligne",
            "Bitte den alten Vertrag kündigen, die Nummer übertragen und die Rechnung aufteilen",
            "my dad died last month, his pension still goes into his old account, his card was never cancelled and the phone contract is in his name and I don't know where to start",
            "honestly I've got several issues today, none of them simple",
            "we run four sites on separate contracts and want to consolidate the billing",
        ] {
            assert!(several(text, 3).is_some(), "{text}");
        }
    }

    #[test]
    fn one_matter_in_detail_is_not_several() {
        for text in [
            "My order hasn't arrived, the tracking says delivered and my neighbour doesn't have it",
            "Can you change my delivery address and add a note for the driver?",
            "I have three kids and a dog, what plan do you recommend?",
            "the app keeps crashing when I open my invoices, I tried reinstalling it twice",
            "Thanks, that worked, have a good day",
            "I want to cancel my order",
            "mi pedido no ha llegado, el seguimiento dice entregado",
        ] {
            assert!(several(text, 3).is_none(), "{text}");
        }
    }
}
