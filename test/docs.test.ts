/**
 * The Markdown files link to files that exist and to headings those files have, so that moving a
 * section between README.md and docs/ cannot leave a dead link behind.
 */
import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import { existsSync, readFileSync } from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");

/** The repository's Markdown files, as git tracks them (and the new ones git has not seen yet). */
function markdownFiles(): string[] {
  const listed = execFileSync(
    "git",
    ["ls-files", "--cached", "--others", "--exclude-standard", "*.md"],
    { cwd: ROOT, encoding: "utf8" },
  );
  return listed.split("\n").filter((file) => file !== "" && existsSync(path.join(ROOT, file)));
}

/** Markdown without its fenced code blocks, where a `](…)` is code, not a link. */
function prose(text: string): string {
  return text.replace(/```[\s\S]*?```/g, "");
}

/** The anchors of a file's headings, as GitHub writes them. */
function anchorsOf(file: string): Set<string> {
  const headings = prose(readFileSync(file, "utf8")).matchAll(/^#+ (.*)$/gm);
  return new Set(
    [...headings].map(([, heading]) =>
      heading
        .trim()
        .toLowerCase()
        .replace(/[^\w\- ]/g, "")
        .replace(/ /g, "-"),
    ),
  );
}

describe("the Markdown files' links", () => {
  const files = markdownFiles();

  it("finds README.md, CONTRIBUTING.md and the docs", () => {
    for (const file of ["README.md", "CONTRIBUTING.md", "docs/behaviour.md"]) {
      assert.ok(files.includes(file), file);
    }
  });

  it("point at files that exist, and at headings those files have", () => {
    const broken: string[] = [];
    for (const file of files) {
      const text = prose(readFileSync(path.join(ROOT, file), "utf8"));
      for (const [, link] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(link)) continue;
        const [target, anchor] = link.split("#");
        const resolved =
          target === "" ? path.join(ROOT, file) : path.resolve(ROOT, path.dirname(file), target);
        if (!existsSync(resolved)) {
          broken.push(`${file}: ${link} (no such file)`);
        } else if (anchor && resolved.endsWith(".md") && !anchorsOf(resolved).has(anchor)) {
          broken.push(`${file}: ${link} (no such heading)`);
        }
      }
    }
    assert.deepEqual(broken, []);
  });
});
