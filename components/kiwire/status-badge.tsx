import { Badge } from "@/components/ui/badge";
import type { AccountDto } from "@/lib/api/kiwire";

/** A voucher's or hotspot user's state, coloured by what it means for logging in. */
export function StatusBadge({ status }: { status: AccountDto["status"] }) {
  const tone =
    status === "active" ? "good" : status === "suspended" ? "warn" : status === "expired" ? "bad" : "neutral";
  return <Badge tone={tone}>{status}</Badge>;
}
