"use server";

import { z } from "zod";
import { requireContext } from "@/lib/auth/session";
import { loadUsage, type UsageRange, type UsageView } from "./load-usage";

const input = z.object({ range: z.enum(["1h", "24h", "7d", "30d"]), keyId: z.string().max(64).optional() });

/** Usage for the dashboard's charts; the tenant comes from the session, checked here. */
export async function usageAction(range: UsageRange, keyId?: string): Promise<UsageView> {
  const ctx = await requireContext();
  const parsed = input.parse({ range, keyId });
  return loadUsage(ctx, parsed.range, parsed.keyId);
}
