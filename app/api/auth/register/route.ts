import { jsonResponse } from "@/lib/api/responses";
import { publicRoute } from "@/lib/api/route";
import { hashPassword } from "@/lib/auth/password";
import { registerInput } from "@/lib/auth/schemas";
import { registerAccount } from "@/lib/dal/accounts";

export const POST = publicRoute({ body: registerInput }, async ({ body, clientIp }) => {
  const { userId, tenantId } = await registerAccount({
    email: body.email,
    passwordHash: await hashPassword(body.password),
    tenantName: body.tenantName,
    ip: clientIp,
  });
  return jsonResponse(
    {
      user: { id: userId, email: body.email },
      tenant: { id: tenantId, name: body.tenantName, role: "owner" },
    },
    { status: 201 },
  );
});
