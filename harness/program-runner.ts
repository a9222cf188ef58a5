/**
 * The child process of `runProgramFile`: runs one program file against the `@pulumi/pulumi`
 * installed beside it and writes its registrations, as JSON, to the file it was given.
 */
import { writeFileSync } from "fs";
import * as path from "path";
import { captureProgram, PlainProgramOptions, pulumiRootFor } from "./program";

interface RunnerInput {
  readonly file: string;
  readonly options: PlainProgramOptions;
  readonly out: string;
}

const input = JSON.parse(process.env.ENGINE_PROGRAM ?? "null") as RunnerInput | null;
if (!input) {
  throw new Error("program-runner needs ENGINE_PROGRAM: {file, options, out}");
}

captureProgram(
  pulumiRootFor(path.dirname(input.file)),
  () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(input.file);
  },
  input.options,
).then(
  (registrations) => {
    writeFileSync(input.out, JSON.stringify(registrations));
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
