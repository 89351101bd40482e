/**
 * The sandbox as a Hono app (`createSandbox`, for in-process tests) or a listening HTTP server
 * on 127.0.0.1 (`startSandbox`, for the CLI, Playwright and benchmarks).
 */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { createAccountPage } from "./account-page";
import { createApi } from "./api";
import { createControls } from "./controls";
import { faultInjection, requestLog } from "./middleware";
import { createOAuth } from "./oauth";
import { avatarSvg } from "./profile";
import { createState, type SandboxOptions, type SandboxState } from "./state";

export type { SandboxOptions, SandboxState };

export function createSandbox(options: SandboxOptions = {}) {
  const state = createState(options);
  const app = new Hono({ strict: false });

  app.use("*", requestLog(state));
  app.use("*", faultInjection(state));

  app.route("/oauth2", createOAuth(state));
  app.route("/api/2", createApi(state));
  app.route("/__sandbox", createControls(state));
  app.route("/account", createAccountPage(state));

  app.get("/avatars/:file{[a-z0-9_-]+\\.svg}", (c) => {
    const username = c.req.param("file").replace(/\.svg$/, "");
    const account = state.accounts.get(username);
    if (!account) return c.json({ detail: "Not found." }, 404);
    return c.body(avatarSvg(account.profile), 200, {
      "Content-Type": "image/svg+xml",
      "Cache-Control": "public, max-age=3600",
    });
  });
  app.get("/", (c) =>
    c.json({ name: "Exist sandbox", oauth2: "/oauth2/authorize", api: "/api/2/" }),
  );

  app.notFound((c) => c.json({ detail: "Not found." }, 404));
  app.onError((error, c) => {
    console.error("sandbox:", error);
    return c.json({ detail: "Internal server error." }, 500);
  });

  return { app, state };
}

export type StartOptions = SandboxOptions & { port?: number; hostname?: string };

export type RunningSandbox = { url: string; state: SandboxState; close(): Promise<void> };

/** Listens on 127.0.0.1 (port 0 → an ephemeral port); absolute URLs use that origin. */
export async function startSandbox(options: StartOptions = {}): Promise<RunningSandbox> {
  const { port = 0, hostname = "127.0.0.1", ...sandboxOptions } = options;
  const { app, state } = createSandbox(sandboxOptions);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port, hostname }, () => resolve(started));
    started.once("error", reject);
  });
  const address = server.address() as AddressInfo;
  const url = `http://${hostname}:${address.port}`;
  state.publicUrl ??= url;
  return {
    url,
    state,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if ("closeAllConnections" in server) server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
