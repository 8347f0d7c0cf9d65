import type { Messages } from "../catalog";

export const dataTable: Messages["dataTable"] = {
  counted: "{count, plural, one {# {one}} other {# {other}}}",
  countSummary: "{counted} · pagina {page} di {pages}",
  columns: "Colonne",
  columnsNotRemembered: "La scelta delle colonne non è stata salvata: {message}",
  actions: "Azioni",
  selectRow: "Seleziona {row}",
  selectPage: "Seleziona tutte le righe di questa pagina",
  search: {
    label: "Cerca",
    shortcut: "Premi / per cercare",
    submit: "Cerca",
  },
  selection: {
    label: "Selezione",
    rows: "{count, plural, one {# riga selezionata} other {# righe selezionate}}{offPage, plural, =0 {} other { (# in altre pagine)}}",
    matching:
      "{count, plural, one {# riga selezionata} other {# righe selezionate}} (ogni {one} corrispondente al filtro{excluded, plural, =0 {} other { tranne #}})",
    selectMatching: "Seleziona tutte le righe corrispondenti al filtro ({counted})",
    clear: "Deseleziona tutto",
    collecting: "Lettura di {counted}…",
    cancel: "Annulla",
  },
  bulk: {
    resultLabel: "Esito dell'azione multipla",
    notDoneLabel: "Righe non completate",
    failed: "errore: {message}",
    notAttempted: "Non tentata: l'azione è stata annullata.",
    dismiss: "Chiudi",
    delete: {
      progress: "Eliminazione in corso: {finished} di {counted}…",
      outcome:
        "Eliminazione riuscita per {done} di {counted}{failed, plural, =0 {} one {, # non riuscita} other {, # non riuscite}}{skipped, plural, =0 {} one {, # non tentata (annullata)} other {, # non tentate (annullate)}}.",
      nothing: "Nessuna eliminazione eseguita: {error}",
      cancelledNothing: "Annullata: nessuna eliminazione eseguita.",
      doneSummary: "Eliminazione riuscita per {counted}",
      doneLabel: "Righe eliminate",
      rowDone: "eliminazione riuscita",
    },
  },
  delete: {
    confirm: "Elimina",
    row: "Elimina",
    selected: "Elimina selezione",
  },
};
