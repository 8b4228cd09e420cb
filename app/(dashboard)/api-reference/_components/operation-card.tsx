import type { OPERATIONS } from "@/lib/openapi/document";

type Operation = (typeof OPERATIONS)[number];
type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
  anyOf?: JsonSchema[];
  enum?: unknown[];
};

const METHOD_STYLES: Record<Operation["method"], string> = {
  get: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  post: "bg-brand-50 text-brand-700 ring-brand-200",
  patch: "bg-amber-50 text-amber-800 ring-amber-200",
  delete: "bg-red-50 text-red-700 ring-red-200",
};

const AUTH_LABEL: Record<Operation["auth"], string> = {
  none: "No auth",
  accessToken: "Access token",
  apiKey: "API key or JWT",
};

function typeOf(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(" | ");
  return Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "any");
}

function bodyFields(spec: unknown): [string, JsonSchema, boolean][] {
  const schema = (
    spec as { requestBody?: { content: { "application/json": { schema: JsonSchema } } } } | undefined
  )?.requestBody?.content["application/json"].schema;
  return Object.entries(schema?.properties ?? {}).map(([name, field]) => [
    name,
    field,
    schema?.required?.includes(name) ?? false,
  ]);
}

export function OperationCard({ operation, spec }: { operation: Operation; spec: unknown }) {
  const fields = bodyFields(spec);
  return (
    <details className="group rounded-card border border-slate-200 bg-white shadow-card">
      <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 sm:flex-nowrap sm:px-5">
        <span
          className={`w-16 shrink-0 rounded-md px-2 py-0.5 text-center font-mono text-xs font-semibold uppercase ring-1 ${METHOD_STYLES[operation.method]}`}
        >
          {operation.method}
        </span>
        <code className="min-w-0 font-mono text-sm break-all text-ink">{operation.path}</code>
        {/* min-w-0 lets the summary shrink and truncate instead of pushing the card past the page. */}
        <span className="hidden min-w-0 flex-1 truncate text-sm text-ink-muted md:block">
          {operation.summary}
        </span>
        <span className="shrink-0 rounded-full bg-slate-100 px-2 py-0.5 text-xs whitespace-nowrap text-ink-muted sm:ml-auto md:ml-0">
          {AUTH_LABEL[operation.auth]}
        </span>
      </summary>
      <div className="space-y-4 border-t border-slate-100 px-4 py-4 text-sm sm:px-5">
        <p className="text-ink-muted">{operation.summary}</p>
        {fields.length > 0 ? (
          <div className="overflow-x-auto">
            <table className="w-full text-left">
              <thead className="text-xs text-ink-faint uppercase">
                <tr>
                  <th className="py-1 font-medium">Field</th>
                  <th className="py-1 font-medium">Type</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {fields.map(([name, field, required]) => (
                  <tr key={name}>
                    <td className="py-1.5 pr-4 font-mono text-xs whitespace-nowrap">
                      {name}
                      {required ? <span className="text-danger">*</span> : null}
                    </td>
                    <td className="py-1.5 font-mono text-xs break-words text-ink-muted">{typeOf(field)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {operation.example ? (
          <pre className="overflow-x-auto rounded-lg bg-slate-900 px-3 py-2 font-mono text-xs text-slate-100">
            {operation.example}
          </pre>
        ) : null}
        <ul className="flex flex-wrap gap-2">
          {Object.entries(operation.responses).map(([status, response]) => (
            <li key={status} className="max-w-full rounded-md bg-slate-50 px-2 py-1 text-xs break-words">
              <span className={`font-mono font-semibold ${Number(status) < 400 ? "text-ok" : "text-danger"}`}>
                {status}
              </span>{" "}
              <span className="text-ink-muted">{response.description}</span>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
