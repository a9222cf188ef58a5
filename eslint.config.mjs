// Type-aware linting for every TypeScript file of the project.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "examples/**", ".tmp/**", "**/*.js", "**/*.mjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    // Code the provider's methods reach is serialized by value when run from source, and the
    // closure serializer keeps neither a module-level Map or Set nor a subclass of Error.
    files: ["provider/**/*.ts"],
    ignores: ["provider/resource.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "ClassDeclaration[superClass.name=/Error$/]",
          message:
            "The closure serializer turns an Error subclass into a function that loses its message: make the error with a factory function.",
        },
        {
          selector:
            ":matches(Program, ExportNamedDeclaration) > VariableDeclaration NewExpression[callee.name=/^(Weak)?(Map|Set)$/]",
          message:
            "The closure serializer turns a module-level Map or Set into an empty object: use a plain object or array.",
        },
      ],
    },
  },
  {
    files: ["test/**/*.ts", "bench/**/*.ts", "harness/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unused-expressions": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
    },
  },
  {
    // The benchmarks share test doubles with the tests through harness/doubles.ts, never by
    // reaching into test/.
    files: ["bench/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/test", "**/test/**"],
              message:
                "bench/ imports nothing from test/: shared doubles live in harness/doubles.ts.",
            },
          ],
        },
      ],
    },
  },
);
