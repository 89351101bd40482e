/**
 * The one typed client of the Exist API v2 (https://developer.exist.io/). Server-only: it holds
 * the user's access token. Route handlers and the attributes page's prefetch are its only users.
 */
import "server-only";
import type { z } from "zod";
import { chunk } from "@/lib/exist/chunk";
import { ExistError } from "@/lib/exist/errors";
import { existRequest, type ExistConfig } from "@/lib/exist/http";
import { fetchAllPages } from "@/lib/exist/paging";
import {
  attributeSchema,
  attributeValuesSchema,
  dayValueSchema,
  ownershipResultSchema,
  pageSchema,
  profileSchema,
  templateSchema,
  type AcquireObject,
  type CreateObject,
  type ExistAttribute,
  type ExistAttributeValues,
  type ExistDayValue,
  type ExistProfile,
  type ExistTemplate,
  type OwnershipObject,
  type OwnershipResult,
  type ReleaseObject,
  type ValueObject,
} from "@/lib/exist/schemas";

/**
 * Exist takes at most 35 objects per acquire, release, update, increment or create call:
 * https://developer.exist.io/reference/attribute_ownership/#acquire-attributes,
 * https://developer.exist.io/reference/writing_data/
 */
export const MAX_OBJECTS_PER_CALL = 35;

/** Where the access token comes from, and how to get a new one when Exist rejects it. */
export type TokenSource = {
  accessToken(): Promise<string>;
  /** A fresh token after Exist rejected `rejected`; throws ExistError("unauthorized") if none. */
  refresh(rejected: string): Promise<string>;
};

/**
 * Objects of one chunked call that Exist never answered for: a call before theirs failed. The
 * first `sent` of them went in the call that failed (after a timeout or a lost connection Exist
 * may have acted on them); the rest were never sent.
 */
export type Untried<T = OwnershipObject> = { items: T[]; error: ExistError; sent: number };

/** What a chunked write answers: Exist's answers merged over the calls made. */
export type ChunkedOutcome<T> = {
  /** 202 when anything was not done: Exist refused some objects, or some were never sent. */
  status: 200 | 202;
  result: OwnershipResult;
  untried: Untried<T> | null;
};

export type OwnershipOutcome = ChunkedOutcome<OwnershipObject>;

export type ExistClient = ReturnType<typeof createExistClient>;

const LIST_PARAMS = { limit: "100", include_inactive: "true", include_low_priority: "true" };

export function createExistClient(config: ExistConfig, tokens: TokenSource) {
  const url = (path: string, params: Record<string, string> = {}) => {
    const result = new URL(`${config.baseUrl}${path}`);
    for (const [key, value] of Object.entries(params)) result.searchParams.set(key, value);
    return result;
  };

  /** One call with the current token; on 401, one refresh and one retry. */
  async function call<S extends z.ZodType>(
    target: URL,
    schema: S,
    json?: unknown,
  ): Promise<{ status: number; data: z.infer<S> }> {
    const send = (accessToken: string) =>
      existRequest(
        config,
        target,
        { method: json === undefined ? "GET" : "POST", accessToken, json },
        schema,
      );
    const accessToken = await tokens.accessToken();
    try {
      return await send(accessToken);
    } catch (error) {
      if (!(error instanceof ExistError) || error.kind !== "unauthorized") throw error;
      return send(await tokens.refresh(accessToken));
    }
  }

  function list<T extends z.ZodType>(path: string, item: T, params: Record<string, string>) {
    const schema = pageSchema(item);
    return fetchAllPages(
      url(path, params),
      config.baseUrl,
      async (page) => (await call(page, schema)).data,
    ) as Promise<z.infer<T>[]>;
  }

  /**
   * Sends `items` in chunks of MAX_OBJECTS_PER_CALL, one after another, and merges the answers.
   * When a later chunk fails, the earlier results are kept and the items not sent are reported
   * as untried, with the error; when the first chunk fails, the error is thrown. No call is ever
   * sent twice: an increment or a create that Exist received would be applied twice.
   */
  async function inChunks<T extends object>(
    path: string,
    items: readonly T[],
  ): Promise<ChunkedOutcome<T>> {
    const result: OwnershipResult = { success: [], failed: [] };
    let untried: Untried<T> | null = null;
    let status: 200 | 202 = 200;
    const chunks = chunk(items, MAX_OBJECTS_PER_CALL);
    for (const [index, part] of chunks.entries()) {
      try {
        // success_objects: Exist answers with the changed attributes, so the list needs no refetch
        // and the history learns each new owner.
        const answer = await call(
          url(path, { success_objects: "true" }),
          ownershipResultSchema,
          part,
        );
        result.success.push(...answer.data.success);
        result.failed.push(...answer.data.failed);
        if (answer.status === 202) status = 202;
      } catch (error) {
        if (index === 0 || !(error instanceof ExistError)) throw error;
        untried = { items: chunks.slice(index).flat(), error, sent: part.length };
        break;
      }
    }
    if (result.failed.length > 0 || untried) status = 202;
    return { status, result, untried };
  }

  return {
    profile: async (): Promise<ExistProfile> =>
      (await call(url("/api/2/accounts/profile/"), profileSchema)).data,
    /** Every attribute of the user, inactive and low-priority ones included. */
    attributes: (): Promise<ExistAttribute[]> =>
      list("/api/2/attributes/", attributeSchema, LIST_PARAMS),
    /** The attributes this app's client owns. */
    ownedAttributes: (): Promise<ExistAttribute[]> =>
      list("/api/2/attributes/owned/", attributeSchema, LIST_PARAMS),
    templates: (): Promise<ExistTemplate[]> =>
      list("/api/2/attributes/templates/", templateSchema, {
        limit: "100",
        include_low_priority: "true",
      }),
    /**
     * The active attributes with their last `days` days of values, every page
     * (https://developer.exist.io/reference/attributes/#get-attributes-with-values).
     */
    withValues: (days: number): Promise<ExistAttributeValues[]> =>
      list("/api/2/attributes/with-values/", attributeValuesSchema, {
        limit: "100",
        days: String(days),
      }),
    /**
     * The named attributes' values for the `days` days up to `dateMax` (at most 31), 100
     * attributes a page; with the number of calls it took.
     */
    valuesWindow: async (
      names: readonly string[],
      dateMax: string,
      days: number,
    ): Promise<{ attributes: ExistAttributeValues[]; calls: number }> => {
      let calls = 0;
      const schema = pageSchema(attributeValuesSchema);
      const attributes = await fetchAllPages(
        url("/api/2/attributes/with-values/", {
          limit: "100",
          days: String(days),
          date_max: dateMax,
          attributes: names.join(","),
        }),
        config.baseUrl,
        async (page) => {
          calls += 1;
          return (await call(page, schema)).data;
        },
      );
      return { attributes, calls };
    },
    /**
     * One page (100, newest first) of an attribute's values up to `dateMax`
     * (https://developer.exist.io/reference/attributes/#get-a-specific-attribute).
     */
    valuesPage: async (name: string, dateMax: string, page: number) =>
      (
        await call(
          url("/api/2/attributes/values/", {
            attribute: name,
            date_max: dateMax,
            limit: "100",
            page: String(page),
          }),
          pageSchema(dayValueSchema),
        )
      ).data,
    /** The named attributes as the list has them now, whatever their state (one call per 100). */
    attributesNamed: (names: readonly string[]): Promise<ExistAttribute[]> =>
      list("/api/2/attributes/", attributeSchema, { ...LIST_PARAMS, attributes: names.join(",") }),
    /**
     * The attribute's value on `date` (null: none), from its newest value up to that day
     * (https://developer.exist.io/reference/attributes/#get-a-specific-attribute).
     */
    dayValue: async (name: string, date: string): Promise<ExistDayValue["value"]> => {
      const target = url("/api/2/attributes/values/", {
        attribute: name,
        date_max: date,
        limit: "1",
      });
      const [newest] = (await call(target, pageSchema(dayValueSchema))).data.results;
      return newest?.date === date ? newest.value : null;
    },
    acquire: (items: readonly AcquireObject[]) => inChunks("/api/2/attributes/acquire/", items),
    release: (items: readonly ReleaseObject[]) => inChunks("/api/2/attributes/release/", items),
    /** Sets each day's value (https://developer.exist.io/reference/writing_data/). */
    update: (items: readonly ValueObject[]) => inChunks("/api/2/attributes/update/", items),
    /** Adds to each day's value; success items carry the day's new total in `current`. */
    increment: (items: readonly ValueObject[]) => inChunks("/api/2/attributes/increment/", items),
    /** New attributes owned by this client (https://developer.exist.io/reference/creating_attributes/). */
    create: (items: readonly CreateObject[]) => inChunks("/api/2/attributes/create/", items),
  };
}

/** A token source for a token that cannot be refreshed (sign-in, the server-side prefetch). */
export function fixedToken(accessToken: string): TokenSource {
  return {
    accessToken: async () => accessToken,
    refresh: async () => {
      throw new ExistError("unauthorized", "Exist no longer accepts this sign-in.");
    },
  };
}
