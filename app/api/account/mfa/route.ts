import { managementRoute } from "@/lib/api/route";
import { getMfaStatus } from "@/lib/dal/mfa";

export const GET = managementRoute({}, async ({ ctx }) => getMfaStatus(ctx.userId));
