import { publicRoute } from "@/lib/api/route";

export const dynamic = "force-dynamic";

/**
 * The address Keydesk sees for the caller — the one IP allowlists are checked against. Lets an
 * admin or a consumer find what to allowlist, and shows that a forged X-Forwarded-For changes nothing.
 */
export const GET = publicRoute({}, ({ clientIp }) => ({ ip: clientIp }));
