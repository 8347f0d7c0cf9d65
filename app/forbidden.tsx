import { StatusPage } from "@/components/shell/status-page";
import { getTranslations } from "@/lib/server/preferences/request-locale";

export default async function Forbidden() {
  const t = await getTranslations("shell");
  return (
    <StatusPage status={403} title={t("status.forbidden.title")}>
      {t("status.forbidden.text")}
    </StatusPage>
  );
}
