package catalog

import (
	"fmt"
	"slices"
	"strings"
)

// AccessLevel is an IAM access level, spelled as the catalog page spells it.
type AccessLevel string

// The five access levels IAM knows, in the order Policy Sentry lists them.
const (
	AccessList                  AccessLevel = "List"
	AccessRead                  AccessLevel = "Read"
	AccessWrite                 AccessLevel = "Write"
	AccessPermissionsManagement AccessLevel = "Permissions management"
	AccessTagging               AccessLevel = "Tagging"
)

// AccessLevels lists every access level in a fixed order, used wherever
// output is grouped by level.
var AccessLevels = []AccessLevel{AccessList, AccessRead, AccessWrite, AccessPermissionsManagement, AccessTagging}

// ByAccessLevel groups actions' full names by access level: every level
// has a list, and an action of two levels ("Tagging, Write") is in both.
func ByAccessLevel(actions []*Action) map[AccessLevel][]string {
	out := map[AccessLevel][]string{}
	for _, level := range AccessLevels {
		out[level] = []string{}
	}
	for _, a := range actions {
		for _, level := range a.AccessLevels {
			out[level] = append(out[level], a.FullName())
		}
	}
	return out
}

// ParseAccessLevel accepts the catalog's spelling ("Permissions management")
// and the CLI spelling ("permissions-management"), in any case.
func ParseAccessLevel(s string) (AccessLevel, bool) {
	norm := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), "-", " "))
	for _, level := range AccessLevels {
		if strings.ToLower(string(level)) == norm {
			return level, true
		}
	}
	return "", false
}

// ParseAccessLevelLabel reads the reference's label of an action, which
// may give more than one level, the more specific first: "Write",
// "Tagging, Write" or "Permissions management, Write".
func ParseAccessLevelLabel(label string) ([]AccessLevel, error) {
	var levels []AccessLevel
	for _, part := range strings.Split(label, ",") {
		level := AccessLevel(strings.TrimSpace(part))
		switch {
		case level.Rank() == len(AccessLevels):
			return nil, fmt.Errorf("unknown access level %q in %q; known levels: %s", level, label, strings.Join(AccessLevelNames(), ", "))
		case slices.Contains(levels, level):
			return nil, fmt.Errorf("access level %q appears twice in %q", level, label)
		}
		levels = append(levels, level)
	}
	return levels, nil
}

// CLIName is the lower-case, hyphenated spelling used by Policy Sentry's CLI.
func (a AccessLevel) CLIName() string {
	return strings.ToLower(strings.ReplaceAll(string(a), " ", "-"))
}

// Word is the level as one capitalised word, as used in statement Sids
// ("PermissionsManagement").
func (a AccessLevel) Word() string {
	return CamelCase(string(a))
}

// Rank orders levels as AccessLevels does; unknown levels sort last.
func (a AccessLevel) Rank() int {
	for i, level := range AccessLevels {
		if level == a {
			return i
		}
	}
	return len(AccessLevels)
}

// AccessLevelNames returns both accepted spellings of every level, for
// error messages that list the valid values.
func AccessLevelNames() []string {
	names := make([]string, 0, len(AccessLevels))
	for _, level := range AccessLevels {
		names = append(names, string(level))
	}
	return names
}

// CamelCase joins the words of s, split at spaces, hyphens and underscores,
// each with its first letter upper-cased: "routing-profile" becomes
// "RoutingProfile".
func CamelCase(s string) string {
	var b strings.Builder
	upper := true
	for _, r := range s {
		switch {
		case r == ' ' || r == '-' || r == '_':
			upper = true
		case upper:
			b.WriteString(strings.ToUpper(string(r)))
			upper = false
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
