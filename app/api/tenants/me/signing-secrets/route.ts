import { jsonResponse } from "@/lib/api/responses";
import { managementRoute } from "@/lib/api/route";
import { createSigningSecret, listSigningSecrets } from "@/lib/dal/signing-secrets";

export const GET = managementRoute({}, async ({ ctx }) => ({
  data: await listSigningSecrets(ctx),
  nextCursor: null,
}));

/** The new secret is returned once, here; afterwards only its last four characters are shown. */
export const POST = managementRoute({}, async ({ ctx }) => {
  const { secret, dto } = await createSigningSecret(ctx);
  return jsonResponse(
    { ...dto, secret },
    { status: 201, headers: { "Cache-Control": "no-store", Pragma: "no-cache" } },
  );
});
