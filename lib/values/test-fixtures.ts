import type { Units } from "@/lib/api/contract";
import type { FieldAttribute } from "./field";

export { METRIC } from "@/lib/attributes/format";

export const IMPERIAL: Units = {
  distance: true,
  weight: true,
  energy: true,
  liquid: true,
  temperature: true,
};

/** Templated attributes by name, as the attributes list gives them. */
const TEMPLATES: Record<string, [label: string, valueType: number, group: string]> = {
  steps: ["Steps", 0, "activity"],
  water: ["Water", 0, "food_and_drink"],
  menstrual_flow: ["Menstrual flow", 0, "health"],
  stand_hours: ["Stand hours", 0, "activity"],
  weight: ["Weight", 1, "health"],
  steps_distance: ["Distance", 1, "activity"],
  steps_elevation: ["Elevation", 1, "activity"],
  energy: ["Energy consumed", 1, "food_and_drink"],
  weather_temp_max: ["Max temperature", 1, "weather"],
  money_spent: ["Money spent", 1, "finance"],
  protein: ["Protein", 1, "food_and_drink"],
  mood_note: ["Mood note", 2, "mood"],
  location: ["Location", 2, "location"],
  sleep: ["Time asleep", 3, "sleep"],
  sleep_end: ["Wake time", 4, "sleep"],
  body_fat: ["Body fat", 5, "health"],
  sleep_start: ["Bedtime", 6, "sleep"],
  mood: ["Mood", 8, "mood"],
};

export function template(name: string): FieldAttribute {
  const known = TEMPLATES[name];
  if (!known) throw new Error(`no fixture for ${name}`);
  const [label, value_type, group] = known;
  return { name, template: name, label, value_type, group: { name: group } };
}

export function custom(name: string, label: string, valueType: number, group = "custom") {
  return { name, template: null, label, value_type: valueType, group: { name: group } };
}
