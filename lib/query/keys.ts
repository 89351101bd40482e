/** Every query key of the app, in one place (https://tkdodo.eu/blog/effective-react-query-keys). */
export const attributeKeys = {
  all: ["attributes"] as const,
  list: () => [...attributeKeys.all, "list"] as const,
};

export const templateKeys = {
  all: ["templates"] as const,
  list: () => [...templateKeys.all, "list"] as const,
};

export const valueKeys = {
  all: ["values"] as const,
  list: () => [...valueKeys.all, "list"] as const,
  /** One attribute's value on one day, read back from Exist (GET /api/values/day). */
  day: (name: string, date: string) => [...valueKeys.all, "day", name, date] as const,
};

export const ownershipMutationKey = ["ownership"] as const;

/** History is rendered on the server: only its changes go through TanStack Query. */
export const historyMutationKeys = {
  all: ["history"] as const,
  delete: () => [...historyMutationKeys.all, "delete"] as const,
  dismiss: () => [...historyMutationKeys.all, "dismiss"] as const,
};

/** Logging values (Save, Add to total) and creating tags. */
export const writeMutationKey = ["write"] as const;
export const createTagMutationKey = ["create-tag"] as const;

/** Imports: the person's current one, and each by id (its answer after every change). */
export const importKeys = {
  all: ["imports"] as const,
  current: () => [...importKeys.all, "current"] as const,
  detail: (id: string) => [...importKeys.all, "detail", id] as const,
};

export const importMutationKey = ["import"] as const;
