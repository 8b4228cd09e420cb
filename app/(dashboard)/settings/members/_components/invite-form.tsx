"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { FormAlert, submitAction, zodFormResolver } from "@/components/ui/form";
import { Modal } from "@/components/ui/modal";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { type InviteInput, inviteInput } from "@/lib/schemas/members";
import { inviteMemberAction } from "../actions";

const ROLES = [
  { value: "viewer", label: "Viewer: sees keys and usage" },
  { value: "admin", label: "Admin: manages keys and members" },
  { value: "owner", label: "Owner: everything, ownership too" },
] as const;

export function InviteForm({ canInviteOwners }: { canInviteOwners: boolean }) {
  const router = useRouter();
  const [link, setLink] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const form = useForm<InviteInput>({
    defaultValues: { email: "", role: "viewer" },
    resolver: zodFormResolver(inviteInput),
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setSent(null);
    const result = await submitAction(form, () => inviteMemberAction(values));
    if (!result.ok) return;
    form.reset({ email: "", role: values.role });
    if (result.data.inviteUrl) setLink(result.data.inviteUrl);
    else setSent(`Invitation emailed to ${result.data.email}.`);
    router.refresh();
  });
  return (
    <>
      <form onSubmit={submit} className="space-y-4" noValidate aria-busy={isSubmitting}>
        <FormAlert error={errors.root} success={sent} />
        <Field label="Email" error={errors.email?.message}>
          <Input
            type="email"
            autoComplete="off"
            placeholder="colleague@example.com"
            {...form.register("email")}
          />
        </Field>
        <Field label="Role" error={errors.role?.message}>
          <Select
            options={ROLES.filter((role) => canInviteOwners || role.value !== "owner")}
            {...form.register("role")}
          />
        </Field>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Inviting…" : "Invite"}
        </Button>
      </form>
      <Modal
        open={link !== null}
        onClose={() => setLink(null)}
        title="Send this invitation link"
        dismissable={false}
      >
        {link ? <SecretReveal secret={link} kind="invitation" onDone={() => setLink(null)} /> : null}
      </Modal>
    </>
  );
}
