import { describe, expect, it } from "vitest";
import { localize } from "@/lib/i18n/api-messages/localize";
import { quoted } from "@/lib/i18n/api-messages/text";
import { notFound } from "@/lib/server/errors/api-error";
import { VendorError } from "@/lib/server/errors/vendor-error";
import { runSources, type SearchSource } from "./fan-out";

const source = (connectionId: string, run: SearchSource["run"]): SearchSource => ({
  kind: "extension",
  connectionId,
  connectionName: `PBX ${connectionId}`,
  searched: "extension numbers containing 20",
  run,
});
const item = (id: string) => ({ kind: "extension" as const, id, label: id, detail: "" });
const never = () => new Promise<never>(() => {});

describe("the search fan-out", () => {
  it("answers every source, a failing and a slow one beside the ones that found items", async () => {
    const started = Date.now();
    const answer = await runSources(
      [
        source("down", () =>
          Promise.reject(
            new VendorError("unreachable", quoted("Kerio Operator at pbx:4021 refused the connection.")),
          ),
        ),
        source("slow", never),
        source("up", async () => [item("205"), item("2050")]),
      ],
      50,
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(
      answer.map(({ connectionId, status, items }) => ({ connectionId, status, count: items.length })),
    ).toEqual([
      { connectionId: "down", status: "failed", count: 0 },
      { connectionId: "slow", status: "timeout", count: 0 },
      { connectionId: "up", status: "ok", count: 2 },
    ]);
    expect(String(answer[0]?.message)).toBe("Kerio Operator at pbx:4021 refused the connection.");
    const slow = answer[1]?.message;
    expect(String(slow)).toMatch(/PBX slow did not answer within 0.05 s/);
    // Read in the person's language, the seconds with their decimal mark.
    expect(slow && localize(slow, "it")).toMatch(/PBX slow non ha risposto entro 0,05 s/);
    expect(answer[2]?.searched).toBe("extension numbers containing 20");
  });

  it("takes not found for an empty answer, not a failure", async () => {
    const [answer] = await runSources([
      source("help", () => Promise.reject(notFound(quoted("Kayako has no ticket 42.")))),
    ]);
    expect(answer).toMatchObject({ status: "ok", items: [] });
    expect(answer?.message).toBeUndefined();
  });

  it("never shows an unexpected error's own words (they may carry anything)", async () => {
    const [answer] = await runSources([
      source("odd", () => {
        throw new Error("password=hunter2 in a stack");
      }),
    ]);
    expect(answer?.status).toBe("failed");
    expect(String(answer?.message)).not.toContain("hunter2");
    expect(String(answer?.message)).toMatch(/failed unexpectedly/);
  });

  it("catches a source that fails after its time is up", async () => {
    let fail: (error: Error) => void = () => {};
    const late = new Promise<never>((_, reject) => {
      fail = reject;
    });
    const [answer] = await runSources([source("late", () => late)], 10);
    expect(answer?.status).toBe("timeout");
    fail(new Error("too late"));
    // An unhandled rejection would fail the test run; give it the turn it needs to surface.
    await new Promise((resolve) => setTimeout(resolve, 10));
  });
});
