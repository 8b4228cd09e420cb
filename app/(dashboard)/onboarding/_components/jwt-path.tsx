"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Tabs } from "@/components/ui/tabs";
import { CodeBlock } from "./code-block";
import { FirstRequest } from "./first-request";
import { curlSnippet, jwtSnippets, opensslCommands } from "./snippets";
import { Step } from "./step";
import { TryIt } from "./try-it";
import { UploadPublicKey } from "./upload-public-key";
import { type BrowserKeyPair, download, generateEs256KeyPair, signEs256Jwt } from "./web-crypto";

const LANGUAGES = [
  { id: "node", label: "Node.js" },
  { id: "python", label: "Python" },
  { id: "go", label: "Go" },
  { id: "curl", label: "curl" },
] as const;
type Language = (typeof LANGUAGES)[number]["id"];

/** Seed 000's flow: key pair → upload public.pem → sign ES256 JWTs → first verified request. */
export function JwtPath({ appUrl, readOnly }: { appUrl: string; readOnly: boolean }) {
  const [browserPair, setBrowserPair] = useState<BrowserKeyPair | null>(null);
  const [keyId, setKeyId] = useState<string | null>(null);
  const [language, setLanguage] = useState<Language>("node");
  const [curlToken, setCurlToken] = useState<string | null>(null);
  const format = browserPair ? "pkcs8" : "sec1";

  async function generate() {
    const pair = await generateEs256KeyPair();
    setBrowserPair(pair);
    download("private.pem", pair.privatePem);
  }

  async function uploaded(id: string) {
    setKeyId(id);
    if (browserPair) setCurlToken(await signEs256Jwt(browserPair.privateKey, id));
  }

  const snippets = keyId ? jwtSnippets(keyId, appUrl, format) : null;
  return (
    <ol className="space-y-4">
      <Step number={1} title="Make a key pair" done={keyId !== null} active={keyId === null}>
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
        {keyId ? (
          <p className="text-sm break-all text-ink">
            Your key id (the JWT <code className="font-mono">sub</code>):{" "}
            <code className="font-mono font-semibold" data-testid="onboarding-key-id">
              {keyId}
            </code>
          </p>
        ) : (
          <UploadPublicKey
            // A generated pair replaces whatever was pasted: a new form with its public key filled in.
            key={browserPair?.publicPem ?? "pasted"}
            initialPem={browserPair?.publicPem ?? ""}
            onUploaded={(id) => void uploaded(id)}
            readOnly={readOnly}
          />
        )}
      </Step>
      <Step number={3} title="Sign a JWT and call the API" done={false} active={keyId !== null}>
        {snippets && keyId ? (
          <>
            <Tabs
              label="Language"
              tabs={LANGUAGES}
              value={language}
              onChange={setLanguage}
              panelClassName="space-y-4"
            >
              <CodeBlock
                label={`${language} snippet`}
                code={
                  language === "curl"
                    ? curlSnippet(appUrl, { header: "Authorization", value: curlToken ?? "$TOKEN" })
                    : snippets[language]
                }
              />
            </Tabs>
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
