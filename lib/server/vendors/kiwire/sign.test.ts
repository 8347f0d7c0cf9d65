import { describe, expect, it } from "vitest";
import { kiwireApiKey, kiwireLoginCode, kiwireTime } from "./sign";

describe("Kiwire signing", () => {
  it("builds the login code as the vendor document's example does", () => {
    // kiwire-2-api.txt: username hakim, password admin → md5("hakim|admin").
    expect(kiwireLoginCode("hakim", "admin")).toBe("404ad50c254f12a606ae68d0338e86a9");
    // kiwire-notes §5 test vectors.
    expect(kiwireLoginCode("apiuser", "s3cret")).toBe("166ef15fdcca9c7158b86ccdb023d71d");
  });

  it("signs api_key = md5(key + token + time) with the time exactly as sent (notes D1 regression)", () => {
    const key = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";
    const token = "80d588720c2203739ad643d405e63136";
    expect(kiwireApiKey(key, token, "20240131093005")).toBe("6c50e83f1260101f45079539c2eea4a7");
    expect(kiwireApiKey(key, token, "2024-01-31 09:30:05")).toBe("95bf1cc9bc25b6f9b1fbb352d3dfa9b7");
  });

  it("writes the signed time in the appliance's zone, in either spelling", () => {
    const at = Date.UTC(2024, 0, 31, 1, 30, 5);
    expect(kiwireTime(at, "UTC", "YmdHis")).toBe("20240131013005");
    expect(kiwireTime(at, "Asia/Kuala_Lumpur", "YmdHis")).toBe("20240131093005");
    expect(kiwireTime(at, "Asia/Kuala_Lumpur", "Y-m-d H:i:s")).toBe("2024-01-31 09:30:05");
    // Midnight is 00, not 24 (hourCycle h23).
    expect(kiwireTime(Date.UTC(2024, 0, 31, 16, 0, 0), "Asia/Kuala_Lumpur", "YmdHis")).toBe("20240201000000");
  });
});
