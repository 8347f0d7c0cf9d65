const dateTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** Dates are shown in UTC with the zone named, so two operators in different places read the same time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  return `${dateTime.format(new Date(iso))} UTC`;
}
