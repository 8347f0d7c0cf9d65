"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import {
  type ClockComparisonDto,
  type ConnectionDto,
  type ConnectionTestResultDto,
  type UpdateConnectionInput,
  UpdateConnectionSchema,
} from "@/lib/api/connections";
import { submitWith } from "@/lib/client/form-submit";
import { useFieldErrors, validateInput } from "@/lib/client/validate-input";
import { SECRET_FIELDS, type SecretField } from "@/lib/connection-kinds";

export interface TestResultProps {
  connection: ConnectionDto;
  result: ConnectionTestResultDto;
  pinning: boolean;
  /**
   * Pinning changes whom the console trusts: the server takes it only with the connection's secrets again,
   * so the change is the whole update (kind, the pinned TLS and the secrets), already checked.
   */
  onPin: (change: UpdateConnectionInput) => void;
}

const SECRET_LABELS: Record<SecretField, string> = {
  password: "Password",
  apiKey: "API key",
  secretKey: "Secret key",
};

const utc = (iso: string) => `${iso.replace("T", " ").replace(/\.\d+Z$|Z$/, "")} UTC`;

function skewText(seconds: number): string {
  if (seconds === 0) return "the clocks agree";
  const size =
    Math.abs(seconds) < 120 ? `${Math.abs(seconds)} s` : `${Math.round(Math.abs(seconds) / 60)} min`;
  return `the appliance is ${size} ${seconds > 0 ? "ahead" : "behind"}`;
}

/** Both clocks, the appliance's in its own zone too, and what a difference breaks. */
function ClockComparison({ clock }: { clock: ClockComparisonDto }) {
  return (
    <div
      className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-700"
      data-testid="clock"
    >
      <p className="font-medium">Clocks</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
        <dt className="text-slate-600 dark:text-slate-400">Appliance</dt>
        <dd data-testid="clock-appliance">
          {utc(clock.applianceTime)} · {clock.applianceWallClock} {clock.timeZone ?? "(no zone set: UTC)"}
        </dd>
        <dt className="text-slate-600 dark:text-slate-400">Console</dt>
        <dd data-testid="clock-console">{utc(clock.consoleTime)}</dd>
        <dt className="text-slate-600 dark:text-slate-400">Difference</dt>
        <dd data-testid="clock-skew">{skewText(clock.skewSeconds)}</dd>
      </dl>
      {clock.problem && (
        <p
          role="note"
          data-testid="clock-problem"
          className="rounded-md bg-amber-50 p-2 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200"
        >
          {clock.problem}
        </p>
      )}
    </div>
  );
}

function PinForm({
  connection,
  fingerprint256,
  pinning,
  onPin,
}: {
  connection: ConnectionDto;
  fingerprint256: string;
  pinning: boolean;
  onPin: (change: UpdateConnectionInput) => void;
}) {
  const fields = SECRET_FIELDS[connection.kind];
  const { formRef, fieldErrors: errors, setFieldErrors: setErrors } = useFieldErrors();
  const submit = submitWith((form) => {
    // Secrets as typed (a space may be part of one).
    const secrets = Object.fromEntries(fields.map((field) => [field, String(form.get(field) ?? "")]));
    const checked = validateInput(UpdateConnectionSchema, {
      kind: connection.kind,
      tls: { mode: "pin", fingerprint256 },
      ...secrets,
    });
    if (!checked.ok) {
      setErrors(checked.fieldErrors);
      return;
    }
    setErrors({});
    onPin(checked.data);
  });
  return (
    <form ref={formRef} aria-label="Pin the certificate" className="space-y-2" onSubmit={submit} noValidate>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Compare the fingerprint with the one the appliance shows in its own settings before pinning it.
        Pinning changes whom the console trusts with this connection's secrets, so enter them again.
      </p>
      {fields.map((field) => (
        <TextField
          key={field}
          label={`${SECRET_LABELS[field]} (again)`}
          name={field}
          type="password"
          autoComplete="off"
          required
          error={errors[field]}
        />
      ))}
      <Button size="sm" type="submit" disabled={pinning}>
        {pinning ? "Pinning…" : "Pin this certificate"}
      </Button>
    </form>
  );
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
      {result.clock && <ClockComparison clock={result.clock} />}
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
            <PinForm
              connection={connection}
              fingerprint256={certificate.fingerprint256}
              pinning={pinning}
              onPin={onPin}
            />
          )}
        </div>
      )}
    </div>
  );
}
