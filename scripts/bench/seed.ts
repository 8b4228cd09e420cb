import { once } from "node:events";
import { finished } from "node:stream/promises";
import postgres from "postgres";
import { benchKeyId, benchTenantId, keyCopyLine } from "./bench-keys";

export type Sql = postgres.Sql;

export const adminUrl = process.env.PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A fresh, empty database (the server applies the migrations when it starts). */
export async function recreateDatabase(name: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end({ timeout: 2 });
  }
}

export async function dropDatabase(name: string): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end({ timeout: 2 });
  }
}

export function connect(name: string): Sql {
  return postgres(databaseUrl(name), { max: 2, onnotice: () => {} });
}

/** Seconds since `started` (performance.now()), one decimal. */
const since = (started: number) => Math.round((performance.now() - started) / 100) / 10;

/**
 * Tenants 1 … count-1 (tenant 0 is the bench tenant, registered through the API), with no tenant
 * limit: cold runs spread over every tenant must not be refused by their buckets.
 */
export async function seedTenants(sql: Sql, count: number): Promise<void> {
  if (count <= 1) return;
  const ids = Array.from({ length: count - 1 }, (_, i) => benchTenantId(i + 1));
  await sql`
    insert into tenants (id, name, rate_limit_per_minute)
    select id, 'Bench tenant ' || ord, null from unnest(${ids}::text[]) with ordinality as t(id, ord)`;
}

/**
 * Secret keys `from` … `to`-1 through COPY into the real `api_keys` table (its indexes and all):
 * `keysPerTenant` consecutive indexes per tenant, tenant 0 being `benchTenant`.
 */
export async function seedKeys(
  sql: Sql,
  options: { from: number; to: number; keysPerTenant: number; benchTenant: string },
): Promise<{ seconds: number }> {
  const started = performance.now();
  const stream = await sql`
    copy api_keys (id, tenant_id, name, type, environment, secret_hash, display_prefix) from stdin`.writable();
  let chunk = "";
  for (let i = options.from; i < options.to; i++) {
    const tenant = Math.floor(i / options.keysPerTenant);
    chunk += keyCopyLine(i, tenant === 0 ? options.benchTenant : benchTenantId(tenant));
    if (chunk.length >= 1 << 20) {
      if (!stream.write(chunk)) await once(stream, "drain");
      chunk = "";
    }
  }
  stream.end(chunk);
  await finished(stream);
  return { seconds: since(started) };
}

/** Codes a failed verification of a real key is counted under (SPEC §3), a few per minute. */
const FAILURE_CODES = ["RATE_LIMITED", "IP_NOT_ALLOWED", "INSUFFICIENT_SCOPE", "API_KEY_EXPIRED"];

export type UsageSeedResult = {
  seconds: number;
  verifications: number;
  rows: { minute: number; hour: number; day: number; tenant: number };
};

/**
 * `verifications` over the last `days`, for the bench tenant's `keyCount` keys, written as the usage
 * buffer writes them: minute rows per (key, minute, outcome), then hour and day rows summed from
 * them (lib/usage/buckets.ts), all in `usage_rollups`, and the same summed over keys in
 * `usage_tenant_rollups` and over outcomes in `usage_key_totals`. Each minute has `slots` rows on distinct
 * keys, `failureSlots` of them failures; counts are spread so the total is exactly `verifications`.
 */
export async function seedUsage(
  sql: Sql,
  options: {
    tenantId: string;
    keyCount: number;
    verifications: number;
    days: number;
    slots: number;
    failureSlots: number;
    now: number;
  },
): Promise<UsageSeedResult> {
  const started = performance.now();
  const minutes = options.days * 1440;
  const rowsTotal = minutes * options.slots;
  const base = Math.floor(options.verifications / rowsTotal);
  const extra = options.verifications - base * rowsTotal;
  if (base < 1) throw new Error("usage seed: fewer verifications than rows");
  // Row r gets one more than `base` when (r × a prime) mod R falls below `extra`: a bijection on
  // 0…R-1 (the prime divides no R used here), so exactly `extra` rows do, scattered over the month.
  const prime = 2_654_435_761;
  if (rowsTotal % prime === 0) throw new Error("usage seed: pick another multiplier");
  const keyIds = Array.from({ length: options.keyCount }, (_, i) => benchKeyId(i));
  const step = Math.floor(options.keyCount / options.slots);
  if (step < 1) throw new Error("usage seed: more slots per minute than keys");
  const firstMinute = Math.floor(options.now / 60_000) - minutes + 1;
  await sql.begin(async (tx) => {
    await tx`set local synchronous_commit = off`;
    await tx`set local work_mem = '1GB'`;
    await tx`
      create temporary table seed_minutes on commit drop as
      with keys as (
        select id, (ord - 1)::int as idx from unnest(${keyIds}::text[]) with ordinality as k(id, ord)
      ), codes as (
        select code, (ord - 1)::int as idx from unnest(${FAILURE_CODES}::text[]) with ordinality as c(code, ord)
      )
      select ${options.tenantId}::text as tenant_id, k.id as key_id,
             to_timestamp((${firstMinute}::bigint + m) * 60) as bucket_start,
             case when j < ${options.failureSlots} then c.code else 'VALID' end as outcome,
             ${base}::int + case
               when ((m::bigint * ${options.slots} + j) * ${prime}::bigint) % ${rowsTotal} < ${extra} then 1
               else 0 end as count
      from generate_series(0, ${minutes - 1}) as m
      cross join generate_series(0, ${options.slots - 1}) as j
      join keys k on k.idx = (m * 7919 + j * ${step}) % ${options.keyCount}
      join codes c on c.idx = (m + j) % ${FAILURE_CODES.length}`;
    // Every row of every granularity, with the minute of its last write: a minute row is written in
    // its minute; an hour or day row is last updated by the last flush of its bucket that saw its
    // key. Each table is filled in that order, which is where the flushes leave rows on disk (a
    // row updated on a full page moves to where the newest writes go). A row order left to a hash
    // aggregate instead spread one day's hour rows over a page each.
    await tx`
      create temporary table seed_rows on commit drop as
      select tenant_id, key_id, 'minute'::usage_granularity as granularity, bucket_start, outcome, count,
             bucket_start as written
      from seed_minutes
      union all
      select tenant_id, key_id, 'hour', date_bin('1 hour', bucket_start, timestamptz '1970-01-01Z'), outcome,
             sum(count), max(bucket_start)
      from seed_minutes group by 1, 2, 4, 5
      union all
      select tenant_id, key_id, 'day', date_bin('1 day', bucket_start, timestamptz '1970-01-01Z'), outcome,
             sum(count), max(bucket_start)
      from seed_minutes group by 1, 2, 4, 5`;
    await tx`
      insert into usage_rollups (tenant_id, key_id, granularity, bucket_start, outcome, count)
      select tenant_id, key_id, granularity, bucket_start, outcome, count
      from seed_rows order by written, granularity, key_id, outcome`;
    // And summed over keys, and over outcomes, as the flush writes them (lib/dal/usage-writes.ts).
    await tx`
      insert into usage_tenant_rollups (tenant_id, granularity, bucket_start, outcome, count)
      select tenant_id, granularity, bucket_start, outcome, sum(count)
      from seed_rows group by tenant_id, granularity, bucket_start, outcome
      order by max(written), granularity, outcome`;
    await tx`
      insert into usage_key_totals (tenant_id, granularity, bucket_start, key_id, total, failed)
      select tenant_id, granularity, bucket_start, key_id, sum(count),
             coalesce(sum(count) filter (where outcome <> 'VALID'), 0)
      from seed_rows group by tenant_id, granularity, bucket_start, key_id
      order by max(written), granularity, key_id`;
  });
  const [counts] = await sql<
    { minute: number; hour: number; day: number; tenant: number; verifications: string }[]
  >`
    select count(*) filter (where granularity = 'minute')::int as minute,
           count(*) filter (where granularity = 'hour')::int as hour,
           count(*) filter (where granularity = 'day')::int as day,
           sum(count) filter (where granularity = 'minute') as verifications,
           (select count(*)::int from usage_tenant_rollups where tenant_id = ${options.tenantId}) as tenant
    from usage_rollups where tenant_id = ${options.tenantId}`;
  return {
    seconds: since(started),
    verifications: Number(counts!.verifications),
    rows: { minute: counts!.minute, hour: counts!.hour, day: counts!.day, tenant: counts!.tenant },
  };
}

/** What autovacuum would have done by the time a table of this size is in use. */
export async function vacuumAnalyze(sql: Sql): Promise<number> {
  const started = performance.now();
  await sql`vacuum (analyze) api_keys`;
  await sql`vacuum (analyze) tenants`;
  await sql`vacuum (analyze) usage_rollups`;
  await sql`vacuum (analyze) usage_tenant_rollups`;
  await sql`vacuum (analyze) usage_key_totals`;
  return since(started);
}
