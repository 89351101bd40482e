/**
 * next-auth sends failed sign-ins back to the landing page as `/?error=<code>`
 * (https://next-auth.js.org/configuration/pages#sign-in-page). What each means for the user.
 */
export function signInErrorMessage(code: string | undefined): string | null {
  if (!code) return null;
  switch (code) {
    case "AccessDenied":
    case "access_denied":
      return "You did not allow this app to use your Exist account, so you are not signed in. Sign in again whenever you like.";
    // next-auth v4 reports a denied consent (`error=access_denied` from Exist) as `Callback` too.
    case "OAuthCallback":
    case "Callback":
      return "Sign-in with Exist did not complete: access was denied on Exist's page, or Exist's answer could not be used. You are not signed in.";
    case "OAuthSignin":
    case "OAuthCreateAccount":
      return "Signing in with Exist did not work: Exist could not be reached. Please try again.";
    case "SessionRequired":
      return "Please sign in with Exist to see your attributes.";
    case "Configuration":
      return "Sign-in is not set up correctly on this server. Please tell the person who runs it.";
    default:
      return "Signing in with Exist did not work. Please try again.";
  }
}
