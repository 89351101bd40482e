/**
 * The `demo` account: about 70 attributes over all 16 groups, owned by a mix of real services.
 * Some are inactive with no owner, some manual, some low priority; several custom tags and
 * user-defined attributes. `pages_read` is deliberately missing (tests create it from the template).
 */
import type { AttributeRecord } from "./attributes";
import { customTag, templated, userDefined } from "./seed-helpers";

export function demoAttributes(): AttributeRecord[] {
  const manual = { manual: true };
  return [
    templated("steps", "googlefit", ["googlefit", "oura", "withings"]),
    templated("steps_active_min", "googlefit", ["googlefit", "oura"]),
    templated("steps_distance", "googlefit", ["googlefit", "apple_health"]),
    templated("floors", "fitbit", ["fitbit"], { stalledDays: 5 }),
    templated("steps_elevation", null),
    templated("stand_hours", "apple_health"),
    templated("cycle_min", null),
    templated("active_energy", "oura", ["oura", "apple_health"]),

    templated("workouts", "fitbit", ["fitbit", "googlefit"]),
    templated("workouts_min", "fitbit", ["fitbit", "googlefit"]),
    templated("workouts_distance", null),

    templated("productive_min", "rescuetime"),
    templated("neutral_min", "rescuetime"),
    templated("distracting_min", "rescuetime"),
    templated("commits", "github"),
    templated("tasks_completed", "todoist"),
    templated("pomodoros_min", "toggl"),
    templated("keystrokes", null),

    templated("mood", "exist_ios", ["exist_ios", "exist_android"], manual),
    templated("mood_note", "exist_ios", ["exist_ios", "exist_android"], manual),
    templated("energy_level", "exist_ios", ["exist_ios"], manual),
    templated("stress_level", "exist_android", ["exist_android", "exist_ios"], manual),

    templated("sleep", "oura", ["oura", "withings", "fitbit"]),
    templated("time_in_bed", "oura", ["oura", "withings"]),
    templated("sleep_start", "oura"),
    templated("sleep_end", "oura"),
    templated("sleep_deep", "withings", ["withings", "oura"]),
    templated("sleep_awakenings", null),

    templated("events", "google_calendar"),
    templated("events_duration", "google_calendar"),

    templated("money_spent", "exist_android", ["exist_android"], manual),

    templated("coffees", "exist_ios", ["exist_ios"], manual),
    templated("alcoholic_drinks", "exist_android", ["exist_android"], manual),
    templated("water", "apple_health"),
    templated("energy", null),
    templated("caffeine", null),

    templated("weight", "withings", ["withings", "fitbit", "apple_health"]),
    templated("body_fat", "withings"),
    templated("heartrate", "fitbit", ["fitbit", "apple_health"]),
    templated("heartrate_resting", "oura", ["oura", "fitbit", "withings"]),
    templated("heartrate_variability", "oura", ["oura"], { stalledDays: 9 }),
    templated("meditation_min", "apple_health"),

    templated("checkins", "swarm"),
    templated("location", "exist_android", ["exist_android", "exist_ios"]),

    templated("tracks", "lastfm"),
    templated("mobile_screen_min", "exist_android"),
    templated("tv_min", "trakt", ["trakt"], { stalledDays: 4 }),
    templated("articles_read", null),
    userDefined("pages_of_french_read", "Pages of French read", "media", 0, "exist_ios"),

    templated("mastodon_posts", "mastodon"),
    templated("mastodon_boosts", "mastodon"),
    templated("tweets", null),
    templated("twitter_username", null),

    templated("weather_temp_max", "exist"),
    templated("weather_temp_min", "exist"),
    templated("weather_precipitation", "exist"),
    templated("weather_summary", "exist"),
    templated("weather_icon", "exist"),
    templated("day_length", "exist"),

    userDefined("headache", "Headache", "symptoms", 8, "exist_ios"),
    userDefined("hay_fever", "Hay fever", "symptoms", 8, "exist_android", { priority: 6 }),

    userDefined("ibuprofen", "Ibuprofen", "medication", 0, "exist_ios"),
    userDefined("vitamin_d", "Vitamin D", "medication", 7, null),

    customTag("walk", "Walk", "exist_ios"),
    customTag("tired", "Tired", "exist_ios"),
    customTag("sauna", "Sauna", "exist_android"),
    customTag("travel", "Travel", "exist_ios"),
    customTag("worked_from_home", "Worked from home", "exist_ios"),
    customTag("gym", "Gym", null),
    customTag("old_habit", "Old habit", "exist_ios", { priority: 20 }),
  ];
}
