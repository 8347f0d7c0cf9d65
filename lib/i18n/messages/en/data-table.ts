/**
 * The one list every view uses (components/data-table). A row's name ("extension", "extensions") is the
 * view's own word, passed in as `{one}` and `{other}`: the sentences here avoid agreeing with it, so a noun of
 * either gender reads right in Italian.
 */
export const dataTable = {
  /** "2,000 extensions". */
  counted: "{count, plural, one {# {one}} other {# {other}}}",
  countSummary: "{counted} · page {page} of {pages}",
  columns: "Columns",
  columnsNotRemembered: "Your column choice was not remembered: {message}",
  actions: "Actions",
  selectRow: "Select {row}",
  selectPage: "Select every row on this page",
  search: {
    label: "Search",
    shortcut: "Press / to search",
    submit: "Search",
  },
  selection: {
    label: "Selection",
    rows: "{count} selected{offPage, plural, =0 {} other { (# on other pages)}}",
    matching: "{count} selected (every {one} matching the filter{excluded, plural, =0 {} other { but #}})",
    selectMatching: "Select all {counted} matching the filter",
    clear: "Clear selection",
    collecting: "Collecting the {counted}…",
    cancel: "Cancel",
  },
  bulk: {
    resultLabel: "Result of the bulk action",
    notDoneLabel: "Rows not done",
    failed: "failed: {message}",
    notAttempted: "Not attempted: the action was cancelled.",
    dismiss: "Dismiss",
    /** Each bulk action's own sentences (`BulkVerb`): the verb agrees with nothing in Italian this way. */
    delete: {
      progress: "Deleting {finished} of {counted}…",
      outcome:
        "{done} of {counted} deleted{failed, plural, =0 {} other {, # failed}}{skipped, plural, =0 {} other {, # not attempted (cancelled)}}.",
      nothing: "Nothing was deleted: {error}",
      cancelledNothing: "Cancelled: nothing was deleted.",
      doneSummary: "The {counted} deleted",
      doneLabel: "Rows deleted",
      rowDone: "deleted",
    },
  },
  delete: {
    confirm: "Delete",
    row: "Delete",
    selected: "Delete selected",
  },
};
