/**
 * The engine's part of `pulumi preview`, `up`, `refresh` and `destroy` for dynamic resources: a
 * stack's state, and the provider calls in the order the engine makes them.
 *
 * Two ways to schedule them (harness/README.md compares both with the real CLI):
 * - by default every resource at once: each Check, then its Create or Diff and Update, as soon as
 *   the program registers it, with nothing bounding the steps in flight (what
 *   `pulumi up --parallel 2147483647` does; a flood a provider must survive);
 * - with {@link EngineOptions.parallel}, as the real engine schedules by default: one Check (and
 *   Diff) at a time in the order of registration, each resource's Create, Update or Delete then
 *   handed to one of `parallel` workers, the next Check waiting while every worker is busy.
 */
import { availableParallelism } from "os";
import { CheckFailure, HostCallError, ProviderHost } from "./host";
import type { Registration } from "./program";
import { PropertyMap, sameProperties } from "./struct";

export type Operation = "create" | "update" | "replace" | "delete" | "same" | "read";

/** What happened to one resource. */
export interface StepReport {
  readonly urn: string;
  readonly name: string;
  /**
   * What was done, or what a preview would do. With `failures` set, Check refused the inputs
   * and nothing was done: `op` is then what was asked (`create` for a new resource, else `update`).
   */
  readonly op: Operation;
  /** The id after the step: the new one after a create or replace; `""` when a refresh found it gone. */
  readonly id?: string;
  /** The id replaced (`replace`) whose resource was deleted after the new one was made. */
  readonly oldId?: string;
  /** The properties that forced a replacement. */
  readonly replaces?: readonly string[];
  /** Check failures (property paths and reasons); nothing was done. */
  readonly failures?: readonly CheckFailure[];
  /** The error that failed the step (a {@link HostCallError} for a failed provider call). */
  readonly error?: Error;
}

/** A resource in the stack's state, as the engine's checkpoint keeps it. */
export interface StackResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  id: string;
  /** The inputs as Check returned them. */
  inputs: PropertyMap;
  outputs: PropertyMap;
  /** Output names the engine keeps secret: secret inputs and `additionalSecretOutputs`. */
  secretOutputs: readonly string[];
  /** Set after a partial create: the next `up` updates the resource even without a change. */
  initErrors?: readonly string[];
  /** An old resource replaced, or left by a failed update, still to be deleted. */
  pendingDelete?: boolean;
}

/** Whether the engine driver plays the engine for this registration (a dynamic resource). */
export function isDynamic(registration: Registration): boolean {
  return registration.custom && registration.type.startsWith("pulumi-nodejs:dynamic/");
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function secretOutputsOf(registration: Registration): string[] {
  const names = registration.secretInputs.map((secretPath) => secretPath.split(/[.[]/)[0]);
  return [...new Set([...names, ...registration.additionalSecretOutputs])];
}

export interface EngineOptions {
  /**
   * Schedule as the real engine does: Checks and Diffs one at a time in the order of
   * registration, and at most this many Creates, Updates and Deletes in flight (the CLI's
   * `--parallel`, whose default is 4 × the CPUs Go sees: {@link defaultParallel}).
   * @default - every step at once, Checks included
   */
  readonly parallel?: number;
}

/** The real CLI's default `--parallel` on this machine: 4 × the CPUs (GOMAXPROCS). */
export function defaultParallel(): number {
  return 4 * availableParallelism();
}

/** A pool of `size` workers: a step waits for one when all are busy. */
class Workers {
  private busy = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  /** Waits for a free worker and takes it. */
  async take(): Promise<void> {
    while (this.busy >= this.size) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.busy += 1;
  }

  release(): void {
    this.busy -= 1;
    this.waiting.shift()?.();
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.take();
    try {
      return await work();
    } finally {
      this.release();
    }
  }
}

/** A step decided (a report), or decided and waiting to be run by a worker. */
type Planned = StepReport | (() => Promise<StepReport>);

export class Engine {
  /** The stack's state, in the order the resources were created. */
  resources: StackResource[] = [];

  /**
   * @param host the provider host; replace it (after a crash, say) by assigning a new one
   * @param options how to schedule the steps
   */
  constructor(
    public host: ProviderHost,
    readonly options: EngineOptions = {},
  ) {}

  /** The resources in state, without those waiting to be deleted. */
  live(): StackResource[] {
    return this.resources.filter((resource) => !resource.pendingDelete);
  }

  /** The live resource of that name (or URN). */
  get(nameOrUrn: string): StackResource | undefined {
    return this.live().find(
      (resource) => resource.name === nameOrUrn || resource.urn === nameOrUrn,
    );
  }

  /** Drops a resource from the state without calling the provider, as if it was never recorded. */
  forget(nameOrUrn: string): void {
    this.resources = this.resources.filter(
      (resource) => resource.name !== nameOrUrn && resource.urn !== nameOrUrn,
    );
  }

  /**
   * `pulumi preview`: Check every resource, Diff those in state (and Check a replacement's new
   * inputs again, without olds); nothing is made or changed.
   */
  async preview(registrations: readonly Registration[]): Promise<StepReport[]> {
    const dynamic = registrations.filter(isDynamic);
    const reports = await this.eachResource(dynamic, async (registration): Promise<StepReport> => {
      const { urn, name } = registration;
      const old = this.get(urn);
      try {
        const checked = await this.host.check(urn, old?.inputs ?? {}, registration.inputs);
        if (checked.failures.length > 0) {
          return { urn, name, op: old ? "update" : "create", failures: checked.failures };
        }
        if (!old) {
          return { urn, name, op: "create" };
        }
        const plan = await this.diff(old, checked.inputs);
        if (plan.op === "replace") {
          // As in an up: a replacement's new inputs are Checked again, without the olds.
          const rechecked = await this.host.check(urn, {}, registration.inputs);
          if (rechecked.failures.length > 0) {
            return { urn, name, op: "update", failures: rechecked.failures };
          }
        }
        return {
          urn,
          name,
          op: plan.op,
          id: old.id,
          ...(plan.replaces ? { replaces: plan.replaces } : {}),
        };
      } catch (error) {
        return { urn, name, op: old ? "update" : "create", error: asError(error) };
      }
    });
    const registered = new Set(dynamic.map((registration) => registration.urn));
    for (const resource of this.resources) {
      if (resource.pendingDelete || !registered.has(resource.urn)) {
        reports.push({ urn: resource.urn, name: resource.name, op: "delete", id: resource.id });
      }
    }
    return reports;
  }

  /**
   * `pulumi up`: deletes left pending first; then every resource at once (Check, then Create, or
   * Diff and Update / Same / Replace); then, if nothing failed, the deletes: old resources
   * replaced (created before deleted) and resources the program no longer registers.
   */
  async up(registrations: readonly Registration[]): Promise<StepReport[]> {
    const reports = await this.deleteAll(
      this.resources.filter((resource) => resource.pendingDelete),
    );
    const dynamic = registrations.filter(isDynamic);
    const steps = await this.steps(dynamic);
    if (steps.some((report) => report.failures || report.error)) {
      return [...reports, ...steps];
    }
    const registered = new Set(dynamic.map((registration) => registration.urn));
    const replaced = new Map<StackResource, number>();
    for (const resource of this.resources) {
      if (resource.pendingDelete) {
        replaced.set(
          resource,
          steps.findIndex((report) => report.oldId === resource.id),
        );
      }
    }
    const removed = this.resources.filter(
      (resource) => !resource.pendingDelete && !registered.has(resource.urn),
    );
    const deletes = await this.deleteAll([...replaced.keys(), ...removed]);
    for (const [resource, index] of replaced) {
      const failed = deletes.find((report) => report.id === resource.id && report.error);
      if (failed && index >= 0) {
        steps[index] = { ...steps[index], error: failed.error };
      }
    }
    return [
      ...reports,
      ...steps,
      ...deletes.filter((report) => removed.some((resource) => resource.id === report.id)),
    ];
  }

  /**
   * `pulumi refresh --skip-preview`: Read every resource, then Diff what was read against the
   * inputs in state; one read as gone (empty id) leaves the state.
   */
  async refresh(): Promise<StepReport[]> {
    const workers = this.workers();
    return Promise.all(
      this.resources.map((resource) =>
        workers(async (): Promise<StepReport> => {
          const { urn, name } = resource;
          try {
            const read = await this.host.read(urn, resource.id, resource.outputs, resource.inputs);
            if (read.id === "") {
              this.resources = this.resources.filter((other) => other !== resource);
              return { urn, name, op: "read", id: "" };
            }
            // The engine then diffs what was read against the inputs in state (for the drift it
            // shows): the read outputs and inputs as olds, the inputs in state as news. A failed
            // Diff fails the refresh of the resource, whose state stays as it was.
            const inputs = read.inputs ?? resource.inputs;
            await this.host.diff(urn, read.id, read.properties, resource.inputs, inputs);
            resource.id = read.id;
            resource.outputs = read.properties;
            resource.inputs = inputs;
            return { urn, name, op: "read", id: read.id };
          } catch (error) {
            return { urn, name, op: "read", id: resource.id, error: asError(error) };
          }
        }),
      ),
    );
  }

  /** `pulumi destroy`: Delete every resource in state. */
  async destroy(): Promise<StepReport[]> {
    return this.deleteAll([...this.resources]);
  }

  /** What Diff says should happen to a resource in state given its new checked inputs. */
  private async diff(
    old: StackResource,
    inputs: PropertyMap,
  ): Promise<{
    op: "same" | "update" | "replace";
    replaces?: readonly string[];
    deleteFirst?: boolean;
  }> {
    const diff = await this.host.diff(old.urn, old.id, old.outputs, inputs, old.inputs);
    if (diff.changes !== "none" && diff.replaces.length > 0) {
      return { op: "replace", replaces: diff.replaces, deleteFirst: diff.deleteBeforeReplace };
    }
    const changed =
      diff.changes === "some" ||
      (diff.changes === "unknown" && !sameProperties(old.inputs, inputs));
    // The engine updates a resource left by a partial create even when nothing changed.
    return { op: changed || old.initErrors ? "update" : "same" };
  }

  /** Runs `work` for each item: all at once, or one at a time with {@link EngineOptions.parallel}. */
  private async eachResource<T, R>(
    items: readonly T[],
    work: (item: T) => Promise<R>,
  ): Promise<R[]> {
    if (this.options.parallel === undefined) return Promise.all(items.map(work));
    const results: R[] = [];
    for (const item of items) results.push(await work(item));
    return results;
  }

  /** A runner of provider calls: unbounded, or through {@link EngineOptions.parallel} workers. */
  private workers(): <T>(work: () => Promise<T>) => Promise<T> {
    if (this.options.parallel === undefined) return (work) => work();
    const pool = new Workers(this.options.parallel);
    return (work) => pool.run(work);
  }

  /**
   * Every resource's step: at once by default; with {@link EngineOptions.parallel}, Check and Diff
   * one resource at a time, each step then handed to a worker, waiting for one to be free before
   * the next Check (the real engine's step generator hands steps over an unbuffered channel).
   */
  private async steps(dynamic: readonly Registration[]): Promise<StepReport[]> {
    if (this.options.parallel === undefined) {
      return Promise.all(
        dynamic.map(async (registration) => {
          const planned = await this.plan(registration);
          return typeof planned === "function" ? planned() : planned;
        }),
      );
    }
    const pool = new Workers(this.options.parallel);
    const running: Promise<StepReport>[] = [];
    for (const registration of dynamic) {
      const planned = await this.plan(registration);
      if (typeof planned === "function") {
        await pool.take();
        running.push(planned().finally(() => pool.release()));
      } else {
        running.push(Promise.resolve(planned));
      }
    }
    return Promise.all(running);
  }

  /** Check (and Diff for a resource in state): the report, or the step still to run. */
  private async plan(registration: Registration): Promise<Planned> {
    const { urn, name } = registration;
    const old = this.get(urn);
    const failed = (error: unknown): StepReport => ({
      urn,
      name,
      op: old ? "update" : "create",
      error: asError(error),
    });
    try {
      const checked = await this.host.check(urn, old?.inputs ?? {}, registration.inputs);
      if (checked.failures.length > 0) {
        return { urn, name, op: old ? "update" : "create", failures: checked.failures };
      }
      if (!old) {
        return () => this.create(registration, checked.inputs, "create");
      }
      const plan = await this.diff(old, checked.inputs);
      if (plan.op === "same") {
        old.inputs = checked.inputs;
        return { urn, name, op: "same", id: old.id };
      }
      if (plan.op === "update") {
        return async () => {
          try {
            const outputs = await this.host.update(
              urn,
              old.id,
              old.outputs,
              checked.inputs,
              old.inputs,
            );
            Object.assign(old, { inputs: checked.inputs, outputs, initErrors: undefined });
            return { urn, name, op: "update", id: old.id };
          } catch (error) {
            return failed(error);
          }
        };
      }
      // A replacement: the engine Checks the new inputs again without the olds (defaults are
      // computed anew for a new resource), and creates with what that Check returns.
      const rechecked = await this.host.check(urn, {}, registration.inputs);
      if (rechecked.failures.length > 0) {
        return { urn, name, op: "update", failures: rechecked.failures };
      }
      return async () => {
        try {
          if (plan.deleteFirst) {
            await this.host.delete(urn, old.id, old.outputs, old.inputs);
            this.resources = this.resources.filter((resource) => resource !== old);
          } else {
            old.pendingDelete = true;
          }
          const report = await this.create(registration, rechecked.inputs, "replace");
          if (report.error && !plan.deleteFirst) {
            old.pendingDelete = false;
          }
          return { ...report, oldId: old.id, replaces: plan.replaces };
        } catch (error) {
          return failed(error);
        }
      };
    } catch (error) {
      return failed(error);
    }
  }

  private async create(
    registration: Registration,
    inputs: PropertyMap,
    op: "create" | "replace",
  ): Promise<StepReport> {
    const { urn, name, type } = registration;
    const secretOutputs = secretOutputsOf(registration);
    try {
      const created = await this.host.create(urn, inputs);
      this.resources.push({
        urn,
        type,
        name,
        id: created.id,
        inputs,
        outputs: created.properties,
        secretOutputs,
      });
      return { urn, name, op, id: created.id };
    } catch (error) {
      const failure = error instanceof HostCallError ? error.initFailure : undefined;
      if (failure) {
        // A partial create: the engine records the resource with what the provider returned.
        this.resources.push({
          urn,
          type,
          name,
          id: failure.id,
          inputs,
          outputs: failure.properties,
          secretOutputs,
          initErrors: failure.reasons.length > 0 ? failure.reasons : [asError(error).message],
        });
        return { urn, name, op, id: failure.id, error: asError(error) };
      }
      return { urn, name, op, error: asError(error) };
    }
  }

  private async deleteAll(resources: readonly StackResource[]): Promise<StepReport[]> {
    const workers = this.workers();
    return Promise.all(
      resources.map((resource) =>
        workers(async (): Promise<StepReport> => {
          const { urn, name, id } = resource;
          try {
            await this.host.delete(urn, id, resource.outputs, resource.inputs);
            this.resources = this.resources.filter((other) => other !== resource);
            return { urn, name, op: "delete", id };
          } catch (error) {
            return { urn, name, op: "delete", id, error: asError(error) };
          }
        }),
      ),
    );
  }
}
