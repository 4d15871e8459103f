package provider

import (
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
)

// The services filter of the catalog's data sources: Connect, and the
// rest of its family that the catalog models in full. Without it, a data
// source answers for Connect, as before the family was modelled.

// serviceNames lists the values of a services filter: Connect, the rest
// of its family, then the companions.
func serviceNames() []string {
	return slices.Concat([]string{catalog.ServicePrefix}, catalog.FamilyServices(), catalog.CompanionServices())
}

// servicesAttribute is the schema of a services filter; what says what
// the data source queries of each service ("actions", "resource types").
func servicesAttribute(what, byDefault string) schema.ListAttribute {
	return schema.ListAttribute{
		MarkdownDescription: fmt.Sprintf("The services whose %s to query: %s, the rest of the Amazon Connect family (%s), "+
			"or a companion service that the family's policies name (%s). By default, %s. "+
			"The other filters apply to each service; a value that none of the services knows is an error.",
			what, quotedCode([]string{catalog.ServicePrefix}), quotedCode(catalog.FamilyServices()), quotedCode(catalog.CompanionServices()), byDefault),
		ElementType: types.StringType,
		Optional:    true,
		Validators:  []validator.List{listvalidator.NoNullValues(), listvalidator.ValueStringsAre(stringvalidator.OneOf(serviceNames()...))},
	}
}

// serviceCatalogs returns the catalog of each service, in order: for
// Connect the configured snapshot c, for another of the family its own.
func serviceCatalogs(c *catalog.Catalog, services []string, diags *diag.Diagnostics) []*catalog.Catalog {
	var catalogs []*catalog.Catalog
	for _, service := range services {
		if service == catalog.ServicePrefix {
			catalogs = append(catalogs, c)
			continue
		}
		fc, err := catalog.LoadService(service)
		if err != nil {
			diags.AddError("Embedded catalog is invalid", catalogBug(err))
			return nil
		}
		catalogs = append(catalogs, fc)
	}
	return catalogs
}

// selectedServices reads a services filter: its values, or Connect alone
// when it is not set.
func selectedServices(services []types.String) []string {
	if services == nil {
		return []string{catalog.ServicePrefix}
	}
	return stringsOf(services)
}

// inSomeCatalog finds each value of a list in the catalogs: found reports
// whether a catalog knows it (and keeps it); a value that none knows is an
// error on its element, with what the first catalog says of it.
func inSomeCatalog(catalogs []*catalog.Catalog, values []types.String, at path.Path, diags *diag.Diagnostics, summary string,
	found func(c *catalog.Catalog, i int, value string) (ok bool, problem string),
) {
	for _, v := range presentValues(values) {
		known, firstProblem := false, ""
		for i, c := range catalogs {
			ok, problem := found(c, i, v.value)
			known = known || ok
			if i == 0 {
				firstProblem = problem
			}
		}
		if !known {
			diags.AddAttributeError(at.AtListIndex(v.at), summary, firstProblem)
		}
	}
}
