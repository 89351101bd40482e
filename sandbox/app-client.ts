/**
 * The OAuth2 client the sandbox registers when no Exist client is configured: the app's
 * sandbox-mode credentials, read from sandbox-client.json, the registration the app reads too
 * (a data file: the sandbox imports no code of the app). These values only ever unlock the
 * sandbox on 127.0.0.1; they are not secrets.
 */
import registration from "../sandbox-client.json" with { type: "json" };

export const SANDBOX_CLIENT = registration.client;

export const DEFAULT_SANDBOX_PORT = registration.defaultPort;
