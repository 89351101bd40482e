// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DismissibleRegion } from "./dismissible-region";

function renderRegion(answer: () => Promise<Response>) {
  const fetch = vi.fn(answer);
  vi.stubGlobal("fetch", fetch);
  const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <DismissibleRegion through={42}>
        <p>Steps: Google Fit → Oura</p>
      </DismissibleRegion>
    </QueryClientProvider>,
  );
  return fetch;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("DismissibleRegion", () => {
  it("tells the server up to which entry it was dismissed, then hides", async () => {
    const fetch = renderRegion(async () => Response.json({ dismissedThrough: 42 }));
    await userEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    const [path, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(path).toBe("/api/history/dismiss");
    expect(init.method).toBe("POST");
    expect(JSON.parse(String(init.body))).toEqual({ through: 42 });
    await vi.waitFor(() => expect(screen.queryByRole("region")).toBeNull());
  });

  it("stays, saying so, when the server could not remember it", async () => {
    renderRegion(async () =>
      Response.json({ error: { code: "x", message: "x" } }, { status: 503 }),
    );
    await userEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Could not dismiss these changes. Try again.",
    );
    expect(screen.getByRole("region", { name: "Since your last visit" })).not.toBeNull();
  });
});
