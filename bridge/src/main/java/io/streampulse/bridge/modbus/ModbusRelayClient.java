package io.streampulse.bridge.modbus;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.ModbusIOException;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Modbus TCP master connection to a relay board (j2mod), kept open between writes: relay boards accept few
 * connections, and a connect per alarm adds a round trip. Blocking; the receiver calls it from its one board
 * thread only, so writes go out one at a time. When the board drops the connection (restart, idle timeout),
 * j2mod's transaction closes and reopens it and tries again within its retries; if the write still fails with an
 * I/O error, we drop the connection, connect afresh and send it once more. Writing a coil is idempotent, so a
 * repeat is harmless.
 * No proxy process between us and the board (yolink-chekt needed one; we connect directly).
 */
final class ModbusRelayClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModbusRelayClient.class);
    static final int DEFAULT_TIMEOUT_MS = 2_000;

    private final int timeoutMs;
    private ModbusTCPMaster master;
    private String target = "";

    ModbusRelayClient(int timeoutMs) {
        this.timeoutMs = timeoutMs;
    }

    /** Writes one coil (FC05 Write Single Coil) at {@code unitId}; connects or reconnects as needed. */
    void writeCoil(String host, int port, int unitId, int coil, boolean on) throws ModbusException {
        ModbusTCPMaster connection = connection(host, port);
        try {
            connection.writeCoil(unitId, coil, on);
        } catch (ModbusIOException e) {
            LOG.info("Modbus board {} dropped the connection ({}); reconnecting", target, e.getMessage());
            disconnect();
            connection(host, port).writeCoil(unitId, coil, on);
        }
    }

    boolean connected() {
        return master != null && master.isConnected();
    }

    private ModbusTCPMaster connection(String host, int port) throws ModbusIOException {
        String wanted = host + ":" + port;
        if (master != null && (!wanted.equals(target) || !master.isConnected())) {
            disconnect();
        }
        if (master == null) {
            ModbusTCPMaster fresh = new ModbusTCPMaster(host, port, timeoutMs, false);
            fresh.setRetries(1);
            try {
                fresh.connect();
            } catch (Exception e) {
                fresh.disconnect();
                throw new ModbusIOException("cannot connect to " + wanted + ": " + reason(e));
            }
            master = fresh;
            target = wanted;
        }
        return master;
    }

    private void disconnect() {
        if (master != null) {
            master.disconnect();
            master = null;
        }
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public void close() {
        disconnect();
    }
}
