import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeJsonSyntaxError, findJsonSyntaxError } from "./json-syntax";

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe("findJsonSyntaxError", () => {
  it("finds an error exactly when JSON.parse does, for JSON, cut JSON, spliced JSON and any text", () => {
    const spliced = fc.tuple(fc.json(), fc.nat(), fc.string({ maxLength: 2 })).map(([json, at, extra]) => {
      const cut = at % (json.length + 1);
      return json.slice(0, cut) + extra + json.slice(cut);
    });
    const truncated = fc.json().map((json) => json.slice(0, -1));
    fc.assert(
      fc.property(fc.oneof(fc.json(), truncated, spliced, fc.string()), (text) => {
        expect(findJsonSyntaxError(text) === null).toBe(parses(text));
      }),
      { numRuns: 1000, seed: 17 },
    );
  });

  it("points at the first character that cannot continue the text, by line and column", () => {
    expect(findJsonSyntaxError('{\n  "password": hunter2\n}')).toEqual({
      offset: 16,
      line: 2,
      column: 15,
      endedEarly: false,
    });
    expect(findJsonSyntaxError("[1,2,,]")).toMatchObject({ offset: 5, line: 1, column: 6 });
    expect(findJsonSyntaxError('{"a":1}x')).toMatchObject({ offset: 7 });
    expect(findJsonSyntaxError('{"x": tru}')).toMatchObject({ offset: 9 });
    expect(findJsonSyntaxError('"tab\there"')).toMatchObject({ offset: 4 });
    expect(findJsonSyntaxError('"\\x"')).toMatchObject({ offset: 2 });
    expect(findJsonSyntaxError('{"a": [1, {"b": 2}')).toEqual({
      offset: 18,
      line: 1,
      column: 19,
      endedEarly: true,
    });
  });

  it("walks deep nesting without recursion", () => {
    expect(findJsonSyntaxError(`${"[".repeat(200_000)}x`)).toMatchObject({ offset: 200_000 });
  });
});

describe("describeJsonSyntaxError", () => {
  it("says where, never what: the text of the body is not in the message", () => {
    const body = '{"name": "ops", "password": s3cret-value}';
    const message = describeJsonSyntaxError(body);
    expect(message).toBe("not valid JSON: unexpected character at line 1, column 29 (character 29)");
    expect(message).not.toContain("s3cret");
    expect(describeJsonSyntaxError('{"token": "oc_abc')).toBe(
      "not valid JSON: it ends before the JSON is complete, at line 1, column 18 (character 18)",
    );
  });
});
