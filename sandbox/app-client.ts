/**
 * The OAuth2 client the sandbox registers when no Exist client is configured: the app's
 * sandbox-mode credentials. The app keeps its own copy (the sandbox imports nothing of the app);
 * if the two ever differ, signing in fails at once with `invalid_client`. These values only ever
 * unlock the sandbox on 127.0.0.1; they are not secrets.
 */
export const SANDBOX_CLIENT = {
  id: "exist-ownership-sandbox",
  secret: "sandbox-secret-only-valid-on-the-local-sandbox",
  name: "Exist Ownership",
  serviceName: "exist_ownership",
} as const;

export const DEFAULT_SANDBOX_PORT = 4010;
