import { StatusPage } from "@/components/shell/status-page";
import { getTranslations } from "@/lib/server/preferences/request-locale";

export default async function NotFound() {
  const t = await getTranslations("shell");
  return (
    <StatusPage status={404} title={t("status.notFound.title")}>
      {t("status.notFound.text")}
    </StatusPage>
  );
}
