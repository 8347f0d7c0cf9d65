import { describe, expect, it } from "vitest";
import { cookieHeader, loginRequest } from "./session";

describe("Kerio session", () => {
  it("builds the login envelope exactly like the documented request (kerio-notes §1.3, §8 vector 1)", () => {
    const documented =
      '{"jsonrpc":"2.0","id":1,"method":"Session.login","params":{"userName":"u","password":"p","application":{"name":"","vendor":"","version":""}}}';
    expect(
      JSON.stringify(
        loginRequest(1, { username: "u", password: "p" }, { name: "", vendor: "", version: "" }),
      ),
    ).toBe(documented);
    expect(loginRequest(1, { username: "Admin", password: "p" }).params.application.name).toBe(
      "Operator Console",
    );
  });

  it("keeps every cookie of the login answer, not only the first (§1.4 pitfall)", () => {
    expect(
      cookieHeader([
        "SESSION_CONTROL_WEBADMIN=0a1b; Path=/; Secure; HttpOnly",
        "TOKEN_CONTROL_WEBADMIN=08b695cd; Path=/; Secure",
      ]),
    ).toBe("SESSION_CONTROL_WEBADMIN=0a1b; TOKEN_CONTROL_WEBADMIN=08b695cd");
    expect(cookieHeader("sekret")).toBe("");
    expect(cookieHeader(undefined)).toBe("");
    expect(cookieHeader(["A=1", "A=; Max-Age=0", "B=2"])).toBe("B=2");
  });
});
