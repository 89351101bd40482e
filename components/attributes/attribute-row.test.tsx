// @vitest-environment jsdom
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
    expect(screen.getByRole("checkbox", { name: "Select Steps" })).toBeTruthy();
    expect(screen.getByText("Owned by Google Fit")).toBeTruthy();
    await userEvent.setup().click(toggle);
    expect(onToggle).toHaveBeenCalledOnce();
  });

  it("marks manual and user-defined attributes, and disables the switch when read-only", () => {
    renderRow({ label: "Headache", name: "headache", template: null, manual: true }, false);
    expect(screen.getByText("Manual")).toBeTruthy();
    expect(screen.getByText("Custom")).toBeTruthy();
    expect(screen.getByRole("switch", { name: "Headache" }).hasAttribute("disabled")).toBe(true);
  });
});
