"use client";

import { useTranslations } from "@/components/i18n/i18n-provider";
import { messageParts } from "@/components/i18n/message-parts";
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
import { SECRET_FIELDS } from "@/lib/connection-kinds";
import type { Translate } from "@/lib/i18n/translator";

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

/**
 * Both clocks to the second, in one fixed notation: a skew is read by comparing them digit by digit, which a
 * localised date (minutes only) would hide.
 */
const utc = (iso: string) => `${iso.replace("T", " ").replace(/\.\d+Z$|Z$/, "")} UTC`;

function skewText(seconds: number, t: Translate<"connections">): string {
  if (seconds === 0) return t("test.clocksAgree");
  const apart = Math.abs(seconds);
  const size =
    apart < 120 ? t("test.seconds", { count: apart }) : t("test.minutes", { count: Math.round(apart / 60) });
  return seconds > 0 ? t("test.ahead", { size }) : t("test.behind", { size });
}

/** Both clocks, the appliance's in its own zone too, and what a difference breaks. */
function ClockComparison({ clock }: { clock: ClockComparisonDto }) {
  const t = useTranslations("connections");
  return (
    <div
      className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-700"
      data-testid="clock"
    >
      <p className="font-medium">{t("test.clocks")}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
        <dt className="text-slate-600 dark:text-slate-400">{t("test.appliance")}</dt>
        <dd data-testid="clock-appliance">
          {utc(clock.applianceTime)} · {clock.applianceWallClock} {clock.timeZone ?? t("test.noZone")}
        </dd>
        <dt className="text-slate-600 dark:text-slate-400">{t("test.console")}</dt>
        <dd data-testid="clock-console">{utc(clock.consoleTime)}</dd>
        <dt className="text-slate-600 dark:text-slate-400">{t("test.difference")}</dt>
        <dd data-testid="clock-skew">{skewText(clock.skewSeconds, t)}</dd>
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
  const t = useTranslations("connections");
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
    <form ref={formRef} aria-label={t("test.pinForm")} className="space-y-2" onSubmit={submit} noValidate>
      <p className="text-xs text-slate-600 dark:text-slate-400">{t("test.pinAdvice")}</p>
      {fields.map((field) => (
        <TextField
          key={field}
          label={t(`secrets.${field}.again`)}
          name={field}
          type="password"
          autoComplete="off"
          required
          error={errors[field]}
        />
      ))}
      <Button size="sm" type="submit" disabled={pinning}>
        {pinning ? t("test.pinning") : t("test.pin")}
      </Button>
    </form>
  );
}

/**
 * What a test found: success with its latency, or the failure in words; and the certificate the server
 * presented, with a one-click pin when the connection does not pin it already.
 */
export function TestResult({ connection, result, pinning, onPin }: TestResultProps) {
  const t = useTranslations("connections");
  const { certificate } = result;
  const tls = connection.settings?.tls;
  const alreadyPinned = tls?.mode === "pin" && tls.fingerprint256 === certificate?.fingerprint256;
  return (
    <div className="space-y-3 text-sm" data-testid="test-result" data-outcome={result.outcome}>
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={result.ok ? "good" : "bad"}>
          {result.ok ? t("test.connected") : t(`test.outcomes.${result.outcome}`)}
        </Badge>
        <span className="text-slate-600 dark:text-slate-400" data-testid="test-latency">
          {t("test.latency", { ms: result.latencyMs })}
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
            {t("test.certificate")}{" "}
            <Badge tone={certificate.trusted ? "good" : "warn"}>
              {certificate.trusted
                ? t("test.trusted")
                : certificate.selfSigned
                  ? t("test.selfSigned")
                  : t("test.notTrusted")}
            </Badge>
          </p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
            <dt className="text-slate-600 dark:text-slate-400">{t("test.sha256")}</dt>
            <dd>
              <code className="break-all" data-testid="certificate-fingerprint">
                {certificate.fingerprint256}
              </code>
            </dd>
            <dt className="text-slate-600 dark:text-slate-400">{t("test.subject")}</dt>
            <dd className="break-all">{certificate.subject || "—"}</dd>
            <dt className="text-slate-600 dark:text-slate-400">{t("test.issuer")}</dt>
            <dd className="break-all">{certificate.issuer || "—"}</dd>
            <dt className="text-slate-600 dark:text-slate-400">{t("test.valid")}</dt>
            <dd>
              {certificate.validFrom} – {certificate.validTo}
            </dd>
          </dl>
          {alreadyPinned ? (
            <p className="text-xs text-slate-600 dark:text-slate-400">{t("test.alreadyPinned")}</p>
          ) : connection.source === "file" ? (
            <p className="text-xs text-slate-600 dark:text-slate-400">
              {messageParts(t("test.managedByFile"), {
                setting: (
                  <code className="break-all">
                    {`"tls": {"mode": "pin", "fingerprint256": "${certificate.fingerprint256}"}`}
                  </code>
                ),
              })}
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
