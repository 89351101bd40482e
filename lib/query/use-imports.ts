import {
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from "@tanstack/react-query";
import type {
  ImportDraftBody,
  ImportResponse,
  ImportStartBody,
  ImportStatus,
} from "@/lib/api/contract";
import {
  changeImport,
  createImport,
  fetchCurrentImport,
  fetchImport,
  startImport,
  type ImportAction,
} from "./fetchers";
import { problemFrom, type Problem } from "./api-error";
import { importKeys, importMutationKey } from "./keys";

/**
 * An import's progress is read from our own database, never from Exist, so polling costs none of
 * Exist's calls; still, it polls only while the job is at work (running, or putting values back).
 */
export const IMPORT_POLL_MS = 2_000;

const WORKING: ReadonlySet<ImportStatus> = new Set(["running", "undoing"]);

export const isWorking = (status: ImportStatus | undefined) =>
  status !== undefined && WORKING.has(status);

const pollWhileWorking = (data: ImportResponse | null | undefined) =>
  isWorking(data?.status) ? IMPORT_POLL_MS : false;

export const importQuery = (id: string) =>
  queryOptions({
    queryKey: importKeys.detail(id),
    queryFn: () => fetchImport(id),
    refetchInterval: (query) => pollWhileWorking(query.state.data),
    // Every change answers the import as it is: no need to ask again as the answer arrives.
    staleTime: IMPORT_POLL_MS / 2,
    refetchOnWindowFocus: true,
  });

/**
 * The import under way, if any: the page shows it on return. Read once (and again after a
 * change): its answer seeds the import's own query, which alone polls while the job works.
 */
export const currentImportQuery = () =>
  queryOptions({
    queryKey: importKeys.current(),
    queryFn: async ({ client }) => {
      const found = await fetchCurrentImport();
      if (found) client.setQueryData(importKeys.detail(found.id), found);
      return found;
    },
    retry: false,
    refetchOnWindowFocus: false,
  });

export const useImport = (id: string | null) =>
  useQuery({ ...importQuery(id ?? ""), enabled: id !== null });

export const useCurrentImport = () => useQuery(currentImportQuery());

/** Every import route answers the import as it is now: that answer is the cache. */
function storeImport(queryClient: QueryClient, answer: ImportResponse) {
  queryClient.setQueryData(importKeys.detail(answer.id), answer);
  if (answer.status !== "preview") {
    void queryClient.invalidateQueries({ queryKey: importKeys.current() });
  }
}

/** A change whose answer, the import as it is now, goes to the cache. */
function useImportMutation<Variables>(
  name: string,
  mutationFn: (variables: Variables) => Promise<ImportResponse>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...importMutationKey, name],
    mutationFn,
    retry: false,
    onSuccess: (answer) => storeImport(queryClient, answer),
  });
}

/** Preview: the plan sent, compared with Exist's values; nothing is written. */
export const useCreateImport = () =>
  useImportMutation("create", (body: ImportDraftBody) => createImport(body));

export const useStartImport = () =>
  useImportMutation("start", ({ id, body }: { id: string; body: ImportStartBody }) =>
    startImport(id, body),
  );

/** Pause, Resume, Cancel import, Undo this import: `run` answers why it did not happen, or null. */
export function useImportAction(id: string) {
  const mutation = useImportMutation("change", (action: ImportAction) => changeImport(id, action));
  async function run(action: ImportAction): Promise<Problem | null> {
    try {
      await mutation.mutateAsync(action);
      return null;
    } catch (error) {
      return problemFrom(error);
    }
  }
  return { run, isPending: mutation.isPending };
}
