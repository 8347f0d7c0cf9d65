/**
 * The schemas' messages in Italian, keyed by the English template of each `msg\`…\`` (`{0}` is the first
 * value). The browser loads this with zod's Italian messages when it checks a form; `catalogs.test.ts` holds
 * it to the sources as it does `it-errors.ts`.
 */
export const ITALIAN_INPUT: Readonly<Record<string, string>> = {
  // Printed vouchers' QR code (lib/voucher-qr.ts)
  "Enter the portal URL, e.g. {0}": "Inserisci l'URL del portale, ad es. {0}",
  "At most {0} characters: a longer URL makes the QR code too dense to scan":
    "Al massimo {0} caratteri: un URL più lungo rende il codice QR troppo fitto per essere letto",
  "Put {0} where the voucher code goes, e.g. {1}": "Metti {0} dove va il codice del voucher, ad es. {1}",
  "Enter a full URL starting with https:// or http://, e.g. {0}":
    "Inserisci un URL completo che inizi con https:// o http://, ad es. {0}",
  "The portal URL must start with https:// or http://":
    "L'URL del portale deve iniziare con https:// o http://",
  "Leave user names and passwords out of the portal URL":
    "Non mettere nomi utente e password nell'URL del portale",
  "Put {0} in the path or the query, not in the host name":
    "Metti {0} nel percorso o nella query, non nel nome host",

  // Account, people and tokens
  "Enter your current password": "Inserisci la password attuale",
  "Enter a code": "Inserisci un codice",
  "Enter a new password": "Inserisci una nuova password",
  "Enter the 6-digit code the authenticator app shows":
    "Inserisci il codice a 6 cifre mostrato dall'app di autenticazione",
  "Send either your password or a code": "Invia la password oppure un codice",
  "Name the token after the script that uses it": "Dai al token il nome dello script che lo usa",
  "Whole days only: every token expires": "Solo giorni interi: ogni token scade",
  "At least 1 day": "Almeno 1 giorno",
  "At most 3650 days": "Al massimo 3650 giorni",
  "The token id must be a UUID": "L'id del token deve essere un UUID",
  "Enter a valid email address": "Inserisci un indirizzo email valido",
  "Send at least one of name, role, disabled, password":
    "Invia almeno uno tra name, role, disabled, password",
  "The user id must be a UUID": "L'id dell'utente deve essere un UUID",
  "{0} must be an ISO date-time": "{0} deve essere una data e ora ISO",

  // Connections
  "Must be text": "Deve essere testo",
  "Enter an id": "Inserisci un id",
  "Use 1–64 lower-case letters, digits and hyphens, e.g. pbx-main":
    "Usa da 1 a 64 lettere minuscole, cifre e trattini, ad es. pbx-main",
  "Enter a name": "Inserisci un nome",
  "At most 80 characters": "Al massimo 80 caratteri",
  "Enter a full URL such as https://10.0.0.5:4021": "Inserisci un URL completo come https://10.0.0.5:4021",
  "The URL must start with https:// or http://": "L'URL deve iniziare con https:// o http://",
  "Put credentials in their own fields, not in the URL": "Metti le credenziali nei loro campi, non nell'URL",
  "Leave out the query string and fragment": "Togli la query string e il frammento",
  "Give the REST API URL ending in /api/index.php, e.g. https://help.example.com/api/index.php":
    "Indica l'URL della REST API che termina con /api/index.php, ad es. https://help.example.com/api/index.php",
  "Enter the base URL": "Inserisci l'URL di base",
  "Enter the certificate's SHA-256 fingerprint": "Inserisci l'impronta SHA-256 del certificato",
  "A SHA-256 fingerprint is 64 hex digits, e.g. AB:CD:…":
    "Un'impronta SHA-256 è di 64 cifre esadecimali, ad es. AB:CD:…",
  "Paste the CA certificate": "Incolla il certificato della CA",
  "Paste a PEM certificate (-----BEGIN CERTIFICATE-----…)":
    "Incolla un certificato PEM (-----BEGIN CERTIFICATE-----…)",
  "mode must be verify, pin or insecure": "mode deve essere verify, pin o insecure",
  'An http:// address has no TLS, so "{0}" checks nothing: use https://, or choose insecure to send this connection\'s credentials unencrypted.':
    'Un indirizzo http:// non ha TLS, quindi "{0}" non verifica nulla: usa https://, oppure scegli insecure per inviare le credenziali di questa connessione senza cifratura.',
  "Whole milliseconds": "Millisecondi interi",
  "At least 100 ms": "Almeno 100 ms",
  "At most 60,000 ms": "Al massimo 60.000 ms",
  "At most 300,000 ms": "Al massimo 300.000 ms",
  "A whole number of requests": "Un numero intero di richieste",
  "At most 64": "Al massimo 64",
  "Enter the user name": "Inserisci il nome utente",
  'May not contain @ or "': 'Non può contenere @ o "',
  "Enter the appliance's IANA time zone, e.g. {0}": "Inserisci il fuso orario IANA dell'apparato, ad es. {0}",
  "Use an IANA time zone such as {0} or UTC": "Usa un fuso orario IANA come {0} o UTC",
  "Enter the portal URL with {0} where the voucher code goes":
    "Inserisci l'URL del portale con {0} dove va il codice del voucher",
  'content must be "code" or "portal-url"': 'content deve essere "code" o "portal-url"',
  "Enter the password": "Inserisci la password",
  "Enter the API key (Integrations → API → Authentication Key)":
    "Inserisci la chiave API (Integrations → API → Authentication Key)",
  "Enter the cloud ID (tenant code)": "Inserisci il cloud ID (codice del tenant)",
  "timeFormat must be YmdHis or Y-m-d H:i:s": "timeFormat deve essere YmdHis o Y-m-d H:i:s",
  "signing must be md5 or raw": "signing deve essere md5 o raw",
  "Enter the tenant domain": "Inserisci il dominio del tenant",
  "Enter the API key (Admin CP → REST API → API Information)":
    "Inserisci la chiave API (Admin CP → REST API → API Information)",
  "Enter the secret key (Admin CP → REST API → API Information)":
    "Inserisci la chiave segreta (Admin CP → REST API → API Information)",
  "kind must be one of {0}": "kind deve essere uno tra {0}",
  "At most 4,096 characters": "Al massimo 4.096 caratteri",
  "kind must be the connection's kind, one of {0}": "kind deve essere il tipo della connessione, uno tra {0}",
  "Name the environment variable": "Indica la variabile d'ambiente",
  "An environment variable name: letters, digits and _":
    "Un nome di variabile d'ambiente: lettere, cifre e _",
  'Give the secret as a string or as {"env": "VARIABLE_NAME"}':
    'Indica il segreto come stringa oppure come {"env": "VARIABLE_NAME"}',
  'The file must be {"connections": [ ... ]}': 'Il file deve essere {"connections": [ ... ]}',

  // KalliopePBX
  "Use YYYY-MM-DD or YYYY-MM-DDThh:mm": "Usa AAAA-MM-GG o AAAA-MM-GGThh:mm",
  "Not a date": "Non è una data",
  "A call id is the PBX unique id, e.g. 1463997154.0":
    "Un id di chiamata è l'id univoco del PBX, ad es. 1463997154.0",

  // Kayako
  "Use a numeric id": "Usa un id numerico",
  "Use a ticket number or mask such as ABC-123-45678":
    "Usa un numero di ticket o una maschera come ABC-123-45678",
  "Use open, closed, all or a status id": "Usa open, closed, all o un id di stato",
  "Use unassigned or a staff id": "Usa unassigned o un id di operatore",
  "Write a reply": "Scrivi una risposta",
  "At most 50,000 characters": "Al massimo 50.000 caratteri",
  "Change at least one field": "Modifica almeno un campo",
  "Type at least two characters": "Digita almeno due caratteri",
  "Use a console user id": "Usa un id di utente della console",

  // Kerio
  "Enter the login name": "Inserisci il nome di accesso",
  "Letters, digits and . _ - only, starting with a letter or digit":
    "Solo lettere, cifre e . _ -, iniziando con una lettera o una cifra",
  "At most 255 characters": "Al massimo 255 caratteri",
  "Choose a domain": "Scegli un dominio",
  "Enter a password": "Inserisci una password",
  "Type the login name to confirm": "Digita il nome di accesso per confermare",
  "Choose a type": "Scegli un tipo",
  "Enter the extension number": "Inserisci il numero dell'interno",
  "An extension number is 1–10 digits": "Un numero di interno ha da 1 a 10 cifre",
  "Enter a SIP user name or leave it out": "Inserisci un nome utente SIP o lascialo vuoto",
  "At most 64 characters": "Al massimo 64 caratteri",
  "Letters, digits and . _ @ - only": "Solo lettere, cifre e . _ @ -",
  "The file has no rows": "Il file non ha righe",
  "At most 1,000 rows per import": "Al massimo 1.000 righe per importazione",

  // Kiwire
  "Use YYYY-MM-DD": "Usa AAAA-MM-GG",
  "A voucher code is letters, digits and _ . - only":
    "Un codice voucher contiene solo lettere, cifre e _ . -",
  "At most 16 characters": "Al massimo 16 caratteri",
  "Letters, digits, _ and - only": "Solo lettere, cifre, _ e -",
  "Enter a number": "Inserisci un numero",
  "At least 1": "Almeno 1",
  "At most 1,000 per batch": "Al massimo 1.000 per lotto",
  "Choose a profile": "Scegli un profilo",
  "Enter a user name": "Inserisci un nome utente",
  "Letters, digits and _ . @ + - only": "Solo lettere, cifre e _ . @ + -",
  "Enter a valid e-mail": "Inserisci un'email valida",
  "A MAC is six hex pairs": "Un MAC è formato da sei coppie esadecimali",

  // Search and lists
  "Enter what to search for": "Inserisci cosa cercare",
  "A column id is a letter, then up to 39 letters or digits":
    "Un id di colonna è una lettera seguita da al massimo 39 lettere o cifre",
  "Name each column once": "Indica ogni colonna una sola volta",

  // Saved views (lib/api/saved-views.ts)
  "Give the view a name": "Dai un nome alla vista",
  "A view's name has at most {0} characters": "Il nome di una vista ha al massimo {0} caratteri",
  "A view's query has at most {0} characters": "La query di una vista ha al massimo {0} caratteri",
  "Give the query without ? or #": "Scrivi la query senza ? o #",
  "At most {0} columns": "Al massimo {0} colonne",
  "Say what to change: name, query, columns or shared":
    "Indica cosa cambiare: nome, query, colonne o condivisione",
};
