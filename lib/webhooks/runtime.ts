import "server-only";
import { getEnv } from "@/lib/env";
import { createSender } from "./send";
import { createWebhookWorker, type WebhookWorker } from "./worker";

let worker: WebhookWorker | null = null;

/** The server process's delivery loop (server.ts starts it; graceful shutdown stops it). */
export function startWebhookWorker(): void {
  if (worker) return;
  worker = createWebhookWorker({ sender: createSender({ allowPrivate: getEnv().webhookAllowPrivate }) });
  worker.start();
}

/** Waits for the sends under way: their outcomes are recorded before the database closes. */
export async function stopWebhookWorker(): Promise<void> {
  const running = worker;
  worker = null;
  await running?.stop();
}
