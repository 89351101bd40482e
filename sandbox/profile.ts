/**
 * `GET /api/2/accounts/profile/` and the generated avatars it points at:
 * https://developer.exist.io/reference/users/
 */
import { escapeHtml } from "./consent-page";
import type { Profile } from "./seed";

/** `2022-05-16T16:01:37.587+10:00`: the current time in the user's time zone. */
export function localTime(timezone: string, now: number): string {
  const date = new Date(now);
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: timezone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZoneName: "longOffset",
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((candidate) => candidate.type === type)?.value ?? "";
  const offset = part("timeZoneName").replace("GMT", "") || "+00:00";
  const millis = String(date.getUTCMilliseconds()).padStart(3, "0");
  return `${part("year")}-${part("month")}-${part("day")}T${part("hour")}:${part("minute")}:${part("second")}.${millis}${offset}`;
}

export function profileJson(profile: Profile, origin: string, now: number) {
  const { username, first_name, last_name, timezone, ...flags } = profile;
  const avatar = `${origin}/avatars/${encodeURIComponent(username)}.svg`;
  const local_time = localTime(timezone, now);
  return { username, first_name, last_name, avatar, timezone, local_time, ...flags };
}

/** A round avatar with the user's initials; its colour is derived from the username. */
export function avatarSvg(profile: Profile): string {
  let hash = 0;
  for (const char of profile.username) hash = (hash * 31 + char.charCodeAt(0)) % 360;
  const initials = `${profile.first_name.charAt(0)}${profile.last_name.charAt(0)}`.toUpperCase();
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128"',
    ` role="img" aria-label="${escapeHtml(profile.first_name)} ${escapeHtml(profile.last_name)}">`,
    `<circle cx="64" cy="64" r="64" fill="hsl(${hash} 55% 45%)"/>`,
    '<text x="64" y="64" dy=".35em" text-anchor="middle" font-family="system-ui, sans-serif"',
    ` font-size="52" font-weight="600" fill="#fff">${escapeHtml(initials)}</text>`,
    "</svg>",
  ].join("");
}
