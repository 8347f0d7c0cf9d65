import { describe, expect, it } from "vitest";
import { kiwireApiKey, kiwireLoginCode, md5 } from "./signing";

describe("Kiwire signing vectors", () => {
  it("computes the document's login code vector md5('hakim|admin')", () => {
    expect(kiwireLoginCode("hakim", "admin")).toBe("404ad50c254f12a606ae68d0338e86a9");
  });

  it("computes the notes' login code vector md5('apiuser|s3cret')", () => {
    expect(kiwireLoginCode("apiuser", "s3cret")).toBe("166ef15fdcca9c7158b86ccdb023d71d");
  });

  it("computes the notes' api_key vectors for both time spellings (D1)", () => {
    const key = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";
    const token = "80d588720c2203739ad643d405e63136";
    expect(kiwireApiKey(key, token, "20240131093005")).toBe("6c50e83f1260101f45079539c2eea4a7");
    expect(kiwireApiKey(key, token, "2024-01-31 09:30:05")).toBe("95bf1cc9bc25b6f9b1fbb352d3dfa9b7");
  });

  it("hashes UTF-8 bytes, lower-case hex (D13)", () => {
    // Python: hashlib.md5("é".encode("utf-8")); the Latin-1 digest would be 3406877694691ddd1dfb0aca54681407.
    expect(md5("é")).toBe("66ddcd97cfdeabb2f6fb8a999b4bc76f");
    expect(md5("abc")).toMatch(/^[0-9a-f]{32}$/);
    expect(md5("abc")).toBe("900150983cd24fb0d6963f7d28e17f72");
  });
});
