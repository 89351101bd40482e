/**
 * Loop Habit Tracker's CSV export (a ZIP with Checkmarks.csv: `Date,<habit>,<habit>,...`, each
 * row ending with a comma, newest day first). Each cell is a habit's entry for the day: a yes/no
 * habit writes YES_MANUAL (done), YES_AUTO (not done, and not due that day), NO, SKIP or UNKNOWN;
 * a numerical habit writes its number times 1000 (2.5 glasses as 2500), as Loop stores it.
 * https://github.com/iSoron/uhabits (uhabits-core, HabitsCSVExporter and Entry)
 */

const ENTRY_WORDS = new Set(["YES_MANUAL", "YES_AUTO", "NO", "SKIP", "UNKNOWN"]);

/** Whether a cell is one of Loop's own words for a yes/no habit's day. */
export function isLoopEntry(cell: string): boolean {
  return ENTRY_WORDS.has(cell.trim());
}

/** Loop's numbers are stored times 1000. */
const SCALE = 1000;

/**
 * The cell as a yes/no or a plain number: done is yes, not done (due or not) is no, and skipped
 * or unknown days are empty. A numerical habit's number is divided by 1000, or, mapped to a
 * tag, is yes when above 0; its unknown days are negative: empty too.
 */
export function loopCell(cell: string, yesNo: boolean): string {
  const text = cell.trim();
  switch (text) {
    case "YES_MANUAL":
      return "yes";
    case "YES_AUTO":
    case "NO":
      return "no";
    case "SKIP":
    case "UNKNOWN":
      return "";
  }
  if (!/^-?\d+$/.test(text)) return text;
  const value = Number(text);
  if (value < 0) return "";
  if (yesNo) return value > 0 ? "yes" : "no";
  return String(value / SCALE);
}
