import type { Messages } from "../catalog";

export const charts: Messages["charts"] = {
  showTable: "Mostra come tabella",
  showChart: "Mostra come grafico",
  total: "Totale",
  legend: "Legenda",
  barHint: "Punta una barra o selezionala (Tab) per leggerne i valori.",
  bar: "{title}: {total}",
  barWithParts: "{title}: {total} ({parts})",
  sparkline: "{title} ({unit}): {values}",
};
