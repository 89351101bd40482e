import type { AttributesResponse } from "@/lib/api/contract";

/** One row of the attributes page: Exist's attribute plus whether this app owns it. */
export type Attribute = AttributesResponse["attributes"][number];
