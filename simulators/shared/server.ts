import { X509Certificate } from "node:crypto";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { generate } from "selfsigned";
import { type ConnectionLimit, limitConnections } from "./connection-limit";
import type { Handler } from "./faults";

export interface ListenOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Serve HTTPS with a self-signed certificate generated at start, as appliances usually do. */
  https?: boolean;
  /** How many requests it serves at once, and what it does past that (see connection-limit.ts); none by default. */
  connectionLimit?: ConnectionLimit;
}

export interface TlsIdentity {
  certPem: string;
  /** SHA-256 fingerprint as colon-separated upper-case hex, the form the console pins. */
  fingerprint256: string;
}

export interface Listening {
  baseUrl: string;
  port: number;
  tls: TlsIdentity | null;
  close(): Promise<void>;
}

export async function listen(handler: Handler, options: ListenOptions = {}): Promise<Listening> {
  const host = options.host ?? "127.0.0.1";
  const onRequest: Handler = async (req, res) => {
    try {
      await handler(req, res);
    } catch (error) {
      // A simulator bug must show up loudly in tests, but never take the process down mid-suite.
      console.error("[simulator] unhandled error", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("simulator error");
    }
  };
  let server: Server;
  let tls: TlsIdentity | null = null;
  if (options.https) {
    const pems = await generate([{ name: "commonName", value: host }], {
      keySize: 2048,
      extensions: [
        {
          name: "subjectAltName",
          altNames: [
            { type: 7, ip: host },
            { type: 2, value: "localhost" },
          ],
        },
      ],
    });
    tls = { certPem: pems.cert, fingerprint256: new X509Certificate(pems.cert).fingerprint256 };
    server = createHttpsServer({ key: pems.private, cert: pems.cert });
  } else {
    server = createHttpServer();
  }
  server.on("request", limitConnections(server, onRequest, options.connectionLimit));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `${options.https ? "https" : "http"}://${host}:${port}`,
    port,
    tls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
