import { publicRoute } from "@/lib/api/route";
import { credentialFromHeaders } from "@/lib/verify/credential";
import { verificationResponse } from "@/lib/verify/http";
import { runVerification } from "@/lib/verify/runtime";

export const dynamic = "force-dynamic";

/** Who am I? The key behind `X-API-Key` or `Authorization: Bearer` (secret key, signed key or ES256 JWT). */
export const GET = publicRoute({}, async ({ req, clientIp }) =>
  verificationResponse(await runVerification({ credential: credentialFromHeaders(req.headers), clientIp })),
);
