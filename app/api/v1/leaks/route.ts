import { jsonResponse } from "@/lib/api/responses";
import { handleError, refuseCredentialInQuery } from "@/lib/api/route";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { parseWith } from "@/lib/errors/field-errors";
import { BODY_CAPS, readBodyCapped } from "@/lib/http/body-limits";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { parseJsonText } from "@/lib/http/json-body";
import { leakAlerts } from "@/lib/schemas/leaks";
import { createLeakSignatureVerifier } from "@/lib/verify/core/leak-signature";
import { revokeLeakedKeys } from "@/lib/verify/runtime/revoke-leaked-keys";

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
    const alerts = parseWith(leakAlerts, parseJsonText(raw.toString("utf8")));
    const result = await revokeLeakedKeys(alerts, clientIpFromHeaders(req.headers));
    return jsonResponse({ received: alerts.length, ...result });
  } catch (error) {
    return handleError(error, req);
  }
}
