// Command sdkgen writes the Python and Go SDKs of the native provider from the package schema,
// with Pulumi's own code generators (github.com/pulumi/pulumi/pkg/v3/codegen, the version pinned
// in go.mod). It binds the schema first, so a schema Pulumi would refuse fails here.
//
//	go run . -schema ../../schema.json -version 0.1.0 -out ../../sdk
//
// With -check it writes nothing and exits 1 when a generated file differs from the one on disk or
// is missing, or a file on disk was not generated (CI's check that the SDKs are current).
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/blang/semver"
	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	pygen "github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

const tool = "pulumi-connect-outbound-chat sdkgen"

func main() {
	schemaPath := flag.String("schema", "schema.json", "the package schema")
	version := flag.String("version", "", "the package version the SDKs carry")
	out := flag.String("out", "sdk", "the folder of the SDKs: <out>/python and <out>/go")
	check := flag.Bool("check", false, "write nothing; fail when the SDKs on disk differ")
	flag.Parse()

	files, err := generate(*schemaPath, *version)
	if err != nil {
		fmt.Fprintf(os.Stderr, "sdkgen: %v\n", err)
		os.Exit(1)
	}
	if *check {
		stale, err := compare(*out, files)
		if err != nil {
			fmt.Fprintf(os.Stderr, "sdkgen: %v\n", err)
			os.Exit(1)
		}
		if len(stale) > 0 {
			fmt.Fprintf(os.Stderr, "sdkgen: the SDKs are out of date (run `npm run sdk`):\n")
			for _, file := range stale {
				fmt.Fprintf(os.Stderr, "  %s\n", file)
			}
			os.Exit(1)
		}
		fmt.Printf("sdkgen: %d files current\n", len(files))
		return
	}
	// Remove what an earlier generation wrote, but not the SDKs' own tests and module files.
	if err := removeGenerated(*out); err != nil {
		fmt.Fprintf(os.Stderr, "sdkgen: %v\n", err)
		os.Exit(1)
	}
	for name, content := range files {
		path := filepath.Join(*out, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			fmt.Fprintf(os.Stderr, "sdkgen: %v\n", err)
			os.Exit(1)
		}
		if err := os.WriteFile(path, content, 0o644); err != nil {
			fmt.Fprintf(os.Stderr, "sdkgen: %v\n", err)
			os.Exit(1)
		}
	}
	fmt.Printf("sdkgen: wrote %d files under %s\n", len(files), *out)
}

// generate returns every file of both SDKs, keyed by its path under the SDK folder.
func generate(schemaPath, version string) (map[string][]byte, error) {
	raw, err := os.ReadFile(schemaPath)
	if err != nil {
		return nil, err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(raw, &spec); err != nil {
		return nil, fmt.Errorf("%s: %w", schemaPath, err)
	}
	if version != "" {
		spec.Version = version
	}
	bind := func() (*schema.Package, error) {
		pkg, diags, err := schema.BindSpec(spec, noPackages{}, schema.ValidationOptions{})
		if err != nil {
			return nil, err
		}
		if diags.HasErrors() {
			return nil, fmt.Errorf("the schema does not bind: %s", diags.Error())
		}
		return pkg, nil
	}

	files := map[string][]byte{}
	pkg, err := bind()
	if err != nil {
		return nil, err
	}
	python, err := pygen.GeneratePackage(tool, pkg, nil, noPackages{})
	if err != nil {
		return nil, fmt.Errorf("python: %w", err)
	}
	for name, content := range python {
		files[filepath.Join("python", name)] = content
	}
	// Each generator imports its language's section into the package it is given: bind anew.
	if pkg, err = bind(); err != nil {
		return nil, err
	}
	golang, err := gogen.GeneratePackage(tool, pkg, nil)
	if err != nil {
		return nil, fmt.Errorf("go: %w", err)
	}
	for name, content := range golang {
		files[filepath.Join("go", name)] = content
	}
	return files, nil
}

// compare lists the files that differ between the generated set and the SDK folder on disk.
func compare(out string, files map[string][]byte) ([]string, error) {
	var stale []string
	for name, content := range files {
		onDisk, err := os.ReadFile(filepath.Join(out, name))
		if err != nil || !bytes.Equal(onDisk, content) {
			stale = append(stale, name)
		}
	}
	for _, language := range []string{"python", "go"} {
		root := filepath.Join(out, language)
		err := filepath.WalkDir(root, func(path string, entry fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if entry.IsDir() {
				if name := entry.Name(); name == "__pycache__" || name == ".pytest_cache" || filepath.Ext(name) == ".egg-info" {
					return filepath.SkipDir
				}
				return nil
			}
			rel, _ := filepath.Rel(out, path)
			if _, generated := files[rel]; !generated && !handWritten(rel) {
				stale = append(stale, rel+" (not generated)")
			}
			return nil
		})
		if err != nil && !os.IsNotExist(err) {
			return nil, err
		}
	}
	sort.Strings(stale)
	return stale, nil
}

// handWritten says which files under the SDK folders are ours, not the generator's: the SDKs' tests
// and the Go module's files.
func handWritten(rel string) bool {
	base := filepath.Base(rel)
	return filepath.Ext(base) == ".sum" || base == "go.mod" || bytes.HasPrefix([]byte(base), []byte("test_")) ||
		bytes.HasSuffix([]byte(base), []byte("_test.go"))
}

// noPackages is the schema loader of a package that refers to no other: it loads nothing.
type noPackages struct{}

var errNoPackages = errors.New("the schema refers to another package; this generator loads none")

func (noPackages) LoadPackage(string, *semver.Version) (*schema.Package, error) {
	return nil, errNoPackages
}

func (noPackages) LoadPackageV2(context.Context, *schema.PackageDescriptor) (*schema.Package, error) {
	return nil, errNoPackages
}

func (noPackages) LoadPackageReference(string, *semver.Version) (schema.PackageReference, error) {
	return nil, errNoPackages
}

func (noPackages) LoadPackageReferenceV2(
	context.Context, *schema.PackageDescriptor,
) (schema.PackageReference, error) {
	return nil, errNoPackages
}

// removeGenerated deletes every file under <out>/python and <out>/go that is not hand-written.
func removeGenerated(out string) error {
	for _, language := range []string{"python", "go"} {
		root := filepath.Join(out, language)
		err := filepath.WalkDir(root, func(path string, entry fs.DirEntry, err error) error {
			if err != nil || entry.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(out, path)
			if handWritten(rel) {
				return nil
			}
			return os.Remove(path)
		})
		if err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	return nil
}
