import { AppError } from "@/lib/errors/app-error";
import { BODY_CAPS, readBodyCapped } from "@/lib/api/body-limits";
import { clientIpFromHeaders } from "@/lib/api/client-ip";
import { parseWith } from "@/lib/api/parse-input";
import { jsonResponse } from "@/lib/api/responses";
import { handleError, refuseCredentialInQuery } from "@/lib/api/route";
import { revokeLeakedKeys } from "@/lib/dal/leaks";
import { getEnv } from "@/lib/env";
import { leakAlerts } from "@/lib/schemas/leaks";
import { createLeakSignatureVerifier } from "@/lib/verify/leak-signature";

export const dynamic = "force-dynamic";

let verifier: ReturnType<typeof createLeakSignatureVerifier> | undefined;

/**
 * GitHub secret-scanning partner endpoint. The signature covers the exact bytes received, so the
 * body is read raw and verified before it is parsed; a bad signature changes nothing (401).
 */
export async function POST(req: Request): Promise<Response> {
  try {
    refuseCredentialInQuery(req);
    // Read up to the cap as it streams: never buffered whole past it, whatever the length says.
    const raw = await readBodyCapped(req, BODY_CAPS.leaks);
    verifier ??= createLeakSignatureVerifier(getEnv().leakAlertPublicKeys);
    const signed = verifier(
      raw,
      req.headers.get("github-public-key-identifier"),
      req.headers.get("github-public-key-signature"),
    );
    if (!signed)
      throw new AppError("INVALID_SIGNATURE", "The alert's signature does not verify with a configured key.");
    let json: unknown;
    try {
      json = JSON.parse(raw.toString("utf8"));
    } catch {
      throw new AppError("INVALID_JSON");
    }
    const alerts = parseWith(leakAlerts, json);
    const result = await revokeLeakedKeys(alerts, clientIpFromHeaders(req.headers));
    return jsonResponse({ received: alerts.length, ...result });
  } catch (error) {
    return handleError(error, req);
  }
}
