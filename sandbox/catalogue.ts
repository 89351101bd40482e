/**
 * Exist's attribute templates, as listed at
 * https://developer.exist.io/reference/object_types/#list-of-attribute-templates
 * The docs give no labels or priorities; these are the sandbox's choices.
 */
import {
  GROUPS,
  findGroup,
  valueTypeDescription,
  type GroupName,
  type ValueType,
} from "./exist-facts";

export type Template = {
  name: string;
  label: string;
  group: GroupName;
  priority: number;
  valueType: ValueType;
};

/** [name, label, value type, priority override]; priority is otherwise the position, capped at 9. */
type Row = readonly [string, string, ValueType, number?];

const ROWS: Partial<Record<GroupName, readonly Row[]>> = {
  activity: [
    ["steps", "Steps", 0],
    ["steps_active_min", "Active minutes", 3],
    ["steps_elevation", "Elevation", 1],
    ["floors", "Floors climbed", 0],
    ["steps_distance", "Distance", 1],
    ["stand_hours", "Stand hours", 0],
    ["cycle_min", "Time cycling", 3],
    ["cycle_distance", "Distance cycled", 1],
    ["active_energy", "Active energy", 1],
  ],
  workouts: [
    ["workouts", "Workouts", 0],
    ["workouts_min", "Workout time", 3],
    ["workouts_distance", "Workout distance", 1],
  ],
  productivity: [
    ["productive_min", "Productive time", 3],
    ["neutral_min", "Neutral time", 3],
    ["distracting_min", "Distracting time", 3],
    ["commits", "Commits", 0],
    ["tasks_completed", "Tasks completed", 0],
    ["words_written", "Words written", 0],
    ["emails_sent", "Emails sent", 0],
    ["emails_received", "Emails received", 0],
    ["pomodoros_min", "Pomodoro time", 3],
    ["keystrokes", "Keystrokes", 0, 12],
  ],
  food: [
    ["coffees", "Coffees", 0],
    ["alcoholic_drinks", "Alcoholic drinks", 0],
    ["energy", "Energy consumed", 1],
    ["water", "Water", 0],
    ["carbohydrates", "Carbohydrates", 1],
    ["fat", "Fat", 1],
    ["fibre", "Fibre", 1],
    ["protein", "Protein", 1],
    ["sugar", "Sugar", 1],
    ["sodium", "Sodium", 1],
    ["cholesterol", "Cholesterol", 1, 11],
    ["caffeine", "Caffeine", 1],
  ],
  finance: [["money_spent", "Money spent", 1]],
  mood: [
    ["mood", "Mood", 8],
    ["mood_note", "Mood note", 2],
    ["energy_level", "Energy", 8],
    ["stress_level", "Stress", 8],
  ],
  sleep: [
    ["sleep", "Time asleep", 3],
    ["time_in_bed", "Time in bed", 3],
    ["sleep_light", "Light sleep", 3],
    ["sleep_deep", "Deep sleep", 3],
    ["sleep_rem", "REM sleep", 3],
    ["sleep_start", "Bedtime", 6],
    ["sleep_end", "Wake time", 4],
    ["sleep_awakenings", "Awakenings", 0],
  ],
  events: [
    ["events", "Events", 0],
    ["events_duration", "Time in events", 3],
  ],
  health: [
    ["weight", "Weight", 1],
    ["body_fat", "Body fat", 5],
    ["lean_mass", "Lean mass", 1],
    ["heartrate", "Heart rate", 0],
    ["heartrate_max", "Max heart rate", 0],
    ["heartrate_variability", "Heart rate variability", 0],
    ["heartrate_resting", "Resting heart rate", 0],
    ["meditation_min", "Meditation", 3],
    ["menstrual_flow", "Menstrual flow", 0],
    ["sexual_activity", "Sexual activity", 0],
  ],
  location: [
    ["checkins", "Check-ins", 0],
    ["location", "Location", 2, 10],
  ],
  media: [
    ["tracks", "Tracks played", 0],
    ["articles_read", "Articles read", 0],
    ["pages_read", "Pages read", 0],
    ["mobile_screen_min", "Phone screen time", 3],
    ["gaming_min", "Gaming time", 3],
    ["tv_min", "TV time", 3],
    ["movies_min", "Movie time", 3],
  ],
  // The docs' "Twitter" templates live in the social group: there is no twitter group or scope.
  social: [
    ["facebook_posts", "Facebook posts", 0],
    ["facebook_comments", "Facebook comments", 0],
    ["facebook_reactions", "Facebook reactions", 0],
    ["mastodon_posts", "Mastodon posts", 0],
    ["mastodon_replies", "Mastodon replies", 0],
    ["mastodon_boosts", "Mastodon boosts", 0],
    ["mastodon_favourites", "Mastodon favourites", 0],
    ["tweets", "Tweets", 0],
    ["twitter_mentions", "Twitter mentions", 0],
    ["twitter_username", "Twitter username", 2, 10],
  ],
  weather: [
    ["weather_temp_max", "Max temperature", 1],
    ["weather_temp_min", "Min temperature", 1],
    ["weather_precipitation", "Precipitation", 1],
    ["weather_cloud_cover", "Cloud cover", 5],
    ["weather_wind_speed", "Wind speed", 1],
    ["weather_summary", "Weather summary", 2, 10],
    ["weather_icon", "Weather icon", 2, 11],
    ["day_length", "Day length", 3],
  ],
};

export const TEMPLATES: readonly Template[] = GROUPS.flatMap((group) =>
  (ROWS[group.name] ?? []).map(([name, label, valueType, priority], index) => ({
    name,
    label,
    group: group.name,
    priority: priority ?? Math.min(index + 1, 9),
    valueType,
  })),
);

const BY_NAME = new Map(TEMPLATES.map((template) => [template.name, template]));

export function findTemplate(name: string): Template | undefined {
  return BY_NAME.get(name);
}

/** A template as `GET /api/2/attributes/templates/` lists it. */
export function templateJson(template: Template) {
  return {
    name: template.name,
    label: template.label,
    group: { ...findGroup(template.group) },
    priority: template.priority,
    value_type: template.valueType,
    value_type_description: valueTypeDescription(template.valueType),
  };
}
