package directpath

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// nullIfEmpty and emptyIfNull are the framework's conversions of list and
// set blocks on the way in (an empty block list is null to the data
// source) and on the way out (Terraform wants an empty list back).
func nullIfEmpty(v tftypes.Value) tftypes.Value {
	if v.IsNull() || !v.IsKnown() {
		return v
	}
	var elements []tftypes.Value
	if err := v.As(&elements); err != nil || len(elements) > 0 {
		return v
	}
	return tftypes.NewValue(v.Type(), nil)
}

func emptyIfNull(v tftypes.Value) tftypes.Value {
	if !v.IsNull() {
		return v
	}
	return tftypes.NewValue(v.Type(), []tftypes.Value{})
}

// mapBlocks applies convert to every list and set block of an object
// value, at any depth, in one walk of the schema. It reports false for a
// shape it does not know.
func mapBlocks(object tftypes.Value, blocks map[string]schema.Block, convert func(tftypes.Value) tftypes.Value) (tftypes.Value, bool) {
	if len(blocks) == 0 || object.IsNull() {
		return object, true
	}
	var attributes map[string]tftypes.Value
	if err := object.As(&attributes); err != nil {
		return object, false
	}
	for name, block := range blocks {
		value, ok := attributes[name]
		if !ok {
			return object, false
		}
		var nested map[string]schema.Block
		switch b := block.(type) {
		case schema.ListNestedBlock:
			nested = b.NestedObject.Blocks
		case schema.SetNestedBlock:
			nested = b.NestedObject.Blocks
		default:
			return object, false
		}
		if len(nested) > 0 && !value.IsNull() {
			var elements []tftypes.Value
			if err := value.As(&elements); err != nil {
				return object, false
			}
			for i, element := range elements {
				converted, ok := mapBlocks(element, nested, convert)
				if !ok {
					return object, false
				}
				elements[i] = converted
			}
			value = tftypes.NewValue(value.Type(), elements)
		}
		attributes[name] = convert(value)
	}
	return tftypes.NewValue(object.Type(), attributes), true
}
