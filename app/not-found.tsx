import { StatusPage } from "@/components/shell/status-page";

export default function NotFound() {
  return (
    <StatusPage status={404} title="Page not found">
      The address may be mistyped, or the page may have moved.
    </StatusPage>
  );
}
