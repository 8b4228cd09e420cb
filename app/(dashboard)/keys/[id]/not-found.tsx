import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { KeyIcon } from "../_components/key-icon";

export default function KeyNotFound() {
  return (
    <EmptyState
      icon={<KeyIcon />}
      title="Key not found"
      action={
        <Link href="/keys" className="text-sm font-medium text-brand-700 hover:underline">
          ← All keys
        </Link>
      }
    >
      There is no key with this id in your workspace. It may belong to another workspace, or the link is
      mistyped.
    </EmptyState>
  );
}
