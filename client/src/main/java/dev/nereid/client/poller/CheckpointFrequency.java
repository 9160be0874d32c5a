package dev.nereid.client.poller;

/** When the poller saves its checkpoint, always after the handler has returned. */
public enum CheckpointFrequency {
    /** After every transaction: after a crash at most one transaction is handled again. */
    EVERY_TRANSACTION,
    /**
     * Once per page, after its last whole transaction: after a crash up to a page of transactions is
     * handled again, for one save per page instead of one per transaction.
     */
    EVERY_PAGE
}
