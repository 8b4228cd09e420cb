"use client";

import { useState } from "react";
import { createOnboardingKeyAction } from "@/app/(dashboard)/onboarding/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CodeBlock } from "./code-block";
import { FirstRequest } from "./first-request";
import { curlSnippet, jwtSnippets, opensslCommands } from "./snippets";
import { Step } from "./step";
import { TryIt } from "./try-it";
import { type BrowserKeyPair, download, generateEs256KeyPair, signEs256Jwt } from "./web-crypto";

const LANGUAGES = ["node", "python", "go", "curl"] as const;
type Language = (typeof LANGUAGES)[number];

/** Seed 000's flow: key pair → upload public.pem → sign ES256 JWTs → first verified request. */
export function JwtPath({ appUrl, readOnly }: { appUrl: string; readOnly: boolean }) {
  const [browserPair, setBrowserPair] = useState<BrowserKeyPair | null>(null);
  const [publicPem, setPublicPem] = useState("");
  const [keyId, setKeyId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [language, setLanguage] = useState<Language>("node");
  const [curlToken, setCurlToken] = useState<string | null>(null);
  const format = browserPair ? "pkcs8" : "sec1";

  async function generate() {
    const pair = await generateEs256KeyPair();
    setBrowserPair(pair);
    setPublicPem(pair.publicPem);
    download("private.pem", pair.privatePem);
  }

  async function upload() {
    setError(null);
    const result = await createOnboardingKeyAction({ type: "public_key", publicKey: publicPem });
    if (!result.ok) return setError(result.message);
    setKeyId(result.id);
    if (browserPair) setCurlToken(await signEs256Jwt(browserPair.privateKey, result.id));
  }

  const snippets = keyId ? jwtSnippets(keyId, appUrl, format) : null;
  return (
    <ol className="space-y-4">
      <Step
        number={1}
        title="Make a key pair"
        done={publicPem.length > 0 && keyId !== null}
        active={keyId === null}
      >
        <p className="text-sm text-ink-muted">
          ES256 (ECDSA on P-256). Generate it here — the private key is made by your browser and downloaded as
          <code className="mx-1 font-mono">private.pem</code>; it is never sent to Keydesk — or run these
          commands:
        </p>
        <Button variant="secondary" onClick={() => void generate()} disabled={readOnly}>
          Generate key pair in this browser
        </Button>
        {browserPair ? (
          <Alert tone="success">
            private.pem downloaded. Keep it safe; only the public key below is uploaded.
          </Alert>
        ) : null}
        <CodeBlock label="openssl commands" code={opensslCommands()} />
      </Step>
      <Step number={2} title="Upload the public key" done={keyId !== null} active={keyId === null}>
        <label htmlFor="onboarding-pem" className="block text-sm font-medium text-ink">
          public.pem
        </label>
        <textarea
          id="onboarding-pem"
          value={publicPem}
          onChange={(event) => setPublicPem(event.target.value)}
          rows={5}
          placeholder="-----BEGIN PUBLIC KEY-----"
          className="block w-full rounded-lg border border-slate-300 p-3 font-mono text-xs focus:border-brand-500 focus:outline-none"
        />
        {error ? <Alert tone="error">{error}</Alert> : null}
        {keyId ? (
          <p className="text-sm text-ink">
            Your key id (the JWT <code className="font-mono">sub</code>):{" "}
            <code className="font-mono font-semibold" data-testid="onboarding-key-id">
              {keyId}
            </code>
          </p>
        ) : (
          <Button onClick={() => void upload()} disabled={readOnly || publicPem.trim() === ""}>
            Upload public key
          </Button>
        )}
      </Step>
      <Step number={3} title="Sign a JWT and call the API" done={false} active={keyId !== null}>
        {snippets && keyId ? (
          <>
            <div role="tablist" aria-label="Language" className="flex gap-1">
              {LANGUAGES.map((lang) => (
                <button
                  key={lang}
                  type="button"
                  role="tab"
                  aria-selected={lang === language}
                  onClick={() => setLanguage(lang)}
                  className={`rounded-md px-3 py-1 text-sm ${lang === language ? "bg-slate-900 text-white" : "text-ink-muted hover:bg-slate-100"}`}
                >
                  {lang === "node" ? "Node.js" : lang === "go" ? "Go" : lang === "python" ? "Python" : "curl"}
                </button>
              ))}
            </div>
            <CodeBlock
              label={`${language} snippet`}
              code={
                language === "curl"
                  ? curlSnippet(appUrl, { header: "Authorization", value: curlToken ?? "$TOKEN" })
                  : snippets[language]
              }
            />
            {browserPair ? (
              <TryIt
                makeHeaders={async () => ({
                  Authorization: `Bearer ${await signEs256Jwt(browserPair.privateKey, keyId)}`,
                })}
              />
            ) : null}
          </>
        ) : null}
      </Step>
      <Step number={4} title="Waiting for your first request" done={false} active={keyId !== null}>
        {keyId ? <FirstRequest keyId={keyId} /> : null}
      </Step>
    </ol>
  );
}
