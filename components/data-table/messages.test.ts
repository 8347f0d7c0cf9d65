import { describe, expect, it } from "vitest";
import { CATALOGS } from "@/lib/i18n/messages/catalogs";
import { translatorFor } from "@/lib/i18n/translator";

/**
 * The table's sentences as people read them. The English ones are the words the Playwright journeys look for,
 * so they must come out of the catalog exactly as the table used to build them; the Italian ones must not lean
 * on the gender of the view's noun.
 */
const english = translatorFor("en", CATALOGS.en, "dataTable");
const italian = translatorFor("it", CATALOGS.it, "dataTable");
const extension = { one: "extension", other: "extensions" };
const interno = { one: "interno", other: "interni" };

describe("the data table's English", () => {
  const counted = (count: number) => english("counted", { count, ...extension });

  it("counts with the noun's plural and the number's separators", () => {
    expect(counted(1)).toBe("1 extension");
    expect(counted(2000)).toBe("2,000 extensions");
    expect(english("countSummary", { counted: counted(47), page: 1, pages: 2 })).toBe(
      "47 extensions · page 1 of 2",
    );
  });

  it("says what is selected and in which scope", () => {
    expect(english("selection.rows", { count: 25, offPage: 0 })).toBe("25 selected");
    expect(english("selection.rows", { count: 3, offPage: 2 })).toBe("3 selected (2 on other pages)");
    expect(english("selection.matching", { count: 47, one: "extension", excluded: 0 })).toBe(
      "47 selected (every extension matching the filter)",
    );
    expect(english("selection.matching", { count: 46, one: "extension", excluded: 1 })).toBe(
      "46 selected (every extension matching the filter but 1)",
    );
    expect(english("selection.selectMatching", { counted: counted(47) })).toBe(
      "Select all 47 extensions matching the filter",
    );
  });

  it("says how a delete went", () => {
    const outcome = (done: number, total: number, failed = 0, skipped = 0) =>
      english("bulk.delete.outcome", { done, counted: counted(total), failed, skipped });
    expect(outcome(3, 3)).toBe("3 of 3 extensions deleted.");
    expect(outcome(1, 1)).toBe("1 of 1 extension deleted.");
    expect(outcome(17, 20, 2, 1)).toBe("17 of 20 extensions deleted, 2 failed, 1 not attempted (cancelled).");
    expect(english("bulk.delete.progress", { finished: 4, counted: counted(20) })).toBe(
      "Deleting 4 of 20 extensions…",
    );
  });
});

describe("the data table's Italian", () => {
  const counted = (count: number) => italian("counted", { count, ...interno });

  it("writes numbers and plurals the Italian way", () => {
    expect(italian("countSummary", { counted: counted(20000), page: 3, pages: 400 })).toBe(
      "20.000 interni · pagina 3 di 400",
    );
    expect(italian("selection.rows", { count: 1, offPage: 0 })).toBe("1 riga selezionata");
    expect(italian("selection.matching", { count: 46, one: "interno", excluded: 1 })).toBe(
      "46 righe selezionate (ogni interno corrispondente al filtro tranne 1)",
    );
    expect(italian("bulk.delete.outcome", { done: 18, counted: counted(20), failed: 1, skipped: 1 })).toBe(
      "Eliminazione riuscita per 18 di 20 interni, 1 non riuscita, 1 non tentata (annullata).",
    );
  });
});
