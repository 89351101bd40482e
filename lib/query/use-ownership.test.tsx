// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AttributesResponse } from "@/lib/api/contract";
import { makeAttribute } from "@/lib/attributes/test-fixtures";
import { attributeKeys } from "./keys";
import { useOwnershipMutation } from "./use-ownership";

const steps = makeAttribute();
const floors = makeAttribute({ name: "floors", label: "Floors" });
const initial: AttributesResponse = {
  attributes: [steps, floors],
  writableGroups: ["activity"],
  manualWrite: false,
  existAttributesUrl: "https://exist.io/account/attributes/",
};

function setup(answer: () => Promise<Response>) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  queryClient.setQueryData(attributeKeys.list(), initial);
  // No component observes the list here, so the invalidation after the change refetches nothing:
  // the cache shows exactly what the optimistic update and the rollback left.
  vi.stubGlobal("fetch", vi.fn(answer));
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  const { result } = renderHook(() => useOwnershipMutation(), { wrapper });
  const owned = () =>
    queryClient
      .getQueryData<AttributesResponse>(attributeKeys.list())
      ?.attributes.map((attribute) => [attribute.name, attribute.ownedByApp]);
  const invalidated = () => queryClient.getQueryState(attributeKeys.list())?.isInvalidated;
  return { result, owned, invalidated, queryClient };
}

afterEach(() => vi.unstubAllGlobals());

describe("useOwnershipMutation", () => {
  it("keeps what Exist accepted and rolls back only what it refused", async () => {
    const body = {
      success: [{ name: "steps" }],
      failed: [{ name: "floors", error_code: "unauthorised", error: "Missing scope" }],
    };
    const { result, owned } = setup(async () => Response.json(body, { status: 202 }));
    await act(async () => {
      const answer = await result.current.mutateAsync({
        action: "acquire",
        items: [{ name: "steps" }, { name: "floors" }],
      });
      expect(answer.failed).toHaveLength(1);
    });
    expect(owned()).toEqual([
      ["steps", true],
      ["floors", false],
    ]);
  });

  it("takes Exist's changed attributes (success_objects) into the list, with no refetch", async () => {
    const released = {
      ...steps,
      service: { name: "oura", label: "Oura" },
      ownedByApp: undefined,
      subgroup: null,
    };
    const body = { success: [released], failed: [] };
    const { result, owned, invalidated, queryClient } = setup(async () => Response.json(body));
    await act(async () => {
      await result.current.mutateAsync({ action: "release", items: [{ name: "steps" }] });
    });
    expect(owned()).toEqual([
      ["steps", false],
      ["floors", false],
    ]);
    const list = queryClient.getQueryData<AttributesResponse>(attributeKeys.list());
    expect(list?.attributes[0]?.service?.label).toBe("Oura");
    expect(invalidated()).toBe(false);
  });

  it("refetches the list when Exist refused an item", async () => {
    const body = {
      success: [],
      failed: [{ name: "steps", error_code: "unauthorised", error: "Missing scope" }],
    };
    const { result, invalidated } = setup(async () => Response.json(body, { status: 202 }));
    await act(async () => {
      await result.current.mutateAsync({ action: "acquire", items: [{ name: "steps" }] });
    });
    expect(invalidated()).toBe(true);
  });

  it("rolls back the items never sent and refetches the list", async () => {
    const body = {
      success: [{ name: "steps" }],
      failed: [],
      untried: { items: [{ name: "floors" }], code: "upstream_error", message: "HTTP 500" },
    };
    const { result, owned, invalidated } = setup(async () => Response.json(body, { status: 202 }));
    await act(async () => {
      await result.current.mutateAsync({
        action: "acquire",
        items: [{ name: "steps" }, { name: "floors" }],
      });
    });
    expect(owned()).toEqual([
      ["steps", true],
      ["floors", false],
    ]);
    expect(invalidated()).toBe(true);
  });

  it("rolls everything back when the request fails as a whole", async () => {
    const envelope = { error: { code: "upstream_error", message: "Exist unreachable" } };
    const { result, owned } = setup(async () => Response.json(envelope, { status: 502 }));
    let error: unknown;
    await act(async () => {
      await result.current
        .mutateAsync({ action: "acquire", items: [{ name: "steps" }] })
        .catch((caught: unknown) => {
          error = caught;
        });
    });
    expect(error).toMatchObject({ status: 502, code: "upstream_error" });
    expect(owned()).toEqual([
      ["steps", false],
      ["floors", false],
    ]);
  });
});
