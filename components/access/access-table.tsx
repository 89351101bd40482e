import { groupAccess, manualAccess, type Grant } from "@/lib/scopes";
import { AllowWritingButton } from "./allow-writing-button";

function Granted({ granted, scope }: Grant) {
  return (
    <>
      <span
        className={
          granted
            ? "font-medium text-emerald-800 dark:text-emerald-300"
            : "text-slate-700 dark:text-slate-300"
        }
      >
        {granted ? "Allowed" : "Not allowed"}
      </span>
      {/* On a phone the name may wrap, but only after its underscore. */}
      <span className="block font-mono text-xs text-slate-600 dark:text-slate-400">
        {scope.replace(/_.*/, "_")}
        <wbr />
        {scope.replace(/^[^_]*_/, "")}
      </span>
    </>
  );
}

// Narrow padding on phones: three columns and a button fit 375 px without scrolling sideways.
const CELL = "px-2 py-2 align-top sm:px-3";

type AccessRowProps = {
  id?: string;
  /** Set for a group: a write scope it lacks can be asked for. */
  name?: string;
  label?: string;
  read: Grant;
  write: Grant;
  children: React.ReactNode;
};

function AccessRow({ id, name, label, read, write, children }: AccessRowProps) {
  return (
    <tr id={id}>
      <th scope="row" className={`${CELL} font-medium`}>
        {children}
      </th>
      <td className={CELL}>
        <Granted {...read} />
      </td>
      <td className={CELL}>
        <Granted {...write} />
        {name && id && !write.granted ? (
          <AllowWritingButton
            group={name}
            label={label}
            returnToId={id}
            className="mt-2 whitespace-normal"
          />
        ) : null}
      </td>
    </tr>
  );
}

/**
 * Per Exist group, whether the granted scopes let this app read it and write it (Exist's scope
 * table: https://developer.exist.io/reference/authentication/oauth2/#scopes), with a way to allow
 * writing a group that is read-only.
 */
export function AccessTable({ scopes }: { scopes: readonly string[] }) {
  const manual = manualAccess(scopes);
  return (
    <div className="mt-6 rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">What this app may read and write, per Exist group</caption>
        <thead className="border-b border-slate-200 dark:border-slate-800">
          <tr>
            <th scope="col" className={CELL}>
              Group
            </th>
            <th scope="col" className={CELL}>
              Read
            </th>
            <th scope="col" className={CELL}>
              Write
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {groupAccess(scopes).map((group) => (
            <AccessRow key={group.name} id={`access-${group.name}`} {...group}>
              {`${group.label} group`}
            </AccessRow>
          ))}
          <AccessRow {...manual}>Any manually tracked attribute</AccessRow>
        </tbody>
      </table>
    </div>
  );
}
