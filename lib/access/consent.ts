/** The query parameter the app adds when the person chose Deny on Exist's page for more access. */
export const CONSENT_DECLINED = { param: "consent", value: "declined" } as const;
