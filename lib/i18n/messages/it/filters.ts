import type { Messages } from "../catalog";

export const filters: Messages["filters"] = {
  apply: "Applica filtri",
  clear: "Azzera",
  more: "Altri filtri",
  moreActive: "Altri filtri ({count, plural, one {# attivo} other {# attivi}})",
  fewer: "Meno filtri",
  active: "Filtri attivi",
  chip: "{name}: {value}",
  remove: "Rimuovi il filtro {filter}",
  removeAll: "Rimuovi tutti i filtri",
};
