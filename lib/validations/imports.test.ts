import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { validate } from "@/lib/api/request";
import {
  MAX_IMPORT_ATTRIBUTES,
  MAX_IMPORT_BODY_BYTES,
  MAX_IMPORT_VALUES,
  importDraftBodySchema,
} from "./imports";

/** `count` distinct days, ascending, from 1500-01-01 (the schema checks form and order only). */
function days(count: number): string[] {
  const first = Date.UTC(1500, 0, 1);
  return Array.from({ length: count }, (_, index) =>
    new Date(first + index * 86_400_000).toISOString().slice(0, 10),
  );
}

function attribute(index: number, count: number) {
  const dates = days(count);
  return {
    name: `custom_${index}`,
    label: `Custom ${index}`,
    valueType: 0,
    days: dates,
    values: dates.map(() => 1),
    rows: dates.map((_, row) => row + 2),
    emptyDays: [],
  };
}

/** A draft of `attributes` attributes holding `values` values between them. */
function draft(attributes: number, values: number) {
  const each = Math.floor(values / attributes);
  return {
    fileName: "limits.csv",
    attributes: Array.from({ length: attributes }, (_, index) =>
      attribute(index, index === 0 ? values - each * (attributes - 1) : each),
    ),
    invalid: [],
    invalidCount: 0,
  };
}

/** The route's answer to `body`: the envelope's code and message, or "valid". */
function answer(body: unknown): string {
  try {
    validate(importDraftBodySchema, body);
    return "valid";
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return `${error.code}: ${error.message}`;
  }
}

describe("the import draft's limits", () => {
  it(`takes ${MAX_IMPORT_ATTRIBUTES} attributes and refuses one more, naming the limit`, () => {
    expect(answer(draft(MAX_IMPORT_ATTRIBUTES, MAX_IMPORT_ATTRIBUTES))).toBe("valid");
    expect(answer(draft(MAX_IMPORT_ATTRIBUTES + 1, MAX_IMPORT_ATTRIBUTES + 1))).toBe(
      "validation_failed: attributes: at most 200 attributes per import",
    );
  });

  it(`takes ${MAX_IMPORT_VALUES} values between the attributes and refuses one more`, () => {
    expect(answer(draft(3, MAX_IMPORT_VALUES))).toBe("valid");
    expect(answer(draft(3, MAX_IMPORT_VALUES + 1))).toBe(
      "validation_failed: attributes: at most 500,000 values per import, not 500,001",
    );
  });

  it("refuses one attribute of more values than an import may hold, naming the limit", () => {
    expect(answer(draft(1, MAX_IMPORT_VALUES + 1))).toBe(
      "validation_failed: attributes[0].days: at most 500,000 values per import",
    );
  });

  it("the proxy passes on more of a body than the import's limit, so the route can refuse it", async () => {
    const configPath = "../../next.config.mjs";
    const config = (await import(/* @vite-ignore */ configPath)) as {
      default: { experimental?: { proxyClientMaxBodySize?: number } };
    };
    const passedOn = config.default.experimental?.proxyClientMaxBodySize ?? 0;
    // Past the route's limit by more than a network read (64 KiB), so the route sees it exceeded.
    expect(passedOn - MAX_IMPORT_BODY_BYTES).toBeGreaterThan(64 * 1024);
  });
});
