import { ListSkeleton } from "@/components/attributes/page-states";

export default function Loading() {
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-6">
      <h1 className="text-2xl font-semibold">Your attributes</h1>
      <ListSkeleton />
    </main>
  );
}
