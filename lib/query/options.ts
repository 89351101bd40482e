import { queryOptions } from "@tanstack/react-query";
import { fetchAttributes, fetchTemplates } from "./fetchers";
import { attributeKeys, templateKeys } from "./keys";

export const attributesQuery = () =>
  queryOptions({
    queryKey: attributeKeys.list(),
    queryFn: fetchAttributes,
    // Owners change on Exist's own pages too: look again whenever the user comes back.
    refetchOnWindowFocus: "always",
  });

export const templatesQuery = () =>
  queryOptions({
    queryKey: templateKeys.list(),
    queryFn: fetchTemplates,
  });
