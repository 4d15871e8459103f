package provider

import (
	"context"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// NewServer returns the provider's protocol server: the framework's, with a
// direct path for the data sources whose configurations are large
// (connect_policy_document and connect_policy_analysis).
//
// For those, the framework's handling of a configuration costs about ten
// times the provider's own work (bench/README.md): it converts the values
// with a schema lookup per value (NullifyCollectionBlocks) and validates
// through path expressions. The direct path decodes the configuration with
// terraform-plugin-go, converts blocks and runs the same validators in one
// walk of the schema, and calls the data source's own Read. Diagnostics
// always come from the framework: whenever the direct path would report
// anything, or meets what it does not handle (unknown values, a missing
// configuration), it hands the request to the framework, which answers as
// if the direct path did not exist.
func NewServer(version string) func() tfprotov6.ProviderServer {
	return func() tfprotov6.ProviderServer {
		ctx := context.Background()
		s := &server{
			ProviderServer: providerserver.NewProtocol6(New(version)())(),
			provider:       New(version)(),
			direct:         map[string]*directDataSource{},
		}
		for _, factory := range []func() datasource.DataSource{newPolicyDocument, NewPolicyAnalysisDataSource} {
			d := factory()
			var metadata datasource.MetadataResponse
			d.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "connect"}, &metadata)
			var resp datasource.SchemaResponse
			d.Schema(ctx, datasource.SchemaRequest{}, &resp)
			s.direct[metadata.TypeName] = &directDataSource{factory: factory, schema: resp.Schema, typ: resp.Schema.Type().TerraformType(ctx)}
		}
		return s
	}
}

type server struct {
	tfprotov6.ProviderServer // the framework's, for everything else
	// provider is a second instance of the provider, configured like the
	// framework's, whose data the direct path hands its data sources.
	provider provider.Provider
	// providerData is what the provider's Configure gives data sources, nil
	// until it has succeeded. mu guards it: Terraform configures before it
	// reads, but each call is a goroutine of its own.
	mu           sync.RWMutex
	providerData any
	direct       map[string]*directDataSource
}

type directDataSource struct {
	factory func() datasource.DataSource
	schema  schema.Schema
	typ     tftypes.Type
}

func (s *server) ConfigureProvider(ctx context.Context, req *tfprotov6.ConfigureProviderRequest) (*tfprotov6.ConfigureProviderResponse, error) {
	resp, err := s.ProviderServer.ConfigureProvider(ctx, req)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.providerData = nil
	if err != nil || len(resp.Diagnostics) > 0 || req.Config == nil {
		return resp, err
	}
	var schemaResp provider.SchemaResponse
	s.provider.Schema(ctx, provider.SchemaRequest{}, &schemaResp)
	config, decodeErr := req.Config.Unmarshal(schemaResp.Schema.Type().TerraformType(ctx))
	if decodeErr != nil {
		return resp, err
	}
	var configured provider.ConfigureResponse
	s.provider.Configure(ctx, provider.ConfigureRequest{Config: tfsdk.Config{Raw: config, Schema: schemaResp.Schema}}, &configured)
	if len(configured.Diagnostics) == 0 {
		s.providerData = configured.DataSourceData
	}
	return resp, err
}

func (s *server) ValidateDataResourceConfig(ctx context.Context, req *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	if d := s.direct[req.TypeName]; d != nil {
		if config, ok := d.decode(req.Config); ok && validateDirect(ctx, d.factory(), d.schema, config) {
			return &tfprotov6.ValidateDataResourceConfigResponse{}, nil
		}
	}
	return s.ProviderServer.ValidateDataResourceConfig(ctx, req)
}

func (s *server) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	s.mu.RLock()
	providerData := s.providerData
	s.mu.RUnlock()
	if d := s.direct[req.TypeName]; d != nil && providerData != nil && req.ProviderMeta == nil {
		if state, ok := readDirect(ctx, d, providerData, req.Config); ok {
			return &tfprotov6.ReadDataSourceResponse{State: state}, nil
		}
	}
	return s.ProviderServer.ReadDataSource(ctx, req)
}

// decode returns a wholly known configuration with its empty blocks null,
// as the framework hands configurations to data sources.
func (d *directDataSource) decode(value *tfprotov6.DynamicValue) (tfsdk.Config, bool) {
	if value == nil {
		return tfsdk.Config{}, false
	}
	raw, err := value.Unmarshal(d.typ)
	if err != nil || !raw.IsFullyKnown() || raw.IsNull() {
		return tfsdk.Config{}, false
	}
	raw, ok := mapBlocks(raw, d.schema.Blocks, nullIfEmpty)
	return tfsdk.Config{Raw: raw, Schema: d.schema}, ok
}

// readDirect reads a data source as the framework's ReadDataSource does:
// configured with the provider's data, its state starting as the
// configuration. It reports false when the read has diagnostics, which
// only the framework reports.
func readDirect(ctx context.Context, d *directDataSource, providerData any, value *tfprotov6.DynamicValue) (*tfprotov6.DynamicValue, bool) {
	config, ok := d.decode(value)
	if !ok {
		return nil, false
	}
	ds := d.factory()
	if configurable, ok := ds.(datasource.DataSourceWithConfigure); ok {
		var resp datasource.ConfigureResponse
		configurable.Configure(ctx, datasource.ConfigureRequest{ProviderData: providerData}, &resp)
		if len(resp.Diagnostics) > 0 {
			return nil, false
		}
	}
	resp := datasource.ReadResponse{State: tfsdk.State{Raw: config.Raw.Copy(), Schema: d.schema}}
	ds.Read(ctx, datasource.ReadRequest{Config: config}, &resp)
	if len(resp.Diagnostics) > 0 || resp.Deferred != nil {
		return nil, false
	}
	raw, ok := mapBlocks(resp.State.Raw, d.schema.Blocks, emptyIfNull)
	if !ok {
		return nil, false
	}
	state, err := tfprotov6.NewDynamicValue(d.typ, raw)
	return &state, err == nil
}

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
