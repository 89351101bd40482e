type FilterOptionsProps = {
  /** The first option, which filters nothing (value ""). */
  all: string;
  options: ReadonlyArray<{ value: string; label: string }>;
};

/** The options of a filter's select: "All …" first, then each value it may narrow to. */
export function FilterOptions({ all, options }: FilterOptionsProps) {
  return (
    <>
      <option value="">{all}</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </>
  );
}
