import { redirect } from "next/navigation";
import { SignInButton } from "@/components/auth/sign-in-button";
import { getCurrentSession } from "@/lib/auth/server";
import { signInErrorMessage } from "@/components/auth/sign-in-errors";

type LandingPageProps = { searchParams: Promise<{ error?: string | string[] }> };

export default async function LandingPage({ searchParams }: LandingPageProps) {
  const session = await getCurrentSession();
  if (session && !session.error) redirect("/attributes");
  const { error } = await searchParams;
  const problem = signInErrorMessage(Array.isArray(error) ? error[0] : error);

  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-10">
      <div className="max-w-2xl">
        <h1 className="text-3xl font-semibold">See who owns your Exist data</h1>
        <div className="mt-4 space-y-3 text-slate-700 dark:text-slate-300">
          <p>
            In Exist, each attribute (steps, mood, sleep and the rest) is owned by exactly one
            connected service, and only the owner may write its data.
          </p>
          <p>
            Sign in with your Exist account to see every attribute with the service that owns it,
            and to make this app the owner of an attribute or give ownership up. Before each change
            we say exactly what will happen, because Exist itself does not ask you.
          </p>
        </div>
        {problem ? (
          <p
            role="alert"
            className="mt-6 rounded-md border border-red-300 bg-red-50 p-3 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
          >
            {problem}
          </p>
        ) : null}
        <SignInButton className="mt-8" />
      </div>
    </main>
  );
}
