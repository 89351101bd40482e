"use client";

import { createContext, useContext, type ReactNode } from "react";

/** The names of the scopes Exist granted this session, for the Allow writing buttons. */
const GrantedScopes = createContext<readonly string[]>([]);

export function GrantedScopesProvider(props: { scopes: readonly string[]; children: ReactNode }) {
  return <GrantedScopes.Provider value={props.scopes}>{props.children}</GrantedScopes.Provider>;
}

export function useGrantedScopes(): readonly string[] {
  return useContext(GrantedScopes);
}
