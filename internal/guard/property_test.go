package guard

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/connect-iam/terraform-provider-connect/internal/access"
	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
)

var resourcePool = []string{
	"*",
	instance,
	instance + "/*",
	instance + "/agent/*",
	instance + "/agent/u1",
	instance + "/queue/*",
	instance + "/contact-flow/*",
	instance + "/security-profile/*",
	"arn:aws:connect:us-east-1:123456789012:instance/*",
	"arn:aws:connect:*:*:instance/*/contact/*",
	"arn:aws:connect:us-east-1:123456789012:phone-number/*",
}

var conditionPool = []policy.Condition{
	{Operator: "StringEquals", Key: "connect:InstanceId", Values: []string{"abc"}},
	{Operator: "Bool", Key: "aws:SecureTransport", Values: []string{"true"}},
	{Operator: "StringEquals", Key: "aws:ResourceTag/team", Values: []string{"a"}},
}

// randomStatement draws a statement: Action or NotAction of names and
// patterns, resources, sometimes a condition; effect as asked.
func randomStatement(c *catalog.Catalog, r *rand.Rand, effect string) policy.Statement {
	actions := c.Actions()
	s := policy.Statement{Effect: effect}
	var names []string
	for range 1 + r.IntN(3) {
		a := actions[r.IntN(len(actions))]
		switch r.IntN(4) {
		case 0:
			names = append(names, "connect:"+a.Name[:1+r.IntN(len(a.Name)-1)]+"*")
		default:
			names = append(names, a.FullName())
		}
	}
	if r.IntN(10) == 0 {
		names = []string{"connect:*"}
	}
	if r.IntN(8) == 0 {
		s.NotActions = names
	} else {
		s.Actions = names
	}
	for range 1 + r.IntN(2) {
		s.Resources = append(s.Resources, resourcePool[r.IntN(len(resourcePool))])
	}
	if r.IntN(3) == 0 {
		s.Conditions = []policy.Condition{conditionPool[r.IntN(len(conditionPool))]}
	}
	return s
}

func randomPolicy(c *catalog.Catalog, r *rand.Rand) *policy.Document {
	doc := &policy.Document{Version: policy.Version2012}
	for range 1 + r.IntN(4) {
		effect := policy.Allow
		if r.IntN(4) == 0 {
			effect = policy.Deny
		}
		doc.Statements = append(doc.Statements, randomStatement(c, r, effect))
	}
	return doc
}

const propertyRuns = 300

// A policy never adds or removes access against itself, even with its
// statements in another order.
func TestReviewOfAPolicyAgainstItselfIsEmpty(t *testing.T) {
	f := newFixture(t)
	r := rand.New(rand.NewPCG(11, 12))
	for run := range propertyRuns {
		doc := randomPolicy(f.c, r)
		shuffled := &policy.Document{Version: doc.Version, Statements: slices.Clone(doc.Statements)}
		r.Shuffle(len(shuffled.Statements), func(i, j int) {
			shuffled.Statements[i], shuffled.Statements[j] = shuffled.Statements[j], shuffled.Statements[i]
		})
		review := Compare(f.c, f.m, access.Of(f.c, doc), access.Of(f.c, shuffled))
		if !review.Empty() || len(review.NewRisks)+len(review.NewWritesEverywhere) > 0 {
			t.Fatalf("run %d: a policy changes against itself: %v\n%s", run, describe(review), doc.JSON())
		}
	}
}

// Adding an Allow statement to the candidate never makes the review report
// less: what was added, broadened or newly risky stays so.
func TestAddingAStatementNeverReportsLess(t *testing.T) {
	f := newFixture(t)
	r := rand.New(rand.NewPCG(13, 14))
	compared := 0
	for run := range propertyRuns {
		base, candidate := randomPolicy(f.c, r), randomPolicy(f.c, r)
		more := &policy.Document{Version: candidate.Version, Statements: append(slices.Clone(candidate.Statements), randomStatement(f.c, r, policy.Allow))}
		before := Compare(f.c, f.m, access.Of(f.c, base), access.Of(f.c, candidate))
		after := Compare(f.c, f.m, access.Of(f.c, base), access.Of(f.c, more))
		grewAfter := slices.Concat(after.Added, after.Broadened)
		for _, a := range before.Added {
			if !slices.Contains(after.Added, a) {
				t.Fatalf("run %d: %s was added, and is not once a statement is added", run, a.FullName())
			}
		}
		for _, a := range before.Broadened {
			if !slices.Contains(grewAfter, a) {
				t.Fatalf("run %d: %s was broadened, and is not once a statement is added", run, a.FullName())
			}
		}
		for _, w := range before.NewWritesEverywhere {
			if !slices.Contains(after.NewWritesEverywhere, w) {
				t.Fatalf("run %d: %s newly on *, and not once a statement is added", run, w)
			}
		}
		if missing := lessRisks(before.NewRisks, after.NewRisks); missing != "" {
			t.Fatalf("run %d: risk %s reported, and not once a statement is added", run, missing)
		}
		if len(before.Added)+len(before.Broadened) > 0 && len(before.NewRisks) > 0 {
			compared++
		}
	}
	t.Logf("%d of %d random reviews reported added or broadened actions and risks", compared, propertyRuns)
	if compared < propertyRuns/3 {
		t.Fatalf("only %d reviews reported anything; the generator needs fixing", compared)
	}
}

// lessRisks returns a category of before's risks that after lacks, or "".
func lessRisks(before, after []string) string {
	category := func(s string) string {
		return strings.SplitN(s, ":", 2)[0] + fmt.Sprint(strings.HasSuffix(s, "together"))
	}
	for _, b := range before {
		if !slices.ContainsFunc(after, func(a string) bool { return category(a) == category(b) }) {
			return b
		}
	}
	return ""
}
