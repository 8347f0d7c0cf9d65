import autocannon, { type Request as CannonRequest, type Result } from "autocannon";
import type { Endpoint } from "./mix";
import type { Credential, CredentialPools } from "./operators";

/**
 * Drives every endpoint of the mix at once, one autocannon instance each with its share of the connections,
 * so each endpoint has its own throughput and latency while all of them load the console together. Every
 * response time is also kept, for percentiles over the whole mix and over reads and writes apart.
 */

export interface EndpointResult {
  endpoint: Endpoint;
  connections: number;
  result: Result;
  latenciesMs: number[];
}

interface LoopWithCredential {
  credential?: Credential;
}

/** Each loop over an endpoint's requests is one person's: the first request picks the next credential. */
function withCredentials(endpoint: Endpoint, pools: CredentialPools): CannonRequest[] {
  return endpoint.requests.map((request, index) => ({
    ...request,
    setupRequest: (built: CannonRequest, context: object) => {
      const loop = context as LoopWithCredential;
      if (index === 0 || !loop.credential) loop.credential = pools.next(endpoint.credentials);
      const prepared = typeof request.setupRequest === "function" ? request.setupRequest(built, loop) : built;
      return { ...prepared, headers: { ...prepared.headers, ...loop.credential } };
    },
  }));
}

export async function runMix(options: {
  baseUrl: string;
  endpoints: Endpoint[];
  connections: number[];
  durationSeconds: number;
  pools: CredentialPools;
}): Promise<EndpointResult[]> {
  const runs = options.endpoints.map(async (endpoint, index) => {
    const latenciesMs: number[] = [];
    const result = await autocannon({
      url: options.baseUrl,
      title: endpoint.name,
      connections: options.connections[index]!,
      duration: options.durationSeconds,
      timeout: 10,
      connectionRate: endpoint.ratePerConnection,
      requests: withCredentials(endpoint, options.pools),
      // Every response's time, whatever its status (autocannon's own histogram keeps only the 2xx ones).
      setupClient: (client) => {
        client.on("response", (_status, _bytes, responseTimeMs) => latenciesMs.push(responseTimeMs));
      },
    });
    return { endpoint, connections: options.connections[index]!, result, latenciesMs };
  });
  return Promise.all(runs);
}
