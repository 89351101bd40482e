import { describe, expect, it } from "vitest";
import { bulkGroupSummaries } from "./bulk-summary";
import { APP_SERVICE, makeAttribute, MOOD_GROUP } from "./test-fixtures";
import { acquireDataConsequence, releaseDataConsequence } from "./consequences";

const steps = makeAttribute();

describe("what a change does to the data", () => {
  it("acquire: when the owner last wrote it, and that this app writes only what is logged", () => {
    expect(acquireDataConsequence(steps, { date: "2026-11-30", today: "2026-11-30" })).toBe(
      "Google Fit last wrote Steps today. This app writes only what you log here, so Steps will get no other new data until you release it or pick another owner on Exist.",
    );
    expect(acquireDataConsequence(steps, { date: "2026-11-27", today: "2026-11-30" })).toMatch(
      /^Google Fit last wrote Steps 3 days ago\./,
    );
    expect(acquireDataConsequence(steps, null)).toMatch(
      /^Google Fit has not written Steps in the last 14 days\./,
    );
    const inactive = makeAttribute({ service: null, active: false });
    expect(acquireDataConsequence(inactive, undefined)).toBe(
      "This app writes only what you log here, so Steps will get no other new data until you release it or pick another owner on Exist.",
    );
  });

  it("release: who takes over and that data resumes, or that it becomes inactive", () => {
    const owned = makeAttribute({
      service: APP_SERVICE,
      ownedByApp: true,
      available_services: [APP_SERVICE, { name: "oura", label: "Oura" }],
    });
    expect(releaseDataConsequence(owned)).toBe("New data for Steps resumes from Oura.");
    const alone = makeAttribute({ service: APP_SERVICE, ownedByApp: true, available_services: [] });
    expect(releaseDataConsequence(alone)).toBe(
      "Steps gets no new data until a service acquires it.",
    );
  });

  it("bulk: one sentence per group", () => {
    const mood = makeAttribute({
      name: "mood",
      label: "Mood",
      group: MOOD_GROUP,
      priority: 1,
      service: { name: "exist_ios", label: "Exist for iOS" },
    });
    const floors = makeAttribute({
      name: "floors",
      label: "Floors",
      service: { name: "fitbit", label: "Fitbit" },
    });
    expect(bulkGroupSummaries("acquire", [steps, floors, mood]).map((s) => s.text)).toEqual([
      "Activity: 2 attributes from Google Fit and Fitbit will get no new data while this app owns them, other than what you log here.",
      "Mood: 1 attribute from Exist for iOS will get no new data while this app owns them, other than what you log here.",
    ]);
    const owned = (name: string, available: Array<{ name: string; label: string }>) =>
      makeAttribute({
        name,
        label: name,
        service: APP_SERVICE,
        ownedByApp: true,
        available_services: available,
      });
    const oura = { name: "oura", label: "Oura" };
    expect(
      bulkGroupSummaries("release", [owned("a", [oura]), owned("b", [oura]), owned("c", [])]).map(
        (s) => s.text,
      ),
    ).toEqual(["Activity: 2 to Oura, whose data resumes; 1 becomes inactive with no new data."]);
  });
});
