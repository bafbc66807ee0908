package io.streampulse.bridge.modbus;

/** Opens the test sources' j2mod relay-board slave (package-private there) to the bench. */
public final class RelayFake implements AutoCloseable {

    private final RelayBoardSlave slave;

    public RelayFake(int unitId, int coils) throws Exception {
        slave = new RelayBoardSlave(unitId, coils);
    }

    public int port() {
        return slave.port();
    }

    @Override
    public void close() {
        slave.close();
    }
}
