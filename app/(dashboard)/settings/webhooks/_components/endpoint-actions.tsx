"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SecretModal } from "@/components/ui/secret-modal";
import type { WebhookEndpointDto } from "@/lib/schemas/webhooks";
import { deleteWebhookAction, rotateWebhookSecretAction, sendTestWebhookAction } from "../actions";
import { deliveriesKey } from "./delivery-log";
import { runAction } from "./run-action";

type Dialog = "rotate" | "delete" | null;

/** Send a test event, rotate the signing secret (shown once), delete: the endpoint's writes. */
export function EndpointActions({ endpoint }: { endpoint: WebhookEndpointDto }) {
  const router = useRouter();
  const queries = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [note, setNote] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [testing, startTest] = useTransition();
  const sendTest = () =>
    startTest(async () => {
      const result = await runAction(
        () => sendTestWebhookAction(endpoint.id, undefined),
        "Something went wrong; no test event was sent.",
      );
      setNote(
        result.ok
          ? { tone: "success", text: "Test event queued; it appears in the log below within seconds." }
          : { tone: "error", text: result.message },
      );
      await queries.invalidateQueries({ queryKey: deliveriesKey(endpoint.id) });
    });
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <Button onClick={sendTest} disabled={testing}>
          {testing ? "Sending…" : "Send test event"}
        </Button>
        <Button variant="secondary" onClick={() => setDialog("rotate")}>
          Rotate secret
        </Button>
        <Button variant="secondary" onClick={() => setDialog("delete")}>
          Delete
        </Button>
      </div>
      {note ? <Alert tone={note.tone}>{note.text}</Alert> : null}
      <ConfirmDialog
        open={dialog === "rotate"}
        title="Rotate the signing secret?"
        confirmLabel="Rotate secret"
        pendingLabel="Rotating…"
        tone="primary"
        failure="Something went wrong; the secret was not rotated."
        run={async () => {
          const result = await rotateWebhookSecretAction(endpoint.id, undefined);
          if (result.ok) setSecret(result.data.secret);
          return result;
        }}
        onClose={() => setDialog(null)}
        onDone={() => setDialog(null)}
      >
        A new secret signs from now on. The current one keeps signing too for 24 hours (both signatures are
        sent), so your receiver can switch over without rejecting a delivery.
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === "delete"}
        title="Delete this endpoint?"
        confirmLabel="Delete endpoint"
        pendingLabel="Deleting…"
        failure="Something went wrong; the endpoint was not deleted."
        run={() => deleteWebhookAction(endpoint.id, undefined)}
        onClose={() => setDialog(null)}
        onDone={() => router.push("/settings/webhooks")}
      >
        <p>
          Keydesk stops sending events to <code className="font-mono break-all">{endpoint.url}</code> at once,
          and its delivery log and pending retries are deleted with it.
        </p>
      </ConfirmDialog>
      <SecretModal
        title="New signing secret"
        secret={secret}
        kind="webhook_secret"
        note="The previous secret keeps signing for 24 hours, so update your receiver within a day."
        onClose={() => setSecret(null)}
        onDone={() => {
          setSecret(null);
          router.refresh();
        }}
      />
    </div>
  );
}
