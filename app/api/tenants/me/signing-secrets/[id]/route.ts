import { managementRoute } from "@/lib/api/route";
import { retireSigningSecret } from "@/lib/dal/signing-secrets";

/** Retires a secret: signed keys it signed stop verifying unless another active secret signed them. */
export const DELETE = managementRoute({}, ({ ctx, params }) => retireSigningSecret(ctx, params.id ?? ""));
