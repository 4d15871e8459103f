package catalog

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/connect-iam/terraform-provider-connect/internal/nearest"
)

// ARNKind says what an ARN (or ARN pattern) is to the catalog.
type ARNKind int

// The kinds of ARN the resolver tells apart.
const (
	// ARNMalformed is not a well-formed ARN.
	ARNMalformed ARNKind = iota
	// ARNOtherService is a well-formed ARN of another service.
	ARNOtherService
	// ARNNoType is a Connect ARN that no resource type's format fits.
	ARNNoType
	// ARNResource denotes one or more Connect resource types.
	ARNResource
)

// ARNResolution is what the resolver found out about an ARN.
type ARNResolution struct {
	Kind ARNKind
	// Types are the resource types the ARN can denote, in catalog order, when
	// Kind is ARNResource. "*" denotes every type.
	Types []string
	// Forms are the documented forms (see DocumentedForm) the ARN can
	// denote; they count only for the actions the forms allow.
	Forms []*DocumentedForm
	// Problem says in a clause what is wrong, for the other kinds.
	Problem string
	// Service is the service named by an ARN of another service.
	Service string
}

// Denotes reports whether the resolution includes the resource type.
func (r ARNResolution) Denotes(resourceType string) bool {
	return r.Kind == ARNResource && slices.Contains(r.Types, resourceType)
}

// FittingTypes lists what the action can act on among what the ARN
// denotes: the resource types it acts on, then the names of the documented
// forms valid for it.
func (r ARNResolution) FittingTypes(a *Action) []string {
	var fit []string
	for _, t := range r.Types {
		if a.ActsOn(t) {
			fit = append(fit, t)
		}
	}
	for _, f := range r.Forms {
		if f.Allows(a) {
			fit = append(fit, f.Name)
		}
	}
	return fit
}

// Fits reports whether the action can act on something the ARN denotes.
func (r ARNResolution) Fits(a *Action) bool {
	for _, t := range r.Types {
		if a.ActsOn(t) {
			return true
		}
	}
	return slices.ContainsFunc(r.Forms, func(f *DocumentedForm) bool { return f.Allows(a) })
}

// TypesBefore lists the resource types the ARN denotes that only the older
// version of the reference lets the action act on (see Disagreement).
func (r ARNResolution) TypesBefore(a *Action) []string {
	var before []string
	for _, t := range r.Types {
		if a.ActedOnBefore(t) {
			before = append(before, t)
		}
	}
	return before
}

var (
	regionPattern  = regexp.MustCompile(`^[a-z]{2}(-[a-z]+)+-[0-9]+$`)
	accountPattern = regexp.MustCompile(`^[0-9]{12}$`)
	// fieldPattern holds what a wildcarded partition or region may contain.
	fieldPattern = regexp.MustCompile(`^[a-z0-9*?-]+$`)
	digitPattern = regexp.MustCompile(`^[0-9*?]+$`)
)

// awsAccount is the account field of resources that AWS owns, such as the
// AWS managed views of Connect.
const awsAccount = "aws"

// ResolveARN tells which resource types an ARN, possibly with * and ?
// wildcards or policy variables, can denote: an ARN denotes a type when some
// ARN of that type matches it, as IAM would match it in a Resource element.
// "instance/abc" is an instance, "instance/abc/queue/q1" a queue only,
// "instance/abc/queue/*" every queue and also the collective type
// wildcard-queue, "instance/abc/*" every type under that instance, and "*"
// every type.
func (c *Catalog) ResolveARN(arn string) ARNResolution {
	if res, ok := c.arnCache.get(arn); ok {
		return res
	}
	res := c.resolveARN(arn)
	c.arnCache.put(arn, res)
	return res
}

func (c *Catalog) resolveARN(arn string) ARNResolution {
	if arn == "*" {
		return ARNResolution{Kind: ARNResource, Types: c.ResourceTypeNames()}
	}
	if res, ok := c.checkARNSyntax(arn); !ok {
		return res
	}
	fields := strings.SplitN(arn, ":", 6)
	var res ARNResolution
	if !strings.ContainsAny(arn, "*?$") {
		// A plain ARN: split it against each format, no automaton needed.
		if len(fields) == 6 {
			for _, rt := range c.resourceTypes {
				if slices.ContainsFunc(rt.templates(), func(t arnTemplate) bool { _, ok := t.split(fields); return ok }) {
					res.Types = append(res.Types, rt.Name)
				}
			}
			for _, f := range c.documented {
				if _, ok := f.template.split(fields); ok {
					res.Forms = append(res.Forms, f)
				}
			}
		}
	} else {
		pattern := compilePattern(arn)
		head := literalHead(arn)
		var scratch searchSpace
		for _, rt := range c.resourceTypes {
			for _, t := range rt.templates() {
				if !t.excludes(head) && scratch.intersects(pattern, t.atoms) {
					res.Types = append(res.Types, rt.Name)
					break
				}
			}
		}
		for _, f := range c.documented {
			if scratch.intersects(pattern, f.template.atoms) {
				res.Forms = append(res.Forms, f)
			}
		}
	}
	if len(res.Types) > 0 || len(res.Forms) > 0 {
		res.Kind = ARNResource
		return res
	}
	if len(fields) > 2 && !globMatchCase(fields[2], c.Prefix) {
		// An ARN of a service some Connect type uses, such as wisdom, but of
		// none of those types: another service's resource, not ours to judge.
		return ARNResolution{Kind: ARNOtherService, Service: fields[2], Problem: fmt.Sprintf("is an ARN of %s, not of %s", fields[2], c.Prefix)}
	}
	return ARNResolution{Kind: ARNNoType, Problem: c.noTypeProblem(arn)}
}

// checkARNSyntax checks the colon-separated fields; ok means the ARN is a
// well-formed ARN of a service the catalog's types use, whose resource part
// is still to be matched.
func (c *Catalog) checkARNSyntax(arn string) (ARNResolution, bool) {
	malformed := func(format string, args ...any) (ARNResolution, bool) {
		return ARNResolution{Kind: ARNMalformed, Problem: fmt.Sprintf(format, args...)}, false
	}
	fields := strings.SplitN(withoutVariables(arn), ":", 6)
	if !globMatchCase(fields[0], "arn") {
		return malformed(`does not start with "arn:"`)
	}
	if len(fields) < 6 && !strings.Contains(fields[len(fields)-1], "*") {
		return malformed("has %d of the 6 colon-separated fields of an ARN (arn:partition:service:region:account:resource)", len(fields))
	}
	field := func(i int) (string, bool) {
		if i < len(fields) {
			return fields[i], true
		}
		return "", false
	}
	if partition, ok := field(1); ok {
		if !HasWildcard(partition) && !slices.Contains(Partitions, partition) ||
			HasWildcard(partition) && !slices.ContainsFunc(Partitions, func(p string) bool { return globMatchCase(partition, p) }) {
			return malformed("partition %q is not an AWS partition (%s)", partition, strings.Join(Partitions, ", "))
		}
	}
	if service, ok := field(2); ok {
		switch {
		case service == "":
			return malformed("has no service")
		case !slices.ContainsFunc(c.services, func(s string) bool { return globMatchCase(service, s) }):
			return ARNResolution{Kind: ARNOtherService, Service: service, Problem: fmt.Sprintf("is an ARN of %s, not of %s", service, c.Prefix)}, false
		}
	}
	service, _ := field(2)
	// ofService reports whether some service the ARN may be of is listed.
	ofService := func(services []string) bool {
		return slices.ContainsFunc(services, func(s string) bool { return globMatchCase(service, s) })
	}
	if region, ok := field(3); ok {
		switch {
		case region == "" && ofService(c.regionless):
		case region == "":
			return malformed("has no region; %s resources are regional", c.serviceNameOf(service))
		case !HasWildcard(region) && !regionPattern.MatchString(region),
			HasWildcard(region) && !fieldPattern.MatchString(region):
			return malformed("region %q is not a region name such as us-east-1", region)
		}
	}
	if account, ok := field(4); ok {
		switch {
		case account == "" && ofService(c.accountless):
		case account == "":
			return malformed("has no account; %s ARNs name a 12-digit account", c.serviceNameOf(service))
		case account == awsAccount:
		case !HasWildcard(account) && !accountPattern.MatchString(account),
			HasWildcard(account) && (!digitPattern.MatchString(account) || !strings.Contains(account, "*") && len(account) != 12):
			return malformed("account %q is not a 12-digit account ID", account)
		}
	}
	if resource, ok := field(5); ok && resource == "" {
		return malformed("has no resource part")
	}
	return ARNResolution{}, true
}

// serviceNameOf is how a message names the service of an ARN: the
// catalog's short name for its own ARNs, the prefix for another's.
func (c *Catalog) serviceNameOf(service string) string {
	if strings.EqualFold(service, c.Prefix) {
		return c.ShortName()
	}
	return service
}

// withoutVariables replaces each policy variable such as ${aws:username} by
// *, for checking the fields around it: it may hold any value.
func withoutVariables(s string) string {
	if !strings.Contains(s, "${") {
		return s
	}
	var b strings.Builder
	for {
		start := strings.Index(s, "${")
		end := strings.Index(s[max(start, 0):], "}")
		if start < 0 || end < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:start])
		b.WriteString("*")
		s = s[start+end+1:]
	}
}

// noTypeProblem explains why a well-formed ARN of the catalog's service
// fits no type.
func (c *Catalog) noTypeProblem(arn string) string {
	fields := strings.SplitN(arn, ":", 6)
	resource := fields[len(fields)-1]
	segments := strings.Split(resource, "/")
	if !slices.Contains(c.topLevelWords, segments[0]) && !HasWildcard(segments[0]) {
		return fmt.Sprintf("resource part %q starts with none of the words of %s ARNs (%s)", resource, c.ShortName(), joinSlashed(c.topLevelWords))
	}
	if c.Prefix != ServicePrefix {
		formats := make([]string, 0, len(c.resourceTypes))
		for _, t := range c.resourceTypes {
			if parts := strings.SplitN(t.ARNFormat, ":", 6); t.service == c.Prefix && len(parts) == 6 {
				formats = append(formats, parts[5])
			}
		}
		return fmt.Sprintf("resource part %q fits no %s resource type; their resource parts are %s", resource, c.ShortName(), strings.Join(formats, ", "))
	}
	if segments[0] == "instance" && len(segments) >= 3 && !HasWildcard(segments[2]) && !slices.Contains(c.instanceWords, segments[2]) {
		hint := ""
		if word, ok := c.resourceWordFor(segments[2]); ok {
			hint = fmt.Sprintf("did you mean %s? ", word)
		}
		return fmt.Sprintf("%q is not a Connect resource word after instance/<id>/ (%sknown: %s)",
			segments[2], hint, strings.Join(c.instanceWords, ", "))
	}
	return fmt.Sprintf("resource part %q fits no Connect resource type: expected instance/<id> or instance/<id>/<word>/<id> with a word among %s, or an account-level resource such as %s",
		resource, strings.Join(c.instanceWords, ", "), joinSlashed(slices.DeleteFunc(slices.Clone(c.topLevelWords), func(w string) bool { return w == "instance" })))
}

// ShortName is how messages name the catalog's service: "Connect" for
// Amazon Connect itself, the service's full name for the rest of the family.
func (c *Catalog) ShortName() string {
	if c.Prefix == ServicePrefix || c.ServiceName == "" {
		return "Connect"
	}
	return c.ServiceName
}

func joinSlashed(words []string) string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = w + "/"
	}
	return strings.Join(out, ", ")
}

// ResourceWordFor suggests the word an ARN uses after instance/<id>/ for a
// resource type's name or a misspelt word: "agent" for "user".
func (c *Catalog) ResourceWordFor(segment string) (string, bool) { return c.resourceWordFor(segment) }

// resourceWordFor suggests the ARN word meant by a misspelt word or by a
// type name: "queues" means "queue", and a user's ARN says "agent".
func (c *Catalog) resourceWordFor(segment string) (string, bool) {
	if word, ok := c.typeWordByName[segment]; ok && word != segment {
		return word, true
	}
	return nearest.Closest(segment, c.instanceWords, max(2, len(segment)/3))
}

// Parts lists the names of the parts of the type's ARN, in order:
// "partition", "region", "account", then its ids such as "instance_id".
func (rt *ResourceType) Parts() []string {
	var names []string
	for _, seg := range rt.template.segments {
		if seg.part != "" {
			names = append(names, seg.part)
		}
	}
	return names
}

// BuildARN builds an ARN of the type from its parts; partition defaults to
// "aws". Values may be wildcards, but the result must still denote the type.
func (c *Catalog) BuildARN(rt *ResourceType, parts map[string]string) (string, error) {
	needed := rt.Parts()
	var unknown []string
	for name := range parts {
		if !slices.Contains(needed, name) {
			unknown = append(unknown, name)
		}
	}
	if len(unknown) > 0 {
		slices.Sort(unknown)
		return "", fmt.Errorf("%s ARN has no part %s; its parts are %s", rt.Name, strings.Join(quoteAll(unknown), ", "), strings.Join(needed, ", "))
	}
	var b strings.Builder
	var missing []string
	for _, seg := range rt.template.segments {
		if seg.part == "" {
			b.WriteString(seg.literal)
			continue
		}
		value := parts[seg.part]
		if value == "" && seg.part == "partition" {
			value = "aws"
		}
		if value == "" {
			missing = append(missing, seg.part)
		}
		if !seg.freeForm && strings.ContainsAny(value, "/:") {
			return "", fmt.Errorf("part %s = %q may not contain a slash or a colon", seg.part, value)
		}
		b.WriteString(value)
	}
	if len(missing) > 0 {
		return "", fmt.Errorf("%s ARN needs %s (its parts are %s)", rt.Name, strings.Join(missing, ", "), strings.Join(needed, ", "))
	}
	arn := b.String()
	res := c.ResolveARN(arn)
	if !res.Denotes(rt.Name) {
		if res.Kind == ARNResource {
			return "", fmt.Errorf("%s is not an ARN of a %s: it denotes %s", arn, rt.Name, strings.Join(res.Types, ", "))
		}
		return "", fmt.Errorf("%s %s", arn, res.Problem)
	}
	return arn, nil
}

// ParseARN splits an ARN into its resource type and parts. Each part may be
// a wildcard, but the ARN must have the shape of exactly one type:
// "instance/abc/*" could be many and is refused. An ARN that fits both a
// type and its collective type ("queue/*" is a queue with id "*" and the
// wildcard-queue) is the type with the id: the one with more parts.
func (c *Catalog) ParseARN(arn string) (*ResourceType, map[string]string, error) {
	if res, ok := c.checkARNSyntax(arn); !ok {
		return nil, nil, fmt.Errorf("%q %s", arn, res.Problem)
	}
	fields := strings.SplitN(arn, ":", 6)
	if len(fields) < 6 {
		return nil, nil, fmt.Errorf("%q is a pattern that spans fields, not the ARN of one resource", arn)
	}
	// Of the types the ARN fits, the one with the most parts wins ("queue/*"
	// is a queue with id "*" before it is the wildcard-queue), then the one
	// with the most literal text: a free-form id could swallow
	// "apps/x1/channels" whole, but the channels type names the word.
	var best *ResourceType
	var bestParts map[string]string
	tied := ""
	for _, rt := range c.resourceTypes {
		parts, ok := rt.splitAny(fields)
		if !ok {
			continue
		}
		switch {
		case best == nil, len(parts) > len(bestParts),
			len(parts) == len(bestParts) && rt.template.literalLength() > best.template.literalLength():
			best, bestParts, tied = rt, parts, ""
		case len(parts) == len(bestParts) && rt.template.literalLength() == best.template.literalLength() && !rt.Collective() && !best.Collective():
			tied = rt.Name
		}
	}
	if best != nil {
		if tied != "" {
			return nil, nil, fmt.Errorf("%q has the shape of several resource types (%s, %s); its type cannot be told from the ARN", arn, best.Name, tied)
		}
		return best, bestParts, nil
	}
	res := c.ResolveARN(arn)
	if res.Kind == ARNResource {
		return nil, nil, fmt.Errorf("%q could denote several resource types (%s); give the ARN of one resource", arn, strings.Join(res.Types, ", "))
	}
	return nil, nil, fmt.Errorf("%q %s", arn, res.Problem)
}

// splitAny splits an ARN against the first of the type's formats it fits.
func (rt *ResourceType) splitAny(fields []string) (map[string]string, bool) {
	for _, t := range rt.templates() {
		if parts, ok := t.split(fields); ok {
			return parts, true
		}
	}
	return nil, false
}

func quoteAll(values []string) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = fmt.Sprintf("%q", v)
	}
	return out
}

// Scope is where a resource lives: its partition, region and account and,
// for a resource of an instance, the instance's id. Each may be a wildcard.
type Scope struct {
	Partition, Region, Account string
	// Instance is the instance id, possibly a wildcard, or "" for a
	// resource of no instance.
	Instance string
}

// ScopeOf reads the scope of an ARN or ARN pattern; ok is false for "*"
// and for patterns that do not have an ARN's six fields, whose scope is
// everything.
func ScopeOf(arn string) (Scope, bool) {
	fields := splitOutsideVariables(arn, ':', 6)
	if arn == "*" || len(fields) < 6 {
		return Scope{}, false
	}
	s := Scope{Partition: fields[1], Region: fields[3], Account: fields[4]}
	if rest, ok := strings.CutPrefix(fields[5], "instance/"); ok {
		s.Instance = splitOutsideVariables(rest, '/', 2)[0]
	}
	return s, true
}

// splitOutsideVariables splits s at sep into at most n fields, as
// strings.SplitN does, except within policy variables such as
// ${aws:PrincipalTag/instance}.
func splitOutsideVariables(s string, sep byte, n int) []string {
	var fields []string
	start, depth := 0, 0
	for i := 0; i < len(s) && len(fields) < n-1; i++ {
		switch {
		case s[i] == '$' && i+1 < len(s) && s[i+1] == '{':
			depth++
		case s[i] == '}' && depth > 0:
			depth--
		case s[i] == sep && depth == 0:
			fields = append(fields, s[start:i])
			start = i + 1
		}
	}
	return append(fields, s[start:])
}

// ARNWithin writes the ARN pattern that denotes every resource of the type
// within the scope: the scope's partition, region, account and instance,
// "*" for the type's other parts and for the instance of a scope of no
// instance. ok is false for a type whose resources belong to no account of
// the scope (those AWS owns, such as aws-managed-view, whose ARNs name the
// account "aws"); a type whose ARNs name no account at all (an S3 bucket)
// is within every scope.
func (rt *ResourceType) ARNWithin(s Scope) (string, bool) { return rt.ARNWithinParents(s, nil) }

// ARNWithinParents is ARNWithin with the values of the type's parent parts
// that parents gives: every id of its ARN but the last, which is the
// resource's own. A wisdom message template within knowledge base kb1 is
// message-template/kb1/*.
func (rt *ResourceType) ARNWithinParents(s Scope, parents map[string]string) (string, bool) {
	var b strings.Builder
	hasAccount := false
	last := -1
	for i, seg := range rt.template.segments {
		if seg.part != "" {
			last = i
		}
	}
	for i, seg := range rt.template.segments {
		if v, ok := parents[seg.part]; ok && i != last && seg.part != "partition" && seg.part != "region" && seg.part != "account" && seg.part != "instance_id" {
			b.WriteString(v)
			continue
		}
		switch seg.part {
		case "":
			b.WriteString(seg.literal)
		case "partition":
			b.WriteString(s.Partition)
		case "region":
			b.WriteString(s.Region)
		case "account":
			hasAccount = true
			b.WriteString(s.Account)
		case "instance_id":
			b.WriteString(cmp.Or(s.Instance, "*"))
		default:
			b.WriteString("*")
		}
	}
	return b.String(), hasAccount || rt.accountless
}

// sameScope reports whether a pattern is within exactly the scope.
func sameScope(s Scope, pattern string) bool {
	p, ok := ScopeOf(pattern)
	return ok && p == s
}

// CollapseARNs writes more than most ARN patterns of one service within
// one scope (partition, region, account and instance) as their longest
// common prefix and "*". Given the ARNs of an action's own types, the
// result allows the action on exactly the same resources, since IAM
// checks an action only against the resources of its types, in far fewer
// characters: ec2:CreateTags acts on 106 types of EC2. Other patterns, and
// groups of no more than most, are kept as they are; the result is sorted.
func CollapseARNs(arns []string, most int) []string {
	groups := map[string][]string{}
	var out []string
	for _, arn := range arns {
		fields := strings.SplitN(arn, ":", 6)
		s, ok := ScopeOf(arn)
		if !ok || len(fields) < 6 || HasWildcard(strings.Join(fields[:5], ":")) {
			out = append(out, arn)
			continue
		}
		// An instance's own ARN is apart from those under it, which
		// instance/<id>/* collapses to.
		under := strings.Count(fields[5], "/") >= 2
		key := fmt.Sprint(strings.Join(fields[:5], ":"), "\x00", s.Instance, "\x00", under)
		groups[key] = append(groups[key], arn)
	}
	for _, group := range groups {
		if len(group) <= most {
			out = append(out, group...)
			continue
		}
		prefix := group[0]
		for _, arn := range group[1:] {
			n := 0
			for n < len(prefix) && n < len(arn) && prefix[n] == arn[n] {
				n++
			}
			prefix = prefix[:n]
		}
		// Cut back to a separator, so that no id is cut short: instance/abc
		// is not instance/ab*.
		prefix = prefix[:strings.LastIndexAny(prefix, ":/")+1]
		collapsed := prefix + "*"
		if s, _ := ScopeOf(group[0]); !sameScope(s, collapsed) {
			out = append(out, group...)
			continue
		}
		out = append(out, collapsed)
	}
	slices.Sort(out)
	return slices.Compact(out)
}
