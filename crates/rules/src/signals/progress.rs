//! How a conversation is going, from the customer's words: a failure or need coming back
//! ("it still crashes", "I already tried that", "same problem again") or being resolved
//! ("thanks, that worked"). Loops and sentiment read these as evidence.

//! The patterns are scanned in the same single pass as the topic and urgency patterns
//! ([`super::topics::Scan`]).

/// Statements that the need or failure came back. Strong ones say the conversation
/// itself goes round ("you keep saying the same thing") and count twice.
pub(crate) const PERSIST: &str = r"\b(still|again|yet again|once more|same (thing|problem|issue|error|message|result|answer|screen|spot|place|point|step)|(did|does|do|has|have)(n'?t| not) (work|help|fix|change|do anything)|not (working|fixed|resolved|helping)|no (luck|change|difference)|nothing (changed|happened|works)|(already|just) (did|tried|done|restarted|reinstalled|rebooted|reset|cleared|updated|checked|told you|said|explained)|tried (that|this|it|everything)|(did|done) that|i (told|said|explained)|keeps? (happening|failing|crashing|freezing|saying|showing|coming back|doing|dropping|disappearing|cutting out|disconnecting|dropping out|going off|switching off|turning off|restarting|rebooting|telling|giving|throwing|timing out|logging (me )?out|going offline|going down|showing up|spinning|buffering)|(just |exactly )?(like|same as) before|todav[ií]a|a[úu]n no|sigue (sin|igual|fallando|sin funcionar|sin llegar|cerr\w+|colg\w+|bloque\w+)|se sigue (cerrando|colgando|bloqueando|cayendo|cortando|desconectando|apagando)|otra vez|de nuevo|ya (lo )?(hice|intent[ée])|lo mismo|toujours (pas|le m[êe]me)|encore|de nouveau|j'ai d[ée]j[àa]|la m[êe]me chose|immer noch|trotzdem (nicht|kein\w*)|weiterhin|schon wieder|wieder|nochmal|noch einmal|(habe|hab) ich (schon|bereits)|das gleiche|dasselbe|ainda|continua (tudo )?(sem|igual|a falhar|n[ãa]o|mud[oa])|continua (nos|no|na|nas) mesm[oa]s?|de novo|outra vez|j[áa] (fiz|tentei)|a mesma coisa|ancora|continua a non|di nuovo|un'altra volta|ho gi[àa]|la stessa cosa)\b";

pub(crate) const GOING_ROUND: &str = r"\b(you keep (saying|telling|asking|sending|giving)|(going|go|goes) (round|around) in circles|(the )?same (answer|reply|response|message|thing) (again|over and over|every time)|how many (more )?times|for the (third|fourth|fifth|3rd|4th|5th|umpteenth|hundredth) time|zum (dritten|vierten|f[üu]nften|x-ten) mal|por (tercera|cuarta|quinta) vez|pour la (troisi[èe]me|quatri[èe]me) fois|pela (terceira|quarta) vez|per la (terza|quarta) volta|i keep (telling|saying|asking|explaining)|(this|it) is a loop|stuck in a loop|repeating (yourself|myself)|broken record|otra vez lo mismo|tourner en rond|im kreis|girando em c[íi]rculos|in tondo)\b";

/// Statements that it is resolved, in plain words.
pub(crate) const RESOLVED: &str = r"\b(thanks?|thank you|thx|ty|cheers|that (worked|works|fixed it|did it|did the trick|helps|helped|solved it|sorted it)|it works|(it's|its|it is|that's) (working|fixed|sorted|solved|resolved)|works now|working (now|again)|problem solved|all (good|sorted|set)|sorted now|appreciate it|gracias|merci|danke|obrigad[oa]|grazie|ya funciona|[çc]a marche|es funktioniert|funcionou|funziona)\b";

/// Reports that an attempt failed, in any words: what the customer says after trying what the
/// AI told them ("it says invalid", "nothing came through", "toujours refusé", "ya lo hice").
pub(crate) const FAILED: &str = r"\b(invalid|not valid|rejected|declined|refused|failed|fails|(is|are|'s|'re|keeps? being) (blocked|denied)|not (arriving|coming( through)?|going through|accepted|recogni[sz]ed|loading)|(never|didn'?t|did not|doesn'?t|does not|won'?t|hasn'?t|has not|haven'?t|can'?t|cannot|can not) (submit|submits|process|apply|applies|come|comes|arrive|arrives|arrived|came|go through|gone through|load|loads|accept|work|shown up|show up|shows up|turns up|appears|connect|connects|find|finds|found|see|sees|detect|detects|pair|pairs|sync|syncs|scan|scans|open|opens|start|starts|log ?in|sign ?in|get in)|(i|we) (can'?t|cannot|am unable to|'m unable to|are unable to) (get|log|sign|access|open|connect|make|see|find)|n[ãa]o (consigo|conseguimos|sai|abre|conecta|carrega|encontra)|continua (travad[oa]|parad[oa]|carregando|sem)|no (puedo|consigo|carga|abre|conecta|encuentra)|je n'arrive (pas|toujours pas|plus) [àa]|impossible de (me |se )?(connecter|ouvrir|trouver|payer|valider)|non riesco|non (si )?(apre|carica|connette|trova)|(findet|l[äa]dt|startet|verbindet) .{0,30}nicht mehr|kommt (nix|nichts)|(nix|nichts) (passiert|geht|kommt)|nothing (came|arrived|comes|happens|happened)( through)?|nothing there|no (text|code|sms|email|message|link) (has |have )?(come|came|arrived|yet)|never (get|gets|receive|receives|got|received) (the|a|any|my)|still no|(does|did|do) nothing|(won'?t|doesn'?t|does not|can'?t|cannot|didn'?t|isn'?t) (unlock|lock|print|send|save|update|download|install|charge|play|stream|turn on|switch on|boot|respond|register|verify)|(i'?m|i am|we'?re|we are) not (getting|receiving)|si blocca|(è|e) bloccat[oa]|(bekomme|bekommen|kriege|erhalte)\b.{0,60}\bnicht\b|nothing (in|on) (the |my |your )?\w+|keine (nachricht|sms|mail|e-mail|email|antwort)|(ist|bleibt) (immer noch )?leer|(ancora|rimane|resta) (fermo|ferma|piantato|piantata|bloccato|bloccata)|says (invalid|error|declined|wrong|failed)|same error|(no|nunca) (me |le |nos )?(llega|lleg[óo]|funciona|sirve)|rechaza\w*|inv[áa]lid[oa]|ya (lo )?(hice|prob[ée]|comprob[ée]|revis[ée]|intent[ée])|refus[ée]e?s?|refus\b|n'arrive (pas|jamais|toujours pas)|ne (marche|fonctionne|passe) (pas|toujours pas|plus)|plante|j'ai (d[ée]j[àa] )?(v[ée]rifi[ée]|essay[ée]|retap[ée]\w*|refait|red[ée]marr[ée])|kommt (nicht|nie) an|funktioniert (immer noch )?nicht|geht (immer noch )?nicht|abgelehnt|ung[üu]ltig|hab(e|be)? ich (schon|bereits) (gemacht|probiert|gepr[üu]ft|versucht)|n[ãa]o (me )?(chega|chegou|funciona|passa|foi)|recusad[oa]|j[áa] (fiz|tentei|verifiquei|conferi)|non (mi )?(arriva|funziona|passa|va)|rifiutat[oa]|non valid[oa]|invalide|unreadable|(could not|couldn'?t|cannot|can'?t) be (verified|processed|read|found|completed|validated)|tampoco (hay )?nada|sigo sin|continuo sem|(isn'?t|wasn'?t|aren'?t|is not) (recogni[sz]ed|accepted|valid|working|found)|no v[áa]lid[oa]|no es aplicable|nothing'?s? (come|came|arrived)( through)?|no sign of (it|the|them|my|any)|no \w+ found|(not|non|nicht|no|pas) (found|trovat[oa]|gefunden|encontrad[oa]|trouv[ée]e?)|introuvable|ho gi[àa] (fatto|provato|controllato)|(is|'s|are|'re) (wrong|incorrect|expired)|expired|bounced|not authori[sz]ed|no (change|difference)|same (failure|result|thing|problem|issue|story|screen|message)|igual|lo mismo|no pasa|denegad[oa]|sigue (igual|sin|dando|rechazando|fallando)|nada\s*[,.!]|caducad[oa]|pareil|m[êe]me chose|toujours (rien|pas|pareil|le m[êe]me|la m[êe]me)|rien [àa] faire|expir[ée]e?|abgelaufen|genauso|immer noch|wieder (nicht|ung[üu]ltig|abgelehnt|dasselbe)|continua (sem|n[ãa]o|dando|igual|com)|segue (sem|dando|igual|com|n[ãa]o)|mesma coisa|n[ãa]o (abre|carrega|entra|vai)|resta (uguale|cos[iì]|rossa|spento|bloccat[oa])|rimane (uguale|cos[iì]|bloccat[oa])|sempre (uguale|cos[iì]|rossa|spento|bloccat[oa])|ancora (rossa|spento|bloccat[oa]|uguale|cos[iì])|stessa cosa|niente\s*[,.!]|scadut[oa])\b|(,|\band|\bbut) nothing( (at all|happens|happened|whatsoever))?\W*$";

/// More reports of a failure, kept apart from [`FAILED`] so that each has a short list of
/// literals for the screen: nothing come yet, an empty folder, a page not found.
pub(crate) const FAILED_MORE: &str = r"\bno (aparece|se (conecta|abre|carga|descarga))\b|\b(exactly|still|just) the same( thing| result| error| problem| screen| message)?(\s*[.,!?]|\s*$| again\b| as before\b| happens\b)|\b(same|identical) (thing|result|error|problem|message) (again|as before|happens|happened)\b|\b(button|link|page|screen|app|site|reader|it)('s| is| was) (dead|unresponsive)\b|\bno (\w+ ){1,2}(has|have|'s) (turned up|arrived|come( through)?|shown up|appeared)\b|\b(no es|no son|n'est pas|ne sont pas|non [èe]|n[ãa]o [ée]) (v[áa]lid[oa]s?|valides?)\b|\b(ist|sind) (immer noch )?ung[üu]ltig\b|\b(sale|dice|pone|aparece|me sale) que (no es v[áa]lido|es inv[áa]lido|no sirve)\b|\b(reste|est toujours|toujours) (noir|bloqu[ée]e?|fig[ée]e?|vide|rouge|orange)\b|\b(sigue|se queda) (en )?(rojo|roja|naranja)\b|\bbleibt (rot|orange)\b|\b(resta|rimane) (rosso|rossa|arancione)\b|\b(fica|continua) (vermelh[oa]|laranja)\b|\bne s'affiche (toujours |plus |pas )?(pas|plus)?\b|\bn'affiche (plus|pas|rien)\b|\btoujours (aucun|aucune)\b|\bnon si (collega|connette|aggancia|apre|carica)\b|\bcontinua a non\b|\bnon ne ricevo\b|\bnothing('s| has| have) (come|came|arrived|turned up)( through)?\b|\b(it|page|app|site|screen|browser)?\s?(hangs|hung|froze|freezes|stalls|stalled)\b|\b(still )?no sound\b|\b(shows?|showing|says|saying|still|there'?s|theres|there is|just) (no|kein|keine) (signal|picture|image|display|internet|connection|service|power|dial tone|wifi|wi-fi|network|coverage|signal thing)\b|\b(can'?t|cannot) hear (anything|a thing)\b|\bn[ãa]o se ouve\b|\bno se oye\b|\bon n'entend (rien|pas)\b|\bman h[öo]rt nichts\b|\bnon si sente\b|\b(inbox|folder|junk|spam)( folder)? is (still )?empty\b|\b(page|link|file|site) (was |is )?not found\b|\b(doesn'?t|does not|don'?t) exist\b|\b(error|404) (page|message|screen)\b|\bne (marche|fonctionne|d[ée]marre|s'allume) (toujours |plus |vraiment )?(pas|plus)\b|\btoujours pas (d'eau|de courant|de r[ée]seau|de connexion|de chauffage)\b|\b(it'?s|it is|they'?re|they are) not (in|anywhere in) (my |the )?(inbox|junk|spam|folder|account)\b|\bno \w+ (is|are) (arriving|coming( through)?)\b|\b(didn'?t|did not|doesn'?t|does not|won'?t|hasn'?t|has not) (dispense|deliver|release|drop|print|refund|credit|show up)\b|\b(just|only|still) (a )?(blank|white|empty) (page|screen)\b|\b(tried|used) [^.?!,]{1,30}, (exactly |just )?(the )?same\b|\b(flashes|flashing|flashed|blinks|blinking|stays|stayed|turns|turned|goes|went|shows|showing|still) (red|orange|amber)\b|\b(still |all )?gr[ea]yed out\b|\b(none|nothing|neither) of (the|them|it|those|these)\b.{0,20}\b(can|could) be (selected|clicked|chosen|picked|used|opened|booked)\b|\b(can'?t|cannot|won'?t) be (selected|clicked|chosen|picked)\b|\b(bleibt|blieb) (zu|geschlossen|dunkel|aus|stehen|h[äa]ngen)\b|\bgeht (einfach |immer noch )?nicht (auf|an|zu)\b|\b(è|e|sono) (ancora )?(sbagliat[oaie]|errat[oaie])\b|\bcredenziali errate\b|\bcontinua a (dirmi|dire|darmi|dare|segnalare)\b|\bcontinua vazi[oa]\b|\b(continua|segue) (bloquead[oa]|travad[oa]|sem (funcionar|desbloquear|abrir|ligar|carregar|dar))\b|\bsigue (bloquead[oa]|sin (funcionar|desbloquearse|abrir|encender|cargar))\b|\bn[ãa]o aparece nada\b|\bno aparece nada\b|\bn'appara\wt (rien|pas)\b|\bnon (appare|compare) (niente|nulla)\b|\berscheint (nichts|nicht)\b|\b(stays|stayed|remains|remained) (locked|shut|closed|off|dark|blank|frozen|offline|disconnected)\b|\b[ée]chou(e|ent|[ée])\b|\bse (vuelve|volvi[óo]) a (caer|cortar|desconectar|colgar|bloquear|apagar|cerrar)\b|\bvolta a (cair|desligar|travar|falhar)\b|\btorna a (cadere|staccarsi|bloccarsi|spegnersi)\b|\b(hat|haben|hatte) (auch |leider |wieder |wohl )?(nichts|nix) gebracht\b|\bbringt (auch |leider |einfach )?(nichts|nix)\b|\b(tut|rührt|regt) sich (einfach |gar |leider |immer noch )?(nichts|nix)\b|\bpassiert (einfach |gar |leider |immer noch )?(nichts|nix)\b|\b(bleibt|ist) (trotzdem |immer noch |weiterhin |einfach )?schwarz\b|\b(stays|stayed|remains|remained|is still) black\b|\b(sigue|contin[úu]a) (en )?negr[oa]\b|\b(resta|rimane) ner[oa]\b|\bcontinua pret[oa]\b|\b(o banco |a loja |o sistema )?recusa(m)?\b|\ba mesma (mensagem|resposta|situa[çc][ãa]o)\b|\bel mismo (mensaje|error|aviso)\b|\ble m[êe]me (message|probl[èe]me|[ée]cran)\b|\blo stesso (messaggio|errore|problema)\b|\b(dieselbe|die gleiche|gleiche) (meldung|fehlermeldung|nachricht)\b|\bthe same (message|error|screen|warning)( again)?\b|\bsame (\w+ )?(error|message|warning)\b|\b(goes|go|went|leads|takes me|opens) (straight )?(to )?(a )?(blank|white|empty) (page|screen)\b|\bshows nothing\b|\bno se (levanta|mueve|enciende|activa|inicia|sube|cierra|desbloquea)\b|\bn[ãa]o (se )?(levanta|mexe|acende|liga|sobe|desbloqueia)\b|\bnon si (alza|solleva|accende|muove|avvia|sblocca)\b|\bne s'(ouvre|allume|l[èe]ve) (toujours |plus |vraiment )?(pas|plus)\b|\b(won'?t|doesn'?t|does not|didn'?t) (lift|budge|go up|rise|open up|unlock)\b|\bno \w+ (shows?|showed|come|comes|came) up\b|\bno \w+ (appears?|appeared|loads?|loaded)\b|\b(beeps|beeping|beeped) (red|orange|amber)\b|\b(page|screen|display|window|app|site|tab)('s| is| stays| was) (just |still |completely |totally |all |now )?(blank|white|empty)\b|\b(isn'?t|is not|aren'?t|are not) (opening|closing|budging|moving|shifting|turning|starting|spinning|heating|draining|filling|lighting|charging|printing|sewing|feeding)( up| at all| properly| again| anymore| any more| either)?(\s*[.,;!?]|\s*$| even\b| and\b| but\b| though\b| no matter\b)|\b(hasn'?t|has not|haven'?t|have not) (budged|moved|shifted|opened|closed|started|changed)( at all| an inch| a bit)?\b|\b(still|stays|stayed|remains|remained) (shut|jammed|stuck)\b|\b(rejects|declines|refuses)\b|\bsame (\w+ )?(rejection|page|screen|outcome)\b|\b(can'?t|cannot|won'?t|doesn'?t|does not) read (it|the|my)\b|\b(est[áa]|[ée]) errad[oa]\b|\b(continua|segue) a (dizer|falhar|dar erro)\b|\bsigue diciendo\b|\bcontinua a dire\b|\bn[ãa]o me deixa (fazer|entrar|avan[çc]ar|continuar)\b|\b(keeps?|kept|just|still) (crash(es|ed|ing)?|shut(s|ting)? down|freez(es|ing)|froze|clos(es|ing)( itself| down)?|hangs)\b|\b(app|page|site|screen|game|machine|till|reader)('s| is)? (crash(es|ed|ing)|shuts down|shutting down|freez(es|ing)|froze|closes (itself|down)|hangs)\b|\b(crashes|crashed|froze|shuts down|shut down|closed itself) (again|every time|each time|as soon as|when(ever)?|the (moment|second|minute))\b|\bse (cierra|cuelga|bloquea) (sol[oa]|otra vez|cada vez|de nuevo)\b|\b(plante|se ferme) (encore|[àa] chaque fois|tout seul)\b|\bst[üu]rzt (st[äa]ndig |immer wieder |wieder |jedes mal )?ab\b|\b(trava|fecha sozinho|crasha) (de novo|toda vez|sempre)\b|\bsi (chiude|blocca|pianta) (di nuovo|ogni volta|da sol[oa])\b";

/// Statements that the customer already did what the AI asks (again): said after the AI's
/// second attempt, they mean the AI is going round.
pub(crate) const ALREADY_DID: &str = r"\b(i|we)('ve| have) (double[- ])?checked( twice| again)?(\s*[.,;!]|\s*$| and\b)|\b((i|we)('ve| have)( already| just)? (searched|checked|looked in|looked through|gone through|tried|cleared|restarted|rebooted|reset|updated|reinstalled) (every|all|both|everything|everywhere|each)\b|(i|we)('ve| have)? (already|just) (did|done|tried|looked|checked|restarted|rebooted|reinstalled|reset|entered|typed|given|gave|sent|provided|supplied|submitted|uploaded|answered)|already (did|done|tried) (that|this|it|all)|(did|done|tried) (that|this|it|all that) already|(that's|that is|thats) (exactly )?what i('ve| have)? (did|just did|tried|have done|done|been doing|been trying)|i (did|tried) (that|this|it|all that) (twice|two times|three times|already|again)|i('ve| have) (done|tried) (that|this|it|all that) (twice|two times|three times|again)|(^|[.!?,;] ?)just did( that| it)?\b|ya (lo |eso |la |los |las )?(he )?(hice|hecho|prob[ée]|probado|intent[ée]|intentado|revis[ée]|revisado|actualic[ée]|reinici[ée]|reinstal[ée]|borr[ée]|cambi[ée])|(eso|lo) ya lo hice|c'est (exactement )?ce que (j'ai fait|je viens de faire|je fais)|es (justo |exactamente )?lo que (hice|acabo de hacer|estoy haciendo)|das (habe|hab) ich (doch )?(gerade|eben) gemacht|[ée] (exatamente )?o que (eu )?(fiz|acabei de fazer|estou fazendo)|[èe] (proprio )?quello che ho (appena )?fatto|j'ai d[ée]j[àa] (fait|essay[ée]|tout fait|v[ée]rifi[ée]|red[ée]marr[ée])|d[ée]j[àa] fait|(habe|hab|haben) (ich|wir) (doch |ja |das )?(schon|bereits)|(schon|bereits) (gemacht|probiert|versucht|erledigt)|j[áa] (fiz|tentei|verifiquei|reiniciei|testei|experimentei|troquei|mudei|atualizei)|foi o que eu fiz|(ho|abbiamo) gi[àa]|l'ho gi[àa]|gi[àa] fatto|l'ho (appena )?fatto|(hab|habe) ich (doch |ja )?(gemacht|probiert|versucht))\b";

/// What the customer says they did over and over, or did again: "done it like five times",
/// "refreshed it a few times", "ya lo repetí", "ho ricontrollato", "j'ai réessayé",
/// "schon dreimal versucht", "tentei várias vezes". Counted as [`ALREADY_DID`].
pub(crate) const DID_REPEATEDLY: &str = r"\b((i|we)('ve| have)? )?(done|tried|refreshed|restarted|rebooted|reset|checked|entered|typed|held|scanned|tapped|swiped|inserted|reinstalled|cleared|reloaded|retried|re-?entered|re-?typed)( it| that| this| them)?( (like|about|maybe|at least|over))? (twice|\d+|two|three|four|five|six|ten|a few|several|many|multiple|loads of|lots of|a dozen|a hundred) times\b|\bya (lo |la |los |las )?(repet[íi]|volv[íi] a (hacer|intentar|probar))\b|\b(lo |la |los |las )?(he|hemos) vuelto a (hacer|intentar|probar)\b|\b(hab|habe|haben) (ich |wir )?(es |das )?(nochmal|noch einmal|erneut) (gemacht|probiert|versucht)\b|\blo (he|hemos) (repetido|intentado|probado|hecho) (varias|muchas|\w+) veces\b|\b(ho|abbiamo) (gi[àa] )?(ricontrollato|riprovato|ripetuto|rifatto|reinserito)\b|\bho provato (pi[uù] volte|\w+ volte)\b|\bj'ai (d[ée]j[àa] )?(r[ée]essay[ée]|recommenc[ée]|refait|rev[ée]rifi[ée])\b|\bj'ai essay[ée] (plusieurs|\w+) fois\b|\b(schon|bereits) (mehrmals|\w+mal|\w+ mal) (versucht|probiert|gemacht)\b|\b(tentei|fiz|repeti|verifiquei) (v[áa]rias|\w+) vezes\b|\bj[áa] (repeti|voltei a (tentar|fazer))\b";

/// Praise of how it is going ("perfect", "brilliant"): resolved, unless said in sarcasm.
pub(crate) const PRAISE: &str = r"\b(perfect|great|awesome|brilliant|wonderful|excellent)\b";

pub(crate) const NOT_RESOLVED: &str =
    r"\b(no thanks|thanks for nothing|not (great|perfect|working|fixed|sorted|solved|resolved))\b";

/// Whether a customer turn says plainly that what the AI suggested worked ("oh that
/// worked, it's showing again", "ya funciona"), with no "but", "still" or "not" to take it
/// back: the need was met, whatever else the turn says.
pub(crate) fn says_it_worked(text: &str) -> bool {
    let lower = text.to_lowercase();
    const WORKED: &[&str] = &[
        "that worked",
        "it worked",
        "that fixed it",
        "that did it",
        "that did the trick",
        "works now",
        "working again",
        "working now",
        "ya funciona",
        "ahora funciona",
        "ça marche",
        "ca marche",
        "es funktioniert",
        "jetzt geht es",
        "funcionou",
        "ora funziona",
        "adesso funziona",
    ];
    const TAKEN_BACK: &[&str] = &[
        "but", "still", "not", "n't", "nt", "aber", "pero", "mais", "ma", "mas", "nicht", "no",
        "não", "nao", "non", "pas", "sigue", "toujours", "immer", "ancora", "again?",
    ];
    WORKED.iter().any(|w| lower.contains(w))
        && !lower
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '?'))
            .any(|w| TAKEN_BACK.contains(&w) || w.ends_with("n't"))
}

/// How strongly a customer turn says the need came back: 0 (not), 1 ("still", "again",
/// "didn't work"), 2 ("you keep saying the same thing", "for the third time").
pub fn persistence(text: &str) -> u8 {
    super::topics::Scan::of(text).persistence()
}

/// Whether a customer turn says the matter is resolved or going well.
pub fn resolved(text: &str) -> bool {
    super::topics::Scan::of(text).resolved()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_red_light_a_greyed_out_choice_and_a_door_that_stays_shut_are_failures() {
        let failed = |t: &str| super::super::topics::Scan::of(t).failed();
        for text in [
            "the charger light just blinks orange",
            "the save option stays greyed out",
            "I did that and the gate stays shut",
            "la synchronisation échoue encore",
            "hemos vuelto a intentarlo y la app sigue igual",
            "none of the dates can be picked",
            "die Schranke bleibt zu",
            "je l'ai repassé, le témoin reste orange",
            "lo desenchufé y la luz sigue en rojo",
            "la porta non si apre, dice che il codice è sbagliato",
            "o saldo continua vazio",
            "das Fach geht einfach nicht auf",
        ] {
            assert!(failed(text), "{text}");
        }
        for text in ["the red one please", "I picked the grey one out of the two"] {
            assert!(!failed(text), "{text}");
        }
    }

    #[test]
    fn it_worked_is_the_need_met_unless_taken_back() {
        for text in [
            "right, that did the trick, the screen is lit again",
            "ya funciona, muchas gracias",
            "ok it worked this time",
        ] {
            assert!(says_it_worked(text), "{text}");
        }
        for text in [
            "it worked for a minute but now it's dark again",
            "that worked yesterday, today it doesn't",
            "non funziona ancora",
            "did that, still not working now",
        ] {
            assert!(!says_it_worked(text), "{text}");
        }
    }

    #[test]
    fn a_vent_not_opening_a_lid_that_has_not_budged_and_one_still_jammed_are_failures() {
        let failed = |t: &str| super::super::topics::Scan::of(t).failed();
        assert!(failed("the roof vent isn't opening even in the heat"));
        assert!(failed(
            "waited a whole day and the lid hasn't budged an inch"
        ));
        assert!(failed("the hatch is still jammed"));
        assert!(failed("the terminal rejects my voucher"));
        assert!(failed("same rejection as before"));
        assert!(failed("the reader still can't read it"));
        assert!(failed("diz que o código está errado"));
        assert!(failed("o site não me deixa entrar"));
        // A time it opens at is no failure.
        assert!(!failed(
            "the shop isn't opening till ten on Sundays, is it?"
        ));
    }

    #[test]
    fn no_sound_is_a_failure() {
        let failed = |t: &str| super::super::topics::Scan::of(t).failed();
        assert!(failed("restarted the soundbar, still no sound from it"));
        assert!(failed("já liguei de novo e não se ouve nada"));
        assert!(failed("la radio est allumée mais on n'entend rien"));
        assert!(failed("still no code has come through"));
        assert!(failed("I never get the text message"));
        assert!(!failed("the sound is fine now, thanks"));
        // No signal or picture, the same error said short, a page that comes up blank.
        assert!(failed("the decoder still says no signal"));
        assert!(failed("tried it on the laptop too. Same login error."));
        assert!(failed("the receipt link goes to a blank page"));
        assert!(failed("reloaded it, the screen's still white"));
        assert!(failed("the booking page is completely empty"));
        assert!(!failed("the form is blank until you pick a date, right?"));
        assert!(!failed("the signal is great now"));
        assert!(failed("já tentei e a trotinete continua bloqueada"));
        assert!(failed("lo reinicié y sigue sin encender"));
    }

    #[test]
    fn failures_told_in_french_spanish_and_italian_words() {
        let failed = |t: &str| super::super::topics::Scan::of(t).failed();
        assert!(failed("le décodeur reste bloqué sur le logo"));
        assert!(failed("la page n'affiche rien depuis ce matin"));
        assert!(failed("j'ai tout relancé, toujours aucun signal"));
        assert!(failed("el botón de pago no aparece en la app"));
        assert!(failed("la stampante non si collega al wifi"));
        assert!(failed("l'app continua a non aprirsi"));
        // A step that will not let the customer go on.
        assert!(failed("il modulo non mi lascia proseguire"));
        assert!(failed("la web no me deja avanzar al pago"));
        assert!(failed("ich komme nicht weiter beim Bezahlen"));
        assert!(failed("la señal se vuelve a cortar cada hora"));
        assert!(failed("der Neustart hat leider nichts gebracht"));
        assert!(failed("am Bildschirm tut sich gar nichts"));
        assert!(failed("die Anzeige bleibt trotzdem schwarz"));
        assert!(failed("the screen stays black"));
        assert!(failed("o cartão continua, o banco recusa outra vez"));
        assert!(failed("it shows the same error again"));
        assert!(failed("o portão volta a travar"));
        let persists = |t: &str| super::super::topics::Scan::of(t).persistence() > 0;
        assert!(persists("the stream keeps cutting out, same as before"));
        assert!(!failed("la page s'affiche bien maintenant, merci"));
        assert!(!failed("la stampante si collega senza problemi"));
    }

    #[test]
    fn failures_and_repeats_in_more_words() {
        let scan = |t: &str| super::super::topics::Scan::of(t);
        assert!(scan("the code never shows up on my phone").failed());
        // A crash told again: "it crashed again", "stürzt immer wieder ab".
        assert!(scan("the app crashed again when I hit pay").failed());
        assert!(scan("die App stürzt immer wieder ab").failed());
        assert!(!scan("the market crashed in 2008").failed());
        assert!(scan("looked in junk, nothing there").failed());
        assert!(scan("ya la reinicié y se sigue colgando").already_did());
        assert!(scan("já troquei o cabo e continua nos mesmos erros").persistence() > 0);
    }

    #[test]
    fn a_barrier_that_will_not_lift_nothing_showing_up_and_a_keypad_beeping_red_failed() {
        let failed = |t: &str| super::super::topics::Scan::of(t).failed();
        assert!(failed("la persiana no se levanta aunque pulso el botón"));
        assert!(failed("o portão não se mexe"));
        assert!(failed("la sbarra non si alza"));
        assert!(failed("the bollard won't budge"));
        assert!(failed("entered my code but no slots show up"));
        assert!(failed("no times appear after I pick the month"));
        assert!(failed("the lock keeps beeping red"));
        assert!(!failed("no worries, the slots show up now"));
    }

    #[test]
    fn the_same_outcome_a_dead_control_nothing_turned_up_and_not_valid_are_failures() {
        let failed = |t: &str| super::super::topics::Scan::of(t).failed();
        assert!(failed("tried it, exactly the same."));
        assert!(failed("same error as before"));
        assert!(failed("the submit link is dead"));
        assert!(failed("no confirmation text has arrived"));
        assert!(failed("me sale que el cupón no es válido"));
        assert!(failed("il dit que le numéro n'est pas valide"));
        assert!(failed("der Gutschein ist ungültig"));
        assert!(!failed("the voucher is valid until June"));
        assert!(!failed("der Gutschein ist gültig"));
        assert!(!failed("I would like exactly the same cake as last year"));
    }

    #[test]
    fn persistence_is_graded() {
        assert_eq!(persistence("it still crashes when I open it"), 1);
        assert_eq!(persistence("I already reinstalled it, no luck"), 1);
        assert_eq!(persistence("sigue sin funcionar"), 1);
        assert_eq!(persistence("you keep saying the same thing"), 2);
        // The device or app telling it again is the failure coming back.
        assert_eq!(
            persistence("the charger keeps telling me the cable is faulty"),
            1
        );
        assert_eq!(
            persistence("the portal keeps timing out at the last page"),
            1
        );
        assert_eq!(persistence("where has my parcel got to?"), 0);
        assert_eq!(persistence("please check the tracking"), 0);
    }

    #[test]
    fn doing_everything_asked_is_having_done_it() {
        let did = |t: &str| super::super::topics::Scan::of(t).already_did();
        for text in [
            "I've reset it about four times, same error",
            "tried it several times now, nothing",
            "ya lo repetí dos veces",
            "ho riprovato ma niente",
            "j'ai réessayé, toujours pareil",
            "hab es schon dreimal versucht",
            "tentei várias vezes",
            "we have tried both cables, same thing",
            "I've restarted every device in the house",
            "I have checked everywhere, it is not there",
        ] {
            assert!(did(text), "{text}");
        }
        for text in [
            "I have checked my email",
            "can you check every order of mine",
        ] {
            assert!(!did(text), "{text}");
        }
    }

    #[test]
    fn a_check_done_is_having_done_it() {
        let did = |t: &str| super::super::topics::Scan::of(t).already_did();
        assert!(did("the cable is in, I've checked."));
        assert!(did("we have double-checked and it's still red"));
        assert!(!did("I've checked the tracking page and it says Monday"));
    }

    #[test]
    fn inability_is_a_reported_failure() {
        let failed = |t: &str| super::super::topics::Scan::of(t).failed();
        for text in [
            "the printer can't find the network",
            "we can't log in to the portal",
            "não consigo abrir o boleto",
            "je n'arrive pas à valider le panier",
            "non riesco ad accedere",
            "die Kamera verbindet sich nicht mehr",
            "still no sign of the reset email",
            "it says no printer found",
            "nothing's arrived yet",
            "it says the photo is unreadable",
            "the payslip could not be processed",
            "sigo sin poder entrar",
            // A control that does nothing, an empty folder, no message come, still stuck.
            "pressing the button does nothing",
            "nothing in the junk folder either",
            "immer noch keine SMS da",
            "lo schermo è ancora fermo",
            "my key fob won't unlock anything",
            "I'm not getting the verification text",
            "la stampante si blocca all'avvio",
            "ich bekomme die Rechnung seit Wochen nicht per Post",
            // a step told, then its outcome in one word
            "I held the button down for ten seconds and nothing",
            "reinstalled the app, nothing.",
            // a message not where it should be, none arriving, a machine that gave nothing
            "it's not in the inbox or the junk",
            "no code is coming through",
            "the ticket machine didn't dispense my ticket",
            // a form that will not be sent, nothing come yet, a page that is not there
            "the claim form won't submit on my phone",
            "nothing has come through yet",
            "my junk folder is empty too",
            "the link says page not found",
            "the app opens a page that does not exist",
            "le wifi ne marche toujours pas",
            "toujours pas de chauffage dans le salon",
        ] {
            assert!(failed(text), "{text}");
        }
        for text in [
            "can you find my order?",
            "I can see the refund now, thanks",
            "nothing else, thanks",
            "I want the blue one and nothing more",
        ] {
            assert!(!failed(text), "{text}");
        }
    }

    #[test]
    fn resolution_and_its_negatives() {
        assert!(resolved("the second fix worked, thank you"));
        assert!(resolved("ok it's working now"));
        assert!(!resolved("thanks for nothing"));
        assert!(!resolved("it is not working"));
        assert!(!resolved("when does my refund arrive"));
    }
}
