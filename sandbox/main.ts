/**
 * `npm run sandbox`: the local Exist on http://127.0.0.1:$SANDBOX_PORT.
 * Env is read once; a malformed value stops start-up with a message naming it.
 */
import { z } from "zod";
import { DEFAULT_SANDBOX_PORT } from "./app-client";
import { startSandbox } from "./server";
import {
  DEFAULT_APP_URL,
  DEFAULT_RATE_LIMIT,
  DEFAULT_RATE_WINDOW_SECONDS,
  DEFAULT_TOKEN_TTL_SECONDS,
} from "./state";

const count = (fallback: number) => z.coerce.number().int().nonnegative().default(fallback);
const blankIsUnset = (value: unknown) => (value === "" ? undefined : value);

const envSchema = z.object({
  SANDBOX_PORT: z.preprocess(blankIsUnset, count(DEFAULT_SANDBOX_PORT).pipe(z.number().max(65535))),
  SANDBOX_RATE_LIMIT: z.preprocess(blankIsUnset, count(DEFAULT_RATE_LIMIT)),
  SANDBOX_RATE_WINDOW_S: z.preprocess(
    blankIsUnset,
    count(DEFAULT_RATE_WINDOW_SECONDS).pipe(z.number().min(1)),
  ),
  SANDBOX_TOKEN_TTL: z.preprocess(blankIsUnset, count(DEFAULT_TOKEN_TTL_SECONDS)),
  EXIST_CLIENT_ID: z.preprocess(blankIsUnset, z.string().optional()),
  EXIST_CLIENT_SECRET: z.preprocess(blankIsUnset, z.string().optional()),
  APP_URL: z.preprocess(blankIsUnset, z.url().optional()),
  NEXTAUTH_URL: z.preprocess(blankIsUnset, z.url().optional()),
});

function readEnv() {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    console.error(`sandbox: invalid ${issue?.path.join(".")}: ${issue?.message}`);
    process.exit(1);
  }
  const env = parsed.data;
  if (Boolean(env.EXIST_CLIENT_ID) !== Boolean(env.EXIST_CLIENT_SECRET)) {
    console.error("sandbox: set both EXIST_CLIENT_ID and EXIST_CLIENT_SECRET, or neither");
    process.exit(1);
  }
  return env;
}

const env = readEnv();
const sandbox = await startSandbox({
  port: env.SANDBOX_PORT,
  rateLimit: env.SANDBOX_RATE_LIMIT,
  rateWindowSeconds: env.SANDBOX_RATE_WINDOW_S,
  tokenTtlSeconds: env.SANDBOX_TOKEN_TTL,
  appUrl: env.APP_URL ?? env.NEXTAUTH_URL ?? DEFAULT_APP_URL,
  client:
    env.EXIST_CLIENT_ID && env.EXIST_CLIENT_SECRET
      ? { id: env.EXIST_CLIENT_ID, secret: env.EXIST_CLIENT_SECRET }
      : undefined,
}).catch((error: unknown) => {
  console.error(`sandbox: could not listen on port ${env.SANDBOX_PORT}: ${String(error)}`);
  process.exit(1);
});

console.log(`Exist sandbox listening on ${sandbox.url}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void sandbox.close().finally(() => process.exit(0));
  });
}
