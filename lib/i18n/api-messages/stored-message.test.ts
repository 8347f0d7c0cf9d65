import { describe, expect, it } from "vitest";
import { localize } from "./localize";
import { restoredMessage, storedMessage } from "./stored-message";
import { figure, quoted, text } from "./text";

describe("a message kept in the database", () => {
  it("comes back as the same message, read in either language", () => {
    const message = text`Failed at ${text`the change itself`}: ${quoted("Kerio said no")} ${text`Nothing was changed.`}`;
    const restored = restoredMessage(JSON.parse(JSON.stringify(storedMessage(message))));
    expect(restored).not.toBeNull();
    if (!restored) return;
    expect(String(restored)).toBe(String(message));
    expect(localize(restored, "it")).toBe(
      "Errore durante la modifica stessa: Kerio said no Non è stato modificato nulla.",
    );
  });

  it("keeps a figure a figure, so it is written with the reader's decimal mark", () => {
    const message = text`${"Kiwire"} answered and accepted the credentials in ${figure(12345.5)} ms.`;
    const restored = restoredMessage(JSON.parse(JSON.stringify(storedMessage(message))));
    expect(restored && localize(restored, "it")).toBe(
      "Kiwire ha risposto e accettato le credenziali in 12.345,5 ms.",
    );
  });

  it("reads nothing it cannot trust, so the caller falls back to the English column", () => {
    for (const stored of [
      null,
      "text",
      42,
      [],
      {},
      { template: 1, values: [] },
      { template: "x", values: [{}] },
    ])
      expect(restoredMessage(stored), JSON.stringify(stored)).toBeNull();
    expect(restoredMessage({ words: { it: "solo italiano" } })).toBeNull();
  });
});
