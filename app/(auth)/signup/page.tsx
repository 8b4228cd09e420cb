import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentContext } from "@/lib/auth/session";
import { SignupForm } from "./_components/signup-form";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignupPage() {
  if (await currentContext()) redirect("/keys");
  return (
    <>
      <h1 className="text-xl font-semibold text-ink">Create your Keydesk account</h1>
      <p className="mt-1 mb-6 text-sm text-ink-muted">You will own a new workspace (tenant) for your API.</p>
      <SignupForm />
      <p className="mt-6 text-center text-sm text-ink-muted">
        Already have an account?{" "}
        <Link href="/login" className="font-medium text-brand-700 hover:underline">
          Log in
        </Link>
      </p>
    </>
  );
}
