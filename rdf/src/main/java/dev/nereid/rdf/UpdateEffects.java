package dev.nereid.rdf;

import org.apache.jena.sparql.modify.request.UpdateAdd;
import org.apache.jena.sparql.modify.request.UpdateClear;
import org.apache.jena.sparql.modify.request.UpdateCopy;
import org.apache.jena.sparql.modify.request.UpdateCreate;
import org.apache.jena.sparql.modify.request.UpdateDataDelete;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDeleteWhere;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.sparql.modify.request.UpdateMove;
import org.apache.jena.sparql.modify.request.UpdateVisitor;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateRequest;

/**
 * What a SPARQL update request may do to the data, decided from its operations before any runs: Neptune's
 * IAM data actions, where every request needs ReadDataViaQuery and these add WriteDataViaQuery and
 * DeleteDataViaQuery, whether or not an operation turns out to change anything. (A SPARQL query only reads.)
 * <ul>
 *   <li>INSERT DATA, LOAD, ADD, CREATE: write;</li>
 *   <li>DELETE DATA, DELETE WHERE, CLEAR, DROP: delete;</li>
 *   <li>DELETE {…} INSERT {…} WHERE: deletes if its DELETE template has a quad, writes if its INSERT
 *       template has one;</li>
 *   <li>COPY and MOVE: write and delete — the destination's triples are replaced, and MOVE empties the
 *       source.</li>
 * </ul>
 */
public record UpdateEffects(boolean writes, boolean deletes) {

    public static final UpdateEffects READ_ONLY = new UpdateEffects(false, false);
    public static final UpdateEffects WRITES = new UpdateEffects(true, false);
    public static final UpdateEffects DELETES = new UpdateEffects(false, true);
    public static final UpdateEffects WRITES_AND_DELETES = new UpdateEffects(true, true);

    /** What the request's operations together may do; a request of no operation changes nothing. */
    public static UpdateEffects of(UpdateRequest request) {
        UpdateEffects effects = READ_ONLY;
        for (Update operation : request.getOperations()) {
            effects = effects.and(of(operation));
        }
        return effects;
    }

    public static UpdateEffects of(Update operation) {
        OperationVisitor visitor = new OperationVisitor();
        operation.visit(visitor);
        return visitor.effects;
    }

    public UpdateEffects and(UpdateEffects other) {
        return new UpdateEffects(writes || other.writes, deletes || other.deletes);
    }

    private static final class OperationVisitor implements UpdateVisitor {
        /** An operation this visitor does not know (none in SPARQL 1.1) is assumed to do everything. */
        private UpdateEffects effects = WRITES_AND_DELETES;

        @Override
        public void visit(UpdateDataInsert update) {
            effects = WRITES;
        }

        @Override
        public void visit(UpdateDataDelete update) {
            effects = DELETES;
        }

        @Override
        public void visit(UpdateDeleteWhere update) {
            effects = DELETES;
        }

        @Override
        public void visit(UpdateModify update) {
            effects = new UpdateEffects(!update.getInsertQuads().isEmpty(), !update.getDeleteQuads().isEmpty());
        }

        @Override
        public void visit(UpdateClear update) {
            effects = DELETES;
        }

        @Override
        public void visit(UpdateDrop update) {
            effects = DELETES;
        }

        @Override
        public void visit(UpdateLoad update) {
            effects = WRITES;
        }

        @Override
        public void visit(UpdateAdd update) {
            effects = WRITES;
        }

        @Override
        public void visit(UpdateCreate update) {
            effects = WRITES;
        }

        @Override
        public void visit(UpdateCopy update) {
            effects = WRITES_AND_DELETES;
        }

        @Override
        public void visit(UpdateMove update) {
            effects = WRITES_AND_DELETES;
        }
    }
}
