"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { FormAlert, submitAction } from "@/components/ui/form";
import type { ApiKeyDto } from "@/lib/schemas/api-keys";
import { updateKeyAction } from "../actions";

type Props = { apiKey: Pick<ApiKeyDto, "id" | "identity">; lockedReason: string | null };

/**
 * The customer this key belongs to: a link to the identity, and (for owners and admins, on a key
 * that can still change) linking by the customer's external id — created if new — or unlinking.
 */
export function KeyIdentity({ apiKey, lockedReason }: Props) {
  const router = useRouter();
  const form = useForm({ defaultValues: { externalId: "" }, disabled: lockedReason !== null });
  const { errors, isSubmitting } = form.formState;
  const link = form.handleSubmit(async ({ externalId }) => {
    const trimmed = externalId.trim();
    if (!trimmed) {
      form.setError("externalId", { message: "Give your customer's id." });
      return;
    }
    const result = await submitAction(form, () => updateKeyAction(apiKey.id, { externalId: trimmed }));
    if (!result.ok) return;
    form.reset();
    router.refresh();
  });
  const unlink = async () => {
    const result = await submitAction(form, () => updateKeyAction(apiKey.id, { identityId: null }));
    if (result.ok) router.refresh();
  };
  return (
    <div className="space-y-4">
      <FormAlert error={errors.root} />
      {apiKey.identity ? (
        <div className="flex flex-wrap items-center justify-between gap-2">
          <Link
            href={`/identities/${apiKey.identity.id}`}
            className="min-w-0 truncate font-medium text-brand-700 hover:underline"
            data-testid="key-identity"
          >
            {apiKey.identity.externalId}
          </Link>
          {lockedReason === null ? (
            <Button type="button" variant="secondary" size="sm" onClick={unlink} disabled={isSubmitting}>
              Unlink
            </Button>
          ) : null}
        </div>
      ) : (
        <p className="text-sm text-ink-muted">Not linked to a customer.</p>
      )}
      {lockedReason === null ? (
        <form onSubmit={link} className="space-y-3" noValidate aria-busy={isSubmitting}>
          <Field
            label={apiKey.identity ? "Move to another customer" : "Link to a customer"}
            hint="Your own id for the customer; the identity is created if it does not exist yet."
            error={errors.externalId?.message}
          >
            <Input placeholder="org_42" maxLength={256} {...form.register("externalId")} />
          </Field>
          <div className="flex justify-end">
            <Button type="submit" size="sm" disabled={isSubmitting}>
              {isSubmitting ? "Linking…" : "Link"}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
