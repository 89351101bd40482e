import "server-only";
import { env } from "@/lib/env";
import type { ExistConfig } from "@/lib/exist/http";
import type { ClientCredentials } from "@/lib/exist/oauth";

/** Where Exist is and how long to wait for it, from the environment. */
export function existConfig(): ExistConfig {
  const { existBaseUrl, existTimeoutMs } = env();
  return { baseUrl: existBaseUrl, timeoutMs: existTimeoutMs };
}

/** This app's OAuth2 client at Exist (the sandbox's built-in one in sandbox mode). */
export function existClientCredentials(): ClientCredentials {
  const { existClientId, existClientSecret } = env();
  return { clientId: existClientId, clientSecret: existClientSecret };
}
