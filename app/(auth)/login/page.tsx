import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { currentContext } from "@/lib/auth/session";
import { LoginForm } from "./_components/login-form";

export const metadata: Metadata = { title: "Log in" };

export default async function LoginPage() {
  if (await currentContext()) redirect("/keys");
  return (
    <>
      <h1 className="text-xl font-semibold text-ink">Log in to Keydesk</h1>
      <p className="mt-1 mb-6 text-sm text-ink-muted">Manage your API keys and watch them being used.</p>
      <Suspense>
        <LoginForm />
      </Suspense>
      <p className="mt-6 text-center text-sm text-ink-muted">
        New here?{" "}
        <Link href="/signup" className="font-medium text-brand-700 hover:underline">
          Create an account
        </Link>
      </p>
    </>
  );
}
