// Runs in the browser before the app's modules. zod probes whether it may compile parsers with
// `new Function`; under the page's Content-Security-Policy (no 'unsafe-eval') the probe fails quietly but the
// browser still reports a violation. `jitless` skips the probe. zod keeps its global configuration on
// `globalThis.__zod_globalConfig` (one object shared by every copy of zod on the page, created only if
// missing), so setting it here, instead of importing zod's `config()`, keeps zod out of pages that never use it.
const zodHolder = globalThis as typeof globalThis & { __zod_globalConfig?: { jitless?: boolean } };
zodHolder.__zod_globalConfig = { ...zodHolder.__zod_globalConfig, jitless: true };
