export default function LandingPage() {
  return (
    <main className="mx-auto max-w-2xl p-6">
      <h1 className="text-2xl font-semibold">Exist Ownership</h1>
      <p className="mt-2">See which service owns each of your Exist attributes.</p>
    </main>
  );
}
