//! Several separate matters in one turn: the customer lists changes or problems that belong to
//! different parts of the service ("move the broadband, keep my number and change the payer"),
//! or announces them ("I've got three problems"). One matter told in detail ("my order is late,
//! the tracking says delivered") is not several.
//!
//! The turn is cut into segments at punctuation and at conjunctions; each segment names at
//! most one matter: an act on the account (change, move, merge, cancel… in six languages), or a
//! possessive followed by a thing of the service (my card, her pension, mi cuenta…), which is
//! mapped to its part of the service (billing, delivery, contract…), so that details of one
//! matter count once. The rule also combines the acts of the customer's last two turns
//! ([`Matters::with`]): "we have four lines" … "merge them and cancel the spare one".

use std::sync::LazyLock;

use super::FastMap;
use super::language::fold;
use super::word_facts::WordFacts;
use super::words::AsciiWords;

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
            // A date moved: "reschedule", "postpone", "décaler", "verschieben", "aplazar",
            // "posticipare", "rinviare".
            "reschedul",
            "postpon",
            "decal",
            "verschieb",
            "aplaz",
            "posticip",
            "rinvi",
        ],
    ),
    (
        "add",
        &[
            "add", "anad", "agreg", "ajout", "adicion", "aggiung", "hinzufug",
            // "dar de alta un contrato": to sign up for, to add.
            "alta",
        ],
    ),
    (
        "book",
        &[
            "book", "rebook", "schedul", "arrang", "reserv", "agend", "prenot", "buchen", "marcar",
        ],
    ),
    (
        "return",
        &[
            "return",
            "devolv",
            "devuelv",
            "retourn",
            "restitu",
            "rucksend",
            "zurucksend",
            "zuruckgeb",
        ],
    ),
    (
        "pause",
        &[
            "paus", "tranc", "suspend", "freez", "congel", "sospend", "aussetz", "stilleg",
        ],
    ),
    (
        "extend",
        &[
            "extend",
            "renewal",
            "renew",
            "renouvel",
            "prolong",
            // Italian "prolungare".
            "prolung",
            "verlanger",
            "rinnov",
            "renov",
            "amplia",
            "estend",
        ],
    ),
    (
        "correct",
        &[
            "correct",
            "corrig",
            "correg",
            "rectif",
            "berichtig",
            "korrigier",
            "corregg",
            "fix",
        ],
    ),
    ("include", &["includ", "inclu"]),
    (
        "unlock",
        &[
            "unlock",
            "unblock",
            "sblocc",
            "desbloque",
            "debloqu",
            "entsperr",
        ],
    ),
    ("request", &["request", "solicit", "richied", "beantrag"]),
    (
        "export",
        &[
            "export", "exporter", "exportar", "esport", "inscri", "regist",
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
    // A limit or a plan raised or lowered ("aumentar o limite", "reduce my direct debit").
    ("increase", &["increas", "aument", "augment", "erhoh"]),
    ("reduce", &["reduc", "decreas", "ridur", "diminu", "senk"]),
    (
        "switch",
        &["switch", "upgrad", "downgrad", "replac", "renam"],
    ),
    (
        "update",
        &["updat", "aktualis", "actualiz", "atualiz", "aggiorn"],
    ),
    (
        "activate",
        &[
            "activat", "activar", "activer", "ativar", "attivar", "aktivier",
        ],
    ),
    (
        "top up",
        &["topp", "recharg", "recarg", "recarreg", "ricaric", "auflad"],
    ),
    ("order", &["pedir", "commander", "ordinar", "bestell"]),
    (
        "exchange",
        &[
            "swap",
            "exchang",
            "umtausch",
            "tausch",
            "scambi",
            "intercambi",
        ],
    ),
    // A copy of a document asked for ("a copy of the lease").
    ("copy", &["copy", "copie", "kopie"]),
    // Enrolling on a course, a scheme or a service ("inscrire ma fille", "apuntar a mi
    // hermana", "iscrivermi", "matricular").
    (
        "enrol",
        &[
            "enrol", "enroll", "inscri", "inscrev", "iscriv", "matricul", "apunt",
        ],
    ),
];

/// Acts said with a particle ("sign him up for swimming", "take the old car off the
/// policy"): the verb at `i`, its particle within the next four words of the segment.
fn phrasal_act<'a>(word: &dyn Fn(usize) -> &'a str, i: usize, end: usize) -> Option<&'static str> {
    let (act, particles): (&'static str, &[&str]) = match word(i) {
        "sign" | "signs" | "signed" | "signing" => ("enrol", &["up", "on"]),
        "take" | "takes" | "taking" | "took" | "taken" => ("remove", &["off"]),
        // "put the new omnibus aside for me": kept back for the customer.
        "put" | "set" => ("book", &["aside"]),
        _ => return None,
    };
    let particle = (i + 1..end.min(i + 6)).find(|&j| particles.contains(&word(j)))?;
    // "we took the week off for the move": time taken, not a thing removed.
    let time_off = (i + 1..particle).any(|j| {
        matches!(
            word(j),
            "day"
                | "days"
                | "week"
                | "weeks"
                | "morning"
                | "afternoon"
                | "time"
                | "hour"
                | "hours"
                | "holiday"
                | "leave"
                | "year"
        )
    });
    (!time_off).then_some(act)
}

/// A light or the power that has gone out ("the streetlight has been out for a week"):
/// "out" after a verb of being, with a light or the power named before it.
fn light_out<'a>(word: &dyn Fn(usize) -> &'a str, segment: std::ops::Range<usize>) -> bool {
    let light = |j: usize| {
        matches!(
            word(j),
            "light"
                | "lights"
                | "streetlight"
                | "streetlights"
                | "streetlamp"
                | "lamp"
                | "bulb"
                | "power"
                | "electricity"
                // "the boiler has been off since the weekend".
                | "heating"
                | "water"
                | "boiler"
                | "aircon"
        )
    };
    segment.clone().any(|i| {
        i >= 2
            && matches!(word(i), "out" | "off")
            && (matches!(word(i - 1), "is" | "are" | "been" | "went" | "gone" | "s")
                && segment.clone().take_while(|&j| j < i).any(light)
                // "there's a lamp post light out on our road".
                || light(i - 1)
                    && segment
                        .clone()
                        .take_while(|&j| j < i)
                        .any(|j| word(j) == "there"))
    })
}

/// What a customer pays, which can go up: [`price_rose`].
const PRICES: &[&str] = &[
    "premium",
    "premiums",
    "price",
    "prices",
    "bill",
    "bills",
    "rate",
    "rates",
    "fee",
    "fees",
    "tariff",
    "cost",
    "costs",
    "rent",
    "subscription",
    "payment",
    "payments",
    "excess",
];

/// A price that went up ("why did the premium go up", "my rent has risen again"): a
/// billing matter of its own. The word that said it.
fn price_rose<'a>(
    word: &dyn Fn(usize) -> &'a str,
    kinds: &[u32],
    segment: std::ops::Range<usize>,
) -> Option<&'a str> {
    let priced = segment.clone().position(|i| kinds[i] & PRICED != 0)?;
    segment.clone().skip(priced + 1).find_map(|i| {
        let w = word(i);
        let up = w == "up"
            && i > 0
            && matches!(
                word(i - 1),
                "go" | "goes" | "went" | "gone" | "going" | "shot"
            );
        (up || matches!(
            w,
            "increased" | "risen" | "rose" | "doubled" | "jumped" | "tripled"
        ))
        .then_some(w)
    })
}

/// Verbs of finding out ("find out", "know", "capire"…), before what is asked.
const INQUIRY_VERBS: &[&str] = &[
    "out",
    "know",
    "tell",
    "understand",
    "capire",
    "sapere",
    "saber",
    "savoir",
    "comprendre",
    "entender",
    "wissen",
    "verstehen",
    "perceber",
];

/// A verb of finding out, then what is asked: "find out why", "know whether", "capire
/// perché", "saber si", "savoir pourquoi", "wissen ob".
fn inquiry(verb: &str, asked: &str) -> bool {
    INQUIRY_VERBS.contains(&verb)
        && matches!(
            asked,
            "why"
                | "whether"
                | "if"
                | "perche"
                | "pourquoi"
                | "warum"
                | "weshalb"
                | "ob"
                | "porque"
                | "se"
                | "si"
        )
}

/// Words of wishing a thing ([`wants_a_thing`]), in the six languages.
const WISH_WORDS: &[&str] = &[
    "need",
    "needs",
    "want",
    "wanted",
    "require",
    "like",
    "necesito",
    "necesitamos",
    "quiero",
    "quisiera",
    "queria",
    "voudrais",
    "voudrions",
    "brauche",
    "brauchen",
    "benotige",
    "benotigen",
    "preciso",
    "precisamos",
    "quero",
    "gostaria",
    "vorrei",
    "vorremmo",
    "voglio",
];

/// Words that start a cue read by hand: "one more thing", "separate thing", "autre chose"
/// (an added matter); "why" (a fault asked about); French "ma"; "since", "when" (a time,
/// not an act). Only words with this flag are looked at.
const CUE_WORDS: &[&str] = &[
    "one",
    "separate",
    "other",
    "last",
    "different",
    "otra",
    "autre",
    "outra",
    "altra",
    "noch",
    "why",
    "porque",
    "pourquoi",
    "warum",
    "perche",
    "ma",
    "since",
    "when",
    "after",
    "until",
    "desde",
    "depuis",
    "seit",
    "dopo",
];

/// "I need a receipt", "we want a later slot", "brauchen wir mehr Kartons", "vorrei
/// un duplicato": a thing wished for, a matter of its own. The wish at `i`, its object
/// within the segment ending before `end`; "I need it" and "I need to know" point back or
/// ask (an inquiry is read apart).
fn wants_a_thing<'a>(word: &dyn Fn(usize) -> &'a str, i: usize, end: usize) -> bool {
    // A word of [`WISH_WORDS`]; "I'd like", "we would like" is the wish, not the liking.
    let wish = word(i) != "like" || i > 0 && matches!(word(i - 1), "d" | "id" | "would" | "wed");
    // "kids don't need the lesson", "no quiero nada": a wish refused is none.
    let refused = (i.saturating_sub(2)..i).any(|p| {
        matches!(
            word(p),
            "t" | "not" | "dont" | "never" | "no" | "nao" | "pas" | "nicht" | "kein" | "non" | "ne"
        )
    });
    if !wish || refused || i + 1 >= end {
        return false;
    }
    // German puts the subject after the verb ("brauchen wir noch …").
    let mut o = i + 1;
    if matches!(word(o), "wir" | "ich") && o + 1 < end {
        o += 1;
    }
    // Skip "also", "too", "noch" between.
    while o + 1 < end
        && matches!(
            word(o),
            "also" | "too" | "noch" | "auch" | "tambien" | "anche" | "aussi"
        )
    {
        o += 1;
    }
    let next = word(o);
    if matches!(
        next,
        "it" | "this"
            | "that"
            | "them"
            | "help"
            | "you"
            | "lo"
            | "la"
            | "le"
            | "es"
            | "das"
            | "isso"
            | "questo"
    ) {
        return false;
    }
    if matches!(next, "to" | "de" | "a") {
        // "I also need to post a form": an act wished for is a matter added when said as
        // one ("also", "too", "as well"); said alone it mostly restates the matter ("need
        // to pay the bond … need to send 9,000"). Not "I need to know" (an inquiry),
        // "to speak" (a request for a person) nor "to say thanks".
        let added = (i.saturating_sub(2)..i).any(|p| {
            matches!(
                word(p),
                "also" | "too" | "plus" | "ademas" | "aussi" | "auch" | "tambem" | "anche"
            )
        }) || (o + 2..end)
            .any(|p| matches!(word(p), "too" | "also") || word(p) == "well" && word(p - 1) == "as");
        return added
            && o + 1 < end
            && !matches!(
                word(o + 1),
                "know"
                    | "ask"
                    | "check"
                    | "understand"
                    | "find"
                    | "speak"
                    | "talk"
                    | "say"
                    | "thank"
                    | "tell"
                    | "let"
                    | "mention"
                    | "saber"
                    | "savoir"
                    | "sapere"
                    | "be"
            );
    }
    next.bytes().all(|b| b.is_ascii_digit())
        || matches!(
            next,
            "a" | "an" | "the" | "some" | "another" | "more" | "new" | "extra" | "my" | "our"
                | "un" | "una" | "uno" | "une" | "um" | "uma" | "el" | "la" | "los" | "las" | "le"
                | "les" | "o" | "os" | "il" | "einen" | "eine" | "ein" | "mehr" | "neue" | "neuen"
                | "zusatzliche" | "otro" | "otra" | "outro" | "outra" | "altro" | "altra"
                | "nuevo" | "nueva" | "novo" | "nova" | "nuovo" | "nuova"
        )
        // "I'd like broadband from you too": after the wish, any thing named.
        || word(i) == "like"
}

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

const POSSESSIVES: &[&str] = &[
    "my", "our", "his", "her", "their", "mi", "mis", "su", "sus", "nuestro", "nuestra", "nuestros",
    "nuestras", "mon", "ma", "mes", "notre", "nos", "son", "sa", "ses", "mein", "meine", "meinen",
    "meinem", "meiner", "meines", "unser", "unsere", "unseren", "unserem", "ihr", "ihre", "ihren",
    "ihrem", "sein", "seine", "seinen", "meu", "minha", "meus", "minhas", "nosso", "nossa", "seu",
    "sua", "mio", "mia", "miei", "mie", "nostro", "nostra", "suo",
    // A thing asked for anew is the customer's matter too: "we need a new router".
    "new",
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
            "statement",
            "statements",
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
            "receipt",
            "receipts",
            "ricevuta",
            "ricevute",
            "quittung",
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

/// Vaguer quantities: "a few things", "un par de cosas", "quelques trucs", "ein paar Dinge",
/// "umas coisas", "un po' di cose".
const FEW_WORDS: &[&str] = &[
    "few", "couple", "bunch", "par", "paio", "unas", "unos", "algunas", "algunos", "quelques",
    "paar", "umas", "uns", "algumas", "alguns", "po", "alcune", "alcuni",
];

/// What a customer announces several of: problems and requests.
const MATTERS: &[&str] = &[
    "problems",
    "bits",
    "points",
    "questions",
    "queries",
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

/// The ordinal words of a list, by the place they give: first, second, third.
const ORDINALS: [&[&str]; 3] = [
    &[
        "first",
        "firstly",
        "erstens",
        "primero",
        "primera",
        "premierement",
        "primeiro",
        "primo",
    ],
    &[
        "second",
        "secondly",
        "zweitens",
        "segundo",
        "segunda",
        "deuxiemement",
        "secondo",
    ],
    &[
        "third",
        "thirdly",
        "drittens",
        "tercero",
        "tercera",
        "troisiemement",
        "terceiro",
        "terzo",
    ],
];

/// The words that say "number" before a list's place.
const NUMBER_WORDS: [&str; 4] = ["number", "numero", "nummer", "punto"];

/// The number words that give a list's place after "number" ("number one").
const SPOKEN: [&[&str]; 3] = [
    &["one", "uno", "un", "eins", "um"],
    &["two", "dos", "deux", "zwei", "dois", "due"],
    &["three", "tres", "trois", "drei", "tre"],
];

/// The place `word` gives in `places`, as a bit: first 1, second 2, third 4.
fn place(places: &[&[&str]; 3], word: &str) -> u8 {
    places
        .iter()
        .position(|words| words.contains(&word))
        .map_or(0, |place| 1 << place)
}

/// Words that open a turn by adding a matter to the ones before.
const ADD_ON: &[&str] = &[
    "while",
    "also",
    "plus",
    "another",
    "besides",
    "additionally",
    "top",
    "ademas",
    "tambien",
    "aussi",
    "auserdem",
    "ausserdem",
    "zudem",
    "tambem",
    "inoltre",
    "oltretutto",
    // Italian "also", in the first words of a turn or a sentence ("Poi devo anche…"), and
    // "poi" opening one ("Grazie. Poi vorrei…").
    "anche",
    "poi",
    // "Separately, I'd like to…".
    "separately",
];

/// Words that report that something is at fault, in the six languages: a segment with one
/// and no act or part of the service is a problem of its own ("the login is broken").
const FAULTS: &[&str] = &[
    "wrong",
    // "the broadband crawls, it's so slow after six".
    "slow",
    "skipped",
    "ignored",
    "vanished",
    "disappeared",
    "billed",
    "charged",
    "dent",
    "dented",
    "scratched",
    "cracked",
    // Food gone wrong: "half the burgers were raw", "the rice was stale".
    "raw",
    "undercooked",
    "overcooked",
    "burnt",
    "stale",
    "soggy",
    "inedible",
    // A crack come back or appeared: "there's a crack in the hall ceiling", "une fissure
    // est revenue", "un riss in der wand".
    "crack",
    "cracks",
    "fissure",
    "fissures",
    "fissuree",
    "fendu",
    "grieta",
    "grietas",
    "agrietado",
    "riss",
    "risse",
    "gerissen",
    "crepa",
    "crepe",
    "crepato",
    "rachadura",
    "rachado",
    // Damaged in transit or on the shelf.
    "smashed",
    "shattered",
    "crushed",
    "dented",
    "leaking",
    "mouldy",
    "moldy",
    // Water or a finish gone wrong: "the water's gone cloudy", "the varnish is murky".
    "cloudy",
    "murky",
    "discoloured",
    "discolored",
    "abollado",
    "aplastado",
    "ecrase",
    "abime",
    "zerbrochen",
    "beschadigt",
    "amassado",
    "ammaccato",
    "rovinato",
    "puncture",
    "punctured",
    "leaking",
    "nobody",
    "nadie",
    "niemand",
    "ninguem",
    "nessuno",
    "incorrect",
    "missing",
    "broken",
    "stopped",
    "expired",
    "bounced",
    "failed",
    "failing",
    "fails",
    "declined",
    "rejected",
    // A date that clashes with another: "the survey clashes with our trip".
    "clashes",
    // Refused: "my card was refused at the till"; blocked: "my registration is blocked";
    // pending: "the refund is pending since March".
    "pending",
    "refused",
    "blocked",
    // "the skip is blocking the drive".
    "blocking",
    "rechazado",
    "rechazada",
    "refusee",
    "abgelehnt",
    "recusado",
    "recusada",
    "rifiutato",
    "rifiutata",
    // Come late: "my flight was delayed".
    "delayed",
    "retrasado",
    "retrasada",
    "retarde",
    "retardee",
    "verspatet",
    "atrasado",
    "atrasada",
    "ritardato",
    "ritardata",
    "crashed",
    "crashes",
    "crashing",
    "damaged",
    "overcharged",
    // Something come late: "it turned up a week late".
    "late",
    // A round missed: "the van missed our road".
    "missed",
    // A name or a detail written wrong.
    "misspelled",
    "misspelt",
    // A bill or a charge that came twice: "a fatura veio duplicada".
    "duplicated",
    "duplicada",
    "duplicado",
    "duplicato",
    "doppelt",
    // A machine that makes a noise it should not.
    "noise",
    "noises",
    "noisy",
    "rattling",
    "squeaking",
    "grinding",
    // "the right aid crackles all the time", "the speaker buzzes".
    "crackles",
    "crackling",
    "buzzes",
    "buzzing",
    "whistles",
    "whistling",
    "rattles",
    "squeaks",
    "faulty",
    // A screen gone blank or frozen: "the meter display's gone blank".
    "blank",
    "frozen",
    "never",
    "falsch",
    "fehlt",
    "fehlen",
    "kaputt",
    "defekt",
    "nie",
    "faux",
    "fausse",
    "errone",
    "erronee",
    "manque",
    "manquant",
    "cassee",
    "jamais",
    "bloque",
    "mal",
    "incomplete",
    "unvollstandig",
    "incomplet",
    "incompleto",
    "incompleta",
    "incorrecto",
    "incorrecta",
    "equivocado",
    "equivocada",
    "roto",
    "rota",
    "nunca",
    "caducado",
    "errado",
    "errada",
    "faltando",
    "quebrado",
    "quebrada",
    "vencido",
    "sbagliato",
    "sbagliata",
    "manca",
    "mancano",
    "rotto",
    "rotta",
    "mai",
    "scaduto",
    "scaduta",
    "lost",
    "snapped",
    "stolen",
    "stuck",
    "perdido",
    "perdida",
    "perdu",
    "perdue",
    "verloren",
    "perso",
    "persa",
    // Dented, scratched, damaged and charged in the other languages (accents folded).
    "abollado",
    "abollada",
    "amolgado",
    "amolgada",
    "amassado",
    "amassada",
    "cabosse",
    "cabossee",
    "ammaccato",
    "ammaccata",
    "verbeult",
    "eingedellt",
    "rayado",
    "rayada",
    "riscado",
    "riscada",
    "zerkratzt",
    "graffiato",
    "graffiata",
    "danado",
    "danada",
    "danificado",
    "danificada",
    "endommage",
    "endommagee",
    "danneggiato",
    "danneggiata",
    "beschadigt",
    "cobrado",
    "cobrada",
    "cobraron",
    "cobraram",
    "cobrou",
    "addebitato",
    "addebitata",
    "abgebucht",
    // An app that logs the customer out or freezes.
    "logs",
    "freezes",
    "freezing",
    "frozen",
    "glitching",
    "glitchy",
    // Fittings that drip, leak or stick; a card or a SIM blocked, in the other languages.
    "drips",
    "dripping",
    "leaks",
    "leaky",
    // A device or a line that is down: "the thermostat says offline".
    "offline",
    "disconnected",
    "sticking",
    "jammed",
    "clogged",
    "flickering",
    "gotea",
    "goteando",
    "pinga",
    "pingando",
    "gocciola",
    "tropft",
    "bloccato",
    "bloccata",
    "bloqueado",
    "bloqueada",
    "bloquee",
    "gesperrt",
];

/// Words that negate the next or the last word ("doesn't" is read as "doesn" "t").
const NEGATORS: &[&str] = &[
    "t", "doesnt", "dont", "didnt", "isnt", "wont", "cant", "not", "nicht", "pas", "no", "non",
    "nao", "ne",
];

/// Auxiliaries and clitics that stand between a negator and the verb in the other
/// languages ("no ha llegado", "no me llegó", "não me chegou").
const AUXILIARIES: &[&str] = &[
    "ha", "han", "he", "hemos", "me", "mi", "nos", "ci", "ti", "te", "lo", "la", "le", "e", "sono",
    "foi", "tem", "ist", "sind", "hat", // "hasn't been applied", "ne s'applique pas".
    "been", "yet", "s",
    // "we still haven't had the refund", "haven't got any invoice".
    "had", "got", "the", "any",
];

/// Words of something working, arriving or being accepted.
const WORKING: &[&str] = &[
    "work",
    "collected",
    "recu",
    "received",
    "recibido",
    "recebi",
    "ricevuto",
    "apply",
    "applied",
    "applique",
    "sent",
    "send",
    "arrived",
    "arrive",
    "came",
    "works",
    "working",
    "load",
    "funktioniert",
    "geht",
    "stimmt",
    "klappt",
    "marche",
    "fonctionne",
    "funciona",
    "funziona",
    // Arrived, in the other languages: "ainda não chegou", "no ha llegado".
    "chegou",
    "chegado",
    "llego",
    "llega",
    "llegan",
    "llegado",
    "arrivato",
    "arrivata",
    "angekommen",
    "va",
    "anda",
    // A charge the customer does not recognise or understand.
    "recognise",
    "recognize",
    "understand",
    "entiendo",
    "reconozco",
    "reconnais",
    "comprends",
    "erkenne",
    "verstehe",
    "reconheco",
    "percebo",
    "entendo",
    "capisco",
    "riconosco",
    // "wasn't paid", "didn't go out", "won't let me in".
    "paid",
    "go",
    "let",
    // Switching on: "o router não liga", "no enciende", "ne s'allume pas", "non si accende".
    "liga",
    "acende",
    "enciende",
    "prende",
    "allume",
    "accende",
    // "isn't showing", "doesn't light up", "won't charge".
    "showing",
    "show",
    "shown",
    // "my grant hasn't posted yet".
    "posted",
    // "the key doesn't turn in the lock".
    "turn",
    "turns",
    // Signing in that fails: "we cannot log in since Monday".
    "log",
    "login",
    // Not refunded: "ils n'ont pas remboursé la consultation", "no me han reembolsado".
    "refunded",
    "rembourse",
    "remboursee",
    "reembolsado",
    "reembolsada",
    "rimborsato",
    "rimborsata",
    "erstattet",
    // Money due back, which comes or does not ("still haven't had my refund").
    "refund",
    "reembolso",
    "remboursement",
    "erstattung",
    "ruckerstattung",
    "rimborso",
    "light",
    "charge",
    "charging",
    "print",
    "printing",
    "open",
    "opens",
    "connect",
    "sync",
    "start",
    "starts",
];

/// "cuts out every evening", "keeps dropping off": a connection that fails.
const DROPPING: [&str; 9] = [
    "cuts",
    "cutting",
    "drops",
    "dropping",
    "keeps",
    // "it arrived without the charger", "the handle came off": delivered short, or broken.
    "arrived",
    "came",
    "delivered",
    "arrives",
];
const DROPPED: [&str; 5] = ["out", "off", "dropping", "cutting", "without"];

/// "doesn't work", "funktioniert nicht", "ne marche pas", "não funciona", "non va": two
/// words, a negator and a verb of working in either order, are a fault too.
fn not_working(first: &str, second: &str) -> bool {
    let negator = |w: &str| NEGATORS.contains(&w);
    let works = |w: &str| WORKING.contains(&w);
    let drops = DROPPING.contains(&first) && DROPPED.contains(&second);
    negator(first) && works(second) || works(first) && negator(second) || drops
}

/// Whether the kinds of two words let [`not_working`] hold for them (most pairs are
/// turned away here, without comparing words).
fn may_not_work(first: u32, second: u32) -> bool {
    first & NEGATOR != 0 && second & WORKS != 0
        || first & WORKS != 0 && second & NEGATOR != 0
        || first & DROPS != 0 && second & DROPS != 0
}

const JOINER: u32 = 1;
const MANY_WORD: u32 = 2;
const MATTER: u32 = 4;
const HOLDING: u32 = 8;
const POSSESSIVE: u32 = 16;
const FEW: u32 = 32;
/// A word that reports a fault ("wrong", "missing", "kaputt", "nunca").
const FAULT: u32 = 64;
/// A word a numbered list is made of: an ordinal, a number said after "number", or
/// "number" itself ("firstly", "number one").
const LISTING: u32 = 128;
/// A word that opens a turn by adding a matter ([`ADD_ON`]).
const ADDS_ON: u32 = 256;
/// A word of [`NEGATORS`], [`WORKING`], or of [`DROPPING`] or [`DROPPED`].
const NEGATOR: u32 = 512;
const WORKS: u32 = 1024;
const DROPS: u32 = 2048;
/// A verb of finding out ([`INQUIRY_VERBS`]).
const INQUIRES: u32 = 4096;
/// A price ([`PRICES`]).
const PRICED: u32 = 8192;
/// A word of [`WISH_WORDS`].
const WISHES: u32 = 16384;
/// A word of [`CUE_WORDS`].
const CUE: u32 = 32768;
/// A word of [`NAMED_WORDS`].
const NAMED: u32 = 1 << 16;
/// A word of [`ACKNOWLEDGEMENTS`].
const ACKNOWLEDGES: u32 = 1 << 17;
/// Above the flags: 1 + the index of the word's part in [`PARTS`], 0 for none.
const PART_SHIFT: u32 = 24;
// Every part's number fits above the flags.
const _: () = assert!(PARTS.len() < 1 << (32 - PART_SHIFT));

/// Every listed word with what it is, looked up once per word.
static WORD_KINDS: LazyLock<FastMap<&'static str, u32>> = LazyLock::new(|| {
    let mut map: FastMap<&'static str, u32> = FastMap::default();
    for (list, flag) in [
        (JOINERS, JOINER),
        (MANY, MANY_WORD),
        (MATTERS, MATTER),
        (HOLDINGS, HOLDING),
        (POSSESSIVES, POSSESSIVE),
        (FEW_WORDS, FEW),
        (FAULTS, FAULT),
    ] {
        for w in list {
            *map.entry(w).or_default() |= flag;
        }
    }
    let places = ORDINALS
        .iter()
        .chain(&SPOKEN)
        .flat_map(|words| words.iter());
    // "1) …, 2) …, 3) …": the digits a list is numbered with.
    for w in NUMBER_WORDS.iter().chain(places).chain(&["1", "2", "3"]) {
        *map.entry(w).or_default() |= LISTING;
    }
    for (words, flag) in [
        (ADD_ON, ADDS_ON),
        (NEGATORS, NEGATOR),
        (WORKING, WORKS),
        (&DROPPING[..], DROPS),
        (&DROPPED[..], DROPS),
        (INQUIRY_VERBS, INQUIRES),
        (PRICES, PRICED),
        (WISH_WORDS, WISHES),
        (CUE_WORDS, CUE),
        (NAMED_WORDS, NAMED),
        (ACKNOWLEDGEMENTS, ACKNOWLEDGES),
    ] {
        for w in words {
            *map.entry(w).or_default() |= flag;
        }
    }
    for (i, (_, words)) in PARTS.iter().enumerate() {
        for w in *words {
            let kinds = map.entry(w).or_default();
            if *kinds >> PART_SHIFT == 0 {
                *kinds |= (i as u32 + 1) << PART_SHIFT;
            }
        }
    }
    map
});

/// The words the per-word checks of [`matters_in`] compare by name, besides those of the
/// kinds above: what came twice, cannot be done or has no signal; a light gone out; a move
/// or transfer owned; "order" as a verb; the verbs of [`phrasal_act`] and the words of [`wished_act`]'s
/// arms. A word without the flag is compared by none of them (most words of a turn).
/// Every word those checks name must be here, or its check never runs.
const NAMED_WORDS: &[&str] = &[
    // What came twice, cannot be done, has no signal (the kinds' corrections).
    "double",
    "duplicado",
    "nicht",
    "stock",
    "signal",
    "coverage",
    "cobertura",
    "senal",
    "reseau",
    "netz",
    "rede",
    "segnale",
    "campo",
    // Something left behind or damage left; a thing not wanted; a device doing only part
    // of its work; a name no longer right (the kinds' corrections).
    "left",
    "need",
    "want",
    "ordered",
    "asked",
    "use",
    "used",
    "only",
    "nur",
    "solo",
    "seulement",
    "nom",
    "name",
    "nombre",
    "namen",
    "nome",
    // A light or the power gone out ([`light_out`]).
    "out",
    "off",
    // A thing an act made ("my move").
    "move",
    "transfer",
    "removal",
    // Phrasal acts.
    "put",
    "set",
    "sign",
    "signs",
    "signed",
    "signing",
    "take",
    "takes",
    "taking",
    "took",
    "taken",
    // Acts told by what is wanted.
    "note",
    "bring",
    "get",
    "back",
    "stopped",
    "cancelled",
    "canceled",
    "removed",
    "ended",
    "order",
    "buy",
    "quote",
    "estimate",
    "presupuesto",
    "devis",
    "preventivo",
    "orcamento",
    "kostenvoranschlag",
    "price",
    "look",
    "receipt",
    "receipts",
    "invoice",
    "invoices",
    "statement",
    "certificate",
    "confirmation",
    "factura",
    "fattura",
    "facture",
    "rechnung",
    "quittung",
    "recibo",
    "ricevuta",
    "recu",
    "paperwork",
    "forms",
    "documents",
    "contract",
    "certificado",
    "certificat",
    "certificato",
    "attestation",
    "atestado",
];

/// The act stems by their first three bytes, so that a word is compared with a few stems.
/// Stems and their acts, in the order of [`ACTS`].
type Stems = Vec<(&'static str, &'static str)>;

static ACT_STEMS: LazyLock<FastMap<[u8; 3], Stems>> = LazyLock::new(|| {
    let mut map: FastMap<[u8; 3], Stems> = FastMap::default();
    for (act, stems) in ACTS {
        for stem in *stems {
            let b = stem.as_bytes();
            map.entry([b[0], b[1], b[2]]).or_default().push((stem, act));
        }
    }
    map
});

/// Passes every listed word: most words are turned away without a lookup.
static WORD_FILTER: LazyLock<super::WordFilter> =
    LazyLock::new(|| super::WordFilter::new(WORD_KINDS.keys().copied()));

/// One bit per three-byte prefix (hashed) of the act stems.
static ACT_PREFIXES: LazyLock<Box<[u64]>> = LazyLock::new(|| {
    let mut bits = vec![0u64; 1 << 9].into_boxed_slice();
    for key in ACT_STEMS.keys() {
        let i = prefix_bit(*key);
        bits[i / 64] |= 1 << (i % 64);
    }
    bits
});

fn prefix_bit(p: [u8; 3]) -> usize {
    let x = u32::from(p[0]) | u32::from(p[1]) << 8 | u32::from(p[2]) << 16;
    (x.wrapping_mul(0x9E37_79B1) >> 17) as usize
}

pub(crate) fn kinds_of(word: &str) -> u32 {
    if !WORD_FILTER.may_contain(word) {
        return 0;
    }
    WORD_KINDS.get(word).copied().unwrap_or(0)
}

pub(crate) fn act_of(word: &str) -> Option<&'static str> {
    let b = word.as_bytes();
    if b.len() < 3 {
        return None;
    }
    let i = prefix_bit([b[0], b[1], b[2]]);
    // Things named after an act ("the freezer door", "the movers"): "-er" is also a
    // Romance infinitive ending, so the stem alone cannot tell them apart.
    if ACT_PREFIXES[i / 64] & (1 << (i % 64)) == 0
        || matches!(word, "freezer" | "freezers" | "mover" | "movers")
    {
        return None;
    }
    ACT_STEMS
        .get(&[b[0], b[1], b[2]])?
        .iter()
        .find(|(stem, _)| word.strip_prefix(stem).is_some_and(inflection))
        .map(|(_, act)| *act)
}

/// Acts told by what the customer wants done rather than by a verb of the act: money
/// wanted back is a refund ("i want my forty pounds back"), something wanted stopped is
/// cancelled ("i want the text reminders stopped"), and a document wanted sent is an act of
/// its own ("send me a receipt for the deposit"). `start` is where the segment of word `i`
/// begins.
fn wished_act<'a>(
    word: &impl Fn(usize) -> &'a str,
    start: usize,
    i: usize,
    end: usize,
) -> Option<&'static str> {
    let w = word(i);
    let wished = || (start..i).any(|j| matches!(word(j), "want" | "need" | "like" | "get"));
    // "ich brauche eine Zahlungsbestätigung", "necesito un certificado": a paper needed.
    let needed = || {
        wished()
            || (start..i).any(|j| {
                matches!(
                    word(j),
                    "brauche" | "benotige" | "necesito" | "preciso" | "besoin" | "bisogno"
                )
            })
    };
    let document = |w: &str| {
        w.len() > 12 && (w.ends_with("bescheinigung") || w.ends_with("bestatigung"))
            || matches!(
                w,
                "certificado" | "certificat" | "certificato" | "attestation" | "atestado"
            )
    };
    match w {
        // "I need a fit note for my employer": the same, in two words.
        "note"
            if i > 0
                && matches!(word(i - 1), "sick" | "fit" | "doctors" | "medical")
                && needed() =>
        {
            Some("send")
        }
        // "could you bring the ladder", "please bring two spare keys": something the
        // service is asked to bring along.
        "bring" if i > 0 && matches!(word(i - 1), "you" | "u" | "please" | "also") => Some("bring"),
        // "get a second parking card", "get another parking permit": one more of a thing.
        "get"
            if i + 1 < end
                && (word(i + 1) == "another"
                    || matches!(word(i + 1), "a" | "an")
                        && i + 2 < end
                        && matches!(
                            word(i + 2),
                            "second" | "extra" | "spare" | "replacement" | "duplicate" | "new"
                        )) =>
        {
            Some("order")
        }
        "back"
            if (i.saturating_sub(4)..i).any(|j| {
            matches!(
                word(j),
                "money" | "pounds" | "quid" | "euros" | "dollars" | "deposit" | "fee" | "fees"
                    | "cash"
            )
        }) && wished()
            // "cancel it, and I'd like my deposit back": the money of a cancellation is
            // part of it.
            && !(0..i).any(|j| word(j).starts_with("cancel")) =>
        {
            Some("refund")
        }
        "stopped" | "cancelled" | "canceled" | "removed" | "ended" if wished() => Some("cancel"),
        // "could I order two for Saturday": an order placed, said with its verb ("my order
        // hasn't come" names a thing).
        "order" | "buy"
            if i > 0 && matches!(word(i - 1), "i" | "to" | "we" | "please" | "also" | "and") =>
        {
            Some("order")
        }
        // "we'd also like a quote for a filtration system": a price asked for, an errand.
        "quote" | "estimate" | "presupuesto" | "devis" | "preventivo" | "orcamento"
        | "kostenvoranschlag"
            if wished() =>
        {
            Some("quote")
        }
        // "give me a price for two front tyres": the same, by the price.
        "price"
            if i >= 2
                && word(i - 1) == "a"
                && (matches!(word(i - 2), "me" | "us") || wished())
                && i + 1 < end
                && word(i + 1) == "for" =>
        {
            Some("quote")
        }
        // "have a look at the air con": something to be checked.
        "look"
            if i >= 2
                && word(i - 1) == "a"
                && matches!(word(i - 2), "have" | "take")
                && i + 1 < end
                && word(i + 1) == "at" =>
        {
            Some("check")
        }
        "receipt" | "receipts" | "invoice" | "invoices" | "statement" | "certificate"
        | "confirmation" | "factura" | "fattura" | "facture" | "rechnung" | "quittung"
        | "recibo" | "ricevuta" | "recu" | "paperwork" | "forms" | "documents" | "contract"
            // "get your visit paperwork sent over": the verb after the document; "I never
            // got a receipt … so could you send that": asked for later in its clause.
            if (i + 1..end.min(i + 3)).any(|j| matches!(word(j), "sent" | "emailed" | "posted"))
                || (i + 1..end.min(i + 12)).any(|j| {
                    matches!(word(j), "send" | "resend" | "email" | "forward")
                        && matches!(word(j - 1), "you" | "u" | "please")
                })
                || (i.saturating_sub(4)..i).any(|j| {
                matches!(
                    word(j),
                    "send"
                        | "resend"
                        | "email"
                        | "mail"
                        | "post"
                        | "forward"
                        | "enviar"
                        | "mandar"
                        | "envoyer"
                        | "envoyez"
                        | "schicken"
                        | "senden"
                        | "inviare"
                        | "mandare"
                        | "mandame"
                        | "enviame"
                        | "mandami"
                        | "inviami"
                )
            }) =>
        {
            Some("send")
        }
        // Read last: most words end at the length test.
        _ if document(w) && needed() => Some("send"),
        _ => None,
    }
}

/// A word of the folded text: start, end, and whether punctuation cut the text before it.
type WordAt = (u32, u32, bool);

/// The folded text, its words (start, end, cut before) and their kinds, reused from turn
/// to turn.
#[derive(Default)]
struct Scratch {
    buf: String,
    words: Vec<WordAt>,
    kinds: Vec<u32>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch {
        buf: String::with_capacity(256),
        words: Vec::with_capacity(64),
        kinds: Vec::with_capacity(64),
    });
}

/// What one turn says about separate matters: its acts and the parts of the service it names,
/// one per segment, and any announcement ("three problems", "a few things").
#[derive(Clone, Debug, Default)]
pub struct Matters {
    /// Each act once, with the word that said it.
    acts: Vec<(&'static str, String)>,
    /// Each part of the service once (an index into [`PARTS`] + 1), with its words.
    parts: Vec<(u32, String)>,
    /// "several problems", "tres cuentas"…: a quantity of three or more.
    announced: Option<String>,
    /// "a few things", "un po' di cose": a vaguer announcement, enough with two matters.
    few_things: Option<String>,
    /// Three or more accounts, contracts, lines… held ("drei Verträge").
    holdings: Option<String>,
    /// Segments that report a fault and name no act or part of the service, by their
    /// fault words.
    problems: Vec<String>,
    /// The turn opens with a word that adds a matter ("also", "además", "außerdem").
    adds_on: bool,
    words: usize,
    /// The turn's clauses that each raise a matter of their own (see [`clauses_of`]).
    clauses: Option<Clauses>,
}

/// The clauses of a turn that each raise a matter of their own: how many (clauses about
/// the same thing counted once), their first words, and whether they make a list ("my
/// bill went up, the router keeps flashing, and I'm moving in January": three or more, the
/// last added with "and").
#[derive(Clone, Debug, Default)]
pub struct Clauses {
    count: usize,
    shown: String,
    listed: bool,
    /// The words of each clause (its first five letters), by the clause's group.
    stems: Vec<(usize, Stem)>,
    /// A word of the turn adds its matters to what came before ([`adds_by_a_word`]).
    adds: bool,
}

impl Clauses {
    /// How many of the clauses raise a matter of their own.
    pub fn count(&self) -> usize {
        self.count
    }

    /// Whether a word of the turn adds its matters to what came before ("also", "too").
    pub fn adds(&self) -> bool {
        self.adds
    }

    /// The first words of the clauses.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    /// How many of the clauses raise a matter that `known` does not know yet: a clause
    /// about a thing named before ("the second link failed as well" after "the reset link
    /// fails") goes on with that matter. At least half of a clause's words must be known:
    /// one shared word ("the lockers in the changing room" after "change my membership")
    /// is a coincidence, not the same matter.
    pub fn new_count(&self, known: impl Fn(&Stem) -> bool) -> usize {
        // (group, its stems, of them known); a group's clauses need not be neighbours.
        let mut groups: Vec<(usize, usize, usize)> = Vec::new();
        for (g, s) in &self.stems {
            let k = usize::from(known(s));
            match groups.iter_mut().find(|(id, ..)| id == g) {
                Some((_, n, known)) => {
                    *n += 1;
                    *known += k;
                }
                None => groups.push((*g, 1, k)),
            }
        }
        let old = groups
            .iter()
            .filter(|(_, n, known)| *known > 0 && 2 * known >= *n)
            .count();
        self.count - old
    }
}

/// The first five letters of a word, which its inflections share ("rejec" for "rejected",
/// "rejects").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stem {
    letters: [u8; 5],
    len: u8,
}

impl Stem {
    fn of(word: &str) -> Stem {
        let mut letters = [0u8; 5];
        let n = word.len().min(5);
        letters[..n].copy_from_slice(&word.as_bytes()[..n]);
        Stem {
            letters,
            len: n as u8,
        }
    }

    /// The letters, as bytes of the folded text.
    pub fn bytes(&self) -> &[u8] {
        &self.letters[..usize::from(self.len)]
    }
}

impl Matters {
    /// Whether these are at least `at_least` separate matters; the words that show it.
    pub fn verdict(&self, at_least: usize) -> Option<String> {
        if let Some(a) = &self.announced {
            return Some(a.clone());
        }
        let n = self.own();
        if self.acts.len() >= at_least || (n >= at_least && self.words >= MIN_WORDS_FOR_PARTS) {
            return Some(self.shown());
        }
        // A list of clauses counts when the turn names a matter of its own: the list says
        // how many there are when the vocabulary names only some of them.
        if let Some(c) = &self.clauses
            && c.listed
            && c.count >= at_least
            && n >= 1
        {
            return Some(c.shown.clone());
        }
        if let Some(f) = &self.few_things
            && n + 1 >= at_least
        {
            return Some(format!("{f} … {}", self.shown()));
        }
        // "A few things: …" and that many clauses after it, in words the vocabulary may not
        // name.
        if let Some(f) = &self.few_things
            && let Some(c) = &self.clauses
            && c.count >= at_least
        {
            return Some(format!("{f} … {}", c.shown));
        }
        if let Some(h) = &self.holdings
            && !self.acts.is_empty()
        {
            let acts: Vec<&str> = self.acts.iter().map(|(a, _)| *a).collect();
            return Some(format!("{h} … {}", acts.join(", ")));
        }
        None
    }

    /// Whether the turn asks for any act (change, move, cancel…).
    pub fn has_acts(&self) -> bool {
        !self.acts.is_empty()
    }

    /// Whether every act the turn asks for is one `other` names too ("Yes, replace it"
    /// after the AI's "confirm you want to replace the address").
    pub fn acts_within(&self, other: &Matters) -> bool {
        self.acts
            .iter()
            .all(|(a, _)| other.acts.iter().any(|(b, _)| a == b))
    }

    /// How many of the acts the turn asks for `other` names too: agreed to, not raised.
    pub fn agreed_acts(&self, other: &Matters) -> usize {
        self.acts
            .iter()
            .filter(|(a, _)| other.acts.iter().any(|(b, _)| a == b))
            .count()
    }

    /// How many matters the turn names by itself: acts, parts of the service, problems.
    pub fn own(&self) -> usize {
        self.acts.len() + self.parts.len() + self.problems.len()
    }

    /// Whether the turn opens by adding a matter to what came before ("also…", "and on
    /// top of that…", "además…").
    pub fn adds_on(&self) -> bool {
        self.adds_on
    }

    /// The words that show the turn's own matters.
    pub fn shown(&self) -> String {
        self.acts
            .iter()
            .map(|(_, w)| w.as_str())
            .chain(self.parts.iter().map(|(_, w)| w.as_str()))
            .chain(self.problems.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(" … ")
    }

    /// The matters of two turns of the same customer, each act counted once. The parts of
    /// the service are left out: over two turns they are mostly details of one matter ("my
    /// order never came" … "my password is …").
    pub fn with(&self, later: &Matters) -> Matters {
        let mut out = self.clone();
        out.parts.clear();
        out.problems.clear();
        out.clauses = None;
        for (a, w) in &later.acts {
            if !out.acts.iter().any(|(b, _)| b == a) {
                out.acts.push((a, w.clone()));
            }
        }
        // What an earlier turn announced ("I've got a couple of things"), the later one
        // lists: its parts and problems count too.
        if self.announced.is_some() || self.few_things.is_some() {
            out.parts.clone_from(&later.parts);
            out.problems.clone_from(&later.problems);
        }
        out.announced = out.announced.or_else(|| later.announced.clone());
        out.few_things = out.few_things.or_else(|| later.few_things.clone());
        out.holdings = out.holdings.or_else(|| later.holdings.clone());
        out.words += later.words;
        out
    }
}

/// Words that acknowledge an answer before the customer adds a matter with "and".
const ACKNOWLEDGEMENTS: &[&str] = &[
    "thanks",
    "thank",
    "you",
    "great",
    "ok",
    "okay",
    "oh",
    "um",
    "uh",
    "right",
    "yes",
    "yeah",
    "perfect",
    "cool",
    "fine",
    "brilliant",
    "lovely",
    "ah",
    "please",
    "sure",
    "alright",
    "capito",
    "entendido",
    "entendi",
    "compris",
    "verstanden",
    "certo",
    "claro",
    "gracias",
    "vale",
    "genial",
    "perfecto",
    "merci",
    "parfait",
    "super",
    "danke",
    "gut",
    "obrigado",
    "obrigada",
    "grazie",
];

/// Whether a customer turn opens with a condition ("and if I cancel in March, do I lose
/// the deposit?", "what if the parcel is late", "et si je pars avant", "und wenn …"): it
/// asks about the matter in hand under another case, and adds none.
pub fn opens_with_condition(text: &str) -> bool {
    let lower = text.to_lowercase();
    let mut words = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .skip_while(|w| {
            matches!(
                *w,
                "and" | "but" | "ok" | "okay" | "so" | "um" | "uh" | "erm" | "well" | "aber"
            )
        });
    match (words.next(), words.next()) {
        // "if possible, also …", "if you can, …": politeness, not a case.
        (Some("if"), Some("possible" | "you" | "u" | "that" | "thats" | "it" | "its" | "not")) => {
            false
        }
        (Some("if" | "wenn" | "falls"), _) | (Some("what" | "how"), Some("if")) => true,
        // "si" and "se" alone may be a yes or a pronoun: only after "and".
        (Some("et" | "y" | "e"), Some("si" | "se")) | (Some("und"), Some("wenn" | "falls")) => true,
        _ => false,
    }
}

/// Whether an AI turn asks if there is anything else ("Anything else?", "¿algo más?",
/// "autre chose ?"): what the customer names next is added to what came before.
pub fn asks_anything_else(text: &str) -> bool {
    if !text.contains('?') {
        return false;
    }
    // Whole words only: "altro" inside "altrove" is no question about more.
    let words = format!(
        " {} ",
        text.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    );
    [
        "anything else",
        "something else",
        "any other",
        "algo más",
        "algo mas",
        "alguna otra",
        "autre chose",
        "sonst noch",
        "noch etwas",
        "mais alguma",
        "altro",
    ]
    .iter()
    .any(|p| words.contains(&format!(" {p} ")))
}

/// Whether an AI turn acknowledges two matters ("I can help with both", "les deux"): the
/// customer raised two before their next turn.
pub fn acknowledges_two(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    // "both" standing for the matters, not before a noun ("both buttons"): last, or
    // followed by "of", "for you", "now"… or by a word for matters.
    let pronoun = |i: usize| {
        words.get(i + 1).is_none_or(|n| {
            matches!(
                *n,
                "of" | "de"
                    | "di"
                    | "for"
                    | "now"
                    | "right"
                    | "together"
                    | "issues"
                    | "things"
                    | "matters"
                    | "requests"
                    | "questions"
                    | "problems"
                    | "asuntos"
                    | "cosas"
                    | "problemas"
                    | "temas"
                    | "para"
                    | "per"
                    | "pour"
            )
        })
    };
    words.iter().enumerate().any(|(i, w)| {
        matches!(
            *w,
            "both" | "ambos" | "ambas" | "beides" | "entrambi" | "entrambe"
        ) && pronoun(i)
    }) || [
        "les deux",
        "os dois",
        "as duas",
        "two things",
        "two issues",
        "tutte e due",
        "tutti e due",
    ]
    .iter()
    .any(|p| lower.contains(p))
}

/// Whether `text` raises at least `at_least` separate matters; the words that show it.
pub fn several(text: &str, at_least: usize) -> Option<String> {
    matters_of(text).verdict(at_least)
}

/// The matters `text` names.
pub fn matters_of(text: &str) -> Matters {
    with_words(text, matters_in)
}

/// The clauses of `text` that each raise a matter of their own (see [`clauses_of`]): read
/// on demand, for a turn that adds matters to earlier ones.
pub fn clauses_in(text: &str) -> Clauses {
    with_words(text, |buf, words, facts, kinds| {
        fill_kinds(
            |i| &buf[words[i].0 as usize..words[i].1 as usize],
            words.len(),
            facts,
            kinds,
        );
        let mut clauses = clauses_of(buf, words, kinds).unwrap_or_default();
        clauses.adds = adds_by_a_word(buf, words, kinds);
        clauses
    })
}

/// `read` over the folded text of `text` and its words (lowercased in place when ASCII,
/// folded into the scratch buffer otherwise), with the scratch space for word kinds.
fn with_words<R>(
    text: &str,
    read: impl Fn(&str, &[WordAt], Option<&[WordFacts]>, &mut Vec<u32>) -> R,
) -> R {
    SCRATCH.with(|s| {
        let mut s = s.borrow_mut();
        let Scratch { buf, words, kinds } = &mut *s;
        AsciiWords::with(text, |ascii| {
            ascii_words(ascii, words);
            // One word per run, in order: each word's facts are its run's.
            read(ascii.lower(), words, Some(ascii.facts()), kinds)
        })
        .unwrap_or_else(|| {
            fold_words(text, buf, words);
            read(buf, words, None, kinds)
        })
    })
}

/// The kinds of the `n` words `word` gives, into `kinds`: each word's own, less what its
/// neighbour takes back ("used another card" adds nothing).
fn fill_kinds<'a>(
    word: impl Fn(usize) -> &'a str,
    n: usize,
    facts: Option<&[WordFacts]>,
    kinds: &mut Vec<u32>,
) {
    kinds.clear();
    match facts {
        Some(facts) => kinds.extend(facts.iter().map(|f| f.kinds)),
        None => kinds.extend((0..n).map(&word).map(kinds_of)),
    }
    for (i, kind) in kinds.iter_mut().enumerate() {
        // Most words are neither: nothing below is read for them.
        if *kind & (ADDS_ON | FAULT) == 0 {
            continue;
        }
        let (w, before) = (word(i), if i > 0 { word(i - 1) } else { "" });
        let after = |k: usize| (i + 1..n).take(k).map(&word);
        // "On top of that" adds; "the top tier" is a place. "E poi vorrei…" adds; "è
        // arrivato tardi e poi ci ha trattati male" tells what happened next.
        let not_adding = w == "another" && attempted(before)
            || w == "top" && before != "on"
            || w == "poi" && before == "e" && !after(3).any(asks_in_italian);
        // "I've never seen such rudeness", "non ho mai visto una cosa simile": outrage
        // told, no fault of a thing.
        let outrage = *kind & FAULT != 0
            && matches!(w, "never" | "mai" | "jamais" | "nunca" | "nie")
            && after(2).any(experienced)
            && after(5).any(|x| {
                matches!(
                    x,
                    "such"
                        | "like"
                        | "simile"
                        | "simili"
                        | "tale"
                        | "pareil"
                        | "pareille"
                        | "tel"
                        | "telle"
                        | "semejante"
                        | "igual"
                        | "sowas"
                        | "so"
                        | "tal"
                )
            });
        // "for late November", "in the late afternoon": a time, not something late.
        let time_of = *kind & FAULT != 0
            && w == "late"
            && after(1).any(|x| {
                matches!(
                    x,
                    "january"
                        | "february"
                        | "march"
                        | "april"
                        | "may"
                        | "june"
                        | "july"
                        | "august"
                        | "september"
                        | "october"
                        | "november"
                        | "december"
                        | "spring"
                        | "summer"
                        | "autumn"
                        | "winter"
                        | "morning"
                        | "afternoon"
                        | "evening"
                        | "night"
                )
            });
        if not_adding {
            *kind &= !ADDS_ON;
        }
        if outrage || time_of {
            *kind &= !FAULT;
        }
    }
}

/// Italian words that ask or wish ("e poi vorrei…", "e poi potete…").
fn asks_in_italian(word: &str) -> bool {
    matches!(
        word,
        "vorrei"
            | "volevo"
            | "devo"
            | "dovrei"
            | "avrei"
            | "potete"
            | "potreste"
            | "puoi"
            | "potrei"
            | "serve"
            | "servirebbe"
            | "bisogno"
            | "chiedo"
            | "chiedere"
            | "anche"
    )
}

/// Verbs of seeing or living through something, as after "never" in outrage.
fn experienced(word: &str) -> bool {
    matches!(
        word,
        "seen"
            | "heard"
            | "experienced"
            | "encountered"
            | "met"
            | "visto"
            | "sentito"
            | "vu"
            | "entendu"
            | "vecu"
            | "oido"
            | "vivido"
            | "gesehen"
            | "erlebt"
            | "gehort"
    )
}

/// "I set another new PIN", "used another card": a verb of trying before "another"
/// tells the same attempt again, not a matter added.
fn attempted(word: &str) -> bool {
    matches!(
        word,
        "made"
            | "make"
            | "tried"
            | "try"
            | "set"
            | "created"
            | "create"
            | "sent"
            | "send"
            | "used"
            | "use"
            | "requested"
            | "entered"
            | "typed"
            | "did"
            | "got"
            | "gave"
    )
}

/// Whether a word of the turn adds what it says to what came before: "also", "too", "as
/// well", "além disso", "one more thing", "two more things". A bare "and" does not: after
/// an answer it mostly goes on with the same matter ("and then the box had nothing in it").
fn adds_by_a_word(buf: &str, words: &[WordAt], kinds: &[u32]) -> bool {
    let word = |i: usize| &buf[words[i].0 as usize..words[i].1 as usize];
    (0..words.len()).any(|i| {
        kinds[i] & ADDS_ON != 0
            || matches!(word(i), "too" | "either")
            || word(i) == "well" && i > 0 && word(i - 1) == "as"
            || word(i) == "more"
                && (i + 1..words.len()).take(2).any(|j| {
                    matches!(
                        word(j),
                        "thing" | "things" | "question" | "questions" | "issue" | "issues"
                    )
                })
    })
}

/// The matters of the folded text `buf` and its `words`; `kinds` is scratch space.
fn matters_in(
    buf: &str,
    words: &[(u32, u32, bool)],
    facts: Option<&[WordFacts]>,
    kinds: &mut Vec<u32>,
) -> Matters {
    // Each word is read many times: sliced once, on the stack for a turn of ordinary
    // length (an allocation per turn cost more than the slicing).
    let slice = |w: &(u32, u32, bool)| &buf[w.0 as usize..w.1 as usize];
    let mut on_stack: [&str; 64] = [""; 64];
    let on_heap: Vec<&str>;
    let texts: &[&str] = if words.len() <= on_stack.len() {
        for (slot, w) in on_stack.iter_mut().zip(words) {
            *slot = slice(w);
        }
        &on_stack[..words.len()]
    } else {
        on_heap = words.iter().map(slice).collect();
        &on_heap
    };
    let word = |i: usize| texts[i];
    // The act a word names, found with its other facts when they are at hand.
    let act_at = |i: usize| facts.map_or_else(|| act_of(word(i)), |f| f[i].act);
    fill_kinds(word, words.len(), facts, kinds);
    // "une facture en double", "la factura por duplicado": something that came twice.
    for (i, kind) in kinds.iter_mut().enumerate().skip(1) {
        if *kind & NAMED == 0 {
            continue;
        }
        let (w, before) = (word(i), word(i - 1));
        if w == "double" && before == "en" || w == "duplicado" && before == "por" {
            *kind |= FAULT;
        }
        // "die Tür lässt sich nicht öffnen": it cannot be done.
        if w == "nicht"
            && (i.saturating_sub(6)..i).any(|j| word(j) == "lasst" && word(j + 1) == "sich")
        {
            *kind |= FAULT;
        }
        // "out of stock"; no signal: "no tiene cobertura", "kein Netz", "pas de réseau".
        if w == "stock" && before == "of" && i > 1 && word(i - 2) == "out"
            || matches!(
                w,
                "signal"
                    | "coverage"
                    | "cobertura"
                    | "senal"
                    | "reseau"
                    | "netz"
                    | "rede"
                    | "segnale"
                    | "campo"
            ) && (i.saturating_sub(3)..i).any(|j| {
                matches!(
                    word(j),
                    "no" | "sin" | "sem" | "pas" | "kein" | "keine" | "nessun" | "zero" | "without"
                )
            })
        {
            *kind |= FAULT;
        }
        let next = |k: usize| if i + k < words.len() { word(i + k) } else { "" };
        // "I left my gloves in the studio": something of the customer's left behind;
        // "the fitter left a dent in the wall": damage left.
        if w == "left"
            && (matches!(before, "i" | "we" | "ve") && matches!(next(1), "my" | "our")
                || matches!(next(1), "a" | "an" | "some" | "big" | "huge")
                    && (i + 2..words.len().min(i + 4)).any(|k| {
                        matches!(
                            word(k),
                            "scratch"
                                | "scratches"
                                | "mark"
                                | "marks"
                                | "stain"
                                | "stains"
                                | "dent"
                                | "hole"
                                | "mess"
                                | "crack"
                                | "gouge"
                        )
                    }))
        {
            *kind |= FAULT;
        }
        // "a fee we didn't need", "a box I never ordered": a thing charged or sent that was
        // not wanted ("we didn't need to" tells what was not necessary).
        if matches!(w, "need" | "want" | "ordered" | "asked" | "use" | "used")
            && (matches!(before, "didnt" | "never")
                || before == "t" && i >= 2 && word(i - 2) == "didn"
                || before == "not" && i >= 2 && word(i - 2) == "did")
            && !matches!(next(1), "to" | "it" | "them" | "any" | "anything")
        {
            *kind |= FAULT;
        }
        // "the heater only blows cold air", "die Klimaanlage bläst nur warme Luft", "solo
        // sale agua fría": a device that does only part of its work.
        let device_does = |x: &str| {
            matches!(
                x,
                "blows"
                    | "shows"
                    | "prints"
                    | "charges"
                    | "heats"
                    | "plays"
                    | "displays"
                    | "works"
                    | "blast"
                    | "zeigt"
                    | "druckt"
                    | "ladt"
                    | "heizt"
                    | "spielt"
                    | "funktioniert"
                    | "sale"
                    | "echa"
                    | "muestra"
                    | "funciona"
                    | "carga"
                    | "calienta"
                    | "esce"
                    | "mostra"
                    | "funziona"
                    | "carica"
                    | "scalda"
                    | "souffle"
                    | "affiche"
                    | "marche"
                    | "chauffe"
            )
        };
        if matches!(w, "only" | "nur" | "solo" | "seulement")
            && (device_does(before) || device_does(next(1)))
        {
            *kind |= FAULT;
        }
        // "la facture est au nom de mon ancien conjoint", "the account is still in my ex's
        // name": a paper or an account in the name of someone it no longer is.
        if matches!(w, "nom" | "name" | "nombre" | "namen" | "nome")
            && (i + 1..words.len().min(i + 5)).any(|k| {
                matches!(
                    word(k),
                    "ex" | "exs"
                        | "ancien"
                        | "ancienne"
                        | "former"
                        | "previous"
                        | "antiguo"
                        | "antigua"
                        | "alten"
                        | "vecchio"
                        | "vecchia"
                        | "antigo"
                        | "antiga"
                )
            })
        {
            *kind |= FAULT;
        }
    }
    let kinds = &kinds[..];
    // The turn, or a sentence of it after an answer ("8 Kingfisher Way. And while we're at
    // it…"), opens by adding a matter: an add-on word among its first three words, or "and"
    // after nothing but an acknowledgement ("great and…", "Thanks. Oh, and…").
    // Acknowledgements and a "but" before it do not count ("sure, and we also…",
    // "ok, but I also…").
    let opens_adding = |from: usize| {
        let mut i = from;
        while i < words.len() && i < from + 3 && kinds[i] & ACKNOWLEDGES != 0 {
            i += 1;
        }
        if i < words.len() && matches!(word(i), "but" | "pero" | "mais" | "aber" | "ma" | "mas") {
            i += 1;
        }
        (from..words.len()).take(3).any(|i| kinds[i] & ADDS_ON != 0)
            || (i..words.len()).take(3).any(|i| kinds[i] & ADDS_ON != 0)
            || i < words.len() && matches!(word(i), "and" | "y" | "et" | "und")
            // French "par ailleurs", "de plus", "en plus" (besides), two words.
            || i + 1 < words.len()
                && matches!(
                    (word(i), word(i + 1)),
                    ("par", "ailleurs") | ("de" | "en", "plus")
                )
    };
    // "the back door sticks too", "and the window as well": a short turn that ends by
    // adding itself to what came before.
    let ends_adding = words.len() <= 15
        && words.len() >= 3
        && (word(words.len() - 1) == "too"
            || word(words.len() - 2) == "as" && word(words.len() - 1) == "well");
    // "Acme Joinery Ltd, and um we also want…": after an answer, "and" then an
    // add-on word a few words on adds a matter, wherever it comes.
    let and_also = (0..words.len()).any(|i| {
        kinds[i] & JOINER != 0
            && matches!(word(i), "and" | "e" | "y" | "et" | "und")
            && (i + 1..words.len())
                .take(3)
                .any(|j| kinds[j] & ADDS_ON != 0)
    });
    // "One more thing:", "Separate thing —", "and last one:", "autre chose :": a matter
    // announced as one more, in the first words of the turn or of a sentence.
    let one_more = (0..words.len().min(8)).any(|i| {
        if kinds[i] & CUE == 0 {
            return false;
        }
        let next = |o: usize| if i + o < words.len() { word(i + o) } else { "" };
        matches!(
            (word(i), next(1)),
            (
                "separate" | "other" | "last" | "different",
                "thing" | "one" | "issue" | "question"
            ) | (
                "otra" | "autre" | "outra" | "altra",
                "cosa" | "chose" | "coisa"
            )
        ) || (word(i), next(1), next(2)) == ("one", "more", "thing")
            || (word(i), next(1)) == ("noch", "etwas")
    });
    let mut out = Matters {
        words: words.len(),
        adds_on: one_more
            || ends_adding
            || and_also
            || opens_adding(0)
            || (1..words.len()).any(|i| {
                words[i].2
                    && buf[..words[i].0 as usize]
                        .trim_end()
                        .ends_with(['.', '!', '?', '…'])
                    && opens_adding(i)
            }),
        ..Matters::default()
    };
    // One matter per segment: its act, else the part of the service it names.
    let mut act: Option<(&'static str, usize)> = None;
    let mut part: Option<(u32, usize, usize)> = None;
    // The segment being read starts at word `start`; `close` ends it before word `end`.
    let mut start = 0;
    // "we lost the whole day", "lost two hours": time or money lost is what a matter cost,
    // not a matter of its own.
    let time_lost = |i: usize| {
        matches!(word(i), "lost" | "perdido" | "perdu" | "verloren" | "perso")
            && (i + 1..words.len()).take(3).any(|j| {
                matches!(
                    word(j),
                    "day"
                        | "days"
                        | "hours"
                        | "hour"
                        | "time"
                        | "morning"
                        | "afternoon"
                        | "evening"
                        | "week"
                        | "weekend"
                        | "money"
                        | "deposit"
                        | "dia"
                        | "jour"
                        | "journee"
                        | "tag"
                        | "giorno"
                        | "tiempo"
                        | "temps"
                        | "zeit"
                        | "tempo"
                )
            })
    };
    // "we'll never renew with that firm again": "never" of the future before an act swears it
    // off, and tells no fault ("a service I never ordered" is one).
    let sworn_off = |i: usize| {
        matches!(word(i), "never" | "jamais" | "nunca" | "nie" | "mai")
            && (i > 0 && matches!(word(i - 1), "will" | "ll" | "would" | "shall" | "gonna")
                || (i + 1..words.len()).take(6).any(|j| word(j) == "again"))
            && (i + 1..words.len()).take(2).any(|j| act_at(j).is_some())
    };
    // "no ha llegado", "não me chegou": a negator, one or two auxiliaries or clitics,
    // then a word of working or arriving.
    let negated_with_auxiliary = |a: usize, end: usize| {
        if kinds[a] & NEGATOR == 0 || !NEGATORS.contains(&word(a)) {
            return false;
        }
        let mut c = a + 1;
        while c < end && c - a <= 2 && AUXILIARIES.contains(&word(c)) {
            c += 1;
        }
        // "I haven't had my refund": the thing not received after its possessive (which
        // may open the next segment).
        if c > a + 1 && c + 1 < words.len() && kinds[c] & POSSESSIVE != 0 {
            c += 1;
        }
        c > a + 1 && c < words.len() && kinds[c] & WORKS != 0 && WORKING.contains(&word(c))
    };
    // Whether the segment before was an act: a terse fault right after it is its reason
    // ("How do I return the shirt? Wrong size.").
    let mut after_act = false;
    // The fault the segment before was told by, if any: told again in the next segment
    // ("dripping, been dripping for days") it is the same one.
    let mut fault_before: Option<&str> = None;
    let mut close = |act: &mut Option<(&'static str, usize)>,
                     part: &mut Option<(u32, usize, usize)>,
                     start: &mut usize,
                     end: usize| {
        let segment = *start..end;
        *start = end;
        if segment.is_empty() {
            return;
        }
        let fault_told = fault_before.take();
        // What the segment's words can be, together: most checks below need a kind no
        // word of a common segment has, and are skipped without reading it.
        let seg = segment.clone().fold(0, |all, i| all | kinds[i]);
        let reason_of_act =
            std::mem::replace(&mut after_act, act.is_some()) && segment.len() <= 3 && act.is_none();
        if reason_of_act {
            part.take();
            return;
        }
        if let Some((a, i)) = act.take() {
            if !out.acts.iter().any(|(b, _)| *b == a) {
                out.acts.push((a, word(i).to_owned()));
            }
            part.take();
        } else if let Some((p, i, j)) = part
            .take()
            // A part already named, told again with a fault ("the card got rejected" after
            // "the loan letter is wrong"), is a problem of its own.
            .filter(|(p, _, _)| !out.parts.iter().any(|(q, _)| q == p))
        {
            out.parts.push((p, format!("{} {}", word(i), word(j))));
        } else if seg & FAULT != 0
            && let Some(f) = segment
                .clone()
                .find(|&i| kinds[i] & FAULT != 0 && !time_lost(i) && !sworn_off(i))
        {
            if fault_told != Some(word(f)) {
                out.problems.push(word(f).to_owned());
            }
            fault_before = Some(word(f));
        } else if seg & INQUIRES != 0
            && let Some(q) = segment
                .clone()
                .filter(|&a| kinds[a] & INQUIRES != 0 && a + 1 < segment.end)
                .map(|a| {
                    // "tell me if the van can come": the one told between.
                    let told = matches!(word(a + 1), "me" | "us" | "mir" | "uns" | "moi" | "nous");
                    (a, a + 1 + usize::from(told && a + 2 < segment.end))
                })
                // "I can't tell if it's on" asks no one: "tell" asks with the one told.
                .find(|&(a, b)| inquiry(word(a), word(b)) && (word(a) != "tell" || b == a + 2))
        {
            // "find out why the rate went down", "capire perché la bolletta è più alta": a
            // question of its own.
            out.problems.push(format!("{} {}", word(q.0), word(q.1)));
        } else if kinds[segment.start] & CUE != 0
            && matches!(
                word(segment.start),
                "why" | "porque" | "pourquoi" | "warum" | "perche"
            )
            && segment
                .clone()
                .skip(1)
                .take(4)
                .any(|i| NEGATORS.contains(&word(i)))
            && segment.clone().any(|i| WORKING.contains(&word(i)))
        {
            // "why haven't the replacement keys come?": a fault asked about.
            out.problems.push(format!(
                "{} {}",
                word(segment.start),
                word(segment.start + 1)
            ));
        } else if seg & WISHES != 0
            && let Some(w) = segment
                .clone()
                .find(|&i| kinds[i] & WISHES != 0 && wants_a_thing(&word, i, segment.end))
        {
            out.problems.push(format!("{} {}", word(w), word(w + 1)));
        } else if seg & (NEGATOR | WORKS | DROPS) != 0
            && (segment.clone().zip(segment.clone().skip(1)).any(|(a, b)| {
                may_not_work(kinds[a], kinds[b])
                        && not_working(word(a), word(b))
                        // "your electrician came out last night": a person visited.
                        && !(word(a) == "came"
                            && word(b) == "out"
                            && a > 0
                            && super::explicit::names_a_person(word(a - 1)))
            }) || segment
                .clone()
                .any(|a| negated_with_auxiliary(a, segment.end)))
        {
            out.problems
                .push(segment.map(word).collect::<Vec<_>>().join(" "));
        } else if seg & NAMED != 0 && light_out(&word, segment.clone()) {
            out.problems.push("out".to_owned());
        } else if seg & PRICED != 0
            && let Some(w) = price_rose(&word, kinds, segment.clone())
        {
            out.problems.push(w.to_owned());
        }
    };
    let mut announced = None;
    let mut few_things = None;
    let mut holdings = None;
    let mut fault_in_segment: Option<usize> = None;
    for i in 0..words.len() {
        let k = kinds[i];
        // A voice transcript has no punctuation: "i want" said again opens a new clause
        // ("i want my money back i want the card moved").
        let wants_again = i > start + 2
            && word(i) == "i"
            && i + 1 < words.len()
            && matches!(word(i + 1), "want" | "need")
            && (start..i).any(|j| matches!(word(j), "want" | "need"));
        if words[i].2 || wants_again {
            close(&mut act, &mut part, &mut start, i);
        }
        // French "ma commande" is "my order"; Italian "ma" is "but".
        let my_part = k & CUE != 0
            && word(i) == "ma"
            && (i + 1..words.len())
                .take(2)
                .any(|j| kinds[j] >> PART_SHIFT != 0);
        if k & JOINER != 0 && !my_part {
            close(&mut act, &mut part, &mut start, i);
            start = i + 1;
            continue;
        }
        // A transcript without punctuation tells one fault after another ("the frame came
        // cracked the map's the wrong edition"): within a segment (no cut or joiner between
        // them), a second fault whose own subject stands between, with a verb, opens a
        // segment at that subject.
        if k & FAULT != 0 {
            if let Some(f) = fault_in_segment.filter(|&f| f >= start)
                && let Some(d) = (f + 1..i).find(|&d| matches!(word(d), "the" | "my" | "our"))
                && (d + 1..i).any(|v| {
                    matches!(
                        word(v),
                        "s" | "is" | "was" | "are" | "were" | "arrived" | "came" | "has" | "have"
                    )
                })
            {
                close(&mut act, &mut part, &mut start, d);
            }
            fault_in_segment = Some(i);
        }
        if k & (MANY_WORD | FEW) != 0 {
            for j in (i + 1..words.len()).take(3) {
                if kinds[j] & MATTER != 0 {
                    let said = format!("{} {}", word(i), word(j));
                    if k & MANY_WORD != 0 {
                        announced.get_or_insert(said);
                    } else {
                        few_things.get_or_insert(said);
                    }
                }
                // "that's four cards now", "tried three cards": the tries counted, not
                // things held.
                let tries_counted = i >= 1
                    && matches!(word(i - 1), "s" | "thats" | "tried" | "used")
                    || j + 1 < words.len() && word(j + 1) == "now";
                if k & MANY_WORD != 0 && kinds[j] & HOLDING != 0 && !tries_counted {
                    holdings.get_or_insert_with(|| format!("{} {}", word(i), word(j)));
                }
            }
        }
        // "I've already changed operator", "l'ho già portato": an act told as already done is
        // what happened, not a matter to handle ("we've moved" tells a matter: the address).
        let done = |i: usize| {
            let w = word(i);
            let participle = w.len() > 4
                && [
                    "ed", "ato", "ata", "ito", "ita", "uto", "ado", "ada", "ido", "ida", "ee",
                ]
                .iter()
                .any(|e| w.ends_with(e));
            participle
                && ((i.saturating_sub(2)..i).any(|p| {
                    matches!(
                        word(p),
                        "already" | "gia" | "ya" | "deja" | "schon" | "bereits" | "ja"
                    )
                })
                    // "I've emigrated", "we booked the function room for forty": what the customer
                    // has done, told as why.
                    || i >= 2
                        && matches!(word(i - 1), "ve" | "have")
                        && matches!(word(i - 2), "i" | "we")
                    // "I booked a visit for Friday but …", "we ordered tiles in May": a
                    // booking the customer made, told as what the matter is about (the act
                    // asked on it, if any, is the matter).
                    || i >= 1
                        && matches!(w, "booked" | "ordered" | "reserved" | "bought")
                        && matches!(word(i - 1), "i" | "we")
                    // "our fitting is booked for Monday", "the wedding has been postponed": a
                    // booking's state, told.
                    || i >= 1
                        && matches!(
                            w,
                            "booked"
                                | "reserved"
                                | "scheduled"
                                | "arranged"
                                | "postponed"
                                | "rescheduled"
                        )
                        && matches!(word(i - 1), "is" | "s" | "was" | "are" | "were" | "been" | "all")
                    // "your fitter came round on Monday, replaced the hinge and checked the
                    // door": what was done, told one act after another after a visit.
                    || w.ends_with("ed")
                        && (i == start || i >= 1 && matches!(word(i - 1), "and" | "then"))
                        && (i.saturating_sub(8)..i).any(|p| {
                            matches!(word(p), "came" | "went" | "visited" | "arrived" | "popped")
                        })
                    // "I unplugged it and plugged it back in": what the customer tried, on the thing
                    // already named, told as done.
                    || (i + 1 < words.len()
                        && matches!(word(i + 1), "it" | "them")
                        // "Updated it, still crashes": the step told first, the subject left out.
                        && (i == 0
                            || words[i].2
                            || matches!(word(i - 1), "i" | "we" | "re" | "and" | "then" | "just"))
                        // "billed even though we closed it": the act is what the
                        // complaint rests on.
                        && !(i.saturating_sub(4)..i).any(|p| {
                            matches!(word(p), "though" | "although" | "because" | "since" | "after")
                        })))
                // "since I moved in", "when we changed supplier": a time, not an act.
                || (i.saturating_sub(2)..i).any(|p| {
                    kinds[p] & CUE != 0
                        && matches!(
                            word(p),
                            "since" | "when" | "after" | "until" | "desde" | "depuis" | "seit" | "dopo"
                        )
                }) && i >= 1
                    && matches!(word(i - 1), "i" | "we" | "she" | "he" | "they")
        };
        // "14 Alder Close", "3 Oak Drive", "7 Market Place": a street after a house number,
        // no act.
        let address = || {
            i >= 2
                && (super::words::may_name_a_street(word(i))
                    || super::words::names_a_street(word(i)))
                && word(i - 2)
                    .bytes()
                    .next()
                    .is_some_and(|b| b.is_ascii_digit())
        };
        // "my move on Saturday", "our transfer to the airport": the thing the act made, not
        // an act asked for.
        let owned_thing = i > 0
            && k & NAMED != 0
            && matches!(word(i), "move" | "transfer" | "removal")
            && matches!(word(i - 1), "my" | "our" | "your" | "his" | "her" | "their");
        if act.is_none()
            && !owned_thing
            && let Some(a) = act_at(i)
                .or_else(|| {
                    // English "order" is the verb where a segment or an infinitive starts, before
                    // what is ordered ("…, order a new chequebook"); elsewhere it is the parcel
                    // ("my order", "order 8812 arrived").
                    (k & NAMED != 0
                        && word(i) == "order"
                        && (i == start
                            || matches!(word(i - 1), "to" | "also" | "please" | "and" | "then"))
                        && (i + 1..words.len()).next().is_some_and(|n| {
                            matches!(
                                word(n),
                                "a" | "an"
                                    | "the"
                                    | "some"
                                    | "another"
                                    | "more"
                                    | "new"
                                    | "extra"
                                    | "replacement"
                                    | "spare"
                                    | "my"
                                    | "our"
                            )
                        }))
                    .then_some("order")
                })
                .or_else(|| {
                    // Only "sign…", "take…", "put" and "set" take a particle: most words are turned away by
                    // their kinds.
                    if k & NAMED == 0 {
                        return None;
                    }
                    // The segment's end is not known yet: the particle is looked for up to the
                    // next cut or joiner (within the five words `phrasal_act` reads).
                    let end = (i + 1..words.len().min(i + 6))
                        .find(|&j| words[j].2 || kinds[j] & JOINER != 0)
                        .unwrap_or(words.len());
                    phrasal_act(&word, i, end)
                })
                // A document named by its ending ("…bescheinigung") is a long word.
                .or_else(|| {
                    (k & NAMED != 0 || word(i).len() > 12)
                        .then(|| wished_act(&word, start, i, words.len()))
                        .flatten()
                })
            && !done(i)
            // Read only of an act word, not of every word.
            && !address()
            // "we'll never renew with that firm again": an act sworn off, no matter to handle.
            && !(i.saturating_sub(2)..i).any(sworn_off)
            // "it still closes", "the app always resets": what a thing does by itself, a
            // fault told, not an act asked for.
            && !(word(i).ends_with('s')
                && i >= 1
                && matches!(word(i - 1), "it" | "still" | "always" | "keeps" | "randomly"))
            // "the booking app", "my ordering page": the act naming a thing.
            && !(word(i).ends_with("ing")
                && i + 1 < words.len()
                && matches!(
                    word(i + 1),
                    "app" | "system" | "page" | "site" | "website" | "form" | "reference"
                        | "number" | "confirmation" | "link" | "portal" | "tool" | "details"
                ))
            // "do you keep batch records?", "does your team deliver?": what the service
            // does, asked about, not an act asked for.
            && !(i >= 2
                && matches!(word(i - 1), "you" | "they")
                && matches!(word(i - 2), "do" | "does" | "did"))
            // "that's correct", "all correct": the word as a verdict, not the act.
            && !(a == "correct"
                && i >= 1
                && matches!(
                    word(i - 1),
                    "s" | "is" | "was" | "are" | "all" | "be" | "looks" | "sounds" | "seems"
                        | "thats" | "its" | "quite" | "exactly" | "perfectly"
                ))
        {
            act = Some((a, i));
        }
        if part.is_none() && (k & POSSESSIVE != 0 || my_part) {
            // The thing possessed: within the next three words ("my late mother's account").
            part = (i + 1..words.len())
                .take(3)
                .take_while(|&j| !words[j].2)
                .find_map(|j| {
                    let p = kinds[j] >> PART_SHIFT;
                    (p != 0).then_some((p, i, j))
                });
        }
    }
    close(&mut act, &mut part, &mut start, words.len());
    // "firstly … secondly … thirdly", "erstens … zweitens … drittens": a numbered list.
    // Only words marked as listing words can add a place (most turns have none).
    let (ordinals, bracketed) = (0..words.len()).filter(|&i| kinds[i] & LISTING != 0).fold(
        (0u8, 0u8),
        |(seen, bracketed), i| {
            // "number one …, number two …": a numbered list said aloud.
            let numbered = i > 0 && NUMBER_WORDS.contains(&word(i - 1));
            let spoken = if numbered { place(&SPOKEN, word(i)) } else { 0 };
            // "1) the lid … 2) the invoice … 3) please change …": items numbered with a
            // bracket.
            let bracket = match (word(i), buf.as_bytes().get(words[i].1 as usize)) {
                ("1", Some(b')')) => 1,
                ("2", Some(b')')) => 2,
                ("3", Some(b')')) => 4,
                _ => 0,
            };
            (
                seen | place(&ORDINALS, word(i)) | spoken,
                bracketed | bracket,
            )
        },
    );
    if announced.is_none() && (ordinals == 0b111 || bracketed == 0b111) {
        announced = Some("a numbered list".to_owned());
    }
    out.announced = announced;
    out.few_things = few_things;
    out.holdings = holdings;
    // Most turns are one or two clauses: a list needs a joiner and two cuts at least.
    out.clauses = (words.len() >= 9 && kinds.iter().any(|k| k & JOINER != 0))
        .then(|| clauses_of(buf, words, kinds))
        .flatten();
    out
}

/// Joiners that add an item to a list ("and", "also", "then"); "but" contrasts instead.
const LIST_JOINERS: &[&str] = &[
    "and", "also", "plus", "then", "y", "e", "et", "und", "sowie", "ademas", "aussi", "auch",
    "tambem", "anche", "inoltre", "puis", "luego", "dann", "depois", "poi",
];

/// Words that make a clause of a segment: a verb or an auxiliary, in the six languages
/// ("is", "'s", "need", "can", "went"; "est", "hay", "ist", "tem", "ha").
const CLAUSE_VERBS: &[&str] = &[
    // "I'd like …", "id like …" (typed without the apostrophe).
    "d",
    "id",
    "is",
    "are",
    "s",
    "was",
    "were",
    "has",
    "have",
    "had",
    "been",
    "need",
    "needs",
    "want",
    "wants",
    "can",
    "could",
    "would",
    "will",
    "went",
    "gone",
    "got",
    "lost",
    "charged",
    "isnt",
    "arent",
    "doesnt",
    "didnt",
    "hasnt",
    "havent",
    "wont",
    "cant",
    "never",
    "keeps",
    "due",
    "m",
    // "isn't" folds to "isn" "t".
    "isn",
    "aren",
    "doesn",
    "didn",
    "hasn",
    "haven",
    "wasn",
    "weren",
    "couldn",
    "won",
    "don",
    "wouldn",
    "shouldn",
    "re",
    "ve",
    "ll",
    "es",
    "esta",
    "ha",
    "he",
    "han",
    "hay",
    "necesito",
    "quiero",
    "puede",
    "puedo",
    "tengo",
    "est",
    "ai",
    "voudrais",
    "pourriez",
    "pouvez",
    "faut",
    "suis",
    "peux",
    "ist",
    "hat",
    "habe",
    "bin",
    "brauche",
    "brauchen",
    "benotige",
    "benotigen",
    "mochte",
    "mochten",
    "wollen",
    "kann",
    "konnen",
    // "kommt meine Rechnung an die alte Adresse", "kam nie an": what comes, or does not.
    "kommt",
    "kam",
    "gibt",
    "sind",
    "tem",
    "preciso",
    "quero",
    "pode",
    "foi",
    "ho",
    "vorrei",
    "puo",
    "serve",
    "sono",
    "era",
    "fait",
    "font",
    "va",
    "veux",
    "dois",
    "marche",
    "hace",
    "tiene",
    "funciona",
    "geht",
    "macht",
    "funktioniert",
    "faz",
    "fa",
    "funziona",
    // What happened to an order or a bill, in the past, as the lists tell it in the other
    // languages: "a fatura veio errada", "me cobraron dos veces".
    "chegou",
    "veio",
    "faltou",
    "cobraram",
    "cobrou",
    "llego",
    "vino",
    "falto",
    "cobraron",
    "cobro",
    "arrivato",
    "arrivata",
    "mancava",
    "kam",
    "fehlt",
    "fehlte",
];

/// Steps the customer took, which a list of them tells as one matter ("I restarted it,
/// cleared the cache, and reinstalled").
const STEPS_TAKEN: &[&str] = &[
    "restarted",
    "rebooted",
    "reset",
    "tried",
    "cleared",
    "reinstalled",
    "unplugged",
    "plugged",
    "checked",
    "updated",
    "switched",
    "turned",
    "logged",
    "waited",
    "called",
    "rang",
    "emailed",
    "followed",
    "entered",
    "typed",
    "clicked",
    "pressed",
    "taken",
    "attached",
];

/// Contrasting joiners: what follows "but" goes on with the matter before it.
const CONTRASTS: &[&str] = &["but", "pero", "mais", "aber", "mas", "ma"];

/// Words that carry no matter: greetings, hesitations, openers.
const OPENERS: &[&str] = &[
    "hi", "hey", "hello", "yeah", "yes", "um", "uh", "erm", "so", "ok", "okay", "right", "well",
    "oh", "honestly", "alors", "bon", "pues", "bueno", "hola", "bonjour", "hallo", "ola", "ciao",
    "just", "really", "also",
];

/// Words of a clause that is settled, not a matter ("the other one is fine", "todo está
/// bien").
const SETTLED: &[&str] = &[
    // "everything's paid and settled": what is owed is done with (as what is said of it,
    // see `owed_word`).
    "paid",
    "settled",
    "bezahlt",
    "erledigt",
    "fine",
    "good",
    "sorted",
    "resolved",
    "fixed",
    "bien",
    "marche",
    "funktioniert",
    "funciona",
    "funziona",
    "resolvido",
    "risolto",
];

/// What is owed, told as done with ("paid", "settled"): settled only as what is said of it.
fn owed_word(word: &str) -> bool {
    matches!(word, "paid" | "settled" | "bezahlt" | "erledigt")
}

/// Words that judge rather than raise a matter ("es un desastre", "the worst service").
const VERDICTS: &[&str] = &[
    "worst",
    "disaster",
    "disgrace",
    "joke",
    "shambles",
    "ridiculous",
    "unacceptable",
    "useless",
    "pathetic",
    "peor",
    "desastre",
    "verguenza",
    "inaceptable",
    "pire",
    "catastrophe",
    "inacceptable",
    "honte",
    "schlechteste",
    "katastrophe",
    "frechheit",
    "inakzeptabel",
    "pior",
    "vergonha",
    "inaceitavel",
    "peggiore",
    "disastro",
    "vergogna",
    "inaccettabile",
    "furious",
    "furiosa",
    "furioso",
    "harta",
    "harto",
    "fuming",
    "livid",
    "ripped",
];

/// Three or more clauses listed in one turn, the last added with "and" (or "also",
/// "then"), about different things: "my bill went up, the router keeps flashing, and I'm
/// moving in January". A clause counts when it has three words or more with a verb and a
/// word of its own, and is none of: what follows "but", a step the customer took ("I
/// restarted it"), a return to what came before ("it", "this"), something settled ("the
/// other is fine"), a verdict ("it's a disaster"), a reference given ("the order number is
/// …"). Clauses that share a word
/// are one matter told in parts. How many, and their first words.
fn clauses_of(buf: &str, words: &[(u32, u32, bool)], kinds: &[u32]) -> Option<Clauses> {
    let word = |i: usize| &buf[words[i].0 as usize..words[i].1 as usize];
    // Two clauses need six words at least.
    if words.len() < 6 {
        return None;
    }
    // The segments first, by cuts and joiners alone (no word is looked up): (the clause,
    // the joiner that opened it).
    let mut segments: Vec<(std::ops::Range<usize>, Option<&str>)> = Vec::new();
    let mut start = 0;
    let mut opener: Option<&str> = None;
    for i in 0..words.len() {
        // French "il y a", "qu'il y a": no joiner.
        let there_is = word(i) == "y" && i > 0 && matches!(word(i - 1), "il" | "n");
        let is_joiner = kinds[i] & JOINER != 0 && !there_is;
        // A cut after one or two words ("Alors :", "est-ce", "pourriez-vous") opens no
        // clause.
        if words[i].2 && !is_joiner && i - start < 3 {
            // "Fine. I also want …": an acknowledgement before the cut is no part of the
            // clause after it (and "fine" would read as something settled).
            if (start..i).all(|j| ACKNOWLEDGEMENTS.contains(&word(j))) {
                start = i;
            }
            continue;
        }
        // Nor does "also" one or two words into a clause ("could you also put …", "we also
        // need …"): it adds the whole clause.
        if is_joiner && !words[i].2 && i > start && i - start < 3 && word(i) != "and" {
            continue;
        }
        if words[i].2 || is_joiner {
            if i >= start + 3 {
                segments.push((start..i, opener));
            }
            opener = is_joiner.then(|| word(i));
            start = i + usize::from(is_joiner);
            // "and and also": joiners in a row open one clause.
            while start < words.len() && kinds[start] & JOINER != 0 {
                start += 1;
            }
        }
    }
    if words.len() >= start + 3 {
        segments.push((start..words.len(), opener));
    }
    // What follows "but" goes on with the matter before it; so does the other choice of a
    // question ("do you need the frame, or can I bring it later?").
    segments.retain(|(r, o)| {
        !o.is_some_and(|o| CONTRASTS.contains(&o))
            && !matches!(word(r.start), "or" | "ou" | "oder" | "oppure")
    });
    let joined = |o: &Option<&str>| o.is_some_and(|o| LIST_JOINERS.contains(&o));
    if segments.is_empty() {
        return None;
    }
    // Each word's roles, looked up once.
    let role = |i: usize| LIST_WORDS.get(word(i)).copied().unwrap_or(0);
    let roles: Vec<u8> = (0..words.len()).map(role).collect();
    let content = |i: usize| {
        let w = word(i);
        w.len() >= 4
            && roles[i] & (LIST_VERB | LIST_OPENER | LIST_FUNCTION) == 0
            && kinds[i] & JOINER == 0
            && w.bytes().all(|b| !b.is_ascii_digit())
    };
    // A verb the lists do not hold, by its English form: a failure going on ("still not
    // pairing"), what no longer happens ("no longer accepts"). (Every past in "-ed" made
    // lists of film reviews.)
    // German "bin" and "hat" are English nouns ("the brown bin", "a hat"): verbs beside a
    // German pronoun only.
    let german_beside = |i: usize| {
        [i.wrapping_sub(1), i + 1].iter().any(|&j| {
            j < words.len()
                && matches!(
                    word(j),
                    "ich" | "er" | "sie" | "es" | "das" | "man" | "wer" | "was" | "der" | "die"
                )
        })
    };
    // "A few other things: can you quote…, do you sell…, and could I…": after a few things
    // announced, each question put is one ("do you…" is no verb of a clause elsewhere: it
    // opens the many questions that go on with one matter).
    let few_announced = kinds.iter().any(|k| k & FEW != 0);
    let verb = |i: usize| {
        let w = word(i);
        few_announced
            && matches!(w, "do" | "does")
            && i + 1 < words.len()
            && matches!(word(i + 1), "you" | "u" | "they")
            || roles[i] & LIST_VERB != 0 && (!matches!(w, "bin" | "hat") || german_beside(i))
            || w.len() >= 6
                && w.ends_with("ing")
                && i > 0
                && matches!(word(i - 1), "not" | "still" | "keeps" | "stopped")
            || i >= 2 && word(i - 1) == "longer" && word(i - 2) == "no"
    };
    // A step the customer took ("I switched it off"), not one wanted ("I want paper
    // statements switched off").
    // "the wax you used on the dresser": a step the service took names a thing, not what
    // the customer did.
    let step = |item: &std::ops::Range<usize>, i: usize| {
        roles[i] & LIST_STEP != 0
            && !(i > item.start && matches!(word(i - 1), "you" | "they" | "u"))
            && !(item.start..i).any(|j| {
                matches!(word(j), "want" | "wants" | "need" | "needs")
                    // "I'd like a receipt for the lessons I paid for": wished, too.
                    || word(j) == "like"
                        && j > 0
                        && matches!(word(j - 1), "d" | "id" | "would" | "wed")
            })
    };
    // A clause that goes on with what was said rather than raising a matter: a condition
    // or a follow-up ("if the part fails again next week …", "and what about weekends",
    // "et si je pars avant"), or an answer that opens with "no" ("no, that won't be
    // needed"), or what someone said about it ("they said they're full").
    let follows_up = |item: &std::ops::Range<usize>| {
        let mut i = item.start;
        while i < item.end && roles[i] & LIST_OPENER != 0 {
            i += 1;
        }
        let next = |o: usize| if i + o < item.end { word(i + o) } else { "" };
        // "they said they're full", "you told me Monday": what someone said about the
        // matter in hand. Not what a third party reports ("a buyer says my lamp never
        // arrived", "my husband said…"): that raises the matter it tells.
        // "nobody has told us where to meet": what no one said is a matter of its own.
        let reported = (i..item.end).take(4).any(|j| {
            matches!(
                word(j),
                "said" | "told" | "says" | "dijeron" | "dit" | "sagte"
            ) && !(j >= i + 2 && matches!(word(j - 2), "a" | "an" | "my" | "our" | "another"))
                && !(i..j).any(|k| {
                    matches!(
                        word(k),
                        "nobody"
                            | "noone"
                            | "never"
                            | "not"
                            | "hasn"
                            | "hasnt"
                            | "haven"
                            | "havent"
                    )
                })
        });
        // "I don't use it anymore", "we no longer need it": why the act is asked, said
        // after it.
        // Not "the locker I rent, I don't need it anymore": a thing of its own named.
        // "… and won't be needing it again": the same, for good.
        let for_good = |j: usize| {
            word(j) == "again"
                && item
                    .clone()
                    .any(|k| matches!(word(k), "won" | "wont" | "never"))
        };
        let no_longer = item
            .clone()
            .any(|j| matches!(word(j), "anymore" | "longer") || for_good(j))
            && item
                .clone()
                .any(|k| matches!(word(k), "use" | "need" | "using" | "needed"))
            && !item.clone().any(|k| {
                content(k)
                    && !matches!(
                        word(k),
                        "anymore" | "longer" | "using" | "needed" | "really" | "actually" | "again"
                    )
            });
        // "es ist jetzt 12 Uhr", "it's now 3pm": the time told, no matter of its own.
        let now = |j: usize| {
            matches!(
                word(j),
                "now" | "jetzt" | "already" | "maintenant" | "ahora" | "adesso" | "agora"
            )
        };
        let time_told = item.len() <= 6
            && (item
                .clone()
                .any(|j| matches!(word(j), "uhr" | "oclock" | "pm" | "heures" | "horas"))
                || item.clone().any(now)
                    // A value told ("my blood sugar is already 19"), not a number of things
                    // ("we now have 72 children coming").
                    && item.clone().skip(1).any(|j| {
                        word(j).bytes().all(|b| b.is_ascii_digit())
                            && (now(j - 1)
                                || matches!(
                                    word(j - 1),
                                    "is" | "s" | "are" | "ist" | "sind" | "est" | "es" | "son"
                                        | "sono" | "e"
                                ))
                    }));
        reported
            || no_longer
            || time_told
            || matches!(
                word(i.min(item.end - 1)),
                "if" | "wenn" | "falls" | "no" | "nope" | "nah" | "nein"
            )
            || matches!(
                (word(i.min(item.end - 1)), next(1)),
                ("what" | "how", "about" | "if")
                    | ("et" | "y" | "e", "si" | "se")
                    | ("und", "wenn" | "falls")
            )
    };
    let substantial = |item: &std::ops::Range<usize>| {
        // "this" and "that" as pronouns ("this is wrong", "…and that"), not determiners
        // ("this month").
        let pointing = |i: usize| {
            matches!(word(i), "this" | "that")
                && (i + 1 == item.end || roles[i + 1] & LIST_VERB != 0)
        };
        // "no funciona", "ne marche pas", "funktioniert nicht": not settled at all.
        // "hasn't been paid", "never got fixed": a negator up to three words before.
        let negated = |i: usize| {
            (i.saturating_sub(3)..i).any(|j| {
                matches!(
                    word(j),
                    "no" | "not" | "t" | "never" | "ne" | "non" | "nao" | "nicht"
                )
            }) || i + 1 < words.len() && matches!(word(i + 1), "nicht" | "pas" | "not")
        };
        // A clause goes back to what came before when it opens on it ("it still fails",
        // "and that was wrong"); "I topped it up on Monday" further in names its own.
        let opening = |i: usize| i < item.start + 3;
        // "all you ever do is apologise", "how dare you treat people so": a reproach to the
        // service, no matter of its own.
        let reproach = item
            .clone()
            .take(4)
            .collect::<Vec<_>>()
            .windows(3)
            .any(|w| {
                word(w[0]) == "all"
                    && word(w[1]) == "you"
                    && matches!(word(w[2]), "do" | "did" | "ever" | "keep")
                    || word(w[0]) == "how"
                        && matches!(word(w[1]), "could" | "dare")
                        && word(w[2]) == "you"
            });
        if reproach || follows_up(item) {
            return false;
        }
        item.clone().any(verb)
            && item.clone().any(content)
            && !item.clone().any(|i| {
                step(item, i)
                    || roles[i] & LIST_VERDICT != 0
                    || roles[i] & LIST_RETURN != 0
                        && opening(i)
                        // "two of them use wheelchairs": some of what came before, with
                        // something new said of them.
                        && !(i > item.start && word(i - 1) == "of")
                    || pointing(i) && opening(i)
                    || roles[i] & LIST_SETTLED != 0
                        && !negated(i)
                        // "the deposit we paid" names a thing; "everything's paid", "(paid
                        // and) settled" say it is done with.
                        && (!owed_word(word(i))
                            || i == item.start
                            || (i.saturating_sub(2)..i).any(|j| {
                                matches!(
                                    word(j),
                                    "s" | "is" | "are" | "was" | "were" | "been" | "all" | "ist"
                                        | "sind" | "alles"
                                )
                            }))
                        // German puts "nicht" at the clause's end ("funktioniert meine
                        // Karte nicht").
                        && !(i..item.end).any(|j| word(j) == "nicht")
                    || word(i).len() >= 4 && word(i).bytes().all(|b| b.is_ascii_digit())
            })
            // "I'll never rent from you again": what the customer will do, no matter.
            && !(item.clone().any(|i| word(i) == "never")
                && item.clone().any(|i| word(i) == "again"))
    };
    segments.retain(|(item, _)| substantial(item));
    // "…, and his sister wants to try the taster. Is all that doable?": a closing question
    // about the whole list is no matter of its own, and ends no list.
    if segments.len() >= 4
        && let Some((last, _)) = segments.last()
        && last.len() <= 6
        && last
            .clone()
            .any(|i| matches!(word(i), "all" | "that" | "everything" | "those"))
        && last.clone().any(|i| {
            matches!(
                word(i),
                "doable" | "possible" | "ok" | "okay" | "fine" | "feasible" | "manageable"
            )
        })
    {
        segments.pop();
    }
    let listed = |items: &[(std::ops::Range<usize>, Option<&str>)]| {
        items.len() >= 3 && items.last().is_some_and(|(_, o)| joined(o))
    };
    if segments.is_empty() {
        return None;
    }
    // "I'm shaking with anger", "I'm disgusted": a feeling, not a matter (read last: it
    // is the dearest check). A feeling said after the list ("…, and the app is down. I'm
    // sick of it.") ends no list: it is set aside before the last clause is looked at.
    if segments.len() >= 2 {
        segments.retain(|(item, _)| {
            let text = item.clone().map(word).collect::<Vec<_>>().join(" ");
            super::sentiment_langs::stated_feeling(&text).is_none()
        });
    }
    // Clauses sharing a word (its first five letters) are parts of one matter.
    let stems: Vec<Vec<&str>> = segments
        .iter()
        .map(|(item, _)| {
            item.clone()
                .filter(|&i| content(i))
                .map(|i| &word(i)[..word(i).len().min(5)])
                .collect()
        })
        .collect();
    let mut groups: Vec<usize> = (0..segments.len()).collect();
    // "I'm calling about the flat I rent, the boiler's leaking": a clause that says what
    // the turn is about opens the matter the next clause tells.
    let introduces = |item: &std::ops::Range<usize>| {
        item.clone().zip(item.clone().skip(1)).any(|(a, b)| {
            matches!(
                word(a),
                "calling" | "ringing" | "phoning" | "writing" | "contacting" | "question"
            ) && matches!(word(b), "about" | "regarding")
        })
    };
    for a in 1..segments.len() {
        if introduces(&segments[a - 1].0) {
            groups[a] = groups[a - 1];
        }
    }
    for a in 0..segments.len() {
        for b in a + 1..segments.len() {
            if stems[a].iter().any(|x| stems[b].contains(x)) {
                let (ga, gb) = (groups[a], groups[b]);
                for g in groups.iter_mut() {
                    if *g == gb {
                        *g = ga;
                    }
                }
            }
        }
    }
    // Each group's words, for telling later which of them an earlier turn named.
    let mut group_stems: Vec<(usize, Stem)> = Vec::new();
    for (g, words) in groups.iter().zip(&stems) {
        group_stems.extend(words.iter().map(|w| (*g, Stem::of(w))));
    }
    groups.sort_unstable();
    groups.dedup();
    let listed = listed(&segments) && groups.len() >= 3;
    Some({
        let shown: Vec<String> = segments
            .iter()
            .map(|(r, _)| {
                r.clone()
                    .filter(|&i| roles[i] & LIST_OPENER == 0)
                    .map(word)
                    .take(3)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        Clauses {
            count: groups.len(),
            shown: shown.join(" … "),
            listed,
            stems: group_stems,
            adds: false,
        }
    })
}

/// The roles a word can play in [`clauses_of`], one bit each.
const LIST_VERB: u8 = 1;
const LIST_OPENER: u8 = 2;
const LIST_STEP: u8 = 4;
const LIST_SETTLED: u8 = 8;
const LIST_VERDICT: u8 = 16;
/// Words that go back to what came before, or give a reference ("it", "number").
const LIST_RETURN: u8 = 32;
const LIST_FUNCTION: u8 = 64;

/// Function words of four letters or more: no thing a clause is about ("that", "with",
/// "your", "avec", "nicht", "questa"), so never what two clauses share.
const FUNCTION_WORDS: &[&str] = &[
    "that",
    "this",
    "these",
    "those",
    "with",
    "from",
    "your",
    "about",
    "there",
    "their",
    "they",
    "what",
    "when",
    "where",
    "which",
    "some",
    "then",
    "than",
    "into",
    "onto",
    "over",
    "very",
    "much",
    "more",
    "only",
    "even",
    "here",
    "still",
    "like",
    "because",
    // "the polish you used last time … my last visit": when, no shared thing.
    "last",
    "time",
    "next",
    "would",
    "should",
    "could",
    "been",
    "being",
    "does",
    "anything",
    "something",
    "pour",
    "avec",
    "dans",
    "cette",
    "votre",
    "notre",
    "sont",
    "porque",
    "para",
    "como",
    "esta",
    "este",
    "pero",
    "todo",
    "sobre",
    "desde",
    "mein",
    "meine",
    "meinen",
    "meiner",
    // "seit zwei Monaten … seit gestern": since, in two clauses, is no shared thing.
    "seit",
    "schon",
    "immer",
    "nicht",
    "noch",
    "eine",
    "einen",
    "oder",
    "aber",
    "wenn",
    "dass",
    "essa",
    "esse",
    "isso",
    "pelo",
    "pela",
    "minha",
    "questo",
    "questa",
    "della",
    "delle",
    "perche",
    "alla",
    "nella",
    "mais",
];

/// Every word of the lists [`clauses_of`] reads, with its roles: one lookup a word.
/// Apart from [`WORD_KINDS`] on purpose: these are common words ("is", "can", "it"), and
/// merged into it they pass its filter on every turn, while this table is read only on the
/// rare turn whose cuts and joiners make a list (merging them cost the fixed bench text
/// 3–9% in an A/B run).
static LIST_WORDS: LazyLock<FastMap<&'static str, u8>> = LazyLock::new(|| {
    let mut map: FastMap<&'static str, u8> = FastMap::default();
    for (list, role) in [
        (CLAUSE_VERBS, LIST_VERB),
        (OPENERS, LIST_OPENER),
        (STEPS_TAKEN, LIST_STEP),
        (SETTLED, LIST_SETTLED),
        (VERDICTS, LIST_VERDICT),
        (
            &["it", "them", "its", "mine", "ours", "number", "reference"][..],
            LIST_RETURN,
        ),
        (FUNCTION_WORDS, LIST_FUNCTION),
    ] {
        for w in list {
            *map.entry(w).or_default() |= role;
        }
    }
    map
});

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

/// Whether punctuation that cuts the text is `c`: a word after it starts a new part.
fn cuts(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '.' | '!' | '?' | '\n' | '(' | ')' | '-' | '–'
    )
}

/// The words of an ASCII text: its runs of letters and digits, each with whether
/// punctuation cut the text just before it (as [`fold_words`] lists them).
fn ascii_words(ascii: &AsciiWords, words: &mut Vec<(u32, u32, bool)>) {
    words.clear();
    let b = ascii.lower().as_bytes();
    let mut end = None;
    for &(from, to) in ascii.runs() {
        let cut = end.is_none_or(|end: u32| {
            b.get(end as usize..from as usize)
                .is_some_and(|gap| gap.iter().any(|&c| cuts(char::from(c))))
        });
        words.push((from, to, cut));
        end = Some(to);
    }
    keep_ordinals(b, words);
}

/// A full stop after a German article or preposition and a number of one or two digits
/// marks an ordinal ("für den 4. Stock", "ab dem 3. Mai"), not the end of a sentence:
/// the word after it is not cut off, unless it opens a sentence of its own ("am 30.
/// Außerdem …").
fn keep_ordinals(b: &[u8], words: &mut [(u32, u32, bool)]) {
    let text = |w: (u32, u32, bool)| &b[w.0 as usize..w.1 as usize];
    for i in 2..words.len() {
        // Most words are not cut off: the rest is read only for those that are.
        if !words[i].2 {
            continue;
        }
        let (from, to, _) = words[i - 1];
        let number = &b[from as usize..to as usize];
        let gap = &b[to as usize..words[i].0 as usize];
        let before = text(words[i - 2]);
        let after = || std::str::from_utf8(text(words[i])).unwrap_or_default();
        if matches!(
            before,
            b"den"
                | b"dem"
                | b"der"
                | b"des"
                | b"im"
                | b"am"
                | b"zum"
                | b"zur"
                | b"vom"
                | b"ab"
                | b"bis"
                | b"seit"
        ) && number.len() <= 2
            && number.iter().all(u8::is_ascii_digit)
            && gap.len() >= 2
            && gap[0] == b'.'
            && gap[1..].iter().all(|&c| c == b' ')
            && !ADD_ON.contains(&after())
            && !JOINERS.contains(&after())
        {
            words[i].2 = false;
        }
    }
}

/// Folds the text `text` (not ASCII) into `buf` and lists its words: start, end, and
/// whether punctuation cut the text just before it.
fn fold_words(text: &str, buf: &mut String, words: &mut Vec<(u32, u32, bool)>) {
    buf.clear();
    words.clear();
    let mut start: Option<usize> = None;
    let mut cut = true;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(buf.len());
            }
            if c.is_ascii() {
                buf.push(c.to_ascii_lowercase());
            } else {
                buf.push(fold(c));
            }
        } else {
            if let Some(st) = start.take() {
                words.push((st as u32, buf.len() as u32, cut));
                cut = false;
            }
            if cuts(c) {
                cut = true;
            }
            // Kept between the words, as the ASCII path keeps them: a sentence that opens
            // after a full stop is found by it ("… 20 GB. Además…").
            buf.push(c);
        }
    }
    if let Some(st) = start {
        words.push((st as u32, buf.len() as u32, cut));
    }
    keep_ordinals(buf.as_bytes(), words);
}

#[cfg(test)]
mod tests {
    use super::matters_of as m;

    #[test]
    fn an_act_sworn_off_is_no_matter_an_act_never_asked_for_is() {
        assert_eq!(m("I will never book a room with them again").own(), 0);
        assert_eq!(m("I'd never cancel it again after this").own(), 0);
        assert!(m("they charged me for a bundle I never ordered").own() > 0);
    }

    #[test]
    fn correct_as_a_verdict_is_no_act() {
        assert!(!m("Yes, that's correct.").has_acts());
        assert!(!m("all correct, go ahead").has_acts());
        assert!(m("please correct the spelling of my surname").has_acts());
    }

    #[test]
    fn what_the_customer_tried_on_it_is_no_matter() {
        // Troubleshooting told as done: one matter, the failure.
        assert!(
            m("I unplugged it and reconnected it, still no signal")
                .verdict(2)
                .is_none()
        );
        // A charge despite a cancellation is still the complaint's act.
        assert!(
            m("someone keeps messaging me, and I was charged even though I cancelled it")
                .verdict(2)
                .is_some()
        );
    }

    #[test]
    fn a_turn_opening_with_a_case_adds_no_matter() {
        for text in [
            "and what if the parcel comes while we're on holiday?",
            "ok and if I pay the deposit late, is the room still held",
            "und wenn ich schon im März kündige?",
            "et si je change de formule en cours de mois ?",
        ] {
            assert!(super::opens_with_condition(text), "{text}");
        }
        for text in [
            "if possible, also shift the fitting to Thursday",
            "sí, y también quiero cambiar la tarjeta",
            "and I'd like the receipt made out to the firm",
        ] {
            assert!(!super::opens_with_condition(text), "{text}");
        }
    }

    #[test]
    fn an_ordinal_full_stop_cuts_no_clause_but_a_sentence_after_it_does() {
        // Two matters, the first told with its negation at the clause's end.
        let c = super::clauses_in(
            "Außerdem geht das Licht im 3. Stock nicht, und wir brauchen einen zweiten Schlüssel für den Keller.",
        );
        assert_eq!(c.count(), 2, "{}", c.shown());
    }

    #[test]
    fn a_clause_sharing_one_word_of_several_with_an_earlier_turn_is_new() {
        let c = super::clauses_in(
            "also the showers in the changing area are cold again, and my son would love to join the swim club",
        );
        assert_eq!(c.count(), 2, "{}", c.shown());
        let earlier = ["chang"];
        // "changing" shares its first five letters with "change my plan", no more.
        assert_eq!(
            c.new_count(|s| earlier.iter().any(|e| e.as_bytes() == s.bytes())),
            2
        );
        let both = ["chang", "showe", "cold"];
        assert_eq!(
            c.new_count(|s| both.iter().any(|e| e.as_bytes() == s.bytes())),
            1
        );
    }
    use super::several;

    /// Every text raises at least three separate matters.
    fn all_several(texts: &[&str]) {
        for text in texts {
            assert!(several(text, 3).is_some(), "{text}");
        }
    }

    /// No text raises three separate matters.
    fn none_several(texts: &[&str]) {
        for text in texts {
            assert!(several(text, 3).is_none(), "{text}");
        }
    }

    #[test]
    fn lists_of_acts_or_of_parts_of_the_service_are_several_matters() {
        all_several(&[
            "We're relocating: please shift the landline to the new place, keep our current number and put the bill in my wife's name",
            "necesito cambiar la dirección, añadir a mi hijo al contrato y cerrar la cuenta vieja",
            "je voudrais fusionner nos deux abonnements, changer le titulaire et supprimer l'ancienne ligne",
            "Bitte den alten Vertrag kündigen, die Nummer übertragen und die Rechnung aufteilen",
            "my dad died last month, his pension still goes into his old account, his card was never cancelled and the phone contract is in his name and I don't know where to start",
            "honestly I've got several issues today, none of them simple",
            "we run four sites on separate contracts and want to consolidate the billing",
        ]);
    }

    #[test]
    fn several_problems_each_told_apart_are_several_matters() {
        all_several(&[
            "the parking permit expired last week, the payment page just shows an error page and doesn't load, and the reminder letters were never sent to me at all",
            "la app no funciona desde ayer, la factura de marzo está mal calculada y el router que me mandaron vino roto de fábrica",
            "die Lieferung war unvollständig, der Drucker ist kaputt angekommen und das Kundenkonto funktioniert nicht mehr seit gestern Abend",
        ]);
        // One problem told in detail stays one matter.
        none_several(&[
            "the scanner is broken, it was broken when it arrived and it is still broken today",
            "my tablet doesn't charge, I tried two cables and it still doesn't work",
        ]);
    }

    #[test]
    fn numbered_lists_and_more_acts_are_several_matters() {
        all_several(&[
            "firstly the app won't load, secondly the invoice is late and thirdly I want a paper copy",
            "I'd like to return the blender, extend my warranty and pause the magazine subscription",
            "quisiera devolver el abrigo, renovar la tarjeta y corregir mi apellido en la cuenta",
        ]);
        assert!(
            several(
                "the second bus was late again, the first time this happened",
                3
            )
            .is_none()
        );
    }

    #[test]
    fn lost_things_activations_top_ups_and_dead_devices_are_matters() {
        all_several(&[
            "my son lost his bus pass, the meal account needs topping up and the app isn't showing his timetable",
            "quiero activar la tarjeta nueva, recargar el saldo y cambiar el PIN",
            "the badge printer won't print, the visitor screen doesn't start and my access card got stuck in the reader",
        ]);
        none_several(&[
            "my card got stuck in the machine and it still won't come out, the screen doesn't show anything",
            "I'd like to activate roaming for my trip please",
        ]);
    }

    #[test]
    fn damage_charges_and_deliveries_in_the_other_languages_are_matters() {
        all_several(&[
            "olá, a mesa veio riscada, o sofá ainda não chegou e ainda cobraram a entrega duas vezes no cartão",
            "hola, la lavadora llegó abollada por un lado, el horno todavía no llegó y encima me han cobrado el montaje dos veces",
            "il divano è arrivato danneggiato, la lampada non mi è mai arrivata e mi hanno addebitato la consegna due volte",
        ]);
        all_several(&[
            "buenas, la nevera vino rayada por detrás, el microondas todavía no ha llegado y encima me han cobrado el envío dos veces",
            "bom dia, a mesa veio riscada no tampo, a cadeira ainda não me chegou e a transportadora cobrou-me a entrega duas vezes",
        ]);
        none_several(&["o sofá chegou ontem, obrigado pela ajuda"]);
    }

    #[test]
    fn one_matter_in_detail_is_not_several() {
        none_several(&[
            "My order hasn't arrived, the tracking says delivered and my neighbour doesn't have it",
            "Can you change my delivery address and add a note for the driver?",
            "I have three kids and a dog, what plan do you recommend?",
            "the app crashes each time I open my invoices, reinstalling it twice did nothing",
            "Thanks, that worked, have a good day",
            "I want to cancel my order",
            "mi pedido no ha llegado, el seguimiento dice entregado",
        ]);
    }

    #[test]
    fn ascii_and_general_folding_agree() {
        // The same text with one non-ASCII word added takes the general path.
        for text in [
            "We're relocating: please SHIFT the landline (to the new place) - keep 2 numbers!",
            "a,b;c:d.e!f?g\nh(i)j-k  l'm 3rd x_y",
            "",
        ] {
            let words = |t: &str| {
                let (mut buf, mut words) = (String::new(), Vec::new());
                super::fold_words(t, &mut buf, &mut words);
                words
                    .iter()
                    .map(|&(s, e, cut)| (buf[s as usize..e as usize].to_owned(), cut))
                    .collect::<Vec<_>>()
            };
            let mut general = words(&format!("{text} é"));
            assert_eq!(general.pop().map(|w| w.0), Some("e".to_owned()));
            assert_eq!(words(text), general, "{text}");
        }
    }

    #[test]
    fn clauses_count_what_each_raises_and_leave_out_what_goes_on() {
        use super::clauses_in as c;
        // Each ask its own clause; "also" a word into a clause adds the whole of it.
        let asks = "great. also can you do a buffet for forty people, and is there parking?";
        assert_eq!(c(asks).count(), 2);
        let wants = "could you also send the invoice to my office, and we need the projector";
        assert_eq!(c(wants).count(), 2);
        // Conditions, follow-ups, and what someone said go on with the matter in hand.
        let follow = "ok and what about the slippers, and if I arrive late can I still swim";
        assert_eq!(c(follow).count(), 0);
        assert_eq!(
            c("yes and they said there is nothing free tonight").count(),
            0
        );
        // A clause that says what the turn is about opens the matter the next one tells.
        let about = "I'm ringing about the cottage we rent from you, the shower is broken";
        assert_eq!(c(about).count(), 1);
    }

    #[test]
    fn clauses_about_things_named_before_raise_no_new_matter() {
        let told =
            super::clauses_in("the new code was refused as well, and the gate is still shut");
        assert_eq!(told.count(), 2);
        let before = ["code", "gate"];
        let known = |s: &super::Stem| before.iter().any(|w| w.as_bytes().starts_with(s.bytes()));
        assert_eq!(told.new_count(known), 0);
        assert_eq!(told.new_count(|_| false), 2);
        // "as well", "also", "two more things" add what follows; a bare "and" does not.
        assert!(told.adds());
        assert!(
            super::clauses_in("two more things: the lid is cracked and the bill shows a late fee")
                .adds()
        );
        assert!(
            !super::clauses_in("and the day before, the parcel never came and the box is empty")
                .adds()
        );
    }

    #[test]
    fn clauses_listed_about_different_things_are_several_matters() {
        let several = |t: &str| crate::signals::matters::matters_of(t).verdict(3);
        for text in [
            // Questions after a few things announced; a list closed by a question on it.
            "Great. A few more things: can you hem the trousers, do you sell the thread you used, and could I collect on Friday?",
            "Right: I want to change the pickup date, I need an invoice for the club, and my brother wants a quote too. Is all that possible?",
            "I'm so cross. The map you posted is for the autumn route, nobody has told us the start time, and my deposit went out twice.",
            "while it's in can you replace the mats, give me a price for a full valet and swap the bulbs",
            "the gate code has changed, the bin store is locked, and we need a second parking permit",
            "first the app won't load my tickets, then the refund is still pending, and also my email address is wrong",
            "la chaudière fait du bruit, le compteur est bloqué, et je voudrais changer mon contrat",
            "i need to cancel the school trip, his blazer is too small, and can he get a locker",
            // Acts told as verbs of their own, a question of its own, a delivery short.
            "could you swap these boots for a smaller size, order a spare charger, and update my email",
            "please pause the gym plan, email a copy of the contract and find out why the fee went up",
            "the blender arrived without its lid. Also I want to change my card, and the app keeps freezing",
            // A failure going on, what no longer works, a change wanted.
            "the watch still not syncing, my loyalty voucher never came through, and we need a new strap",
            "the reader no longer takes contactless, our logo is printed upside down, and I want weekly statements switched off",
        ] {
            assert!(several(text).is_some(), "{text}");
        }
        // One matter told in steps, in feelings, or settled on the way.
        for text in [
            "I restarted it, I reset the router, and it still drops every hour",
            "the parcel came late, the tape was torn, but the lamp inside is fine and I'm keeping it",
            "the screen is cracked, I have photos of the screen, and I want the screen replaced",
            "you ve lost my booking, I'm absolutely livid, and I'll never book with you again",
            "the pipe burst, water is everywhere, and honestly I am furious about it",
            // The parcel called an order.
            "order 5521 came yesterday, and thanks, it's perfect",
            // The same fault, told again with the steps the customer took.
            "it keeps restarting, I turned the power off, and it is still restarting",
        ] {
            assert_eq!(several(text), None, "{text}");
        }
    }

    #[test]
    fn fittings_that_drip_or_stick_and_a_blocked_sim_are_problems() {
        for text in [
            "the shower head drips all night",
            "the patio door keeps sticking",
            "la carta è bloccata",
        ] {
            assert!(
                crate::signals::matters::matters_of(text).own() >= 1,
                "{text}"
            );
        }
        // A short turn ending on "too" adds itself to what came before.
        assert!(crate::signals::matters::matters_of("the bathroom fan is broken too").adds_on());
        assert!(!crate::signals::matters::matters_of("the bathroom fan is broken").adds_on());
    }

    #[test]
    fn acts_said_with_a_particle_and_a_light_gone_out() {
        assert!(m("can you sign my daughter up for the holiday club").has_acts());
        assert!(m("please take my old van off the fleet cover").has_acts());
        assert!(!m("I took the afternoon off for the engineer").has_acts());
        assert!(!m("take a seat").has_acts());
        assert_eq!(m("the lamp post by the school is out again").own(), 1);
        assert_eq!(m("I was out when the courier came").own(), 0);
    }

    #[test]
    fn a_terse_reason_an_act_already_done_and_an_announcement_met_later() {
        // "Too small." gives the exchange its reason.
        assert_eq!(m("Can I exchange these trainers? Too small.").own(), 1);
        // Already done: no act; "we've moved" still tells one.
        assert!(!m("I've already cancelled the old policy").has_acts());
        assert!(m("we've moved, so please update the address").has_acts());
        // "un paio di cose" announced, the matters listed in the next turn.
        let announced = m("salve, avrei un paio di cose");
        let listed = m("il router è rotto e vorrei spostare l'appuntamento");
        assert!(announced.with(&listed).verdict(3).is_some());
    }

    #[test]
    fn a_limit_raised_a_price_gone_up_a_noise_and_a_name_misspelled() {
        let several = |t: &str| m(t).verdict(3);
        // A limit raised or lowered is an act, in the six languages.
        assert!(m("quisiera aumentar el límite de la tarjeta").has_acts());
        assert!(m("can you reduce my monthly payment").has_acts());
        // A price gone up, a machine's noise, a name written wrong: each a problem.
        assert!(
            several(
                "my broadband bill has gone up again, the router makes a grinding noise and my name is misspelled on the contract"
            )
            .is_some()
        );
        assert_eq!(m("the price went up last spring").own(), 1);
        // A round missed, a booking made again.
        assert_eq!(m("the recycling van missed us again").own(), 1);
        assert_eq!(m("the sofa came three weeks late").own(), 1);
        assert!(m("please rebook the boiler service").has_acts());
        assert_eq!(m("the price is fine, thanks").own(), 0);
    }

    #[test]
    fn a_light_out_a_slow_line_and_money_not_posted_are_problems() {
        assert_eq!(m("there's a lamp out at the end of our street").own(), 1);
        assert_eq!(m("the wifi is painfully slow upstairs").own(), 1);
        assert_eq!(m("my refund still hasn't posted to the card").own(), 1);
    }

    #[test]
    fn a_fault_told_again_is_one_matter() {
        assert_eq!(
            m("the shower's leaking, been leaking all week, not much but steady").own(),
            1
        );
        assert!(
            m("the staff login stopped working this morning, we were billed twice for March, and the calendar sync has stopped as well")
                .verdict(3)
                .is_some()
        );
    }

    #[test]
    fn a_device_that_does_not_switch_on_and_a_bill_sent_twice_are_problems() {
        assert_eq!(m("a televisão não liga desde ontem").own(), 1);
        assert_eq!(m("el módem no enciende").own(), 1);
        assert_eq!(m("the March statement arrived duplicated").own(), 1);
        assert!(
            m("buenas, quiero cambiar mi tarifa, además la factura de marzo vino duplicada y el router del salón no enciende")
                .verdict(3)
                .is_some()
        );
        assert_eq!(m("o router liga normalmente agora").own(), 0);
    }

    #[test]
    fn a_screen_gone_blank_or_frozen_is_a_problem() {
        assert_eq!(m("the thermostat screen has gone blank").own(), 1);
        assert_eq!(m("my tablet is frozen on the logo").own(), 1);
        assert!(
            m("the card reader screen went blank, I need to reset my PIN and please cancel my paper statements")
                .verdict(3)
                .is_some()
        );
        assert_eq!(
            m("the heating works fine now, the screen is clear").own(),
            0
        );
    }

    #[test]
    fn a_reproach_to_the_service_is_no_matter_of_its_own() {
        let several = |t: &str| crate::signals::matters::matters_of(t).verdict(3);
        assert_eq!(
            several(
                "The box was empty, my neighbour saw the van leave, and all you ever do is quote policy at me."
            ),
            None
        );
    }

    #[test]
    fn a_matter_added_after_a_yes_or_a_but_and_faults_refused_delayed_or_not_refunded() {
        let adds = |t: &str| m(t).adds_on();
        assert!(adds("yes please, and I'd also like the old card cancelled"));
        assert!(adds("ok, but we also have to move the meter reading date"));
        assert!(adds("D'accord. Il faut aussi changer le titulaire"));
        assert!(adds("Va bene. Devo anche aggiornare la mail"));
        assert!(!adds("yes please, that's everything"));
        // The same attempt made again adds nothing; another thing does.
        assert!(!adds("i tried another card and it got declined again"));
        assert!(adds("another thing, the invoice address is old"));
        assert_eq!(m("the gift card got refused at the till").own(), 1);
        assert_eq!(m("our coach was delayed by two hours").own(), 1);
        assert_eq!(m("she can't log in on her tablet").own(), 1);
        assert_eq!(m("ils ne m'ont pas remboursé le billet").own(), 1);
        assert_eq!(m("they refunded the ticket on Monday").own(), 0);
    }

    #[test]
    fn a_wish_in_its_short_form_is_a_clause_why_it_is_asked_is_not() {
        let count = |t: &str| super::clauses_in(t).count();
        // "I'd like" raises its matter as "I would like" does.
        assert_eq!(
            count("I'd like a copy of the contract, and I would like a second parking permit too"),
            2
        );
        assert_eq!(count("id like a copy of the contract for my records"), 1);
        // "I don't need it anymore" says why, after the act.
        assert_eq!(
            count("I want to cancel the parking permit, we don't need it any longer"),
            1
        );
        // Unless it names a thing of its own.
        assert_eq!(
            count(
                "can you pause my membership for June and the bike rack I rent I don't need it anymore"
            ),
            2
        );
    }

    #[test]
    fn since_is_no_shared_thing_a_time_told_is_no_matter_and_a_device_offline_is_a_fault() {
        let count = |t: &str| super::clauses_in(t).count();
        // Two clauses that both say "seit …" are still two matters.
        assert_eq!(
            count(
                "Außerdem kommt die Mahnung seit Mai doppelt, und die App funktioniert seit Montag nicht"
            ),
            2
        );
        // The time told first adds nothing.
        assert_eq!(
            count("it's now 4pm, the fitter never came and the door still won't lock"),
            2
        );
        assert_eq!(m("the camera shows offline in the app").own(), 1);
        // French "par ailleurs" adds what follows.
        assert!(m("Merci. Par ailleurs, ma carte ne marche plus").adds_on());
    }

    #[test]
    fn a_sentence_after_a_full_stop_in_accented_text_a_thing_asked_anew_and_twice() {
        assert!(m("La de 50 GB. Además quiero cambiar el PIN").adds_on());
        assert_eq!(m("we need a new router").own(), 1);
        assert_eq!(m("j'ai reçu la facture en double").own(), 1);
        assert_eq!(m("todavía no me llega el pedido").own(), 1);
        assert!(super::asks_anything_else(
            "Done. Is there anything else today?"
        ));
        assert!(!super::asks_anything_else("Your parcel is on its way."));
        assert!(super::asks_anything_else("Fatto. Posso aiutarla in altro?"));
        assert!(!super::asks_anything_else("Lo trova altrove?"));
    }

    #[test]
    fn one_more_thing_a_fault_not_yet_done_and_french_ma_are_read() {
        assert!(m("Thanks. One more thing: the gate code has changed").adds_on());
        assert!(m("ok. Another question, is the depot open late on Thursdays?").adds_on());
        // "hasn't been applied", "ne s'applique pas", "why haven't … arrived": faults.
        assert_eq!(m("the voucher still hasn't been applied").own(), 1);
        assert_eq!(m("le code promo ne s'applique pas").own(), 1);
        assert_eq!(m("why haven't the spare keys arrived").own(), 1);
        assert_eq!(m("why shouldn't the kids be allowed to stay up").own(), 0);
        // "since I moved in" tells when, not an act; French "ma" is "my".
        assert!(!m("the discount hasn't shown since I moved in").has_acts());
        assert_eq!(m("ma facture est fausse").own(), 1);
    }

    #[test]
    fn a_thing_wished_for_is_a_matter_and_a_wish_restated_or_refused_is_not() {
        all_several(&[
            "my router keeps dropping, I need a copy of the March bill, and I also want to book an engineer for the loft",
            "el contador no funciona, necesito una factura nueva y quiero cambiar la tarifa",
        ]);
        none_several(&[
            // The matter restated as a wish, a wish refused, thanks said.
            "I need to pay the deposit today and my limit won't let me",
            "the kids don't need the extra lesson, the app is fine, thanks",
            "just wanted to say thanks, the engineer was great",
        ]);
    }

    #[test]
    fn a_booking_told_a_visit_told_and_damage_or_a_thing_left_behind() {
        // The booking the customer made or its state is what the matter is about.
        assert!(!m("we ordered a rug from you in March").has_acts());
        assert!(!m("my massage is booked for Thursday").has_acts());
        assert!(!m("the concert has been postponed to May").has_acts());
        assert!(m("can you postpone my class to May?").has_acts());
        // A step told with its subject left out, what a thing does by itself, an act naming a
        // thing; something kept aside for the customer is an act.
        assert!(!m("Reinstalled it, it still closes on the second page").has_acts());
        assert!(!m("the ordering page shows nothing").has_acts());
        assert!(m("can you put the blue one aside for me").has_acts());
        // What the service does, asked about.
        assert!(!m("do you keep spare keys for the flats?").has_acts());
        // What a visiting person did is told, not asked.
        assert_eq!(
            m("your plumber came round yesterday, replaced the valve and tested the boiler").own(),
            0
        );
        assert_eq!(m("the crown came out yesterday").own(), 1);
        // Damage left, something left behind, a thing not wanted, a device doing half its
        // work, a name no longer right.
        assert_eq!(m("the removal men left a dent in the door").own(), 1);
        assert_eq!(m("I think I left my scarf on the coach").own(), 1);
        assert_eq!(m("the bill has a cleaning fee we didn't need").own(), 1);
        assert_eq!(m("we didn't need to wait long").own(), 0);
        assert_eq!(m("the fridge only shows an error light").own(), 1);
        assert_eq!(m("der Drucker druckt nur leere Seiten").own(), 1);
        assert_eq!(
            m("le contrat est au nom de mon ancienne colocataire").own(),
            1
        );
        // "tell me if" asks; "I can't tell if" does not.
        assert_eq!(m("please tell me if the parcel has left").own(), 1);
        assert_eq!(m("I can't tell if the light is on").own(), 0);
        for text in [
            "I need to reschedule Friday, the app only shows the old slot, and tell me if parking is free",
            "il manque une vis, la facture est au nom de mon ex, et je voudrais décaler la pose",
        ] {
            assert!(m(text).verdict(3).is_some(), "{text}");
        }
    }

    #[test]
    fn out_of_stock_no_signal_a_clash_and_separately() {
        assert_eq!(m("the sofa we picked is out of stock").own(), 1);
        assert_eq!(m("aquí no hay cobertura desde el lunes").own(), 1);
        assert_eq!(m("the visit clashes with the school run").own(), 1);
        assert!(m("Thanks. Separately, the bin collection was missed").adds_on());
    }

    #[test]
    fn and_also_later_in_a_turn_a_blocked_step_a_statement_and_heating_off() {
        assert!(m("Lisa Grant, and uh we also want paper bills").adds_on());
        assert!(!m("my name is Lisa Grant and we want paper bills").adds_on());
        assert_eq!(m("my enrolment is blocked").own(), 1);
        assert_eq!(m("a question about my statement").own(), 1);
        assert_eq!(m("our heating is off again since Friday").own(), 1);
        assert_eq!(m("the heating goes off at night on the timer").own(), 0);
    }

    #[test]
    fn a_street_after_a_house_number_is_no_act() {
        assert!(!m("it's 14 Birch Close, Leeds").has_acts());
        assert!(!m("new address: 3 Mill Drive").has_acts());
        assert!(m("please close my savings account").has_acts());
    }

    #[test]
    fn a_third_partys_report_raises_its_matter_what_they_said_follows_up() {
        let reported = "a tenant says the lift is broken, my deposit hasn't come back, and the portal won't let me sign in";
        assert!(m(reported).verdict(3).is_some(), "{reported}");
        let followed = "they said the lift is broken, my deposit hasn't come back, and the portal won't let me sign in";
        assert!(m(followed).verdict(3).is_none(), "{followed}");
    }

    #[test]
    fn money_wanted_back_an_end_wished_for_and_a_document_sent_are_acts() {
        for text in [
            "can you swap my lesson to Friday, add my brother to the class, and email me the invoice?",
            "i want my deposit back i want the newsletter emails stopped and i need my address changed",
        ] {
            assert!(m(text).verdict(3).is_some(), "{text}");
        }
        // The money of a cancellation is part of it; a fault is no wish.
        for text in [
            "cancel the lesson please, and I'd like my fee back",
            "the app stopped working and the invoice never came",
        ] {
            assert!(m(text).verdict(3).is_none(), "{text}");
        }
    }

    #[test]
    fn the_other_choice_of_a_question_goes_on_with_its_matter() {
        let text =
            "And do you want the frame sent back with the print, or should I collect it myself?";
        assert!(
            super::clauses_in(text).count() <= 1,
            "{:?}",
            super::clauses_in(text)
        );
    }

    #[test]
    fn one_story_told_in_parts_is_not_several_matters() {
        // "Top" as a place adds nothing; "on top of that" does.
        assert!(!m("The fence panel blew over and the top rail has cracked").adds_on());
        assert!(m("On top of that, the gate sticks").adds_on());
        // Italian "e poi" tells what happened next; asking, it adds.
        assert!(!m("Il corriere è passato alle nove e poi ha lasciato il pacco fuori").adds_on());
        assert!(m("Grazie, e poi vorrei cambiare il metodo di pagamento").adds_on());
        // Outrage is no fault of a thing; a thing that never came is one.
        assert_eq!(m("I have never seen such a mess in a showroom").own(), 0);
        assert_eq!(m("the refund never arrived").own(), 1);
        // What is owed, told as paid, is settled; not paid, or "the fee we paid" named as a
        // thing, it is a matter.
        let count = |t: &str| super::clauses_in(t).count();
        let paid = count("the cot arrived late, the bill is paid, and the mattress is torn");
        assert_eq!(
            count("the cot arrived late, the bill is not paid, and the mattress is torn"),
            paid + 1
        );
        assert_eq!(
            count("the cot arrived late, the mattress is torn, and I want back the fee we paid"),
            paid + 1
        );
        // Some of what came before, with something new said of them, is a clause of its
        // own; a value told with "already" is not.
        assert_eq!(
            count(
                "we have six chairs on order, two of them need new legs, and the invoice needs a VAT number"
            ),
            3
        );
        assert_eq!(
            count("the pump keeps failing, my reading is already 39, and the spare never came"),
            count("the pump keeps failing, and the spare never came")
        );
        assert_eq!(
            count(
                "we now have 12 boys coming, the minibus needs a driver, and the hall needs chairs"
            ),
            3
        );
        // "A few things:" and three clauses after it.
        assert!(
            super::several(
                "Few things: the kids are nine now, one of them has a nut allergy, and the club wants a signed waiver",
                3
            )
            .is_some()
        );
    }

    #[test]
    fn faults_told_one_after_another_in_a_transcript_and_paperwork_wanted_sent() {
        // A second fault with a subject and a verb of its own, no punctuation between.
        assert_eq!(
            m("um the lid arrived cracked the jar's the wrong size and my card got charged twice")
                .own(),
            3
        );
        // No verb of its own between: one fault told in more words.
        assert_eq!(m("um the lid arrived cracked on the wrong side").own(), 1);
        // Damage words are faults; a smell of rotten eggs is not one.
        assert_eq!(m("two plates arrived smashed").own(), 1);
        assert_eq!(m("there's a rotten egg smell in the hall").own(), 0);
        // A document wanted sent, with the verb after it.
        assert!(m("could you get the hire paperwork sent over today").has_acts());
    }

    #[test]
    fn a_quote_wanted_an_italian_extension_and_a_noise_are_matters() {
        assert_eq!(
            m("the tap water's gone murky, we'd like an estimate for a softener and can you resend last month's invoice").own(),
            3
        );
        assert_eq!(
            m("Vorrei prolungare l'abbonamento, aggiungere un utente e la fattura di marzo è sbagliata.").own(),
            3
        );
        assert_eq!(m("the left speaker buzzes when it's loud").own(), 1);
        // An order placed with its verb is an errand; "my order" is a thing.
        assert_eq!(
            m("could I order a dozen, move the pickup to Monday and cancel the Friday loaf").own(),
            3
        );
        assert!(!m("my order hasn't come").has_acts());
        // A quote told of, not wanted, is no errand.
        assert!(!m("the quote you sent was fine").has_acts());
    }

    #[test]
    fn a_thing_brought_one_more_of_a_thing_and_a_paper_needed_are_matters() {
        all_several(&[
            "Please bring the spare ladder, get an extra parking permit for my van and renew the lease on unit 4.",
            "Ich will den Vertrag zum Monatsende kündigen, ich brauche dafür noch eine Zahlungsbestätigung, und die Tür zur Garage lässt sich seit Tagen nicht öffnen.",
            "I need a fit note for my employer, my inhaler has run out, and I want to update my phone number",
        ]);
        // Why an act is asked, not a matter of its own: a move done, a use sworn off, tries
        // counted, a booking then acted on.
        none_several(&[
            "Please close my online account. I've emigrated and won't be needing it again.",
            "That's four cards now and it keeps getting refused.",
        ]);
        assert_eq!(
            m("We booked the function room for 40 but only 25 are coming, can you change it?")
                .own(),
            1
        );
        assert_eq!(
            m("I never got an invoice for the March clean, could you email that over?").own(),
            1
        );
    }

    #[test]
    fn a_refund_not_had_a_crack_and_an_enrolment_are_matters() {
        all_several(&[
            "the lid arrived dented the handle is the wrong colour and we still haven't had our refund for the old one",
            "hay una grieta nueva en el techo, quiero cambiar la cita del martes y no me ha llegado la factura",
            "Vorrei spostare la lezione di giovedì, iscrivere anche mio figlio e annullare l'abbonamento di mia moglie.",
            "the pizzas came soggy, the new fob doesn't turn the barrier and I'd like to cancel Friday's order",
        ]);
        // A refund had, no trouble since: no matter.
        none_several(&["We haven't had any trouble since, and the refund came through fine."]);
    }

    #[test]
    fn items_numbered_with_a_bracket_are_a_list_and_late_before_a_month_is_a_time() {
        assert!(
            super::matters_of("1) the lid arrived cracked 2) the invoice has the wrong name 3) please change the address")
                .verdict(3)
                .is_some()
        );
        assert!(
            super::matters_of("can we book the visit for late October?")
                .problems
                .is_empty()
        );
    }
}
