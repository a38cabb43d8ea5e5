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

use std::sync::LazyLock;

/// What a word can do in a request for a human.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    /// talk, speak, chat, connect, transfer: governs any human noun and "customer service".
    Talk,
    /// contact, reach, call: governs human nouns but not "customer service" (which is
    /// usually a request for contact details, not for a hand-off).
    Contact,
    /// escalate: a request by itself.
    Escalate,
    /// A verb that is a request only in verb-final (German) order.
    TalkFinal,
    /// want, need, get, give: a request only for a clearly human noun ("I want a human").
    Frame,
    /// human, person, agent, representative, operator…
    StrongNoun,
    /// someone, somebody, anyone: human, but only requested through a communication verb.
    WeakNoun,
    /// Words a verb and its noun may be separated by: articles, prepositions, "real", "me".
    Skip,
    /// please, now, thanks: allowed around a bare "agent!".
    Polite,
    /// A refusal marker: "don't", "no", "never", "ne", "nicht".
    Neg,
    /// The verbs a refusal attaches to: want, need, have (to), like.
    Desire,
    /// Clause boundary words: but, and, pero, mais, aber.
    Boundary,
    /// Words that turn "agent"/"assistant" into something else ("travel agent", "virtual assistant").
    NonHumanModifier,
    /// Words that turn "human" into a non-person noun phrase ("human error").
    NonHumanHead,
    /// "customer" in "customer service"; resolved with the next word.
    Customer,
    /// service, support, care, when following "customer".
    ServiceHead,
    /// The bot itself: bot, robot, chatbot, AI, recording — rejecting it asks for a person.
    Bot,
    /// machine, computer, system: the bot only when talked to ("talk to a machine").
    Machine,
    /// Words of being fed up with something: enough, done, tired, sick, stop, basta, genug.
    FedUp,
    /// Departments staffed by people: billing, sales, complaints…
    Dept,
    /// A condition or a time to come: if, later, tomorrow — a hypothetical, not a request.
    Hypothetical,
    /// Auxiliaries of a past event: was, were, got, been, had.
    PastAux,
    /// A time in the past (yesterday, ayer, hier, gestern): the request is told as history.
    PastTime,
    /// A plain yes.
    Yes,
}

use Class::*;

/// A set of classes: what a word can do.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Classes(u32);

impl Classes {
    fn has(self, class: Class) -> bool {
        self.0 & (1 << class as u32) != 0
    }
    fn with(self, class: Class) -> Classes {
        Classes(self.0 | (1 << class as u32))
    }
    fn is_empty(self) -> bool {
        self.0 == 0
    }
}

/// A lexicon word's classes, and whether typo tolerance may map a misspelling to it.
#[derive(Clone, Copy, Debug, Default)]
struct Lex {
    classes: Classes,
    fuzzy_target: bool,
}

const ENGLISH: &[(Class, &[&str])] = &[
    (
        Talk,
        &[
            "ask",
            "refer",
            "jump",
            "relay",
            "relaying",
            "handed",
            "escalated",
            "loop",
            "looping",
            "link",
            "hook",
            "handoff",
            "dealt",
            "talk",
            "talking",
            "speak",
            "speaking",
            "chat",
            "chatting",
            "connect",
            "connecting",
            "connected",
            "transfer",
            "transferring",
            "transferred",
            "redirect",
            "redirecting",
            "direct",
            "directing",
            "put",
            "converse",
            "communicate",
            "communicating",
            "pass",
            "passing",
            "hand",
            "handing",
            "forward",
            "forwarding",
            "route",
            "routing",
            "patch",
            "switch",
            "move",
            "deal",
            "dealing",
        ],
    ),
    (
        Contact,
        &[
            "discussing",
            "explain",
            "explaining",
            "discuss",
            "contact",
            "contacting",
            "reach",
            "reaching",
            "call",
            "calling",
            "phone",
            "ring",
        ],
    ),
    (Escalate, &["escalate", "escalating", "escalation"]),
    (
        Frame,
        &[
            "looking",
            "want",
            "wanna",
            "need",
            "needs",
            "get",
            "give",
            "gimme",
            "like",
            "prefer",
            "request",
            "requesting",
            "demand",
            "require",
            "bring",
            "send",
            "let",
            "said",
            "mean",
            "meant",
            "asked",
            "asking",
            "find",
            "fetch",
            "grab",
            "option",
            "press",
        ],
    ),
    (
        StrongNoun,
        &[
            "tutor",
            "tutors",
            "executive",
            "executives",
            "pharmacists",
            "receptionists",
            "cashiers",
            "tellers",
            "specialists",
            "consultants",
            "associates",
            "attendants",
            "workers",
            "underwriter",
            "underwriters",
            "pharmacist",
            "handler",
            "handlers",
            "hooman",
            "hoomans",
            "sum1",
            "some1",
            "colleagues",
            "interlocutor",
            "human",
            "humans",
            "person",
            "persons",
            "people",
            "agent",
            "agents",
            "representative",
            "representatives",
            "rep",
            "reps",
            "operator",
            "operators",
            "supervisor",
            "manager",
            "staff",
            "employee",
            "advisor",
            "adviser",
            "associate",
            "assistant",
            "consultant",
            "specialist",
            "humanbeing",
            "somebody",
            "someone",
            "personnel",
            "employees",
            "staffer",
            "staffers",
            "member",
            "members",
            "leader",
            "clerk",
            "worker",
            "colleague",
            "attendant",
            "receptionist",
            "salesperson",
            "cashier",
            "teller",
            "supervisors",
            "managers",
            "advisors",
            "advisers",
            "operatives",
            "operative",
        ],
    ),
    (
        WeakNoun,
        &[
            "anyone",
            "anybody",
            "somone",
            "individual",
            "whoever",
            "team",
            "department",
            "dept",
            "technician",
            "engineer",
            "expert",
            "professional",
        ],
    ),
    (
        Skip,
        &[
            "straight",
            "across",
            "front",
            "off",
            "by",
            "a",
            "an",
            "the",
            "one",
            "of",
            "your",
            "ur",
            "yer",
            "ya",
            "some",
            "any",
            "real",
            "actual",
            "live",
            "living",
            "true",
            "proper",
            "damn",
            "fucking",
            "freaking",
            "effing",
            "bloody",
            "goddamn",
            "fricking",
            "to",
            "with",
            "w",
            "me",
            "us",
            "through",
            "thru",
            "directly",
            "immediately",
            "right",
            "away",
            "over",
            "on",
            "in",
            "there",
            "here",
            "from",
            "for",
            "help",
            "assistance",
            "be",
            "being",
            "back",
            "up",
            "just",
            "actually",
            "really",
            "possibly",
            "another",
            "other",
            "different",
            "line",
            "touch",
            "contact",
            "at",
            "least",
            "single",
            "physical",
            "flesh",
            "blood",
            "and",
            "qualified",
            "support",
            "service",
            "care",
            "customer",
            "centre",
            "center",
            "call",
            "technical",
            "tech",
            "sales",
            "billing",
            "accounts",
            "complaints",
            "claims",
            "whole",
            "new",
            "trained",
            "senior",
            "this",
            "chat",
            "call",
            "conversation",
            "case",
        ],
    ),
    (
        Polite,
        &[
            "please",
            "pls",
            "plz",
            "pleas",
            "now",
            "asap",
            "thanks",
            "thank",
            "you",
            "thx",
            "right",
            "immediately",
            "again",
            "hello",
            "hi",
            "hey",
            "ok",
            "okay",
            "yes",
            "yeah",
            "anymore",
            "already",
            "i",
            "want",
            "need",
            "a",
            "an",
            "the",
            "real",
            "live",
            "actual",
            "just",
        ],
    ),
    (
        Neg,
        &[
            "dont", "not", "never", "no", "nor", "without", "doesnt", "didnt", "shouldnt",
            "instead", "nobody", "neither", "refuse",
        ],
    ),
    (
        Desire,
        &[
            "interested",
            "ask",
            "asked",
            "want",
            "wanna",
            "need",
            "needs",
            "wish",
            "require",
            "have",
            "like",
            "care",
        ],
    ),
    (
        Boundary,
        &[
            "but", "and", "then", "so", "however", "although", "because", "or", "except",
        ],
    ),
    (
        NonHumanModifier,
        &[
            "virtual",
            "ai",
            "digital",
            "bot",
            "robot",
            "automated",
            "automatic",
            "travel",
            "estate",
            "secret",
            "user",
            "free",
            "chatbot",
            "smart",
            "google",
            "voice",
            "insurance",
            "shipping",
            "delivery",
            "booking",
            "fbi",
            "double",
            "ai-powered",
            "software",
            "cleaning",
            "chemical",
            "bleaching",
            "foaming",
            "rental",
            "letting",
            "special",
            "sleeper",
            "undercover",
            "customs",
            "ticket",
            "sports",
            "talent",
            "literary",
            "property",
        ],
    ),
    (
        NonHumanHead,
        &[
            "summary",
            "summaries",
            "suite",
            "board",
            "option",
            "options",
            "feature",
            "features",
            "plan",
            "plans",
            "tier",
            "addon",
            "package",
            "button",
            "approval",
            "approvals",
            "manual",
            "manuals",
            "handbook",
            "guide",
            "guides",
            "license",
            "licence",
            "training",
            "certificate",
            "certification",
            "panel",
            "console",
            "seat",
            "cabin",
            "mode",
            "role",
            "job",
            "jobs",
            "position",
            "vacancy",
            "vacancies",
            "salary",
            "wage",
            "shift",
            "schedule",
            "dashboard",
            "tool",
            "tools",
            "settings",
            "permissions",
            "profile",
            "commission",
            "rating",
            "ratings",
            "review",
            "reviews",
            "feedback",
            "survey",
            "badge",
            "uniform",
            "error",
            "errors",
            "mistake",
            "rights",
            "resources",
            "nature",
            "trafficking",
            "race",
            "body",
            "interest",
            "verification",
            "check",
            "name",
            "names",
            "details",
            "info",
            "information",
            "number",
            "id",
            "code",
            "account",
            "portal",
            "login",
            "discount",
            "discounts",
            "card",
            "area",
            "benefits",
            "rewards",
            "price",
            "pricing",
            "readable",
            "resource",
            "behaviour",
            "behavior",
            "nature",
            "touch",
            "factor",
            "interface",
            "building",
            "spirit",
            "meeting",
            "page",
            "lounge",
            "site",
            "website",
            "points",
            "fee",
            "fees",
        ],
    ),
    (
        Bot,
        &[
            "automatic",
            "templated",
            "scripted",
            "autoresponder",
            "autoresponders",
            "autoreply",
            "canned",
            "script",
            "scripts",
            "bot",
            "bots",
            "robot",
            "robots",
            "chatbot",
            "chatbots",
            "ai",
            "automated",
            "automaton",
            "recording",
            "recordings",
            "algorithm",
            "autopilot",
            "robo",
        ],
    ),
    (
        Machine,
        &[
            "programme",
            "algorithm",
            "algorithms",
            "machine",
            "machines",
            "computer",
            "computers",
            "system",
            "program",
            "software",
            "menu",
            "menus",
            "thing",
        ],
    ),
    (
        FedUp,
        &[
            "skip", "skipping", "bypass", "avoid", "escape", "exit", "leave", "ditch", "disable",
            "end", "off", "away", "out", "rid", "enough", "done", "tired", "sick", "fed", "stop",
            "quit", "finished", "over", "more",
        ],
    ),
    (
        Dept,
        &[
            "desk",
            "frontdesk",
            "helpline",
            "hotline",
            "billing",
            "sales",
            "accounts",
            "complaints",
            "claims",
            "retention",
            "cancellations",
            "helpdesk",
            "reception",
        ],
    ),
    (
        Hypothetical,
        &[
            "if",
            "whenever",
            "later",
            "tomorrow",
            "eventually",
            "someday",
            "sometime",
            "future",
            "case",
        ],
    ),
    (PastAux, &["was", "were", "got", "been", "had", "already"]),
    (
        Yes,
        &[
            "good",
            "perfect",
            "lovely",
            "brilliant",
            "helpful",
            "ideal",
            "wonderful",
            "yes",
            "yeah",
            "yep",
            "yup",
            "sure",
            "ok",
            "okay",
            "please",
            "absolutely",
            "definitely",
            "certainly",
            "correct",
            "right",
            "go",
            "ahead",
            "do",
            "that",
            "would",
            "great",
            "be",
            "thanks",
            "thank",
            "you",
            "yess",
            "yea",
            "alright",
            "fine",
        ],
    ),
    (
        Customer,
        &["clientele", "customer", "costumer", "client", "consumer"],
    ),
    (
        ServiceHead,
        &[
            "service",
            "services",
            "support",
            "care",
            "assistance",
            "desk",
            "line",
        ],
    ),
    (PastTime, &["yesterday", "earlier", "previously"]),
];

/// Spanish, French, German, Portuguese, Italian (accents folded). Exact matches only:
/// typo tolerance across six lexicons would collide ("persona" / "personal").
/// Job titles and roles of the people who work there, matched exactly: they are many, and
/// close to common words (a typo pass would read "baker" as "banker", "adjusted" as
/// "adjuster").
const ROLES: &[(Class, &[&str])] = &[
    (
        StrongNoun,
        &[
            "officer",
            "officers",
            "dispatcher",
            "dispatchers",
            "moderator",
            "moderators",
            "boss",
            "bosses",
            "coordinator",
            "coordinators",
            "administrator",
            "administrators",
            "caseworker",
            "caseworkers",
            "banker",
            "bankers",
            "adjuster",
            "adjusters",
            "inspector",
            "inspectors",
            "accountant",
            "accountants",
            "counsellor",
            "counselor",
            "counsellors",
            "counselors",
            "liaison",
            "concierge",
            "bod",
            "bods",
            "foreman",
            "forewoman",
            "clerks",
        ],
    ),
    (WeakNoun, &["soul", "souls", "nurse", "nurses"]),
];

const OTHER_LANGUAGES: &[(Class, &[&str])] = &[
    (
        Talk,
        &[
            "hablarlo",
            "causer",
            "passatemi",
            "comunica",
            "girare",
            "recontacte",
            "ponha",
            "mette",
            "passate",
            "deriva",
            "relaie",
            "conecta",
            "conectem",
            "comunicazione",
            "weiterleitung",
            "ricontattato",
            "ricontattata",
            "ricontattare",
            "remitir",
            "remita",
            "remitame",
            "canalizar",
            "pasas",
            "pasarias",
            "comunique",
            "comuniquen",
            "rediriger",
            "redirigez",
            "redirige",
            "redirigiez",
            "entretenir",
            "mentretenir",
            "echanger",
            "remonter",
            "weitergeben",
            "uebergeben",
            "ubergeben",
            "encaminhe",
            "encaminhar",
            "encaminha",
            "encaminhem",
            "encaminhasse",
            "collega",
            "inoltri",
            "inoltrare",
            "inoltrate",
            "inoltrami",
            "ponme",
            "pongame",
            "poneme",
            "poe",
            "derivar",
            "derivame",
            "derivarme",
            "deriveme",
            "transferido",
            "transferida",
            "trasferito",
            "trasferita",
            "transferee",
            "weitergeleitet",
            "coloca",
            "colocar",
            "coloque",
            "chama",
            "transferez",
            "transfira",
            "atender",
            "atienda",
            "atiendan",
            "atiende",
            "atenderme",
            "atendido",
            "atendida",
            "atendimento",
            "passi",
            "passa",
            "trasferisca",
            "trasferisci",
            "trasferirmi",
            "collegare",
            "collegarmi",
            "colleghi",
            "mettere",
            // es
            "hablar",
            "hable",
            "comunicarme",
            "comunicar",
            "comuniqueme",
            "comunicame",
            "conectar",
            "conectarme",
            "conecteme",
            "transferir",
            "transfiereme",
            "transfierame",
            "pasar",
            "pasame",
            "paseme",
            "pasarme",
            "pasa",
            "pase",
            "pasen",
            "charlar", // fr
            "parler",
            "discuter",
            "joindre",
            "passer",
            "passez",
            "passe",
            "transferer",
            "transferez",
            "mettre",
            "mettez",
            "mets",
            "relation", // de (verb-first order)
            "verbinden",
            "verbinde",
            "verbindet",
            "sprechen",
            "reden",
            "weiterleiten",
            "chatten", // pt
            "falar",
            "conversar",
            "transfere",
            "transfira",
            "passa",
            "passe",
            "chamar", // it
            "parlare",
            "passami",
            "passarmi",
            "trasferire",
            "trasferitemi",
            "trasferiscimi",
            "mettermi",
            "mettetemi",
            "metta",
            "metti",
            "mettete",
            "chattare",
            "passar",
            "passez-moi",
            "durchstellen",
            "weiterverbinden",
            "verbinden",
        ],
    ),
    (
        Bot,
        &[
            "automaten",
            "robot",
            "robo",
            "roboter",
            "automate",
            "automata",
            "contestador",
            "automatico",
            "automatique",
            "bot",
            "bots",
            "robots",
            "roboters",
            "ia",
            "ki",
        ],
    ),
    (
        Machine,
        &[
            "maquina",
            "machine",
            "maschine",
            "macchina",
            "computadora",
            "ordenador",
            "ordinateur",
            "sistema",
            "systeme",
        ],
    ),
    (
        FedUp,
        &[
            "arrete",
            "arretez",
            "stopp",
            "smettila",
            "schluss",
            "saltar",
            "sauter",
            "uberspringen",
            "pular",
            "saltare",
            "basta",
            "genug",
            "assez",
            "chega",
            "harto",
            "harta",
            "marre",
            "stufo",
            "stufa",
            "cansado",
            "cansada",
        ],
    ),
    (
        Yes,
        &[
            "parfait", "perfecto", "perfeito", "perfetto", "bueno", "bien", "bom", "gut", "super",
            "si", "oui", "ja", "sim", "claro", "vale", "bitte", "gerne", "gern", "certo",
            "daccord", "favor", "por", "merci", "gracias", "danke", "obrigado", "obrigada",
            "grazie", "va", "bene", "genau",
        ],
    ),
    (
        Contact,
        &[
            "llamenme",
            "llameme",
            "chiamate",
            "chiami",
            "chiamare",
            "chiamatemi",
            "chiamarmi",
            "escriba",
            "escribame",
            "escribanme",
            "escribirme",
            "ecrire",
            "mecrire",
            "ecrivez",
            "scrivermi",
            "scrivetemi",
            "scriva",
            "anrufen",
            "anruft",
            "ruft",
            "contacte",
            "contactez",
            "contacten",
            "contacteme",
            "contactarme",
            "contactame",
            "contatem",
            "contate",
            "contatarme",
            "contattarmi",
            "contattatemi",
            "contattami",
            "contatti",
            "melden",
            "meldet",
            "richiamarmi",
            "retornar",
            "retorne",
            "liga",
            "rappele",
            "rappeler",
            "rappelez",
            "rappelle",
            "richiamare",
            "richiamato",
            "richiamata",
            "richiamatemi",
            "richiami",
            "llame",
            "llamen",
            "llamar",
            "llamarme",
            "ligar",
            "liguem",
            "ligue",
            "contactar",
            "contacter",
            "kontaktieren",
            "erreichen",
            "contatar",
            "contattare",
        ],
    ),
    (
        TalkFinal,
        &[
            "anrufen",
            "weitergeben",
            "uebergeben",
            "melden",
            "ubergeben",
            "ubergibt",
            "haben",
            "bekommen",
            "zuruckrufen",
            "weiterleiten",
            "weiterverbinden",
            "durchstellen",
            "vermitteln",
            "durch",
            "weiter",
            "sprechen",
            "reden",
            "verbunden",
            "verbinden",
            "chatten",
            "kontaktieren",
            "erreichen",
        ],
    ),
    (
        Frame,
        &[
            "brauch", "haette", "haetten", "hatten", "moechte", "moechten", "avere", "tener",
            "ter", "jveux", "serve", "avoir", "holen", "hole", "geben", "gib", "quiero",
            "necesito", "quisiera", "dame", "deme", "ponme", "pongame", "veux", "voudrais",
            "besoin", "souhaite", "aimerais", "donnez", "will", "mochte", "brauche", "hatte",
            "quero", "preciso", "gostaria", "voglio", "vorrei", "bisogno", "dammi", "datemi",
        ],
    ),
    (
        StrongNoun,
        &[
            "direttore",
            "farmaceutico",
            "farmaceutica",
            "farmacista",
            "standardiste",
            "gestor",
            "gestora",
            "colaborador",
            "colaboradora",
            "funzionario",
            "funzionaria",
            "gestionnaire",
            "gestionnaires",
            "superieur",
            "superieurs",
            "qqn",
            "qqun",
            "responsables",
            "sachbearbeiterin",
            "fachmann",
            "fachfrau",
            "collega",
            "colleghi",
            "especialista",
            "especialistas",
            "specialiste",
            "specialistes",
            "spezialist",
            "spezialisten",
            "specialista",
            "specialisti",
            "interlocuteur",
            "interlocutrice",
            "interlocutore",
            "incaricato",
            "incaricata",
            "funcionaria",
            "responsable",
            "responsabile",
            "responsavel",
            "encargado",
            "encargada",
            "gerente",
            "jefe",
            "jefa",
            "superviseur",
            "gerant",
            "chef",
            "vorgesetzten",
            "vorgesetzter",
            "vorgesetzte",
            "ansprechpartner",
            "ansprechpartnerin",
            "kollegen",
            "kollege",
            "kollegin",
            "addetto",
            "addetta",
            "dipendente",
            "dipendenti",
            "tecnico",
            "technicien",
            "techniker",
            "supervisore",
            // es
            "persona",
            "humano",
            "humana",
            "agente",
            "representante",
            "operador",
            "operadora",
            "asesor",
            "asesora",
            "ejecutivo",
            "ejecutiva",
            "alguien", // fr
            "personne",
            "humain",
            "conseiller",
            "conseillere",
            "operateur",
            "operatrice",
            "representant",
            "quelqu", // de
            "mensch",
            "menschen",
            "menschlichen",
            "mitarbeiter",
            "mitarbeiterin",
            "berater",
            "beraterin",
            "agenten",
            "kundenberater",
            "sachbearbeiter",
            "empleado",
            "empleada",
            "employe",
            "employee",
            "funcionario",
            "funcionaria",
            "impiegato",
            "impiegata",
            "personale",
            "jemand",
            "jemandem",
            "jemanden",
            "menschlicher", // pt
            "pessoa",
            "atendente",
            "consultor",
            "consultora",
            "alguem",
            "humanos", // it
            "operatore",
            "umano",
            "rappresentante",
            "consulente",
            "qualcuno",
        ],
    ),
    (
        Skip,
        &[
            "dossier",
            "cas",
            "caso",
            "pratica",
            "demande",
            "requete",
            "nen",
            "hueso",
            "huesos",
            "osso",
            "chair",
            "fleisch",
            "blut",
            "reel",
            "reelle",
            "em",
            "para",
            "pra",
            "pro",
            "ao",
            "na",
            "etre",
            "par",
            "da",
            "essere",
            "ser",
            "suporte",
            "soporte",
            "supporto",
            "algun",
            "alguna",
            "algum",
            "alguma",
            "qualche",
            "quelque",
            "irgendein",
            "irgendeinen",
            "an",
            "mir",
            "ihren",
            "ihrem",
            "ihre",
            "ihr",
            "mal",
            "einmal",
            // es
            "un",
            "una",
            "uno",
            "el",
            "la",
            "con",
            "al",
            "de",
            "los",
            "las",
            "su",
            "sus",
            "real",
            "verdadera",
            "verdadero",
            "vivo",
            "por",
            "favor",
            "ahora",
            "me", // fr
            "une",
            "le",
            "l",
            "avec",
            "au",
            "des",
            "vrai",
            "vraie",
            "moi",
            "en",
            "s",
            "il",
            "vous",
            "plait",
            "sil",
            "contatto",
            "contacto",
            "contato",
            "tout",
            "suite",
            "maintenant", // de
            "mit",
            "einem",
            "einer",
            "einen",
            "ein",
            "dem",
            "der",
            "den",
            "echten",
            "echtem",
            "echter",
            "echte",
            "richtigen",
            "bitte",
            "sofort",
            "zu",
            "ich",
            "mich",
            "sie",
            "gern",
            "gerne",
            "werden", // pt
            "com",
            "um",
            "uma",
            "o",
            "de",
            "verdade",
            "agora", // it
            "con",
            "il",
            "lo",
            "di",
            "vera",
            "vero",
            "in",
            "carne",
            "ossa",
            "per",
            "favore",
            "subito",
            "ora",
            "mi",
        ],
    ),
    (
        Neg,
        &[
            "no", "ne", "n", "pas", "non", "nao", "nicht", "kein", "keinen", "keine", "nunca",
            "jamais", "jamas", "mai", "nadie", "niemand", "nessuno", "ninguem",
        ],
    ),
    (
        Desire,
        &[
            "quiero",
            "necesito",
            "veux",
            "voudrais",
            "besoin",
            "will",
            "mochte",
            "brauche",
            "quero",
            "preciso",
            "voglio",
            "vorrei",
            "bisogno",
            "hace",
            "falta",
            "necessario",
        ],
    ),
    (
        Boundary,
        &["pero", "mais", "aber", "mas", "ma", "sondern", "sino"],
    ),
    (
        Hypothetical,
        &[
            "manana", "demain", "morgen", "amanha", "domani", "depois", "dopo", "tard",
        ],
    ),
    (PastTime, &["ayer", "hier", "gestern", "ontem", "ieri"]),
    (Customer, &["cliente", "clientes", "clienti"]),
    (
        ServiceHead,
        &[
            "servicio",
            "assistenza",
            "atendimento",
            "atencion",
            "kundendienst",
            "kundenservice",
        ],
    ),
    (Polite, &["svp", "stp", "porfa", "porfavor", "pfv"]),
    (
        Dept,
        &[
            "amministrazione",
            "central",
            "suporte",
            "reclamos",
            "reclamaciones",
            "reclamations",
            "reclamacoes",
            "ouvidoria",
            "reclami",
            "schadensabteilung",
            "departamento",
            "departamentos",
            "seccion",
            "servicio",
            "abteilung",
            "buchhaltung",
            "kundendienst",
            "kundenservice",
            "setor",
            "reparto",
            "ufficio",
            "assistenza",
            "servizio",
            "financeiro",
            "facturacion",
            "facturation",
            "fatturazione",
            "faturamento",
            "comptabilite",
            "contabilidad",
        ],
    ),
    (WeakNoun, &["gente"]),
];

/// Real words one typo away from a lexicon word: never "corrected".
const NOT_TYPOS: &[&str] = &[
    "escalator",
    "escalators",
    "administration",
    "administrative",
    "superior",
    "handled",
    "handles",
    "handling",
    "confirmed",
    "reviewed",
    "involved",
    // One letter from "want" / "need".
    "went",
    "wait",
    "wane",
    "wand",
    "wart",
    "warn",
    "ward",
    "watt",
    "nerd",
    "neem",
    "neet",
    "seed",
    "costumes",
    "services",
    "supports",
    "servicer",
    "assistance",
    "assistants",
    "personal",
    "personally",
    "personals",
    "persona",
    "agency",
    "agenda",
    "agenst",
    "humane",
    "humor",
    "humour",
    "operation",
    "operations",
    "operate",
    "operated",
    "speaker",
    "speakers",
    "contract",
    "contracts",
    "contacts",
    "connects",
    "transfers",
    "someday",
    "sometime",
    "somewhat",
    "somehow",
    "somewhere",
    "manage",
    "managed",
    "managers",
    "damage",
    "chatty",
    "stuff",
    "staffs",
    "stall",
    "reach",
    "teach",
    "beach",
    "peach",
    "parson",
    "prison",
    "poison",
    "reason",
    "season",
    "lesson",
    "person's",
    "employer",
    "employed",
    "supporter",
    "supported",
    "servant",
    "serves",
    "served",
    "record",
    "recall",
    "called",
    "caller",
    "calls",
    "calling",
    "other",
    "others",
    "thank",
    "thanks",
    "takl",
    "hunan",
    "humid",
    "women",
    "woman",
    "humans",
    "pleasant",
    "spend",
    "spent",
    "speed",
    "sneak",
    "steak",
    "break",
    "speck",
    "resent",
    "present",
    "dissent",
    "connection",
    "contacted",
    "talked",
    "spoke",
    "spoken",
    "chatted",
    "reached",
    "transferred",
    "needy",
    "needle",
    "wanted",
    "wants",
    "wanting",
    "gets",
    "getting",
    "giving",
    "liked",
    "likes",
    "likely",
    "agents",
    "agent's",
    "persons",
    "people's",
    "someone's",
    "somebody's",
    "consult",
    "consulted",
    "associated",
    "associates",
    "assist",
    "assisted",
    "assisting",
    "tall",
    "tale",
    "task",
    "tack",
    "chap",
    "chart",
    "cheat",
    "chit",
    "chai",
    "cat",
    "hat",
    "representation",
    "office",
    "offices",
    "header",
    "loader",
    "reader",
    "lender",
    "lenders",
    "seller",
    "sellers",
    "tiller",
    "taller",
    "staffed",
    "attendance",
    "worked",
    "works",
    "working",
    "ideal",
    "ideally",
    "ideals",
    "represent",
    "represents",
    "represented",
    "operational",
    "cooperator",
];

static NOT_TYPOS_SET: LazyLock<super::FastMap<&'static str, ()>> =
    LazyLock::new(|| NOT_TYPOS.iter().map(|w| (*w, ())).collect());

static LEXICON: LazyLock<super::FastMap<&'static str, Lex>> = LazyLock::new(|| {
    let mut map: super::FastMap<&'static str, Lex> = super::FastMap::default();
    for (lexicon, fuzzy) in [(ENGLISH, true), (ROLES, false), (OTHER_LANGUAGES, false)] {
        for (class, words) in lexicon {
            for word in *words {
                let fuzzy_target = fuzzy
                    && (matches!(
                        class,
                        Talk | Contact | Escalate | StrongNoun | WeakNoun | Customer
                    ) && (word.len() >= 5 || matches!(*word, "talk" | "chat"))
                        || matches!(*word, "want" | "need" | "service" | "support"));
                let lex = map.entry(word).or_default();
                lex.classes = lex.classes.with(*class);
                lex.fuzzy_target |= fuzzy_target;
            }
        }
    }
    map
});

/// A fuzzy target with what the typo pass checks before computing a distance.
#[derive(Clone, Copy, Debug)]
struct Target {
    word: &'static str,
    classes: Classes,
    /// Length in characters.
    len: usize,
    first: char,
    second: Option<char>,
    /// The letters the word contains (see [`letter_mask`]).
    letters: u32,
}

/// One bit per ASCII letter, and one for every other character: a word at edit distance
/// `d` from another lacks at most `d` of its letters (each edit removes one character).
fn letter_mask(word: &str) -> u32 {
    word.chars().fold(0, |m, c| {
        m | if c.is_ascii_lowercase() {
            1 << (c as u32 - 'a' as u32)
        } else {
            1 << 26
        }
    })
}

/// Fuzzy targets sorted by word, for the typo pass.
static FUZZY_TARGETS: LazyLock<Vec<Target>> = LazyLock::new(|| {
    let mut targets: Vec<Target> = LEXICON
        .iter()
        .filter(|(_, lex)| lex.fuzzy_target)
        .map(|(w, lex)| {
            let mut chars = w.chars();
            Target {
                word: w,
                classes: lex.classes,
                len: w.chars().count(),
                first: chars.next().unwrap_or('\0'),
                second: chars.next(),
                letters: letter_mask(w),
            }
        })
        .collect();
    targets.sort_by_key(|t| t.word);
    targets
});

/// The targets starting with one character.
fn targets_starting_with(c: char) -> &'static [Target] {
    static ASCII: LazyLock<[(usize, usize); 128]> = LazyLock::new(|| {
        std::array::from_fn(|b| {
            let c = char::from(b as u8);
            let lo = FUZZY_TARGETS.partition_point(|t| t.first < c);
            let hi = FUZZY_TARGETS.partition_point(|t| t.first <= c);
            (lo, hi)
        })
    });
    let (lo, hi) = if c.is_ascii() {
        ASCII[c as usize]
    } else {
        let lo = FUZZY_TARGETS.partition_point(|t| t.first < c);
        let hi = FUZZY_TARGETS.partition_point(|t| t.first <= c);
        (lo, hi)
    };
    &FUZZY_TARGETS[lo..hi]
}

/// Voice fillers and discourse words, dropped unless the lexicon knows them.
fn is_filler(word: &str) -> bool {
    matches!(
        word,
        "uh" | "uhh"
            | "uhm"
            | "um"
            | "umm"
            | "er"
            | "erm"
            | "ehm"
            | "hmm"
            | "mm"
            | "mmm"
            | "ah"
            | "ahh"
            | "eh"
            | "euh"
            | "ahm"
            | "hm"
            | "oh"
            | "like"
            | "well"
            | "so"
            | "okay"
            | "ok"
            | "yeah"
            | "actually"
            | "basically"
            | "literally"
    )
}

/// A token of the normalised text with the roles it can play.
#[derive(Clone, Debug)]
struct Tok<'a> {
    word: &'a str,
    classes: Classes,
    /// Clause number: negation never crosses a clause boundary.
    clause: u32,
    /// Sentence number: a condition ("if …, ") scopes over its sentence.
    sentence: u32,
    /// A hyphen ties this word to the next ("human-readable"): a compound, not a noun.
    joined: bool,
    /// The word was a typo correction, recorded for the explanation.
    corrected_from: Option<&'a str>,
}

impl Tok<'_> {
    fn is(&self, class: Class) -> bool {
        self.classes.has(class)
    }
}

/// A detected request, with the words that carried it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ExplicitMatch {
    /// The normalised words of the request, e.g. "talk to a real person".
    pub phrase: String,
    /// Which pattern fired: `verb_noun`, `want_noun`, `bare_noun`, `escalate`, `transfer_me`,
    /// `noun_verb` (verb-final order) or `is_there`.
    pub pattern: &'static str,
}

/// Folds Latin accents so "pásame", "möchte" and "não" match their unaccented forms.
fn fold(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        'ß' => 's',
        _ => c,
    }
}

/// Lowercased, accent-folded words with clause numbers. Placeholders (`{{Order Number}}`)
/// are dropped, apostrophes join ("don't" → "dont"), and letters stretched three times or
/// more are squeezed ("humaaan" → "human"). The words are written one after the other into
/// `buf`; each is returned as its byte range there.
/// Each word is `(from, to, clause, sentence << 1 | joined)`, `joined` when a hyphen ties
/// it to the next word ("human-readable").
fn words(text: &str, buf: &mut String) -> Vec<(usize, usize, u32, u32)> {
    // A word and its separator take at least two bytes; most take five or more.
    let mut out = Vec::with_capacity(text.len() / 4 + 1);
    words_into(text, buf, &mut out);
    out
}

/// [`words`], appended to `out`.
fn words_into(text: &str, buf: &mut String, out: &mut Vec<(usize, usize, u32, u32)>) {
    if text.is_ascii() {
        words_ascii(text.as_bytes(), buf, out);
    } else {
        words_chars(text, buf, out);
    }
}

/// [`words`], a character at a time.
fn words_chars(text: &str, buf: &mut String, out: &mut Vec<(usize, usize, u32, u32)>) {
    let mut clause = 0u32;
    let mut sentence = 0u32;
    // The current word is `buf[start..]`.
    let mut start = buf.len();
    let mut in_placeholder = 0usize;
    let mut chars = text.chars().peekable();
    let flush = |buf: &str,
                 start: &mut usize,
                 clause: u32,
                 sentence: u32,
                 out: &mut Vec<(usize, usize, u32, u32)>| {
        if buf.len() > *start {
            out.push((*start, buf.len(), clause, sentence << 1));
            *start = buf.len();
        }
    };
    while let Some(c) = chars.next() {
        if c == '{' && chars.peek() == Some(&'{') {
            chars.next();
            in_placeholder += 1;
            flush(buf, &mut start, clause, sentence, out);
            continue;
        }
        if c == '}' && chars.peek() == Some(&'}') && in_placeholder > 0 {
            chars.next();
            in_placeholder -= 1;
            continue;
        }
        if in_placeholder > 0 {
            continue;
        }
        if c.is_ascii_alphanumeric() {
            // The ASCII case of the loop below: one byte, nothing to fold.
            let l = c.to_ascii_lowercase() as u8;
            let current = &buf.as_bytes()[start..];
            if let [.., x, y] = current
                && *x == l
                && *y == l
            {
                buf.pop();
                continue;
            }
            buf.push(char::from(l));
        } else if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                let l = fold(l);
                // Squeeze runs of three identical letters to one.
                let mut tail = buf[start..].chars().rev();
                if tail.next() == Some(l) && tail.next() == Some(l) {
                    buf.pop();
                    continue;
                }
                buf.push(l);
            }
        } else if c == '\'' || c == '’' {
            // "don't" → "dont"; French "l'agent" / "quelqu'un" keep two words, which the
            // lexicon lists ("l", "quelqu").
            let current = &buf[start..];
            if matches!(current, "l" | "quelqu" | "qu" | "d" | "j") {
                flush(buf, &mut start, clause, sentence, out);
            }
        } else {
            let had_word = buf.len() > start;
            flush(buf, &mut start, clause, sentence, out);
            if c == '-'
                && had_word
                && chars.peek().is_some_and(|n| n.is_alphanumeric())
                && let Some(last) = out.last_mut()
            {
                last.3 |= 1;
            }
            if matches!(
                c,
                ',' | '.' | ';' | '!' | '?' | ':' | '(' | ')' | '¿' | '¡' | '…'
            ) {
                clause += 1;
            }
            if matches!(c, '.' | '!' | '?' | ';' | '…') {
                sentence += 1;
            }
        }
    }
    flush(buf, &mut start, clause, sentence, out);
}

/// [`words`] of an ASCII text, a byte at a time (the most common case, and the loop above
/// decodes characters): every step is the one the loop takes on the same character.
fn words_ascii(text: &[u8], buf: &mut String, out: &mut Vec<(usize, usize, u32, u32)>) {
    let mut clause = 0u32;
    let mut sentence = 0u32;
    let mut start = buf.len();
    let mut in_placeholder = 0usize;
    let flush = |buf: &str,
                 start: &mut usize,
                 clause: u32,
                 sentence: u32,
                 out: &mut Vec<(usize, usize, u32, u32)>| {
        if buf.len() > *start {
            out.push((*start, buf.len(), clause, sentence << 1));
            *start = buf.len();
        }
    };
    let mut i = 0;
    while i < text.len() {
        let c = text[i];
        let next = text.get(i + 1).copied();
        i += 1;
        if c.is_ascii_alphanumeric() {
            if in_placeholder > 0 {
                continue;
            }
            let l = c.to_ascii_lowercase();
            if let [.., x, y] = &buf.as_bytes()[start..]
                && *x == l
                && *y == l
            {
                buf.pop();
                continue;
            }
            buf.push(char::from(l));
            continue;
        }
        if c == b'{' && next == Some(b'{') {
            i += 1;
            in_placeholder += 1;
            flush(buf, &mut start, clause, sentence, out);
            continue;
        }
        if c == b'}' && next == Some(b'}') && in_placeholder > 0 {
            i += 1;
            in_placeholder -= 1;
            continue;
        }
        if in_placeholder > 0 {
            continue;
        }
        if c == b'\'' {
            let current = &buf[start..];
            if matches!(current, "l" | "quelqu" | "qu" | "d" | "j") {
                flush(buf, &mut start, clause, sentence, out);
            }
        } else {
            let had_word = buf.len() > start;
            flush(buf, &mut start, clause, sentence, out);
            if c == b'-'
                && had_word
                && next.is_some_and(|n| n.is_ascii_alphanumeric())
                && let Some(last) = out.last_mut()
            {
                last.3 |= 1;
            }
            if matches!(c, b',' | b'.' | b';' | b'!' | b'?' | b':' | b'(' | b')') {
                clause += 1;
            }
            if matches!(c, b'.' | b'!' | b'?' | b';') {
                sentence += 1;
            }
        }
    }
    flush(buf, &mut start, clause, sentence, out);
}

/// Words longer than this (in characters) take the allocating path of the distance.
const DL_STACK: usize = 32;

fn damerau_levenshtein_at_most(a: &str, b: &str, limit: usize) -> bool {
    let mut ab = ['\0'; DL_STACK];
    let mut bb = ['\0'; DL_STACK];
    let mut n = 0;
    for c in a.chars() {
        if n == DL_STACK {
            return damerau_levenshtein_at_most_heap(a, b, limit);
        }
        ab[n] = c;
        n += 1;
    }
    let mut m = 0;
    for c in b.chars() {
        if m == DL_STACK {
            return damerau_levenshtein_at_most_heap(a, b, limit);
        }
        bb[m] = c;
        m += 1;
    }
    let (a, b) = (&ab[..n], &bb[..m]);
    if n.abs_diff(m) > limit {
        return false;
    }
    // Three rolling rows of the full matrix: d[i - 2], d[i - 1], d[i].
    let mut rows = [[0usize; DL_STACK + 1]; 3];
    for (j, cell) in rows[0][..=m].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        let (cur, prev, prev2) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        rows[cur][0] = i;
        let mut row_min = usize::MAX;
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (rows[prev][j] + 1)
                .min(rows[cur][j - 1] + 1)
                .min(rows[prev][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(rows[prev2][j - 2] + 1);
            }
            rows[cur][j] = v;
            row_min = row_min.min(v);
        }
        if row_min > limit {
            return false;
        }
    }
    rows[n % 3][m] <= limit
}

fn damerau_levenshtein_at_most_heap(a: &str, b: &str, limit: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return false;
    }
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        let mut row_min = usize::MAX;
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
            row_min = row_min.min(v);
        }
        if row_min > limit {
            return false;
        }
    }
    d[n][m] <= limit
}

/// The lexicon word a misspelt token most likely stands for.
fn correct(word: &str) -> Option<(&'static str, Classes)> {
    let len = word.chars().count();
    if len < 4
        || (NOT_TYPOS_FILTER.may_contain(word) && NOT_TYPOS_SET.contains_key(word))
        || word.chars().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    let limit = if len >= 9 { 2 } else { 1 };
    // Only targets starting with the word's first or second letter can pass the start
    // test below; the targets are sorted, so each such group is one contiguous range, and
    // visiting the ranges in order keeps the first match of a full scan.
    let mut w = word.chars();
    let (w0, w1) = (w.next()?, w.next()?);
    let (r0, r1) = if w0 == w1 {
        (targets_starting_with(w0), &FUZZY_TARGETS[..0])
    } else if w0 < w1 {
        (targets_starting_with(w0), targets_starting_with(w1))
    } else {
        (targets_starting_with(w1), targets_starting_with(w0))
    };
    let letters = letter_mask(word);
    r0.iter().chain(r1).find_map(|t| {
        // The first letter is rarely wrong in typed text; requiring it keeps "that" from
        // becoming "chat" — except for adjacent-letter swaps ("pseak").
        let same_start = t.first == w0;
        let swapped_start = t.first == w1 && t.second == Some(w0);
        ((same_start || swapped_start)
            && t.len.abs_diff(len) <= limit
            && (letters & !t.letters).count_ones() as usize <= limit
            && (t.letters & !letters).count_ones() as usize <= limit
            && damerau_levenshtein_at_most(word, t.word, limit))
        .then_some((t.word, t.classes))
    })
}

fn classes_of(word: &str) -> Option<Classes> {
    if !LEXICON_FILTER.may_contain(word) {
        return None;
    }
    LEXICON.get(word).map(|lex| lex.classes)
}

static LEXICON_FILTER: LazyLock<super::WordFilter> =
    LazyLock::new(|| super::WordFilter::new(LEXICON.keys().copied()));
static NOT_TYPOS_FILTER: LazyLock<super::WordFilter> =
    LazyLock::new(|| super::WordFilter::new(NOT_TYPOS.iter().copied()));

/// Splits run-together words ("speakto", "contactingassistant") into two known words, at
/// least one of which is a verb or a noun.
fn split_run_together(word: &str) -> Option<(&str, &str)> {
    if word.len() < 5
        || !word.is_ascii()
        || (NOT_TYPOS_FILTER.may_contain(word) && NOT_TYPOS_SET.contains_key(word))
    {
        return None;
    }
    // A left part of two letters or more must start like some lexicon or glue word: when
    // no such word starts with the first two letters, only the one-letter split is tried.
    let pair_known = match word.as_bytes() {
        [a @ b'a'..=b'z', b @ b'a'..=b'z', ..] => {
            LEFT_PAIRS[usize::from(a - b'a')] & (1 << (b - b'a')) != 0
        }
        _ => true,
    };
    let last = if pair_known { word.len() - 1 } else { 2 };
    // Only the lengths some lexicon or glue word starting with the same two letters has
    // can make a known left part: the other split points are skipped unlooked.
    let lens = match word.as_bytes() {
        [a @ b'a'..=b'z', b @ b'a'..=b'z', ..] => {
            PAIR_LENS[usize::from(a - b'a') * 26 + usize::from(b - b'a')] | 0b10
        }
        _ => u64::MAX,
    };
    (1..last)
        .filter(|at| *at >= 64 || lens & (1 << at) != 0)
        .find_map(|at| {
            let (left, right) = word.split_at(at);
            let l = classes_of(left).or_else(|| GLUE.contains(&left).then(Classes::default))?;
            let r = classes_of(right).or_else(|| correct(right).map(|(_, c)| c))?;
            let content = |c: &Classes| {
                [Talk, Contact, StrongNoun, WeakNoun, Frame]
                    .into_iter()
                    .any(|k| c.has(k))
            };
            // "personal" is not "person" + "al": a short non-content part must be glue.
            let part_ok = |part: &str, c: &Classes| {
                content(c) || GLUE.contains(&part) || part.chars().count() >= 3
            };
            ((content(&l) || content(&r)) && part_ok(left, &l) && part_ok(right, &r))
                .then_some((left, right))
        })
}

/// The first two letters of every lexicon and glue word: bit `b` of entry `a` is set when
/// some word starts with letters `a`, `b` (counted from 'a').
static LEFT_PAIRS: LazyLock<[u32; 26]> = LazyLock::new(|| {
    let mut pairs = [0u32; 26];
    for word in LEXICON.keys().chain(GLUE) {
        if let [a @ b'a'..=b'z', b @ b'a'..=b'z', ..] = word.as_bytes() {
            pairs[usize::from(a - b'a')] |= 1 << (b - b'a');
        }
    }
    pairs
});

/// For each first two letters (`a * 26 + b`), the lengths of the lexicon and glue words
/// that start with them, one bit per length (63 and longer share the last bit's fate: they
/// are always tried).
static PAIR_LENS: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut lens = vec![0u64; 26 * 26];
    for word in LEXICON.keys().chain(GLUE) {
        if let [a @ b'a'..=b'z', b @ b'a'..=b'z', ..] = word.as_bytes()
            && word.len() < 64
        {
            lens[usize::from(a - b'a') * 26 + usize::from(b - b'a')] |= 1 << word.len();
        }
    }
    lens
});

/// Short words customers run into the next one ("canttalk", "Icontact", "udirect").
const GLUE: &[&str] = &["i", "u", "can", "cant", "to", "a", "an", "me", "ya", "pls"];

/// Words that [`correct`] and [`split_run_together`] both leave as they are, remembered per
/// thread: both are pure functions of the word and the lexicon, and most words of a
/// conversation are seen again and again, so the second look is one hash lookup. Bounded:
/// the set is emptied when full, and keyed with a seeded hash (the words come from users).
mod unfixable {
    use std::cell::RefCell;
    use std::collections::HashSet;

    /// Words remembered at most, per thread.
    const CAPACITY: usize = 4096;
    /// Longer words are not remembered.
    const MAX_LEN: usize = 32;

    thread_local! {
        static WORDS: RefCell<HashSet<Box<str>, super::super::SeededState>> =
            RefCell::new(HashSet::with_hasher(super::super::SeededState::new()));
    }

    /// Whether `word` is known to have no correction and no split.
    pub(super) fn known(word: &str) -> bool {
        word.len() <= MAX_LEN
            && WORDS
                .try_with(|w| w.try_borrow().is_ok_and(|w| w.contains(word)))
                .unwrap_or(false)
    }

    /// Records that `word` has no correction and no split.
    pub(super) fn remember(word: &str) {
        if word.len() > MAX_LEN {
            return;
        }
        let _ = WORDS.try_with(|w| {
            if let Ok(mut w) = w.try_borrow_mut() {
                if w.len() >= CAPACITY {
                    w.clear();
                }
                w.insert(word.into());
            }
        });
    }
}

#[cfg(test)]
mod words_tests {
    use super::*;

    #[test]
    fn the_ascii_loop_splits_like_the_character_loop() {
        let texts = [
            "It's 221B Baker Street, London, the office on the second floor.",
            "uh, can I just talk to a real person please",
            "I want a humaaaan!!! now; (please) human-readable - no - x-",
            "{{Order Number}} is late {{a {{b}} c}} then }} {{ open",
            "l'agent quelqu'un d'accord j'ai don't ''' a'",
            "AAAA bbb ccccc ...?!:; 3-4 -x x- {x} }}{{",
            "",
        ];
        for text in texts {
            // Buffers holding an earlier text, as when they are reused.
            let (mut a, mut b) = (String::from("seed "), String::from("seed "));
            let (mut wa, mut wb) = (vec![(0, 5, 0, 0)], vec![(0, 5, 0, 0)]);
            words_ascii(text.as_bytes(), &mut a, &mut wa);
            words_chars(text, &mut b, &mut wb);
            assert_eq!((wa, a), (wb, b), "{text}");
        }
    }
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
}

#[cfg(test)]
mod unfixable_tests {
    use super::*;

    #[test]
    fn remembered_words_tokenize_as_before() {
        let texts = [
            "It's 221B Baker Street, London, the office on the second floor.",
            "can i speakto somelne in the office",
            "I want to talk to a humaaan about my delivery",
        ];
        for text in texts {
            let first = (detect(text), corrections(text));
            assert!(unfixable::known("office"));
            assert_eq!((detect(text), corrections(text)), first, "{text}");
        }
        assert!(!unfixable::known("somelne"));
    }

    #[test]
    fn reused_buffers_detect_as_fresh_ones() {
        let texts = [
            "I want to talk to a humaaaan about my delivery, please",
            "no",
            "It's 221B Baker Street, London, the office on the second floor.",
            "can i speakto somelne",
            "",
        ];
        let mut scratch = Scratch::default();
        for text in texts.iter().chain(texts.iter().rev()) {
            let mut buf = String::new();
            let spans = words(text, &mut buf);
            let fresh = detect_in(&tokenize(&buf, &spans));
            assert_eq!(detect_with(text, &mut scratch), fresh, "{text}");
            assert_eq!(detect(text), fresh, "{text}");
        }
    }
}

/// German compounds whose head is a department ("Reklamationsabteilung", "Rechtsabteilung")
/// are departments, and those whose head is a person ("Servicemitarbeiter") are people,
/// whatever the first part.
fn compound_department(word: &str) -> Option<Classes> {
    let ends = |heads: &[&str]| {
        heads
            .iter()
            .any(|h| word.len() > h.len() + 2 && word.ends_with(h))
    };
    if ends(&["abteilung", "abteilungen", "leitung"]) {
        return Some(Classes::default().with(Dept));
    }
    // "Servicemitarbeiter", "Kundenberaterin": a person.
    ends(&[
        "mitarbeiter",
        "mitarbeiterin",
        "berater",
        "beraterin",
        "schichtleiter",
        "teamleiter",
        "filialleiter",
        "abteilungsleiter",
    ])
    .then(|| Classes::default().with(StrongNoun))
}

fn tokenize<'a>(buf: &'a str, words: &[(usize, usize, u32, u32)]) -> Vec<Tok<'a>> {
    let mut toks: Vec<Tok<'a>> = Vec::with_capacity(words.len() + 2);
    tokenize_into(buf, words, &mut toks);
    toks
}

/// [`tokenize`], into `toks` (empty).
fn tokenize_into<'a>(buf: &'a str, words: &[(usize, usize, u32, u32)], toks: &mut Vec<Tok<'a>>) {
    let mut i = 0;
    while i < words.len() {
        let (from, mut to, clause, mut flags) = words[i];
        i += 1;
        // Speech recognition cuts a long word in two ("per son", "opera tor", "hu man"):
        // two pieces that are nothing alone and together make a person or a verb of
        // talking are that word. The pieces are next to each other in `buf`.
        if let Some(&(next_from, next_to, next_clause, next_flags)) = words.get(i)
            && next_clause == clause
            && flags & 1 == 0
            && next_from == to
            && to - from >= 2
            && next_to - next_from >= 2
            // The whole first: most pairs are turned away by the lexicon's filter.
            && classes_of(&buf[from..next_to]).is_some_and(|c| {
                c.has(StrongNoun) || c.has(WeakNoun) || c.has(Talk) || c.has(Bot)
            })
            && classes_of(&buf[from..to]).is_none_or(|c| c.0 & ANCHORS.0 == 0)
            && classes_of(&buf[next_from..next_to]).is_none_or(|c| c.0 & ANCHORS.0 == 0)
        {
            to = next_to;
            flags = next_flags;
            i += 1;
        }
        let (sentence, joined) = (flags >> 1, flags & 1 == 1);
        let word = &buf[from..to];
        if is_filler(word) && classes_of(word).is_none() {
            continue;
        }
        let mut push = |word: &'a str, classes: Classes, corrected_from: Option<&'a str>| {
            // Voice transcripts stutter: "can i can i get": drop an immediate repeat.
            if toks.last().is_some_and(|t| t.word == word) {
                return;
            }
            toks.push(Tok {
                word,
                classes,
                clause,
                sentence,
                joined,
                corrected_from,
            });
        };
        if let Some(classes) = classes_of(word) {
            push(word, classes, None);
        } else if let Some(classes) = compound_department(word) {
            push(word, classes, None);
        } else if word.len() >= 4 && unfixable::known(word) {
            push(word, Classes::default(), None);
        } else if let Some((target, classes)) = correct(word) {
            push(target, classes, Some(word));
        } else if let Some((left, right)) = split_run_together(word) {
            let lc = classes_of(left).unwrap_or_default();
            let (right_word, rc, from) = match classes_of(right) {
                Some(c) => (right, c, None),
                None => match correct(right) {
                    Some((t, c)) => (t, c, Some(right)),
                    None => (right, Classes::default(), None),
                },
            };
            push(left, lc, None);
            push(right_word, rc, from);
        } else if is_filler(word) {
            continue;
        } else {
            if word.len() >= 4 {
                unfixable::remember(word);
            }
            push(word, Classes::default(), None);
        }
    }
    // "a flesh and blood employee", "de carne y hueso": the "and" of the idiom joins no
    // clauses; the idiom's words are modifiers (Skip) of the noun.
    let mut k = 1;
    while k + 1 < toks.len() {
        if toks[k].is(Boundary)
            && matches!(toks[k - 1].word, "flesh" | "carne" | "chair" | "fleisch")
            && matches!(
                toks[k + 1].word,
                "blood" | "hueso" | "huesos" | "osso" | "ossa" | "os" | "en" | "blut"
            )
        {
            toks.remove(k);
        }
        k += 1;
    }
    // "the team lead", "a shift lead": the lead of something staffed is a person.
    for k in 1..toks.len() {
        if matches!(toks[k].word, "lead" | "leads")
            && matches!(
                toks[k - 1].word,
                "team" | "shift" | "store" | "site" | "project" | "tech" | "support" | "sales"
            )
        {
            toks[k].classes = toks[k].classes.with(StrongNoun);
        }
    }
    // Boundary words split clauses too.
    let mut shift = 0;
    for t in toks.iter_mut() {
        t.clause += shift;
        if t.is(Boundary) {
            shift += 1;
            t.clause += 1;
        }
    }
}

/// Is the request at token `at` refused in its clause ("I don't need an agent",
/// "no quiero hablar con un humano")? Inability ("I can't reach a person") is not refusal.
fn refused(toks: &[Tok<'_>], at: usize) -> bool {
    let clause = toks[at].clause;
    let start = toks[..at]
        .iter()
        .rposition(|t| t.clause != clause)
        .map_or(0, |p| p + 1);
    let scope = &toks[start..=at];
    for (i, t) in scope.iter().enumerate() {
        if !t.is(Neg) {
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
            "without" | "instead" | "nobody" | "nadie" | "niemand" | "nessuno" | "ninguem"
        ) {
            return true;
        }
        // German "kein Mensch" / "nicht" anywhere before the noun.
        if matches!(t.word, "kein" | "keinen" | "keine" | "nicht") {
            return true;
        }
        // French "ne … pas" frames the verb.
        if t.word == "ne" || t.word == "n" {
            return true;
        }
        // A negator refuses when it attaches to a desire verb ("don't need", "no need",
        // "do not really want") or directly to the request verb ("not talk"): the first
        // word after it that is not a function word decides. "I don't know how to reach a
        // person" is a request.
        let attached = scope[i + 1..]
            .iter()
            .find(|n| !(n.is(Skip) || n.is(Neg)) || n.is(Desire) || n.is(Talk) || n.is(Contact))
            .is_some_and(|n| {
                n.is(Desire) || n.is(Talk) || n.is(Contact) || (n.is(Frame) && n.word != "get")
            });
        if attached {
            return true;
        }
    }
    false
}

fn phrase(toks: &[Tok<'_>], from: usize, to: usize) -> String {
    toks[from..=to]
        .iter()
        .map(|t| t.word)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether token `k` is a human noun here (not "human error", "travel agent",
/// "virtual assistant", "contact person").
fn human_noun(toks: &[Tok<'_>], k: usize) -> Option<bool> {
    let t = toks.get(k)?;
    let strong = t.is(StrongNoun);
    if !strong && !t.is(WeakNoun) {
        return None;
    }
    if let Some(next) = toks.get(k + 1)
        && next.clause == t.clause
        && (next.is(NonHumanHead) || (t.word == "human" && next.is(ServiceHead)))
        // "can a specialist check this": after a modal, "check" is what the person does.
        && !(help_verb(next.word)
            && toks[..k]
                .iter()
                .rev()
                .take(3)
                .any(|p| matches!(p.word, "can" | "could" | "would" | "will" | "may" | "might")))
    {
        return None;
    }
    // "the property manager" runs the building; "a property agent" sells it.
    if k > 0
        && toks[k - 1].is(NonHumanModifier)
        && !(toks[k - 1].word == "property" && matches!(t.word, "manager" | "managers"))
    {
        return None;
    }
    // "cambiare operatore", "switch operator", "changer d'opérateur": the network, not a person.
    if matches!(
        t.word,
        "operator" | "operatore" | "operador" | "operateur" | "operators" | "operatori"
    ) && toks[..k].iter().rev().take(3).any(|p| {
        matches!(
            p.word,
            "cambiare"
                | "cambiar"
                | "changer"
                | "change"
                | "changing"
                | "switch"
                | "switching"
                | "mudar"
                | "trocar"
                | "wechseln"
                | "cambiato"
                | "cambio"
                | "portabilidad"
                | "portability"
        )
    }) {
        return None;
    }
    // Hyphenated compounds: "human-readable", "AI-agent", "person-to-person".
    if t.joined || (k > 0 && toks[k - 1].joined) {
        return None;
    }
    // "agent of change", "person of interest"; "member of staff" is a person.
    let of_head = toks
        .get(k + 1)
        .filter(|n| n.word == "of" && n.clause == t.clause)
        .and_then(|_| toks.get(k + 2));
    if of_head.is_some_and(|h| {
        matches!(
            h.word,
            "change" | "interest" | "chaos" | "color" | "colour" | "record" | "contact" | "note"
        )
    }) {
        return None;
    }
    if matches!(t.word, "member" | "members") {
        let staffed = |w: &str| matches!(w, "staff" | "team" | "crew" | "personnel");
        let of_staff = of_head.is_some_and(|h| {
            staffed(h.word)
                || toks
                    .get(k + 3)
                    .is_some_and(|h2| h.is(Skip) && (staffed(h2.word) || h2.is(Dept)))
        });
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
        "someone" | "somebody" | "anyone" | "anybody" => {
            toks.get(k + 1).is_some_and(|n| {
                matches!(n.word, "from" | "on" | "at" | "in") && n.clause == t.clause
            }) && theirs(k + 2)
        }
        "team" | "department" => k > 0 && matches!(toks[k - 1].word, "your" | "ur"),
        _ => false,
    };
    Some(strong || qualified)
}

/// Whether the request at `j` is about something else than now: a past event ("I was
/// transferred to an agent"), or a hypothetical ("if I need to talk to someone later").
fn not_now(toks: &[Tok<'_>], j: usize) -> bool {
    let t = &toks[j];
    let past_form = t.word.ends_with("ed")
        || matches!(
            t.word,
            "dealt" | "spoke" | "spoken" | "rang" | "rung" | "put"
        );
    if past_form && j > 0 && toks[j - 1].is(PastAux) {
        return true;
    }
    let clause_start = toks[..j]
        .iter()
        .rposition(|p| p.clause != t.clause)
        .map_or(0, |p| p + 1);
    // "hablé con una persona ayer", "j'ai parlé à quelqu'un hier": told as history.
    let clause_end = toks[j..]
        .iter()
        .position(|n| n.clause != t.clause)
        .map_or(toks.len(), |p| j + p);
    if toks[clause_start..clause_end]
        .iter()
        .any(|p| p.is(PastTime))
        // "last week your agent told me…"
        || toks[clause_start..clause_end].windows(2).any(|w| {
            w[0].word == "last"
                && matches!(
                    w[1].word,
                    "week" | "month" | "year" | "night" | "time" | "monday" | "tuesday"
                        | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
                )
        })
    {
        return true;
    }
    // "the sign says ask an assistant", "where it said call an agent": text being quoted,
    // not asked.
    if toks[clause_start..j].windows(2).any(|w| {
        matches!(w[1].word, "says" | "reads" | "states")
            || matches!(w[0].word, "it" | "that" | "which") && w[1].word == "said"
    }) {
        return true;
    }
    let later = toks[j..]
        .iter()
        .take_while(|n| n.clause == t.clause)
        .any(|n| n.is(Hypothetical) && !matches!(n.word, "if" | "whenever" | "case"));
    if later {
        return true;
    }
    // "do I have to / do I need to talk to an agent (to …)?": a question about the process.
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
    if question {
        return true;
    }
    // "if …" earlier in the sentence, unless the request is an imperative of its own clause
    // ("if you can't help, transfer me to a person").
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
fn polite_if(toks: &[Tok<'_>], i: usize) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| t.word);
    toks[i].word == "if"
        && (matches!(w(i + 1), "possible" | "poss")
            // "mind if I chat with one of your colleagues"
            || i > 0 && toks[i - 1].word == "mind"
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
                ))
}

/// Rejecting the bot rather than naming a person: "no more bots", "I don't want to talk to
/// a machine anymore", "enough of this robot", "ya no quiero hablar con máquinas".
fn reject_bot(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    if let Some(m) = identity_then_want(toks) {
        return Some(m);
    }
    for k in 0..toks.len() {
        let t = &toks[k];
        // "virtual assistant", "AI agent", "asistente virtual": the bot, named as an agent.
        let bot_agent = bot_agent_at(toks, k);
        let strong = t.is(Bot) || bot_agent.is_some();
        if !strong && !t.is(Machine) {
            continue;
        }
        // "robot vacuum", "AI-generated", "the system to update": a modifier, not the bot.
        if t.joined {
            continue;
        }
        // The noun phrase ends at the agent noun when the modifier comes first.
        let end = bot_agent.map_or(k, |(_, last)| last);
        let adjective = matches!(
            t.word,
            "automated" | "automatic" | "robotic" | "canned" | "scripted" | "templated"
        );
        let next = toks.get(end + 1).filter(|n| n.clause == t.clause);
        // What may follow the bot in the same clause: the end of a request ("no bot
        // please", "enough of the bot, I said"), or the bot's own doing ("quit the bot
        // answers", "get the robot out of here").
        let bot_thing = |w: &str| {
            matches!(
                w,
                "answers"
                    | "responses"
                    | "replies"
                    | "messages"
                    | "thing"
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
                || bot_thing(n.word))
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
        let first = bot_agent.map_or(k, |(first, _)| first);
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
        if (not_talking || removal) && !before.iter().any(|p| p.is(Hypothetical)) {
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
                || matches!(p.word, "giving" | "sending" | "feeding" | "throwing"))
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
                    || matches!(cue_tok.word, "no" | "kein" | "keinen" | "keine" | "nicht"))
            || (cue_tok.is(FedUp)
                && (matches!(cue_tok.word, "more") && c > 0 && before[c - 1].is(Neg)
                    || !matches!(cue_tok.word, "more" | "over")));
        let of_with = cue_tok.is(FedUp)
            || had_it
            || before[c + 1..]
                .first()
                .is_some_and(|p| matches!(p.word, "of" | "with" | "de" | "con" | "mit"));
        if refusal && (of_with || !cue_tok.is(FedUp) || cue_tok.is(Neg) || cue_tok.is(Desire)) {
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
fn talking_refused(toks: &[Tok<'_>], k: usize) -> Option<usize> {
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
            let attached = i > 0 && negated(i - 1)
                || i > 2
                    && negated(i - 3)
                    && matches!(before[i - 2].word, "going" | "about")
                    && before[i - 1].word == "to"
                // "we didn't come here to argue with a program".
                || i > 3
                    && negated(i - 4)
                    && before[i - 3].word == "come"
                    && before[i - 2].word == "here"
                    && before[i - 1].word == "to";
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
                )
        })
        .then_some(start)
}

/// "want out of (the) bot": up to two articles or determiners between "of" and the bot.
fn before_want_out(toks: &[Tok<'_>], k: usize) -> bool {
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
fn bot_useless_after(toks: &[Tok<'_>], k: usize) -> Option<ExplicitMatch> {
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
fn bot_modifier(word: &str) -> bool {
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
fn bot_agent_at(toks: &[Tok<'_>], k: usize) -> Option<(usize, usize)> {
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
fn bot_useless(toks: &[Tok<'_>], k: usize) -> Option<ExplicitMatch> {
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
fn identity_then_want(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
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
        (toks[i].word == "if" && matches!(toks[i + 1].word, "not" | "no"))
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

/// A voice-menu habit: "zero", "press 0", "operator operator".
fn menu_zero(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    if toks.is_empty() || toks.len() > 8 {
        return None;
    }
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

/// A short "yes" ("yes please", "sure, go ahead", "sí por favor"), with no "no" in it.
pub fn affirmative(text: &str) -> bool {
    let mut buf = String::with_capacity(text.len());
    let spans = words(text, &mut buf);
    let toks = tokenize(&buf, &spans);
    let first_yes = toks.first().is_some_and(|t| {
        t.is(Yes)
            && !matches!(
                t.word,
                "go" | "ahead" | "do" | "that" | "would" | "be" | "you" | "thank" | "thanks"
            )
    });
    first_yes
        && toks.len() <= 8
        && toks
            .iter()
            .all(|t| (t.is(Yes) || t.is(Polite) || t.is(Skip)) && !t.is(Neg))
}

/// Whether an AI turn offers to hand the conversation to a person ("Would you like me to
/// connect you with an agent?", "Shall I transfer you?").
pub fn offers_handover(text: &str) -> bool {
    let mut buf = String::with_capacity(text.len());
    let spans = words(text, &mut buf);
    let toks = tokenize(&buf, &spans);
    if !text.contains('?') {
        return false;
    }
    toks.iter().enumerate().any(|(j, t)| {
        t.is(Talk)
            && !t.word.ends_with("ed")
            && toks.get(j + 1).is_some_and(|n| n.word == "you")
            && (matches!(
                t.word,
                "transfer" | "connect" | "put" | "pass" | "hand" | "forward"
            ) || toks[j + 1..]
                .iter()
                .take(6)
                .enumerate()
                .any(|(i, _)| human_noun(&toks, j + 1 + i).is_some()))
    })
}

/// "customer service / support / care" at `k` (the "customer" token).
fn customer_service(toks: &[Tok<'_>], k: usize) -> bool {
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
        || matches!(t.word, "kundendienst" | "kundenservice")
}

/// A word that only says which kind of person follows: "account" in "account manager",
/// "duty" in "duty manager". An unknown word right before a staff noun in the same clause.
fn noun_modifier(toks: &[Tok<'_>], k: usize) -> bool {
    let t = &toks[k];
    let property_manager = t.word == "property"
        && toks
            .get(k + 1)
            .is_some_and(|n| matches!(n.word, "manager" | "managers"));
    // "the renewals people", "your claims folks": the people of a department are its staff.
    let dept_people = k > 0
        && matches!(toks[k - 1].word, "the" | "your")
        && toks
            .get(k + 1)
            .is_some_and(|n| matches!(n.word, "people" | "folks" | "guys" | "lot"));
    (t.classes.is_empty() || t.classes == Classes::default().with(NonHumanHead) || property_manager)
        && (dept_people
            || toks.get(k + 1).is_some_and(|n| {
                n.clause == t.clause
                    && n.is(StrongNoun)
                    && !matches!(
                        n.word,
                        "people"
                            | "persons"
                            | "person"
                            | "human"
                            | "humans"
                            | "someone"
                            | "somebody"
                    )
            }))
}

/// "can a specialist look at this?", "would one of your colleagues take a look", "can
/// somebody who works there help me": a person asked, by a modal question, to do the work.
fn staff_asked_to_help(toks: &[Tok<'_>], j: usize) -> Option<ExplicitMatch> {
    let t = &toks[j];
    if !modal(t.word) {
        return None;
    }
    let k = (j + 1..toks.len().min(j + 5))
        .take_while(|&k| toks[k].clause == t.clause)
        .find(|&k| human_noun(toks, k).is_some())?;
    if !(j + 1..k).all(|i| toks[i].is(Skip) || noun_modifier(toks, i)) {
        return None;
    }
    let v = (k + 1..toks.len().min(k + 9))
        .take_while(|&v| toks[v].clause == t.clause)
        .find(|&v| help_verb(toks[v].word) || toks[v].is(Contact))?;
    if refused(toks, k) || not_now(toks, v) || toks[k..v].iter().any(|p| p.is(PastAux)) {
        return None;
    }
    Some(ExplicitMatch {
        phrase: phrase(toks, j, v),
        pattern: "staff_asked_to_help",
    })
}

const MAX_GAP: usize = 7;

/// Modal verbs that ask for something ("could a specialist…", "un technicien peut…", "ein
/// Techniker soll…"), in the six languages.
fn modal(word: &str) -> bool {
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
fn help_verb(word: &str) -> bool {
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
    )
}

/// Requests made through a person doing the work, in forms the verb-noun grammar misses:
/// "could you have a colleague go over my bill", "I'd be glad if an advisor checked it",
/// "quiero que una asesora me llame", "je préférerais voir ça avec un conseiller", "can we
/// set up a call with a specialist", "can I get a callback".
fn person_does_it(toks: &[Tok<'_>], j: usize) -> Option<ExplicitMatch> {
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
        // "have someone look at this", "get someone to check": a person made to do the work.
        "have" | "get" | "getting" => {
            let k = person_after(j + 1, 4)?;
            let v = in_clause(k + 1, 5).find(|&v| help_verb(toks[v].word))?;
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
                        matches!(w[0].word, "would" | "d")
                            && matches!(
                                w[1].word,
                                "be" | "help" | "love" | "appreciate" | "great" | "lovely"
                            )
                    });
            let k = person_after(j + 1, 5)?;
            let v =
                in_clause(k + 1, 4).find(|&v| help_verb(toks[v].word) || toks[v].is(Contact))?;
            let undone = toks[k..v].iter().any(|p| p.is(PastAux) || p.word == "had");
            (wish && !undone && !refused(toks, k)).then_some(())?;
            found(v, "if_a_person_did_it")
        }
        // "quiero que una asesora…", "gostaria que um atendente me ajudasse", "vorrei che
        // un operatore…": wanting a person to act. "je préférerais un conseiller",
        // "I'd prefer a person for this": a preference for a person.
        "quisiera" | "quiero" | "queria" | "querria" | "gustaria" | "voudrais" | "veux"
        | "aimerais" | "vorrei" | "voglio" | "gostaria" | "quero" | "preferiria" | "prefiero"
        | "prefiro" | "preferirei" | "prefere" | "preferisco" | "prefer" | "prefererais"
        | "preferiamo" | "necesito" | "preciso" | "necessito" | "possible" | "posible"
        | "possivel" | "possibile" | "moglich" => {
            let que = toks
                .get(j + 1)
                .is_some_and(|n| matches!(n.word, "que" | "qu" | "che" | "dass"));
            if que {
                let k = person_after(j + 2, 4)?;
                ok(k).then_some(())?;
                return found(k, "want_a_person_to");
            }
            if !t.word.starts_with("prefer") {
                return None;
            }
            let k = person_after(j + 1, 6)?;
            let strong =
                human_noun(toks, k) == Some(true) && !matches!(toks[k].word, "people" | "persons");
            (strong && ok(k)).then_some(())?;
            found(k, "prefer_a_person")
        }
        // "who could I speak with about my bill?": asking for the person, not a fact.
        "who" | "quien" | "qui" | "wem" | "quem" | "chi" => {
            // "who else can I…", "who can I actually talk to": an adverb may come between.
            let adverb = |w: &str| matches!(w, "else" | "actually" | "really" | "even" | "then");
            let mut k = j + 1;
            while toks.get(k).is_some_and(|n| adverb(n.word)) {
                k += 1;
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
            // "who can I call to book…" asks for a number; talking asks for a person.
            let v = toks.get(k).filter(|n| n.is(Talk) && !n.is(Contact))?;
            // English needs the subject ("who can talk" is a question about people).
            let subject = me || !matches!(t.word, "who");
            (modal && subject && v.clause == t.clause && ok(k)).then_some(())?;
            found(k, "who_can_i_talk_to")
        }
        // "I'd rather settle this with one of your advisors": a preference for a person.
        "rather" => {
            let wish = j > 0 && matches!(toks[j - 1].word, "id" | "d" | "would" | "wed" | "i");
            if !wish || toks.get(j + 1).is_some_and(|n| n.word == "than") {
                return None;
            }
            let k = person_after(j + 1, 10)?;
            // "rather wait a week than queue for an advisor" prefers something else.
            let with = toks[j + 1..k]
                .iter()
                .any(|p| matches!(p.word, "with" | "to" | "by"))
                && !toks[j + 1..k].iter().any(|p| p.word == "than");
            // "someone on your payments team" is as clear as a staff noun.
            let qualified = matches!(toks[k].word, "someone" | "somebody")
                && toks
                    .get(k + 1)
                    .is_some_and(|n| matches!(n.word, "on" | "from" | "in" | "at"))
                && toks
                    .get(k + 2)
                    .is_some_and(|n| matches!(n.word, "your" | "the"));
            let strong = human_noun(toks, k) == Some(true)
                && !matches!(toks[k].word, "people" | "persons")
                || qualified;
            (with && strong && ok(k)).then_some(())?;
            found(k, "prefer_a_person")
        }
        // "a callback", "get a call back", "arrange a call with an advisor", "jump on a call".
        "callback" | "callbacks" | "call" | "ruckruf" | "rueckruf" => {
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
                            | "um"
                            | "mochte"
                            | "moechte"
                            | "hatte"
                            | "haette"
                            | "gerne"
                    )
                });
            let back = t.word != "call" || toks.get(j + 1).is_some_and(|n| n.word == "back");
            let with_person = t.word == "call"
                && j > 0
                && matches!(toks[j - 1].word, "a" | "quick" | "phone")
                && (toks
                    .get(j + 1)
                    .is_some_and(|n| matches!(n.word, "with" | "from"))
                    && human_noun(toks, j + 2)
                        .or_else(|| human_noun(toks, j + 3))
                        .is_some()
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
            // "is anyone else out there…" asks the world, not the company.
            if toks.get(k + 1).is_some_and(|n| n.word == "else") {
                return None;
            }
            let free = in_clause(k + 1, 6).any(|v| {
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
                )
            });
            (free && ok(k)).then_some(())?;
            found(k, "is_there")
        }
        // "I just want to hear a human voice".
        "hear" | "hearing" => {
            // "I'd rather hear it from an actual person".
            if let Some(k) = in_clause(j + 1, 5).find(|&k| toks[k].word == "from")
                && let Some(p) = person_after(k + 1, 3)
                && human_noun(toks, p) == Some(true)
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
            // then what they are asked to do.
            human_noun(toks, j)?;
            // A person qualified first ("somebody who knows the system could…"); a bare
            // "anybody can explain that?" is a question to the world.
            // A person named by a clear noun needs no qualification ("one of your
            // advisers could take a look").
            let from =
                if human_noun(toks, j) == Some(true) && !matches!(t.word, "someone" | "somebody") {
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
            let told = toks[j..m].iter().any(|p| p.is(PastAux));
            (!told && ok(j) && !matches!(v.word, "call" | "ring")).then_some(())?;
            found(m + 1, "staff_asked_to_help")
        }
    }
}

/// A department named by its kind, which the words after it specify: "el departamento de
/// facturación", "la Abteilung Rechnungen", "il reparto fatture".
fn dept_head(word: &str) -> bool {
    matches!(
        word,
        "departamento"
            | "departamentos"
            | "seccion"
            | "servicio"
            | "abteilung"
            | "setor"
            | "reparto"
            | "ufficio"
            | "assistenza"
            | "servizio"
    )
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
    let is_quote = |c: char| matches!(c, '"' | '“' | '”' | '«' | '»' | '„');
    if !text.contains(is_quote) {
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
        out.push_str(&rest[..inner_start]);
        if inner.split_whitespace().count() >= 3 {
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
    let mut buf = std::mem::take(&mut scratch.buf);
    buf.clear();
    let mut spans = std::mem::take(&mut scratch.spans);
    spans.clear();
    words_into(text, &mut buf, &mut spans);
    let mut toks = recycle(std::mem::take(&mut scratch.toks));
    tokenize_into(&buf, &spans, &mut toks);
    let found = if may_request(&toks) {
        detect_in(&toks)
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
fn is_zero(word: &str) -> bool {
    matches!(word, "zero" | "0" | "00" | "cero" | "null" | "zéro")
}

/// Words that start a request without an anchor class: the keys of [`person_does_it`] and
/// the escalation idioms that carry one in their own words ("kick it up the chain", "hear
/// a real voice", "a callback"), and the menu's "zero".
fn anchor_word(word: &str) -> bool {
    is_zero(word)
        || matches!(
            word,
            "bump"
                | "kick"
                | "push"
                | "send"
                | "take"
                | "hear"
                | "hearing"
                | "callback"
                | "callbacks"
                | "ruckruf"
                | "rueckruf"
        )
}

/// Whether `toks` may hold a request: a cheap necessary condition for [`detect_in`],
/// checked against every evaluation text by `no_request_is_found_without_an_anchor`.
fn may_request(toks: &[Tok<'_>]) -> bool {
    toks.iter()
        .any(|t| t.classes.0 & ANCHORS.0 != 0 || anchor_word(t.word))
}

fn detect_in(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    // Identity questions are not requests: "am I talking to a real person?", "are you human?"
    let identity_question = |j: usize| {
        j >= 2 && matches!(toks[j - 2].word, "am" | "are") && matches!(toks[j - 1].word, "i" | "we")
    };

    for j in 0..toks.len() {
        let t = &toks[j];
        if let Some(m) = person_does_it(toks, j) {
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
                .is_some_and(|n| n.word == "with" || n.word == "w");
        // "get me across to the fraud team": "get" moving the customer is a hand-over.
        let get_me_to = t.word == "get"
            && toks.get(j + 1).is_some_and(|n| n.word == "me")
            && toks
                .get(j + 2)
                .is_some_and(|n| matches!(n.word, "across" | "through" | "thru" | "over" | "to"));
        let verb = t.is(Talk) || t.is(Contact) || a_word_with || get_me_to;
        let frame = t.is(Frame);
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
            if matches!(t.word, "said" | "mean" | "meant" | "asked" | "asking")
                && (j == 0 || toks[j - 1].word != "i")
            {
                continue;
            }
            // "a call to", "on the phone with": a noun.
            if t.is(Contact)
                && !t.is(Talk)
                && j > 0
                && matches!(
                    toks[j - 1].word,
                    "a" | "the" | "my" | "your" | "this" | "that" | "every" | "each"
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
            ) && !toks.get(j + 1).is_some_and(|n| {
                matches!(n.word, "me" | "us" | "this" | "it" | "my" | "the")
                    // "loop someone from billing in".
                    || t.word == "loop"
                        && (human_noun(toks, j + 1).is_some()
                            || n.is(Skip) && human_noun(toks, j + 2).is_some())
                    || matches!(
                        (t.word, n.word),
                        ("loop" | "looping", "in") | ("hand", "off")
                    )
            }) {
                continue;
            }
            if matches!(t.word, "deal" | "dealing" | "dealt")
                && toks.get(j + 1).is_none_or(|n| n.word != "with")
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
            for k in j + 1..toks.len().min(j + 2 + MAX_GAP) {
                let n = &toks[k];
                if n.clause != t.clause {
                    break;
                }
                // "put me through to billing", "can I speak to sales?"
                if (t.is(Talk) || t.word == "send" || get_me_to)
                    && n.is(Dept)
                    && toks[j + 1..k].iter().all(|p| p.is(Skip) || p.is(Polite))
                    && toks.get(k + 1).is_none_or(|m| {
                        m.clause != n.clause
                            || m.is(Polite)
                            || m.is(Dept)
                            // "el departamento de facturación", "le service facturation".
                            || dept_head(n.word)
                    })
                    && !refused(toks, j)
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
                if let Some(strong) = human_noun(toks, k) {
                    // "a lot to ask people to…": asking people in general is no request.
                    let general = t.word == "ask"
                        && matches!(toks[k].word, "people" | "persons" | "humans" | "everyone");
                    let governs = !general && (verb || strong);
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
                if !(n.is(Skip) || n.is(Polite) || unknown_short || noun_modifier(toks, k)) {
                    break;
                }
            }
            // "transfer me" / "put me through" / "pásame" without a noun: still a hand-off.
            if t.is(Talk)
                && matches!(t.word, "transfer" | "put" | "connect" | "redirect")
                && toks.get(j + 1).is_some_and(|n| n.word == "me")
                // "put me down for the 10am slot", "put me on the list": not a hand-over.
                && (t.word != "put"
                    || toks.get(j + 2).is_none_or(|n| {
                        n.clause != t.clause
                            || n.is(Polite)
                            || matches!(n.word, "through" | "thru" | "across" | "over")
                                // "put me through three security checks": an ordeal, not
                                // a hand-over; the hand-over ends or goes on "to" someone.
                                && toks.get(j + 3).is_none_or(|m| {
                                    m.clause != t.clause
                                        || m.is(Polite)
                                        || m.is(Skip)
                                        || human_noun(toks, j + 3).is_some()
                                        || m.is(Dept)
                                })
                    }))
                && !refused(toks, j)
                && !toks[j + 1..]
                    .iter()
                    .take(3)
                    .any(|n| n.word == "card" || n.word == "money" || n.word == "funds")
            {
                return Some(ExplicitMatch {
                    phrase: phrase(toks, j, j + 1),
                    pattern: "transfer_me",
                });
            }
        }
        // "push my case up to a manager", "kick it up the chain": escalating in other words.
        if matches!(t.word, "bump" | "kick" | "push" | "send" | "move" | "take")
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
                && (u + 2..toks.len().min(u + 5))
                    .any(|k| human_noun(toks, k).is_some() || toks[k].is(Dept)))
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
        // "an escalation clause", "the escalation process": a noun modifying another.
        let modifier = (t.word.ends_with("ion")
            || j > 0
                && matches!(
                    toks[j - 1].word,
                    "the" | "an" | "this" | "that" | "your" | "my"
                ))
            && toks.get(j + 1).is_some_and(|n| {
                n.clause == t.clause && !(n.is(Polite) || n.is(Skip) || n.is(Dept))
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
                )
            });
        if t.is(Escalate) && !modifier && !admin_object && !refused(toks, j) && !not_now(toks, j) {
            return Some(ExplicitMatch {
                phrase: t.word.to_owned(),
                pattern: "escalate",
            });
        }
        // German verb-final order: "(ich möchte) mit einem Menschen sprechen". The particle
        // of a separable verb ("stellen Sie mich … durch") only at the end of its clause.
        let particle = matches!(t.word, "durch" | "weiter" | "haben" | "bekommen");
        if t.is(TalkFinal)
            && (!particle
                || toks
                    .get(j + 1)
                    .is_none_or(|n| n.clause != t.clause || n.is(Polite)))
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
                    if !refused(toks, j) {
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
            && let Some(v) = (j + 1..toks.len().min(j + 6)).find(|&v| {
                toks[v].clause == t.clause
                    && (toks[v].is(Contact)
                        && matches!(
                            toks[v - 1].word,
                            "me" | "m" | "mi" | "mich" | "mir" | "nos" | "us"
                        )
                        || toks[v].word == "get"
                            && toks.get(v + 1).is_some_and(|n| n.word == "back")
                            && toks.get(v + 2).is_some_and(|n| n.word == "to")
                            && toks
                                .get(v + 3)
                                .is_some_and(|n| matches!(n.word, "me" | "us")))
            })
            && toks[j.saturating_sub(4)..toks.len().min(v + 4)]
                .iter()
                .any(|p| {
                    modal(p.word)
                        || matches!(
                            p.word,
                            "please" | "pls" | "plz" | "bitte" | "porfa" | "pfv" | "favor"
                                | "favore" | "svp" | "stp" | "needs" | "need" | "moglich"
                                | "possible" | "posible" | "possivel" | "possibile"
                        )
                })
            && !toks[j..v].iter().any(|p| p.is(PastAux))
            // A call back is asked for a time to come ("demain"): only the past stops it.
            && !toks.iter().any(|p| p.clause == t.clause && p.is(PastTime))
        {
            return Some(ExplicitMatch {
                phrase: phrase(toks, j, v),
                pattern: "noun_contact_me",
            });
        }
        // "can an agent call me back?", "have someone contact me".
        if human_noun(toks, j).is_some()
            && !refused(toks, j)
            && let Some(v) = (j + 1..toks.len().min(j + 8)).find(|&v| {
                toks[v].is(Contact) || matches!(toks[v].word, "email" | "text" | "message")
            })
            && toks[v].clause == t.clause
            && toks
                .get(v + 1)
                .is_some_and(|n| n.word == "me" || n.word == "us")
            && !toks[j..v].iter().any(|p| p.is(PastAux))
            && !not_now(toks, v)
        {
            return Some(ExplicitMatch {
                phrase: phrase(toks, j, v + 1),
                pattern: "noun_contact_me",
            });
        }
        // "can a person take over this chat?", "I'd like someone to step in".
        if human_noun(toks, j).is_some()
            && !refused(toks, j)
            && let Some(v) = (j + 1..toks.len().min(j + 4)).find(|&v| {
                matches!(
                    toks[v].word,
                    "take" | "taking" | "step" | "jump" | "takeover"
                ) && toks[v].clause == t.clause
            })
            && (toks[v].word == "takeover"
                || toks
                    .get(v + 1)
                    .is_some_and(|n| matches!(n.word, "over" | "in")))
            && !toks[j..v].iter().any(|p| p.is(PastAux) || p.word == "will")
        {
            return Some(ExplicitMatch {
                phrase: phrase(toks, j, (v + 1).min(toks.len() - 1)),
                pattern: "take_over",
            });
        }
        if let Some(m) = is_there_elsewhere(toks, j) {
            return Some(m);
        }
        // "someone I could speak to", "a person we can talk with": a person wanted to talk to.
        // "people over there I could chat with": a place word may come between.
        let mut at = j + 1;
        while toks
            .get(at)
            .is_some_and(|n| matches!(n.word, "over" | "there" | "here") && n.clause == t.clause)
        {
            at += 1;
        }
        if human_noun(toks, j).is_some()
            && toks
                .get(at)
                .is_some_and(|n| matches!(n.word, "i" | "we") && n.clause == t.clause)
            && toks.get(at + 1).is_some_and(|n| modal(n.word))
            && toks
                .get(at + 2)
                .is_some_and(|n| n.is(Talk) && !n.is(Contact))
            && !refused(toks, j)
            && !not_now(toks, at + 2)
        {
            return Some(ExplicitMatch {
                phrase: phrase(toks, j, at + 2),
                pattern: "is_there",
            });
        }
        // "is there a human / anyone there?"
        if t.word == "there"
            && j > 0
            && matches!(toks[j - 1].word, "is" | "are")
            && let Some(k) = (j + 1..toks.len().min(j + 4)).find(|&k| human_noun(toks, k).is_some())
            && (j + 1..k).all(|i| toks[i].is(Skip) || noun_modifier(toks, i))
            // "is there anybody else on my account": another holder, not the staff.
            && toks.get(k + 1).is_none_or(|n| n.word != "else")
            && !refused(toks, j)
        {
            return Some(ExplicitMatch {
                phrase: phrase(toks, j - 1, k),
                pattern: "is_there",
            });
        }
        // "is anybody real on the other end?", "is someone around?"
        if matches!(t.word, "is" | "are")
            && human_noun(toks, j + 1).is_some()
            && toks.get(j + 2).is_some_and(|n| {
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
                phrase: phrase(toks, j, j + 2),
                pattern: "is_there",
            });
        }
        if let Some(m) = staff_asked_to_help(toks, j) {
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
    bare_noun(toks)
        .or_else(|| bare_noun_clause(toks))
        .or_else(|| done_with_the_machine(toks))
        .or_else(|| not_a_bot(toks))
        .or_else(|| reject_bot(toks))
        .or_else(|| menu_zero(toks))
}

/// "you're a machine, you can't help me", "get me off this thing", "I don't want a
/// computer": the customer tells the bot it is a machine that cannot do this, or wants off it.
fn done_with_the_machine(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
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
            && let Some(m) = (j + 3..toks.len().min(j + 7))
                .find(|&m| machine(&toks[m]) || matches!(toks[m].word, "menu" | "chat" | "loop"))
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

/// "let me talk to something that isn't a bot", "anyone who is not a machine": asking for
/// whatever is not the bot.
fn not_a_bot(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
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

/// "I don't trust bots with this, real person please": one clause that is a bare request for a
/// person with a word of asking ("please", "svp", "bitte"), or the last clause after one
/// that already asks ("mi passi il servizio clienti, un operatore").
fn bare_noun_clause(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
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
        let marker = (if short { toks } else { part }).iter().any(|t| {
            matches!(
                t.word,
                "please" | "pls" | "plz" | "svp" | "bitte" | "favor" | "favore" | "now" | "asap"
            )
        });
        let asked_before =
            short && clause == last_clause && toks[..start].iter().any(|t| t.is(Talk));
        // A voice menu answered with a person: "existing. zero. operator".
        let menu = short && toks.iter().any(|t| is_zero(t.word) || t.word == "menu");
        let marker = marker || menu && clause == last_clause;
        if part.len() <= 5 && (marker || asked_before) {
            let mut found = None;
            let only_noun = part.iter().enumerate().all(|(i, t)| {
                if human_noun(toks, start + i) == Some(true)
                    && !matches!(t.word, "someone" | "somebody" | "people" | "persons")
                {
                    found.get_or_insert(start + i);
                    true
                } else {
                    t.is(Polite) || t.is(Skip) || is_filler(t.word) || t.is(Boundary)
                }
            });
            if only_noun
                && let Some(k) = found
                && !refused(toks, k)
                && !not_now(toks, k)
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

/// "¿hay alguna persona?", "il y a quelqu'un ?", "gibt es da jemanden", "tem alguém aí",
/// "c'è qualcuno": asking whether a person is there, in the other languages.
fn is_there_elsewhere(toks: &[Tok<'_>], j: usize) -> Option<ExplicitMatch> {
    let t = &toks[j];
    let next = |k: usize| toks.get(k).filter(|n| n.clause == t.clause).map(|n| n.word);
    let marker_end = match t.word {
        "hay" | "tem" | "ha" | "ce" | "gibts" => j,
        "y" if next(j + 1) == Some("a") => j + 1,
        "gibt" if next(j + 1) == Some("es") => j + 1,
        // "ist da jemand vom Support?", "sind hier Mitarbeiter?"
        "ist" | "sind"
            if matches!(next(j + 1), Some("da" | "hier" | "jemand" | "irgendjemand")) =>
        {
            j
        }
        "ci" | "c" if matches!(next(j + 1), Some("sono" | "e")) => j + 1,
        _ => return None,
    };
    if j > 0 && toks[j - 1].is(Neg) {
        return None;
    }
    let place = |w: &str| {
        matches!(
            w,
            "da" | "hier" | "ai" | "ahi" | "aqui" | "alli" | "la" | "li" | "qui" | "ici" | "t"
        )
    };
    let k = (marker_end + 1..toks.len().min(marker_end + 5))
        .take_while(|&k| toks[k].clause == t.clause)
        .find(|&k| human_noun(toks, k).is_some())?;
    // French "ce" is "this" ("ce conseiller m'a dit"); Italian "c'è" folds to the same word.
    if t.word == "ce"
        && !matches!(
            toks[k].word,
            "qualcuno"
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
        )
    {
        return None;
    }
    if !(marker_end + 1..k)
        .all(|i| toks[i].is(Skip) || place(toks[i].word) || noun_modifier(toks, i))
        || refused(toks, k)
        || not_now(toks, k)
    {
        return None;
    }
    Some(ExplicitMatch {
        phrase: phrase(toks, j, k),
        pattern: "is_there",
    })
}

/// A message that is little more than a human noun: "agent", "HUMAN please", "live agent now".
fn bare_noun(toks: &[Tok<'_>]) -> Option<ExplicitMatch> {
    // A voice caller repeats the noun ("un conseiller, un conseiller"): a little longer.
    let repeated = toks
        .iter()
        .enumerate()
        .any(|(k, t)| t.is(StrongNoun) && toks[k + 1..].iter().any(|n| n.word == t.word));
    if toks.is_empty() || toks.len() > if repeated { 9 } else { 6 } {
        return None;
    }
    let mut found = None;
    for (k, t) in toks.iter().enumerate() {
        if human_noun(toks, k) == Some(true)
            && !matches!(t.word, "someone" | "somebody" | "people" | "persons")
        {
            found.get_or_insert(k);
        } else if t.is(Customer) && toks.get(k + 1).is_some_and(|n| n.is(ServiceHead)) {
            // "customer service agent" handled by the noun; "customer service" alone is not bare.
            if !toks.get(k + 2).is_some_and(|n| n.is(StrongNoun)) {
                return None;
            }
        } else if !(t.is(Polite)
            || t.is(Skip)
            || t.is(ServiceHead)
            || t.is(Customer)
            || is_filler(t.word)
            // A voice menu or a fed-up customer: "main menu, agent", "bot, stop. human."
            || t.is(Bot)
            || t.is(FedUp)
            // "yes, a person", "none of the above, a person".
            || t.is(Yes) && !t.is(Neg)
            || matches!(
                t.word,
                "main" | "menu" | "option" | "options" | "none" | "above" | "of" | "those" | "press"
                    | "sorry" | "pardon"
            )
            || is_zero(t.word)
            // A "no" to the menu in a clause of its own: "no. agent."
            || t.word == "no" && toks.get(k + 1).is_some_and(|n| n.clause != t.clause)
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
mod tests {
    use super::*;

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
            "I'm done talking to a computer",
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
            "si mañana no llega, a lo mejor pido hablar con un agente",
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
            "c'è un tecnico disponibile?",
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
            "can i can i speak to an agent",
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
            "¿puedo hablar con un agente?",
            "pásame con un asesor, por favor",
            "je veux parler à un vrai conseiller",
            "je voudrais parler avec un humain",
            "Ich möchte mit einem echten Mitarbeiter sprechen",
            "verbinden Sie mich bitte mit einem echten Menschen",
            "eu quero falar com algum atendente",
            "gostaria de falar com uma pessoa",
            "vorrei parlare subito col consulente",
            "posso parlare con una persona?",
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
            "je ne veux pas parler à un conseiller",
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
    fn corrections_are_reported() {
        assert!(
            corrections("i need to speak to somelne")
                .contains(&("somelne".into(), "someone".into()))
        );
    }
}
