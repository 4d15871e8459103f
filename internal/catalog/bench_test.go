package catalog

import "testing"

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(Page); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkQuery(b *testing.B) {
	c := mustCatalog(b)
	key, _ := c.ConditionKey("aws:ResourceTag/${TagKey}")
	q := Query{
		AccessLevels:  []AccessLevel{AccessRead, AccessWrite},
		ResourceTypes: []string{"user", "routing-profile"},
		ConditionKeys: []*ConditionKey{key},
		Names:         []string{"connect:*User*", "connect:*Routing*"},
	}
	b.ReportAllocs()
	for b.Loop() {
		if len(c.Query(q)) == 0 {
			b.Fatal("query selected nothing")
		}
	}
}

func BenchmarkMatch(b *testing.B) {
	c := mustCatalog(b)
	b.ReportAllocs()
	for b.Loop() {
		if len(c.Match("connect:Describe*")) == 0 {
			b.Fatal("no match")
		}
	}
}

var benchARNs = []string{
	"arn:aws:connect:us-east-1:123456789012:instance/abc/queue/q1",
	"arn:aws:connect:us-east-1:123456789012:instance/abc/*",
	"arn:aws:connect:*:*:instance/*/agent/${aws:userid}",
}

// BenchmarkResolveARN resolves three ARNs (one plain, two with wildcards
// or variables) against the latest catalog's 45 formats, without the cache.
func BenchmarkResolveARN(b *testing.B) {
	c := latest(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, arn := range benchARNs {
			if c.resolveARN(arn).Kind != ARNResource {
				b.Fatal(arn)
			}
		}
	}
}

// BenchmarkResolveARNCached is the same through the cache, as every
// resolution after the first of an ARN in a provider process.
func BenchmarkResolveARNCached(b *testing.B) {
	c := latest(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, arn := range benchARNs {
			if c.ResolveARN(arn).Kind != ARNResource {
				b.Fatal(arn)
			}
		}
	}
}

// BenchmarkParseSnapshot parses the latest snapshot, once per provider
// process that uses it.
func BenchmarkParseSnapshot(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseSnapshot(Latest, LatestSnapshot); err != nil {
			b.Fatal(err)
		}
	}
}

// The list of AWS services is parsed at start-up, for the services filter
// of the catalog's data sources.
func BenchmarkParseServices(b *testing.B) {
	for b.Loop() {
		if _, err := ParseServices(ServicesList); err != nil {
			b.Fatal(err)
		}
	}
}
