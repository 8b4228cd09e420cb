import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { IdentityIcon } from "../_components/identity-icon";

export default function IdentityNotFound() {
  return (
    <EmptyState
      icon={<IdentityIcon />}
      title="Identity not found"
      action={
        <Link href="/identities" className="text-sm font-medium text-brand-700 hover:underline">
          ← All identities
        </Link>
      }
    >
      There is no identity with this id in your workspace. It may belong to another workspace, or the link is
      mistyped.
    </EmptyState>
  );
}
