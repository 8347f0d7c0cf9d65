"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { ConnectionDto, ConnectionTestResultDto } from "@/lib/api/connections";

export interface TestResultProps {
  connection: ConnectionDto;
  result: ConnectionTestResultDto;
  pinning: boolean;
  onPin: (fingerprint256: string) => void;
}

/**
 * What a test found: success with its latency, or the failure in words; and the certificate the server
 * presented, with a one-click pin when the connection does not pin it already.
 */
export function TestResult({ connection, result, pinning, onPin }: TestResultProps) {
  const { certificate } = result;
  const tls = connection.settings?.tls;
  const alreadyPinned = tls?.mode === "pin" && tls.fingerprint256 === certificate?.fingerprint256;
  return (
    <div className="space-y-3 text-sm" data-testid="test-result" data-outcome={result.outcome}>
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={result.ok ? "good" : "bad"}>
          {result.ok ? "connected" : result.outcome.replaceAll("_", " ")}
        </Badge>
        <span className="text-slate-600 dark:text-slate-400" data-testid="test-latency">
          {result.latencyMs} ms
        </span>
      </div>
      <p role={result.ok ? "status" : "alert"} className="[overflow-wrap:anywhere]">
        {result.message}
      </p>
      {result.detail && <p className="text-slate-600 dark:text-slate-400">{result.detail}</p>}
      {certificate && (
        <div className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-700">
          <p className="font-medium">
            Server certificate{" "}
            <Badge tone={certificate.trusted ? "good" : "warn"}>
              {certificate.trusted ? "trusted" : certificate.selfSigned ? "self-signed" : "not trusted"}
            </Badge>
          </p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
            <dt className="text-slate-600 dark:text-slate-400">SHA-256</dt>
            <dd>
              <code className="break-all" data-testid="certificate-fingerprint">
                {certificate.fingerprint256}
              </code>
            </dd>
            <dt className="text-slate-600 dark:text-slate-400">Subject</dt>
            <dd className="break-all">{certificate.subject || "—"}</dd>
            <dt className="text-slate-600 dark:text-slate-400">Issuer</dt>
            <dd className="break-all">{certificate.issuer || "—"}</dd>
            <dt className="text-slate-600 dark:text-slate-400">Valid</dt>
            <dd>
              {certificate.validFrom} – {certificate.validTo}
            </dd>
          </dl>
          {alreadyPinned ? (
            <p className="text-xs text-slate-600 dark:text-slate-400">
              This connection pins this certificate.
            </p>
          ) : connection.source === "file" ? (
            <p className="text-xs text-slate-600 dark:text-slate-400">
              This connection is managed by the connections file. To pin this certificate, set{" "}
              <code className="break-all">
                {`"tls": {"mode": "pin", "fingerprint256": "${certificate.fingerprint256}"}`}
              </code>{" "}
              there and restart the console.
            </p>
          ) : (
            <div className="space-y-1">
              <p className="text-xs text-slate-600 dark:text-slate-400">
                Compare the fingerprint with the one the appliance shows in its own settings before pinning
                it.
              </p>
              <Button size="sm" disabled={pinning} onClick={() => onPin(certificate.fingerprint256)}>
                {pinning ? "Pinning…" : "Pin this certificate"}
              </Button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
