/**
 * Sends the person through Exist's consent again (next-auth's sign-in, with authorization params)
 * and back to `returnTo`. next-auth/react is loaded on click, as in SignInButton: it would add
 * ~12 kB gzip to every page's first load.
 */
import { CONSENT_DECLINED } from "@/lib/access/consent";

export async function askExist(returnTo: string, scope?: string): Promise<void> {
  const { signIn } = await import("next-auth/react");
  await signIn("exist", { callbackUrl: returnTo }, scope ? { scope } : undefined);
}

/** This page's path and query (minus a previous "declined" marker), with `hash` if given. */
export function currentPlace(hash?: string): string {
  const url = new URL(window.location.href);
  url.searchParams.delete(CONSENT_DECLINED.param);
  return `${url.pathname}${url.search}${hash ? `#${hash}` : url.hash}`;
}
