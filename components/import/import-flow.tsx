"use client";

import type { AttributesResponse, ValuesResponse } from "@/lib/api/contract";
import { useImport } from "@/lib/query/use-imports";
import { FilePicker } from "./file-picker";
import { MappingForm } from "./mapping-form";
import { PreviewButton } from "./preview-button";
import { PreviewPanel } from "./preview-panel";
import { StartDialogs } from "./start-dialogs";
import { useImportFile } from "./use-import-file";
import { usePreview } from "./use-preview";
import { useStartFlow } from "./use-start-flow";
import type { ImportResponse } from "@/lib/api/contract";

type FlowProps = {
  access: AttributesResponse;
  values: ValuesResponse;
  announce: (message: string) => void;
  /** Once started, the import is the page's (its progress replaces the flow). */
  onStarted: (id: string) => void;
};

/** File → mapping → preview → Start import. */
export function ImportFlow(props: FlowProps) {
  const { access, values } = props;
  const file = useImportFile(access.attributes, values.units);
  const preview = usePreview(file, access, values);
  const answer = useImport(preview.importId).data;
  const { state } = file;

  return (
    <div
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => {
        event.preventDefault();
        const dropped = event.dataTransfer.files[0];
        if (dropped) {
          preview.forget();
          void file.choose(dropped);
        }
      }}
    >
      <FilePicker
        state={state}
        onFile={(chosen) => {
          preview.forget();
          void file.choose(chosen);
        }}
      />
      {state.stage === "mapping" ? (
        <MappingForm
          summary={state.summary}
          mapping={state.mapping}
          attributes={access.attributes}
          units={values.units}
          dateFormat={state.dateFormat}
          onDateFormat={(format) => {
            preview.forget();
            file.change({ ...state.mapping, dateFormat: format }, format);
          }}
          onChange={(mapping) => {
            preview.forget();
            file.change(mapping);
          }}
          onLongColumns={(columns) => {
            preview.forget();
            void file.chooseColumns(columns);
          }}
        >
          <PreviewButton
            busy={preview.busy}
            planning={preview.planning}
            problem={preview.problem}
            onPreview={() => void preview.preview(state)}
          />
        </MappingForm>
      ) : null}
      {state.stage === "mapping" && answer && answer.status === "preview" ? (
        <Previewed
          {...props}
          answer={answer}
          invalid={preview.invalid}
          invalidByKey={preview.invalidByKey}
        />
      ) : null}
    </div>
  );
}

type PreviewedProps = FlowProps & {
  answer: ImportResponse;
  invalid: ReturnType<typeof usePreview>["invalid"];
  invalidByKey: Record<string, number>;
};

function Previewed(props: PreviewedProps) {
  const { answer, access, values, invalid, invalidByKey, announce, onStarted } = props;
  const flow = useStartFlow(answer, access.attributes, onStarted);
  return (
    <>
      <PreviewPanel
        answer={answer}
        known={access.attributes}
        units={values.units}
        invalid={invalid}
        invalidByKey={invalidByKey}
        busy={flow.busy}
        problem={flow.problem}
        onStart={() => flow.next(null)}
      />
      <StartDialogs answer={answer} access={access} flow={flow} announce={announce} />
    </>
  );
}
