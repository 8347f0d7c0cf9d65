import { StatusPage } from "@/components/shell/status-page";

export default function Forbidden() {
  return (
    <StatusPage status={403} title="You do not have access to this page">
      Your role does not include the permission this page needs. If you need it, ask a console admin to change
      your role.
    </StatusPage>
  );
}
