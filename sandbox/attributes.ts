/**
 * A user's attribute as the sandbox stores it, and as the API shows it:
 * https://developer.exist.io/reference/attributes/#get-a-users-attributes
 */
import type { Template } from "./catalogue";
import {
  GROUPS,
  findGroup,
  valueTypeDescription,
  type Group,
  type GroupName,
  type ValueType,
} from "./exist-facts";
import type { ServiceDirectory } from "./services";

export type AttributeRecord = {
  template: string | null;
  name: string;
  label: string;
  group: GroupName;
  priority: number;
  /** Name of the owning service; null when inactive with no owner. */
  service: string | null;
  active: boolean;
  manual: boolean;
  valueType: ValueType;
  /** Names of the services that have said they can supply this attribute, in order. */
  availableServices: string[];
  /** Seeded values stop this many days before today (a stalled attribute); 0 or unset: none. */
  stalledDays?: number;
  /** The local date this app acquired it: seeded values stop there (what it writes shows). */
  ownedSince?: string;
  /** Made with `create/`: it has only the values written to it, none seeded. */
  created?: boolean;
};

type Service = { name: string; label: string };

/**
 * An attribute as the API lists it ("Get a user's attributes"), its fields in the order of the
 * documented attribute object, then `available_services`, which the lists add.
 */
export type AttributeJson = {
  group: Group;
  template: string | null;
  name: string;
  label: string;
  priority: number;
  manual: boolean;
  active: boolean;
  value_type: ValueType;
  value_type_description: string;
  service: Service | null;
  available_services: Service[];
};

/** A new attribute made from a template, as acquire-by-template creates it. */
export function attributeFromTemplate(
  template: Template,
  owner: string | null,
  availableServices: string[],
): AttributeRecord {
  return {
    template: template.name,
    name: template.name,
    label: template.label,
    group: template.group,
    priority: template.priority,
    service: owner,
    active: owner !== null,
    manual: false,
    valueType: template.valueType,
    availableServices,
  };
}

function serviceJson(name: string, services: ServiceDirectory): Service {
  return services.get(name) ?? { name, label: name };
}

export function attributeJson(record: AttributeRecord, services: ServiceDirectory): AttributeJson {
  return {
    template: record.template,
    name: record.name,
    label: record.label,
    group: { ...findGroup(record.group) },
    service: record.service === null ? null : serviceJson(record.service, services),
    active: record.active,
    priority: record.priority,
    manual: record.manual,
    value_type: record.valueType,
    value_type_description: valueTypeDescription(record.valueType),
    available_services: record.availableServices.map((name) => serviceJson(name, services)),
  };
}

const GROUP_PRIORITY = new Map<string, number>(GROUPS.map((group) => [group.name, group.priority]));

/** Exist's order: group priority, then attribute priority, then name. */
export function compareAttributes(
  a: { group: GroupName; priority: number; name: string },
  b: { group: GroupName; priority: number; name: string },
): number {
  const byGroup = (GROUP_PRIORITY.get(a.group) ?? 99) - (GROUP_PRIORITY.get(b.group) ?? 99);
  if (byGroup !== 0) return byGroup;
  if (a.priority !== b.priority) return a.priority - b.priority;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

export function sortedAttributes(records: Iterable<AttributeRecord>): AttributeRecord[] {
  return [...records].sort(compareAttributes);
}
