/** Always in the page, so screen readers announce each new message (the outcome of a change). */
export function LiveStatus({ message }: { message: string }) {
  return (
    <div
      role="status"
      aria-live="polite"
      className="mt-4 rounded-md empty:m-0 empty:p-0 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100"
    >
      {message}
    </div>
  );
}
