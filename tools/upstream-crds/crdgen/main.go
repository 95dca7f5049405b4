// Command crdgen serves scripts/upstream-crds.sh:
//
//	crdgen kubevirt FILE        writes KubeVirt's VirtualMachine and VirtualMachineInstance CRDs, as virt-operator
//	                            generates them, to FILE
//	crdgen process RESOLVED OUT TABLE
//	                            reads the resolved manifest (one line per source: module version dir path [options]),
//	                            writes each selected CRD to OUT/<group>/<plural>.yaml and the Markdown table to TABLE
//
// Post-processing (the same for every source): Helm templating lines are dropped, so are Helm annotations and
// labels, status and creationTimestamp; a CRD that converts through a webhook (or whose line says storage-only,
// where the upstream install adds the webhook) keeps its storage version only, with conversion None, since no
// webhook runs in tests.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	extv1 "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	"kubevirt.io/kubevirt/pkg/virt-operator/resource/generate/components"
	"sigs.k8s.io/yaml"
)

func main() {
	if len(os.Args) < 2 {
		fail(errors.New("usage: crdgen kubevirt FILE | crdgen process RESOLVED OUT TABLE"))
	}
	var err error
	switch {
	case os.Args[1] == "kubevirt" && len(os.Args) == 3:
		err = kubevirt(os.Args[2])
	case os.Args[1] == "process" && len(os.Args) == 5:
		err = process(os.Args[2], os.Args[3], os.Args[4])
	default:
		err = errors.New("usage: crdgen kubevirt FILE | crdgen process RESOLVED OUT TABLE")
	}
	if err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "crdgen:", err)
	os.Exit(1)
}

func kubevirt(file string) error {
	vm, err := components.NewVirtualMachineCrd()
	if err != nil {
		return err
	}
	vmi, err := components.NewVirtualMachineInstanceCrd()
	if err != nil {
		return err
	}
	var out bytes.Buffer
	for _, crd := range []*extv1.CustomResourceDefinition{vm, vmi} {
		b, err := yaml.Marshal(crd)
		if err != nil {
			return err
		}
		out.WriteString("---\n")
		out.Write(b)
	}
	return os.WriteFile(file, out.Bytes(), 0o644)
}

type source struct {
	module, version, dir, path string
	only                       map[string]bool // plurals to keep; empty: all
	storageOnly                bool
	how                        string // table column "path": the file, or how it was generated
	generated                  bool
}

type row struct{ group, kind, versions, source, path string }

func process(resolved, out, table string) error {
	sources, err := readResolved(resolved)
	if err != nil {
		return err
	}
	written := map[string]string{}
	var rows []row
	for _, s := range sources {
		files, err := sourceFiles(filepath.Join(s.dir, s.path))
		if err != nil {
			return err
		}
		found := map[string]bool{}
		for _, f := range files {
			how := s.how
			if !s.generated && f != filepath.Join(s.dir, s.path) {
				how = "`" + filepath.Join(s.path, filepath.Base(f)) + "`"
			}
			crds, err := readCrds(f)
			if err != nil {
				return fmt.Errorf("%s@%s %s: %w", s.module, s.version, s.path, err)
			}
			for _, crd := range crds {
				spec := crd["spec"].(map[string]any)
				names := spec["names"].(map[string]any)
				group, plural, kind := spec["group"].(string), names["plural"].(string), names["kind"].(string)
				if len(s.only) > 0 && !s.only[plural] {
					continue
				}
				found[plural] = true
				served, err := clean(crd, s.storageOnly)
				if err != nil {
					return fmt.Errorf("%s.%s from %s: %w", plural, group, s.module, err)
				}
				name := group + "/" + plural + ".yaml"
				if prev, dup := written[name]; dup {
					return fmt.Errorf("%s comes from both %s and %s", name, prev, s.module)
				}
				written[name] = s.module
				b, err := yaml.Marshal(crd)
				if err != nil {
					return err
				}
				if err := os.MkdirAll(filepath.Join(out, group), 0o755); err != nil {
					return err
				}
				if err := os.WriteFile(filepath.Join(out, name), b, 0o644); err != nil {
					return err
				}
				rows = append(rows, row{group, kind, strings.Join(served, ", "), s.module + "@" + s.version, how})
			}
		}
		for plural := range s.only {
			if !found[plural] {
				return fmt.Errorf("%s@%s %s has no CRD %s", s.module, s.version, s.path, plural)
			}
		}
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].group != rows[j].group {
			return rows[i].group < rows[j].group
		}
		return rows[i].kind < rows[j].kind
	})
	var t strings.Builder
	t.WriteString("| group | kind | versions served | source module | path in the module |\n|---|---|---|---|---|\n")
	for _, r := range rows {
		fmt.Fprintf(&t, "| %s | %s | %s | %s | %s |\n", r.group, r.kind, r.versions, r.source, r.path)
	}
	return os.WriteFile(table, []byte(t.String()), 0o644)
}

// readResolved reads lines "module version dir path [only=a,b] [storage-only] [how=text-with-_-for-spaces]".
func readResolved(file string) ([]source, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var sources []source
	scanner := bufio.NewScanner(f)
	for scanner.Scan() {
		fields := strings.Fields(scanner.Text())
		if len(fields) == 0 {
			continue
		}
		if len(fields) < 4 {
			return nil, fmt.Errorf("bad resolved line %q", scanner.Text())
		}
		s := source{module: fields[0], version: fields[1], dir: fields[2], path: fields[3], only: map[string]bool{}, how: "`" + fields[3] + "`"}
		for _, option := range fields[4:] {
			switch {
			case option == "storage-only":
				s.storageOnly = true
			case strings.HasPrefix(option, "only="):
				for _, p := range strings.Split(strings.TrimPrefix(option, "only="), ",") {
					s.only[p] = true
				}
			case strings.HasPrefix(option, "how="):
				s.how = strings.ReplaceAll(strings.TrimPrefix(option, "how="), "_", " ")
				s.generated = true
			default:
				return nil, fmt.Errorf("unknown option %q in %q", option, scanner.Text())
			}
		}
		sources = append(sources, s)
	}
	return sources, scanner.Err()
}

// sourceFiles is the file itself, or the YAML files of a folder in name order.
func sourceFiles(path string) ([]string, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return []string{path}, nil
	}
	var files []string
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if !e.IsDir() && (strings.HasSuffix(e.Name(), ".yaml") || strings.HasSuffix(e.Name(), ".yml")) {
			files = append(files, filepath.Join(path, e.Name()))
		}
	}
	return files, nil
}

// readCrds returns the apiextensions.k8s.io/v1 CRDs of a (multi-document) YAML file, Helm templating lines dropped.
func readCrds(file string) ([]map[string]any, error) {
	raw, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var text strings.Builder
	for _, line := range strings.SplitAfter(string(raw), "\n") {
		if !strings.Contains(line, "{{") {
			text.WriteString(line)
		}
	}
	reader := utilyaml.NewYAMLReader(bufio.NewReader(strings.NewReader(text.String())))
	var crds []map[string]any
	for {
		doc, err := reader.Read()
		if errors.Is(err, io.EOF) {
			return crds, nil
		}
		if err != nil {
			return nil, err
		}
		var obj map[string]any
		if err := yaml.Unmarshal(doc, &obj); err != nil {
			return nil, err
		}
		if obj["kind"] == "CustomResourceDefinition" && obj["apiVersion"] == "apiextensions.k8s.io/v1" {
			crds = append(crds, obj)
		}
	}
}

// clean post-processes one CRD in place and returns its served versions.
func clean(crd map[string]any, storageOnly bool) ([]string, error) {
	delete(crd, "status")
	meta := crd["metadata"].(map[string]any)
	delete(meta, "creationTimestamp")
	annotations, _ := meta["annotations"].(map[string]any)
	labels, _ := meta["labels"].(map[string]any)
	for k := range annotations {
		if strings.HasPrefix(k, "helm.sh/") || strings.HasPrefix(k, "meta.helm.sh/") {
			delete(annotations, k)
		}
	}
	for k, v := range labels {
		if strings.HasPrefix(k, "helm.sh/") || (k == "app.kubernetes.io/managed-by" && v == "Helm") {
			delete(labels, k)
		}
	}

	spec := crd["spec"].(map[string]any)
	versions, _ := spec["versions"].([]any)
	conversion, _ := spec["conversion"].(map[string]any)
	if storageOnly || (conversion != nil && conversion["strategy"] == "Webhook") {
		var kept []any
		for _, v := range versions {
			if v.(map[string]any)["storage"] == true {
				kept = append(kept, v)
			}
		}
		if len(kept) != 1 {
			return nil, fmt.Errorf("%d storage versions", len(kept))
		}
		versions = kept
		spec["versions"] = versions
		spec["conversion"] = map[string]any{"strategy": "None"}
		for k := range annotations {
			if strings.HasPrefix(k, "cert-manager.io/inject-ca-from") {
				delete(annotations, k)
			}
		}
	}
	if len(annotations) == 0 {
		delete(meta, "annotations")
	}
	if len(labels) == 0 {
		delete(meta, "labels")
	}
	var served []string
	for _, v := range versions {
		if version := v.(map[string]any); version["served"] == true {
			served = append(served, version["name"].(string))
		}
	}
	if len(served) == 0 {
		return nil, errors.New("no served version")
	}
	return served, nil
}
