package dev.nereid.graph;

import org.apache.tinkerpop.gremlin.structure.Graph.Features;
import org.apache.tinkerpop.gremlin.structure.VertexProperty;

/**
 * What Nereid's graph supports, as TinkerPop's provider tests and strategies read it: Neptune's model
 * (spec §5.1) — string ids, set cardinality, no meta-properties, no null values, only scalar values —
 * with TinkerGraph's transactions and no graph computer or variables.
 */
public final class NereidFeatures implements Features {

    private static final NereidFeatures INSTANCE = new NereidFeatures();

    static Features instance() {
        return INSTANCE;
    }

    @Override
    public GraphFeatures graph() {
        return GRAPH;
    }

    @Override
    public VertexFeatures vertex() {
        return VERTEX;
    }

    @Override
    public EdgeFeatures edge() {
        return EDGE;
    }

    @Override
    public String toString() {
        return org.apache.tinkerpop.gremlin.structure.util.StringFactory.featureString(this);
    }

    /** Scalar values only (spec §2.2). */
    interface ScalarValues extends DataTypeFeatures {
        @Override
        default boolean supportsMapValues() {
            return false;
        }

        @Override
        default boolean supportsMixedListValues() {
            return false;
        }

        @Override
        default boolean supportsBooleanArrayValues() {
            return false;
        }

        @Override
        default boolean supportsByteArrayValues() {
            return false;
        }

        @Override
        default boolean supportsDoubleArrayValues() {
            return false;
        }

        @Override
        default boolean supportsFloatArrayValues() {
            return false;
        }

        @Override
        default boolean supportsIntegerArrayValues() {
            return false;
        }

        @Override
        default boolean supportsStringArrayValues() {
            return false;
        }

        @Override
        default boolean supportsLongArrayValues() {
            return false;
        }

        @Override
        default boolean supportsSerializableValues() {
            return false;
        }

        @Override
        default boolean supportsUniformListValues() {
            return false;
        }
    }

    /** String ids, user-supplied or generated. */
    interface StringIds extends ElementFeatures {
        @Override
        default boolean supportsNullPropertyValues() {
            return false;
        }

        @Override
        default boolean supportsNumericIds() {
            return false;
        }

        @Override
        default boolean supportsUuidIds() {
            return false;
        }

        @Override
        default boolean supportsCustomIds() {
            return false;
        }

        @Override
        default boolean supportsAnyIds() {
            return false;
        }
    }

    /** No graph variables, so no variable value types either. */
    private static final class NoVariables implements VariableFeatures, ScalarValues {
        @Override
        public boolean supportsVariables() {
            return false;
        }

        @Override
        public boolean supportsBooleanValues() {
            return false;
        }

        @Override
        public boolean supportsByteValues() {
            return false;
        }

        @Override
        public boolean supportsDoubleValues() {
            return false;
        }

        @Override
        public boolean supportsFloatValues() {
            return false;
        }

        @Override
        public boolean supportsIntegerValues() {
            return false;
        }

        @Override
        public boolean supportsLongValues() {
            return false;
        }

        @Override
        public boolean supportsStringValues() {
            return false;
        }
    }

    private static final VariableFeatures NO_VARIABLES = new NoVariables();

    private static final GraphFeatures GRAPH = new GraphFeatures() {
        @Override
        public boolean supportsComputer() {
            return false;
        }

        @Override
        public boolean supportsPersistence() {
            return true;
        }

        @Override
        public boolean supportsThreadedTransactions() {
            return false;
        }

        @Override
        public boolean supportsServiceCall() {
            return false;
        }

        @Override
        public boolean supportsIoRead() {
            return false;
        }

        @Override
        public boolean supportsIoWrite() {
            return false;
        }

        @Override
        public VariableFeatures variables() {
            return NO_VARIABLES;
        }
    };

    /** Vertex properties: no ids of their own a user can supply, no null values, scalars only. */
    private static final class VertexProperties implements VertexPropertyFeatures, ScalarValues {
        @Override
        public boolean supportsNullPropertyValues() {
            return false;
        }

        @Override
        public boolean supportsUserSuppliedIds() {
            return false;
        }

        @Override
        public boolean supportsStringIds() {
            return false;
        }

        @Override
        public boolean supportsUuidIds() {
            return false;
        }

        @Override
        public boolean supportsCustomIds() {
            return false;
        }

        @Override
        public boolean supportsAnyIds() {
            return false;
        }
    }

    private static final class EdgeProperties implements EdgePropertyFeatures, ScalarValues {
    }

    private static final class Vertices implements VertexFeatures, StringIds {
        private final VertexPropertyFeatures properties = new VertexProperties();

        @Override
        public VertexProperty.Cardinality getCardinality(String key) {
            return VertexProperty.Cardinality.set;
        }

        @Override
        public boolean supportsDuplicateMultiProperties() {
            return false;
        }

        @Override
        public boolean supportsMetaProperties() {
            return false;
        }

        @Override
        public boolean supportsUpsert() {
            return false;
        }

        @Override
        public VertexPropertyFeatures properties() {
            return properties;
        }
    }

    private static final class Edges implements EdgeFeatures, StringIds {
        private final EdgePropertyFeatures properties = new EdgeProperties();

        @Override
        public boolean supportsUpsert() {
            return false;
        }

        @Override
        public EdgePropertyFeatures properties() {
            return properties;
        }
    }

    private static final VertexFeatures VERTEX = new Vertices();
    private static final EdgeFeatures EDGE = new Edges();
}
