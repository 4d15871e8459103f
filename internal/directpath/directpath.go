// Package directpath serves the validation and reads of chosen data sources
// beside a terraform-plugin-framework server, without the framework's
// per-value handling of their configurations, and answers exactly as the
// framework would. It knows nothing of the provider it serves.
//
// Why: for a data source with large configurations of nested blocks, the
// framework's handling costs about ten times the data source's own work
// (bench/README.md): it converts values with a schema lookup per value
// (NullifyCollectionBlocks) and validates through path expressions, the
// cost reported upstream as hashicorp/terraform-plugin-framework#775. The
// direct path decodes a configuration with terraform-plugin-go, converts
// its blocks and runs the schema's own validators in one walk, and calls
// the data source's own Read.
//
// The risk is bounded three ways:
//   - Diagnostics always come from the framework: whenever the direct path
//     would report anything, or meets what it does not handle (unknown
//     values, a missing configuration, provider meta), it hands the request
//     to the framework, which answers as if the direct path did not exist.
//   - Supports admits a data source only if every feature of its schema is
//     one the direct path reproduces; any other (a deprecation message,
//     sensitive or write-only values, nested attributes, custom types,
//     dynamic values, blocks other than list and set blocks) leaves that
//     type wholly to the framework, so that a schema change can never make
//     the two paths answer differently.
//   - The provider's equivalence test compares both paths on generated
//     configurations.
//
// When to delete it: when the framework's own cost for these data sources
// comes within 10% of the direct path's, as bench/plan-attribution
// measures it.
package directpath

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// ProviderData is what a provider implements for the direct path: the data
// its last successful Configure gave data sources, or nil. The framework
// server and the direct path share the one provider instance, and so its
// one Configure.
type ProviderData interface {
	DataSourceData() any
}

// Server is the framework's protocol server with the direct path.
type Server struct {
	tfprotov6.ProviderServer // the framework's, for everything else
	data                     ProviderData
	direct                   map[string]*dataSource
	// Unsupported says, by type name, why a data source the server was
	// given is left to the framework.
	Unsupported map[string]error
}

type dataSource struct {
	factory func() datasource.DataSource
	schema  schema.Schema
	typ     tftypes.Type
}

// New returns the framework's server for the provider, with a direct path
// for the data sources that Supports admits among those given.
func New(p interface {
	provider.Provider
	ProviderData
}, dataSources ...func() datasource.DataSource) *Server {
	ctx := context.Background()
	s := &Server{
		ProviderServer: providerserver.NewProtocol6(p)(),
		data:           p,
		direct:         map[string]*dataSource{},
		Unsupported:    map[string]error{},
	}
	var meta provider.MetadataResponse
	p.Metadata(ctx, provider.MetadataRequest{}, &meta)
	for _, factory := range dataSources {
		d := factory()
		var metadata datasource.MetadataResponse
		d.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: meta.TypeName}, &metadata)
		var resp datasource.SchemaResponse
		d.Schema(ctx, datasource.SchemaRequest{}, &resp)
		if err := Supports(resp.Schema); err != nil {
			s.Unsupported[metadata.TypeName] = err
			continue
		}
		s.direct[metadata.TypeName] = &dataSource{factory: factory, schema: resp.Schema, typ: resp.Schema.Type().TerraformType(ctx)}
	}
	return s
}

// Serves reports whether the server answers a data source type on its
// direct path.
func (s *Server) Serves(typeName string) bool { return s.direct[typeName] != nil }

// ValidateDataResourceConfig validates on the direct path when it finds
// nothing to report, and otherwise lets the framework validate and report.
func (s *Server) ValidateDataResourceConfig(ctx context.Context, req *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	if ok, _ := s.ValidatesDirectly(ctx, req.TypeName, req.Config); ok {
		return &tfprotov6.ValidateDataResourceConfigResponse{}, nil
	}
	return s.ProviderServer.ValidateDataResourceConfig(ctx, req)
}

// ValidatesDirectly reports whether the direct path validates a
// configuration without anything to report; ok is false when it hands the
// configuration to the framework. It is what ValidateDataResourceConfig
// tries first, for tests.
func (s *Server) ValidatesDirectly(ctx context.Context, typeName string, value *tfprotov6.DynamicValue) (ok bool, config tfsdk.Config) {
	d := s.direct[typeName]
	if d == nil {
		return false, tfsdk.Config{}
	}
	config, decoded := d.decode(value)
	return decoded && validate(ctx, d.factory(), d.schema, config), config
}

// ReadDataSource reads on the direct path when the read has nothing to
// report, and otherwise lets the framework read and report.
func (s *Server) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	if req.ProviderMeta == nil {
		if state, ok := s.ReadsDirectly(ctx, req.TypeName, req.Config); ok {
			return &tfprotov6.ReadDataSourceResponse{State: state}, nil
		}
	}
	return s.ProviderServer.ReadDataSource(ctx, req)
}

// ReadsDirectly reads a data source as the framework's ReadDataSource does:
// configured with the provider's data, its state starting as the
// configuration. ok is false when the read has diagnostics, which only the
// framework reports, or meets what the direct path does not handle.
func (s *Server) ReadsDirectly(ctx context.Context, typeName string, value *tfprotov6.DynamicValue) (*tfprotov6.DynamicValue, bool) {
	d := s.direct[typeName]
	providerData := s.data.DataSourceData()
	if d == nil || providerData == nil {
		return nil, false
	}
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

// decode returns a wholly known configuration with its empty blocks null,
// as the framework hands configurations to data sources.
func (d *dataSource) decode(value *tfprotov6.DynamicValue) (tfsdk.Config, bool) {
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
