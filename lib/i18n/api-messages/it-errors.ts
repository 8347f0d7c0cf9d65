/**
 * The console's error messages in Italian, keyed by the English template of each `text\`…\`` (`{0}` is the
 * first value). `catalogs.test.ts` fails on a message the code writes without an entry here, on different
 * placeholders and on an entry no code writes any more. Italian entries may use the ICU plural and select of
 * `format-message.ts` on a value (`{0, plural, one {…} other {…}}`).
 */
export const ITALIAN_ERRORS: Readonly<Record<string, string>> = {
  // The route wrapper and the input it reads
  "Invalid path — {0}{1}": "Percorso non valido — {0}{1}",
  "Invalid query — {0}{1}": "Query non valida — {0}{1}",
  "Invalid body — {0}{1}": "Corpo della richiesta non valido — {0}{1}",
  "Unknown fields: {0}": "Campi sconosciuti: {0}",
  "Unknown field: {0}": "Campo sconosciuto: {0}",
  "{0}: {1}": "{0}: {1}",
  "Invalid input": "Input non valido",
  " (and {0} more)": "{0, plural, one { (e un altro)} other { (e altri #)}}",
  "Must not contain a NUL character (\\u0000)": "Non deve contenere il carattere NUL (\\u0000)",
  "Must be valid Unicode: it has an unpaired surrogate (e.g. \\ud800)":
    "Deve essere Unicode valido: contiene un surrogato spaiato (ad es. \\ud800)",
  "Send the body as JSON with Content-Type: application/json.":
    "Invia il corpo in JSON con Content-Type: application/json.",
  "The body is over {0} bytes.": "Il corpo supera {0} byte.",
  "The request has no body; send a JSON object.": "La richiesta non ha un corpo: invia un oggetto JSON.",
  "The request body is empty; send a JSON object.":
    "Il corpo della richiesta è vuoto: invia un oggetto JSON.",
  "The body is not valid JSON.": "Il corpo non è JSON valido.",
  "The body is not valid JSON: it ends before the JSON is complete, at line {0}, column {1} (character {2}).":
    "Il corpo non è JSON valido: finisce prima che il JSON sia completo, alla riga {0}, colonna {1} (carattere {2}).",
  "The body is not valid JSON: unexpected character at line {0}, column {1} (character {2}).":
    "Il corpo non è JSON valido: carattere inatteso alla riga {0}, colonna {1} (carattere {2}).",
  "Your role ({0}) does not have the {1} permission.": "Il tuo ruolo ({0}) non ha il permesso {1}.",
  "The client closed the request.": "Il client ha chiuso la richiesta.",
  "Something went wrong on the console's side. Quote request id {0} to your admin.":
    "Qualcosa è andato storto nella console. Comunica all'amministratore l'id della richiesta {0}.",
  "Sign in or send an API token (Authorization: Bearer <token>).":
    "Accedi o invia un token API (Authorization: Bearer <token>).",
  "API tokens cannot call {0}: managing people and API tokens needs a signed-in person, so a leaked token cannot grant more access.":
    "I token API non possono chiamare {0}: gestire persone e token API richiede una persona che ha effettuato l'accesso, così un token trapelato non può concedere altri accessi.",

  // Who may call, and the account
  "Change your password on your account page (/account) first.":
    "Prima cambia la password nella pagina del tuo account (/account).",
  "An admin requires two-factor sign-in: set it up on your account page (/account) first.":
    "Un amministratore richiede l'accesso a due fattori: prima configuralo nella pagina del tuo account (/account).",
  "Your account no longer exists.": "Il tuo account non esiste più.",
  "The API token is invalid, expired or revoked. Create a new one in Admin → API tokens.":
    "Il token API non è valido, è scaduto o è stato revocato. Creane uno nuovo in Amministrazione → Token API.",
  "Your session has ended (signed out, idle for too long, or past its maximum length). Sign in again.":
    "La sessione è terminata (disconnessione, inattività troppo lunga o durata massima superata). Accedi di nuovo.",
  "Refused a change sent from another site. Make changes from the console's own pages, and use an API token for scripts. If you reach the console through a reverse proxy, have it pass the original Host (or X-Forwarded-Host), or set NEXTAUTH_URL to the console's public address.":
    "Modifica inviata da un altro sito rifiutata. Fai le modifiche dalle pagine della console e usa un token API per gli script. Se raggiungi la console tramite un reverse proxy, fagli inoltrare l'Host originale (o X-Forwarded-Host), oppure imposta NEXTAUTH_URL all'indirizzo pubblico della console.",
  "Invalid body — expiresInDays: {0}": "Corpo della richiesta non valido — expiresInDays: {0}",
  "No API token with that id.": "Nessun token API con questo id.",
  "API tokens cannot reply: a reply is sent as the Kayako staff member mapped to a signed-in person.":
    "I token API non possono rispondere: una risposta viene inviata come l'operatore Kayako associato a una persona che ha effettuato l'accesso.",
  "Two-factor sign-in is already on. Remove it first to enrol a new authenticator.":
    "L'accesso a due fattori è già attivo. Rimuovilo prima di registrare un nuovo autenticatore.",
  "Start the enrolment first: there is no authenticator waiting to be confirmed.":
    "Prima avvia la registrazione: non c'è alcun autenticatore in attesa di conferma.",
  "Two-factor sign-in is already on.": "L'accesso a due fattori è già attivo.",
  "Two-factor sign-in is off: there are no recovery codes.":
    "L'accesso a due fattori è disattivato: non ci sono codici di recupero.",
  "A user with the email {0} already exists.": "Esiste già un utente con l'email {0}.",
  "No user with that id.": "Nessun utente con questo id.",
  "This is the last active admin. Make another user an admin first.":
    "Questo è l'ultimo amministratore attivo. Prima rendi amministratore un altro utente.",

  // Connections
  'No connection with the id "{0}".': 'Nessuna connessione con l\'id "{0}".',
  'Connection "{0}" is not a {1} connection.': 'La connessione "{0}" non è una connessione {1}.',
  'Connection "{0}" is not a Kiwire connection.': 'La connessione "{0}" non è una connessione Kiwire.',
  "{0} did not give its figures within {1} s; the overview asks again shortly.":
    "{0} non ha fornito i suoi dati entro {1} s; la panoramica li richiede di nuovo a breve.",
  "Your role ({0}) does not have the {1} permission this connection's figures need.":
    "Il tuo ruolo ({0}) non ha il permesso {1} necessario per i dati di questa connessione.",
  "The test failed unexpectedly; the console's log has the details.":
    "Il test non è riuscito per un errore imprevisto; i dettagli sono nel log della console.",
  "The {0} of this connection is missing: enter it again.":
    "Manca il campo {0} di questa connessione: inseriscilo di nuovo.",
  'The id "{0}" is already used{1}.': 'L\'id "{0}" è già in uso{1}.',
  " by a connection in the connections file": " da una connessione del file delle connessioni",
  'The id "{0}" is already used.': 'L\'id "{0}" è già in uso.',
  'The connection "{0}" is declared in the connections file (CONNECTIONS_FILE) and is read-only here: change it in the file and restart the console.':
    'La connessione "{0}" è dichiarata nel file delle connessioni (CONNECTIONS_FILE) e qui è di sola lettura: modificala nel file e riavvia la console.',
  "Enter the appliance's IANA time zone: this connection was saved without one.":
    "Inserisci il fuso orario IANA dell'apparato: questa connessione è stata salvata senza.",
  "address and TLS settings": "l'indirizzo e le impostazioni TLS",
  address: "l'indirizzo",
  "TLS settings": "le impostazioni TLS",
  "{0} and {1}": "{0} e {1}",
  "Changing the {0} would send this connection's stored secrets to a new destination: enter {1} again in the same change.":
    "Cambiare {0} invierebbe i segreti salvati di questa connessione a una nuova destinazione: inserisci di nuovo {1} nella stessa modifica.",
  "Enter it again: the {0} changed, and stored secrets do not follow a connection to a new destination.":
    "Inseriscilo di nuovo: cambiando {0}, i segreti salvati non seguono la connessione verso una nuova destinazione.",
  "This connection is a {0}; a kind cannot change. Add a new connection instead.":
    "Questa connessione è di tipo {0} e il tipo non può cambiare. Aggiungi invece una nuova connessione.",
  "Must be {0}": "Deve essere {0}",

  // Reaching an appliance
  "{0} is a cloud metadata service, not an appliance: the console never sends credentials there.":
    "{0} è un servizio di metadati cloud, non un apparato: la console non vi invia mai credenziali.",
  "{0} is a link-local address (169.254.0.0/16, fe80::/10), where cloud metadata services answer: the console never sends credentials there.":
    "{0} è un indirizzo link-local (169.254.0.0/16, fe80::/10), dove rispondono i servizi di metadati cloud: la console non vi invia mai credenziali.",
  "{0} is this machine itself (loopback): the console only connects there when the deployment sets ALLOW_LOOPBACK_CONNECTIONS=1.":
    "{0} è questa stessa macchina (loopback): la console vi si collega solo se l'installazione imposta ALLOW_LOOPBACK_CONNECTIONS=1.",
  "{0} resolves to {1}": "{0} si risolve in {1}",
  "{0} at {1}": "{0} su {1}",
  " The change may have been made all the same: reload and check before trying again.":
    " La modifica potrebbe essere stata fatta comunque: ricarica e controlla prima di riprovare.",
  "No connection to {0} within the connect timeout ({1}): check the address, the port and any firewall in between.":
    "Nessuna connessione a {0} entro il timeout di connessione ({1}): controlla l'indirizzo, la porta e gli eventuali firewall nel mezzo.",
  "{0} accepted the connection but did not answer within the read timeout ({1}): the appliance may be busy or stuck.{2}":
    "{0} ha accettato la connessione ma non ha risposto entro il timeout di lettura ({1}): l'apparato potrebbe essere occupato o bloccato.{2}",
  "nothing listens on that port": "nessun servizio è in ascolto su quella porta",
  "the host name does not resolve": "il nome host non si risolve",
  "there is no route to it": "non c'è un percorso di rete per raggiungerlo",
  "{0} is unreachable ({1}): {2}.": "{0} non è raggiungibile ({1}): {2}.",
  "{0} closed the connection before answering ({1}).{2}":
    "{0} ha chiuso la connessione prima di rispondere ({1}).{2}",
  "{0} does not speak TLS on that port: use http:// or the appliance's HTTPS port.":
    "{0} non usa TLS su quella porta: usa http:// o la porta HTTPS dell'apparato.",
  "The TLS handshake with {0} failed ({1}).": "L'handshake TLS con {0} non è riuscito ({1}).",
  "unknown error": "errore sconosciuto",
  "The request to {0} failed ({1}).": "La richiesta a {0} non è riuscita ({1}).",
  "it is self-signed": "è autofirmato",
  "it was issued by a CA the console does not know": "è stato emesso da una CA che la console non conosce",
  "it has expired": "è scaduto",
  "it is not valid yet (check the clocks)": "non è ancora valido (controlla gli orologi)",
  "it was issued for another host name": "è stato emesso per un altro nome host",
  "verification failed ({0})": "la verifica non è riuscita ({0})",
  "unknown reason": "motivo sconosciuto",
  "The server presented no certificate.": "Il server non ha presentato alcun certificato.",
  "The server's certificate does not match the pinned one: it presented {0}, the connection pins {1}. If the appliance's certificate was renewed, pin the new one; otherwise something is intercepting the connection.":
    "Il certificato del server non corrisponde a quello fissato: ha presentato {0}, la connessione fissa {1}. Se il certificato dell'apparato è stato rinnovato, fissa quello nuovo; altrimenti qualcosa sta intercettando la connessione.",
  "The server's certificate is not trusted: {0}. Pin its fingerprint {1} if you recognise it, or add the issuing CA to the connection.":
    "Il certificato del server non è attendibile: {0}. Se lo riconosci, fissa la sua impronta {1}, oppure aggiungi alla connessione la CA che l'ha emesso.",
  "The appliance's answer is larger than the console accepts ({0} KiB).":
    "La risposta dell'apparato è più grande di quanto la console accetti ({0} KiB).",
  "ahead of": "avanti rispetto a",
  behind: "indietro rispetto a",
  "not found": "non trovato",

  // KalliopePBX
  "Dates must be YYYY-MM-DD.": "Le date devono essere nel formato AAAA-MM-GG.",
  "The range starts ({0}) after it ends ({1}).": "L'intervallo inizia ({0}) dopo la fine ({1}).",
  "The range covers {0} days; one query may pull at most {1} days from the PBX. Narrow the dates.":
    "L'intervallo copre {0} giorni; una ricerca può leggere dal PBX al massimo {1} giorni. Restringi le date.",
  "The range ends ({0}) before it starts ({1}).": "L'intervallo finisce ({0}) prima dell'inizio ({1}).",
  'No call "{0}".': 'Nessuna chiamata "{0}".',
  'The PBX has no call "{0}" (or this user may not see it).':
    'Il PBX non ha la chiamata "{0}" (oppure questo utente non può vederla).',
  "KalliopePBX sent call records that are not valid {0} ({1}).":
    "KalliopePBX ha inviato CDR che non sono {0} valido ({1}).",
  'KalliopePBX refused the user name or password for domain "{0}" (HTTP {1}). Check both, and that the user has the API permission.':
    'KalliopePBX ha rifiutato nome utente o password per il dominio "{0}" (HTTP {1}). Controlla entrambi e che l\'utente abbia il permesso API.',
  "KalliopePBX refused the signed request: its clock is {0} minutes {1} the console's, and X-authenticate allows 5. Synchronise both with NTP.":
    "KalliopePBX ha rifiutato la richiesta firmata: il suo orologio è {0} minuti {1} quello della console, e X-authenticate ne tollera 5. Sincronizza entrambi con NTP.",
  "KalliopePBX answered HTTP {0} to the call records request for {1}.":
    "KalliopePBX ha risposto HTTP {0} alla richiesta dei CDR per {1}.",
  'KalliopePBX has no tenant domain "{0}" (or the base URL is not a KalliopePBX): check the domain ("default" on single-tenant systems).':
    'KalliopePBX non ha il dominio tenant "{0}" (oppure l\'URL di base non è un KalliopePBX): controlla il dominio ("default" sui sistemi a tenant singolo).',
  "KalliopePBX answered HTTP {0} to the salt request.":
    "KalliopePBX ha risposto HTTP {0} alla richiesta del salt.",
  "KalliopePBX answered the salt request without a salt: is the base URL a KalliopePBX?":
    "KalliopePBX ha risposto alla richiesta del salt senza un salt: l'URL di base è un KalliopePBX?",
  "KalliopePBX answered HTTP {0} to a signed request.":
    "KalliopePBX ha risposto HTTP {0} a una richiesta firmata.",

  // Kayako
  "Kayako: {0} ({1}).": "Kayako: {0} ({1}).",
  "Kayako refused {0}: {1}.": "Kayako ha rifiutato {0}: {1}.",
  "Kayako answered HTTP {0} to {1}.": "Kayako ha risposto HTTP {0} per {1}.",
  "Kayako failed on {0}: {1}": "Kayako ha avuto un errore con {0}: {1}",
  "Kayako rejected the API key or secret key ({0}). Copy both again from Admin CP → REST API → API Information.":
    "Kayako ha rifiutato la chiave API o la chiave segreta ({0}). Copiale di nuovo entrambe da Admin CP → REST API → API Information.",
  "The REST API is disabled in Kayako (HTTP 403): enable it in Admin CP → REST API → Settings.":
    "La REST API è disattivata in Kayako (HTTP 403): attivala in Admin CP → REST API → Settings.",
  "The base URL answered HTTP 404: give the helpdesk's REST URL ending in /api/index.php.":
    "L'URL di base ha risposto HTTP 404: indica l'URL REST dell'helpdesk che termina con /api/index.php.",
  "Kayako answered HTTP {0}: the helpdesk failed on its side (it may be restarting); try again shortly.":
    "Kayako ha risposto HTTP {0}: l'errore è dell'helpdesk (potrebbe essere in riavvio); riprova tra poco.",
  "Kayako answered HTTP {0} without a department list: is the base URL a Kayako Classic REST API?":
    "Kayako ha risposto HTTP {0} senza l'elenco dei reparti: l'URL di base è una REST API di Kayako Classic?",
  "Your account is not mapped to a Kayako staff member, so a reply cannot be sent in your name. Ask an admin to map you on the tickets page.":
    "Il tuo account non è associato a un operatore Kayako, quindi non è possibile inviare una risposta a tuo nome. Chiedi a un amministratore di associarti nella pagina dei ticket.",
  "No console user {0}.": "Nessun utente della console {0}.",
  "{0} is a viewer and cannot reply to tickets.": "{0} è un lettore e non può rispondere ai ticket.",
  "Kayako has no staff member {0} on this connection.":
    "Kayako non ha l'operatore {0} su questa connessione.",
  "Kayako has no ticket {0}.": "Kayako non ha il ticket {0}.",
  "Kayako answered the reply to ticket {0} without the post, and the ticket does not show it: reload the ticket before sending again.":
    "Kayako ha risposto alla risposta al ticket {0} senza il messaggio, e il ticket non lo mostra: ricarica il ticket prima di inviare di nuovo.",
  "Change at least one field.": "Modifica almeno un campo.",
  "Kayako answered the update of ticket {0} without the ticket, and reading it back failed: reload the ticket to see whether the change was made.":
    "Kayako ha risposto all'aggiornamento del ticket {0} senza il ticket, e la rilettura non è riuscita: ricarica il ticket per vedere se la modifica è stata fatta.",
  "Kayako answered {0} without XML{1}.": "Kayako ha risposto per {0} senza XML{1}.",
  "Kayako's answer to {0} is not well-formed XML.": "La risposta di Kayako per {0} non è XML ben formato.",

  // Kerio
  "This mail user no longer exists on the server: reload the list.":
    "Questo utente di posta non esiste più sul server: ricarica l'elenco.",
  "Kerio Connect reported {0} created but does not list it: reload.":
    "Kerio Connect ha segnalato {0} come creato ma non lo elenca: ricarica.",
  "Type {0} to confirm the removal.": "Digita {0} per confermare la rimozione.",
  "Address group entry {0} does not exist: reload the list.":
    "La voce {0} del gruppo di indirizzi non esiste: ricarica l'elenco.",
  "Kerio Control applied and confirmed the new entry but does not list it: reload the list before adding it again.":
    "Kerio Control ha applicato e confermato la nuova voce ma non la elenca: ricarica l'elenco prima di aggiungerla di nuovo.",
  'Kerio Control warns: "{0}" This change removes the address the console administers from. Confirm only if you can reach the firewall another way; Kerio reverts the change if the confirmation cannot reach it.':
    'Kerio Control avvisa: "{0}" Questa modifica rimuove l\'indirizzo da cui la console amministra. Conferma solo se puoi raggiungere il firewall in un altro modo; Kerio annulla la modifica se la conferma non lo raggiunge.',
  "Extension {0} does not exist on this PBX.": "L'interno {0} non esiste su questo PBX.",
  "Kerio Operator accepted extension {0} but does not list it: reload the list before creating it again.":
    "Kerio Operator ha accettato l'interno {0} ma non lo elenca: ricarica l'elenco prima di crearlo di nuovo.",
  "Kerio sent {0} in a form the console does not know (an entry lacks its id or has fields of another type): check that the appliance runs a supported version.":
    "Kerio ha inviato {0} in una forma che la console non conosce (una voce non ha l'id o ha campi di un altro tipo): controlla che l'apparato abbia una versione supportata.",
  "Kerio ended the new session at once (-32001 twice): check that the connection's user is still an administrator.":
    "Kerio ha chiuso subito la nuova sessione (-32001 due volte): controlla che l'utente della connessione sia ancora un amministratore.",
  "Kerio answered HTTP {0} to {1}: the appliance may be restarting; try again shortly.":
    "Kerio ha risposto HTTP {0} a {1}: l'apparato potrebbe essere in riavvio; riprova tra poco.",
  "Kerio's answer to {0} was not JSON-RPC.": "La risposta di Kerio a {0} non era JSON-RPC.",
  "Kerio answered HTTP {0} to Session.login: the appliance failed on its side (it may be restarting); try again shortly.":
    "Kerio ha risposto HTTP {0} a Session.login: l'errore è dell'apparato (potrebbe essere in riavvio); riprova tra poco.",
  "The appliance answered HTTP {0} at {1}: check that the base URL is the administration port (Operator 4021, Connect 4040, Control 4081).":
    "L'apparato ha risposto HTTP {0} su {1}: controlla che l'URL di base sia la porta di amministrazione (Operator 4021, Connect 4040, Control 4081).",
  "The appliance did not answer with JSON-RPC: is the base URL a Kerio administration port?":
    "L'apparato non ha risposto in JSON-RPC: l'URL di base è una porta di amministrazione Kerio?",
  'Kerio refused the user name or password ("{0}"). Check both; the user must be an administrator.':
    'Kerio ha rifiutato nome utente o password ("{0}"). Controlla entrambi; l\'utente deve essere un amministratore.',
  "Kerio refused the login: {0}{1}.": "Kerio ha rifiutato l'accesso: {0}{1}.",
  " (code {0})": " (codice {0})",
  "Kerio answered Session.login without a token.": "Kerio ha risposto a Session.login senza un token.",

  // Kiwire
  'The Kiwire "{0}" module is switched off (module disabled): enable it in Kiwire.':
    'Il modulo "{0}" di Kiwire è disattivato (module disabled): attivalo in Kiwire.',
  "This Kiwire does not offer {0} (module not existed): its version may not support it.":
    "Questo Kiwire non offre {0} (module not existed): la sua versione potrebbe non supportarlo.",
  "Kiwire: {0}.": "Kiwire: {0}.",
  "Kiwire refused the request: {0}.": "Kiwire ha rifiutato la richiesta: {0}.",
  'Kiwire has no hotspot user "{0}".': 'Kiwire non ha l\'utente hotspot "{0}".',
  "Kiwire answered HTTP {0} at {1}: the appliance failed on its side (it may be restarting); try again shortly.":
    "Kiwire ha risposto HTTP {0} su {1}: l'errore è dell'apparato (potrebbe essere in riavvio); riprova tra poco.",
  "Kiwire answered HTTP {0} at {1}: check the base URL (the appliance's address, without a path).":
    "Kiwire ha risposto HTTP {0} su {1}: controlla l'URL di base (l'indirizzo dell'apparato, senza percorso).",
  "Kiwire did not answer {0} with JSON: is the base URL a Kiwire 2.0 appliance?":
    "Kiwire non ha risposto a {0} in JSON: l'URL di base è un apparato Kiwire 2.0?",
  'Kiwire does not know the cloud ID "{0}" ({1}): check the tenant code.':
    'Kiwire non conosce il cloud ID "{0}" ({1}): controlla il codice del tenant.',
  'The Kiwire tenant "{0}" is not available ({1}).': 'Il tenant Kiwire "{0}" non è disponibile ({1}).',
  "The Kiwire API is switched off ({0}): enable it under Integrations → API.":
    "L'API di Kiwire è disattivata ({0}): attivala in Integrations → API.",
  "Kiwire refused the user name or password ({0}). Check both; the user must be a Kiwire admin.":
    "Kiwire ha rifiutato nome utente o password ({0}). Controlla entrambi; l'utente deve essere un amministratore Kiwire.",
  "Kiwire refused the API login: {0}.": "Kiwire ha rifiutato l'accesso API: {0}.",
  "Kiwire rejected the signed API key ({0}): the appliance's clock is {1} minutes {2} the console's. Synchronise both with NTP.":
    "Kiwire ha rifiutato la chiave API firmata ({0}): l'orologio dell'apparato è {1} minuti {2} quello della console. Sincronizza entrambi con NTP.",
  "Kiwire rejected the signed API key ({0}). Check the API key, the signing options ({1}, time as {2} in {3}) and that the appliance's clock agrees with the console's.":
    "Kiwire ha rifiutato la chiave API firmata ({0}). Controlla la chiave API, le opzioni di firma ({1}, ora come {2} in {3}) e che l'orologio dell'apparato concordi con quello della console.",
  "Kiwire says the login just made has expired ({0}): the appliance's clock is probably far from the console's.":
    "Kiwire dice che l'accesso appena fatto è scaduto ({0}): l'orologio dell'apparato è probabilmente lontano da quello della console.",
  "Kiwire refused /apiv2/{0}/{1} ({2}): check the module and the permission toggles under Integrations → API.":
    "Kiwire ha rifiutato /apiv2/{0}/{1} ({2}): controlla il modulo e i permessi in Integrations → API.",
  "Kiwire refused /apiv2/{0}/{1}: {2}.": "Kiwire ha rifiutato /apiv2/{0}/{1}: {2}.",

  // Words that go into other messages
  "call {0}": "la chiamata {0}",
  "the department list": "l'elenco dei reparti",
  "the ticket status list": "l'elenco degli stati dei ticket",
  "the ticket priority list": "l'elenco delle priorità dei ticket",
  "the ticket type list": "l'elenco dei tipi di ticket",
  "the staff list": "l'elenco degli operatori",
  "the ticket list": "l'elenco dei ticket",
  "the ticket count": "il conteggio dei ticket",
  "the ticket search": "la ricerca dei ticket",
  "ticket {0}": "il ticket {0}",
  "the update of ticket {0}": "l'aggiornamento del ticket {0}",
  "the user search": "la ricerca degli utenti",
  "the organisation list": "l'elenco delle organizzazioni",
  "a user list": "un elenco di utenti",
  "a domain list": "un elenco di domini",
  "the created user": "l'utente creato",
  "an address group list": "un elenco di gruppi di indirizzi",
  "a time range list": "un elenco di intervalli di tempo",
  "an extension list": "un elenco di interni",
  "the dial plan": "il piano di numerazione",

  // Passwords and identity
  "The new password is the current one. Choose another.":
    "La nuova password è quella attuale. Scegline un'altra.",
  "The password is wrong.": "La password è sbagliata.",
  "The code is wrong, expired or already used.": "Il codice è sbagliato, scaduto o già usato.",
  "That code does not match. Check the app shows the console's entry and its clock is right.":
    "Il codice non corrisponde. Controlla che l'app mostri la voce della console e che il suo orologio sia giusto.",
  "Already in use": "Già in uso",
  "Would leave the console without an admin": "Lascerebbe la console senza un amministratore",
  "At most {0} days: this console limits API tokens to {1} days (API_TOKEN_MAX_LIFETIME_DAYS)":
    "Al massimo {0} giorni: questa console limita i token API a {1} giorni (API_TOKEN_MAX_LIFETIME_DAYS)",
  "Use at least {0} characters (this one has {1}).": "Usa almeno {0} caratteri (questa ne ha {1}).",
  "Use at most {0} characters.": "Usa al massimo {0} caratteri.",
  "This password is on a list of commonly used passwords. Choose another.":
    "Questa password è in un elenco di password molto usate. Scegline un'altra.",
  "This password is a repeated or sequential pattern. Choose another.":
    "Questa password è una sequenza ripetuta o consecutiva. Scegline un'altra.",
  "This password is made from your email or the product's name. Choose another.":
    "Questa password è ricavata dalla tua email o dal nome del prodotto. Scegline un'altra.",

  // Kerio, per field
  "The licence's user limit is reached: {0} cannot be enabled. Disable or remove another user, or extend the licence.":
    "È stato raggiunto il limite di utenti della licenza: {0} non può essere attivato. Disattiva o rimuovi un altro utente, oppure estendi la licenza.",
  "User {0} already exists.": "L'utente {0} esiste già.",
  "Enter a password.": "Inserisci una password.",
  "{0} Reload the list.": "{0} Ricarica l'elenco.",
  "Kerio Connect refused the change to {0}: {1}": "Kerio Connect ha rifiutato la modifica di {0}: {1}",
  "SIP user name {0} is already used by another extension.":
    "Il nome utente SIP {0} è già usato da un altro interno.",
  "Extension {0} already exists (or the number is taken by a queue, conference or other dial-plan entry).":
    "L'interno {0} esiste già (oppure il numero è occupato da una coda, una conferenza o un'altra voce del piano di numerazione).",
  "The chosen owner no longer exists on the PBX: pick another.":
    "Il proprietario scelto non esiste più sul PBX: scegline un altro.",
  "Extension {0} no longer exists on the PBX: reload the list.":
    "L'interno {0} non esiste più sul PBX: ricarica l'elenco.",
  "Extension {0} has multiple registrations: SIP credentials belong to its lines.":
    "L'interno {0} ha più registrazioni: le credenziali SIP appartengono alle sue linee.",
  "{0} Use 1–10 digits.": "{0} Usa da 1 a 10 cifre.",
  "Kerio refused the change to extension {0}: {1}": "Kerio ha rifiutato la modifica dell'interno {0}: {1}",
  "Kerio's session expired during {0}; it was not repeated because the console cannot tell whether it took effect. Reload and check before trying again.":
    "La sessione di Kerio è scaduta durante {0}; l'operazione non è stata ripetuta perché la console non può sapere se ha avuto effetto. Ricarica e controlla prima di riprovare.",
  'Kiwire refused {0} (permission denied): switch on the "{1}" permission under Integrations → API in Kiwire.':
    'Kiwire ha rifiutato {0} (permission denied): attiva il permesso "{1}" in Integrations → API in Kiwire.',
  "Kiwire refused {0} (permission denied): check the permission toggles under Integrations → API in Kiwire.":
    "Kiwire ha rifiutato {0} (permission denied): controlla i permessi in Integrations → API in Kiwire.",

  // Saved views (lib/server/preferences/saved-views.ts)
  'You already have a view named "{0}" on this list. Choose another name.':
    'Hai già una vista chiamata "{0}" in questo elenco. Scegli un altro nome.',
  "You already have a view with this name on this list": "Hai già una vista con questo nome in questo elenco",
  "Your role ({0}) cannot read this list, so it cannot keep views of it.":
    "Il tuo ruolo ({0}) non può leggere questo elenco, quindi non può salvarne viste.",
  "Only an admin can share a view. Save it without sharing to keep it for yourself.":
    "Solo un amministratore può condividere una vista. Salvala senza condividerla per tenerla per te.",
  "There is no such saved view, or it is not yours.": "Questa vista salvata non esiste, o non è tua.",
  "Only an admin can change or delete a shared view.":
    "Solo un amministratore può modificare o eliminare una vista condivisa.",
  "Only an admin can share a view.": "Solo un amministratore può condividere una vista.",
  "The saved view was deleted meanwhile.": "La vista salvata è stata eliminata nel frattempo.",
  // Results people read: a connection's test, the palette's sources, Kerio Control's apply steps
  "{0} answered and accepted the credentials in {1} ms.":
    "{0} ha risposto e accettato le credenziali in {1} ms.",
  "{0} did not answer within {1} s; its own page may still find it.":
    "{0} non ha risposto entro {1} s; la sua pagina potrebbe comunque trovarlo.",
  "Searching {0} failed unexpectedly (the server log has the details).":
    "La ricerca in {0} non è riuscita per un errore imprevisto (i dettagli sono nel log del server).",
  "the cut-off check (IpAddressGroups.validate*)": "il controllo di esclusione (IpAddressGroups.validate*)",
  "the change itself": "la modifica stessa",
  "Failed at {0}: {1} {2}": "Errore durante {0}: {1} {2}",
  "{0} (code {1}).": "{0} (codice {1}).",
  "Nothing was changed.": "Non è stato modificato nulla.",
  "Nothing was applied; the console discarded Kerio's cached changes.":
    "Non è stato applicato nulla; la console ha scartato le modifiche in sospeso di Kerio.",
  "The change was applied but not confirmed: Kerio Control will revert it when its confirmation time runs out.":
    "La modifica è stata applicata ma non confermata: Kerio Control la annullerà allo scadere del tempo di conferma.",
  "Applied; Kerio Control asked for no confirmation.":
    "Applicata; Kerio Control non ha chiesto alcuna conferma.",
  "Applied and confirmed.": "Applicata e confermata.",
  "Kerio Control did not accept the confirmation (the confirmation time may have run out).":
    "Kerio Control non ha accettato la conferma (il tempo di conferma potrebbe essere scaduto).",
  "{0} s": "{0} s",
  // Kerio Control time ranges (lib/server/vendors/kerio/time-range-summary.ts)
  "{0}, {1}": "{0}, {1}",
  "{0} {1}–{2}": "{0} {1}–{2}",
  "Every day": "Ogni giorno",
  "{0} {1} – {2} {3}": "{0} {1} – {2} {3}",
  "Includes {0}": "Include {0}",
  // The console's own stores: sealed secrets and the shared state (Redis)
  "The stored {0} of connection {1} is not a sealed secret; enter it again.":
    "Il valore {0} salvato per la connessione {1} non è un segreto cifrato; inseriscilo di nuovo.",
  "The stored {0} of connection {1} was sealed under master key {2}, but the console has key {3}. Give every instance the same CONSOLE_SECRET_KEY (or restore the data directory's key file), or enter the secret again.":
    "Il valore {0} salvato per la connessione {1} è stato cifrato con la chiave principale {2}, ma la console ha la chiave {3}. Dai a ogni istanza la stessa CONSOLE_SECRET_KEY (o ripristina il file della chiave nella cartella dei dati), oppure inserisci di nuovo il segreto.",
  "The stored {0} of connection {1} failed its integrity check: it was altered, or copied from another connection. Enter it again.":
    "Il valore {0} salvato per la connessione {1} non ha superato il controllo di integrità: è stato alterato o copiato da un'altra connessione. Inseriscilo di nuovo.",
  "Another request (possibly on another console instance) held {0} for more than {1} s; try again shortly.":
    "Un'altra richiesta (forse su un'altra istanza della console) ha tenuto {0} per più di {1} s; riprova tra poco.",
  'the lock "{0}"': 'il blocco "{0}"',
  "The shared state store (REDIS_URL) is not answering: {0}. Vendor sessions and locks are shared through it; check that Redis is running and reachable from every instance.":
    "L'archivio dello stato condiviso (REDIS_URL) non risponde: {0}. Le sessioni con i fornitori e i blocchi sono condivisi tramite esso; controlla che Redis sia in esecuzione e raggiungibile da ogni istanza.",
  "no connection to {0} ({1})": "nessuna connessione a {0} ({1})",
  "{0} failed a command ({1})": "{0} non ha eseguito un comando ({1})",
  "{0} refused a subscription ({1})": "{0} ha rifiutato una sottoscrizione ({1})",
};
