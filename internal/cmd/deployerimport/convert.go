package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/connect-iam/terraform-provider-connect/internal/deployer"

	"github.com/connect-iam/terraform-provider-connect/internal/jsonfile"
)

// The layouts of IAM Policy Autopilot's two files, read strictly so that a
// change of layout upstream stops the import rather than losing calls.
type crudEntry struct {
	ResourceType string    `json:"resource_type"`
	Create       string    `json:"create,omitempty"`
	Read         string    `json:"read,omitempty"`
	Update       string    `json:"update,omitempty"`
	Delete       string    `json:"delete,omitempty"`
	Tags         *crudTags `json:"tags,omitempty"`
}

type crudTags struct {
	IdentifierAttribute string `json:"identifier_attribute,omitempty"`
	ResourceType        string `json:"resource_type,omitempty"`
	UpdateTagsSymbol    string `json:"update_tags_symbol,omitempty"`
	// ListTagsSymbol, where there is one, reads the tags on every read.
	ListTagsSymbol string `json:"list_tags_symbol,omitempty"`
}

type callModel struct {
	LibraryName  string        `json:"library_name"`
	Language     string        `json:"language"`
	Version      string        `json:"version"`
	CallPatterns []callPattern `json:"call_patterns"`
}

type callPattern struct {
	ModulePath    string         `json:"module_path"`
	ClassName     *string        `json:"class_name"`
	FunctionName  string         `json:"function_name"`
	CallType      string         `json:"call_type"`
	SDKOperations []sdkOperation `json:"sdk_operations"`
}

type sdkOperation struct {
	Service   string `json:"service"`
	Operation string `json:"operation"`
}

// connectModule is the AWS provider's package of the Connect resources.
const connectModule = "github.com/hashicorp/terraform-provider-aws/internal/service/connect"

// source is the copy of the Connect part of the two files.
type source struct {
	Repository string            `json:"repository"`
	Commit     string            `json:"commit"`
	Files      map[string]string `json:"files"` // path -> sha256 of the whole file
	License    string            `json:"license"`
	Notice     string            `json:"notice"`
	crudMap    []crudEntry
	model      callModel
}

const (
	copyCrudMap = "terraform-crud-map.connect.json"
	copyModel   = "terraform-model.connect.json"
	copySource  = "source.json"
)

// saveCopy keeps the Connect entries of the two files, in their order,
// with the commit and the sha256 of the whole files.
func saveCopy(dir, commit string, crudData, modelData []byte, crudSum, modelSum string) error {
	var entries []crudEntry
	if err := jsonfile.DecodeStrict(crudData, &entries, crudMapFile); err != nil {
		return err
	}
	var model callModel
	if err := jsonfile.DecodeStrict(modelData, &model, callModelFile); err != nil {
		return err
	}
	entries = slices.DeleteFunc(entries, func(e crudEntry) bool { return !strings.HasPrefix(e.ResourceType, "aws_connect_") })
	model.CallPatterns = slices.DeleteFunc(model.CallPatterns, func(p callPattern) bool { return p.ModulePath != "connect" })
	src := source{
		Repository: "https://github.com/" + sourceRepo,
		Commit:     commit,
		Files:      map[string]string{crudMapFile: crudSum, callModelFile: modelSum},
		License:    "Apache-2.0",
		Notice:     "iam-policy-autopilot\nCopyright Amazon.com, Inc. or its affiliates. All Rights Reserved.",
	}
	// Only the pinned commit's copy is kept.
	if err := os.RemoveAll(filepath.Dir(dir)); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for name, v := range map[string]any{copyCrudMap: entries, copyModel: model, copySource: src} {
		data, err := jsonfile.EncodeIndented(v)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func loadCopy(dir string) (*source, error) {
	var src source
	for name, target := range map[string]any{copySource: &src, copyCrudMap: &src.crudMap, copyModel: &src.model} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, fmt.Errorf("no copy of the pinned source (run make deployer-model with the sources): %w", err)
		}
		if err := jsonfile.DecodeStrict(data, target, name); err != nil {
			return nil, err
		}
	}
	return &src, nil
}

// reviewedFile is data/reviewed.json, written by hand from the AWS
// provider's source: the data sources, which the pinned model does not
// cover, the calls it makes only on some paths, and the calls the check of
// a sample found missing.
type reviewedFile struct {
	AWSProviderVersion string               `json:"aws_provider_version"`
	Note               string               `json:"note"`
	DataSources        []deployer.TypeCalls `json:"data_sources"`
	OnlyWhen           []reviewedCall       `json:"only_when"`
	Additions          []reviewedCall       `json:"additions"`
}

type reviewedCall struct {
	Type     string `json:"type"`
	Phase    string `json:"phase"`
	Action   string `json:"action"`
	OnlyWhen string `json:"only_when,omitempty"`
	Source   string `json:"source"`
}

// convert builds the model from the copy and the reviewed file.
func convert(src *source, reviewedData []byte) (*deployer.ModelFile, error) {
	var reviewed reviewedFile
	if err := jsonfile.DecodeStrict(reviewedData, &reviewed, "reviewed.json"); err != nil {
		return nil, err
	}
	if reviewed.AWSProviderVersion != src.model.Version {
		return nil, fmt.Errorf("reviewed.json was written beside the model of hashicorp/aws %s, but the model now describes %s: review it again", reviewed.AWSProviderVersion, src.model.Version)
	}
	byFunction := map[string][]sdkOperation{}
	for _, p := range src.model.CallPatterns {
		name := p.FunctionName
		if p.ClassName != nil {
			name = "(*" + *p.ClassName + ")." + name
		}
		byFunction[connectModule+"."+name] = p.SDKOperations
	}
	calls := func(symbol string) ([]deployer.Call, error) {
		if symbol == "" {
			return nil, nil
		}
		ops, ok := byFunction[symbol]
		if !ok {
			return nil, fmt.Errorf("no call pattern for %s", symbol)
		}
		var out []deployer.Call
		for _, op := range ops {
			if op.Service != "connect" {
				return nil, fmt.Errorf("%s calls %s:%s, of a service the import does not map to IAM", symbol, op.Service, op.Operation)
			}
			out = append(out, deployer.Call{Action: "connect:" + op.Operation})
		}
		return out, nil
	}
	f := &deployer.ModelFile{
		Format:             deployer.ModelFormat,
		GeneratedBy:        "make deployer-model (internal/cmd/deployerimport) from the copy in internal/deployer/data; do not edit by hand",
		AWSProviderVersion: src.model.Version,
		Sources: []deployer.Source{
			{Role: "the API calls of each aws_connect_ resource by phase, traced through the AWS provider's source", Repository: src.Repository, Commit: src.Commit, Files: src.Files, License: src.License, Notice: src.Notice},
			{Role: "the data sources, the calls made only on some paths, and the calls a check of the AWS provider's source found missing (internal/deployer/data/reviewed.json)", Repository: "https://github.com/hashicorp/terraform-provider-aws", License: "MPL-2.0", Notice: reviewed.Note},
		},
	}
	for _, e := range src.crudMap {
		t := deployer.TypeCalls{Type: e.ResourceType}
		for _, phase := range []struct {
			p      deployer.Phase
			symbol string
		}{{deployer.PhaseRead, e.Read}, {deployer.PhaseCreate, e.Create}, {deployer.PhaseUpdate, e.Update}, {deployer.PhaseDelete, e.Delete}} {
			c, err := calls(phase.symbol)
			if err != nil {
				return nil, fmt.Errorf("%s %s: %w", e.ResourceType, phase.p, err)
			}
			t.SetCalls(phase.p, c)
		}
		if e.Tags != nil {
			c, err := calls(e.Tags.UpdateTagsSymbol)
			if err != nil {
				return nil, fmt.Errorf("%s tagging: %w", e.ResourceType, err)
			}
			for i := range c {
				c[i].OnlyWhen = "tags are set or change"
			}
			t.Tagging = c
			list, err := calls(e.Tags.ListTagsSymbol)
			if err != nil {
				return nil, fmt.Errorf("%s tag reading: %w", e.ResourceType, err)
			}
			t.Read = append(t.Read, list...)
		}
		f.Resources = append(f.Resources, t)
	}
	slices.SortFunc(f.Resources, func(a, b deployer.TypeCalls) int { return strings.Compare(a.Type, b.Type) })
	find := func(r reviewedCall) (*deployer.TypeCalls, deployer.Phase, error) {
		i := slices.IndexFunc(f.Resources, func(t deployer.TypeCalls) bool { return t.Type == r.Type })
		if i < 0 {
			return nil, "", fmt.Errorf("reviewed.json: %s is not a resource of the model", r.Type)
		}
		p := deployer.Phase(r.Phase)
		if !slices.Contains(deployer.Phases, p) {
			return nil, "", fmt.Errorf("reviewed.json: %s: %q is not a phase", r.Type, r.Phase)
		}
		return &f.Resources[i], p, nil
	}
	for _, r := range reviewed.Additions {
		t, p, err := find(r)
		if err != nil {
			return nil, err
		}
		if slices.ContainsFunc(t.Calls(p), func(c deployer.Call) bool { return c.Action == r.Action }) {
			return nil, fmt.Errorf("reviewed.json: %s %s already has %s: remove the addition", r.Type, r.Phase, r.Action)
		}
		t.SetCalls(p, append(t.Calls(p), deployer.Call{Action: r.Action, OnlyWhen: r.OnlyWhen, Source: r.Source}))
	}
	for _, r := range reviewed.OnlyWhen {
		t, p, err := find(r)
		if err != nil {
			return nil, err
		}
		list := t.Calls(p)
		i := slices.IndexFunc(list, func(c deployer.Call) bool { return c.Action == r.Action })
		if i < 0 {
			return nil, fmt.Errorf("reviewed.json: %s %s has no call %s to mark", r.Type, r.Phase, r.Action)
		}
		list[i].OnlyWhen, list[i].Source = r.OnlyWhen, r.Source
	}
	for i := range f.Resources {
		for _, p := range deployer.Phases {
			list := f.Resources[i].Calls(p)
			slices.SortFunc(list, func(a, b deployer.Call) int { return strings.Compare(a.Action, b.Action) })
		}
	}
	f.DataSources = reviewed.DataSources
	slices.SortFunc(f.DataSources, func(a, b deployer.TypeCalls) int { return strings.Compare(a.Type, b.Type) })
	data, err := f.Encode()
	if err != nil {
		return nil, err
	}
	if _, err := deployer.ParseModel(data); err != nil {
		return nil, fmt.Errorf("the model does not load: %w", err)
	}
	return f, nil
}
