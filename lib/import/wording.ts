/** How the import page says times and paces: "about 2 h 10 min at 200 calls an hour". */

/** "about 2 h 10 min", "about 5 min", "less than a minute". */
export function durationText(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  if (seconds <= 0) return "no time";
  if (minutes <= 1) return "less than a minute";
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `about ${rest} min`;
  return rest === 0 ? `about ${hours} h` : `about ${hours} h ${rest} min`;
}

const WINDOW_WORDS: Record<number, string> = { 3600: "an hour", 60: "a minute", 86400: "a day" };

/** "200 calls an hour"; a window of another length (tests shorten it) by its seconds. */
export function paceText(calls: number, windowSeconds: number): string {
  const noun = calls === 1 ? "call" : "calls";
  const window = WINDOW_WORDS[windowSeconds] ?? `every ${windowSeconds} s`;
  return `${calls} ${noun} ${window}`;
}

/** "19:00": the person's own clock, where their browser is. */
export function clockText(iso: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit" }).format(
    new Date(iso),
  );
}

/** "1 call", "3 calls". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en-GB")} ${count === 1 ? one : many}`;
}
