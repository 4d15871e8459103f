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

// DuplicateSid finds the first Sid used by two statements. It returns the
// Sid and the index of its second use, or "" and -1.
func DuplicateSid(statements []Statement) (string, int) {
	seen := make(map[string]bool, len(statements))
	for i, s := range statements {
		if s.Sid == "" {
			continue
		}
		if seen[s.Sid] {
			return s.Sid, i
		}
		seen[s.Sid] = true
	}
	return "", -1
}
