import { type SQL, sql } from "drizzle-orm";
import { apiKeys } from "@/db/schema";

/**
 * lib/keys/credit-refill.ts in SQL, so that the refill and the spend are one statement: the latest
 * refill boundary at or before `now`, in UTC (daily at 00:00; monthly at 00:00 on the refill day,
 * clamped to the month's last day). `now` is a timestamptz parameter, never the database's clock,
 * so a test can stand on either side of a boundary.
 */
function lastBoundary(now: SQL): SQL {
  const at = sql`(${now} at time zone 'UTC')`;
  const day = sql`coalesce(${apiKeys.creditsRefillDay}, 1)`;
  const onDay = (monthStart: SQL) =>
    sql`(${monthStart} + make_interval(days => least(${day}, extract(day from ${monthStart} + interval '1 month' - interval '1 day')::int) - 1))`;
  const thisMonth = onDay(sql`date_trunc('month', ${at})`);
  const lastMonth = onDay(sql`(date_trunc('month', ${at}) - interval '1 month')`);
  const monthly = sql`case when ${thisMonth} <= ${at} then ${thisMonth} else ${lastMonth} end`;
  return sql`((case when ${apiKeys.creditsRefillInterval} = 'daily' then date_trunc('day', ${at}) else ${monthly} end) at time zone 'UTC')`;
}

/** Whether a refill is due: a boundary passed since the balance was last set or refilled. */
export function refillDue(now: SQL): SQL<boolean> {
  return sql<boolean>`(${apiKeys.creditsRefillInterval} is not null and ${apiKeys.creditsRefilledAt} is not null and ${lastBoundary(now)} > ${apiKeys.creditsRefilledAt})`;
}

/** The balance the next spend sees: the refill amount once due (a refill resets, it does not add). */
export function effectiveBalanceSql(now: SQL): SQL<number> {
  return sql<number>`(case when ${refillDue(now)} then ${apiKeys.creditsRefillAmount} else ${apiKeys.creditsRemaining} end)`;
}

/** The stored refill time after this statement: `now` when it refilled, unchanged otherwise. */
export function refilledAtSql(now: SQL): SQL<Date> {
  return sql<Date>`(case when ${refillDue(now)} then ${now} else ${apiKeys.creditsRefilledAt} end)`;
}
