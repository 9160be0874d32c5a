package dev.nereid.log;

/** The in-memory twin keeps the whole contract. */
class MemoryChangeLogTest extends ChangeLogContractTest {

    @Override
    protected ChangeLog newLog(LogConfig config) {
        return new MemoryChangeLog(config);
    }
}
