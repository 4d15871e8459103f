package directpath

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// validate validates a wholly known configuration as the framework's
// ValidateDataResourceConfig would: every validator of every configurable
// attribute and block, at its path, then the data source's own
// validation. It reports true only when all of them pass and it met
// nothing it does not handle; otherwise the framework validates, and
// reports.
func validate(ctx context.Context, ds datasource.DataSource, s schema.Schema, config tfsdk.Config) bool {
	w := validation{ctx: ctx, config: config}
	if !w.object(config.Raw, s.Attributes, s.Blocks, path.Empty()) {
		return false
	}
	if v, ok := ds.(datasource.DataSourceWithConfigValidators); ok {
		for _, cv := range v.ConfigValidators(ctx) {
			var resp datasource.ValidateConfigResponse
			cv.ValidateDataSource(ctx, datasource.ValidateConfigRequest{Config: config}, &resp)
			if len(resp.Diagnostics) > 0 {
				return false
			}
		}
	}
	if v, ok := ds.(datasource.DataSourceWithValidateConfig); ok {
		var resp datasource.ValidateConfigResponse
		v.ValidateConfig(ctx, datasource.ValidateConfigRequest{Config: config}, &resp)
		if len(resp.Diagnostics) > 0 {
			return false
		}
	}
	return true
}

type validation struct {
	ctx    context.Context
	config tfsdk.Config
}

// object validates the attributes and blocks of an object value.
func (w validation) object(value tftypes.Value, attributes map[string]schema.Attribute, blocks map[string]schema.Block, at path.Path) bool {
	var values map[string]tftypes.Value
	if err := value.As(&values); err != nil {
		return false
	}
	for name, a := range attributes {
		if !w.attribute(a, values[name], at.AtName(name)) {
			return false
		}
	}
	for name, b := range blocks {
		if !w.block(b, values[name], at.AtName(name)) {
			return false
		}
	}
	return true
}

// attribute runs an attribute's validators; a value where the framework
// would report one (a computed attribute configured, a required one
// missing, a deprecated one set) or a kind of attribute it does not know
// sends the request to the framework.
func (w validation) attribute(a schema.Attribute, raw tftypes.Value, at path.Path) bool {
	switch {
	case a.IsComputed() && !a.IsOptional() && !raw.IsNull(),
		a.IsRequired() && raw.IsNull(),
		a.GetDeprecationMessage() != "" && !raw.IsNull():
		return false
	case a.IsComputed() && !a.IsOptional(), !hasValidators(a):
		return true
	}
	value, ok := w.value(a.GetType(), raw)
	if !ok {
		return false
	}
	ctx, config, e := w.ctx, w.config, at.Expression()
	switch a := a.(type) {
	case schema.StringAttribute:
		cv, ok := value.(basetypes.StringValue)
		return ok && passes(a.StringValidators(), func(v validator.String, resp *validator.StringResponse) {
			v.ValidateString(ctx, validator.StringRequest{Path: at, PathExpression: e, Config: config, ConfigValue: cv}, resp)
		}, func(resp *validator.StringResponse) diag.Diagnostics { return resp.Diagnostics })
	case schema.BoolAttribute:
		cv, ok := value.(basetypes.BoolValue)
		return ok && passes(a.BoolValidators(), func(v validator.Bool, resp *validator.BoolResponse) {
			v.ValidateBool(ctx, validator.BoolRequest{Path: at, PathExpression: e, Config: config, ConfigValue: cv}, resp)
		}, func(resp *validator.BoolResponse) diag.Diagnostics { return resp.Diagnostics })
	case schema.Int64Attribute:
		cv, ok := value.(basetypes.Int64Value)
		return ok && passes(a.Int64Validators(), func(v validator.Int64, resp *validator.Int64Response) {
			v.ValidateInt64(ctx, validator.Int64Request{Path: at, PathExpression: e, Config: config, ConfigValue: cv}, resp)
		}, func(resp *validator.Int64Response) diag.Diagnostics { return resp.Diagnostics })
	case schema.ListAttribute:
		cv, ok := value.(basetypes.ListValue)
		return ok && w.list(a.ListValidators(), at, cv)
	case schema.SetAttribute:
		cv, ok := value.(basetypes.SetValue)
		return ok && w.set(a.SetValidators(), at, cv)
	}
	return false
}

// passes runs validators of one kind and reports whether none of them said
// anything.
func passes[V, Resp any](validators []V, validate func(V, *Resp), diagnostics func(*Resp) diag.Diagnostics) bool {
	for _, v := range validators {
		var resp Resp
		validate(v, &resp)
		if len(diagnostics(&resp)) > 0 {
			return false
		}
	}
	return true
}

// hasValidators reports whether an attribute has validators; one of a kind
// the walk does not know is taken to have some.
func hasValidators(a schema.Attribute) bool {
	switch a := a.(type) {
	case schema.StringAttribute:
		return len(a.StringValidators()) > 0
	case schema.BoolAttribute:
		return len(a.BoolValidators()) > 0
	case schema.Int64Attribute:
		return len(a.Int64Validators()) > 0
	case schema.ListAttribute:
		return len(a.ListValidators()) > 0
	case schema.SetAttribute:
		return len(a.SetValidators()) > 0
	}
	return true
}

func (w validation) list(validators []validator.List, at path.Path, cv basetypes.ListValue) bool {
	return passes(validators, func(v validator.List, resp *validator.ListResponse) {
		v.ValidateList(w.ctx, validator.ListRequest{Path: at, PathExpression: at.Expression(), Config: w.config, ConfigValue: cv}, resp)
	}, func(resp *validator.ListResponse) diag.Diagnostics { return resp.Diagnostics })
}

func (w validation) set(validators []validator.Set, at path.Path, cv basetypes.SetValue) bool {
	return passes(validators, func(v validator.Set, resp *validator.SetResponse) {
		v.ValidateSet(w.ctx, validator.SetRequest{Path: at, PathExpression: at.Expression(), Config: w.config, ConfigValue: cv}, resp)
	}, func(resp *validator.SetResponse) diag.Diagnostics { return resp.Diagnostics })
}

// block runs a list or set block's validators, then those of each of its
// objects and of what they hold.
func (w validation) block(b schema.Block, raw tftypes.Value, at path.Path) bool {
	var object schema.NestedBlockObject
	isSet := false
	switch b := b.(type) {
	case schema.ListNestedBlock:
		if validators := b.ListValidators(); len(validators) > 0 {
			value, ok := w.value(b.Type(), raw)
			v, isList := value.(basetypes.ListValue)
			if !ok || !isList || !w.list(validators, at, v) {
				return false
			}
		}
		object = b.NestedObject
	case schema.SetNestedBlock:
		if validators := b.SetValidators(); len(validators) > 0 {
			value, ok := w.value(b.Type(), raw)
			v, isSetValue := value.(basetypes.SetValue)
			if !ok || !isSetValue || !w.set(validators, at, v) {
				return false
			}
		}
		object, isSet = b.NestedObject, true
	default:
		return false
	}
	if raw.IsNull() {
		return true
	}
	var elements []tftypes.Value
	if err := raw.As(&elements); err != nil {
		return false
	}
	for i, element := range elements {
		elementPath := at.AtListIndex(i)
		if isSet {
			setValue, ok := w.value(object.Type(), element)
			if !ok {
				return false
			}
			elementPath = at.AtSetValue(setValue)
		}
		if !w.nestedObject(object, element, elementPath) {
			return false
		}
	}
	return true
}

func (w validation) nestedObject(object schema.NestedBlockObject, raw tftypes.Value, at path.Path) bool {
	if len(object.ObjectValidators()) == 0 {
		return w.object(raw, object.Attributes, object.Blocks, at)
	}
	value, ok := w.value(object.Type(), raw)
	if !ok {
		return false
	}
	v, ok := value.(basetypes.ObjectValue)
	if !ok {
		return false
	}
	return passes(object.ObjectValidators(), func(ov validator.Object, resp *validator.ObjectResponse) {
		ov.ValidateObject(w.ctx, validator.ObjectRequest{Path: at, PathExpression: at.Expression(), Config: w.config, ConfigValue: v}, resp)
	}, func(resp *validator.ObjectResponse) diag.Diagnostics { return resp.Diagnostics }) && w.object(raw, object.Attributes, object.Blocks, at)
}

// value converts a Terraform value to the framework's value of its type.
func (w validation) value(typ attr.Type, raw tftypes.Value) (attr.Value, bool) {
	value, err := typ.ValueFromTerraform(w.ctx, raw)
	return value, err == nil
}
