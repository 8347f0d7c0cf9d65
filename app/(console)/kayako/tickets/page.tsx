import { PlaceholderPage } from "@/components/shell/placeholder-page";

export const metadata = { title: "Helpdesk tickets" };

export default function Page() {
  return (
    <PlaceholderPage
      permission="tickets.read"
      path="/kayako/tickets"
      title="Helpdesk tickets"
      area="Kayako tickets"
      what="Finding, answering and closing helpdesk tickets."
    />
  );
}
