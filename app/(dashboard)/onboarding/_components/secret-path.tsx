"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { createOnboardingKeyAction } from "../actions";
import { CodeBlock } from "./code-block";
import { FirstRequest } from "./first-request";
import { curlSnippet, verifySnippet } from "./snippets";
import { Step } from "./step";
import { TryIt } from "./try-it";

/** The shorter path: a random secret key, shown once, sent as X-API-Key. */
export function SecretPath({ appUrl, readOnly }: { appUrl: string; readOnly: boolean }) {
  const [key, setKey] = useState<{ id: string; secret: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const create = () =>
    startTransition(async () => {
      const result = await createOnboardingKeyAction({ type: "secret" });
      if (result.ok && result.data.secret) setKey({ id: result.data.id, secret: result.data.secret });
      else setError(result.ok ? "No secret was returned." : result.message);
    });
  return (
    <ol className="space-y-4">
      <Step number={1} title="Create a test secret key" done={key !== null} active={key === null}>
        <p className="text-sm text-ink-muted">
          A random ak_test_… key. Keydesk keeps only its hash, so it is shown once.
        </p>
        {error ? <Alert tone="error">{error}</Alert> : null}
        <Button disabled={readOnly || pending} onClick={create}>
          {pending ? "Creating…" : "Create secret key"}
        </Button>
      </Step>
      <Step number={2} title="Call the API with it" done={false} active={key !== null}>
        {key ? (
          <>
            <Alert tone="warning">Copy this key now — it will not be shown again.</Alert>
            <CodeBlock label="Your secret key" code={key.secret} />
            <CodeBlock label="curl" code={curlSnippet(appUrl, { header: "X-API-Key", value: key.secret })} />
            <TryIt makeHeaders={async () => ({ "X-API-Key": key.secret })} />
            <CodeBlock
              label="From your backend or gateway: verify, spending credits"
              code={verifySnippet(appUrl, key.secret)}
            />
          </>
        ) : null}
      </Step>
      <Step number={3} title="Waiting for your first request" done={false} active={key !== null}>
        {key ? <FirstRequest keyId={key.id} /> : null}
      </Step>
    </ol>
  );
}
