/**
 * The OAuth2 client the local sandbox registers when no Exist client is configured, read from
 * sandbox-client.json: the one registration both sides read (the sandbox imports nothing of the
 * app, and the app nothing of the sandbox). These values only ever unlock the sandbox on
 * 127.0.0.1; they are not secrets.
 */
import registration from "../sandbox-client.json" with { type: "json" };

export const SANDBOX_CLIENT = registration.client;

export const DEFAULT_SANDBOX_PORT = registration.defaultPort;
