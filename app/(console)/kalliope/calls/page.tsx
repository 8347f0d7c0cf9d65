import { PlaceholderPage } from "@/components/shell/placeholder-page";

export const metadata = { title: "Call records" };

export default function Page() {
  return (
    <PlaceholderPage
      permission="calls.read"
      path="/kalliope/calls"
      title="Call records"
      area="The KalliopePBX call browser"
      what="Filtering, charting and exporting call detail records."
    />
  );
}
