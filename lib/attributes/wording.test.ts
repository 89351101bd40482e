import { describe, expect, it } from "vitest";
import { APP_SERVICE, makeAttribute } from "./test-fixtures";
import { acquireConsequence, releaseConsequence } from "./consequences";
import { expectedAfter, ownerText, releaseTarget } from "./wording";

const oura = { name: "oura", label: "Oura" };

describe("ownerText", () => {
  it("names the owning service", () => {
    expect(ownerText(makeAttribute())).toBe("Owned by Google Fit");
  });
  it("says when this app owns it, whatever Exist calls the app", () => {
    expect(ownerText(makeAttribute({ ownedByApp: true, service: APP_SERVICE }))).toBe(
      "Owned by this app",
    );
  });
  it("says an attribute without owner is inactive", () => {
    expect(ownerText(makeAttribute({ service: null, active: false }))).toBe("Inactive – no owner");
  });
});

describe("release hand-over", () => {
  const owned = makeAttribute({
    ownedByApp: true,
    service: APP_SERVICE,
    available_services: [APP_SERVICE, oura],
  });

  it("hands over to the first other service that can supply it", () => {
    expect(releaseTarget(owned)).toEqual(oura);
    expect(releaseConsequence(owned)).toBe(
      "Ownership of Steps passes to Oura, which can supply it.",
    );
  });

  it("says the attribute becomes inactive when no other service can supply it", () => {
    const alone = { ...owned, available_services: [APP_SERVICE] };
    expect(releaseTarget(alone)).toBeNull();
    expect(releaseConsequence(alone)).toMatch(/becomes inactive/);
  });

  it("shows the expected owner while the release is in flight", () => {
    expect(expectedAfter(owned, "release")).toMatchObject({ ownedByApp: false, service: oura });
    const alone = { ...owned, available_services: [APP_SERVICE] };
    expect(expectedAfter(alone, "release")).toMatchObject({ service: null, active: false });
  });
});

describe("acquireConsequence", () => {
  it("names the current owner and says it stops writing", () => {
    expect(acquireConsequence(makeAttribute({ service: oura }))).toBe(
      "Steps is owned by Oura. If this app acquires it, Oura will stop being able to write Steps.",
    );
  });
  it("says an inactive attribute is reactivated", () => {
    expect(acquireConsequence(makeAttribute({ service: null, active: false }))).toMatch(
      /inactive.*reactivates/,
    );
  });
});
