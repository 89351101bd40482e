/**
 * Services that can own attributes in the sandbox: real Exist integrations by their API names,
 * plus the app's own client, which appears as the service "Exist Ownership".
 */
export type Service = { name: string; label: string };

export const KNOWN_SERVICES: readonly Service[] = [
  { name: "googlefit", label: "Google Fit" },
  { name: "oura", label: "Oura" },
  { name: "withings", label: "Withings" },
  { name: "fitbit", label: "Fitbit" },
  { name: "exist_android", label: "Exist for Android" },
  { name: "exist_ios", label: "Exist for iOS" },
  { name: "apple_health", label: "Apple Health" },
  { name: "rescuetime", label: "RescueTime" },
  { name: "todoist", label: "Todoist" },
  { name: "github", label: "GitHub" },
  { name: "lastfm", label: "Last.fm" },
  { name: "toggl", label: "Toggl" },
  { name: "google_calendar", label: "Google Calendar" },
  { name: "swarm", label: "Swarm" },
  { name: "trakt", label: "Trakt" },
  { name: "mastodon", label: "Mastodon" },
  { name: "exist", label: "Exist" },
];

/** Name → service, for the known services and the app's own client. */
export type ServiceDirectory = ReadonlyMap<string, Service>;

export function serviceDirectory(appService: Service): ServiceDirectory {
  return new Map([...KNOWN_SERVICES, appService].map((service) => [service.name, service]));
}
