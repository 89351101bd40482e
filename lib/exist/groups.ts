/**
 * Exist's attribute groups, in Exist's display order; each names two OAuth2 scopes
 * (https://developer.exist.io/reference/authentication/oauth2/#scopes). Plain data: used by the
 * app (lib/scopes.ts decides what the scopes allow) and by the sandbox.
 */
export const EXIST_GROUPS = [
  { name: "activity", label: "Activity", priority: 1 },
  { name: "workouts", label: "Workouts", priority: 2 },
  { name: "productivity", label: "Productivity", priority: 3 },
  { name: "mood", label: "Mood", priority: 4 },
  { name: "sleep", label: "Sleep", priority: 5 },
  { name: "events", label: "Events", priority: 6 },
  { name: "finance", label: "Finance", priority: 7 },
  { name: "food", label: "Food and drink", priority: 8 },
  { name: "health", label: "Health and body", priority: 9 },
  { name: "location", label: "Location", priority: 10 },
  { name: "media", label: "Media", priority: 11 },
  { name: "social", label: "Social", priority: 12 },
  { name: "weather", label: "Weather", priority: 13 },
  { name: "symptoms", label: "Symptoms", priority: 14 },
  { name: "medication", label: "Medication", priority: 15 },
  { name: "custom", label: "Custom tags", priority: 16 },
] as const;

export type ExistGroupName = (typeof EXIST_GROUPS)[number]["name"];
