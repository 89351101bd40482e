// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AttributesResponse } from "@/lib/api/contract";
import type { Problem } from "@/lib/query/api-error";
import { attributeKeys } from "@/lib/query/keys";
import { ConfirmDialog } from "./confirm-dialog";

afterEach(cleanup);

type HarnessProps = {
  onConfirm: () => Promise<Problem | null>;
  description?: readonly string[];
};

function Harness({ onConfirm, description }: HarnessProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button id="opener" onClick={() => setOpen(true)}>
        Open
      </button>
      {open ? (
        <ConfirmDialog
          open
          onClose={() => setOpen(false)}
          title="Acquire Steps?"
          description={description ?? <p>Google Fit will stop being able to write Steps.</p>}
          confirmLabel="Acquire"
          returnFocusTo={["opener"]}
          onConfirm={onConfirm}
        />
      ) : null}
    </>
  );
}

describe("ConfirmDialog", () => {
  it("stays open with the reason when the change fails", async () => {
    const user = userEvent.setup();
    render(<Harness onConfirm={async () => ({ message: "Exist could not be reached." })} />);
    await user.click(screen.getByRole("button", { name: "Open" }));
    const dialog = screen.getByRole("alertdialog", { name: "Acquire Steps?" });
    const describedBy = dialog.getAttribute("aria-describedby") ?? "";
    expect(document.getElementById(describedBy)?.textContent).toMatch(/Google Fit will stop/);
    await user.click(screen.getByRole("button", { name: "Acquire" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Exist could not be reached.");
    expect(screen.queryByRole("alertdialog")).not.toBeNull();
  });

  it("reads out each consequence it is given as a paragraph of its description", async () => {
    const user = userEvent.setup();
    const consequences = ["Google Fit will stop being able to write Steps.", "It happens at once."];
    render(<Harness onConfirm={async () => null} description={consequences} />);
    await user.click(screen.getByRole("button", { name: "Open" }));
    const dialog = screen.getByRole("alertdialog", { name: "Acquire Steps?" });
    const description = document.getElementById(dialog.getAttribute("aria-describedby") ?? "");
    const paragraphs = [...(description?.querySelectorAll("p") ?? [])];
    expect(paragraphs.map((paragraph) => paragraph.textContent)).toEqual(consequences);
  });

  it("closes on success and gives focus back to what opened it", async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn(async () => null);
    render(<Harness onConfirm={onConfirm} />);
    await user.click(screen.getByRole("button", { name: "Open" }));
    await user.click(screen.getByRole("button", { name: "Acquire" }));
    expect(onConfirm).toHaveBeenCalledOnce();
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Open" }));
  });

  it("offers Sign in again when the session ended, and Allow writing when a scope was missing", async () => {
    const user = userEvent.setup();
    const problems: Problem[] = [
      { message: "Your Exist session has ended.", sessionEnded: true },
      { message: "Missing scope 'health_write'.", allowWriting: "health" },
    ];
    // The button takes the group's label from the list the page holds.
    const client = new QueryClient();
    const weight = { name: "weight", group: { name: "health", label: "Health and body" } };
    client.setQueryData(attributeKeys.list(), {
      attributes: [weight],
    } as unknown as AttributesResponse);
    render(
      <QueryClientProvider client={client}>
        <Harness onConfirm={async () => problems.shift() ?? null} />
      </QueryClientProvider>,
    );
    await user.click(screen.getByRole("button", { name: "Open" }));
    await user.click(screen.getByRole("button", { name: "Acquire" }));
    const alert = await screen.findByRole("alert");
    expect(alert.querySelector("button")?.textContent).toBe("Sign in again");
    await user.click(screen.getByRole("button", { name: "Acquire" }));
    await screen.findByText("Missing scope 'health_write'.");
    const buttons = [...screen.getByRole("alert").querySelectorAll("button")];
    expect(buttons.map((button) => button.textContent)).toEqual(["Allow writing Health and body"]);
  });
});
