/** DOM ids that dialogs return focus to. Exist names are plain [a-z0-9_], safe in an id. */
export const switchId = (name: string) => `attribute-switch-${name}`;
export const rowLabelId = (name: string) => `attribute-label-${name}`;
export const BULK_ACQUIRE_ID = "bulk-acquire";
export const BULK_RELEASE_ID = "bulk-release";
export const templateButtonId = (name: string) => `template-add-${name}`;
export const BULK_RESULTS_ID = "bulk-results-heading";
/** The row itself: "Since your last visit" links to it. */
export const rowId = (name: string) => `attribute-${name}`;
export const logButtonId = (name: string) => `log-${name}`;
export const NEW_TAG_BUTTON_ID = "new-tag";
