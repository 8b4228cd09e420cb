import { z } from "zod";

export const keyEnvironmentSchema = z.enum(["live", "test"]);

export type KeyEnvironment = z.infer<typeof keyEnvironmentSchema>;
