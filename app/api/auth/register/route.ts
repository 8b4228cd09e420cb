import { jsonResponse } from "@/lib/api/responses";
import { publicRoute } from "@/lib/api/route";
import { registerWithThrottle } from "@/lib/auth/register";
import { registerInput } from "@/lib/schemas/auth";

export const POST = publicRoute({ body: registerInput }, async ({ body, clientIp }) => {
  const { userId, tenantId } = await registerWithThrottle(body, clientIp);
  return jsonResponse(
    {
      user: { id: userId, email: body.email },
      tenant: { id: tenantId, name: body.tenantName, role: "owner" },
    },
    { status: 201 },
  );
});
