/** The primitives every view is built from (components/ui): dialogs, error boxes, paging, tables, toasts. */
export const ui = {
  dialog: {
    cancel: "Cancel",
    working: "Working…",
    discardQuestion: "Discard what you typed?",
    keepEditing: "Keep editing",
    discard: "Discard",
  },
  error: {
    requestId: "Request id:",
    retry: "Retry",
    retrying: "Retrying…",
    dismiss: "Dismiss",
  },
  loading: "Loading",
  table: {
    scrollable: "{label} (scrollable)",
    unnamed: "Table (scrollable)",
  },
  pages: {
    label: "Pages",
    previous: "Previous",
    next: "Next",
    rowsPerPage: "Rows per page",
    perPage: "{size} per page",
  },
  toasts: {
    label: "Notifications",
    close: "Close toast",
  },
};
