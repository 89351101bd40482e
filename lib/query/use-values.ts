import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { fetchValues } from "./fetchers";
import { valuesQuery } from "./options";

/** The values query, fetched apart from the list, and "Refresh values" (past the server's cache). */
export function useValues() {
  const queryClient = useQueryClient();
  const query = useQuery(valuesQuery());
  const [refreshing, setRefreshing] = useState(false);
  const refresh = async () => {
    if (refreshing) return;
    setRefreshing(true);
    try {
      queryClient.setQueryData(valuesQuery().queryKey, await fetchValues(true));
    } catch {
      // The bar keeps showing the values it had; a failed refresh is not worth a second alert.
    } finally {
      setRefreshing(false);
    }
  };
  return { query, refresh, refreshing };
}
