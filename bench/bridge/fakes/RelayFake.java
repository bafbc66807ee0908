package io.streampulse.bridge.modbus;

/** Opens the test sources' j2mod relay-board slave (package-private there) to the bench. */
public final class RelayFake implements AutoCloseable {

    private final RelayBoardSlave slave;

    public RelayFake(int unitId, int coils) throws Exception {
        slave = new RelayBoardSlave(unitId, coils);
    }

    /** The slave's own port: the bench never restarts the board, so it needs no front (and its pipe threads). */
    public int port() {
        return slave.directPort();
    }

    @Override
    public void close() {
        slave.close();
    }
}
