import type { Messages } from "../catalog";

export const filters: Messages["filters"] = {
  more: "Altri filtri",
  moreActive: "Altri filtri ({count, plural, one {# attivo} other {# attivi}})",
  fewer: "Meno filtri",
  active: "Filtri attivi",
  remove: "Rimuovi il filtro {filter}",
  removeAll: "Rimuovi tutti i filtri",
};
