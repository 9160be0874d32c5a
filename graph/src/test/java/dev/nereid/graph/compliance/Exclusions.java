package dev.nereid.graph.compliance;

import io.cucumber.java.Scenario;
import org.junit.AssumptionViolatedException;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The TinkerPop Gherkin scenarios Nereid skips, each with its {@link Reason} — a deliberate Neptune
 * difference (spec §5.1, docs/gremlin-compliance.md) or a reported Nereid bug. A skip is an assumption
 * failure, so it is reported as skipped with its reason, never as a pass.
 */
final class Exclusions {

    /** Feature tags that mark a capability Neptune lacks, in the order they are checked. */
    private static final List<Map.Entry<String, Reason>> TAGS = List.of(
            Map.entry("@GraphComputerOnly", Reason.GRAPH_COMPUTER),
            Map.entry("@MetaProperties", Reason.META_PROPERTIES),
            Map.entry("@UserSuppliedVertexPropertyIds", Reason.VERTEX_PROPERTY_IDS),
            Map.entry("@AllowNullPropertyValues", Reason.NULL_VALUES));

    /** Single scenarios, by name, with what in them Neptune does differently. */
    private static final Map<String, Exclusion> SCENARIOS = Map.ofEntries(
            // null as a property value: TinkerGraph removes the property, Neptune refuses the request
            skip("g_V_outE_propertyXweight_nullX", Reason.NULL_VALUES, "property('weight', null) on edges"),
            skip("g_V_hasLabelXpersonX_propertyXname_nullX", Reason.NULL_VALUES, "property('name', null) on vertices"),
            skip("g_mergeVXlabel_person_name_marko_age_29X_optionXonMatch_age_nullX", Reason.NULL_VALUES,
                    "onMatch [age: null]"),
            skip("g_mergeEXlabel_knows_out_marko_in_vadasX_optionXonMatch_weight_nullX", Reason.NULL_VALUES,
                    "onMatch [weight: null]"),

            // list cardinality in the graph initializer or the traversal
            skip("g_mergeVXlabel_person_name_stephenX_propertyXlist_name_steveX", Reason.LIST_CARDINALITY,
                    "property(list, 'name', ...)"),
            skip("g_withSideEffectXc_label_person_name_markoX_withSideEffectXm_age_19X_mergeVXselectXcXX_optionXonMatch_sideEffectXpropertiesXageX_dropX_selectXmXX_option",
                    Reason.LIST_CARDINALITY, "initializer: property(list, 'age', ...)"),
            skip("g_withSideEffectXm_age_19X_V_hasXperson_name_markoX_mergeVXselectXcXX_optionXonMatch_sideEffectXpropertiesXageX_dropX_selectXmXX_option",
                    Reason.LIST_CARDINALITY, "initializer: property(list, 'age', ...)"),
            skip("g_mergeVXname_markoX_optionXonMatch_age_listX33XX", Reason.LIST_CARDINALITY,
                    "initializer: property(list, 'age', ...)"),
            skip("g_mergeVXname_markoX_optionXonMatch_age_setX33XX", Reason.LIST_CARDINALITY,
                    "initializer: property(list, 'age', ...)"),
            skip("g_mergeVXname_markoX_optionXonMatch_age_setX31XX", Reason.LIST_CARDINALITY,
                    "initializer: property(list, 'age', ...)"),
            skip("g_mergeVXname_markoX_optionXonMatch_age_singleX33XX", Reason.LIST_CARDINALITY,
                    "initializer: property(list, 'age', ...)"),
            skip("g_mergeVXname_markoX_optionXonMatch_age_33_singleX", Reason.LIST_CARDINALITY,
                    "initializer: property(list, 'age', ...)"),
            skip("g_mergeVXname_markoX_optionXonMatch_name_allen_age_setX31X_singleX", Reason.LIST_CARDINALITY,
                    "initializer: property(list, 'age', ...)"),
            skip("g_mergeVXname_markoX_optionXonMatch_name_allen_age_singleX31X_singleX", Reason.LIST_CARDINALITY,
                    "initializer: property(list, 'age', ...)"),

            // set cardinality by default: the old value stays beside the new one
            skip("g_V_hasXname_fooX_propertyXname_setXbarX_age_43X", Reason.SET_CARDINALITY,
                    "property([age: 43]) keeps age 42"),
            skip("g_V_hasXperson_name_aliceX_propertyXsingle_age_unionXage_constantX1XX_sumX", Reason.SET_CARDINALITY,
                    "property('age', 51) keeps age 50"),

            // lambdas
            skip("g_VX1X_out_mapXlambdaXnameXX_mapXlambdaXlengthXX", Reason.LAMBDAS, "Lambda.function(...)"),

            // io() reading files from the server's disk
            skip("g_io_readXkryoX", Reason.IO, "g.io(file).read()"),
            skip("g_io_read_withXreader_gryoX", Reason.IO, "g.io(file).read()"),
            skip("g_io_readXgraphsonX", Reason.IO, "g.io(file).read()"),
            skip("g_io_read_withXreader_graphsonX", Reason.IO, "g.io(file).read()"),
            skip("g_io_readXgraphmlX", Reason.IO, "g.io(file).read()"),
            skip("g_io_read_withXreader_graphmlX", Reason.IO, "g.io(file).read()"),

            // TinkerGraph's test services: tinker.search, tinker.degree.centrality, and g.call() listing them
            skip("g_call", Reason.PROVIDER_SERVICES, "lists TinkerGraph's services"),
            skip("g_callXlistX", Reason.PROVIDER_SERVICES, "lists TinkerGraph's services"),
            skip("g_callXlistX_withXstring_stringX", Reason.PROVIDER_SERVICES, "lists TinkerGraph's services"),
            skip("g_callXlistX_withXstring_traversalX", Reason.PROVIDER_SERVICES, "lists TinkerGraph's services"),
            skip("g_callXlist_mapX", Reason.PROVIDER_SERVICES, "lists TinkerGraph's services"),
            skip("g_callXlist_traversalX", Reason.PROVIDER_SERVICES, "lists TinkerGraph's services"),
            skip("g_callXlist_map_traversalX", Reason.PROVIDER_SERVICES, "lists TinkerGraph's services"),
            skip("g_callXsearch_mapX", Reason.PROVIDER_SERVICES, "tinker.search"),
            skip("g_callXsearch_traversalX", Reason.PROVIDER_SERVICES, "tinker.search"),
            skip("g_callXsearchX_withXstring_stringX", Reason.PROVIDER_SERVICES, "tinker.search"),
            skip("g_callXsearchX_withXstring_traversalX", Reason.PROVIDER_SERVICES, "tinker.search"),
            skip("g_callXsearch_mapX_withXstring_VertexX", Reason.PROVIDER_SERVICES, "tinker.search"),
            skip("g_callXsearch_mapX_withXstring_EdgeX", Reason.PROVIDER_SERVICES, "tinker.search"),
            skip("g_callXsearch_mapX_withXstring_VertexPropertyX", Reason.PROVIDER_SERVICES, "tinker.search"),
            skip("g_V_callXdcX", Reason.PROVIDER_SERVICES, "tinker.degree.centrality"),
            skip("g_V_whereXcallXdcXX", Reason.PROVIDER_SERVICES, "tinker.degree.centrality"),
            skip("g_V_callXdcX_withXdirection_OUTX", Reason.PROVIDER_SERVICES, "tinker.degree.centrality"),
            skip("g_V_callXdc_mapX_withXdirection_OUTX", Reason.PROVIDER_SERVICES, "tinker.degree.centrality"),
            skip("g_V_callXdc_traversalX", Reason.PROVIDER_SERVICES, "tinker.degree.centrality"),
            skip("g_V_callXdc_map_traversalX", Reason.PROVIDER_SERVICES, "tinker.degree.centrality")
    );

    record Exclusion(Reason reason, String detail) {
    }

    private Exclusions() {
    }

    static void skipIfExcluded(Scenario scenario) {
        Collection<String> tags = scenario.getSourceTagNames();
        for (Map.Entry<String, Reason> t : TAGS) {
            if (tags.contains(t.getKey())) {
                throw new AssumptionViolatedException(t.getValue().skipMessage("tagged " + t.getKey()));
            }
        }
        Exclusion e = SCENARIOS.get(scenario.getName());
        if (e != null) {
            throw new AssumptionViolatedException(e.reason().skipMessage(e.detail()));
        }
    }

    private static Map.Entry<String, Exclusion> skip(String scenario, Reason reason, String detail) {
        return Map.entry(scenario, new Exclusion(reason, detail));
    }
}
