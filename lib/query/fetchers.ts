import type {
  AttributesResponse,
  CreateTagsResponse,
  DayValueResponse,
  ImportDraftBody,
  ImportResponse,
  ImportStartBody,
  OwnershipResponse,
  TemplatesResponse,
  ValueItem,
  ValuesResponse,
  WriteMode,
  WriteValuesResponse,
} from "@/lib/api/contract";
import type { AcquireItem, ReleaseItem } from "@/lib/validations/ownership";
import { ApiResponseError, toApiResponseError } from "./api-error";

/** The one way the page calls the app's route handlers (same origin; cookies carry the session). */
async function requestJson<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { Accept: "application/json", ...init?.headers },
      credentials: "same-origin",
    });
  } catch {
    throw new ApiResponseError(0, "network_error", "Network error");
  }
  if (!response.ok) throw await toApiResponseError(response);
  return (await response.json()) as T;
}

function postJson<T>(path: string, body: unknown): Promise<T> {
  return requestJson<T>(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

/**
 * The page's own fetches (refocus, Retry, after a change) always ask for Exist's current state;
 * the server's short cache only serves the page's first HTML (lib/api/attributes-cache.ts).
 */
export const fetchAttributes = () =>
  requestJson<AttributesResponse>("/api/attributes", { headers: { "Cache-Control": "no-cache" } });

/** Values come from the server's long cache unless the person asks for fresh ones. */
export const fetchValues = (fresh = false) =>
  requestJson<ValuesResponse>(
    "/api/values",
    fresh ? { headers: { "Cache-Control": "no-cache" } } : undefined,
  );

export const fetchTemplates = () => requestJson<TemplatesResponse>("/api/templates");

/** 200 when every item succeeded, 202 when some failed: both resolve, with `failed` filled in. */
export const acquireAttributes = (items: AcquireItem[]) =>
  postJson<OwnershipResponse>("/api/attributes/acquire", items);

export const releaseAttributes = (items: ReleaseItem[]) =>
  postJson<OwnershipResponse>("/api/attributes/release", items);

export const deleteHistory = () =>
  requestJson<{ deleted: number }>("/api/history", { method: "DELETE" });

/** Hides "Since your last visit" up to entry `through`; the entries stay in the history. */
export const dismissSinceLastVisit = (through: number) =>
  postJson<{ dismissedThrough: number }>("/api/history/dismiss", { through });

/**
 * Save (`update`) or Add to total (`increment`) values already in Exist's stored form. 200 or
 * 202 both resolve (check `failed`, `unknown`, `untried`); an `outcome_unknown` error means the
 * first call's answer was lost: read the day back (readDayValue) before offering to write again.
 */
export const writeValues = (items: ValueItem[], mode: WriteMode) =>
  postJson<WriteValuesResponse>(`/api/values/${mode}`, items);

/** The day's value as Exist has it now (null: none), e.g. after a write whose answer was lost. */
export const readDayValue = (name: string, date: string) =>
  requestJson<DayValueResponse>(
    `/api/values/day?${new URLSearchParams({ attribute: name, date }).toString()}`,
  );

/** A new daily tag owned by this app; its `name` is in the answer's `success[0]`. */
export const createTag = (label: string) =>
  postJson<CreateTagsResponse>("/api/attributes/create", [{ label }]);

/** A new import from the page's plan: the server compares it with Exist (the preview). */
export const createImport = (body: ImportDraftBody) =>
  postJson<ImportResponse>("/api/imports", body);

const importPath = (id: string) => `/api/imports/${encodeURIComponent(id)}`;

export const fetchImport = (id: string) => requestJson<ImportResponse>(importPath(id));

/** The person's latest import under way (never a preview); null when there is none (404). */
export async function fetchCurrentImport(): Promise<ImportResponse | null> {
  try {
    return await requestJson<ImportResponse>("/api/imports/current");
  } catch (error) {
    if (error instanceof ApiResponseError && error.status === 404) return null;
    throw error;
  }
}

export type ImportAction = "pause" | "resume" | "cancel" | "undo";

export const startImport = (id: string, body: ImportStartBody) =>
  postJson<ImportResponse>(`${importPath(id)}/start`, body);

export const changeImport = (id: string, action: ImportAction) =>
  postJson<ImportResponse>(`${importPath(id)}/${action}`, {});

/** The report with every row, as a download link's address. */
export const importReportUrl = (id: string) => `${importPath(id)}/report.csv`;
