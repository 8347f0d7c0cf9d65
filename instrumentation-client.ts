import { config } from "zod/v4/core";

// Runs in the browser before the app's modules. zod probes whether it may compile parsers with
// `new Function`; under the page's Content-Security-Policy (no 'unsafe-eval') the probe fails quietly but the
// browser still reports a violation. Telling zod up front to stay interpreted skips the probe.
config({ jitless: true });
