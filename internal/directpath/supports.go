package directpath

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Supports reports, as an error naming the first one, a feature of a data
// source's schema that the direct path does not reproduce exactly as the
// framework does; nil means it reproduces them all. What it reproduces:
// string, bool and int64 attributes, lists and sets of those, required,
// optional and computed, with their validators; list and set blocks of such
// attributes and blocks, with theirs. Anything else leaves the data source
// to the framework: a deprecation message (the framework warns when a
// deprecated attribute is set), sensitive values, nested attributes,
// single blocks, custom types, dynamic or other attribute kinds.
func Supports(s schema.Schema) error {
	if s.DeprecationMessage != "" {
		return fmt.Errorf("the data source has a deprecation message")
	}
	return supportsObject(s.Attributes, s.Blocks, "")
}

func supportsObject(attributes map[string]schema.Attribute, blocks map[string]schema.Block, at string) error {
	for name, a := range attributes {
		if err := supportsAttribute(a); err != nil {
			return fmt.Errorf("attribute %s%s: %w", at, name, err)
		}
	}
	for name, b := range blocks {
		var object schema.NestedBlockObject
		switch b := b.(type) {
		case schema.ListNestedBlock:
			if b.CustomType != nil {
				return fmt.Errorf("block %s%s has a custom type", at, name)
			}
			object = b.NestedObject
		case schema.SetNestedBlock:
			if b.CustomType != nil {
				return fmt.Errorf("block %s%s has a custom type", at, name)
			}
			object = b.NestedObject
		default:
			return fmt.Errorf("block %s%s is a %T, not a list or set block", at, name, b)
		}
		if b.GetDeprecationMessage() != "" {
			return fmt.Errorf("block %s%s has a deprecation message", at, name)
		}
		if object.CustomType != nil {
			return fmt.Errorf("block %s%s has objects of a custom type", at, name)
		}
		if err := supportsObject(object.Attributes, object.Blocks, at+name+"."); err != nil {
			return err
		}
	}
	return nil
}

func supportsAttribute(a schema.Attribute) error {
	switch {
	case a.GetDeprecationMessage() != "":
		return fmt.Errorf("has a deprecation message")
	case a.IsSensitive():
		return fmt.Errorf("is sensitive")
	case a.IsWriteOnly():
		return fmt.Errorf("is write-only")
	case a.IsComputed() && !a.IsOptional() && !a.IsRequired():
		// An output: validation hands a configuration that sets one to the
		// framework, and the state is the data source's own.
		return nil
	}
	switch a := a.(type) {
	case schema.StringAttribute:
		if a.CustomType == nil {
			return nil
		}
	case schema.BoolAttribute:
		if a.CustomType == nil {
			return nil
		}
	case schema.Int64Attribute:
		if a.CustomType == nil {
			return nil
		}
	case schema.ListAttribute:
		if a.CustomType == nil {
			return plainElements(a.ElementType)
		}
	case schema.SetAttribute:
		if a.CustomType == nil {
			return plainElements(a.ElementType)
		}
	default:
		return fmt.Errorf("is a %s", strings.TrimPrefix(fmt.Sprintf("%T", a), "schema."))
	}
	return fmt.Errorf("has a custom type")
}

// plainElements admits the element types the walk converts: the framework's
// own string, bool and int64 types.
func plainElements(t attr.Type) error {
	switch t {
	case types.StringType, types.BoolType, types.Int64Type:
		return nil
	}
	return fmt.Errorf("has elements of type %s", t)
}
