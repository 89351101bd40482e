/**
 * Exist's rate limit as this app applies it: a number of calls per token in windows aligned to
 * the clock (Exist's 300 calls reset at each clock hour, https://developer.exist.io/), of which
 * an import may use its share. The limits come from the environment, so tests can shorten the hour.
 */
import "server-only";
import { env } from "@/lib/env";

export type CallLimits = {
  /** Calls Exist allows per token and window. */
  limit: number;
  windowSeconds: number;
  /** Calls of a window an import may use; the rest stays for the person's own use. */
  importShare: number;
};

export function configuredLimits(): CallLimits {
  const { existRateLimit, existRateWindowSeconds, importCallsPerWindow } = env();
  return {
    limit: existRateLimit,
    windowSeconds: existRateWindowSeconds,
    importShare: importCallsPerWindow,
  };
}

export type CallWindow = { start: Date; end: Date };

/** The window holding `now`: it starts at floor(epoch seconds / W) × W and lasts W seconds. */
export function windowAt(now: Date, windowSeconds: number): CallWindow {
  const startSeconds = Math.floor(now.getTime() / 1000 / windowSeconds) * windowSeconds;
  return {
    start: new Date(startSeconds * 1000),
    end: new Date((startSeconds + windowSeconds) * 1000),
  };
}
