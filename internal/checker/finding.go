// Package checker finds what is wrong or too broad in an IAM policy for
// Amazon Connect, judged against the catalog. connect_policy_document and
// connect_policy_analysis both use it, so each rule is written once.
package checker

import (
	"cmp"
	"fmt"
	"slices"
)

// Severity says how bad a finding is.
type Severity string

// Severities, from worst to mildest.
const (
	SeverityError      Severity = "error"
	SeverityWarning    Severity = "warning"
	SeveritySuggestion Severity = "suggestion"
)

// Rank orders severities: errors first.
func (s Severity) Rank() int {
	switch s {
	case SeverityError:
		return 0
	case SeverityWarning:
		return 1
	default:
		return 2
	}
}

// AtLeast reports whether s is as bad as threshold or worse.
func (s Severity) AtLeast(threshold Severity) bool { return s.Rank() <= threshold.Rank() }

// Finding codes. Each names one rule.
const (
	CodeMalformedPolicy          = "malformed-policy"
	CodeInvalidVersion           = "invalid-version"
	CodeMissingVersion           = "missing-version"
	CodeVariablesNeedVersion     = "policy-variables-need-2012-10-17"
	CodeMalformedStatement       = "malformed-statement"
	CodeInvalidSid               = "invalid-sid"
	CodeDuplicateSid             = "duplicate-sid"
	CodePrincipalInIdentity      = "principal-in-identity-policy"
	CodeMalformedAction          = "malformed-action"
	CodeUnknownService           = "unknown-service"
	CodeUncheckedServices        = "unchecked-services"
	CodeUnknownAction            = "unknown-action"
	CodeWildcardMatchesNothing   = "wildcard-matches-nothing"
	CodeAllowAllActions          = "allow-all-actions"
	CodeAllowNotAction           = "allow-not-action"
	CodeMalformedARN             = "malformed-arn"
	CodeUnknownResourceType      = "unknown-resource-type"
	CodeActionResourceMismatch   = "action-resource-mismatch"
	CodeIneffectiveDeny          = "ineffective-deny"
	CodeResourceWildcard         = "resource-wildcard"
	CodeUnknownOperator          = "unknown-condition-operator"
	CodeUnknownConditionKey      = "unknown-condition-key"
	CodeUnsupportedConditionKey  = "unsupported-condition-key"
	CodeOperatorTypeMismatch     = "operator-type-mismatch"
	CodeMissingSetOperator       = "missing-set-operator"
	CodeSetOperatorOnSingleValue = "set-operator-on-single-value-key"
	CodeInvalidConditionValue    = "invalid-condition-value"
	CodeDuplicateCondition       = "duplicate-condition"
	CodeSizeOverManaged          = "size-over-managed-quota"
	CodeSizeOverRoleInline       = "size-over-role-inline-quota"
	CodeSizeOverGroupInline      = "size-over-group-inline-quota"
	CodeSizeOverUserInline       = "size-over-user-inline-quota"
	CodeMissingDependentActions  = "missing-dependent-actions"
	// CodeReferenceDisagreement marks what the pinned versions of AWS's
	// reference disagree on: accepted, with a warning that cites both.
	CodeReferenceDisagreement = "reference-versions-disagree"
)

// Codes lists every finding code, sorted.
var Codes = sortedCodes(
	CodeMalformedPolicy, CodeInvalidVersion, CodeMissingVersion, CodeVariablesNeedVersion,
	CodeMalformedStatement, CodeInvalidSid, CodeDuplicateSid, CodePrincipalInIdentity,
	CodeMalformedAction, CodeUnknownService, CodeUncheckedServices, CodeUnknownAction, CodeWildcardMatchesNothing, CodeAllowAllActions, CodeAllowNotAction,
	CodeMalformedARN, CodeUnknownResourceType, CodeActionResourceMismatch, CodeIneffectiveDeny, CodeResourceWildcard,
	CodeUnknownOperator, CodeUnknownConditionKey, CodeUnsupportedConditionKey, CodeOperatorTypeMismatch,
	CodeMissingSetOperator, CodeSetOperatorOnSingleValue, CodeInvalidConditionValue, CodeDuplicateCondition,
	CodeSizeOverManaged, CodeSizeOverRoleInline, CodeSizeOverGroupInline, CodeSizeOverUserInline,
	CodeMissingDependentActions, CodeReferenceDisagreement,
)

func sortedCodes(codes ...string) []string {
	slices.Sort(codes)
	return codes
}

// Elements of a statement that a finding can be about.
const (
	ElementVersion      = "Version"
	ElementSid          = "Sid"
	ElementEffect       = "Effect"
	ElementPrincipal    = "Principal"
	ElementNotPrincipal = "NotPrincipal"
	ElementAction       = "Action"
	ElementNotAction    = "NotAction"
	ElementResource     = "Resource"
	ElementNotResource  = "NotResource"
	ElementCondition    = "Condition"
)

// Finding is one thing the checker found.
type Finding struct {
	Code     string
	Severity Severity
	// Statement is the statement's index in the policy, or -1 for the policy
	// as a whole.
	Statement int
	Sid       string
	// Element is the statement element at fault, such as "Action", or "".
	Element string
	// Actions are all the actions a finding is about, where it is about
	// several (resource-wildcard, risk-*).
	Actions []string
	// Action, Resource and ConditionKey are the value at fault, where one is.
	Action       string
	Resource     string
	ConditionKey string
	// Condition is the index of the condition at fault in the statement's
	// Conditions, or -1.
	Condition int
	// Message says in one sentence what is wrong and what would be right.
	Message string
}

// Location says which statement a finding is about, for a message:
// "Statement 2 (Sid Queues): ", or "" for the policy as a whole.
func (f Finding) Location() string {
	if f.Statement < 0 {
		return ""
	}
	sid := ""
	if f.Sid != "" {
		sid = fmt.Sprintf(" (Sid %s)", f.Sid)
	}
	return fmt.Sprintf("Statement %d%s: ", f.Statement, sid)
}

// Sort orders findings deterministically: by statement, then severity,
// code and the values they are about.
func Sort(findings []Finding) {
	slices.SortStableFunc(findings, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.Statement, b.Statement),
			cmp.Compare(a.Severity.Rank(), b.Severity.Rank()),
			cmp.Compare(a.Code, b.Code),
			cmp.Compare(a.Condition, b.Condition),
			cmp.Compare(a.Action, b.Action),
			cmp.Compare(a.Resource, b.Resource),
			cmp.Compare(a.ConditionKey, b.ConditionKey),
			cmp.Compare(a.Message, b.Message),
		)
	})
}
