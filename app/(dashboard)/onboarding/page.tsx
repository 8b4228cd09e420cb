import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { requireContext } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { OnboardingWizard } from "./_components/onboarding-wizard";

export const metadata: Metadata = { title: "Get started" };

export default async function OnboardingPage() {
  const ctx = await requireContext();
  return (
    <>
      <PageHeader
        title="Get started"
        description="From zero to your first verified request, in four steps."
      />
      <OnboardingWizard appUrl={getEnv().appUrl} readOnly={ctx.role === "viewer"} />
    </>
  );
}
