package dev.nereid.server.auth;

/**
 * Who sent a request, as far as what they may do goes. Routes ask before they act; a refusal is thrown as
 * a 403 {@code AccessDeniedException}. With authentication off every caller is {@link #UNRESTRICTED}, and
 * routes skip working out what a query may do.
 */
public interface Caller {

    Caller UNRESTRICTED = new Caller() {
        @Override
        public boolean unrestricted() {
            return true;
        }

        @Override
        public void require(IamAction action) {
        }

        @Override
        public void requireQuery(QueryLanguage language, boolean writes, boolean deletes) {
        }

        @Override
        public String toString() {
            return "unrestricted";
        }
    };

    /** Refuses everything: the caller of a connection that somehow has none. */
    Caller NOBODY = new Caller() {
        @Override
        public boolean unrestricted() {
            return false;
        }

        @Override
        public void require(IamAction action) {
            throw AccessDenied.exception();
        }

        @Override
        public void requireQuery(QueryLanguage language, boolean writes, boolean deletes) {
            throw AccessDenied.exception();
        }

        @Override
        public String toString() {
            return "nobody";
        }
    };

    /** True when nothing is ever refused, so a route need not classify its query. */
    boolean unrestricted();

    /** Refuses unless {@code action} is allowed (for actions that are not queries). */
    void require(IamAction action);

    /**
     * Refuses unless a query in {@code language} may read and, as asked, write and delete. Neptune asks for
     * every action a query <em>might</em> take, decided before it runs, whether or not it takes them.
     */
    void requireQuery(QueryLanguage language, boolean writes, boolean deletes);
}
