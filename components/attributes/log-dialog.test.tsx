// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ValuesResponse } from "@/lib/api/contract";
import { todayIn } from "@/lib/attributes/days";
import { makeAttribute } from "@/lib/attributes/test-fixtures";
import { valueKeys } from "@/lib/query/keys";
import { yesterdayOf } from "@/lib/values/dates";
import { METRIC } from "@/lib/values/test-fixtures";
import { LogDialog } from "./log-dialog";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

// UTC+14: the person's day is rarely the test machine's.
const timezone = "Pacific/Kiritimati";
const today = todayIn(timezone);
const water = makeAttribute({
  name: "water",
  template: "water",
  label: "Water",
  group: { name: "food_and_drink", label: "Food and drink", priority: 8 },
  ownedByApp: true,
});

function setup(answer: (url: string, init?: RequestInit) => Response) {
  const values: ValuesResponse = {
    timezone,
    units: METRIC,
    days: [yesterdayOf(today), today],
    values: { water: { latest: { date: yesterdayOf(today), value: 900 }, series: [900, null] } },
    fetchedAt: new Date().toISOString(),
  };
  const queryClient = new QueryClient();
  queryClient.setQueryData(valueKeys.list(), values);
  const fetch = vi.fn(async (url: string, init?: RequestInit) => answer(url, init));
  vi.stubGlobal("fetch", fetch);
  const announce = vi.fn();
  const onClose = vi.fn();
  render(
    <QueryClientProvider client={queryClient}>
      <LogDialog attribute={water} onClose={onClose} onAcquire={() => {}} announce={announce} />
    </QueryClientProvider>,
  );
  const cached = () => queryClient.getQueryData<ValuesResponse>(valueKeys.list())?.values.water;
  return { fetch, announce, onClose, cached, user: userEvent.setup() };
}

describe("LogDialog", () => {
  it("starts on today in the person's Exist time zone and refuses a later day, sending nothing", async () => {
    const { fetch, user } = setup(() => Response.json({}));
    const date = await screen.findByLabelText("Date");
    expect(date).toHaveProperty("value", today);
    await user.type(screen.getByRole("textbox", { name: "Water (ml)" }), "250");
    await user.clear(date);
    await user.type(date, "2999-01-01");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect((await screen.findByRole("alert")).textContent).toBe("The date can't be after today");
    expect(fetch).not.toHaveBeenCalled();
  });

  it("saves the stored value, announces it and puts Exist's answer into the values", async () => {
    const { fetch, announce, onClose, cached, user } = setup(() =>
      Response.json({ success: [{ name: "water", date: today, value: 250 }], failed: [] }),
    );
    await user.type(await screen.findByRole("textbox", { name: "Water (ml)" }), "250");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(onClose).toHaveBeenCalledOnce());
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe("/api/values/update");
    expect(JSON.parse(String(init?.body))).toEqual([{ name: "water", date: today, value: 250 }]);
    expect(announce).toHaveBeenCalledWith("Saved Water for today: 250 ml.");
    expect(cached()).toEqual({ latest: { date: today, value: 250 }, series: [900, 250] });
  });

  it("says an increment whose answer was lost is unknown, with the day read back; sent once", async () => {
    const { fetch, onClose, user } = setup((url) =>
      url.startsWith("/api/values/day")
        ? Response.json({ name: "water", date: today, value: 250 })
        : Response.json({ error: { code: "outcome_unknown", message: "lost" } }, { status: 502 }),
    );
    await user.type(await screen.findByRole("textbox", { name: "Water (ml)" }), "250");
    await user.click(screen.getByRole("button", { name: "Add to total" }));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Exist's answer was lost, so it is unknown whether 250 ml was added to Water. Exist now has 250 ml for today. Check it before adding again.",
    );
    const urls = fetch.mock.calls.map(([url]) => url);
    expect(urls).toEqual(["/api/values/increment", expect.stringMatching(/^\/api\/values\/day\?/)]);
    expect(onClose).not.toHaveBeenCalled();
  });
});
