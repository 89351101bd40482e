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
  ownershipResultSchema,
  pageSchema,
  profileSchema,
  templateSchema,
  type AcquireObject,
  type ExistAttribute,
  type ExistAttributeValues,
  type ExistProfile,
  type ExistTemplate,
  type OwnershipObject,
  type OwnershipResult,
  type ReleaseObject,
} from "@/lib/exist/schemas";

/**
 * Exist takes at most 35 objects per acquire or release call:
 * https://developer.exist.io/reference/attribute_ownership/#acquire-attributes
 */
export const MAX_OBJECTS_PER_CALL = 35;

/** Where the access token comes from, and how to get a new one when Exist rejects it. */
export type TokenSource = {
  accessToken(): Promise<string>;
  /** A fresh token after Exist rejected `rejected`; throws ExistError("unauthorized") if none. */
  refresh(rejected: string): Promise<string>;
};

/** Objects of one acquire or release that were never sent: a call before theirs failed. */
export type Untried = { items: OwnershipObject[]; error: ExistError };

export type OwnershipOutcome = {
  /** 202 when anything was not done: Exist refused some objects, or some were never sent. */
  status: 200 | 202;
  /** Exist's answers, merged over the calls made. */
  result: OwnershipResult;
  untried: Untried | null;
};

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
   * as untried, with the error; when the first chunk fails, the error is thrown.
   */
  async function inChunks(
    path: string,
    items: readonly OwnershipObject[],
  ): Promise<OwnershipOutcome> {
    const result: OwnershipResult = { success: [], failed: [] };
    let untried: Untried | null = null;
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
        untried = { items: chunks.slice(index).flat(), error };
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
    acquire: (items: readonly AcquireObject[]) => inChunks("/api/2/attributes/acquire/", items),
    release: (items: readonly ReleaseObject[]) => inChunks("/api/2/attributes/release/", items),
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
