import { PlaceholderPage } from "@/components/shell/placeholder-page";

export const metadata = { title: "Hotspot vouchers" };

export default function Page() {
  return (
    <PlaceholderPage
      permission="vouchers.read"
      path="/kiwire/vouchers"
      title="Hotspot vouchers"
      area="Kiwire vouchers"
      what="Generating, printing and exporting hotspot vouchers."
    />
  );
}
