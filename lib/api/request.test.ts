import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import {
  MAX_BODY_BYTES,
  parseJson,
  readBodyText,
  requireJsonContentType,
  requireSameOrigin,
  validate,
} from "@/lib/api/request";
import { acquireBodySchema, releaseBodySchema } from "@/lib/validations/ownership";

const APP = "http://localhost:3000";

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof ApiError ? error.code : "not an ApiError";
  }
  return undefined;
}

describe("requireSameOrigin", () => {
  it.each([
    [{ origin: APP }],
    [{ "sec-fetch-site": "same-origin" }],
    [{ origin: APP, "sec-fetch-site": "same-origin" }],
  ])("accepts %j", (headers) => {
    expect(codeOf(() => requireSameOrigin(new Headers(headers), APP))).toBeUndefined();
  });

  it.each([
    [{ origin: "https://evil.example" }],
    [{ origin: "null" }],
    [{ origin: "http://localhost:3001" }],
    [{ origin: "http://127.0.0.1:3000" }],
    [{ origin: "https://evil.example", "sec-fetch-site": "same-origin" }],
    [{ "sec-fetch-site": "cross-site" }],
    [{ "sec-fetch-site": "same-site" }],
    [{}],
  ])("refuses %j as forbidden_origin", (headers) => {
    expect(codeOf(() => requireSameOrigin(new Headers(headers), APP))).toBe("forbidden_origin");
  });
});

describe("requireJsonContentType", () => {
  it.each(["application/json", "application/json; charset=utf-8", "Application/JSON"])(
    "accepts %s",
    (type) => {
      expect(codeOf(() => requireJsonContentType(new Headers({ "content-type": type })))).toBe(
        undefined,
      );
    },
  );

  it.each(["text/plain", "application/x-www-form-urlencoded", "application/jsonx", ""])(
    "refuses %j with 415's code",
    (type) => {
      const headers = new Headers(type ? { "content-type": type } : {});
      expect(codeOf(() => requireJsonContentType(headers))).toBe("unsupported_media_type");
    },
  );
});

describe("readBodyText", () => {
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    new Request(APP, { method: "POST", body, headers });

  it("reads a body up to the limit", async () => {
    const body = "x".repeat(MAX_BODY_BYTES);
    await expect(readBodyText(post(body))).resolves.toHaveLength(MAX_BODY_BYTES);
  });

  it("refuses a declared Content-Length over the limit without reading", async () => {
    const request = post("[]", { "content-length": String(MAX_BODY_BYTES + 1) });
    await expect(readBodyText(request)).rejects.toMatchObject({ code: "payload_too_large" });
  });

  it("refuses more bytes than the limit even when no length is declared", async () => {
    const chunk = new TextEncoder().encode("x".repeat(16 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        if (sent > 10) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const request = new Request(APP, {
      method: "POST",
      body: stream,
      duplex: "half",
    } as RequestInit);
    await expect(readBodyText(request)).rejects.toMatchObject({ code: "payload_too_large" });
    expect(sent).toBeLessThan(10);
  });
});

describe("parseJson", () => {
  it("refuses malformed JSON as invalid_json", () => {
    expect(codeOf(() => parseJson("[{"))).toBe("invalid_json");
    expect(codeOf(() => parseJson(""))).toBe("invalid_json");
    expect(parseJson('[{"name":"steps"}]')).toEqual([{ name: "steps" }]);
  });
});

describe("validate", () => {
  const messageOf = (schema: Parameters<typeof validate>[0], value: unknown) => {
    try {
      validate(schema, value);
    } catch (error) {
      expect(error).toMatchObject({ code: "validation_failed" });
      return (error as Error).message;
    }
    return "valid";
  };

  it("names the first problem with its path", () => {
    const body = [{ name: "steps" }, { name: "mood" }, { template: "sleep" }, { name: "Bad Name" }];
    expect(messageOf(acquireBodySchema, body)).toBe(
      "[3].name: must be a plain Exist name: a-z, 0-9 and _, at most 100 characters",
    );
  });

  it("names an unknown key", () => {
    expect(messageOf(releaseBodySchema, [{ name: "steps", owner: "me" }])).toMatch(
      /^\[0\]: .*owner/,
    );
  });

  it("refuses a body that is not an array, an empty one and one over 1000 items", () => {
    expect(messageOf(acquireBodySchema, { name: "steps" })).toMatch(/array/);
    expect(messageOf(acquireBodySchema, [])).toBe("must name at least one attribute");
    const many = Array.from({ length: 1001 }, () => ({ name: "steps" }));
    expect(messageOf(releaseBodySchema, many)).toBe("at most 1000 attributes per request");
  });

  it("accepts names, templates and manual", () => {
    expect(
      messageOf(acquireBodySchema, [{ name: "steps" }, { template: "mood", manual: true }]),
    ).toBe("valid");
  });
});
