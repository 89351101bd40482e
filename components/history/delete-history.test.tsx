// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DeleteHistory } from "./delete-history";

const refresh = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh }) }));

function renderDeleteHistory(answer: () => Promise<Response>) {
  const fetch = vi.fn(answer);
  vi.stubGlobal("fetch", fetch);
  const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <DeleteHistory />
    </QueryClientProvider>,
  );
  return fetch;
}

async function openAndConfirm() {
  const user = userEvent.setup();
  await user.click(screen.getByRole("button", { name: "Delete my history" }));
  await user.click(screen.getByRole("button", { name: "Delete" }));
  return user;
}

beforeEach(() => refresh.mockClear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("DeleteHistory", () => {
  it("sends DELETE /api/history, then closes and shows the page again from the server", async () => {
    const fetch = renderDeleteHistory(async () => Response.json({ deleted: 3 }));
    await openAndConfirm();
    expect(fetch).toHaveBeenCalledWith(
      "/api/history",
      expect.objectContaining({ method: "DELETE" }),
    );
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(refresh).toHaveBeenCalledOnce();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Delete my history" }));
  });

  it("cannot be closed while deleting", async () => {
    let answer: (response: Response) => void = () => {};
    renderDeleteHistory(() => new Promise((resolve) => (answer = resolve)));
    const user = await openAndConfirm();
    const busy = screen.getByRole("button", { name: "Deleting…" });
    expect(busy.getAttribute("aria-busy")).toBe("true");
    await user.keyboard("{Escape}");
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.getByRole("alertdialog", { name: "Delete your history?" })).not.toBeNull();
    answer(Response.json({ deleted: 0 }));
    await vi.waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
  });

  it("stays open with the reason when the history could not be deleted", async () => {
    const envelope = { error: { code: "history_unavailable", message: "History is unavailable." } };
    renderDeleteHistory(async () => Response.json(envelope, { status: 503 }));
    await openAndConfirm();
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("Your history could not be deleted. Try again.");
    expect(screen.queryByRole("alertdialog", { name: "Delete your history?" })).not.toBeNull();
    expect(refresh).not.toHaveBeenCalled();
  });
});
