// Package policy models IAM policy documents: parsing JSON with errors that
// say where, canonical JSON out, merging as aws_iam_policy_document merges,
// and size as IAM counts it. It knows nothing of Terraform or of Connect.
package policy

import (
	"slices"
	"strings"
	"unicode"
)

// Versions of the IAM policy language.
const (
	Version2012 = "2012-10-17"
	Version2008 = "2008-10-17"
)

// Effects of a statement.
const (
	Allow = "Allow"
	Deny  = "Deny"
)

// Document is an IAM policy.
type Document struct {
	Version    string
	ID         string
	Statements []Statement
}

// Statement is one statement of a policy. A nil list means the element is
// absent; a non-nil empty list means it is present and empty.
type Statement struct {
	Sid           string
	Effect        string
	Principals    []Principal
	NotPrincipals []Principal
	Actions       []string
	NotActions    []string
	Resources     []string
	NotResources  []string
	Conditions    []Condition
}

// Principal is one entry of a Principal element: a type such as "AWS" or
// "Service" with its identifiers. The bare "Principal": "*" has type "*".
type Principal struct {
	Type        string
	Identifiers []string
}

// Condition is one key of one operator of a Condition element.
type Condition struct {
	Operator string
	Key      string
	Values   []string
}

// HasPolicyVariable reports whether s holds a policy variable such as
// ${aws:username}.
func HasPolicyVariable(s string) bool {
	return strings.Contains(s, "${")
}

// UsesPolicyVariables reports whether any resource or condition value of the
// statement holds a policy variable.
func (s *Statement) UsesPolicyVariables() bool {
	return slices.ContainsFunc(s.Resources, HasPolicyVariable) ||
		slices.ContainsFunc(s.NotResources, HasPolicyVariable) ||
		slices.ContainsFunc(s.Conditions, func(c Condition) bool { return slices.ContainsFunc(c.Values, HasPolicyVariable) })
}

// Size is the policy's length as IAM counts it against its quotas: the
// characters of its JSON, white space excluded.
func Size(json string) int {
	n := 0
	for _, r := range json {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

// Kind is what kind of policy a document is, which decides the size quota
// IAM holds it to.
type Kind string

// The kinds of policy, as the provider's policy_kind attribute spells them.
const (
	KindCustomerManaged Kind = "customer-managed"
	KindRoleInline      Kind = "role-inline"
	KindUserInline      Kind = "user-inline"
	KindGroupInline     Kind = "group-inline"
	// KindAWSManaged is a policy AWS manages: no customer quota applies.
	KindAWSManaged Kind = "aws-managed"
	// KindResourceBased is a resource-based policy, such as a VPC
	// endpoint's: it names principals, and IAM's identity-policy quotas
	// do not apply (each service sets its own).
	KindResourceBased Kind = "resource-based"
)

// Kinds lists every kind, for validation and documentation.
var Kinds = []Kind{KindCustomerManaged, KindRoleInline, KindUserInline, KindGroupInline, KindAWSManaged, KindResourceBased}

// Quota is the most characters, white space excluded, that IAM allows a
// policy of the kind (for inline kinds, all of an entity's inline policies
// together); 0 for a kind with no quota that a customer is held to.
func (k Kind) Quota() int {
	switch k {
	case KindCustomerManaged:
		return QuotaManaged
	case KindRoleInline:
		return QuotaRoleInline
	case KindUserInline:
		return QuotaUserInline
	case KindGroupInline:
		return QuotaGroupInline
	}
	return 0
}

// Quotas on policy size, in characters without white space.
const (
	QuotaManaged     = 6144
	QuotaRoleInline  = 10240
	QuotaGroupInline = 5120
	QuotaUserInline  = 2048
)
