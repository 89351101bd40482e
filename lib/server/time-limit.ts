/**
 * The value of `promise` if it settles within `ms`, else null; the promise goes on either way.
 * A rejection within `ms` passes through. The timer is cleared once the race is decided, so a
 * quick answer leaves nothing behind to hold the process or a test's fake clock.
 */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
