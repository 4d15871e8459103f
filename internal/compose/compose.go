// Package compose builds the policy of connect_policy_document from its
// parts: source documents, grants, statements, override documents and the
// dependent actions of what it allows, with aws_iam_policy_document's merge
// rules. It checks every part against the catalog, the uniqueness of Sids
// and IAM's size quotas, and says of each problem which part of the input is
// at fault. It knows nothing of Terraform.
package compose

import (
	"fmt"
	"slices"
	"strings"

	"github.com/connect-iam/terraform-provider-connect/internal/access"
	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/checker"
	"github.com/connect-iam/terraform-provider-connect/internal/guard"
	"github.com/connect-iam/terraform-provider-connect/internal/planner"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
	"github.com/connect-iam/terraform-provider-connect/internal/risk"
)

// Input is what a policy is composed of.
type Input struct {
	// Version is the policy language version; "" means 2012-10-17.
	Version string
	ID      string
	// Sources and Overrides are policies as JSON, merged first and last.
	Sources   []string
	Overrides []string
	Grants    []planner.Grant
	// Statements are written out, as in aws_iam_policy_document; an empty
	// Effect means Allow.
	Statements []policy.Statement
	// DependentActions adds the dependent actions of the allowed actions in
	// a statement of their own; without it, their absence is a warning.
	DependentActions bool
	// Minimize writes the grants' actions as the shortest exact wildcards.
	Minimize bool
	// RelatedResources are ARNs of other services' resources that the
	// dependent actions are scoped to where they fit (see
	// planner.DependentOptions.Related).
	RelatedResources []string
	// DependentBounds bound the dependent actions of what is allowed on
	// "*" (see planner.DependentOptions.Bounds).
	DependentBounds []string
	// SizeLimit, when positive, is the most characters (white space
	// excluded) the policy may have.
	SizeLimit int
	// Kind, when set, holds the policy to that kind's IAM quota.
	Kind policy.Kind
	// MustNotAllow are rules the composed policy must not break.
	MustNotAllow []guard.Forbidden
}

// Part names the part of the Input a problem is about.
type Part int

// The parts of an Input.
const (
	PartDocument Part = iota // the policy as a whole
	PartVersion
	PartSources
	PartOverrides
	PartGrants
	PartStatements
	PartDependentActions
	PartSizeLimit
	PartKind
	// PartMustNotAllow problems have the rule as Index and its field
	// ("actions" or "risks") as Field.
	PartMustNotAllow
)

// Problem is something wrong with the input, or with the policy it gives.
type Problem struct {
	Severity checker.Severity // error or warning
	// Summary is a short title, such as "Invalid grant".
	Summary string
	Message string
	Part    Part
	// Index is the item of Part at fault: the source, grant or statement;
	// -1 for the part as a whole.
	Index int
	// Field and FieldIndex locate a grant's problem within the grant: one
	// of planner's Field names or FieldConditions, and the position of the
	// value at fault, or -1.
	Field      string
	FieldIndex int
	// Finding says which element and value of a statement a problem of
	// PartStatements is about; nil otherwise.
	Finding *checker.Finding
}

// FieldConditions is the Field of a problem of a grant's condition, whose
// FieldIndex is the condition's position.
const FieldConditions = planner.FieldConditions

// Result is the composed policy.
type Result struct {
	Document *policy.Document
	JSON     string
	Minified string
	// Size is the policy's size as IAM counts it: characters without white
	// space.
	Size    int
	Summary access.Named
}

type composer struct {
	catalog  *catalog.Catalog
	checker  *checker.Checker
	in       *Input
	problems []Problem
	// origins are the Allow grants, for their dependent actions.
	origins []planner.Origin
}

// Compose composes the policy. With an error among the problems the result
// is nil; warnings come with a result.
func Compose(c *catalog.Catalog, in Input) (*Result, []Problem) {
	k := &composer{catalog: c, checker: checker.New(c), in: &in}
	doc := k.compose()
	if doc == nil || k.hasError() {
		return nil, k.problems
	}
	minified := doc.MinifiedJSON()
	size := policy.Size(minified)
	k.checkSize(size)
	k.checkMustNotAllow(doc)
	if k.hasError() {
		return nil, k.problems
	}
	return &Result{Document: doc, JSON: doc.JSON(), Minified: minified, Size: size, Summary: access.ByName(c, doc)}, k.problems
}

func (k *composer) add(p Problem) {
	k.problems = append(k.problems, p)
}

func (k *composer) hasError() bool {
	return slices.ContainsFunc(k.problems, func(p Problem) bool { return p.Severity == checker.SeverityError })
}

func (k *composer) compose() *policy.Document {
	version := k.in.Version
	switch version {
	case "":
		version = policy.Version2012
	case policy.Version2012, policy.Version2008:
	default:
		k.add(Problem{Severity: checker.SeverityError, Summary: "Invalid policy version", Part: PartVersion, Index: -1, FieldIndex: -1,
			Message: fmt.Sprintf("%q is not an IAM policy language version; use %q (or the older %q).", version, policy.Version2012, policy.Version2008)})
	}
	sources := k.parseDocuments(PartSources, k.in.Sources)
	overrides := k.parseDocuments(PartOverrides, k.in.Overrides)
	if !k.hasError() { // with a source left out, item numbers would be off
		k.checkSourceSids(sources)
	}
	grantStatements := k.planGrants()
	blocks := k.statementBlocks()
	if k.hasError() {
		return nil
	}
	k.checkCurrentSids(grantStatements, blocks)
	if k.hasError() {
		return nil
	}

	merge := func(current []policy.Statement) *policy.Document {
		doc := &policy.Document{}
		for _, src := range sources {
			doc.Merge(src)
		}
		doc.Merge(&policy.Document{Version: version, ID: k.in.ID, Statements: current})
		for _, o := range overrides {
			doc.Merge(o)
		}
		return doc
	}
	doc := merge(slices.Concat(grantStatements, blocks))
	// Dependent actions come from each grant as a whole, and from the
	// statements given as such.
	origins := slices.Concat(k.origins, planner.OriginsOf(k.catalog, merge(blocks)))
	dependents := planner.DependentStatements(k.catalog, doc, origins, planner.DependentOptions{Minimize: k.in.Minimize, Related: k.in.RelatedResources, Bounds: k.in.DependentBounds})
	if len(dependents.Missing) == 0 {
		return doc
	}
	if !k.in.DependentActions {
		k.add(Problem{Severity: checker.SeverityWarning, Summary: "Dependent actions left out", Part: PartDependentActions, Index: -1, FieldIndex: -1,
			Message: fmt.Sprintf("The allowed actions may also need %s, which the policy does not allow; the Service Authorization Reference lists them as their dependent actions. Set include_dependent_actions to true, or allow them elsewhere, if requests are denied.", strings.Join(dependents.Missing, ", "))})
		return doc
	}
	// The dependent actions come before the statement blocks, so that an
	// override document can still replace them by Sid.
	return merge(slices.Concat(grantStatements, dependents.Statements, blocks))
}

// parseDocuments parses policies given as JSON, reporting on each.
func (k *composer) parseDocuments(part Part, texts []string) []*policy.Document {
	var docs []*policy.Document
	for i, text := range texts {
		doc, problems := CheckDocument(k.checker, text)
		for _, p := range problems {
			p.Part, p.Index = part, i
			k.add(p)
		}
		if doc != nil {
			docs = append(docs, doc)
		}
	}
	return docs
}

// CheckDocument parses a policy given as JSON: an error if it does not
// parse, and the checker's findings on its statements if it does. What
// depends on the policy it is merged into (its size, its dependent actions)
// is left to that policy. The problems have no Part.
func CheckDocument(k *checker.Checker, text string) (*policy.Document, []Problem) {
	doc, err := policy.Parse([]byte(text))
	if err != nil {
		return nil, []Problem{{Severity: checker.SeverityError, Summary: "Invalid policy JSON", Index: -1, FieldIndex: -1,
			Message: fmt.Sprintf("This policy cannot be read: %v.", err)}}
	}
	var problems []Problem
	for _, f := range k.Document(doc, policy.Size(text), "") {
		if f.Code == checker.CodeMissingDependentActions || f.Statement < 0 || f.Severity == checker.SeveritySuggestion {
			continue
		}
		problems = append(problems, Problem{Severity: f.Severity, Summary: summaryOf(f.Severity), Index: -1, FieldIndex: -1,
			Message: f.Location() + f.Message})
	}
	return doc, problems
}

func summaryOf(s checker.Severity) string {
	if s == checker.SeverityError {
		return "Policy error"
	}
	return "Policy warning"
}

// checkSourceSids checks that Sids are unique across the sources, as
// aws_iam_policy_document requires.
func (k *composer) checkSourceSids(sources []*policy.Document) {
	var all []policy.Statement
	var from []int // the source of each statement of all
	for i, doc := range sources {
		all = append(all, doc.Statements...)
		for range doc.Statements {
			from = append(from, i)
		}
	}
	for _, reuse := range policy.ReusedSids(all) {
		k.add(Problem{Severity: checker.SeverityError, Summary: "Duplicate Sid", Part: PartSources, Index: from[reuse.Again], FieldIndex: -1,
			Message: fmt.Sprintf("Sid %q is used more than once across source_policy_documents (first in item %d); Sids of source policies must be unique.", reuse.Sid, from[reuse.First])})
	}
}

// checkCurrentSids checks the Sids of the statement blocks: unique among
// themselves and distinct from those the grants produce.
func (k *composer) checkCurrentSids(grantStatements, blocks []policy.Statement) {
	generated := map[string]bool{}
	for _, s := range grantStatements {
		generated[s.Sid] = true
	}
	sidProblem := func(i int, message string) {
		k.add(Problem{Severity: checker.SeverityError, Summary: "Duplicate Sid", Part: PartStatements, Index: i, FieldIndex: -1,
			Finding: &checker.Finding{Element: checker.ElementSid, Statement: i, Condition: -1}, Message: message})
	}
	for i, s := range blocks {
		switch {
		case generated[s.Sid]:
			sidProblem(i, fmt.Sprintf("Sid %q is also the Sid of a statement the grants produce; choose another Sid.", s.Sid))
		case planner.IsDependentActionsSid(s.Sid):
			sidProblem(i, fmt.Sprintf("Sids that start with %q are kept for the statements of dependent actions; choose another Sid.", planner.DependentActionsSid))
		}
	}
	for _, reuse := range policy.ReusedSids(blocks) {
		if !generated[reuse.Sid] && !planner.IsDependentActionsSid(reuse.Sid) {
			sidProblem(reuse.Again, fmt.Sprintf("Sid %q is already used by statement block %d; Sids must be unique.", reuse.Sid, reuse.First))
		}
	}
}

func (k *composer) planGrants() []policy.Statement {
	result, problems := planner.Plan(k.catalog, k.in.Grants, planner.Options{Minimize: k.in.Minimize})
	for _, p := range problems {
		k.add(Problem{Severity: checker.SeverityError, Summary: "Invalid grant", Part: PartGrants, Index: p.Grant, Field: p.Field, FieldIndex: p.Index, Message: p.Message})
	}
	for _, p := range result.Warnings {
		k.add(Problem{Severity: checker.SeverityWarning, Summary: "Policy warning", Part: PartGrants, Index: p.Grant, Field: p.Field, FieldIndex: p.Index, Message: p.Message})
	}
	for i, g := range k.in.Grants {
		effect := g.Effect
		if effect == "" {
			effect = policy.Allow
		}
		if effect == policy.Allow {
			k.origins = append(k.origins, planner.Origin{Actions: result.Granted[i], Resources: g.Resources, Conditions: g.Conditions})
		}
		for _, f := range k.checker.Conditions(effect, result.Granted[i], g.Conditions) {
			k.finding(PartGrants, i, FieldConditions, f.Condition, f)
		}
		if star := slices.Index(g.Resources, "*"); star >= 0 && effect == policy.Allow {
			for _, f := range checker.ResourceWildcard(result.Granted[i], g.Conditions) {
				k.finding(PartGrants, i, planner.FieldResources, star, f)
			}
		}
	}
	return result.Statements
}

// finding adds a checker finding of a grant; suggestions are not problems.
func (k *composer) finding(part Part, index int, field string, fieldIndex int, f checker.Finding) {
	if f.Severity == checker.SeveritySuggestion {
		return
	}
	k.add(Problem{Severity: f.Severity, Summary: summaryOf(f.Severity), Part: part, Index: index, Field: field, FieldIndex: fieldIndex, Message: f.Message})
}

func (k *composer) statementBlocks() []policy.Statement {
	out := make([]policy.Statement, len(k.in.Statements))
	for i, s := range k.in.Statements {
		if s.Effect == "" {
			s.Effect = policy.Allow
		}
		for _, f := range k.checker.Statement(i, &s) {
			if f.Severity == checker.SeveritySuggestion {
				continue
			}
			k.add(Problem{Severity: f.Severity, Summary: summaryOf(f.Severity), Part: PartStatements, Index: i, FieldIndex: -1, Finding: &f, Message: f.Message})
		}
		out[i] = s
	}
	return out
}

// checkMustNotAllow holds the policy to its must_not_allow rules: an error
// per rule and statement it breaks.
func (k *composer) checkMustNotAllow(doc *policy.Document) {
	if len(k.in.MustNotAllow) == 0 {
		return
	}
	m, err := risk.For(k.catalog)
	if err != nil {
		k.add(Problem{Severity: checker.SeverityError, Summary: "Embedded risk model is invalid", Part: PartDocument, Index: -1, FieldIndex: -1,
			Message: fmt.Sprintf("%v. This is a bug in the provider.", err)})
		return
	}
	for _, v := range guard.Violations(k.catalog, m, access.Of(k.catalog, doc), k.in.MustNotAllow) {
		field := "actions"
		if v.ByRisk {
			field = "risks"
		}
		k.add(Problem{Severity: checker.SeverityError, Summary: "Forbidden access", Part: PartMustNotAllow, Index: v.Rule, Field: field, FieldIndex: -1, Message: v.Message()})
	}
}

// checkSize holds the policy to the size limit or the kind's quota.
func (k *composer) checkSize(size int) {
	if k.in.SizeLimit > 0 {
		if size > k.in.SizeLimit {
			message := fmt.Sprintf("The policy is %d characters without white space, over the size_limit of %d; split it, narrow the grants, or set minimize to true.", size, k.in.SizeLimit)
			if minimized, ok := k.minimizedSize(); ok && minimized <= k.in.SizeLimit {
				message = fmt.Sprintf("The policy is %d characters without white space, over the size_limit of %d. With minimize = true it would be %d characters, which fits; or split it, or narrow the grants.", size, k.in.SizeLimit, minimized)
			}
			k.add(Problem{Severity: checker.SeverityError, Summary: "Policy too large", Part: PartSizeLimit, Index: -1, FieldIndex: -1, Message: message})
		}
		return
	}
	part := PartDocument
	if k.in.Kind != "" {
		part = PartKind
	}
	for _, f := range checker.SizeFindings(size, k.in.Kind) {
		if f.Severity == checker.SeveritySuggestion {
			continue
		}
		message := f.Message
		if minimized, ok := k.minimizedSize(); ok && !slices.ContainsFunc(checker.SizeFindings(minimized, k.in.Kind), func(g checker.Finding) bool { return g.Code == f.Code }) {
			message += fmt.Sprintf(" With minimize = true it would be %d characters, which fits.", minimized)
		}
		k.add(Problem{Severity: f.Severity, Summary: summaryOf(f.Severity), Part: part, Index: -1, FieldIndex: -1, Message: message})
	}
}

// minimizedSize composes the same input with minimize, to tell a user whose
// policy is too large whether that would make it fit; ok is false when
// minimize is already on or the minimised policy does not compose.
func (k *composer) minimizedSize() (int, bool) {
	if k.in.Minimize {
		return 0, false
	}
	in := *k.in
	in.Minimize = true
	result, _ := Compose(k.catalog, in)
	if result == nil {
		return 0, false
	}
	return result.Size, true
}
