import io.streampulse.bridge.chekt.ChektFake;
import io.streampulse.bridge.modbus.RelayFake;
import io.streampulse.bridge.sia.FakeSiaReceiver;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What is not the bridge, in a process of its own: the receivers' fakes (DC-09 receiver, CHEKT bridge, Modbus relay
 * board) and YoLink's cloud publishing the reports ({@link CloudPublisher}). In production none of them is in the
 * bridge's process, and sharing its JVM hid the bridge's own CPU per event. Prints one line
 * {@code fakes <sia tcp port> <chekt url> <modbus port>}, then answers the bench's commands on stdin with one line
 * each ({@link FakesProcess}) until its stdin closes. Args: the CHEKT API token, the number of doors.
 */
public final class BenchFakes {

    public static void main(String[] args) throws Exception {
        Thread.currentThread().setName("cloud-publisher"); // the paced loop runs on this thread
        PacedReports reports = new PacedReports(Integer.parseInt(args[1]));
        CloudPublisher publisher = null;
        long[] sent = new long[0];
        ThreadCpu cpu = new ThreadCpu();
        try (FakeSiaReceiver sia = new FakeSiaReceiver(null);
             ChektFake chekt = new ChektFake(args[0]);
             RelayFake relay = new RelayFake(3, 16)) {
            sia.recording(false); // the bench counts acknowledgements on the bridge's side
            System.out.println("fakes " + sia.tcpPort() + " " + chekt.url() + " " + relay.port());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
            String line;
            while ((line = in.readLine()) != null) { // the bench closes our stdin when it is done
                String[] command = line.split(" ");
                String answer = switch (command[0]) {
                    // our System.nanoTime(): the bench checks that it reads the same clock (CLOCK_MONOTONIC)
                    case "clock" -> Long.toString(System.nanoTime());
                    case "connect" -> {
                        publisher = new CloudPublisher(command[1], Integer.parseInt(command[2]));
                        yield "connected";
                    }
                    case "publish" -> {
                        reports.one(Integer.parseInt(command[1]), Long.parseLong(command[2]), publisher);
                        yield "published";
                    }
                    case "run" -> {
                        sent = reports.run(Integer.parseInt(command[1]), Integer.parseInt(command[2]),
                                Long.parseLong(command[3]), publisher);
                        yield "ran";
                    }
                    // asked apart, once every answer is in: 10,000 numbers turned into text had run beside the
                    // run's last reports in both JVMs, and those were most of the run's slowest 1 %
                    case "sent" -> Arrays.stream(sent).mapToObj(Long::toString).collect(Collectors.joining(" "));
                    case "mark" -> {
                        cpu = new ThreadCpu();
                        yield "marked";
                    }
                    case "cpu" -> cpu.perReport(Integer.parseInt(command[1]), 10);
                    default -> "unknown command " + line;
                };
                System.out.println(answer);
                System.out.flush();
            }
            if (publisher != null) {
                publisher.disconnect();
            }
        }
    }
}
