import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { Card } from "@/components/ui/card";
import { requireContext } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Get started" };

const STEPS = [
  {
    title: "Make a key pair",
    body: "Generate an ES256 (P-256) key pair in your browser or with openssl. The private key never leaves your machine.",
  },
  {
    title: "Upload the public key",
    body: "Keydesk stores the public key and its fingerprint, and gives you a key id.",
  },
  {
    title: "Sign a JWT",
    body: "Sign a short-lived token with sub = your key id, in Node, Python, Go or curl.",
  },
  {
    title: "Send your first request",
    body: "Call /api/v1/whoami with the token. This page turns green when Keydesk sees it.",
  },
];

export default async function OnboardingPage() {
  await requireContext();
  return (
    <>
      <PageHeader title="Get started" description="From zero to your first verified request." />
      <ol className="grid gap-4 md:grid-cols-2">
        {STEPS.map((step, index) => (
          <li key={step.title}>
            <Card>
              <div className="flex gap-4">
                <span className="flex h-8 w-8 shrink-0 items-center justify-center rounded-full bg-brand-50 text-sm font-semibold text-brand-700">
                  {index + 1}
                </span>
                <div>
                  <h2 className="font-semibold text-ink">{step.title}</h2>
                  <p className="mt-1 text-sm text-ink-muted">{step.body}</p>
                </div>
              </div>
            </Card>
          </li>
        ))}
      </ol>
    </>
  );
}
