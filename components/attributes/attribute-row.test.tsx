// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { makeAttribute } from "@/lib/attributes/test-fixtures";
import { AttributeRow } from "./attribute-row";

afterEach(cleanup);

function renderRow(overrides: Parameters<typeof makeAttribute>[0], writable = true) {
  const onToggle = vi.fn();
  render(
    <ul>
      <AttributeRow
        attribute={makeAttribute(overrides)}
        writable={writable}
        pending={false}
        selected={false}
        onSelect={() => {}}
        onToggle={onToggle}
      />
    </ul>,
  );
  return onToggle;
}

describe("AttributeRow", () => {
  it("names the switch and the selection box after the label, and shows the owner", async () => {
    const onToggle = renderRow({});
    const toggle = screen.getByRole("switch", { name: "Steps" });
    expect(toggle.getAttribute("aria-checked")).toBe("false");
    const select = screen.getByRole<HTMLInputElement>("checkbox", { name: "Select Steps" });
    expect(select.checked).toBe(false);
    expect(screen.getByText(/^Owned by/).textContent).toBe("Owned by Google Fit");
    expect(screen.queryByText("Manual")).toBeNull();
    expect(screen.queryByText("Custom")).toBeNull();
    await userEvent.setup().click(toggle);
    expect(onToggle).toHaveBeenCalledOnce();
  });

  it("marks manual and user-defined attributes, and disables the switch when read-only", () => {
    renderRow({ label: "Headache", name: "headache", template: null, manual: true }, false);
    expect(screen.queryByText("Manual")).not.toBeNull();
    expect(screen.queryByText("Custom")).not.toBeNull();
    expect(screen.getByRole("switch", { name: "Headache" }).hasAttribute("disabled")).toBe(true);
  });
});

describe("AttributeRow with values", () => {
  const view = {
    today: "2026-11-30",
    units: { distance: false, weight: false, energy: false, liquid: false, temperature: false },
    windowDays: 14,
  };
  const series = (last: Array<number | null>) => [...Array(14 - last.length).fill(5000), ...last];

  function renderWithValues(
    overrides: Parameters<typeof makeAttribute>[0],
    latest: { date: string; value: number } | null,
    last: Array<number | null>,
  ) {
    render(
      <QueryClientProvider client={new QueryClient()}>
        <ul>
          <AttributeRow
            attribute={makeAttribute({
              available_services: [
                { name: "googlefit", label: "Google Fit" },
                { name: "oura", label: "Oura" },
              ],
              ...overrides,
            })}
            writable
            pending={false}
            selected={false}
            onSelect={() => {}}
            onToggle={() => {}}
            row={{ view, values: { latest, series: series(last) } }}
            existUrl="https://exist.io/account/attributes/"
          />
        </ul>
      </QueryClientProvider>,
    );
  }

  it("shows the latest value, its day, a named sparkline, other services and Exist's page", () => {
    renderWithValues({}, { date: "2026-11-30", value: 12345 }, [null, 12345]);
    expect(screen.queryByText("12,345")).not.toBeNull();
    expect(screen.queryByText("today")).not.toBeNull();
    const spark = screen.getByRole("img", { name: /^Steps, last 14 days: low 5,000, high 12,345/ });
    expect(spark.getAttribute("aria-label")).toMatch(/no data on 1 day$/);
    // The owner (Google Fit) is not among the others.
    expect(screen.getByText(/^Also from/).textContent).toMatch(/^Also from Oura · /);
    const link = screen.getByRole("link", { name: /^Change owner on Exist/ });
    expect(link.getAttribute("target")).toBe("_blank");
    expect(link.getAttribute("rel")).toBe("noopener noreferrer");
    expect(screen.queryByText(/No new data/)).toBeNull();
  });

  it("says when no data has come in, and that only values logged here reach it", () => {
    renderWithValues(
      { service: { name: "exist_ownership", label: "Exist Ownership" }, ownedByApp: true },
      { date: "2026-11-25", value: 4000 },
      [4000, null, null, null, null, null],
    );
    expect(screen.queryByText("No new data for 5 days")).not.toBeNull();
    expect(screen.queryByText("5 days ago")).not.toBeNull();
    expect(
      screen.queryByText("While this app owns Steps, only values you log here reach it."),
    ).not.toBeNull();
  });
});
