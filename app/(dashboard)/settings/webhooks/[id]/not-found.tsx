import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { WebhookIcon } from "../_components/webhook-icon";

export default function WebhookNotFound() {
  return (
    <EmptyState
      icon={<WebhookIcon />}
      title="Endpoint not found"
      action={
        <Link href="/settings/webhooks" className="text-sm font-medium text-brand-700 hover:underline">
          ← All webhook endpoints
        </Link>
      }
    >
      There is no webhook endpoint with this id in your workspace. It may have been deleted, belong to another
      workspace, or the link is mistyped.
    </EmptyState>
  );
}
