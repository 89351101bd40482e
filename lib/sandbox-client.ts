/**
 * The OAuth2 client the local sandbox registers when no Exist client is configured.
 * These values only ever unlock the sandbox on 127.0.0.1; they are not secrets.
 */
export const SANDBOX_CLIENT = {
  id: "exist-ownership-sandbox",
  secret: "sandbox-secret-only-valid-on-the-local-sandbox",
  name: "Exist Ownership",
  serviceName: "exist_ownership",
} as const;

export const DEFAULT_SANDBOX_PORT = 4010;
