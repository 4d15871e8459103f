package policy

// Merge adds the statements of next to d as aws_iam_policy_document merges
// documents: a statement whose Sid is already in d replaces that statement
// in place, any other is appended; next's Id, when set, replaces d's, and
// the later of the two versions wins.
func (d *Document) Merge(next *Document) {
	if next.ID != "" {
		d.ID = next.ID
	}
	if next.Version > d.Version {
		d.Version = next.Version
	}
	for _, s := range next.Statements {
		if s.Sid != "" {
			if i := d.statementIndex(s.Sid); i >= 0 {
				d.Statements[i] = s
				continue
			}
		}
		d.Statements = append(d.Statements, s)
	}
}

func (d *Document) statementIndex(sid string) int {
	for i := range d.Statements {
		if d.Statements[i].Sid == sid {
			return i
		}
	}
	return -1
}

// SidReuse is a Sid given to a statement that an earlier one already has.
type SidReuse struct {
	Sid string
	// First and Again are the positions of the first and of the repeated
	// statement in the list checked.
	First, Again int
}

// ReusedSids finds every statement whose Sid an earlier statement has;
// Sids compare exactly, and statements without one are ignored. Sids must
// be unique within a policy, and aws_iam_policy_document's merge rules
// require them unique within each source and current list too.
func ReusedSids(statements []Statement) []SidReuse {
	first := make(map[string]int, len(statements))
	var out []SidReuse
	for i, s := range statements {
		if s.Sid == "" {
			continue
		}
		if at, seen := first[s.Sid]; seen {
			out = append(out, SidReuse{Sid: s.Sid, First: at, Again: i})
			continue
		}
		first[s.Sid] = i
	}
	return out
}
