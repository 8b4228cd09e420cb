import { PageHeader } from "@/components/dashboard/page-header";
import { SettingsNav } from "./settings-nav";

/** Every settings section's top: one title and description, then the sections' links. */
export function SettingsHeader() {
  return (
    <>
      <PageHeader
        title="Settings"
        description="Your workspace, its members, its limits, the scopes your API understands, the secrets behind signed keys and the webhooks it sends."
      />
      <SettingsNav />
    </>
  );
}
