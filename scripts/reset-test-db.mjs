// Gives `npm run test:pg` a fresh database every run, so migrations are always applied from zero.
import postgres from "postgres";

const adminUrl = process.env.PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const name = process.env.PG_TEST_DB ?? "keydesk_test";
if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
try {
  await sql.unsafe(`drop database if exists ${name} with (force)`);
  await sql.unsafe(`create database ${name}`);
  console.info(`fresh database ${name} ready`);
} finally {
  await sql.end({ timeout: 2 });
}
