import { Notice } from "@/components/ui/notice";
import { SignInButton } from "./sign-in-button";

/** In place of a signed-in page's content once Exist no longer accepts the session's tokens. */
export function SessionEnded() {
  return (
    <Notice title="Your Exist session has ended">
      <p>Exist no longer accepts this app&apos;s sign-in. Sign in again to see your attributes.</p>
      <SignInButton />
    </Notice>
  );
}
