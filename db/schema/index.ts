export * from "./api-keys";
export * from "./audit-events";
export * from "./auth-sessions";
export * from "./invitations";
export * from "./mfa";
export * from "./tenants";
export * from "./usage";
export * from "./users";
