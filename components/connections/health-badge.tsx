"use client";

import { useFormats, useTranslations } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import type { HealthDto } from "@/lib/api/connections";
import type { InsecureReason } from "@/lib/connection-kinds";

const HEALTH_TONES = { ok: "good", failing: "bad", unknown: "neutral" } as const;

export function HealthBadge({ health }: { health: HealthDto }) {
  const t = useTranslations("connections");
  return (
    <span data-testid="health-state" data-state={health.state}>
      <Badge tone={HEALTH_TONES[health.state]}>{t(`health.${health.state}`)}</Badge>
    </span>
  );
}

/** Shown wherever an insecure connection appears: nothing checks who answers for it. */
export function InsecureBadge({ reason }: { reason: InsecureReason }) {
  const t = useTranslations("connections");
  return (
    <span title={t(`health.insecure.${reason}.title`)}>
      <Badge tone="warn">{t(`health.insecure.${reason}.label`)}</Badge>
    </span>
  );
}

/** A Kiwire or KalliopePBX connection saved before its zone was required: it runs on UTC until one is set. */
export function TimeZoneMissingBadge() {
  const t = useTranslations("connections");
  return (
    <span title={t("health.timeZoneMissingTitle")}>
      <Badge tone="warn">{t("health.timeZoneMissing")}</Badge>
    </span>
  );
}

export function HealthDetails({ health }: { health: HealthDto }) {
  const t = useTranslations("connections");
  const f = useFormats();
  if (health.state === "unknown") {
    return <p className="text-xs text-slate-600 dark:text-slate-400">{t("health.checkedSoon")}</p>;
  }
  return (
    <div className="space-y-0.5 text-xs text-slate-600 dark:text-slate-400">
      <p>
        {f.dateTime(health.checkedAt)}
        {health.latencyMs !== null && t("health.latency", { ms: health.latencyMs })}
      </p>
      {health.state === "failing" && health.message && (
        <p className="max-w-md text-red-800 [overflow-wrap:anywhere] dark:text-red-300">{health.message}</p>
      )}
    </div>
  );
}
