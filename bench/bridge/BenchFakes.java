import io.streampulse.bridge.chekt.ChektFake;
import io.streampulse.bridge.modbus.RelayFake;
import io.streampulse.bridge.sia.FakeSiaReceiver;

/**
 * The receivers' fakes (DC-09 receiver, CHEKT bridge, Modbus relay board) in a process of their own: in production
 * the receivers are not in the bridge's process, and sharing its JVM hid the bridge's own CPU per event. Prints one
 * line {@code fakes <sia tcp port> <chekt url> <modbus port>} and runs until its stdin closes.
 * Args: the CHEKT API token.
 */
public final class BenchFakes {

    public static void main(String[] args) throws Exception {
        try (FakeSiaReceiver sia = new FakeSiaReceiver(null);
             ChektFake chekt = new ChektFake(args[0]);
             RelayFake relay = new RelayFake(3, 16)) {
            System.out.println("fakes " + sia.tcpPort() + " " + chekt.url() + " " + relay.port());
            System.out.flush();
            ThreadCpu cpu = new ThreadCpu();
            while (System.in.read() >= 0) {
                // the bench closes our stdin when it is done
            }
            System.err.println("  fakes' JVM CPU since start by thread (ms in all): " + cpu.perReport(1, 12));
        }
    }
}
