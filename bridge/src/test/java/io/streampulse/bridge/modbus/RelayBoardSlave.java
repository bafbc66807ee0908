package io.streampulse.bridge.modbus;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalOut;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import io.streampulse.bridge.support.ConnectionFront;
import io.streampulse.testkit.FreePorts;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A relay board on a real socket: j2mod's own Modbus TCP slave with {@code coils} coils at one unit id. Each
 * coil records every value written to it, so a test sees a pulse's ON and OFF even if it looks after both.
 * {@link #restart()} drops every connection and starts a fresh slave with fresh coils behind the same port, as a
 * board does when power-cycled (the slave listens on a back port behind a {@link ConnectionFront}).
 */
public final class RelayBoardSlave implements AutoCloseable {

    /** A coil that remembers its writes. */
    public static final class RecordingCoil extends SimpleDigitalOut {
        private final List<Boolean> writes = new ArrayList<>(); // guarded by this (not copy-on-write: a bench writes thousands)

        @Override
        public synchronized void set(boolean value) {
            super.set(value);
            writes.add(value);
        }

        public synchronized List<Boolean> writes() {
            return List.copyOf(writes);
        }
    }

    private final int port = FreePorts.next();
    private final int backPort = FreePorts.next();
    private final ConnectionFront front;
    private final int unitId;
    private final int coilCount;
    private List<RecordingCoil> coils;
    private ModbusSlave slave;

    public RelayBoardSlave(int unitId, int coilCount) throws ModbusException, java.io.IOException {
        this.unitId = unitId;
        this.coilCount = coilCount;
        start();
        front = new ConnectionFront(port, backPort);
    }

    public int port() {
        return port;
    }

    /**
     * The slave's own port, behind the front: for a harness that never restarts the board (bench/bridge), so its
     * requests do not take the front's two pipe threads per connection, as they would not reach a real board.
     */
    int directPort() {
        return backPort;
    }

    /** Every value written to {@code coil} (0-based) since the slave (re)started. */
    public List<Boolean> writes(int coil) {
        return coils.get(coil).writes();
    }

    public boolean isOn(int coil) {
        return coils.get(coil).isSet();
    }

    void restart() throws ModbusException {
        front.cutAll();
        stopSlave();
        start();
    }

    private void stopSlave() {
        if (slave != null) {
            ModbusSlaveFactory.close(slave);
            slave = null;
        }
    }

    private void start() throws ModbusException {
        SimpleProcessImage image = new SimpleProcessImage(unitId);
        List<RecordingCoil> fresh = new ArrayList<>();
        for (int i = 0; i < coilCount; i++) {
            RecordingCoil coil = new RecordingCoil();
            fresh.add(coil);
            image.addDigitalOut(coil);
        }
        coils = fresh;
        try {
            slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getByName("127.0.0.1"), backPort, 4, false);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        slave.addProcessImage(unitId, image);
        slave.open();
    }

    @Override
    public void close() {
        front.close();
        stopSlave();
    }
}
