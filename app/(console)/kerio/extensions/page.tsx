import { PlaceholderPage } from "@/components/shell/placeholder-page";

export const metadata = { title: "PBX extensions" };

export default function Page() {
  return (
    <PlaceholderPage
      permission="extensions.read"
      path="/kerio/extensions"
      title="PBX extensions"
      area="Kerio Operator extensions"
      what="Listing, creating and importing extensions on a Kerio Operator PBX."
    />
  );
}
