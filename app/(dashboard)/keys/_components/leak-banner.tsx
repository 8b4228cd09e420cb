import Link from "next/link";
import type { LeakedKey } from "@/lib/dal/api-keys/leaked-keys";

/** Says loudly that Keydesk revoked keys found in public code, and which ones. */
export function LeakBanner({ keys }: { keys: LeakedKey[] }) {
  if (keys.length === 0) return null;
  return (
    <div
      role="status"
      className="mb-6 rounded-card border border-red-200 bg-danger-soft px-5 py-4 text-sm text-red-900"
    >
      <p className="font-semibold">
        {keys.length === 1 ? "A key was" : `${keys.length} keys were`} found in public code and revoked
        automatically
      </p>
      <p className="mt-1">
        GitHub secret scanning reported {keys.length === 1 ? "it" : "them"}; requests with{" "}
        {keys.length === 1 ? "it" : "them"} now fail. Rotate the affected integrations to new keys:
      </p>
      <ul className="mt-2 flex flex-wrap gap-2">
        {keys.map((key) => (
          <li key={key.id}>
            <Link
              href={`/keys/${key.id}`}
              className="rounded-full bg-white px-2.5 py-0.5 font-medium ring-1 ring-red-200 hover:underline"
            >
              {key.name}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
