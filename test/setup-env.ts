/**
 * Test defaults, set before any module reads the environment. With DATABASE_URL / REDIS_URL the
 * same suites run against the real servers; without them, against in-memory PGlite and stores.
 */
process.env.KEYDESK_DATA_DIR ??= "memory://";
process.env.AUTH_SECRET ??= "test-auth-secret-0123456789-abcdefghijklmnop";
process.env.LOG_LEVEL ??= "silent";
process.env.APP_URL ??= "http://keydesk.test";
// Suites sign up many tenants from a few addresses; the sign-up throttle test sets its own limit.
process.env.SIGNUP_RATE_LIMIT ??= "1000000";
// Every suite calls the routes from one address (test/http.ts), and on Redis the files share
// their budgets: the miss budget would throttle unrelated suites. Its own suite sets it explicitly.
process.env.VERIFY_MISS_BUDGET ??= "1000000";
