import { Badge } from "@/components/ui/badge";
import type { HealthDto } from "@/lib/api/connections";
import type { InsecureReason } from "@/lib/connection-kinds";
import { formatDateTime } from "@/lib/format";

const HEALTH = {
  ok: { tone: "good", label: "healthy" },
  failing: { tone: "bad", label: "failing" },
  unknown: { tone: "neutral", label: "not checked yet" },
} as const;

export function HealthBadge({ health }: { health: HealthDto }) {
  const { tone, label } = HEALTH[health.state];
  return (
    <span data-testid="health-state" data-state={health.state}>
      <Badge tone={tone}>{label}</Badge>
    </span>
  );
}

const INSECURE = {
  tls_unverified: {
    label: "insecure TLS",
    title:
      "TLS verification is switched off for this connection: anyone in between can read and change its traffic.",
  },
  plain_http: {
    label: "plain HTTP",
    title:
      "This connection uses http:// without TLS: its credentials and data cross the network unencrypted, and anyone in between can read and change them.",
  },
} as const satisfies Record<InsecureReason, { label: string; title: string }>;

/** Shown wherever an insecure connection appears: nothing checks who answers for it. */
export function InsecureBadge({ reason }: { reason: InsecureReason }) {
  const { label, title } = INSECURE[reason];
  return (
    <span title={title}>
      <Badge tone="warn">{label}</Badge>
    </span>
  );
}

/** A Kiwire or KalliopePBX connection saved before its zone was required: it runs on UTC until one is set. */
export function TimeZoneMissingBadge() {
  return (
    <span title="Saved before the appliance's time zone was required: the console uses UTC until you set it (Edit).">
      <Badge tone="warn">time zone not set</Badge>
    </span>
  );
}

export function HealthDetails({ health }: { health: HealthDto }) {
  if (health.state === "unknown") {
    return (
      <p className="text-xs text-slate-600 dark:text-slate-400">Checked in the background within a minute.</p>
    );
  }
  return (
    <div className="space-y-0.5 text-xs text-slate-600 dark:text-slate-400">
      <p>
        {formatDateTime(health.checkedAt)}
        {health.latencyMs !== null && ` · ${health.latencyMs} ms`}
      </p>
      {health.state === "failing" && health.message && (
        <p className="max-w-md text-red-800 [overflow-wrap:anywhere] dark:text-red-300">{health.message}</p>
      )}
    </div>
  );
}
