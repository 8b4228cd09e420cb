import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import type { Database } from "@/db/client";
import * as schema from "@/db/schema";
import { hashApiKeySecret } from "@/lib/dal/api-keys/key-material";
import { verificationKeyQuery } from "@/lib/dal/verification-keys";
import { METRICS_TOKEN } from "./processes";
import type { Sql } from "./seed";

/** A figure from the server's /api/metrics (Prometheus text), e.g. the key cache's database loads. */
export async function metric(base: string, name: string): Promise<number> {
  const res = await fetch(`${base}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  const text = await res.text();
  const line = text.split("\n").find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{}`));
  if (!line) throw new Error(`metric ${name} not found`);
  return Number(line.slice(line.lastIndexOf(" ") + 1));
}

/** Keeps asking until the cache holds nothing (after a NOTIFY), so the next pass starts cold. */
export async function untilCacheEmpty(base: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await metric(base, "keydesk_key_cache_entries")) > 0) {
    if (Date.now() > deadline) throw new Error("the key cache did not empty after NOTIFY");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export type ScanCounts = { secretHashIndexScans: number; apiKeysSeqScans: number };

/** PostgreSQL's own counters: index scans of the secret-hash index, sequential scans of api_keys. */
export async function scanCounts(sql: Sql): Promise<ScanCounts> {
  const [row] = await sql<{ idx: string; seq: string }[]>`
    select (select idx_scan from pg_stat_user_indexes where indexrelname = 'api_keys_secret_hash_idx') as idx,
           (select seq_scan from pg_stat_user_tables where relname = 'api_keys') as seq`;
  return { secretHashIndexScans: Number(row!.idx), apiKeysSeqScans: Number(row!.seq) };
}

/**
 * Counters after a run: backends report their statistics when idle, at most every second and at the
 * latest after ~10 s, so this waits until the index scans stop growing (or `expected` is reached).
 */
export async function settledScanCounts(sql: Sql, expectedIndexScans: number): Promise<ScanCounts> {
  let last = await scanCounts(sql);
  for (let waited = 0; waited < 15_000; waited += 500) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = await scanCounts(sql);
    if (
      now.secretHashIndexScans >= expectedIndexScans &&
      now.secretHashIndexScans === last.secretHashIndexScans
    )
      return now;
    last = now;
  }
  return last;
}

export type LookupPlan = { nodes: string[]; indexes: string[]; executionMs: number; text: string };

/** EXPLAIN ANALYZE of the very statement a cache miss runs (lib/dal/verification-keys.ts). */
export async function explainLookup(sql: Sql, secret: string): Promise<LookupPlan> {
  const db = drizzle(sql, { schema }) as unknown as Database;
  const query = verificationKeyQuery(db, eq(schema.apiKeys.secretHash, hashApiKeySecret(secret))).toSQL();
  const [row] = await sql.unsafe(`explain (analyze, format json) ${query.sql}`, query.params as never[]);
  const plan = (row as Record<string, [{ Plan: PlanNode; "Execution Time": number }]>)["QUERY PLAN"]![0];
  const nodes: string[] = [];
  const indexes: string[] = [];
  const walk = (node: PlanNode) => {
    nodes.push(node["Node Type"]);
    if (node["Index Name"]) indexes.push(`${node["Index Name"]} (${node["Node Type"]})`);
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(plan.Plan);
  const textRows = await sql.unsafe(`explain ${query.sql}`, query.params as never[]);
  const text = textRows.map((r) => (r as Record<string, string>)["QUERY PLAN"]).join("\n");
  return { nodes, indexes, executionMs: plan["Execution Time"], text };
}

type PlanNode = { "Node Type": string; "Index Name"?: string; Plans?: PlanNode[] };
