/**
 * This package's environment variables: each read when asked, its default when unset or blank,
 * and a message naming the variable and the value when it is anything but a positive number.
 */
import assert from "node:assert/strict";
import { setEnv } from "../../harness/doubles";
import { freshProvider } from "../../harness/fresh-provider";

type SettingsModule = typeof import("../../provider/aws/settings");

/**
 * The module under test, loaded afresh for each test: the variables' names are constants made when
 * it loads, so a copy loaded before the test would not see them change.
 */
function settings(): SettingsModule {
  return freshProvider()("aws/settings");
}

interface Variable {
  readonly name: string;
  readonly read: (module: SettingsModule) => number;
  readonly unset: number;
  /** What the variable is set to, and what is read from it. */
  readonly values: ReadonlyArray<[string, number]>;
}

const VARIABLES: readonly Variable[] = [
  {
    name: "PULUMI_CONNECT_MAX_IN_FLIGHT",
    read: (module) => module.maxInFlightFromEnv(),
    unset: 16,
    values: [
      ["3", 3],
      [" 8 ", 8],
      ["2.9", 2],
      ["0.5", 1],
    ],
  },
  {
    name: "PULUMI_CONNECT_DEADLINE_SECONDS",
    read: (module) => module.deadlineMsFromEnv(),
    unset: 900_000,
    values: [
      ["60", 60_000],
      ["0.25", 250],
    ],
  },
  {
    name: "PULUMI_CONNECT_REQUEST_TIMEOUT_SECONDS",
    read: (module) => module.requestTimeoutMsFromEnv(),
    unset: 60_000,
    values: [
      ["5", 5000],
      ["0.0016", 2],
      ["0.0001", 1],
    ],
  },
];

describe("the package's environment variables", () => {
  let restore: () => void;

  before(() => settings());

  beforeEach(() => {
    restore = setEnv(Object.fromEntries(VARIABLES.map(({ name }) => [name, undefined])));
  });

  afterEach(() => restore());

  for (const variable of VARIABLES) {
    const { name, read, unset, values } = variable;

    for (const [label, text] of [
      ["unset", undefined],
      ["empty", ""],
      ["blank", "  "],
    ] as const) {
      it(`reads ${name} ${label} as ${unset}`, () => {
        setEnv({ [name]: text });
        assert.equal(read(settings()), unset);
      });
    }

    for (const [text, expected] of values) {
      it(`reads ${name}="${text}" as ${expected}`, () => {
        setEnv({ [name]: text });
        assert.equal(read(settings()), expected);
      });
    }

    for (const text of ["0", "-1", "many", "Infinity", "NaN"]) {
      it(`fails when ${name} is "${text}"`, () => {
        setEnv({ [name]: text });
        assert.throws(() => read(settings()), {
          message: `${name} must be a positive number, got "${text}". Unset it to use the default.`,
        });
      });
    }
  }

  it("reads a variable each time, never once at load", () => {
    const module = settings();
    setEnv({ PULUMI_CONNECT_MAX_IN_FLIGHT: "4" });
    assert.equal(module.maxInFlightFromEnv(), 4);
    setEnv({ PULUMI_CONNECT_MAX_IN_FLIGHT: "5" });
    assert.equal(module.maxInFlightFromEnv(), 5);
  });

  it("names each variable as README documents it", () => {
    const { MAX_IN_FLIGHT_ENV, DEADLINE_ENV, REQUEST_TIMEOUT_ENV } = settings();
    assert.deepEqual(
      [MAX_IN_FLIGHT_ENV, DEADLINE_ENV, REQUEST_TIMEOUT_ENV],
      VARIABLES.map(({ name }) => name),
    );
  });
});
