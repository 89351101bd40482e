// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it } from "vitest";
import { Switch } from "./switch";

afterEach(cleanup);

describe("Switch", () => {
  it("is disabled in the server's HTML, before its script can answer a click", () => {
    const html = renderToString(<Switch checked={false} aria-label="Steps" />);
    expect(html).toMatch(/<button[^>]* disabled=""/);
    expect(html).toContain('aria-label="Steps"');
  });

  it("is enabled once rendered in the browser, unless disabled on purpose", () => {
    render(
      <>
        <Switch checked={false} aria-label="Steps" />
        <Switch checked aria-label="Weight" disabled />
      </>,
    );
    expect(screen.getByRole("switch", { name: "Steps" }).hasAttribute("disabled")).toBe(false);
    expect(screen.getByRole("switch", { name: "Weight" }).hasAttribute("disabled")).toBe(true);
  });
});
