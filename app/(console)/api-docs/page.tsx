import { messageParts } from "@/components/i18n/message-parts";
import { PageHeader } from "@/components/ui/page-header";
import { openApiDocument } from "@/lib/api/openapi";
import { OPENAPI_DOCUMENT_PATH } from "@/lib/api/routes";
import { requirePermission } from "@/lib/server/auth/page-auth";
import { getTranslations, pageTitle } from "@/lib/server/preferences/request-locale";

export const generateMetadata = pageTitle("apiDocs");

type DocumentedOperation = {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  parameters: { name: string; in: string; required: boolean; description?: string; schema: unknown }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string }>;
};

/** A readable rendering of the OpenAPI document: the same document, so the two never disagree. */
export default async function ApiDocsPage() {
  await requirePermission("overview.read", "/api-docs");
  const [t, nav] = await Promise.all([getTranslations("shell"), getTranslations("nav")]);
  const document = openApiDocument();
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      path,
      method,
      ...(operation as DocumentedOperation),
    })),
  );
  const tags = [...new Set(operations.flatMap((operation) => operation.tags))];
  return (
    <>
      <PageHeader
        title={nav("pages.apiDocs")}
        description={messageParts(t("apiDocs.machineReadable"), {
          description: document.info.description,
          link: (
            <a className="underline" href={OPENAPI_DOCUMENT_PATH}>
              {OPENAPI_DOCUMENT_PATH}
            </a>
          ),
        })}
      />
      {tags.map((tag) => (
        <section key={tag} className="mb-8" aria-labelledby={`tag-${tag}`}>
          <h2 id={`tag-${tag}`} className="mb-3 text-lg font-semibold">
            {tag}
          </h2>
          <div className="space-y-3">
            {operations
              .filter((operation) => operation.tags.includes(tag))
              .map((operation) => (
                <details
                  key={operation.operationId}
                  className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
                >
                  <summary className="cursor-pointer">
                    <code className="mr-2 font-semibold">{operation.method.toUpperCase()}</code>
                    <code>{operation.path}</code>
                    <span className="ml-3 text-sm text-slate-600 dark:text-slate-400">
                      {operation.summary}
                    </span>
                  </summary>
                  <div className="mt-3 space-y-2 text-sm">
                    <p>
                      {messageParts(t("apiDocs.operationId"), {
                        id: <code>{operation.operationId}</code>,
                        description: operation.description,
                      })}
                    </p>
                    {operation.parameters.length > 0 && (
                      <ul className="list-disc pl-5">
                        {operation.parameters.map((parameter) => (
                          <li key={`${parameter.in}-${parameter.name}`}>
                            <code>{parameter.name}</code> ({parameter.in}
                            {parameter.required ? `, ${t("apiDocs.required")}` : ""})
                            {parameter.description ? ` — ${parameter.description}` : ""}
                          </li>
                        ))}
                      </ul>
                    )}
                    {operation.requestBody && (
                      <pre className="overflow-x-auto rounded bg-slate-100 p-3 text-xs dark:bg-slate-800">
                        {JSON.stringify(operation.requestBody.content["application/json"]?.schema, null, 2)}
                      </pre>
                    )}
                    <p>
                      {t("apiDocs.responses", {
                        responses: Object.entries(operation.responses)
                          .map(([status, response]) => `${status} ${response.description}`)
                          .join("; "),
                      })}
                    </p>
                  </div>
                </details>
              ))}
          </div>
        </section>
      ))}
    </>
  );
}
