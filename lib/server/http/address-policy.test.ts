import { describe, expect, it } from "vitest";
import { addressRefusal, classifyAddress } from "./address-policy";

const strict = { allowLoopback: false };
const demo = { allowLoopback: true };

describe("address policy", () => {
  it.each([
    ["169.254.169.254", "metadata"],
    ["[fd00:ec2::254]", "metadata"],
    ["fd00:ec2:0::254", "metadata"],
    ["100.100.100.200", "metadata"],
    ["metadata.google.internal", "metadata"],
    ["METADATA.GOOGLE.INTERNAL.", "metadata"],
    ["metadata.azure.internal", "metadata"],
    ["169.254.0.1", "link-local"],
    ["169.254.255.255", "link-local"],
    ["[fe80::1]", "link-local"],
    ["febf:ffff::1", "link-local"],
    ["::ffff:169.254.1.1", "link-local"],
    ["[::ffff:a9fe:a9fe]", "metadata"],
    ["127.0.0.1", "loopback"],
    ["127.8.9.10", "loopback"],
    ["[::1]", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["[::ffff:7f00:1]", "loopback"],
    ["localhost", "loopback"],
    ["pbx.localhost", "loopback"],
    ["0.0.0.0", "unspecified"],
    ["::", "unspecified"],
  ])("classifies %s as %s", (host, kind) => {
    expect(classifyAddress(host)).toBe(kind);
  });

  it.each([
    "10.0.0.5",
    "192.168.1.1",
    "169.253.255.255",
    "169.255.0.1",
    "pbx.example.com",
    "metadata.example.com",
    "[fec0::1]",
    "[fd00:ec2::255]",
    "[2001:db8::1]",
  ])("lets %s through", (host) => {
    expect(classifyAddress(host)).toBeNull();
    expect(addressRefusal(host, strict)).toBeNull();
  });

  it("refuses link-local and metadata addresses whatever the deployment allows", () => {
    expect(String(addressRefusal("169.254.169.254", demo))).toContain("cloud metadata service");
    expect(String(addressRefusal("[fe80::1]", demo))).toContain("link-local");
  });

  it("refuses loopback unless the deployment allows it, and says how", () => {
    expect(String(addressRefusal("127.0.0.1", strict))).toContain("ALLOW_LOOPBACK_CONNECTIONS=1");
    expect(String(addressRefusal("[::1]", strict))).toContain("::1 is this machine itself");
    expect(String(addressRefusal("localhost", strict))).toContain("loopback");
    expect(String(addressRefusal("0.0.0.0", strict))).toContain("loopback");
    expect(addressRefusal("127.0.0.1", demo)).toBeNull();
    expect(addressRefusal("localhost", demo)).toBeNull();
  });
});
