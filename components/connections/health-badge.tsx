import { Badge } from "@/components/ui/badge";
import type { HealthDto } from "@/lib/api/connections";
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

/** Shown wherever an insecure connection appears: nothing checks who answers for it. */
export function InsecureBadge() {
  return (
    <span title="TLS verification is switched off for this connection: anyone in between can read and change its traffic.">
      <Badge tone="warn">insecure TLS</Badge>
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
