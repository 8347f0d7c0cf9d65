import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningKayakoSimulator, startKayakoSimulator } from "./simulator";
import { kayakoGet, kayakoSend, list, parseXml, text } from "./test-client";

describe("user search", () => {
  let sim: RunningKayakoSimulator;

  beforeAll(async () => {
    sim = await startKayakoSimulator({ tickets: 10, users: 120, staff: 4, organizations: 10, seed: 7 });
  });
  afterAll(() => sim.close());

  const search = async (fields: Record<string, string>) => {
    const res = await kayakoSend(sim, "POST", "/Base/UserSearch", fields);
    expect(res.status).toBe(200);
    return list(parseXml(res.body).users, "user");
  };
  const withEmail = () => sim.store.users.filter((u) => u.emails.length > 0);

  it("finds users by full name", async () => {
    const target = withEmail()[3];
    const lastName = target?.fullName.split(" ").slice(1).join(" ") ?? "";
    const found = await search({ query: lastName, phrase: "1" });
    expect(found.map((u) => text(u, "id"))).toContain(String(target?.id));
    // With phrase=1 every word must sit in one and the same searched field.
    const words = lastName.toLowerCase().split(" ");
    for (const node of found) {
      const user = sim.store.user(Number(text(node, "id")));
      const fields = [
        user?.fullName ?? "",
        user?.phone ?? "",
        ...(user?.emails ?? []),
        sim.store.organization(user?.organizationId ?? 0)?.name ?? "",
      ];
      expect(fields.some((field) => words.every((w) => field.toLowerCase().includes(w)))).toBe(true);
    }
  });

  it("finds users by e-mail address", async () => {
    const target = withEmail()[10];
    const found = await search({ query: target?.emails[0] ?? "" });
    expect(found.map((u) => text(u, "id"))).toEqual([String(target?.id)]);
    expect(list(found[0], "email").map(String)).toEqual(target?.emails);
  });

  it("finds users by organisation name", async () => {
    const organization = sim.store.organizations.find((o) =>
      withEmail().some((u) => u.organizationId === o.id),
    );
    const found = await search({ query: organization?.name ?? "", phrase: "1" });
    const members = withEmail()
      .filter((u) => u.organizationId === organization?.id)
      .map((u) => String(u.id));
    expect(members.length).toBeGreaterThan(0);
    for (const id of members) expect(found.map((u) => text(u, "id"))).toContain(id);
  });

  it("never returns a user without an e-mail address, even on a name match", async () => {
    const noEmail = sim.store.users.find((u) => u.emails.length === 0);
    expect(noEmail).toBeDefined();
    const found = await search({ query: noEmail?.fullName ?? "", phrase: "1" });
    expect(found.map((u) => text(u, "id"))).not.toContain(String(noEmail?.id));
  });

  it("ORs the words by default and ANDs them with phrase=1", async () => {
    const first = (name: string | undefined) => name?.split(" ")[0] ?? "";
    const a = withEmail()[0];
    const b = withEmail().find((u) => first(u.fullName) !== first(a?.fullName));
    const firstA = first(a?.fullName);
    const firstB = first(b?.fullName);
    const either = (await search({ query: `${firstA} ${firstB}` })).map((u) => text(u, "id"));
    expect(either).toEqual(expect.arrayContaining([String(a?.id), String(b?.id)]));
    const both = await search({ query: `${firstA} ${firstB}`, phrase: "1" });
    expect(both.length).toBeLessThan(either.length);
  });

  it("refuses an empty query with 400 'Query should not be empty'", async () => {
    const res = await kayakoSend(sim, "POST", "/Base/UserSearch", { query: "" });
    expect(res).toMatchObject({ status: 400, body: "Query should not be empty" });
    expect((await kayakoGet(sim, "/Base/UserSearch")).body).toBe(
      "Not Implemented, Call POST /Base/UserSearch instead.",
    );
  });
});
